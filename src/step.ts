// What every step (main, post, sweep) is given, and the plumbing they share: an Admin API session inside a
// time budget, and one way to report failure. Entry files pass the real things; tests may pass their own.
import { AdminApi } from './admin-api.js';
import { formatDuration } from './durations.js';
import { ActionError } from './errors.js';
import type { Connection } from './inputs.js';
import { createRequester } from './requester.js';
import type { Secrets } from './secrets.js';
import type { StateStore } from './state.js';
import type { Transport } from './transport.js';

export interface Log {
  info: (message: string) => void;
  notice: (message: string) => void;
  warning: (message: string) => void;
  debug: (message: string) => void;
}

export interface Core extends Log, StateStore {
  getInput: (name: string) => string;
  setSecret: (value: string) => void;
  setOutput: (name: string, value: string) => void;
  exportVariable: (name: string, value: string) => void;
  setFailed: (message: string) => void;
}

export interface StepDeps {
  core: Core;
  env: NodeJS.ProcessEnv;
  transport: Transport;
  /** Opens connections to `url`'s host ahead of the requests that will use them (see transport.ts). */
  preconnect: (url: string, connections: number) => void;
  now: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  random: () => number;
  /** Aborted when the runner cancels the step. */
  signal: AbortSignal;
  writeSummary: (markdown: string) => Promise<void>;
}

/** `parallel`: how many requests the step sends to the API at once after the login. */
export function openApi(
  deps: StepDeps,
  connection: Connection,
  budgetMs: number,
  secrets: Secrets,
  parallel = 1,
): AdminApi {
  const requester = createRequester({
    transport: deps.transport,
    now: deps.now,
    sleep: deps.sleep,
    random: deps.random,
    debug: (message) => deps.core.debug(secrets.redact(message)),
    signal: deps.signal,
    deadline: deps.now() + budgetMs,
    budget: `timeout: ${formatDuration(budgetMs)}`,
  });
  // The login and the API live on different hosts (login.pinecone.io, api.pinecone.io): open the API's connection
  // now, so that its TCP and TLS handshakes overlap the login instead of following it on the critical path.
  // On one host, the login takes the first connection and leaves it to the API's first request: only parallel
  // requests need more (the login takes one of them too, hence all of `parallel`).
  const oneHost = new URL(connection.apiUrl).origin === new URL(connection.authUrl).origin;
  if (!oneHost || parallel > 1) deps.preconnect(connection.apiUrl, parallel);
  return new AdminApi(connection, requester, secrets, deps.now);
}

/** Fork PRs and Dependabot runs get no secrets: `skip` explains in one notice, `fail` says how to fix it. */
export function missingCredentials(core: Core, mode: 'fail' | 'skip', missing: string, consequence: string): void {
  if (mode === 'skip') {
    core.notice(
      `Skipped: no Pinecone credentials (${missing} empty). Expected for pull requests from forks and for Dependabot, which get no secrets; ${consequence}.`,
    );
    core.setOutput('skipped', 'true');
    return;
  }
  throw new ActionError(
    `Missing Pinecone credentials: ${missing} is empty. Pass the service account's secrets as inputs; for pull requests from forks, which get no secrets, set on-missing-credentials: skip.`,
  );
}

/** One line for errors the user can act on; anything else is a bug: say so, stack only in debug. */
export function reportFailure(core: Core, error: unknown, secrets: Secrets, report = core.setFailed): void {
  if (error instanceof ActionError) {
    report(secrets.redact(error.message));
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  report(
    secrets.redact(
      `Unexpected error: ${message}. This is a bug in the action: please report it (re-run with debug logging for details).`,
    ),
  );
  if (error instanceof Error && error.stack) core.debug(secrets.redact(error.stack));
}
