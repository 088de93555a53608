// The main step: log in, create a key named after the run, mask it, hand it over. Every checkpoint the post step
// needs is in the journal before the request it protects is sent.
import type { AdminApi, ApiKey } from '../api/admin-api.js';
import { MAX_RETIRE_PER_RUN } from '../api/policy.js';
import { ActionError } from '../base/errors.js';
import { readCredentials, readMainInputs, type MainInputs } from '../inputs/inputs.js';
import { readRunContext, runOf } from '../inputs/run-context.js';
import { parseKeyName, renderBase, type KeyKind, type KeyOwner, type RunRef } from '../rules/key-name.js';
import { renderKeySummary } from '../rules/summary.js';
import { keysToRetire, type Retiree } from '../rules/sweep-plan.js';
import { createExactlyOnce } from './create-key.js';
import { handOver } from './hand-over.js';
import { sealHandoff } from './handoff.js';
import { Journal, sealFor } from './journal.js';
import { runLive } from './live.js';
import { createMakingRoom } from './make-room.js';
import { resolveProject } from './project.js';
import { openApi } from './session.js';
import { missingCredentials, reportClockSkew, reportFailure, startStep, type Core, type StepDeps } from './step.js';

export const run = (): Promise<void> => runLive(runMain, { cancellable: true });

export async function runMain(deps: StepDeps): Promise<void> {
  const { core, secrets } = startStep(deps);
  try {
    const credentials = readCredentials(core.getInput, deps.env);
    if (credentials.missing !== undefined) return missingCredentials(core, credentials, 'no key was created');
    const inputs = readMainInputs(core.getInput, credentials);
    const context = readRunContext(deps.env);
    const owner: KeyOwner = { kind: inputs.share ? 'shared' : inputs.cleanup ? 'job' : 'kept', run: context.run };
    const sharedRun = inputs.share
      ? runOf(context, 'share: true hands the key to the jobs of this workflow run')
      : undefined;
    const base = renderBase(inputs.nameTemplate, context.values, owner);
    const lookForKeysToRetire = inputs.sweepExpired || inputs.replace;
    const api = openApi(deps, core, inputs.connection, inputs.timeoutMs, secrets);

    core.info(`Logging in to Pinecone as service account ${credentials.clientId}.`);
    // The create and, beside it, the look for keys to retire: each gets a connection opened during the login.
    await api.login({ creates: 1, lists: lookForKeysToRetire ? 1 : 0 });
    reportClockSkew(core, api);
    const project = await resolveProject(api, inputs.project, core);
    const journal = new Journal(core, sealFor(credentials.clientSecret, deps.env), project.id, inputs.cleanup);

    // Whole seconds, on Pinecone's clock: the expiry in the name and in the output must agree.
    const expiresAt = new Date(Math.ceil((api.clock.now() + inputs.ttlMs) / 1000) * 1000);
    const request = { projectId: project.id, base, owner, roles: inputs.roles, expiresAt };
    // The create goes first, on the connection that is free first; the list runs beside it, adding no round trip.
    let listing: Promise<Settled<ApiKey[]>> | undefined;
    const creating = createMakingRoom(() => createExactlyOnce(api, journal, core, deps.random, request), {
      api,
      log: core,
      projectId: project.id,
      sweepExpired: inputs.sweepExpired,
      listKeys: async () => (listing ? unwrap(await listing) : api.listKeys(project.id)),
      now: api.clock.now,
    });
    if (lookForKeysToRetire) listing = settle(api.listKeys(project.id));
    const created = await creating;
    if (deps.signal.aborted)
      throw new ActionError(`The step was cancelled; the post step deletes key ${created.name} (${created.key.id}).`);

    const key = {
      value: created.value,
      id: created.key.id,
      name: created.name,
      projectId: project.id,
      roles: inputs.roles,
      expiresAt: expiresAt.toISOString(),
    };
    handOver(core, key, inputs.exportEnv, { how: 'Created', fate: FATE[owner.kind].log(key.expiresAt) });
    if (sharedRun) {
      core.setOutput(
        'handoff',
        sealHandoff(
          credentials.clientSecret,
          {
            ...context.run!,
            keyId: key.id,
            projectId: key.projectId,
            name: key.name,
            roles: key.roles,
            expiresAt: key.expiresAt,
          },
          key.value,
        ),
      );
      journal.shared();
    }
    if (listing) {
      const retire = planRetirement(core, api, inputs, await listing, { name: created.name, run: context.run });
      if (retire.length > 0) journal.retireLater(retire.slice(0, MAX_RETIRE_PER_RUN));
    }
    await deps.writeSummary(
      renderKeySummary({
        name: created.name,
        id: created.key.id,
        projectId: project.id,
        projectName: project.name,
        roles: inputs.roles,
        expiresAt: expiresAt.toISOString(),
        fate: FATE[owner.kind].summary,
      }),
    );
  } catch (error) {
    reportFailure(core, error);
  }
}

/** How a key ends, by its kind: one sentence for the log, one for the summary. */
const FATE: Record<KeyKind, { log: (expiresAt: string) => string; summary: string }> = {
  job: {
    log: () => 'The post step deletes it when the job ends.',
    summary: 'The post step deletes this key when the job ends.',
  },
  kept: {
    log: (expiresAt) => `It is kept after the job (cleanup: false) until a sweep deletes it after ${expiresAt}.`,
    summary: 'This key is kept after the job (`cleanup: false`): a sweep deletes it once it has expired.',
  },
  shared: {
    log: () =>
      'It is shared with the workflow run (share: true): output handoff carries it, encrypted, to other jobs; the revoke job deletes it, or a sweep once it has expired.',
    summary:
      'This key is **shared with the workflow run** (`share: true`): other jobs get it from the `handoff` output with the `use` sub-action; the `revoke` job deletes it, or a sweep once it has expired.',
  },
};

type Settled<T> = { value: T } | { error: unknown };
const settle = <T>(promise: Promise<T>): Promise<Settled<T>> =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
const unwrap = <T>(settled: Settled<T>): T => {
  if ('error' in settled) throw settled.error;
  return settled.value;
};

/** Which other keys of this action the post step deletes, and one line that says so; a failed list only warns. */
function planRetirement(
  core: Core,
  api: AdminApi,
  inputs: MainInputs,
  listed: Settled<ApiKey[]>,
  own: { name: string; run: RunRef | undefined },
): Retiree[] {
  if ('error' in listed) {
    const message = listed.error instanceof Error ? listed.error.message : String(listed.error);
    core.warning(
      `Could not look for expired keys of this action to delete (${message}); the next run or a sweep will.`,
    );
    return [];
  }
  const retire = keysToRetire(listed.value, own, {
    sweepExpired: inputs.sweepExpired,
    replace: inputs.replace,
    now: api.clock.now(),
  });
  if (retire.length === 0) return retire;
  const count = (why: Retiree['why']) => retire.filter((key) => key.why === why).length;
  const base = parseKeyName(own.name)?.base ?? own.name;
  const later =
    retire.length > MAX_RETIRE_PER_RUN ? ` (${MAX_RETIRE_PER_RUN} now, the rest in later runs or a sweep)` : '';
  const asking = retire.some((key) => key.runId) ? ', asking GitHub first whether their runs are over' : '';
  const what = [
    count('expired') ? `${count('expired')} expired key(s)` : '',
    count('replaced') ? `${count('replaced')} older key(s) named ${base} (replace: true)` : '',
    count('run over') ? `${count('run over')} key(s) of other runs of this repository` : '',
  ].filter(Boolean);
  core.info(`Found ${what.join(' and ')} made by this action; the post step deletes them${asking}${later}.`);
  return retire;
}
