// One kind of thing this action makes, retires and sweeps (an API key, a throwaway project), described once: how
// it is named, listed and deleted, what goes with it, and every sentence that names it. Post, the sweep and making
// room loop over kinds; they never ask which kind they hold.
import type { ActionError } from '../base/errors.js';
import type { NameParser } from '../rules/names.js';
import type { Named, SweepPlan } from '../rules/sweep-plan.js';

export type Removal = 'deleted' | 'already gone';

/** Something the action knows by ID and name. */
export interface Item {
  id: string;
  name: string;
}

export interface Kind<T extends Named = Named> {
  /** Its slot in the journal, and its word in short lines (`key`, `project`). */
  readonly name: string;
  /** How lines name one in full: `API key`, `project`. */
  readonly noun: string;
  /** Names this action made of this kind (a project's only with this service account's tag). */
  readonly parse: NameParser;
  /**
   * Names only this service account's maker of this kind can make (its tag verifies): the only ones `replace` and
   * renew act on while they are live. A key name anyone could type is left to its expiry.
   */
  readonly ours: NameParser;
  /** The kinds that go with one of these when it is deleted (a project takes its keys along). */
  readonly holds: readonly string[];
  list(): Promise<T[]>;
  remove(item: Item): Promise<Removal>;
  /** Post: deletes the job's own one, with the job's own things inside it, and says so. */
  deleteOwn(own: Item, inside: readonly Item[]): Promise<void>;
  /** Post's line for the job's own one when it outlives the job (`keep`: cleanup false; `shared`: the run's). */
  kept(own: Item, fate: 'keep' | 'shared', inside: readonly Item[]): string;
  /** Post's failure line when deleting the job's own one failed. */
  notDeleted(own: Item, message: string): string;
  /** When a create finds no room (a project full of keys, an organization at its project limit). */
  room: Room<T>;
  sweep: SweepWords<T>;
}

export interface Room<T extends Named> {
  isFull(error: unknown): error is ActionError;
  /** The failure when sweep-expired is off. */
  withoutSweep(error: ActionError): string;
  /** The line before this action's expired ones are deleted to make room. */
  making(count: number): string;
  /** The failure when none of what fills it is this action's and expired. */
  noneExpired(error: ActionError, listed: readonly T[], now: number): ActionError;
  /** The failure when every expired one of this action belongs to a run still going (its post step deletes it). */
  spared(error: ActionError, count: number): ActionError;
  /** The failure when it is still full after making room. */
  stillFull(error: ActionError, now: number): Promise<ActionError>;
}

export interface SweepWords<T extends Named> {
  /** Swept only when the sweep is given a project (a key lives in one). */
  needsProject: boolean;
  /** With a project given, a refused list costs only this kind: the warning that says so (absent: the sweep fails). */
  refused?: (message: string) => string;
  outputs: { deleted: string; ids: string; remaining: string };
  /** One line: what was listed, what this action made of it, and `going` (what goes). */
  census(listed: readonly T[], plan: SweepPlan<T>, going: string): string;
  /** Its section of the job summary (markdown; outside text escaped). */
  summary(
    listed: readonly T[],
    plan: SweepPlan<T>,
    deleted: number,
  ): { heading?: string; lead: string; column: string };
}
