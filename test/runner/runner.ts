// Runs the committed bundles the way the GitHub Actions runner does (../shared/RUNNER-CONTRACT.md): one node
// process per step, INPUT_* from `with:` and action.yml defaults, fresh file-command files per step read after the
// process exits (also after a kill), state into post as STATE_*, GITHUB_ENV carried to later steps, masking.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { parseFileCommands } from './file-commands.js';
import { Masker } from './masking.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const NODE_24 = join(ROOT, 'node_modules/node/bin/node');

/** The machine's own node: the first on PATH outside node_modules (npm scripts put node@24.19.0 first). */
function machineNode(): string {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const candidate = join(dir, 'node');
    if (!dir.includes('node_modules') && existsSync(candidate)) return candidate;
  }
  return process.execPath;
}

const version = (node: string) => execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
const MACHINE_NODE = machineNode();
/** The runner's node24 (24.19.0) and the machine's own node, when that is another version. */
export const NODES = [
  { name: `node ${version(NODE_24)} (runner's node24)`, path: NODE_24 },
  ...(version(MACHINE_NODE) === version(NODE_24)
    ? []
    : [{ name: `node ${version(MACHINE_NODE)} (machine)`, path: MACHINE_NODE }]),
];

/** No step of any test runs longer: the runner's own timeout, scaled down to a test suite. */
const STEP_LIMIT_MS = 60_000;

/** The workflow run every test job belongs to, as the runner describes it. */
export const RUN_ENV = {
  GITHUB_REPOSITORY: 'octo-org/shop-api',
  GITHUB_REPOSITORY_OWNER: 'octo-org',
  GITHUB_REPOSITORY_ID: '829301755',
  GITHUB_RUN_ID: '16021984',
  GITHUB_RUN_NUMBER: '7',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_JOB: 'test',
  GITHUB_WORKFLOW: 'CI',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_ACTOR: 'octocat',
  // Nothing listens there: a test that wants GitHub's answers starts test/emulator/github.ts and sets its URL.
  GITHUB_API_URL: 'http://127.0.0.1:9',
};

/** The job's token, as the runner evaluates an input default of `${{ github.token }}`. */
export const JOB_TOKEN = 'ghs_test';

/** An input's default as the runner evaluates it (the only expression our action.yml files use). */
export function evaluateDefault(value: string | undefined): string {
  return value === '${{ github.token }}' ? JOB_TOKEN : (value ?? '');
}

export interface StepResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Every byte the process printed, before masking. */
  stdout: string;
  stderr: string;
  /** The log as a user sees it: commands consumed, secrets masked. */
  log: string[];
  outputs: Record<string, string>;
  state: Record<string, string>;
  env: Record<string, string>;
  /** The environment the step's process ran with: the job's, its inputs (INPUT_*), state, the file commands. */
  processEnv: Record<string, string>;
  summary: string;
  fileCommandError: string | undefined;
  /** Failed as the runner judges it: non-zero exit, a kill, or a malformed file command. */
  failed: boolean;
  durationMs: number;
}

export interface JobOptions {
  /** `with:` of the step. */
  with?: Record<string, string>;
  node?: string;
  /** The action's folder (holds action.yml). */
  actionDir?: string;
  /** Extra environment of the job (e.g. `env:` at job level, RUNNER_DEBUG). */
  env?: Record<string, string>;
  event?: { name: string; payload: Record<string, unknown> };
  /** The action wrapped in two composite actions, as organizations wrap actions (see `Nested`). */
  nested?: Nested;
}

/**
 * A use of the action two composites deep: workflow → `outer` composite → inner composite → the action, whose
 * `with:` may read the inner composite's inputs as `${{ inputs.NAME }}`. The runner evaluates those for main
 * against the inner composite's inputs, and, by its open bug (actions/runner#2030, #3514), for post against the
 * outer composite's: post gets the outer composite's values (or '' where it has no such input) in place of its own.
 */
export interface Nested {
  inner: Record<string, string>;
  outer: Record<string, string>;
}

export interface RunOptions {
  /** Called once the process is running, e.g. to kill it at a chosen moment. */
  onSpawn?: (child: ChildProcess) => void;
  /** Called for each raw line the process prints. */
  onLine?: (line: string, child: ChildProcess) => void;
}

type ActionYml = { inputs: Record<string, { default?: string }>; runs: { main: string; post?: string } };

/** One use of an action in a job (`- uses: …`): its main step, then its post step, with state of its own. */
export class ActionUse {
  readonly action: ActionYml;
  state: Record<string, string> = {};

  constructor(
    private readonly job: Job,
    private readonly actionDir: string,
    /** `with:` of the step. */
    readonly inputs: Record<string, string>,
    private readonly nested?: Nested,
  ) {
    this.action = parse(readFileSync(join(actionDir, 'action.yml'), 'utf8')) as ActionYml;
  }

  main(run: RunOptions = {}): Promise<StepResult> {
    return this.job.runStep(this, this.action.runs.main, this.inputEnv(this.nested?.inner), run);
  }

  /**
   * The post step: the inputs evaluated again (nested: against the outer composite's, the runner's bug), the state
   * main saved as STATE_*, and GITHUB_ENV written so far.
   */
  post(run: RunOptions = {}): Promise<StepResult> {
    if (!this.action.runs.post) throw new Error('action has no post step');
    const stateEnv = Object.fromEntries(Object.entries(this.state).map(([name, value]) => [`STATE_${name}`, value]));
    return this.job.runStep(this, this.action.runs.post, { ...this.inputEnv(this.nested?.outer), ...stateEnv }, run);
  }

  entry(relative: string): string {
    return join(this.actionDir, relative);
  }

  /** INPUT_* for one step; `composite`: the inputs `${{ inputs.NAME }}` in `with:` are evaluated against. */
  inputEnv(composite?: Record<string, string>): Record<string, string> {
    const evaluate = (value: string) =>
      composite
        ? value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => composite[name] ?? '')
        : value;
    const env: Record<string, string> = {};
    for (const [name, spec] of Object.entries(this.action.inputs ?? {})) {
      const given = this.inputs[name];
      const value = given !== undefined ? evaluate(given) : evaluateDefault(spec.default);
      env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = String(value);
    }
    return env;
  }
}

/** A job on a runner; `main()`/`post()` drive its first use of the action (from `with:` in the options). */
export class Job {
  readonly dir = mkdtempSync(join(tmpdir(), 'job-'));
  readonly masker = new Masker();
  readonly first: ActionUse;
  private jobEnv: Record<string, string> = {};
  private stepCount = 0;

  constructor(private readonly options: JobOptions = {}) {
    const eventPath = join(this.dir, 'event.json');
    writeFileSync(eventPath, JSON.stringify(options.event?.payload ?? {}));
    this.jobEnv = {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: this.dir,
      ...RUN_ENV,
      GITHUB_EVENT_NAME: options.event?.name ?? 'push',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_ACTION: 'key',
      RUNNER_TEMP: this.dir,
      ...options.env,
    };
    this.first = this.use(options.with ?? {}, options.actionDir, options.nested);
  }

  /**
   * A `run:` step of the job appending to $GITHUB_ENV: the runner sets these for every later step, post steps
   * included (a `STATE_x` written there reaches post like state, unless main saved `x` itself).
   */
  writeEnv(vars: Record<string, string>): void {
    Object.assign(this.jobEnv, vars);
  }

  /** Another `- uses:` step of the same action (or of the action in `actionDir`) in this job. */
  use(inputs: Record<string, string>, actionDir = ROOT, nested?: Nested): ActionUse {
    return new ActionUse(this, actionDir, inputs, nested);
  }

  main(run: RunOptions = {}): Promise<StepResult> {
    return this.first.main(run);
  }

  post(run: RunOptions = {}): Promise<StepResult> {
    return this.first.post(run);
  }

  /**
   * A `run: node <script>` step of the job: no inputs or state, the job's environment as the runner passes it on
   * (with what earlier steps wrote to $GITHUB_ENV), the step's own file-command files. On `node` (the user's own
   * Node, as actions/setup-node gives it), whichever Node the job runs the action on.
   */
  script(file: string, node = NODE_24, run: RunOptions = {}): Promise<StepResult> {
    return this.spawnStep(node, file, {}, run);
  }

  /** Runs one step of `use` as its own node process; `extraEnv` holds its INPUT_* (and STATE_* for post). */
  async runStep(use: ActionUse, entry: string, extraEnv: Record<string, string>, run: RunOptions): Promise<StepResult> {
    const node = this.options.node ?? NODE_24;
    const result = await this.spawnStep(node, use.entry(entry), extraEnv, run);
    Object.assign(use.state, result.state);
    return result;
  }

  private async spawnStep(
    node: string,
    entry: string,
    stepEnv: Record<string, string>,
    run: RunOptions,
  ): Promise<StepResult> {
    const n = ++this.stepCount;
    const files = {
      GITHUB_OUTPUT: join(this.dir, `output-${n}`),
      GITHUB_STATE: join(this.dir, `state-${n}`),
      GITHUB_ENV: join(this.dir, `env-${n}`),
      GITHUB_PATH: join(this.dir, `path-${n}`),
      GITHUB_STEP_SUMMARY: join(this.dir, `summary-${n}`),
    };
    for (const file of Object.values(files)) writeFileSync(file, '');
    const started = Date.now();
    const processEnv = { ...this.jobEnv, ...stepEnv, ...files };
    const child = spawn(node, [entry], {
      cwd: this.dir,
      env: processEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    run.onSpawn?.(child);
    // A step that hangs must not outlive its test (a vitest timeout does not stop a child process).
    const limit = setTimeout(() => child.kill('SIGKILL'), STEP_LIMIT_MS);
    let stdout = '';
    let stderr = '';
    let pending = '';
    const log: string[] = [];
    const debug = this.jobEnv['RUNNER_DEBUG'] === '1';
    const take = (line: string) => {
      run.onLine?.(line, child);
      const shown = this.masker.line(line, debug);
      if (shown !== undefined) log.push(shown);
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const lines = (pending + chunk).split('\n');
      pending = lines.pop()!;
      lines.forEach(take);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) =>
      child.on('close', (code, sig) => done([code, sig])),
    );
    clearTimeout(limit);
    if (pending) take(pending);
    for (const line of stderr.split('\n').filter(Boolean)) log.push(this.masker.mask(line));

    // Read in a `finally`, as the runner does: what was written before a crash or a kill still counts.
    let fileCommandError: string | undefined;
    const read = (file: string) => {
      try {
        return parseFileCommands(readFileSync(file, 'utf8'));
      } catch (error) {
        fileCommandError = (error as Error).message;
        return {};
      }
    };
    const outputs = read(files.GITHUB_OUTPUT);
    const state = read(files.GITHUB_STATE);
    const env = read(files.GITHUB_ENV);
    Object.assign(this.jobEnv, env);
    return {
      exitCode,
      signal,
      stdout,
      stderr,
      log,
      outputs,
      state,
      env,
      processEnv,
      fileCommandError,
      summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
      failed: exitCode !== 0 || fileCommandError !== undefined,
      durationMs: Date.now() - started,
    };
  }
}
