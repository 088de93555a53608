// The opening and the ending every step shares: mask the client secret and guard the log (startStep), read the
// credentials (a notice and a skip, or a clear failure, when a run has none), read the step's inputs, run its
// phases, and report a failure in one line, in the step's own words.
import { CancelledError } from '../base/errors.js';
import { readCredentials } from '../inputs/inputs.js';
import type { GetInput } from '../inputs/checks.js';
import type { Secrets } from '../base/secrets.js';
import { runLive } from './live.js';
import {
  missingCredentials,
  reportFailure,
  startStep,
  type Core,
  type CredentialWords,
  type StepDeps,
} from './step.js';
import type { CancelWords } from './cancel.js';

export interface ServiceAccount {
  clientId: string;
  clientSecret: string;
}

/** What a step says of itself when it cannot finish: each step has its own (only some have a post step). */
export interface StepWords {
  /** What a step skipped for want of credentials did not do: `no key was created`. */
  skipped: string;
  /** The failure line when the runner cancelled the step before it was done. */
  cancelled: string;
  /** What a cancelled step says while it waits for its request in flight, and when it stops (runtime/cancel.ts). */
  cancel?: CancelWords;
  /** How it names its credentials when they are missing (default: the service account's). */
  credentials?: CredentialWords;
}

/** What a step's credentials are made of, or what is missing and what to do about it. */
export type Credentials<A> = (A & { missing: undefined }) | { missing: string; onMissing: 'fail' | 'skip' };

export interface StepSpec<I, A = ServiceAccount> {
  words: StepWords;
  /** Before anything is read: `'stop'` ends the step there (post with no journal). */
  opening?: (core: Core) => 'stop' | undefined;
  /** Where the step reads its inputs: the runner's by default; post's are main's where main saved them. */
  inputs?: (core: Core, env: NodeJS.ProcessEnv) => GetInput;
  /** The step's credentials: the service account's by default; use's is the handoff secret alone. */
  credentials?: (input: GetInput, env: NodeJS.ProcessEnv) => Credentials<A>;
  /** Missing credentials: by default a skip or a failure, as on-missing-credentials says. */
  missing?: (missing: string) => never;
  /** Once the credentials are known, before anything else can fail (main seals an empty journal of its own). */
  begin?: (core: Core, account: A, env: NodeJS.ProcessEnv) => void;
  /** Reads and checks the step's inputs once the credentials are known. */
  read: (input: GetInput, account: A, env: NodeJS.ProcessEnv) => I;
  /** True when a failure only warns (on-cleanup-error: warn); `inputs` is undefined when reading them failed. */
  warns?: (input: GetInput, inputs: I | undefined) => boolean;
  /** Wraps every failure line (post names what it could not delete). */
  failure?: (message: string) => string;
  run: (step: OpenStep<I, A>) => Promise<void>;
}

/** What a step's phases are given. */
export interface OpenStep<I, A = ServiceAccount> {
  deps: StepDeps;
  core: Core;
  secrets: Secrets;
  account: A;
  inputs: I;
  /** Reports a failure the phases caught themselves, with the line `explain` makes of its message. */
  fail: (error: unknown, explain: (message: string) => string) => void;
}

export interface Step {
  /** With the real dependencies: what the entry file calls. */
  run: () => Promise<void>;
  /** With the given dependencies: what tests call. */
  runWith: (deps: StepDeps) => Promise<void>;
}

export function defineStep<I, A = ServiceAccount>(spec: StepSpec<I, A>): Step {
  const runWith = async (deps: StepDeps): Promise<void> => {
    const { core, secrets } = startStep(deps);
    if (spec.opening?.(core) === 'stop') return;
    const input = spec.inputs?.(core, deps.env) ?? core.getInput;
    let inputs: I | undefined;
    const report = (line: string) => (spec.warns?.(input, inputs) ? core.warning : core.setFailed)(line);
    const fail = (error: unknown, explain: (message: string) => string = (message) => message) => {
      // Once the runner cancelled the step, that is why it failed, whatever request gave up first.
      if (error instanceof CancelledError && error.known) return report(error.message);
      if (error instanceof CancelledError || deps.signal.aborted) return report(spec.words.cancelled);
      reportFailure(core, error, (message) => report(explain(message)));
    };
    try {
      const read = spec.credentials ?? readCredentials;
      const credentials = read(input, deps.env);
      if (credentials.missing !== undefined) {
        spec.missing?.(credentials.missing);
        missingCredentials(core, credentials, spec.words.skipped, spec.words.credentials);
        return;
      }
      const { missing: _, ...account } = credentials;
      spec.begin?.(core, account as A, deps.env);
      inputs = spec.read(input, account as A, deps.env);
      await spec.run({ deps, core, secrets, account: account as A, inputs, fail });
    } catch (error) {
      fail(error, spec.failure);
    }
  };
  return { runWith, run: () => runLive(runWith, { cancel: spec.words.cancel }) };
}

/** One entry, two steps: `pick` chooses by the step's inputs (broker mode or direct) before either starts. */
export function chooseStep(pick: (deps: StepDeps) => Step['runWith'], cancel?: CancelWords): Step {
  const runWith = (deps: StepDeps) => pick(deps)(deps);
  return { runWith, run: () => runLive(runWith, { cancel }) };
}
