// What every phase of main reads, and the first phase, which makes it: the run, the names rendered (a template
// error fails before any request), the login.
import type { AdminApi } from '../../api/pinecone/admin-api.js';
import { nameTagFor } from '../../crypto/name-tag.js';
import { sealFor } from '../../crypto/state-seal.js';
import { savedInputs } from '../../inputs/checks.js';
import { POST_READS, type MainInputs } from '../../inputs/inputs.js';
import { readRunContext, runOf, type RunContext } from '../../inputs/run-context.js';
import { InputError } from '../../base/errors.js';
import type { Settled } from '../../journal/retirement.js';
import { Journal } from '../../journal/journal.js';
import type { Kind } from '../../kinds/kind.js';
import { projectCleanup, type ProjectCleanup } from '../../projects/empty.js';
import { expiryAfter, type KeyOwner, type NameTag, type RunRef } from '../../rules/names.js';
import { renderBase, renderProjectBase } from '../../rules/template.js';
import type { OpenStep } from '../../runtime/define-step.js';
import { openApi, openGitHub } from '../../runtime/session.js';
import type { RoomRules } from '../../kinds/make-room.js';
import { askGitHub, judgeByRuns } from '../common/ask-github.js';
import { reportClockSkew } from '../../runtime/step.js';
import { fateOf, type Fate } from './fates.js';

/** What every phase of main reads. */
export interface MainJob extends OpenStep<MainInputs> {
  run: RunRef | undefined;
  owner: KeyOwner;
  api: AdminApi;
  /** A new journal, saved at once, for the job's keys in `projectId` ('' until a throwaway project is made). */
  journalFor: (projectId: string) => Journal;
  /** What deleting throwaway projects needs (making room at the organization's project limit). */
  cleanup: () => ProjectCleanup;
  expiresAt: Date;
  /** Pinecone's time just after the login: what expired is judged by. */
  loggedInAt: number;
  fate: Fate;
  /** lifetime: pull-request on the event that closes the pull request: no key, its keys (or projects) go in post. */
  closes: boolean;
  /** Renders of the names, checked before any request. */
  keyBase: string;
  projectBase: string | undefined;
  /** Direct mode's key-name tag: the keys main makes carry it, and renew and replace act only on keys that do. */
  keyTag: NameTag;
}

/** A list taken beside a create, for post to retire what it finds (expired, replaced, of finished runs). */
export interface Look {
  kind: Kind;
  listing: Promise<Settled<Array<{ id: string; name: string | null }>>>;
  own: () => string;
  /** A renewed key is listed under its old name. */
  ownId?: string;
}

/** Reads the run, renders the names (a template error fails before any request), logs in. */
export async function begin(step: OpenStep<MainInputs>): Promise<MainJob> {
  const { deps, core, secrets, account, inputs } = step;
  const context = readRunContext(deps.env);
  const owner = ownerOf(inputs, context);
  if (inputs.share) runOf(context.run, 'share: true hands the key to the jobs of this workflow run');
  const keyBase = renderBase(inputs.nameTemplate, context.values, owner);
  const projectBase = inputs.newProject
    ? renderProjectBase(inputs.projectNameTemplate, context.values, owner)
    : undefined;
  const deadline = deps.now() + inputs.timeoutMs;
  const api = openApi(deps, core, inputs.connection, inputs.timeoutMs, secrets);
  const session = { api, connection: inputs.connection, deadline, run: context.run };
  const cleanup = () => projectCleanup(deps, core, secrets, session);
  const seal = sealFor(account.clientSecret, deps.env);
  // What post reads again, as read here: the client ID main logged in with, whether from the input or the env.
  const forPost = { ...savedInputs(core.getInput, POST_READS), 'client-id': account.clientId };
  const journalFor = (projectId: string) => new Journal(core, seal, projectId, inputs.cleanup, forPost);

  core.info(`Logging in to Pinecone as service account ${account.clientId}.`);
  // The create and, beside it, the look for things to retire: each gets a connection opened during the login.
  await api.login({ creates: 1, lists: inputs.sweepExpired || inputs.replace ? 1 : 0 });
  reportClockSkew(core, api);
  const expiresAt = expiryAfter(api.clock.now(), inputs.ttlMs); // on Pinecone's clock
  const fate = fateOf(owner.kind, inputs.newProject);
  const closes = inputs.lifetime === 'pull-request' && context.closesPullRequest;
  const keyTag = nameTagFor(account.clientSecret, 'keyName');
  const job = {
    run: context.run,
    owner,
    api,
    journalFor,
    cleanup,
    expiresAt,
    fate,
    keyBase,
    projectBase,
    closes,
    keyTag,
  };
  return { ...step, ...job, loggedInAt: api.clock.now() };
}

/** Whose the key is: the job's, kept, the run's (share), or its pull request's (lifetime: pull-request). */
function ownerOf(inputs: MainInputs, context: RunContext): KeyOwner {
  const { run } = context;
  if (inputs.lifetime === 'pull-request') {
    const pullRequest = context.values.pr;
    runOf(run, 'lifetime: pull-request binds the key to a pull request of this repository');
    if (!pullRequest)
      throw new InputError(
        'Input "lifetime: pull-request" needs the pull request\'s number, and the event file (GITHUB_EVENT_PATH) names none: run the job on: pull_request, or set lifetime: job.',
      );
    return { kind: 'pr', run, pullRequest };
  }
  return { kind: inputs.share ? 'shared' : inputs.cleanup ? 'job' : 'kept', run };
}

export const lookingForRetirees = (job: MainJob) => job.inputs.sweepExpired || job.inputs.replace;
/** Making room by the rules post and the sweep follow: GitHub is asked about the runs of the expired ones first. */
export const roomFor = (job: MainJob): RoomRules => ({
  log: job.core,
  sweepExpired: job.inputs.sweepExpired,
  now: job.api.clock.now,
  here: { repositoryId: job.run?.repositoryId, runId: job.run?.runId, server: job.run?.server },
  judge: async (candidates, kind) => {
    const runIds = [...new Set(candidates.flatMap((candidate) => (candidate.runId ? [candidate.runId] : [])))];
    const github = runIds.length > 0 ? openGitHub(job.deps, job.inputs.githubToken, job.secrets) : undefined;
    const lookups = await askGitHub(github, runIds, job.core);
    return judgeByRuns(kind, candidates, lookups, job.api.clock.now(), job.core);
  },
});
