// What the post step deletes, one function per kind of thing: the job's own key, the keys and throwaway projects
// main found to retire, and whatever main may have made without learning its ID (orphans, found by name).
import type { AdminApi } from '../api/admin-api.js';
import { DELETE_CONCURRENCY, LATE_COMMIT_CHECKS_MS, LATE_COMMIT_RESERVE } from '../base/policy.js';
import { forEachBounded } from '../base/pool.js';
import type { Retiree } from '../rules/sweep-plan.js';
import { deleteThrowawayProject, type ProjectCleanup } from '../projects/empty.js';
import type { Core, StepDeps } from '../runtime/step.js';

export async function deleteOwnKey(api: AdminApi, key: { id: string; name: string }, core: Core): Promise<void> {
  core.info(`Deleting API key ${key.name} (${key.id}).`);
  const result = await api.deleteKey(key.id);
  core.info(result === 'deleted' ? `Deleted API key ${key.name}.` : `API key ${key.name} was already gone.`);
}

/** The job's throwaway project, with everything in it; its keys go with it (the job's own first if it is not empty). */
export async function deleteOwnProject(
  cleanup: ProjectCleanup,
  project: { id: string; name: string },
  ownKey: { id: string; name: string } | undefined,
  core: Core,
): Promise<void> {
  core.info(`Deleting throwaway project ${project.name} (${project.id}) with everything in it.`);
  const result = await deleteThrowawayProject(cleanup, project, ownKey);
  core.info(
    result === 'deleted'
      ? `Deleted project ${project.name}${ownKey ? ` and API key ${ownKey.name} in it` : ''}.`
      : `Project ${project.name} was already gone.`,
  );
}

/** How post names the things it retires besides its own. */
const LABEL: Record<Retiree['why'], string> = { expired: 'expired', replaced: 'replaced', 'run over': 'finished-run' };

/** Expired keys of this action, keys of finished runs, older ones of the same name. A failure here only warns. */
export function retireKeys(api: AdminApi, keys: readonly Retiree[], core: Core): Promise<void> {
  return retire(keys, 'API key', (key) => api.deleteKey(key.id), core);
}

/** The same for throwaway projects, each emptied first. */
export function retireProjects(cleanup: ProjectCleanup, projects: readonly Retiree[], core: Core): Promise<void> {
  return retire(projects, 'project', (project) => deleteThrowawayProject(cleanup, project), core);
}

async function retire(
  items: readonly Retiree[],
  thing: 'API key' | 'project',
  remove: (item: Retiree) => Promise<'deleted' | 'already gone'>,
  core: Core,
): Promise<void> {
  const failures = await forEachBounded(items, DELETE_CONCURRENCY, async (item) => {
    const result = await remove(item);
    const said = result === 'deleted' ? 'Deleted' : 'Already gone:';
    core.info(`${said} ${LABEL[item.why]} ${thing} ${item.name} (${item.id}).`);
  });
  for (const { item, error } of failures) {
    core.warning(
      `Could not delete ${LABEL[item.why]} ${thing} ${item.name} (${item.id}): ${(error as Error).message} A later run or a sweep will retry.`,
    );
  }
}

export interface Orphans<T extends { id: string; name?: string | null }> {
  what: 'key' | 'project';
  /** Names main sent creates for without learning what they made. */
  names: readonly string[];
  /** The one unanswered when main stopped: it may still be carried out, so it is looked for a few times. */
  late: string | undefined;
  list: () => Promise<T[]>;
  remove: (item: T) => Promise<unknown>;
}

/**
 * Things main asked for but never got an answer about: it died mid-create, was cancelled, or lost the answer.
 * Names carry a random nonce, so a key or project with one of these names can only be ours.
 */
export async function deleteOrphans<T extends { id: string; name?: string | null }>(
  orphans: Orphans<T>,
  deps: StepDeps,
  core: Core,
  deadline: number,
): Promise<void> {
  core.info(
    `Looking for ${orphans.what}s main may have created without learning their ID: ${orphans.names.join(', ')}.`,
  );
  // Look again a few times for a create still in flight, as long as a share of the budget is left for the delete.
  const start = deps.now();
  const reserve = (deadline - start) * LATE_COMMIT_RESERVE;
  const checks = orphans.late ? LATE_COMMIT_CHECKS_MS.filter((at) => start + at < deadline - reserve) : [0];
  let found = 0;
  for (const at of checks) {
    await deps.sleep(Math.max(0, start + at - deps.now()), deps.signal);
    const strays = (await orphans.list()).filter((item) => orphans.names.includes(item.name ?? ''));
    for (const stray of strays) {
      await orphans.remove(stray);
      core.info(`Deleted ${orphans.what === 'key' ? 'API key' : 'project'} ${stray.name} (${stray.id}).`);
    }
    found += strays.length;
    if (orphans.late && strays.some((stray) => stray.name === orphans.late)) return;
  }
  if (found === 0) core.info(`None found: the create requests made no ${orphans.what}.`);
}
