// The sweep sub-action: delete keys this action made that have expired (or that match `match`), and the
// organization's throwaway projects this service account made that have expired (or match), emptied first;
// never any other key or project. It is the backstop for runners that died before their post step, and the end
// of a preview's key or project.
import type { Project } from '../api/types.js';
import { DELETE_CONCURRENCY } from '../base/policy.js';
import { forEachBounded } from '../base/pool.js';
import { ActionError } from '../base/errors.js';
import { readCredentials, readSweepInputs } from '../inputs/inputs.js';
import { readRun } from '../inputs/run-context.js';
import { lookAlike, parseProjectName, type NameParser } from '../rules/names.js';
import { renderSweepSummary } from './summary.js';
import { planSweep, runsToAsk, type Named, type SweepPlan, type Verdict } from '../rules/sweep-plan.js';
import { askGitHub } from './ask-github.js';
import { deleteThrowawayProject, projectCleanup } from '../projects/empty.js';
import { runLive } from '../runtime/live.js';
import { nameTagFor } from '../crypto/name-tag.js';
import { resolveProject } from '../projects/resolve.js';
import { openApi, openGitHub } from '../runtime/session.js';
import {
  missingCredentials,
  reportClockSkew,
  reportFailure,
  startStep,
  type Core,
  type StepDeps,
} from '../runtime/step.js';

export const run = (): Promise<void> => runLive(runSweep, { cancellable: true });

export async function runSweep(deps: StepDeps): Promise<void> {
  const { core, secrets } = startStep(deps);
  try {
    const credentials = readCredentials(core.getInput, deps.env);
    if (credentials.missing !== undefined) return missingCredentials(core, credentials, 'nothing was swept');
    const inputs = readSweepInputs(core.getInput, credentials);
    const deadline = deps.now() + inputs.timeoutMs;
    const api = openApi(deps, core, inputs.connection, inputs.timeoutMs, secrets);
    core.info(`Logging in to Pinecone as service account ${credentials.clientId}.`);
    await api.login();
    reportClockSkew(core, api);
    // The organization's projects (for throwaway ones) and the project's keys: one round trip when given an ID.
    const listing = api.listProjects();
    const project = inputs.project ? await resolveProject(api, inputs.project, core, listing) : undefined;
    // With a project to sweep, a list of projects refused (a service account that sees only its projects' keys)
    // costs only the throwaway projects, with one warning; without one, it is the sweep's failure.
    const projectsOrNone = project
      ? listing.catch((error: unknown) => {
          core.warning(
            `Could not list the organization's projects (${error instanceof Error ? error.message : String(error)}): throwaway projects were not swept this time.`,
          );
          return [] as Project[];
        })
      : listing;
    const [projects, keys] = await Promise.all([projectsOrNone, project ? api.listKeys(project.id) : []]);
    const tag = nameTagFor(credentials.clientSecret);
    const parseProject: NameParser = (name) => parseProjectName(name, tag);
    const run = readRun(deps.env);
    const here = { repositoryId: run?.repositoryId, runId: run?.runId };
    const runIds = inputs.expiredOnly
      ? [...new Set([...runsToAsk(keys, here), ...runsToAsk(projects, here, parseProject)])]
      : [];
    const lookups = await askGitHub(openGitHub(deps, inputs.githubToken, secrets), runIds, core);
    const filter = { match: inputs.match, expiredOnly: inputs.expiredOnly, now: api.clock.now() };
    const liveness = lookups && { here, lookups };
    const keyPlan = planSweep(keys, filter, liveness);
    const projectPlan = planSweep(projects, filter, liveness, parseProject);
    const lookAlikes = projects.filter((p) => lookAlike(p.name) && !parseProject(p.name)).map((p) => p.name);
    const doing = inputs.dryRun ? 'Would delete' : 'Deleting';
    const which = `${inputs.match ? ` matching ${inputs.match}` : ''}${inputs.expiredOnly ? ' that have expired' : ''}`;
    if (project) {
      core.info(
        `Project ${project.id} has ${keys.length} key(s): ${keyPlan.verdicts.length} made by this action, ${keyPlan.foreign} not (never touched). ${doing} ${doomed(keyPlan).length}${which}.`,
      );
    }
    core.info(
      `The organization has ${projects.length} project(s): ${projectPlan.verdicts.length} throwaway project(s) this service account made, ${projects.length - projectPlan.verdicts.length} not (never touched${lookAlikes.length ? `, ${lookAlikes.length} of them named like throwaway projects but not tagged by this service account` : ''}). ${doing} ${doomed(projectPlan).length}${which}.`,
    );

    const cleanup = projectCleanup(deps, core, secrets, { api, connection: inputs.connection, deadline, run });
    // Keys and projects side by side: a project that takes seconds to empty does not hold up the keys.
    const [sweptKeys, sweptProjects] = await Promise.all([
      sweepAll(core, inputs.dryRun, 'key', keyPlan, (key) => api.deleteKey(key.id)),
      sweepAll(core, inputs.dryRun, 'project', projectPlan, (p: Project) => deleteThrowawayProject(cleanup, p)),
    ]);

    core.setOutput('deleted', String(sweptKeys.deleted.length));
    core.setOutput('deleted-ids', JSON.stringify(sweptKeys.deleted.map((verdict) => verdict.key.id)));
    core.setOutput('remaining', String(keyPlan.verdicts.length - sweptKeys.deleted.length));
    core.setOutput('deleted-projects', String(sweptProjects.deleted.length));
    core.setOutput('deleted-project-ids', JSON.stringify(sweptProjects.deleted.map((verdict) => verdict.key.id)));
    core.setOutput('remaining-projects', String(projectPlan.verdicts.length - sweptProjects.deleted.length));
    await deps.writeSummary(
      renderSweepSummary({
        keys: project ? { plan: keyPlan, deleted: idsOf(sweptKeys.deleted) } : undefined,
        projects: { plan: projectPlan, deleted: idsOf(sweptProjects.deleted), lookAlikes },
        dryRun: inputs.dryRun,
      }),
    );
    const failed = sweptKeys.failure ?? sweptProjects.failure;
    if (failed) throw new ActionError(`${failed} Run the sweep again.`);
    core.info(
      inputs.dryRun
        ? `Dry run: nothing deleted; ${doomed(keyPlan).length} key(s) and ${doomed(projectPlan).length} project(s) would go.`
        : `Deleted ${sweptKeys.deleted.length} key(s) and ${sweptProjects.deleted.length} project(s).`,
    );
  } catch (error) {
    reportFailure(core, error);
  }
}

const doomed = <T extends Named>(plan: SweepPlan<T>) => plan.verdicts.filter((verdict) => verdict.remove);
const idsOf = (verdicts: ReadonlyArray<Verdict<Named>>) => new Set(verdicts.map((verdict) => verdict.key.id));

/** Deletes (or, on a dry run, lists) what the plan removes; the first failure as one sentence, if any. */
async function sweepAll<T extends Named>(
  core: Core,
  dryRun: boolean,
  what: 'key' | 'project',
  plan: SweepPlan<T>,
  remove: (item: T) => Promise<'deleted' | 'already gone'>,
): Promise<{ deleted: Array<Verdict<T>>; failure: string | undefined }> {
  const deleted: Array<Verdict<T>> = [];
  const victims = doomed(plan);
  if (dryRun) {
    for (const v of victims) core.info(`Would delete ${what} ${v.key.name} (${v.key.id}): ${v.why}.`);
    return { deleted, failure: undefined };
  }
  const failures = await forEachBounded(victims, DELETE_CONCURRENCY, async (verdict) => {
    const result = await remove(verdict.key);
    deleted.push(verdict);
    core.info(
      `${result === 'deleted' ? 'Deleted' : 'Already gone:'} ${what} ${verdict.key.name} (${verdict.key.id}): ${verdict.why}.`,
    );
  });
  const first = failures[0];
  return {
    deleted,
    failure:
      first &&
      `Could not delete ${failures.length} of ${victims.length} ${what}(s), e.g. ${first.item.key.name} (${first.item.key.id}): ${(first.error as Error).message}`,
  };
}
