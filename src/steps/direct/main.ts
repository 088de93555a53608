// The main step: log in, create a key named after the run (in a given project, or in a throwaway project made for
// the job), mask it, hand it over. Every checkpoint the post step needs is in the journal before the request it
// protects is sent.
import type { Project } from '../../api/pinecone/types.js';
import { nameTagFor } from '../../crypto/name-tag.js';
import { brokerUrlOf } from '../../inputs/broker.js';
import { readMainInputs } from '../../inputs/inputs.js';
import { planRetirement, settled } from '../../journal/retirement.js';
import { Journal } from '../../journal/journal.js';
import { saveMode } from '../../journal/mode.js';
import { sealFor } from '../../crypto/state-seal.js';
import type { HandedKey } from '../../keys/outputs.js';
import { kindsFor } from '../../kinds/kinds.js';
import { createMakingRoom } from '../../kinds/make-room.js';
import { createProjectExactlyOnce } from '../../projects/create.js';
import { resolveProject } from '../../projects/resolve.js';
import { chooseStep, defineStep } from '../../runtime/define-step.js';
import { runBrokerMain } from '../keyless/main.js';
import { RENEWED, type Fate } from './fates.js';
import { renderKeySummary } from '../common/summary.js';
import { begin, lookingForRetirees, roomFor, type Look, type MainJob } from './main-job.js';
import { closePullRequest } from './main-close.js';
import { createKey, handOverKey, handOverRenewedKey, renewKey, shareWithRun } from './main-key.js';

const MAIN_CANCEL = {
  waitingFor: 'so the post step knows what to delete',
  stopping: 'the post step will look for the key by name',
};

const mainStep = defineStep({
  words: {
    skipped: 'no key was created',
    cancelled: 'The step was cancelled before the key was handed over; the post step deletes anything it created.',
    cancel: MAIN_CANCEL,
  },
  // A journal of this step's own from the start: state another matrix leg (same repository, run, job and step)
  // writes to $GITHUB_ENV then never reaches post in its place, even when main fails before it makes anything.
  begin: (core, account, env) => void new Journal(core, sealFor(account.clientSecret, env), '', true),
  read: readMainInputs,
  run: async (step) => {
    const job = await begin(step);
    if (job.closes) return closePullRequest(job);
    const { project, journal, looks } = await chooseProject(job);
    const renewal = job.inputs.renew ? await renewKey(job, project, journal) : undefined;
    if (renewal?.renewed) {
      const { key, look } = renewal.renewed;
      handOverRenewedKey(job, project, key);
      await recordRetirement(job, journal, look);
      return summarise(job, project, key, RENEWED);
    }
    const { created, keyLook } = await createKey(job, project, journal, renewal?.listed);
    const key = handOverKey(job, project, created);
    if (job.inputs.share) shareWithRun(job, key, journal);
    await recordRetirement(job, journal, keyLook ?? looks);
    const { value: _, ...shown } = key;
    await summarise(job, project, shown, job.fate);
  },
});

/** Broker mode (input broker-url) or direct, chosen by the inputs before either starts and saved for post. */
const chosen = chooseStep((deps) => {
  const broker = brokerUrlOf(deps.core.getInput) !== '';
  saveMode(deps.core, broker ? 'broker' : 'direct');
  return broker ? runBrokerMain : mainStep.runWith;
}, MAIN_CANCEL);
export const { run } = chosen;
export const runMain = chosen.runWith;

/** The given project (resolved by name if need be), or a throwaway project made exactly once for the job. */
async function chooseProject(
  job: MainJob,
): Promise<{ project: { id: string; name?: string }; journal: Journal; looks?: Look }> {
  const { api, core, deps, inputs, account } = job;
  if (job.projectBase === undefined) {
    const project = await resolveProject(api, inputs.project, core);
    return { project, journal: job.journalFor(project.id) };
  }
  const journal = job.journalFor('');
  const { cleanup } = job;
  const projects = kindsFor({
    api: () => api,
    log: core,
    clientSecret: account.clientSecret,
    projectId: () => '',
    cleanup,
  }).project;
  const tag = nameTagFor(account.clientSecret);
  const request = { base: job.projectBase, owner: job.owner, expiresAt: job.expiresAt, tag };
  const create = () => createProjectExactlyOnce(api, journal, core, deps.random, request);
  const creating = createMakingRoom(create, projects, roomFor(job));
  // A brand-new project holds no other keys: the look is for this action's other throwaway projects.
  const listing = lookingForRetirees(job) ? settled(api.listProjects()) : undefined;
  const project: Project = await creating;
  journal.keysIn(project.id);
  return { project, journal, looks: listing && { kind: projects, listing, own: () => project.name } };
}

/** What the look beside the create found, for post to retire. */
async function recordRetirement(job: MainJob, journal: Journal, look: Look | undefined): Promise<void> {
  if (!look) return;
  const { inputs } = job;
  // A renewed key is the one of its rendered name: the others go as with replace.
  const ask = {
    sweepExpired: inputs.sweepExpired,
    replace: inputs.replace || inputs.renew,
    now: job.loggedInAt,
    canAskGitHub: inputs.githubToken !== '',
  };
  const own = { name: look.own(), run: job.run, id: look.ownId };
  const retire = planRetirement(job.core, await look.listing, { ...ask, own }, look.kind);
  if (retire.length > 0) journal.retireLater(look.kind.name, retire);
}

function summarise(job: MainJob, project: { id: string; name?: string }, key: Omit<HandedKey, 'value'>, fate: Fate) {
  const summary = { ...key, roles: [...key.roles], projectName: project.name, fate: fate.summary };
  return job.deps.writeSummary(renderKeySummary(summary));
}
