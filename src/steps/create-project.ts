// Creating a throwaway project, which is not idempotent either. Unlike a key's, a project's create hands back no
// secret: a project made by a request whose answer was lost is found by its unique name and adopted. Not found,
// the create is sent again under a fresh name, and post looks for the old name once more (a late commit): never
// two projects, never one left. Every name is in the journal before it is sent.
import type { AdminApi, Project } from '../api/admin-api.js';
import { CREATE_TRIES } from '../api/policy.js';
import { ActionError, OutcomeUnknownError } from '../base/errors.js';
import { buildProjectName, newNonce, type KeyOwner, type NameTag } from '../rules/key-name.js';
import type { Journal } from './journal.js';
import type { Log } from './step.js';

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
  let lost = '';
  for (let attempt = 1; attempt <= CREATE_TRIES; attempt++) {
    const nonce = newNonce((max) => Math.floor(random() * max));
    const name = buildProjectName(request.base, request.owner, request.expiresAt, nonce, request.tag);
    journal.sendingProjectCreate(name);
    log.info(`Creating project ${name} (expires ${request.expiresAt.toISOString()}).`);
    try {
      const project = await api.createProject(name);
      journal.projectCreated(project.id, name);
      return { id: project.id, name };
    } catch (error) {
      if (!(error instanceof OutcomeUnknownError)) {
        journal.noProjectMade(name);
        throw error;
      }
      lost = error.message;
      log.warning(`The answer to the project create was lost (${error.message}); checking whether it was made.`);
      const found = (await api.listProjects()).find((project) => project.name === name);
      if (found) {
        journal.projectCreated(found.id, name);
        log.info(`Project ${name} (${found.id}) was made: using it.`);
        return { id: found.id, name };
      }
      journal.projectAnswerLost();
    }
  }
  throw new ActionError(
    `Could not create the project: Pinecone's answer was lost ${CREATE_TRIES} times (last: ${lost}). Try again later.`,
  );
}
