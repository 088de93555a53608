// The post step: delete what main created. It runs after main succeeded, failed, crashed or was cancelled, so it
// acts only on a journal it can verify (journal/journal.ts), and reads as a straight run of guard clauses.
import { ActionError } from '../base/errors.js';
import { readCredentials, readOnCleanupError, readPostInputs } from '../inputs/inputs.js';
import { readRun } from '../inputs/run-context.js';
import { parseProjectName } from '../rules/names.js';
import { settle } from '../rules/liveness.js';
import { askGitHub } from './ask-github.js';
import { deleteThrowawayProject, projectCleanup, type ProjectCleanup } from '../projects/empty.js';
import { sealFor } from '../crypto/state-seal.js';
import { hasJournal, readPlan, type PostPlan } from '../journal/journal.js';
import { runLive } from '../runtime/live.js';
import { nameTagFor } from '../crypto/name-tag.js';
import {
  deleteOrphans,
  deleteOwnKey,
  deleteOwnProject,
  retireKeys,
  retireProjects as retireProjectsOf,
} from './post-deletes.js';
import { openApi, openGitHub } from '../runtime/session.js';
import { reportFailure, startStep, type StepDeps } from '../runtime/step.js';

export const run = (): Promise<void> => runLive(runPost, { cancellable: false });

export async function runPost(deps: StepDeps): Promise<void> {
  const { core, secrets } = startStep(deps);
  if (!hasJournal(core)) {
    core.info('Nothing to clean up: the main step created no key.');
    return;
  }
  const report = readOnCleanupError(core.getInput) === 'warn' ? core.warning : core.setFailed;
  let plan: PostPlan | undefined;
  try {
    const credentials = readCredentials(core.getInput, deps.env);
    if (credentials.missing !== undefined) {
      throw new ActionError(
        `the credentials are missing in the post step (${credentials.missing}); pass them as inputs, which the post step reads again.`,
      );
    }
    plan = readPlan(core, sealFor(credentials.clientSecret, deps.env));
    if (!plan) {
      core.warning(
        "Ignored the state handed to the post step: it does not carry this action's seal for this job (another step may have written it to GITHUB_ENV, or the client secret changed since the main step). Nothing is deleted on its word; if the main step made a key, delete it in the Pinecone console or run the sweep sub-action.",
      );
      return;
    }
    const { ownKey, ownProject, orphans, retire, projectOrphans, retireProjects } = plan;
    if (!ownKey && !ownProject && [orphans, retire, projectOrphans, retireProjects].every((list) => !list.length)) {
      core.info('Nothing to clean up: the main step created no key.');
      return;
    }
    if (ownProject?.fate === 'keep') {
      core.info(
        `Keeping throwaway project ${ownProject.name} (${ownProject.id}) and API key ${ownKey?.name ?? '(none)'}: cleanup is false, so a sweep deletes the project once it has expired.`,
      );
    } else if (ownKey?.fate === 'keep') {
      core.info(
        `Keeping API key ${ownKey.name} (${ownKey.id}): cleanup is false, so a sweep deletes it once it has expired.`,
      );
    }
    if (ownKey?.fate === 'shared') {
      core.info(
        `Keeping API key ${ownKey.name} (${ownKey.id}): it was handed to the workflow run (share: true), so the revoke job deletes it, or a sweep once it has expired.`,
      );
    }
    // The job's project takes its keys along: the job's key and any key orphans in it.
    const deleteProject = ownProject?.fate === 'delete';
    const deleteOwn = ownKey?.fate === 'delete' && !deleteProject;
    const keyOrphans = deleteProject ? [] : orphans;
    if (!deleteOwn && !deleteProject && [keyOrphans, retire, projectOrphans, retireProjects].every((l) => !l.length))
      return;

    const inputs = readPostInputs(core.getInput, credentials);
    const deadline = deps.now() + inputs.timeoutMs;
    const api = openApi(deps, core, inputs.connection, inputs.timeoutMs, secrets);
    // Made only when a project is to be deleted: a key-only post step needs none of it.
    let cleanup: ProjectCleanup | undefined;
    const projectWork = () =>
      (cleanup ??= projectCleanup(deps, core, secrets, {
        api,
        connection: inputs.connection,
        deadline,
        run: readRun(deps.env),
      }));
    const deletes = (deleteOwn || deleteProject ? 1 : 0) + retire.length + retireProjects.length;
    // GitHub is asked whether the runs of main's candidates are over while Pinecone's login is under way.
    const candidates = [...retire, ...retireProjects];
    const runIds = [...new Set(candidates.flatMap((candidate) => (candidate.runId ? [candidate.runId] : [])))];
    const github = runIds.length > 0 ? openGitHub(deps, inputs.githubToken, secrets) : undefined;
    const [, lookups] = await Promise.all([
      api.login(deletes > 0 ? { deletes } : { lists: 1 }),
      askGitHub(github, runIds, core),
    ]);
    const now = api.clock.now();
    const keys = settle(retire, lookups, now);
    const projects = retireProjects.length
      ? settle(retireProjects, lookups, now, (name) => parseProjectName(name, nameTagFor(credentials.clientSecret)))
      : { retire: [], spared: [] };
    for (const spared of keys.spared)
      core.info(`Kept expired API key ${spared.name} (${spared.id}): ${spared.because}.`);
    for (const spared of projects.spared)
      core.info(`Kept expired project ${spared.name} (${spared.id}): ${spared.because}.`);
    // The job's own key or project and what main found to retire go in parallel: one round trip after the login.
    const [own] = await Promise.allSettled([
      deleteOwn
        ? deleteOwnKey(api, ownKey, core)
        : deleteProject
          ? deleteOwnProject(projectWork(), ownProject, ownKey, core)
          : undefined,
      retireKeys(api, keys.retire, core),
      retireProjects.length ? retireProjectsOf(projectWork(), projects.retire, core) : undefined,
    ]);
    if (own.status === 'rejected') throw own.reason;
    const listKeys = () => api.listKeys(plan!.projectId);
    if (keyOrphans.length > 0) {
      const orphanKeys = { what: 'key', names: keyOrphans, late: plan.lateCreate, list: listKeys } as const;
      await deleteOrphans({ ...orphanKeys, remove: (key) => api.deleteKey(key.id) }, deps, core, deadline);
    }
    if (projectOrphans.length > 0) {
      const orphanProjects = { what: 'project', names: projectOrphans, late: plan.lateProjectCreate } as const;
      const remove = (project: { id: string; name: string }) => deleteThrowawayProject(projectWork(), project);
      await deleteOrphans({ ...orphanProjects, list: () => api.listProjects(), remove }, deps, core, deadline);
    }
  } catch (error) {
    const ownProject = plan?.ownProject?.fate === 'delete' ? plan.ownProject : undefined;
    const what = plan?.ownKey
      ? `API key ${plan.ownKey.name} (${plan.ownKey.id})`
      : plan
        ? `what the main step made (${[...plan.orphans, ...plan.projectOrphans].join(', ')})`
        : 'the API key';
    reportFailure(core, error, (message) =>
      report(
        ownProject
          ? `Could not delete throwaway project ${ownProject.name} (${ownProject.id}), which holds the job's key: ${message} Delete the project in the Pinecone console, or run the sweep sub-action, which empties and deletes expired throwaway projects.`
          : `Could not delete ${what} in project ${plan?.projectId || '(unknown)'}: ${message} Delete it by hand in the Pinecone console (project → API keys), or run the sweep sub-action.`,
      ),
    );
  }
}
