// `project` is an ID (used as is: no request) or an exact name (one request to resolve it, or a list in hand).
import type { AdminApi, Project } from '../api/pinecone/admin-api.js';
import { ActionError } from '../base/errors.js';
import type { Log } from '../runtime/step.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function resolveProject(
  api: AdminApi,
  project: string,
  log: Pick<Log, 'info'>,
  listing?: Promise<Project[]>,
): Promise<{ id: string; name?: string }> {
  if (UUID.test(project)) return { id: project };
  const projects = await (listing ?? api.listProjects());
  const matches = projects.filter((candidate) => candidate.name === project);
  const known = (list: Project[]) => list.map((p) => `"${p.name}" (${p.id})`).join(', ') || 'none';
  if (matches.length === 1) {
    log.info(`Project "${project}" is ${matches[0]!.id}.`);
    return matches[0]!;
  }
  if (matches.length === 0) {
    throw new ActionError(
      `No project named "${project}" is visible to the service account. Projects it can see: ${known(projects)}. Give the project's exact name or its ID.`,
    );
  }
  throw new ActionError(`Several projects are named "${project}": ${known(matches)}. Give the project ID instead.`);
}
