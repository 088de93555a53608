// The main step: log in, create a key named after the run (in a given project, or in a throwaway project made for
// the job), mask it, hand it over. Every checkpoint the post step needs is in the journal before the request it
// protects is sent.
import type { AdminApi } from '../api/admin-api.js';
import type { ApiKey, Project } from '../api/types.js';
import { CancelledError } from '../base/errors.js';
import { sealHandoff } from '../crypto/handoff.js';
import { nameTagFor } from '../crypto/name-tag.js';
import { sealFor } from '../crypto/state-seal.js';
import { readMainInputs, type MainInputs } from '../inputs/inputs.js';
import { readRunContext, runOf } from '../inputs/run-context.js';
import { planRetirement, settled, unwrap, type Settled } from '../journal/retirement.js';
import { Journal } from '../journal/journal.js';
import { createExactlyOnce, type CreatedKey } from '../keys/create.js';
import { handOver, type HandedKey } from '../keys/outputs.js';
import { keyKind } from '../kinds/key.js';
import { kindsFor } from '../kinds/kinds.js';
import type { Kind } from '../kinds/kind.js';
import { createMakingRoom } from '../kinds/make-room.js';
import { createProjectExactlyOnce } from '../projects/create.js';
import { projectCleanup, type ProjectCleanup } from '../projects/empty.js';
import { resolveProject } from '../projects/resolve.js';
import { expiryAfter, type KeyOwner, type RunRef } from '../rules/names.js';
import { renderBase, renderProjectBase } from '../rules/template.js';
import { defineStep, type OpenStep } from '../runtime/define-step.js';
import { openApi } from '../runtime/session.js';
import { reportClockSkew } from '../runtime/step.js';
import { fateOf, type Fate } from './fates.js';
import { renderKeySummary } from './summary.js';

const mainStep = defineStep({
  words: {
    skipped: 'no key was created',
    cancelled: 'The step was cancelled before the key was handed over; the post step deletes anything it created.',
    cancel: {
      waitingFor: 'so the post step knows what to delete',
      stopping: 'the post step will look for the key by name',
    },
  },
  read: readMainInputs,
  run: async (step) => {
    const job = await begin(step);
    const { project, journal, looks } = await chooseProject(job);
    const { created, keyLook } = await createKey(job, project, journal);
    const key = handOverKey(job, project, created);
    if (job.inputs.share) shareWithRun(job, key, journal);
    await recordRetirement(job, journal, keyLook ?? looks);
    const { value: _, ...shown } = key;
    await step.deps.writeSummary(
      renderKeySummary({ ...shown, roles: job.inputs.roles, projectName: project.name, fate: job.fate.summary }),
    );
  },
});

export const { run } = mainStep;
export const runMain = mainStep.runWith;

/** What every phase of main reads. */
interface MainJob extends OpenStep<MainInputs> {
  run: RunRef | undefined;
  owner: KeyOwner;
  api: AdminApi;
  /** A new journal, saved at once, for the job's keys in `projectId` ('' until a throwaway project is made). */
  journalFor: (projectId: string) => Journal;
  /** What deleting throwaway projects needs (making room at the organization's project limit). */
  cleanup: () => ProjectCleanup;
  expiresAt: Date;
  /** Pinecone's time just after the login: what expired is judged by. */
  loggedInAt: number;
  fate: Fate;
  /** Renders of the names, checked before any request. */
  keyBase: string;
  projectBase: string | undefined;
}

/** A list taken beside a create, for post to retire what it finds (expired, replaced, of finished runs). */
interface Look {
  kind: Kind;
  listing: Promise<Settled<Array<{ id: string; name: string | null }>>>;
  own: () => string;
}

/** Reads the run, renders the names (a template error fails before any request), logs in. */
async function begin(step: OpenStep<MainInputs>): Promise<MainJob> {
  const { deps, core, secrets, account, inputs } = step;
  const context = readRunContext(deps.env);
  const owner: KeyOwner = { kind: inputs.share ? 'shared' : inputs.cleanup ? 'job' : 'kept', run: context.run };
  if (inputs.share) runOf(context.run, 'share: true hands the key to the jobs of this workflow run');
  const keyBase = renderBase(inputs.nameTemplate, context.values, owner);
  const projectBase = inputs.newProject
    ? renderProjectBase(inputs.projectNameTemplate, context.values, owner)
    : undefined;
  const deadline = deps.now() + inputs.timeoutMs;
  const api = openApi(deps, core, inputs.connection, inputs.timeoutMs, secrets);
  const session = { api, connection: inputs.connection, deadline, run: context.run };
  const cleanup = () => projectCleanup(deps, core, secrets, session);
  const seal = sealFor(account.clientSecret, deps.env);
  const journalFor = (projectId: string) => new Journal(core, seal, projectId, inputs.cleanup);

  core.info(`Logging in to Pinecone as service account ${account.clientId}.`);
  // The create and, beside it, the look for things to retire: each gets a connection opened during the login.
  await api.login({ creates: 1, lists: inputs.sweepExpired || inputs.replace ? 1 : 0 });
  reportClockSkew(core, api);
  const expiresAt = expiryAfter(api.clock.now(), inputs.ttlMs); // on Pinecone's clock
  const fate = fateOf(owner.kind, inputs.newProject);
  const job = { run: context.run, owner, api, journalFor, cleanup, expiresAt, fate, keyBase, projectBase };
  return { ...step, ...job, loggedInAt: api.clock.now() };
}

/** The given project (resolved by name if need be), or a throwaway project made exactly once for the job. */
async function chooseProject(
  job: MainJob,
): Promise<{ project: { id: string; name?: string }; journal: Journal; looks?: Look }> {
  const { api, core, deps, inputs, account } = job;
  if (job.projectBase === undefined) {
    const project = await resolveProject(api, inputs.project, core);
    return { project, journal: job.journalFor(project.id) };
  }
  const journal = job.journalFor('');
  const { cleanup } = job;
  const projects = kindsFor({
    api,
    log: core,
    clientSecret: account.clientSecret,
    projectId: () => '',
    cleanup,
  }).project;
  const tag = nameTagFor(account.clientSecret);
  const request = { base: job.projectBase, owner: job.owner, expiresAt: job.expiresAt, tag };
  const create = () => createProjectExactlyOnce(api, journal, core, deps.random, request);
  const creating = createMakingRoom(create, projects, roomFor(job));
  // A brand-new project holds no other keys: the look is for this action's other throwaway projects.
  const listing = lookingForRetirees(job) ? settled(api.listProjects()) : undefined;
  const project: Project = await creating;
  journal.keysIn(project.id);
  return { project, journal, looks: listing && { kind: projects, listing, own: () => project.name } };
}

/** The key, created exactly once (making room in a full project); beside it, the look for keys to retire. */
async function createKey(
  job: MainJob,
  project: { id: string },
  journal: Journal,
): Promise<{ created: CreatedKey; keyLook?: Look }> {
  const { api, core, deps, inputs } = job;
  const { keyBase: base, owner, expiresAt } = job;
  const request = { projectId: project.id, base, owner, roles: inputs.roles, expiresAt };
  // The create goes first, on the connection that is free first; the list runs beside it, adding no round trip.
  let listing: Promise<Settled<ApiKey[]>> | undefined;
  const keys = keyKind(
    api,
    core,
    () => project.id,
    async () => (listing ? unwrap(await listing) : api.listKeys(project.id)),
  );
  const creating = createMakingRoom(
    () => createExactlyOnce(api, journal, core, deps.random, request),
    keys,
    roomFor(job),
  );
  // In a throwaway project there is nothing else to look for; its siblings are looked for beside its create.
  if (lookingForRetirees(job) && !inputs.newProject) listing = settled(api.listKeys(project.id));
  const created = await creating;
  if (deps.signal.aborted)
    throw new CancelledError(`The step was cancelled; the post step deletes key ${created.name} (${created.key.id}).`);
  return { created, keyLook: listing && { kind: keys, listing, own: () => created.name } };
}

function handOverKey(job: MainJob, project: { id: string; name?: string }, created: CreatedKey): HandedKey {
  const key = {
    value: created.value,
    id: created.key.id,
    name: created.name,
    projectId: project.id,
    roles: job.inputs.roles,
    expiresAt: job.expiresAt.toISOString(),
  };
  handOver(job.core, key, job.inputs.exportEnv, { how: 'Created', fate: job.fate.log(key.expiresAt) });
  if (project.name) job.core.setOutput('project-name', project.name);
  return key;
}

/** share: true: the key, sealed for the other jobs of the run; from now on the run's, not this job's. */
function shareWithRun(job: MainJob, key: HandedKey, journal: Journal): void {
  const run = runOf(job.run, 'share: true hands the key to the jobs of this workflow run');
  const { id: keyId, projectId, name, expiresAt } = key;
  const shared = { ...run, keyId, projectId, name, roles: [...key.roles], expiresAt };
  job.core.setOutput('handoff', sealHandoff(job.account.clientSecret, shared, key.value));
  journal.shared('key');
}

/** What the look beside the create found, for post to retire. */
async function recordRetirement(job: MainJob, journal: Journal, look: Look | undefined): Promise<void> {
  if (!look) return;
  const { inputs } = job;
  const ask = { sweepExpired: inputs.sweepExpired, replace: inputs.replace, now: job.loggedInAt };
  const own = { name: look.own(), run: job.run };
  const retire = planRetirement(job.core, await look.listing, { ...ask, own }, look.kind);
  if (retire.length > 0) journal.retireLater(look.kind.name, retire);
}

const lookingForRetirees = (job: MainJob) => job.inputs.sweepExpired || job.inputs.replace;
const roomFor = (job: MainJob) => ({ log: job.core, sweepExpired: job.inputs.sweepExpired, now: job.api.clock.now });
