// The post step: delete what main created. It runs after main succeeded, failed, crashed or was cancelled, so it
// acts only on a journal it can verify (journal.ts), and reads as a straight run of guard clauses.
import type { AdminApi } from '../api/admin-api.js';
import { DELETE_CONCURRENCY, LATE_COMMIT_CHECKS_MS, LATE_COMMIT_RESERVE } from '../api/policy.js';
import { forEachBounded } from '../api/pool.js';
import { ActionError } from '../base/errors.js';
import { readCredentials, readOnCleanupError, readPostInputs } from '../inputs/inputs.js';
import { hasJournal, readPlan, sealFor, type PostPlan } from './journal.js';
import { runLive } from './live.js';
import { askGitHub } from './ask-github.js';
import { openApi, openGitHub } from './session.js';
import { settle } from '../rules/liveness.js';
import type { Retiree } from '../rules/sweep-plan.js';
import { reportFailure, startStep, type Core, type StepDeps } from './step.js';

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
    const { ownKey, orphans, retire } = plan;
    if (!ownKey && orphans.length === 0 && retire.length === 0) {
      core.info('Nothing to clean up: the main step created no key.');
      return;
    }
    if (ownKey?.fate === 'keep') {
      core.info(
        `Keeping API key ${ownKey.name} (${ownKey.id}): cleanup is false, so a sweep deletes it once it has expired.`,
      );
    }
    if (ownKey?.fate === 'shared') {
      core.info(
        `Keeping API key ${ownKey.name} (${ownKey.id}): it was handed to the workflow run (share: true), so the revoke job deletes it, or a sweep once it has expired.`,
      );
    }
    const deleteOwn = ownKey?.fate === 'delete';
    if (!deleteOwn && orphans.length === 0 && retire.length === 0) return;

    const inputs = readPostInputs(core.getInput, credentials);
    const deadline = deps.now() + inputs.timeoutMs;
    const api = openApi(deps, core, inputs.connection, inputs.timeoutMs, secrets);
    const deletes = (deleteOwn ? 1 : 0) + retire.length;
    // GitHub is asked whether the runs of main's candidates are over while Pinecone's login is under way.
    const runIds = [...new Set(retire.flatMap((candidate) => (candidate.runId ? [candidate.runId] : [])))];
    const github = runIds.length > 0 ? openGitHub(deps, inputs.githubToken, secrets) : undefined;
    const [, lookups] = await Promise.all([
      api.login(deletes > 0 ? { deletes } : { lists: 1 }),
      askGitHub(github, runIds, core),
    ]);
    const settled = settle(retire, lookups, api.clock.now());
    for (const key of settled.spared) core.info(`Kept expired API key ${key.name} (${key.id}): ${key.because}.`);
    // The job's own key and the keys main found to retire go in parallel: one round trip after the login.
    const [own] = await Promise.allSettled([
      deleteOwn ? deleteOwnKey(api, ownKey, core) : undefined,
      retireKeys(api, settled.retire, core),
    ]);
    if (own.status === 'rejected') throw own.reason;
    if (orphans.length > 0) await deleteOrphans(api, plan, deps, core, deadline);
  } catch (error) {
    const what = plan?.ownKey
      ? `API key ${plan.ownKey.name} (${plan.ownKey.id})`
      : plan
        ? `API keys named ${plan.orphans.join(', ')}`
        : 'the API key';
    reportFailure(core, error, (message) =>
      report(
        `Could not delete ${what} in project ${plan?.projectId || '(unknown)'}: ${message} Delete it by hand in the Pinecone console (project → API keys), or run the sweep sub-action.`,
      ),
    );
  }
}

async function deleteOwnKey(api: AdminApi, key: { id: string; name: string }, core: Core): Promise<void> {
  core.info(`Deleting API key ${key.name} (${key.id}).`);
  const result = await api.deleteKey(key.id);
  core.info(result === 'deleted' ? `Deleted API key ${key.name}.` : `API key ${key.name} was already gone.`);
}

/** How post names the keys it retires besides its own. */
const LABEL: Record<Retiree['why'], string> = { expired: 'expired', replaced: 'replaced', 'run over': 'finished-run' };

/** Expired keys of this action, keys of finished runs, older ones of the same name. A failure here only warns. */
async function retireKeys(api: AdminApi, keys: readonly Retiree[], core: Core): Promise<void> {
  const failures = await forEachBounded(keys, DELETE_CONCURRENCY, async (key) => {
    const result = await api.deleteKey(key.id);
    core.info(
      `${result === 'deleted' ? 'Deleted' : 'Already gone:'} ${LABEL[key.why]} API key ${key.name} (${key.id}).`,
    );
  });
  for (const { item, error } of failures) {
    core.warning(
      `Could not delete ${LABEL[item.why]} API key ${item.name} (${item.id}): ${(error as Error).message} A later run or a sweep will retry.`,
    );
  }
}

/**
 * Keys main asked for but never got an answer about: it died mid-create, was cancelled, or lost the answer.
 * Names carry a random nonce, so a key with one of these names can only be ours.
 */
async function deleteOrphans(
  api: AdminApi,
  plan: PostPlan,
  deps: StepDeps,
  core: Core,
  deadline: number,
): Promise<void> {
  core.info(`Looking for keys main may have created without learning their ID: ${plan.orphans.join(', ')}.`);
  // A create still in flight when main stopped may be carried out late: look again a few times, as long as
  // a share of the budget is left for the delete.
  const start = deps.now();
  const reserve = (deadline - start) * LATE_COMMIT_RESERVE;
  const checks = plan.lateCreate ? LATE_COMMIT_CHECKS_MS.filter((at) => start + at < deadline - reserve) : [0];
  let found = 0;
  for (const at of checks) {
    await deps.sleep(Math.max(0, start + at - deps.now()), deps.signal);
    const keys = (await api.listKeys(plan.projectId)).filter(
      (key) => plan.orphans.includes(key.name ?? '') && key.id !== plan.ownKey?.id,
    );
    for (const key of keys) {
      await api.deleteKey(key.id);
      core.info(`Deleted API key ${key.name} (${key.id}).`);
    }
    found += keys.length;
    if (plan.lateCreate && keys.some((key) => key.name === plan.lateCreate)) return;
  }
  if (found === 0) core.info('None found: the create requests made no key.');
}
