// The broker's sweep of its own keys (a name with its tag: own-keys.ts), project by project, so that one project
// that fails is told and the others are swept all the same. Expiry decides, as for the action's sweep; with a
// GitHub App, the job a key's name records decides first, as run liveness does for the action (rules/liveness.ts):
// a job that is over loses its key at once, and a job that still runs keeps it past its expiry (up to the hard cap).
// Kept keys (cleanup: false), names without a job, other GitHub instances' keys, a job GitHub cannot tell about and
// the keys left once a sweep has waited BROKER_SWEEP_GITHUB_BUDGET_MS for GitHub are judged by expiry alone. Each
// project's list and its deletes get Pinecone sessions of their own: GitHub's answers never spend Pinecone's budget.
import type { AdminApi } from '../../api/pinecone/admin-api.js';
import { within } from '../../base/deadline.js';
import { forEachBounded } from '../../base/pool.js';
import type { ApiKey } from '../../api/pinecone/types.js';
import { ALIVE_RUN_HARD_CAP_MS, BROKER_SWEEP_GITHUB_BUDGET_MS, BROKER_SWEEP_JOBS_AT_ONCE } from '../../base/policy.js';
import type { RunRef } from '../../rules/names.js';
import { isExpired } from '../../rules/sweep-plan.js';
import type { JobState } from '../jobs/job-states.js';
import type { BrokerKeys } from './own-keys.js';

/** What the sweep tells: a key it deleted, or a project it could not sweep this time. */
export interface SweepSaid {
  deleted: (key: { id: string; name: string | null | undefined }, why: string) => void;
  failed: (projectId: string, error: unknown) => void;
}

/** GitHub's word on the job of a key, where the broker has a GitHub App. */
export interface JobLiveness {
  /** The broker's GitHub instance (`serverTag`): keys of another are never asked about. */
  server: string | undefined;
  state: (run: RunRef) => Promise<JobState>;
}

export interface SweepContext {
  keys: BrokerKeys;
  now: () => number;
  jobs?: JobLiveness | undefined;
  signal: AbortSignal;
  /** A Pinecone session of its own (its own time budget) for each project's list, and again for its deletes. */
  open: () => AdminApi;
}

/** The broker's keys that are over in each of `projectIds`, deleted; the number deleted. */
export async function sweepOwn(projectIds: readonly string[], context: SweepContext, said: SweepSaid): Promise<number> {
  let swept = 0;
  // GitHub's time is shared by the whole sweep: once it is spent, expiry alone decides for the keys left.
  const askUntil = context.now() + BROKER_SWEEP_GITHUB_BUDGET_MS;
  const judge = { ...context, jobs: context.jobs && { ...context.jobs, askUntil } };
  for (const projectId of projectIds) {
    if (context.signal.aborted) break;
    try {
      const listed = await context.open().listKeys(projectId);
      const going = new Map<ApiKey, string>();
      const failures = await forEachBounded(listed, BROKER_SWEEP_JOBS_AT_ONCE, async (key) => {
        if (context.signal.aborted) return;
        const why = await verdictOn(key, judge);
        if (why !== undefined) going.set(key, why);
      });
      if (failures[0]) throw failures[0].error;
      const api = context.open();
      for (const key of listed) {
        const why = going.get(key);
        if (why === undefined) continue;
        if (context.signal.aborted) break;
        if ((await api.deleteKey(key.id)) !== 'deleted') continue; // gone already: someone else's delete
        swept += 1;
        said.deleted(key, why);
      }
    } catch (error) {
      said.failed(projectId, error);
    }
  }
  return swept;
}

/** Why the key goes; undefined: it stays (not the broker's, or not over). */
async function verdictOn(
  key: ApiKey,
  context: { keys: BrokerKeys; now: () => number; jobs?: (JobLiveness & { askUntil: number }) | undefined },
): Promise<string | undefined> {
  const parsed = context.keys.parse(key.name);
  if (!parsed) return undefined;
  const { jobs } = context;
  const expired = isExpired(parsed, context.now());
  const asked = jobs && parsed.kind === 'job' && parsed.run?.job && parsed.run.server === jobs.server;
  const left = jobs ? jobs.askUntil - context.now() : 0;
  const state = asked && left > 0 ? await untilDeadline(jobs.state(parsed.run!), left) : 'unknown';
  if (state === 'over') return 'its job is over, GitHub says';
  if (state === 'alive') {
    const capped = parsed.expiresAt.getTime() + ALIVE_RUN_HARD_CAP_MS <= context.now();
    return capped ? 'expired more than 3 days ago, though its job still runs' : undefined;
  }
  return expired ? 'expired' : undefined;
}

/** GitHub's answer if it comes within `leftMs`; past it (the sweep's time for GitHub is spent), unknown. */
function untilDeadline(state: Promise<JobState>, leftMs: number): Promise<JobState> {
  return within(AbortSignal.timeout(leftMs), state, () => new Error('spent')).catch((): JobState => 'unknown');
}
