// Asks GitHub about the runs that made keys (and the pull requests keys live for), each once, a few at a time. When
// GitHub cannot be asked (no token, no permission, a rate limit), one line says so and why, and every key is judged by
// its expiry, as before.
import type { GitHubApi, RunState } from '../../api/github/github-api.js';
import { GITHUB_CONCURRENCY } from '../../base/policy.js';
import { forEachBounded } from '../../base/pool.js';
import type { Kind } from '../../kinds/kind.js';
import { pullRequestOf, settle, type Candidate } from '../../rules/liveness.js';
import type { Core } from '../../runtime/step.js';

const WHY: Record<NonNullable<GitHubApi['unavailable']>, string> = {
  'no token':
    'No github-token: whether the runs that made keys are over is not asked; keys are judged by their expiry.',
  'no permission':
    "GitHub did not let this job read workflow runs: add `permissions: actions: read` to the workflow or the job, and `pull-requests: read` for keys with lifetime: pull-request (the github-token input is the job's GITHUB_TOKEN by default). Keys are judged by their expiry this time.",
  'rate-limited':
    "GitHub's rate limit for this token is used up: stopped asking whether runs are over; keys are judged by their expiry this time.",
  blind:
    "GitHub answered 404 for a run of this repository but does not show this step's own run either: the token cannot see the repository (a private one needs permissions: actions: read), or GITHUB_API_URL points elsewhere. A 404 from there proves nothing, so keys are judged by their expiry this time.",
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
    const pullRequest = pullRequestOf(runId);
    const state = await (pullRequest ? github.pullRequestState(pullRequest) : github.runState(runId));
    if (state === 'over' || state === 'alive' || state === 'unknown') lookups.set(runId, state);
  });
  const unavailable = github.unavailable;
  if (!unavailable) return lookups;
  (unavailable === 'no token' ? core.info : core.warning)(WHY[unavailable]);
  return undefined;
}

/** Who is retired and who spared among `candidates` of `kind`, by what GitHub said of their runs; one line per spared. */
export function judgeByRuns(
  kind: Kind,
  candidates: readonly Candidate[],
  lookups: ReadonlyMap<string, RunState> | undefined,
  now: number,
  core: Core,
): { retire: Candidate[]; spared: Candidate[] } {
  const judged = settle(candidates, lookups, now, kind.parse);
  for (const spared of judged.spared) {
    const what = spared.why === 'run over' ? `${kind.noun} of another run` : `expired ${kind.noun}`;
    core.info(`Kept ${what} ${spared.name} (${spared.id}): ${spared.because}.`);
  }
  return judged;
}
