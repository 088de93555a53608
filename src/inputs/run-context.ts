// The workflow run this step belongs to, read from the runner's variables and the event file: the values a
// key-name template can use, and the run that the key's name records. Read directly (a few lines) rather than
// through @actions/github, whose entry point also loads Octokit (~220 KiB, ~8 ms at every start).
import { readFileSync } from 'node:fs';
import { InputError } from '../base/errors.js';
import { serverTag, type RunRef } from '../rules/names.js';
import type { RunValues } from '../rules/template.js';

export interface RunContext {
  values: RunValues;
  /** `undefined` outside a workflow run (no numeric repository id or run id). */
  run: RunRef | undefined;
  /** The event closes (or merges) the pull request `values.pr`: `pull_request` with action `closed`. */
  closesPullRequest: boolean;
}

export function readRunContext(
  env: NodeJS.ProcessEnv,
  readFile = (path: string) => readFileSync(path, 'utf8'),
): RunContext {
  const [owner, repo] = (env['GITHUB_REPOSITORY'] ?? '').split('/');
  const payload = readEvent(env['GITHUB_EVENT_PATH'], readFile);
  const pullRequest = payload['pull_request'] as { number?: unknown } | undefined;
  const issue = payload['issue'] as { number?: unknown; pull_request?: unknown } | undefined;
  const pr = pullRequest?.number ?? (issue?.pull_request ? issue.number : undefined);
  const number = (name: string) => numberIn(env, name);
  const values: RunValues = {
    owner: owner || undefined,
    repo: repo || undefined,
    workflow: env['GITHUB_WORKFLOW'] || undefined,
    job: env['GITHUB_JOB'] || undefined,
    run_id: number('GITHUB_RUN_ID'),
    run_number: number('GITHUB_RUN_NUMBER'),
    run_attempt: number('GITHUB_RUN_ATTEMPT'),
    event: env['GITHUB_EVENT_NAME'] || undefined,
    ref: env['GITHUB_REF']?.replace(/^refs\/(heads|tags|pull)\//, '') || undefined,
    sha: env['GITHUB_SHA']?.slice(0, 7) || undefined,
    pr: typeof pr === 'number' || typeof pr === 'string' ? String(pr) : undefined,
    actor: env['GITHUB_ACTOR'] || undefined,
  };
  const closesPullRequest = pullRequest !== undefined && payload['action'] === 'closed';
  return { values, run: readRun(env), closesPullRequest };
}

/** Only the run, from the runner's variables: no event file to read (it can be large), for steps that need no template. */
export function readRun(env: NodeJS.ProcessEnv): RunRef | undefined {
  const number = (name: string) => numberIn(env, name);
  const repositoryId = number('GITHUB_REPOSITORY_ID');
  const runId = number('GITHUB_RUN_ID');
  if (!repositoryId || !runId) return undefined;
  const server = serverTag(env['GITHUB_SERVER_URL']);
  return {
    repositoryId,
    runId,
    attempt: Number(number('GITHUB_RUN_ATTEMPT') ?? '1') || 1,
    ...(server ? { server } : {}),
  };
}

/** A variable that holds a decimal number, without leading zeros; `undefined` otherwise. */
function numberIn(env: NodeJS.ProcessEnv, name: string): string | undefined {
  return /^\d+$/.test(env[name] ?? '') ? String(Number(env[name])) : undefined;
}

/** The run, or an InputError that starts with `why` when this is not a workflow run. */
export function runOf(run: RunRef | undefined, why: string): RunRef {
  if (run) return run;
  throw new InputError(`${why}: GITHUB_REPOSITORY_ID and GITHUB_RUN_ID, which the runner sets, are missing.`);
}

/** The event's payload; `{}` when there is no event file or it is not JSON (as @actions/github reads it). */
export function readEvent(path: string | undefined, readFile: (path: string) => string): Record<string, unknown> {
  if (!path) return {};
  try {
    const value: unknown = JSON.parse(readFile(path));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
