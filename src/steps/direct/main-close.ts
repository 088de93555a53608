// Main's phase on the event that closes a pull request (lifetime: pull-request): no key. It finds what this action
// made for the pull request (its keys in the project, or its throwaway projects) for the post step to delete. Post,
// not main, deletes them: a later step of the job (the preview sub-action) first removes the platform's variable,
// so that no platform holds a key that is gone.
import type { Journal } from '../../journal/journal.js';
import { keyKind } from '../../kinds/key.js';
import type { Kind } from '../../kinds/kind.js';
import { kindsFor } from '../../kinds/kinds.js';
import { resolveProject } from '../../projects/resolve.js';
import { ofClosedPullRequest } from '../../rules/sweep-plan.js';
import type { MainJob } from './main-job.js';

export async function closePullRequest(job: MainJob): Promise<void> {
  const { api, core, inputs } = job;
  core.setOutput('closed', 'true');
  if (job.projectBase === undefined) {
    const project = await resolveProject(api, inputs.project, core);
    core.setOutput('project-id', project.id);
    const keys = keyKind(
      () => api,
      core,
      () => project.id,
      () => job.keyTag,
    );
    return findForPost(job, job.journalFor(project.id), keys);
  }
  const projects = kindsFor({
    api: () => api,
    log: core,
    clientSecret: job.account.clientSecret,
    projectId: () => '',
    cleanup: job.cleanup,
  }).project;
  return findForPost(job, job.journalFor(''), projects);
}

async function findForPost(job: MainJob, journal: Journal, kind: Kind): Promise<void> {
  const number = job.owner.pullRequest!;
  const here = { repositoryId: job.run?.repositoryId, runId: job.run?.runId, server: job.run?.server };
  const found = ofClosedPullRequest(await kind.list(), here, number, kind.ours);
  if (found.length === 0) {
    job.core.info(`Pull request #${number} is closed: no ${kind.noun} of it is left to delete; no key was created.`);
    return;
  }
  journal.retireLater(kind.name, found);
  job.core.info(
    `Pull request #${number} is closed: no key was created; the post step deletes its ${found.length} ${kind.noun}(s): ${found.map((item) => `${item.name} (${item.id})`).join(', ')}.`,
  );
}
