// What main hands to post, owned here alone: main records named events, post reads a plan derived from them.
// It travels as one state value, rewritten at every event: the runner keeps the last value saved and reads the
// state file even after a crash or a kill, so each event is a checkpoint post can act on. Never a secret: post
// logs in again and addresses keys by ID.
// Any earlier step can forge state (a `STATE_journal=…` line in $GITHUB_ENV reaches post like state main saved,
// unless main saved it itself), and post deletes keys on its word. So the value is sealed: an HMAC-SHA256 over it,
// keyed with HKDF from the client secret and bound to this repository, run, attempt and job. A value that does
// not verify is ignored; only the service account's secret, which can mint keys anyway, can forge one.
// It also carries main's inputs that post reads again (`inputs`): the runner may hand post other inputs than
// main's (an action wrapped in nested composites gets the outer one's, actions/runner#2030), and post would then
// log in elsewhere, or as another account.
import { timingSafeEqual } from 'node:crypto';
import type { Seal } from '../crypto/state-seal.js';
import type { Retiree } from '../rules/sweep-plan.js';
import type { StateStore } from '../runtime/step.js';

const STATE_NAME = 'journal';
const VERSION = 'v3';

/** What main recorded of one kind of thing it makes (an API key, a throwaway project): the journal's slot for it. */
interface Slot {
  /** Every name a create was sent for that may have made one; the name of the one made included. */
  names: string[];
  /** The name whose create is unanswered right now: post waits a little for a late commit. */
  inFlight: string;
  made?: { id: string; name: string };
  /** Handed to the workflow run (`share: true`): the run's now, not this job's. */
  shared?: boolean;
  /** Others of this kind made by this action, for post to delete: expired ones, older ones (`replace`). */
  retire: Retiree[];
}

interface JournalState {
  /** The project the job's keys are made in (a given one, or the throwaway project once made). */
  projectId: string;
  cleanup: boolean;
  /** Main's inputs post reads again, as main read them (never a secret); absent before main read its inputs. */
  inputs?: Record<string, string>;
  /** One slot per kind, by the kind's name (kinds/kinds.ts); absent: nothing of that kind was asked for. */
  slots: Record<string, Slot>;
}

/**
 * What post is to do with one kind of thing, derived from main's events. `own`: the one main made, to `delete` at
 * the end of the job, `keep` (cleanup: false), or leave to the run (`shared`: deleted by the revoke job or a sweep).
 */
export interface KindPlan {
  own: { id: string; name: string; fate: 'delete' | 'keep' | 'shared' } | undefined;
  /** Names main may have made without learning their ID: looked for, and deleted if found. */
  orphans: string[];
  /** A create was unanswered when main stopped: it may still be carried out, so look again a few times. */
  lateCreate: string | undefined;
  retire: Retiree[];
}

/** What post is to do, derived from main's events. */
export interface PostPlan {
  projectId: string;
  /** Main's inputs post reads again, when main got as far as reading them. */
  inputs: Record<string, string> | undefined;
  /** The plan for one kind (an empty one when main made nothing of it). */
  of(kind: string): KindPlan;
}

/**
 * What main records around one create that is not idempotent: the name before it is sent, then what became of it.
 * `noneMade`: a definite answer (or nothing sent): nothing for post to look for. `lost`: the answer was lost and
 * what it made is dealt with; post still looks for the name once (a late commit). `made`: the ID is known.
 */
export interface CreateEvents {
  sending(name: string): void;
  noneMade(name: string): void;
  lost(): void;
  made(id: string, name: string): void;
}

/** Main's side: each method is one event, saved before the request it protects is sent. */
export class Journal {
  private readonly record: JournalState;

  constructor(
    private readonly store: StateStore,
    private readonly seal: Seal,
    projectId: string,
    cleanup: boolean,
    inputs?: Record<string, string>,
  ) {
    this.record = { projectId, cleanup, ...(inputs ? { inputs } : {}), slots: {} };
    this.save();
  }

  /** The events of one kind of create (the key, or a throwaway project), each saved before what it protects. */
  creates(kind: string): CreateEvents {
    const slot = this.slot(kind);
    const saveWith = (inFlight: string) => {
      slot.inFlight = inFlight;
      this.save();
    };
    return {
      sending: (name) => {
        slot.names.push(name);
        saveWith(name);
      },
      noneMade: (name) => {
        slot.names = slot.names.filter((n) => n !== name);
        saveWith('');
      },
      lost: () => saveWith(''),
      made: (id, name) => {
        slot.made = { id, name };
        saveWith('');
      },
    };
  }

  /** The job's keys are made in this project from now on (a throwaway project, once made). */
  keysIn(projectId: string): void {
    this.record.projectId = projectId;
    this.save();
  }

  /** Handed to the other jobs of the run: from now on the run's, not this job's. */
  shared(kind: string): void {
    this.slot(kind).shared = true;
    this.save();
  }

  retireLater(kind: string, items: Retiree[]): void {
    this.slot(kind).retire = items;
    this.save();
  }

  private slot(kind: string): Slot {
    return (this.record.slots[kind] ??= { names: [], inFlight: '', retire: [] });
  }

  private save(): void {
    const body = Buffer.from(JSON.stringify(this.record)).toString('base64url');
    const text = `${VERSION}.${body}`;
    this.store.saveState(STATE_NAME, `${text}.${this.seal(text).toString('base64url')}`);
  }
}

/** True when main left anything at all (or something posing as main did). */
export function hasJournal(store: StateStore): boolean {
  return store.getState(STATE_NAME) !== '';
}

/** Post's side: the plan, or `undefined` when the state does not verify (forged, or sealed with another secret). */
export function readPlan(store: StateStore, seal: Seal): PostPlan | undefined {
  const [version, body, mac, ...rest] = store.getState(STATE_NAME).split('.');
  if (version !== VERSION || !body || !mac || rest.length > 0) return undefined;
  const expected = seal(`${version}.${body}`);
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const record = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as JournalState;
  const planOf = (slot: Slot | undefined): KindPlan => {
    if (!slot) return { own: undefined, orphans: [], lateCreate: undefined, retire: [] };
    const fate = slot.shared ? 'shared' : record.cleanup ? 'delete' : 'keep';
    return {
      own: slot.made ? { ...slot.made, fate } : undefined,
      orphans: slot.names.filter((name) => name !== slot.made?.name),
      lateCreate: slot.inFlight || undefined,
      retire: slot.retire,
    };
  };
  return { projectId: record.projectId, inputs: record.inputs, of: (kind) => planOf(record.slots[kind]) };
}
