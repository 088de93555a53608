// What main hands to post in broker mode: the nonces of the keys it asked the broker for (each saved before its
// request leaves, so post can revoke by it when the answer never came) and the key it got. Unsealed, on purpose:
// the job holds no secret to seal it with, and it needs none. Any step of the job can ask the broker to revoke
// this run's keys with its own OIDC token; the broker deletes nothing else, whatever this value says.
// It carries main's inputs post reads again (the broker's URL and audience among them), because the runner may
// hand post other inputs than main's (actions/runner#2030). A value another step writes as `STATE_broker` to
// $GITHUB_ENV never reaches post in place of main's: main saves one before it reads anything (journal/mode.ts),
// and the runner gives the state a step saved itself precedence.
import type { CreateEvents } from './journal.js';
import type { StateStore } from '../runtime/step.js';

const STATE_NAME = 'broker';
const VERSION = 1;

export interface BrokerRecord {
  /** Nonces of mints that may have made a key whose ID main never learned. */
  unanswered: string[];
  made?: { id: string; name: string; ticket?: string };
  /** Main's inputs post reads again, as main read them (never a secret). */
  inputs?: Record<string, string>;
}

/** Main's side: each event saved before the request it protects. */
export class BrokerJournal {
  private readonly record: BrokerRecord;

  constructor(
    private readonly store: StateStore,
    inputs?: Record<string, string>,
  ) {
    this.record = { unanswered: [], ...(inputs ? { inputs } : {}) };
    this.save();
  }

  /** The events of one mint, named by the nonce of the key's name. */
  mints(): CreateEvents {
    return {
      sending: (nonce) => this.change(() => this.record.unanswered.push(nonce)),
      noneMade: (nonce) => this.change(() => this.forget(nonce)),
      // The step revoked what the lost answer may have made; post asks once more, for a late commit.
      lost: () => undefined,
      made: (id, nonce) =>
        this.change(() => {
          this.forget(nonce);
          this.record.made = { id, name: nonce };
        }),
    };
  }

  /** The key's full name (post names it in its lines) and its revoke ticket, once known. */
  named(name: string, ticket: string): void {
    const made = this.record.made;
    if (made) this.change(() => Object.assign(made, { name, ...(ticket ? { ticket } : {}) }));
  }

  private forget(nonce: string): void {
    this.record.unanswered = this.record.unanswered.filter((each) => each !== nonce);
  }

  private change(apply: () => void): void {
    apply();
    this.save();
  }

  private save(): void {
    this.store.saveState(STATE_NAME, JSON.stringify({ v: VERSION, ...this.record }));
  }
}

/** Post's side: what main recorded, or `undefined` when it saved nothing readable (it made nothing). */
export function readBrokerRecord(store: StateStore): BrokerRecord | undefined {
  const raw = store.getState(STATE_NAME);
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<BrokerRecord> & { v?: unknown };
    if (value.v !== VERSION || !Array.isArray(value.unanswered)) return undefined;
    const nonces = value.unanswered.filter(
      (nonce): nonce is string => typeof nonce === 'string' && /^[a-z0-9]{6}$/.test(nonce),
    );
    const made =
      value.made && typeof value.made.id === 'string' && typeof value.made.name === 'string' ? value.made : undefined;
    const inputs = stringsOnly(value.inputs);
    return { unanswered: nonces, ...(made ? { made } : {}), ...(inputs ? { inputs } : {}) };
  } catch {
    return undefined;
  }
}

function stringsOnly(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  return entries.every(([, each]) => typeof each === 'string') ? Object.fromEntries(entries) : undefined;
}
