// The post step: delete what main created. It runs after main succeeded, failed, crashed or was cancelled, so it
// acts only on a journal it can verify (journal/journal.ts), and reads as a short run of phases over the kinds of
// thing main makes (kinds/): what the journal asks (post-plan.ts), what outlives the job, GitHub's word on the runs
// of what main found to retire, the deletes, and whatever main may have made without learning its ID
// (post-deletes.ts).
import { ActionError } from '../../base/errors.js';
import { sealFor } from '../../crypto/state-seal.js';
import { brokerUrlOf } from '../../inputs/broker.js';
import { savedFirst } from '../../inputs/checks.js';
import { readClientSecret, readOnCleanupError, readPostInputs } from '../../inputs/inputs.js';
import { hasJournal, readPlan, type PostPlan } from '../../journal/journal.js';
import { modeOf } from '../../journal/mode.js';
import { chooseStep, defineStep } from '../../runtime/define-step.js';
import { runBrokerPost } from '../keyless/post.js';
import { deleteOrphans, deleteOwnAndRetire, loginAndJudge } from './post-deletes.js';
import { openPost, verifiedPlan, workOf, type Work } from './post-plan.js';

const postStep = defineStep({
  words: {
    skipped: 'nothing was deleted',
    cancelled: 'The post step was stopped before it was done: run the sweep sub-action to delete what is left.',
  },
  opening: (core) => {
    if (hasJournal(core)) return undefined;
    core.info('Nothing to clean up: the main step created no key.');
    return 'stop';
  },
  // Main's inputs from the journal main sealed (the seal checked with the client secret given now), else the runner's.
  inputs: (core, env) =>
    savedFirst(readPlan(core, sealFor(readClientSecret(core.getInput, env), env))?.inputs, core.getInput),
  missing: (missing) => {
    throw new ActionError(
      `the credentials are missing in the post step (${missing}); pass them as inputs, which the post step reads again.`,
    );
  },
  read: (input, account) => {
    let inputs: ReturnType<typeof readPostInputs> | undefined;
    return () => (inputs ??= readPostInputs(input, account));
  },
  warns: (input) => readOnCleanupError(input) === 'warn',
  failure: (message) => notDeleted(undefined, undefined, message),
  run: async (step) => {
    const plan = verifiedPlan(step);
    if (!plan) return;
    const post = openPost(step, plan);
    const work = workOf(plan, post.kinds);
    try {
      if (work.nothing) return step.core.info('Nothing to clean up: the main step created no key.');
      for (const line of work.kept) step.core.info(line);
      if (work.own.length === 0 && work.orphans.length === 0 && work.retire.length === 0) return;
      const retirees = await loginAndJudge(step, post, work);
      await deleteOwnAndRetire(step, work, retirees);
      for (const { kind, names, late } of work.orphans)
        await deleteOrphans(kind, names, late, step.deps, step.core, post.session().deadline);
    } catch (error) {
      step.fail(error, (message) => notDeleted(plan, work, message));
    }
  },
});

/** The mode main saved it ran in; the inputs' only where main saved none (it never ran). */
const chosen = chooseStep((deps) => {
  const mode = modeOf(deps.core) ?? (brokerUrlOf(deps.core.getInput) ? 'broker' : 'direct');
  return mode === 'broker' ? runBrokerPost : postStep.runWith;
});
export const { run } = chosen;
export const runPost = chosen.runWith;

/** The one line that says what could not be deleted and what to do. */
function notDeleted(plan: PostPlan | undefined, work: Work | undefined, message: string): string {
  const own = work?.own[0];
  if (own) return own.kind.notDeleted(own.item, message);
  const names = work?.orphans.flatMap((orphans) => orphans.names) ?? [];
  const what = names.length ? `what the main step made (${names.join(', ')})` : 'the API key';
  return `Could not delete ${what} in project ${plan?.projectId || '(unknown)'}: ${message} Delete it by hand in the Pinecone console (project → API keys), or run the sweep sub-action.`;
}
