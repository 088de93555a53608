// What main hands to post, owned here alone: main records named events, post reads a plan derived from them.
// It travels as one state value, rewritten at every event: the runner keeps the last value saved and reads the
// state file even after a crash or a kill, so each event is a checkpoint post can act on. Never a secret: post
// logs in again and addresses keys by ID.
// Any earlier step can forge state (a `STATE_journal=…` line in $GITHUB_ENV reaches post like state main saved,
// unless main saved it itself), and post deletes keys on its word. So the value is sealed: an HMAC-SHA256 over it,
// keyed with HKDF from the client secret and bound to this repository, run, attempt and job. A value that does
// not verify is ignored; only the service account's secret, which can mint keys anyway, can forge one.
import { timingSafeEqual } from 'node:crypto';
import type { Seal } from '../crypto/state-seal.js';
import type { Retiree } from '../rules/sweep-plan.js';
import type { StateStore } from '../runtime/step.js';

const STATE_NAME = 'journal';
const VERSION = 'v1';

interface JournalState {
  projectId: string;
  cleanup: boolean;
  /** Every name a create was sent for that may have made a key; the created key's name included. */
  names: string[];
  /** The name whose create is unanswered right now: post waits a little for a late commit. */
  inFlight: string;
  key?: { id: string; name: string };
  /** The key was handed to the run (`share: true`): it belongs to the run now, not to this job. */
  shared?: boolean;
  retire: Retiree[];
  /** A throwaway project (new-project: true): every name a create was sent for, as for keys, and the one made. */
  projectNames?: string[];
  projectInFlight?: string;
  project?: { id: string; name: string };
  /** Other throwaway projects of this action for post to delete: expired ones, older ones (`replace`). */
  retireProjects?: Retiree[];
}

/** What post is to do, derived from main's events. */
export interface PostPlan {
  projectId: string;
  /**
   * The key main made. `delete` it at the end of the job, `keep` it (cleanup: false), or leave it to the run
   * (`shared`: handed to other jobs, deleted by the revoke job or a sweep).
   */
  ownKey: { id: string; name: string; fate: 'delete' | 'keep' | 'shared' } | undefined;
  /** Names of keys main may have made without learning their ID: looked for, and deleted if found. */
  orphans: string[];
  /** A create was unanswered when main stopped: it may still be carried out, so look again a few times. */
  lateCreate: string | undefined;
  /** Other keys of this action for post to delete: expired ones (`sweep-expired`), older ones (`replace`). */
  retire: Retiree[];
  /**
   * The throwaway project main made (new-project: true): `delete` it with everything in it at the end of the job
   * (its keys go with it, the job's key included), or `keep` it (cleanup: false) for a sweep to find expired.
   */
  ownProject: { id: string; name: string; fate: 'delete' | 'keep' } | undefined;
  /** Names of projects main may have made without learning their ID, and the one unanswered when main stopped. */
  projectOrphans: string[];
  lateProjectCreate: string | undefined;
  /** Other throwaway projects of this action for post to empty and delete. */
  retireProjects: Retiree[];
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
  ) {
    this.record = { projectId, cleanup, names: [], inFlight: '', retire: [] };
    this.save();
  }

  /** The events of one kind of create (the key, or a throwaway project), each saved before what it protects. */
  creates(kind: 'key' | 'project'): CreateEvents {
    const [namesField, inFlightField] =
      kind === 'key' ? (['names', 'inFlight'] as const) : (['projectNames', 'projectInFlight'] as const);
    const record = this.record;
    const saveWith = (inFlight: string) => {
      record[inFlightField] = inFlight;
      this.save();
    };
    return {
      sending: (name) => {
        record[namesField] = [...(record[namesField] ?? []), name];
        saveWith(name);
      },
      noneMade: (name) => {
        record[namesField] = (record[namesField] ?? []).filter((n) => n !== name);
        saveWith('');
      },
      lost: () => saveWith(''),
      made: (id, name) => {
        if (kind === 'key') record.key = { id, name };
        else Object.assign(record, { project: { id, name }, projectId: id }); // the key goes in it
        saveWith('');
      },
    };
  }

  /** Handed to the other jobs of the run: from now on the run's, not this job's. */
  shared(): void {
    this.record.shared = true;
    this.save();
  }

  retireLater(keys: Retiree[]): void {
    this.record.retire = keys;
    this.save();
  }

  retireProjectsLater(projects: Retiree[]): void {
    this.record.retireProjects = projects;
    this.save();
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
  const fate = record.shared ? 'shared' : record.cleanup ? 'delete' : 'keep';
  const ownKey = record.key ? ({ ...record.key, fate } as const) : undefined;
  const projectFate = record.cleanup ? 'delete' : 'keep';
  return {
    projectId: record.projectId,
    ownKey,
    orphans: record.names.filter((name) => name !== record.key?.name),
    lateCreate: record.inFlight || undefined,
    retire: record.retire,
    ownProject: record.project ? { ...record.project, fate: projectFate } : undefined,
    projectOrphans: (record.projectNames ?? []).filter((name) => name !== record.project?.name),
    lateProjectCreate: record.projectInFlight || undefined,
    retireProjects: record.retireProjects ?? [],
  };
}
