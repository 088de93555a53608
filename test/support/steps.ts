// Runs a step in-process, in milliseconds: a recording core in place of @actions/core (inputs with action.yml's
// defaults, outputs, state, exported variables, masks, and the log as the runner would show it), the real HTTP
// transport against the emulator, and a virtual clock whose sleeps return at once. What only a process shows
// (signals, file commands, bundling) stays with the bundle tests in test/e2e.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createHttpTransport } from '../../src/api/transport.js';
import type { Core, StepDeps } from '../../src/runtime/step.js';
import { ACTIONS } from '../../scripts/steps.js';
import { evaluateDefault, ROOT, RUN_ENV } from '../runner/runner.js';

export class RecordingCore implements Core {
  readonly log: string[] = [];
  readonly outputs: Record<string, string> = {};
  readonly exported: Record<string, string> = {};
  readonly saved: Record<string, string> = {};
  readonly masked: string[] = [];
  failed: string | undefined;

  constructor(
    /** The step's inputs: `with:` over its action.yml's defaults. */
    private readonly inputs: Record<string, string>,
    /** State as post receives it (STATE_* from main, or forged through GITHUB_ENV). */
    private readonly state: Record<string, string> = {},
    /** The outputs the step's action.yml declares: setting any other is a bug (GitHub would drop it). */
    private readonly declaredOutputs?: ReadonlySet<string>,
  ) {}

  getInput = (name: string): string => {
    // The runner sets only declared inputs, so another action's (post reading main's inputs as use's post step)
    // reads as empty; a name no action.yml declares is a misspelling.
    if (!KNOWN_INPUTS.has(name)) throw new Error(`input "${name}" is declared in no action.yml of this repository`);
    return this.inputs[name] ?? '';
  };
  setSecret = (value: string): void => void this.masked.push(value);
  setOutput = (name: string, value: string): void => {
    if (this.declaredOutputs && !this.declaredOutputs.has(name))
      throw new Error(`output "${name}" is not declared in the step's action.yml`);
    this.outputs[name] = value;
  };
  exportVariable = (name: string, value: string): void => void (this.exported[name] = value);
  saveState = (name: string, value: string): void => void (this.saved[name] = value);
  getState = (name: string): string => this.state[name] ?? '';
  info = (message: string): void => void this.log.push(message);
  notice = (message: string): void => void this.log.push(`##[notice]${message}`);
  warning = (message: string): void => void this.log.push(`##[warning]${message}`);
  debug = (): void => undefined;
  setFailed = (message: string): void => {
    this.failed = message;
    this.log.push(`##[error]${message}`);
  };
}

/** Inputs as the runner passes them: `with:` over the action.yml defaults of the action in `actionDir`. */
export function withDefaults(inputs: Record<string, string>, actionDir = ROOT): Record<string, string> {
  const action = parse(readFileSync(join(actionDir, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const values: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs))
    values[name] = inputs[name] ?? evaluateDefault(spec.default);
  return values;
}

const KNOWN_INPUTS: ReadonlySet<string> = new Set(
  Object.values(ACTIONS).flatMap((file) =>
    Object.keys((parse(readFileSync(join(ROOT, file), 'utf8')) as { inputs: Record<string, unknown> }).inputs),
  ),
);

function declaredOutputs(actionDir = ROOT): ReadonlySet<string> {
  const action = parse(readFileSync(join(actionDir, 'action.yml'), 'utf8')) as { outputs?: Record<string, unknown> };
  return new Set(Object.keys(action.outputs ?? {}));
}

export interface InProcess {
  deps: StepDeps;
  core: RecordingCore;
  /** Virtual time slept so far. */
  slept: () => number;
  summaries: string[];
  dispose: () => void;
}

export function inProcess(options: {
  inputs: Record<string, string>;
  actionDir?: string;
  state?: Record<string, string>;
  env?: Record<string, string>;
  /** Added to the machine's clock: a runner whose clock is off. */
  clockOffsetMs?: number;
}): InProcess {
  const core = new RecordingCore(
    withDefaults(options.inputs, options.actionDir),
    options.state,
    declaredOutputs(options.actionDir),
  );
  const { transport, preconnect, dispose } = createHttpTransport('pinecone-ephemeral-key/test');
  let slept = 0;
  const summaries: string[] = [];
  const deps: StepDeps = {
    core,
    env: { ...RUN_ENV, ...options.env },
    transport,
    preconnect,
    now: () => Date.now() + (options.clockOffsetMs ?? 0) + slept,
    sleep: async (ms) => void (slept += ms),
    random: Math.random,
    signal: new AbortController().signal,
    writeSummary: async (markdown) => void summaries.push(markdown),
  };
  return { deps, core, slept: () => slept, summaries, dispose };
}
