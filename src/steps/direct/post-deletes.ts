// What the post step deletes besides the job's own things, for any kind: what main found to retire, and whatever
// main may have made without learning its ID (orphans, found by name).
import { DELETE_CONCURRENCY, LATE_COMMIT_CHECKS_MS, LATE_COMMIT_RESERVE } from '../../base/policy.js';
import { forEachBounded } from '../../base/pool.js';
import type { Kind } from '../../kinds/kind.js';
import type { Retiree } from '../../rules/sweep-plan.js';
import type { Core, StepDeps } from '../../runtime/step.js';

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
