// The main step: log in, create a key named after the run, mask it, hand it over. Every checkpoint the post step
// needs is saved to state before the request it protects is sent.
import type { AdminApi, ApiKey } from './admin-api.js';
import { resolveProject } from './project.js';
import { ActionError, asUserError, OutcomeUnknownError } from './errors.js';
import { readClientSecret, readMainInputs, type MainInputs } from './inputs.js';
import { buildKeyName, newNonce, renderBase, type RunValues } from './key-name.js';
import { Secrets } from './secrets.js';
import { saveState } from './state.js';
import { keysToRetire } from './sweep-plan.js';
import { missingCredentials, openApi, reportFailure, type StepDeps } from './step.js';
import { renderKeySummary } from './summary.js';

const CREATE_TRIES = 3;
/** Keys retired by one job's post step; the rest wait for later runs or a sweep. */
export const MAX_RETIRE_PER_RUN = 100;

export async function runMain(deps: StepDeps, readRunValues: () => RunValues): Promise<void> {
  const { core } = deps;
  const secrets = new Secrets(core.setSecret);
  secrets.add(readClientSecret(core.getInput, deps.env));
  try {
    const inputs = readMainInputs(core.getInput, deps.env);
    if (!inputs.connection)
      return missingCredentials(core, inputs.onMissingCredentials, inputs.missingCredentials, 'no key was created');
    const base = asUserError(() => renderBase(inputs.nameTemplate, readRunValues()));
    const lookForKeysToRetire = inputs.sweepExpired || inputs.replace;
    const api = openApi(deps, inputs.connection, inputs.timeoutMs, secrets, lookForKeysToRetire ? 2 : 1);

    core.info(`Logging in to Pinecone as service account ${inputs.connection.clientId}.`);
    await api.login();
    const project = await resolveProject(api, inputs.project, deps.core);
    saveState(core, { projectId: project.id, cleanup: inputs.cleanup });

    // Whole seconds: the expiry in the name and in the output must agree.
    const expiresAt = new Date(Math.ceil((deps.now() + inputs.ttlMs) / 1000) * 1000);
    // The create goes first, on the connection that is free first; looking for keys to retire runs beside it on
    // another, opened during the login (openApi), so it adds no round trip. Post deletes what it finds.
    const creating = createKey(deps, api, project.id, base, expiresAt, inputs);
    const listing = lookForKeysToRetire
      ? api.listKeys(project.id).then(
          (keys) => ({ keys }),
          (error: unknown) => ({ error }),
        )
      : undefined;
    const { key, value, name } = await creating;
    saveState(core, { keyId: key.id, keyName: name });
    if (deps.signal.aborted)
      throw new ActionError(`The step was cancelled; the post step deletes key ${name} (${key.id}).`);

    handOver(deps, inputs, { value, id: key.id, name, projectId: project.id, expiresAt: expiresAt.toISOString() });
    if (listing) findKeysToRetire(deps, inputs, await listing, secrets, { name, base, expiresAt });
    await deps.writeSummary(
      renderKeySummary({
        name,
        id: key.id,
        projectId: project.id,
        projectName: project.name,
        roles: inputs.roles,
        expiresAt: expiresAt.toISOString(),
        cleanup: inputs.cleanup,
      }),
    );
  } catch (error) {
    reportFailure(core, error, secrets);
  }
}

/**
 * Create is not idempotent. When its outcome is unknown we cannot hand the key over (we never saw its secret), so
 * we delete whatever the lost request made and try again under a fresh name: never a key left, never two.
 */
async function createKey(
  deps: StepDeps,
  api: AdminApi,
  projectId: string,
  base: string,
  expiresAt: Date,
  inputs: MainInputs,
): Promise<{ key: ApiKey; value: string; name: string }> {
  const { core } = deps;
  const names: string[] = [];
  for (let attempt = 1; attempt <= CREATE_TRIES; attempt++) {
    const name = buildKeyName(
      base,
      expiresAt,
      newNonce((max) => Math.floor(deps.random() * max)),
    );
    names.push(name);
    saveState(core, { names, inFlight: name });
    core.info(`Creating API key ${name} with roles ${inputs.roles.join(', ')} (expires ${expiresAt.toISOString()}).`);
    try {
      const created = await api.createKey(projectId, name, inputs.roles);
      saveState(core, { inFlight: '' });
      return { ...created, name };
    } catch (error) {
      if (!(error instanceof OutcomeUnknownError)) {
        // A definite answer (or no request sent at all): this name made no key, nothing for post to look for.
        names.pop();
        saveState(core, { names, inFlight: '' });
        throw error;
      }
      core.warning(`The answer to the create request was lost (${error.message}); checking whether the key was made.`);
      await removeByName(api, projectId, name, deps);
      saveState(core, { inFlight: '' });
    }
  }
  throw new ActionError(
    `Could not create the API key: Pinecone's answer was lost ${CREATE_TRIES} times. Try again later.`,
  );
}

async function removeByName(api: AdminApi, projectId: string, name: string, deps: StepDeps): Promise<void> {
  const strays = (await api.listKeys(projectId)).filter((key) => key.name === name);
  for (const stray of strays) {
    await api.deleteKey(stray.id);
    deps.core.info(`Deleted key ${stray.id}, made by the lost request: its secret never reached us.`);
  }
}

function findKeysToRetire(
  deps: StepDeps,
  inputs: MainInputs,
  listed: { keys: ApiKey[] } | { error: unknown },
  secrets: Secrets,
  own: { name: string; base: string; expiresAt: Date },
): void {
  if ('error' in listed) {
    const message = listed.error instanceof Error ? listed.error.message : String(listed.error);
    deps.core.warning(
      secrets.redact(
        `Could not look for expired keys of this action to delete (${message}); the next run or a sweep will.`,
      ),
    );
    return;
  }
  const retire = keysToRetire(listed.keys, own, {
    sweepExpired: inputs.sweepExpired,
    replace: inputs.replace,
    now: deps.now(),
  });
  if (retire.length === 0) return;
  // State reaches post as an environment variable (at most 128 KiB on Linux): hand over a bounded batch.
  saveState(deps.core, { retire: retire.slice(0, MAX_RETIRE_PER_RUN) });
  const expired = retire.filter((key) => key.why === 'expired').length;
  const replaced = retire.length - expired;
  const later =
    retire.length > MAX_RETIRE_PER_RUN ? ` (${MAX_RETIRE_PER_RUN} now, the rest in later runs or a sweep)` : '';
  deps.core.info(
    `Found ${[expired ? `${expired} expired key(s)` : '', replaced ? `${replaced} older key(s) named ${own.base} (replace: true)` : ''].filter(Boolean).join(' and ')} made by this action; the post step deletes them${later}.`,
  );
}

function handOver(
  deps: StepDeps,
  inputs: MainInputs,
  key: { value: string; id: string; name: string; projectId: string; expiresAt: string },
): void {
  const { core } = deps;
  core.setOutput('api-key', key.value);
  core.setOutput('key-id', key.id);
  core.setOutput('key-name', key.name);
  core.setOutput('project-id', key.projectId);
  core.setOutput('roles', inputs.roles.join(','));
  core.setOutput('expires-at', key.expiresAt);
  core.setOutput('skipped', 'false');
  if (inputs.exportEnv) core.exportVariable(inputs.exportEnv, key.value);
  const where = inputs.exportEnv ? `output api-key and env ${inputs.exportEnv}` : 'output api-key';
  const fate = inputs.cleanup
    ? 'The post step deletes it when the job ends.'
    : `It is kept after the job (cleanup: false) until a sweep deletes it after ${key.expiresAt}.`;
  core.info(`Created API key ${key.name} (${key.id}); its value is masked and available as ${where}. ${fate}`);
}
