// An organization at its project limit would stay there while expired throwaway projects of this service account
// hold it (runners that died before their post step): with sweep-expired, empty and delete those now and try the
// create once more. Without this, every job would fail before it made anything, so no post step would ever clean up.
import { ProjectLimitError, type AdminApi } from '../api/admin-api.js';
import { DELETE_CONCURRENCY } from '../base/policy.js';
import { forEachBounded } from '../base/pool.js';
import { ActionError } from '../base/errors.js';
import { parseProjectName, type NameTag } from '../rules/names.js';
import { isExpired } from '../rules/sweep-plan.js';
import { deleteThrowawayProject, type ProjectCleanup } from './empty.js';

export async function createProjectMakingRoom<T>(
  create: () => Promise<T>,
  room: { api: AdminApi; cleanup: ProjectCleanup; tag: NameTag; sweepExpired: boolean; now: () => number },
): Promise<T> {
  try {
    return await create();
  } catch (error) {
    if (!(error instanceof ProjectLimitError)) throw error;
    if (!room.sweepExpired) {
      throw new ActionError(
        `${error.message} With sweep-expired: true (the default) this action first deletes its own expired throwaway projects.`,
      );
    }
    const expired = (await room.api.listProjects()).filter((project) => {
      const parsed = parseProjectName(project.name, room.tag);
      return parsed !== undefined && isExpired(parsed, room.now());
    });
    if (expired.length === 0) {
      throw new ActionError(`${error.message} None of them is an expired throwaway project of this service account.`);
    }
    const { log } = room.cleanup;
    log.info(
      `The organization is at its project limit: deleting ${expired.length} expired throwaway project(s) this action made, then trying again.`,
    );
    const failures = await forEachBounded(expired, DELETE_CONCURRENCY, async (project) => {
      await deleteThrowawayProject(room.cleanup, project);
      log.info(`Deleted expired project ${project.name} (${project.id}).`);
    });
    if (failures.length === expired.length) throw failures[0]!.error;
    return create();
  }
}
