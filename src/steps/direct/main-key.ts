// Main's phases for the key: renewed in place (renew: true), or created exactly once; handed to the job; shared
// with the run (share: true).
import type { ApiKey } from '../../api/pinecone/types.js';
import { CancelledError } from '../../base/errors.js';
import { proofFor, sealHandoff } from '../../crypto/handoff.js';
import { runOf } from '../../inputs/run-context.js';
import { settled, unwrap, type Settled } from '../../journal/retirement.js';
import type { Journal } from '../../journal/journal.js';
import { createExactlyOnce, type CreatedKey } from '../../keys/create.js';
import { handOver, handOverRenewed, type HandedKey } from '../../keys/outputs.js';
import { renewInPlace } from '../../keys/renew.js';
import { keyKind } from '../../kinds/key.js';
import { createMakingRoom } from '../../kinds/make-room.js';
import { RENEWED } from './fates.js';
import { lookingForRetirees, roomFor, type Look, type MainJob } from './main-job.js';

/** renew: true: the live key of this rendered name, renamed with the new expiry; the list it was looked for in. */
export async function renewKey(job: MainJob, project: { id: string }, journal: Journal) {
  const { api, core, deps, inputs } = job;
  const listed = await api.listKeys(project.id);
  const request = { base: job.keyBase, owner: job.owner, roles: inputs.roles, expiresAt: job.expiresAt };
  const renewing = { ...request, now: job.loggedInAt, tag: job.keyTag };
  const renamed = await renewInPlace(api, core, deps.random, renewing, listed);
  if (!renamed) return { listed };
  journal.creates('key').made(renamed.key.id, renamed.name); // post keeps it (cleanup: false)
  const expiresAt = job.expiresAt.toISOString();
  const key = { id: renamed.key.id, name: renamed.name, projectId: project.id, roles: renamed.key.roles, expiresAt };
  const look: Look = {
    kind: keyKind(
      () => api,
      core,
      () => project.id,
      () => job.keyTag,
    ),
    listing: Promise.resolve({ value: listed }),
    own: () => renamed.name,
    ownId: renamed.key.id,
  };
  return { listed, renewed: { key, look } };
}

/** The key, created exactly once (making room in a full project); beside it, the look for keys to retire. */
export async function createKey(
  job: MainJob,
  project: { id: string },
  journal: Journal,
  /** The project's keys, when renew has listed them already. */
  listed?: ApiKey[],
): Promise<{ created: CreatedKey; keyLook?: Look }> {
  const { api, core, deps, inputs } = job;
  const { keyBase: base, owner, expiresAt } = job;
  const request = { projectId: project.id, base, owner, roles: inputs.roles, expiresAt, tag: job.keyTag };
  // The create goes first, on the connection that is free first; the list runs beside it, adding no round trip.
  let listing: Promise<Settled<ApiKey[]>> | undefined;
  const keys = keyKind(
    () => api,
    core,
    () => project.id,
    () => job.keyTag,
    async () => (listing ? unwrap(await listing) : api.listKeys(project.id)),
  );
  const creating = createMakingRoom(
    () => createExactlyOnce(api, journal, core, deps.random, request),
    keys,
    roomFor(job),
  );
  // In a throwaway project there is nothing else to look for; its siblings are looked for beside its create.
  if (listed) listing = Promise.resolve({ value: listed });
  else if (lookingForRetirees(job) && !inputs.newProject) listing = settled(api.listKeys(project.id));
  const created = await creating;
  if (deps.signal.aborted)
    throw new CancelledError(`The step was cancelled; the post step deletes key ${created.name} (${created.key.id}).`);
  return { created, keyLook: listing && { kind: keys, listing, own: () => created.name } };
}

/** A renewed key to the job: its outputs, without a value. */
export function handOverRenewedKey(job: MainJob, project: { name?: string }, key: Omit<HandedKey, 'value'>): void {
  handOverRenewed(job.core, key, job.inputs.exportEnv, RENEWED.log(key.expiresAt));
  if (project.name) job.core.setOutput('project-name', project.name);
  job.core.setOutput('renewed', 'true');
}

export function handOverKey(job: MainJob, project: { id: string; name?: string }, created: CreatedKey): HandedKey {
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
  job.core.setOutput('renewed', 'false');
  return key;
}

/** share: true: the key, sealed for the other jobs of the run; from now on the run's, not this job's. */
export function shareWithRun(job: MainJob, key: HandedKey, journal: Journal): void {
  const run = runOf(job.run, 'share: true hands the key to the jobs of this workflow run');
  const { id: keyId, projectId, name, expiresAt } = key;
  const proven = { ...run, keyId, name };
  const proof = proofFor(job.account.clientSecret, proven);
  const shared = { ...proven, projectId, roles: [...key.roles], expiresAt, proof };
  job.core.setOutput('handoff', sealHandoff(job.inputs.handoffSecret, shared, key.value));
  journal.shared('key');
}
