// The sweep sub-action: delete what this action made that has expired (or that matches `match`): the keys of a
// project, and the organization's throwaway projects this service account made, emptied first; never any other
// key or project. It is the backstop for runners that died before their post step, and the end of a preview's key
// or project. Every kind (kinds/) is listed, judged and deleted the same way.
import type { Named } from '../../rules/sweep-plan.js';
import { DELETE_CONCURRENCY } from '../../base/policy.js';
import { forEachBounded } from '../../base/pool.js';
import { ActionError } from '../../base/errors.js';
import { readSweepInputs } from '../../inputs/inputs.js';
import { readRun } from '../../inputs/run-context.js';
import type { Kind } from '../../kinds/kind.js';
import { kindsFor } from '../../kinds/kinds.js';
import { projectCleanup } from '../../projects/empty.js';
import { resolveProject } from '../../projects/resolve.js';
import { planSweep, runsToAsk, type SweepPlan, type Verdict } from '../../rules/sweep-plan.js';
import { defineStep, type OpenStep } from '../../runtime/define-step.js';
import { openApi, openGitHub } from '../../runtime/session.js';
import { reportClockSkew, type Core } from '../../runtime/step.js';
import { askGitHub } from '../common/ask-github.js';
import { renderSweepSummary } from '../common/summary.js';

type SweepInputs = ReturnType<typeof readSweepInputs>;

/** One kind as the sweep sees it: what was listed, and what becomes of each of this action's. */
interface Swept {
  kind: Kind;
  /** False when this kind was not swept this time (keys, when no project is given). */
  shown: boolean;
  listed: Named[];
  plan: SweepPlan<Named>;
  deleted: Array<Verdict<Named>>;
  failure?: string | undefined;
}

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

/** The login, then the organization's projects and the project's keys: one round trip when given an ID. */
async function loginAndList({ deps, core, secrets, account, inputs }: OpenStep<SweepInputs>) {
  const deadline = deps.now() + inputs.timeoutMs;
  const api = openApi(deps, core, inputs.connection, inputs.timeoutMs, secrets);
  core.info(`Logging in to Pinecone as service account ${account.clientId}.`);
  await api.login();
  reportClockSkew(core, api);
  // The organization's projects: they resolve a project's name, and are the throwaway projects' list.
  const listing = api.listProjects();
  const project = inputs.project ? await resolveProject(api, inputs.project, core, listing) : undefined;
  const run = readRun(deps.env);
  const kinds = kindsFor({
    api: () => api,
    log: core,
    clientSecret: account.clientSecret,
    projectId: () => project?.id ?? '',
    cleanup: () => projectCleanup(deps, core, secrets, { api, connection: inputs.connection, deadline, run }),
    listProjects: () => listing,
  });
  // Every kind's list at once: one round trip when the project is given by ID.
  const listed = await Promise.all(kinds.all.map((kind) => listFor(kind, project !== undefined, core)));
  return { api, kinds: kinds.all, listings: new Map(kinds.all.map((kind, i) => [kind, listed[i]])) };
}

/** A kind's list, `undefined` when it is not swept this time; with a project given, a refused list may only warn. */
function listFor(kind: Kind, withProject: boolean, core: Core): Promise<Named[] | undefined> {
  if (kind.sweep.needsProject && !withProject) return Promise.resolve(undefined);
  const { refused } = kind.sweep;
  if (!withProject || !refused) return kind.list();
  return kind.list().catch((error: unknown) => {
    core.warning(refused(error instanceof Error ? error.message : String(error)));
    return [];
  });
}

/** Each kind's plan, with GitHub asked about the runs of this repository's (each run once) when only expired go. */
async function judge(
  { deps, core, secrets, inputs }: OpenStep<SweepInputs>,
  now: number,
  kinds: readonly Kind[],
  listings: ReadonlyMap<Kind, Named[] | undefined>,
): Promise<Swept[]> {
  const run = readRun(deps.env);
  const here = { repositoryId: run?.repositoryId, runId: run?.runId, server: run?.server };
  const listed = kinds.map((kind) => ({
    kind,
    shown: listings.get(kind) !== undefined,
    listed: listings.get(kind) ?? [],
  }));
  const runIds = inputs.expiredOnly
    ? [...new Set(listed.flatMap(({ kind, listed: items }) => runsToAsk(items, here, kind.parse)))]
    : [];
  const lookups = await askGitHub(openGitHub(deps, inputs.githubToken, secrets), runIds, core);
  const filter = { match: inputs.match, expiredOnly: inputs.expiredOnly, now };
  const liveness = lookups && { here, lookups };
  return listed.map((each) => ({
    ...each,
    plan: planSweep(each.listed, filter, liveness, each.kind.parse),
    deleted: [],
  }));
}

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

const doomed = (plan: SweepPlan<Named>) => plan.verdicts.filter((verdict) => verdict.remove);
const which = (inputs: SweepInputs) =>
  `${inputs.match ? ` matching ${inputs.match}` : ''}${inputs.expiredOnly ? ' that have expired' : ''}`;

/** Deletes (or, on a dry run, lists) what the plan removes; the first failure as one sentence, if any. */
async function sweepAll(core: Core, dryRun: boolean, swept: Swept): Promise<Swept> {
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
