// How the key main made ends, by its owner's kind and whether it lives in a throwaway project: one sentence for
// the log, one for the summary.
import type { KeyKind } from '../../rules/names.js';

export interface Fate {
  log: (expiresAt: string) => string;
  summary: string;
}

export function fateOf(kind: KeyKind, inThrowawayProject: boolean): Fate {
  return inThrowawayProject ? PROJECT_FATE[kind === 'job' || kind === 'pr' ? kind : 'kept'] : FATE[kind];
}

const FATE: Record<KeyKind, Fate> = {
  job: {
    log: () => 'The post step deletes it when the job ends.',
    summary: 'The post step deletes this key when the job ends.',
  },
  kept: {
    log: (expiresAt) => `It is kept after the job (cleanup: false) until a sweep deletes it after ${expiresAt}.`,
    summary: 'This key is kept after the job (`cleanup: false`): a sweep deletes it once it has expired.',
  },
  pr: {
    log: (expiresAt) =>
      `It lives as long as its pull request (lifetime: pull-request): later pushes renew it in place (or replace it, with replace: true); the post step of the run that closes the pull request deletes it (a sweep, after ${expiresAt} at the latest).`,
    summary:
      'This key lives as long as its **pull request** (`lifetime: pull-request`): later pushes renew it in place (or replace it, with `replace: true`), and the post step of the run that closes the pull request deletes it.',
  },
  shared: {
    log: () =>
      'It is shared with the workflow run (share: true): output handoff carries it, encrypted, to other jobs; the revoke job deletes it, or a sweep once it has expired.',
    summary:
      'This key is **shared with the workflow run** (`share: true`): other jobs get it from the `handoff` output with the `use` sub-action; the `revoke` job deletes it, or a sweep once it has expired.',
  },
};

/** A key in a throwaway project ends with its project. */
const PROJECT_FATE: Record<'job' | 'kept' | 'pr', Fate> = {
  pr: {
    log: () =>
      'It lives with its throwaway project as long as its pull request (lifetime: pull-request): the next push replaces the project, and the post step of the run that closes the pull request deletes it.',
    summary:
      'This key lives in a **throwaway project** kept as long as its pull request (`lifetime: pull-request`): the next push replaces it, and the run that closes the pull request deletes it, with everything in it.',
  },
  job: {
    log: () => 'The post step deletes it with its throwaway project, and everything in the project, when the job ends.',
    summary:
      'This key lives in a **throwaway project** (`new-project: true`): the post step deletes the project, with every index, collection, backup and assistant in it, when the job ends.',
  },
  kept: {
    log: (expiresAt) =>
      `It is kept with its throwaway project after the job (cleanup: false) until a sweep deletes the project after ${expiresAt}.`,
    summary:
      'This key lives in a **throwaway project** kept after the job (`cleanup: false`): a sweep deletes the project, with everything in it, once it has expired.',
  },
};

/** A kept key renewed in place (renew: true): it keeps its value. */
export const RENEWED: Fate = {
  log: (expiresAt) => `A sweep deletes it once it has expired (${expiresAt}), unless it is renewed again.`,
  summary:
    'This key was **renewed in place** (`renew: true`): it keeps the value it was made with, and a sweep deletes it once it has expired.',
};
