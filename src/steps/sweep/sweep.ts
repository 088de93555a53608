// The sweep sub-action: delete what this action made that has expired (or that matches `match`): the keys of a
// project, and the organization's throwaway projects this service account made, emptied first; never any other
// key or project. It is the backstop for runners that died before their post step, and the end of a preview's key
// or project. Every kind (kinds/) is listed and judged (sweep-judge.ts) and deleted (sweep-delete.ts) the same way.
import { ActionError } from '../../base/errors.js';
import { readSweepInputs } from '../../inputs/inputs.js';
import { defineStep, type OpenStep } from '../../runtime/define-step.js';
import { renderSweepSummary } from '../common/summary.js';
import { doomed, sweepAll } from './sweep-delete.js';
import { judge, loginAndList, type Swept, type SweepInputs } from './sweep-judge.js';

const sweepStep = defineStep({
  words: {
    skipped: 'nothing was swept',
    cancelled: 'The sweep was cancelled before it was done: what it deleted stays deleted; run it again for the rest.',
    cancel: {
      waitingFor: 'to finish (what the sweep deleted so far stays deleted)',
      stopping: 'the next sweep deletes what is left',
    },
  },
  read: readSweepInputs,
  run: async (step) => {
    const { api, kinds, listings } = await loginAndList(step);
    const judged = await judge(step, api.clock.now(), kinds, listings);
    const doing = step.inputs.dryRun ? 'Would delete' : 'Deleting';
    for (const { kind, shown, listed, plan } of judged) {
      if (shown)
        step.core.info(kind.sweep.census(listed, plan, `${doing} ${doomed(plan).length}${which(step.inputs)}`));
    }
    // Every kind side by side: a project that takes seconds to empty does not hold up the keys.
    const swept = await Promise.all(judged.map((each) => sweepAll(step.core, step.inputs.dryRun, each)));
    report(step, swept);
    await step.deps.writeSummary(
      renderSweepSummary({ sections: swept.filter((s) => s.shown).map(section), dryRun: step.inputs.dryRun }),
    );
    const failed = swept.find((each) => each.failure)?.failure;
    if (failed) throw new ActionError(`${failed} Run the sweep again.`);
    const counts = swept.map(
      ({ kind, plan, deleted }) => `${step.inputs.dryRun ? doomed(plan).length : deleted.length} ${kind.name}(s)`,
    );
    step.core.info(
      step.inputs.dryRun
        ? `Dry run: nothing deleted; ${counts.join(' and ')} would go.`
        : `Deleted ${counts.join(' and ')}.`,
    );
  },
});

export const { run } = sweepStep;
export const runSweep = sweepStep.runWith;

function report({ core }: OpenStep<SweepInputs>, swept: readonly Swept[]): void {
  for (const { kind, plan, deleted } of swept) {
    const { outputs } = kind.sweep;
    core.setOutput(outputs.deleted, String(deleted.length));
    core.setOutput(outputs.ids, JSON.stringify(deleted.map((verdict) => verdict.item.id)));
    core.setOutput(outputs.remaining, String(plan.verdicts.length - deleted.length));
  }
}

function section({ kind, listed, plan, deleted }: Swept) {
  return { ...kind.sweep.summary(listed, plan, deleted.length), plan, deleted: new Set(deleted.map((v) => v.item.id)) };
}

const which = (inputs: SweepInputs) =>
  `${inputs.match ? ` matching ${inputs.match}` : ''}${inputs.expiredOnly ? ' that have expired' : ''}`;
