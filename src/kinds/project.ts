// The throwaway project (new-project: true): made in the organization, emptied and deleted with everything in it,
// its keys along with it. Only a name whose tag this service account's secret reproduces is ever ours; an
// organization at its project limit refuses creates.
import { ProjectLimitError } from '../api/pinecone/admin-errors.js';
import type { AdminApi } from '../api/pinecone/admin-api.js';
import type { Project } from '../api/pinecone/types.js';
import { ActionError } from '../base/errors.js';
import { markdownCode } from '../base/text.js';
import { deleteThrowawayProject, type ProjectCleanup } from '../projects/empty.js';
import { lookAlike, parseProjectName, type NameParser, type NameTag } from '../rules/names.js';
import type { Log } from '../runtime/step.js';
import type { Kind } from './kind.js';

export function projectKind(
  api: () => AdminApi,
  log: Log,
  tag: () => NameTag,
  cleanup: () => ProjectCleanup,
  list?: () => Promise<Project[]>,
): Kind<Project> {
  const parse: NameParser = (name) => parseProjectName(name, tag());
  /** Named like a throwaway project, but not tagged by this service account: never touched, named in the summary. */
  const lookAlikes = (projects: readonly Project[]) =>
    projects.filter((p) => lookAlike(p.name) && !parse(p.name)).map((p) => p.name);
  return {
    name: 'project',
    noun: 'project',
    parse,
    ours: parse,
    holds: ['key'],
    list: list ?? (() => api().listProjects()),
    remove: (project) => deleteThrowawayProject(cleanup(), project),
    deleteOwn: async (project, inside) => {
      const ownKey = inside[0];
      log.info(`Deleting throwaway project ${project.name} (${project.id}) with everything in it.`);
      const result = await deleteThrowawayProject(cleanup(), project, ownKey);
      log.info(
        result === 'deleted'
          ? `Deleted project ${project.name}${ownKey ? ` and API key ${ownKey.name} in it` : ''}.`
          : `Project ${project.name} was already gone.`,
      );
    },
    kept: (project, _fate, inside) => {
      const kept = `Keeping throwaway project ${project.name} (${project.id}) and API key ${inside[0]?.name ?? '(none)'}`;
      const pullRequest = parse(project.name)?.pullRequest;
      return pullRequest
        ? `${kept} for pull request #${pullRequest} (lifetime: pull-request): the run that closes it deletes the project.`
        : `${kept}: cleanup is false, so a sweep deletes the project once it has expired.`;
    },
    notDeleted: (project, message) =>
      `Could not delete throwaway project ${project.name} (${project.id}), which holds the job's key: ${message} Delete the project in the Pinecone console, or run the sweep sub-action, which empties and deletes expired throwaway projects.`,
    room: {
      isFull: (error) => error instanceof ProjectLimitError,
      withoutSweep: (error) =>
        `${error.message} With sweep-expired: true (the default) this action first deletes its own expired throwaway projects.`,
      making: (count) =>
        `The organization is at its project limit: deleting ${count} expired throwaway project(s) this action made, then trying again.`,
      noneExpired: (error) =>
        new ActionError(`${error.message} None of them is an expired throwaway project of this service account.`),
      spared: (error, count) =>
        new ActionError(
          `${error.message} The ${count} expired throwaway project(s) of this service account belong to runs still going, whose post steps delete them.`,
        ),
      stillFull: (error) => Promise.resolve(error),
    },
    sweep: {
      needsProject: false,
      // A service account that sees only its projects' keys may not list the organization's projects.
      refused: (message) =>
        `Could not list the organization's projects (${message}): throwaway projects were not swept this time.`,
      outputs: { deleted: 'deleted-projects', ids: 'deleted-project-ids', remaining: 'remaining-projects' },
      census: (projects, plan, going) => {
        const others = lookAlikes(projects).length;
        return `The organization has ${projects.length} project(s): ${plan.verdicts.length} throwaway project(s) this service account made, ${projects.length - plan.verdicts.length} not (never touched${others ? `, ${others} of them named like throwaway projects but not tagged by this service account` : ''}). ${going}.`;
      },
      summary: (projects, plan, deleted) => {
        const others = lookAlikes(projects);
        return {
          heading: '#### Throwaway projects',
          lead:
            `${deleted} deleted; ${plan.verdicts.length - deleted} throwaway project(s) of this service account left; ${plan.foreign} other project(s), never touched.` +
            (others.length
              ? ` Named like throwaway projects but not tagged by this service account, so never touched: ${others.map((name) => markdownCode(name)).join(', ')}.`
              : ''),
          column: 'Project',
        };
      },
    },
  };
}
