// The main step: log in, create a key named after the run, mask it, hand it over. Every checkpoint the post step
// needs is in the journal before the request it protects is sent.
import type { ApiKey, Project } from '../api/types.js';
import { ActionError } from '../base/errors.js';
import { readCredentials, readMainInputs } from '../inputs/inputs.js';
import { readRunContext, runOf } from '../inputs/run-context.js';
import { expiryAfter, parseProjectName, type KeyKind, type KeyOwner } from '../rules/names.js';
import { renderBase, renderProjectBase } from '../rules/template.js';
import { renderKeySummary } from './summary.js';
import { createExactlyOnce } from '../keys/create.js';
import { createProjectExactlyOnce } from '../projects/create.js';
import { projectCleanup } from '../projects/empty.js';
import { handOver } from '../keys/outputs.js';
import { sealHandoff } from '../crypto/handoff.js';
import { sealFor } from '../crypto/state-seal.js';
import { Journal } from '../journal/journal.js';
import { runLive } from '../runtime/live.js';
import { createProjectMakingRoom } from '../projects/make-room.js';
import { createMakingRoom } from '../keys/make-room.js';
import { nameTagFor } from '../crypto/name-tag.js';
import { resolveProject } from '../projects/resolve.js';
import { planRetirement, settled, unwrap, type Settled } from '../journal/retirement.js';
import { openApi } from '../runtime/session.js';
import { missingCredentials, reportClockSkew, reportFailure, startStep, type StepDeps } from '../runtime/step.js';

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
      ? runOf(context.run, 'share: true hands the key to the jobs of this workflow run')
      : undefined;
    const base = renderBase(inputs.nameTemplate, context.values, owner);
    // A throwaway project's name, and the tag it carries (no key derivation when a project is given).
    const throwaway = inputs.newProject
      ? {
          base: renderProjectBase(inputs.projectNameTemplate, context.values, owner),
          tag: nameTagFor(credentials.clientSecret),
        }
      : undefined;
    const lookForThingsToRetire = inputs.sweepExpired || inputs.replace;
    const deadline = deps.now() + inputs.timeoutMs;
    const api = openApi(deps, core, inputs.connection, inputs.timeoutMs, secrets);
    const seal = sealFor(credentials.clientSecret, deps.env);

    core.info(`Logging in to Pinecone as service account ${credentials.clientId}.`);
    // The create and, beside it, the look for things to retire: each gets a connection opened during the login.
    await api.login({ creates: 1, lists: lookForThingsToRetire ? 1 : 0 });
    reportClockSkew(core, api);
    const expiresAt = expiryAfter(api.clock.now(), inputs.ttlMs); // on Pinecone's clock
    const retireAsk = { sweepExpired: inputs.sweepExpired, replace: inputs.replace, now: api.clock.now() };

    let journal: Journal;
    let project: { id: string; name?: string };
    let projectListing: Promise<Settled<Project[]>> | undefined;
    if (throwaway) {
      journal = new Journal(core, seal, '', inputs.cleanup);
      const { tag } = throwaway;
      const request = { base: throwaway.base, owner, expiresAt, tag };
      const session = { api, connection: inputs.connection, deadline, run: context.run };
      const cleanup = projectCleanup(deps, core, secrets, session);
      const room = { api, cleanup, tag, sweepExpired: inputs.sweepExpired, now: api.clock.now };
      const create = () => createProjectExactlyOnce(api, journal, core, deps.random, request);
      const creatingProject = createProjectMakingRoom(create, room);
      // A brand-new project holds no other keys: the look is for this action's other throwaway projects.
      if (lookForThingsToRetire) projectListing = settled(api.listProjects());
      project = await creatingProject;
    } else {
      project = await resolveProject(api, inputs.project, core);
      journal = new Journal(core, seal, project.id, inputs.cleanup);
    }

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
    if (lookForThingsToRetire && !projectListing) listing = settled(api.listKeys(project.id));
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
    const fate = throwaway ? PROJECT_FATE[inputs.cleanup ? 'job' : 'kept'] : FATE[owner.kind];
    handOver(core, key, inputs.exportEnv, { how: 'Created', fate: fate.log(key.expiresAt) });
    if (project.name) core.setOutput('project-name', project.name);
    if (sharedRun) {
      core.setOutput(
        'handoff',
        sealHandoff(
          credentials.clientSecret,
          {
            ...sharedRun,
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
      const retire = planRetirement(core, await listing, {
        ...retireAsk,
        own: { name: created.name, run: context.run },
      });
      if (retire.length > 0) journal.retireLater(retire);
    }
    if (projectListing && throwaway) {
      const own = { name: project.name!, run: context.run };
      const parse = (name: string | null | undefined) => parseProjectName(name, throwaway.tag);
      const retire = planRetirement(core, await projectListing, { ...retireAsk, own }, { one: 'project', parse });
      if (retire.length > 0) journal.retireProjectsLater(retire);
    }
    await deps.writeSummary(
      renderKeySummary({
        name: created.name,
        id: created.key.id,
        projectId: project.id,
        projectName: project.name,
        roles: inputs.roles,
        expiresAt: expiresAt.toISOString(),
        fate: fate.summary,
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

/** How a key in a throwaway project ends: with its project. */
const PROJECT_FATE: Record<'job' | 'kept', (typeof FATE)[KeyKind]> = {
  job: {
    log: () => 'The post step deletes it with its throwaway project, and everything in the project, when the job ends.',
    summary:
      'This key lives in a **throwaway project** (`new-project: true`): the post step deletes the project, with every index, collection, backup and assistant in it, when the job ends.',
  },
  kept: {
    log: (expiresAt) =>
      `It is kept with its throwaway project after the job (cleanup: false) until a sweep deletes the project after ${expiresAt}.`,
    summary:
      'This key lives in a **throwaway project** kept after the job (`cleanup: false`): a sweep deletes the project, with everything in it, once it has expired.',
  },
};
