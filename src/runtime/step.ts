// What every step is given, and the plumbing they share: the start of a step (mask the client secret, guard
// the log) and one way to report failure. The Admin API session is in session.ts. Entry points pass the
// real things (live.ts); tests pass their own.
import type { AdminApi } from '../api/pinecone/admin-api.js';
import type { Preconnect } from '../api/preconnect.js';
import type { Transport } from '../api/transport.js';
import { ActionError } from '../base/errors.js';
import { Secrets } from '../base/secrets.js';
import { logLine } from '../base/text.js';
import { formatDuration } from '../inputs/durations.js';
import { readClientSecret, readHandoffSecret } from '../inputs/inputs.js';

/** Where main saves what post reads (the runner's step state). */
export interface StateStore {
  saveState: (name: string, value: string) => void;
  getState: (name: string) => string;
}

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
  preconnect: Preconnect;
  now: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  random: () => number;
  /** Aborted when the runner cancels the step. */
  signal: AbortSignal;
  writeSummary: (markdown: string) => Promise<void>;
}

/**
 * Every step starts here: the client secret and the handoff secret are masked before anything else is read, and every line the step
 * logs is redacted, then made inert (no workflow command can start in text that came from outside).
 */
export function startStep(deps: StepDeps): { core: Core; secrets: Secrets } {
  const secrets = new Secrets(deps.core.setSecret);
  secrets.add(readClientSecret(deps.core.getInput, deps.env));
  secrets.add(readHandoffSecret(deps.core.getInput, deps.env));
  const safe =
    (write: (message: string) => void) =>
    (message: string): void =>
      write(logLine(secrets.redact(message)));
  const core: Core = {
    ...deps.core,
    info: safe(deps.core.info),
    notice: safe(deps.core.notice),
    warning: safe(deps.core.warning),
    debug: safe(deps.core.debug),
    setFailed: safe(deps.core.setFailed),
  };
  return { core, secrets };
}

/** One line when this runner's clock is far off Pinecone's: names and expiry follow Pinecone's time. */
export function reportClockSkew(core: Core, api: AdminApi): void {
  const skew = api.clock.skewMs;
  if (Math.abs(skew) < 60_000) return;
  core.info(
    `This runner's clock is ${formatDuration(Math.round(Math.abs(skew) / 1000) * 1000)} ${skew > 0 ? 'behind' : 'ahead of'} Pinecone's: expiry times follow Pinecone's clock.`,
  );
}

/** Fork PRs and Dependabot runs get no secrets: `skip` explains in one notice, `fail` says how to fix it. */
export function missingCredentials(
  core: Core,
  credentials: { missing: string; onMissing: 'fail' | 'skip' },
  consequence: string,
  what: CredentialWords = PINECONE_CREDENTIALS,
): void {
  if (credentials.onMissing === 'skip') {
    core.notice(
      `Skipped: no ${what.noun}, as ${credentials.missing}. Expected for pull requests from forks and for Dependabot, which get no secrets; ${consequence}.`,
    );
    core.setOutput('skipped', 'true');
    return;
  }
  throw new ActionError(
    `Missing ${what.noun}: ${credentials.missing}. ${what.fix}; for pull requests from forks, which get no secrets, set on-missing-credentials: skip.`,
  );
}

/** How a step names its credentials when they are missing, and how to give them. */
export interface CredentialWords {
  noun: string;
  fix: string;
}

const PINECONE_CREDENTIALS: CredentialWords = {
  noun: 'Pinecone credentials',
  fix: "Pass the service account's secrets as inputs",
};

/** One line for errors the user can act on; anything else is a bug: say so, stack only in debug. */
export function reportFailure(core: Core, error: unknown, report = core.setFailed): void {
  if (error instanceof ActionError) {
    report(error.message);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  report(
    `Unexpected error: ${message}. This is a bug in the action: please report it (re-run with debug logging for details).`,
  );
  if (error instanceof Error && error.stack) core.debug(error.stack);
}
