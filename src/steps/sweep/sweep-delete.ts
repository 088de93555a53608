// The sweep's deletes: what a kind's plan removes, at most DELETE_CONCURRENCY at a time, or on a dry run only listed.
import { DELETE_CONCURRENCY } from '../../base/policy.js';
import { forEachBounded } from '../../base/pool.js';
import type { Named, SweepPlan, Verdict } from '../../rules/sweep-plan.js';
import type { Core } from '../../runtime/step.js';
import type { Swept } from './sweep-judge.js';

/** What a kind's plan removes. */
export const doomed = (plan: SweepPlan<Named>) => plan.verdicts.filter((verdict) => verdict.remove);

/** Deletes (or, on a dry run, lists) what the plan removes; the first failure as one sentence, if any. */
export async function sweepAll(core: Core, dryRun: boolean, swept: Swept): Promise<Swept> {
  const { kind, plan } = swept;
  const deleted: Array<Verdict<Named>> = [];
  const victims = doomed(plan);
  if (dryRun) {
    for (const v of victims) core.info(`Would delete ${kind.name} ${v.item.name} (${v.item.id}): ${v.why}.`);
    return { ...swept, deleted };
  }
  const failures = await forEachBounded(victims, DELETE_CONCURRENCY, async (verdict) => {
    const result = await kind.remove({ id: verdict.item.id, name: verdict.item.name ?? '' });
    deleted.push(verdict);
    core.info(
      `${result === 'deleted' ? 'Deleted' : 'Already gone:'} ${kind.name} ${verdict.item.name} (${verdict.item.id}): ${verdict.why}.`,
    );
  });
  const first = failures[0];
  const failure =
    first &&
    `Could not delete ${failures.length} of ${victims.length} ${kind.name}(s), e.g. ${first.item.item.name} (${first.item.item.id}): ${(first.error as Error).message}`;
  return { ...swept, deleted, failure };
}
