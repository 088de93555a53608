// Creating a throwaway project, which is not idempotent either. Unlike a key's, a project's create hands back no
// secret: a project made by a request whose answer was lost is found by its unique name and used. Not found, the
// create is sent again under a fresh name (journal/create-once.ts), and post looks for the old name once more (a late
// commit): never two projects, never one left.
import type { AdminApi, Project } from '../api/pinecone/admin-api.js';
import { buildProjectName, newNonce, type KeyOwner, type NameTag } from '../rules/names.js';
import { createOnce } from '../journal/create-once.js';
import type { Journal } from '../journal/journal.js';
import type { Log } from '../runtime/step.js';

export interface ProjectRequest {
  base: string;
  owner: KeyOwner;
  expiresAt: Date;
  tag: NameTag;
}

export async function createProjectExactlyOnce(
  api: AdminApi,
  journal: Journal,
  log: Log,
  random: () => number,
  request: ProjectRequest,
): Promise<Project> {
  const { made, name } = await createOnce({
    thing: 'project',
    short: 'project',
    events: journal.creates('project'),
    log,
    nextName: () => {
      const nonce = newNonce((max) => Math.floor(random() * max));
      return buildProjectName(request.base, request.owner, request.expiresAt, nonce, request.tag);
    },
    // Not the whole name before it is made: one who watches the live log and makes a project of that name first
    // would have it adopted after a lost answer. Its nonce and tag are shown once it exists.
    announce: (name) =>
      `Creating project ${name.replace(/-[a-z0-9]{6}-[a-z0-9]{8}$/, '-…')} (expires ${request.expiresAt.toISOString()}).`,
    send: async (name) => {
      const project = await api.createProject(name);
      log.info(`Created project ${name} (${project.id}).`);
      return project;
    },
    idOf: (project) => project.id,
    recover: async (name) => {
      const found = (await api.listProjects()).find((project) => project.name === name);
      if (found) log.info(`Project ${name} (${found.id}) was made: using it.`);
      return found;
    },
  });
  return { id: made.id, name };
}
