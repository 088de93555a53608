// The sweep sub-action: delete keys this action made that have expired (or that match `match`), never any other.
// It is the backstop for runners that died before their post step, and the end of a preview's key.
import { DELETE_CONCURRENCY } from '../api/policy.js';
import { forEachBounded } from '../api/pool.js';
import { ActionError } from '../base/errors.js';
import { readCredentials, readSweepInputs } from '../inputs/inputs.js';
import { renderSweepSummary } from '../rules/summary.js';
import { planSweep, runsToAsk, type Verdict } from '../rules/sweep-plan.js';
import { readRunContext } from '../inputs/run-context.js';
import { askGitHub } from './ask-github.js';
import { runLive } from './live.js';
import { resolveProject } from './project.js';
import { openApi, openGitHub } from './session.js';
import { missingCredentials, reportClockSkew, reportFailure, startStep, type StepDeps } from './step.js';

export const run = (): Promise<void> => runLive(runSweep, { cancellable: true });

export async function runSweep(deps: StepDeps): Promise<void> {
  const { core, secrets } = startStep(deps);
  try {
    const credentials = readCredentials(core.getInput, deps.env);
    if (credentials.missing !== undefined) return missingCredentials(core, credentials, 'nothing was swept');
    const inputs = readSweepInputs(core.getInput, credentials);
    const api = openApi(deps, core, inputs.connection, inputs.timeoutMs, secrets);
    core.info(`Logging in to Pinecone as service account ${credentials.clientId}.`);
    await api.login();
    reportClockSkew(core, api);
    const project = await resolveProject(api, inputs.project, core);
    const keys = await api.listKeys(project.id);
    const run = readRunContext(deps.env).run;
    const here = { repositoryId: run?.repositoryId, runId: run?.runId };
    const runIds = inputs.expiredOnly ? runsToAsk(keys, here) : [];
    const lookups = await askGitHub(openGitHub(deps, inputs.githubToken, secrets), runIds, core);
    const filter = { match: inputs.match, expiredOnly: inputs.expiredOnly, now: api.clock.now() };
    const plan = planSweep(keys, filter, lookups && { here, lookups });
    const doomed = plan.verdicts.filter((verdict) => verdict.remove);
    core.info(
      `Project ${project.id} has ${keys.length} key(s): ${plan.verdicts.length} made by this action, ${plan.foreign} not (never touched). ` +
        `${inputs.dryRun ? 'Would delete' : 'Deleting'} ${doomed.length}${inputs.match ? ` matching ${inputs.match}` : ''}${inputs.expiredOnly ? ' that have expired' : ''}.`,
    );

    const deleted: Verdict[] = [];
    let failures: Awaited<ReturnType<typeof forEachBounded<Verdict>>> = [];
    if (inputs.dryRun) {
      for (const v of doomed) core.info(`Would delete ${v.key.name} (${v.key.id}): ${v.why}.`);
    } else {
      failures = await forEachBounded(doomed, DELETE_CONCURRENCY, async (verdict) => {
        const result = await api.deleteKey(verdict.key.id);
        deleted.push(verdict);
        core.info(
          `${result === 'deleted' ? 'Deleted' : 'Already gone:'} ${verdict.key.name} (${verdict.key.id}): ${verdict.why}.`,
        );
      });
    }

    core.setOutput('deleted', String(deleted.length));
    core.setOutput('deleted-ids', JSON.stringify(deleted.map((verdict) => verdict.key.id)));
    core.setOutput('remaining', String(plan.verdicts.length - deleted.length));
    await deps.writeSummary(renderSweepSummary(plan, new Set(deleted.map((v) => v.key.id)), inputs.dryRun));
    if (failures.length > 0) {
      const first = failures[0]!;
      throw new ActionError(
        `Could not delete ${failures.length} of ${doomed.length} key(s), e.g. ${first.item.key.name} (${first.item.key.id}): ${(first.error as Error).message} Run the sweep again.`,
      );
    }
    core.info(
      inputs.dryRun
        ? `Dry run: nothing deleted; ${doomed.length} key(s) would go.`
        : `Deleted ${deleted.length} key(s).`,
    );
  } catch (error) {
    reportFailure(core, error);
  }
}
