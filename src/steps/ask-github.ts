// Asks GitHub about the runs that made keys, each once, a few at a time. When GitHub cannot be asked (no token, no
// permission, a rate limit), one line says so and why, and every key is judged by its expiry, as before.
import type { GitHubApi, RunState } from '../api/github-api.js';
import { GITHUB_CONCURRENCY } from '../base/policy.js';
import { forEachBounded } from '../base/pool.js';
import type { Core } from '../runtime/step.js';

const WHY: Record<NonNullable<GitHubApi['unavailable']>, string> = {
  'no token':
    'No github-token: whether the runs that made keys are over is not asked; keys are judged by their expiry.',
  'no permission':
    "GitHub did not let this job read workflow runs: add `permissions: actions: read` to the workflow or the job (the github-token input is the job's GITHUB_TOKEN by default). Keys are judged by their expiry this time.",
  'rate-limited':
    "GitHub's rate limit for this token is used up: stopped asking whether runs are over; keys are judged by their expiry this time.",
};

export async function askGitHub(
  github: GitHubApi | undefined,
  runIds: readonly string[],
  core: Core,
): Promise<ReadonlyMap<string, RunState> | undefined> {
  const lookups = new Map<string, RunState>();
  if (runIds.length === 0) return lookups;
  if (!github) return undefined;
  await forEachBounded(runIds, GITHUB_CONCURRENCY, async (runId) => {
    const state = await github.runState(runId);
    if (state === 'over' || state === 'alive' || state === 'unknown') lookups.set(runId, state);
  });
  const unavailable = github.unavailable;
  if (!unavailable) return lookups;
  (unavailable === 'no token' ? core.info : core.warning)(WHY[unavailable]);
  return undefined;
}
