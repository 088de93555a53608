// What the post step deletes, for any kind: the job's own things and what main found to retire (once GitHub has said
// whether their runs are over), and whatever main may have made without learning its ID (orphans, found by name).
import { ActionError } from '../../base/errors.js';
import { DELETE_CONCURRENCY, LATE_COMMIT_CHECKS_MS, LATE_COMMIT_RESERVE } from '../../base/policy.js';
import { forEachBounded } from '../../base/pool.js';
import type { Kind } from '../../kinds/kind.js';
import type { Candidate } from '../../rules/liveness.js';
import type { Retiree } from '../../rules/sweep-plan.js';
import type { OpenStep } from '../../runtime/define-step.js';
import { openGitHub } from '../../runtime/session.js';
import type { Core, StepDeps } from '../../runtime/step.js';
import { askGitHub, judgeByRuns } from '../common/ask-github.js';
import type { Post, PostInputs, Work } from './post-plan.js';

/** The login, while GitHub is asked whether the runs of main's candidates are over; then who is retired, who spared. */
export async function loginAndJudge(
  { deps, core, secrets, inputs }: OpenStep<PostInputs>,
  post: Post,
  work: Work,
): Promise<Array<{ kind: Kind; retire: Candidate[] }>> {
  const { api } = post.session();
  const deletes = work.own.length + work.retire.reduce((sum, { candidates }) => sum + candidates.length, 0);
  const candidates = work.retire.flatMap((each) => each.candidates);
  const runIds = [...new Set(candidates.flatMap((candidate) => (candidate.runId ? [candidate.runId] : [])))];
  const github = runIds.length > 0 ? openGitHub(deps, inputs().githubToken, secrets) : undefined;
  const [, lookups] = await Promise.all([
    api.login(deletes > 0 ? { deletes } : { lists: 1 }),
    askGitHub(github, runIds, core),
  ]);
  const now = api.clock.now();
  return work.retire.map(({ kind, candidates }) => ({
    kind,
    retire: judgeByRuns(kind, candidates, lookups, now, core).retire,
  }));
}

/** The job's own things and what main found to retire, in parallel: one round trip after the login. */
export async function deleteOwnAndRetire(
  { core }: OpenStep<PostInputs>,
  work: Work,
  retirees: Array<{ kind: Kind; retire: Candidate[] }>,
): Promise<void> {
  const [...results] = await Promise.allSettled([
    ...work.own.map(({ kind, item, inside }) => kind.deleteOwn(item, inside)),
    ...retirees.map(({ kind, retire: items }) => retire(kind, items, core)),
  ]);
  const failed = results.slice(0, work.own.length).find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  // The keys (or projects) of the pull request this run closes are its own to delete: no later push renews them.
  const closing = results
    .slice(work.own.length)
    .flatMap((result) => (result.status === 'fulfilled' ? (result.value ?? []) : []))
    .filter((item) => item.why === 'pull request closed' && !item.runId);
  if (closing.length > 0)
    throw new ActionError(
      `${closing.length} of the closed pull request's things (e.g. ${closing[0]!.name}, ${closing[0]!.id}) could not be deleted; a later run or a sweep deletes them once GitHub says the pull request is closed.`,
    );
}

/** How post names the things it retires besides its own. */
const LABEL: Record<Retiree['why'], string> = {
  expired: 'expired',
  replaced: 'replaced',
  'run over': 'finished-run',
  'pull request closed': "closed pull request's",
};

/**
 * Expired ones of this action, ones of finished runs, older ones of the same name. A failure here only warns; the
 * failures are returned (those of a pull request this run closes fail the step: it is their end).
 */
export async function retire(kind: Kind, items: readonly Retiree[], core: Core): Promise<Retiree[]> {
  const failures = await forEachBounded(items, DELETE_CONCURRENCY, async (item) => {
    const result = await kind.remove(item);
    const said = result === 'deleted' ? 'Deleted' : 'Already gone:';
    core.info(`${said} ${LABEL[item.why]} ${kind.noun} ${item.name} (${item.id}).`);
  });
  for (const { item, error } of failures) {
    core.warning(
      `Could not delete ${LABEL[item.why]} ${kind.noun} ${item.name} (${item.id}): ${(error as Error).message} A later run or a sweep will retry.`,
    );
  }
  return failures.map(({ item }) => item);
}

/**
 * Things main asked for but never got an answer about: it died mid-create, was cancelled, or lost the answer.
 * Names carry a random nonce, so one with one of these names can only be ours. `late`: the create unanswered when
 * main stopped, which may still be carried out, so it is looked for a few times.
 */
export async function deleteOrphans(
  kind: Kind,
  names: readonly string[],
  late: string | undefined,
  deps: StepDeps,
  core: Core,
  deadline: number,
): Promise<void> {
  core.info(`Looking for ${kind.name}s main may have created without learning their ID: ${names.join(', ')}.`);
  // Look again a few times for a create still in flight, as long as a share of the budget is left for the delete.
  const start = deps.now();
  const reserve = (deadline - start) * LATE_COMMIT_RESERVE;
  const checks = late ? LATE_COMMIT_CHECKS_MS.filter((at) => start + at < deadline - reserve) : [0];
  let found = 0;
  for (const at of checks) {
    await deps.sleep(Math.max(0, start + at - deps.now()), deps.signal);
    const strays = (await kind.list()).filter((item) => names.includes(item.name ?? ''));
    for (const stray of strays) {
      await kind.remove({ id: stray.id, name: stray.name! });
      core.info(`Deleted ${kind.noun} ${stray.name} (${stray.id}).`);
    }
    found += strays.length;
    if (late && strays.some((stray) => stray.name === late)) return;
  }
  if (found === 0) core.info(`None found: the create requests made no ${kind.name}.`);
}
