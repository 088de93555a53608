// Every kind of thing this action makes, in the order lines and summaries name them. A new kind is a module
// beside key.ts and project.ts, and one entry here.
import type { AdminApi } from '../api/pinecone/admin-api.js';
import type { ApiKey, Project } from '../api/pinecone/types.js';
import { nameTagFor } from '../crypto/name-tag.js';
import type { ProjectCleanup } from '../projects/empty.js';
import type { NameTag } from '../rules/names.js';
import type { Log } from '../runtime/step.js';
import type { Kind } from './kind.js';
import { keyKind } from './key.js';
import { projectKind } from './project.js';

export interface KindContext {
  /** The Admin API session, opened on first use. */
  api: () => AdminApi;
  log: Log;
  clientSecret: string;
  /** The project of the job's keys (or of the sweep's). */
  projectId: () => string;
  /** What deleting a project needs (a cleanup key's name and budget), made on first use. */
  cleanup: () => ProjectCleanup;
  /** The organization's projects, when a list is already in flight (the sweep's), used instead of asking again. */
  listProjects?: () => Promise<Project[]>;
}

export interface Kinds {
  key: Kind<ApiKey>;
  project: Kind<Project>;
  /** All of them, in the order lines and summaries name them. */
  all: readonly Kind[];
}

export function kindsFor(context: KindContext): Kinds {
  const { api, log } = context;
  let tag: NameTag | undefined;
  // Derived from the client secret on first use: a step that reads no project name needs no HKDF.
  const tagOnce = () => (tag ??= nameTagFor(context.clientSecret));
  let cleanup: ProjectCleanup | undefined;
  // One cleanup (one cleanup key's name) for every project this step deletes, made when the first is.
  const cleanupOnce = () => (cleanup ??= context.cleanup());
  let keyTag: NameTag | undefined;
  const key = keyKind(api, log, context.projectId, () => (keyTag ??= nameTagFor(context.clientSecret, 'keyName')));
  const project = projectKind(api, log, tagOnce, cleanupOnce, context.listProjects);
  return { key, project, all: [key, project] as Kind[] };
}
