// Deleting a throwaway project, with everything in it. Pinecone refuses to delete a project that still holds
// indexes, collections, backups or assistants, and state holds no secret: so a short-lived cleanup key is made in
// the project (ControlPlaneEditor), everything is deleted with it (deletion protection turned off first), deleted
// indexes are waited for while they are `Terminating`, and the project is deleted (its keys go with it). Any answer
// that says "not empty yet" is never taken for success. A project already gone is success.
import type { AdminApi, Connection } from '../api/pinecone/admin-api.js';
import { ControlPlane, type Deletion } from '../api/pinecone/control-plane.js';
import { CREATE_TRIES, DELETE_CONCURRENCY, projectEmptyPollMs } from '../base/policy.js';
import { forEachBounded } from '../base/pool.js';
import { ActionError, CancelledError, OutcomeUnknownError } from '../base/errors.js';
import type { Secrets } from '../base/secrets.js';
import { buildKeyName, expiryAfter, newNonce, type RunRef } from '../rules/names.js';
import { openRequester } from '../runtime/session.js';
import type { Core, Log, StepDeps } from '../runtime/step.js';

/** The control plane of one project, with a key of that project (masked already), inside what is left of a budget. */
export function openControlPlane(
  deps: StepDeps,
  core: Core,
  connection: Connection,
  budgetMs: number,
  projectKey: string,
): ControlPlane {
  return new ControlPlane(connection.apiUrl, connection.apiVersion, projectKey, openRequester(deps, core, budgetMs));
}

/** What a step needs to delete throwaway projects until `deadline`; the cleanup key's value is masked first. */
export function projectCleanup(
  deps: StepDeps,
  core: Core,
  secrets: Secrets,
  session: { api: AdminApi; connection: Connection; deadline: number; run: RunRef | undefined },
): ProjectCleanup {
  const { api, connection, deadline } = session;
  // Named by the name module, so that a sweep recognises it if its project outlives this step.
  const expiresAt = expiryAfter(api.clock.now(), deadline - deps.now());
  const nonce = newNonce((max) => Math.floor(deps.random() * max));
  return {
    api,
    controlPlane: (key) => openControlPlane(deps, core, connection, deadline - deps.now(), secrets.add(key)),
    log: core,
    now: deps.now,
    sleep: (ms) => deps.sleep(ms, deps.signal),
    deadline,
    cleanupKeyName: buildKeyName('gha-cleanup', { kind: 'job', run: session.run }, expiresAt, nonce),
  };
}

export interface ProjectCleanup {
  api: AdminApi;
  /** The control plane of the project, with a key of it. */
  controlPlane: (projectKey: string) => ControlPlane;
  log: Log;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Epoch ms by which the project must be gone. */
  deadline: number;
  /** The name of the cleanup key (the name module's, so that sweeps recognise it). */
  cleanupKeyName: string;
}

/**
 * `revokeFirst`: the job's key, deleted before anything else when the project is not empty, so that nothing the
 * job left running can make more while the project is being emptied.
 */
export async function deleteThrowawayProject(
  cleanup: ProjectCleanup,
  project: { id: string; name: string },
  revokeFirst?: { id: string; name: string },
): Promise<'deleted' | 'already gone'> {
  const { api, log } = cleanup;
  const first = await api.deleteProject(project.id); // a project the job left empty goes at once, keys and all
  if (first !== 'not empty') return first;
  log.info(`Project ${project.name} (${project.id}) still holds resources: deleting them first.`);
  try {
    return await emptyAndDelete(cleanup, project, revokeFirst);
  } catch (error) {
    if (!(error instanceof ActionError) || error instanceof CancelledError) throw error;
    // Another sweep may have emptied and deleted it meanwhile, the cleanup key with it: then it is gone, not failed.
    const again = await api.deleteProject(project.id).catch(() => 'not empty' as const);
    if (again === 'not empty') throw error;
    return again;
  }
}

async function emptyAndDelete(
  cleanup: ProjectCleanup,
  project: { id: string; name: string },
  revokeFirst: { id: string; name: string } | undefined,
): Promise<'deleted' | 'already gone'> {
  const { api, log } = cleanup;
  // The job's key goes while the cleanup key is being made: both before anything in the project is touched.
  const [key] = await Promise.all([
    cleanupKey(api, project.id, cleanup.cleanupKeyName),
    revokeFirst && api.deleteKey(revokeFirst.id).then(() => log.info(`Deleted API key ${revokeFirst.name} first.`)),
  ]);
  const controlPlane = cleanup.controlPlane(key);
  const pause = async (wait: number, left: Left) => {
    if (cleanup.now() + projectEmptyPollMs(wait) >= cleanup.deadline) {
      throw new ActionError(
        `Project ${project.name} (${project.id}) still holds ${describe(left) || 'resources Pinecone has not released yet'} and could not be deleted in time.`,
      );
    }
    await cleanup.sleep(projectEmptyPollMs(wait));
  };
  for (let round = 1; ; round++) {
    const left = await deleteContents(controlPlane, log);
    if (left.refused === 0) {
      // Deleted indexes stay listed while Terminating: only the index list is watched until they are gone.
      for (let wait = 1; left.indexes > 0; wait++) {
        await pause(wait, left);
        if (!(await controlPlane.listIndexes()).some((index) => index.terminating)) break;
      }
      const result = await api.deleteProject(project.id);
      if (result !== 'not empty') return result;
    }
    await pause(round, left);
  }
}

/** What one pass left: indexes now being deleted, and deletes refused for now (a collection being made, …). */
interface Left {
  indexes: number;
  refused: number;
}

const describe = (left: Left) =>
  [
    left.indexes ? `${left.indexes} index(es) being deleted` : '',
    left.refused ? `${left.refused} refusing deletion` : '',
  ]
    .filter(Boolean)
    .join(' and ');

/** A key for the cleanup; a create whose answer was lost is simply tried again (the project takes its keys along). */
async function cleanupKey(api: AdminApi, projectId: string, name: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await api.createKey(projectId, name, ['ControlPlaneEditor'])).value;
    } catch (error) {
      if (!(error instanceof OutcomeUnknownError) || attempt >= CREATE_TRIES) throw error;
    }
  }
}

/** One pass over the project's contents: deletes all it can, and says what is left. */
async function deleteContents(controlPlane: ControlPlane, log: Log): Promise<Left> {
  const [indexes, collections, backups, assistants] = await Promise.all([
    controlPlane.listIndexes(),
    controlPlane.listCollections(),
    controlPlane.listBackups(),
    controlPlane.listAssistants(),
  ]);
  const results: Deletion[] = [];
  const each = async <T>(items: readonly T[], remove: (item: T) => Promise<Deletion>, what: (item: T) => string) => {
    const failures = await forEachBounded(items, DELETE_CONCURRENCY, async (item) => {
      const result = await remove(item);
      results.push(result);
      if (result === 'deleted') log.info(`Deleted ${what(item)}.`);
    });
    if (failures.length > 0) throw failures[0]!.error;
  };
  // Each kind in parallel: Pinecone orders none of these deletes (a refusal is read and tried again next round).
  await Promise.all([
    each(
      indexes.filter((index) => !index.terminating),
      async (index) => {
        if (index.deletionProtection) await controlPlane.disableDeletionProtection(index.name);
        return controlPlane.deleteIndex(index.name);
      },
      (index) => `index ${index.name}`,
    ),
    each(
      collections,
      (name) => controlPlane.deleteCollection(name),
      (name) => `collection ${name}`,
    ),
    each(
      backups,
      (id) => controlPlane.deleteBackup(id),
      (id) => `backup ${id}`,
    ),
    each(
      assistants,
      (name) => controlPlane.deleteAssistant(name),
      (name) => `assistant ${name}`,
    ),
  ]);
  const refused = results.filter((result) => result === 'busy' || result === 'protected').length;
  return { indexes: indexes.length, refused };
}
