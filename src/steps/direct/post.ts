// The post step: delete what main created. It runs after main succeeded, failed, crashed or was cancelled, so it
// acts only on a journal it can verify (journal/journal.ts), and reads as a short run of phases over the kinds of
// thing main makes (kinds/): what the journal asks, what outlives the job, GitHub's word on the runs of what main
// found to retire, the deletes, and whatever main may have made without learning its ID.
import type { AdminApi } from '../../api/pinecone/admin-api.js';
import { ActionError } from '../../base/errors.js';
import { sealFor } from '../../crypto/state-seal.js';
import { brokerUrlOf } from '../../inputs/broker.js';
import { savedFirst } from '../../inputs/checks.js';
import { readClientSecret, readOnCleanupError, readPostInputs } from '../../inputs/inputs.js';
import { readRun } from '../../inputs/run-context.js';
import { hasJournal, readPlan, type PostPlan } from '../../journal/journal.js';
import { modeOf } from '../../journal/mode.js';
import type { Item, Kind } from '../../kinds/kind.js';
import { kindsFor } from '../../kinds/kinds.js';
import { projectCleanup } from '../../projects/empty.js';
import type { Candidate } from '../../rules/liveness.js';
import { chooseStep, defineStep, type OpenStep } from '../../runtime/define-step.js';
import { openApi, openGitHub } from '../../runtime/session.js';
import { askGitHub, judgeByRuns } from '../common/ask-github.js';
import { runBrokerPost } from '../keyless/post.js';
import { deleteOrphans, retire } from './post-deletes.js';

/** Post's inputs, read only once there is something to delete (main has checked them already). */
type PostInputs = () => ReturnType<typeof readPostInputs>;

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

/** The journal main sealed for this job, or one warning and nothing deleted on the word of anything else. */
function verifiedPlan({ core, deps, account }: OpenStep<PostInputs>): PostPlan | undefined {
  const plan = readPlan(core, sealFor(account.clientSecret, deps.env));
  if (plan) return plan;
  core.warning(
    "Ignored the state handed to the post step: it does not carry this action's seal for this job (another step may have written it to GITHUB_ENV, or this step was given another client secret than the main step: the runner gives an action wrapped in nested composite actions the outer one's inputs). Nothing is deleted on its word; if the main step made a key, delete it in the Pinecone console or run the sweep sub-action.",
  );
  return undefined;
}

/** The kinds, over a session that opens (and reads post's inputs) only when something is to be deleted. */
function openPost({ deps, core, secrets, account, inputs: readInputs }: OpenStep<PostInputs>, plan: PostPlan) {
  let opened: { api: AdminApi; deadline: number; session: Parameters<typeof projectCleanup>[3] } | undefined;
  const session = () => {
    if (opened) return opened;
    const inputs = readInputs();
    const deadline = deps.now() + inputs.timeoutMs;
    const api = openApi(deps, core, inputs.connection, inputs.timeoutMs, secrets);
    opened = { api, deadline, session: { api, connection: inputs.connection, deadline, run: readRun(deps.env) } };
    return opened;
  };
  const kinds = kindsFor({
    api: () => session().api,
    log: core,
    clientSecret: account.clientSecret,
    projectId: () => plan.projectId,
    // Made only when a project is to be deleted: a key-only post step needs none of it.
    cleanup: () => projectCleanup(deps, core, secrets, session().session),
  }).all;
  return { kinds, session };
}

/** What the journal asks of post, kind by kind. What a deleted thing holds goes with it (a project's keys). */
interface Work {
  nothing: boolean;
  /** Lines for what outlives the job (cleanup: false, or shared with the run). */
  kept: string[];
  /** The job's own things post deletes, each with the job's own things inside it. */
  own: Array<{ kind: Kind; item: Item; inside: Item[] }>;
  retire: Array<{ kind: Kind; candidates: Candidate[] }>;
  orphans: Array<{ kind: Kind; names: string[]; late: string | undefined }>;
}

function workOf(plan: PostPlan, kinds: readonly Kind[]): Work {
  const of = (kind: Kind) => plan.of(kind.name);
  const nothing = kinds.every((kind) => !of(kind).own && !of(kind).orphans.length && !of(kind).retire.length);
  const ownInside = (kind: Kind) => kind.holds.flatMap((held) => plan.of(held).own ?? []);
  const heldBy = (fates: ReadonlyArray<string>) =>
    new Set(kinds.flatMap((kind) => (fates.includes(of(kind).own?.fate ?? '') ? kind.holds : [])));
  const goWithDeleted = heldBy(['delete']);
  const saidWithKept = heldBy(['keep', 'shared']);
  const kept = kinds.flatMap((kind) => {
    const own = of(kind).own;
    if (!own || own.fate === 'delete' || saidWithKept.has(kind.name)) return [];
    return [kind.kept(own, own.fate, ownInside(kind))];
  });
  return {
    nothing,
    kept,
    own: kinds.flatMap((kind) => {
      const own = of(kind).own;
      return own?.fate === 'delete' && !goWithDeleted.has(kind.name)
        ? [{ kind, item: own, inside: ownInside(kind) }]
        : [];
    }),
    retire: kinds.flatMap((kind) => (of(kind).retire.length ? [{ kind, candidates: of(kind).retire }] : [])),
    orphans: kinds.flatMap((kind) => {
      const { orphans, lateCreate } = of(kind);
      return orphans.length && !goWithDeleted.has(kind.name) ? [{ kind, names: orphans, late: lateCreate }] : [];
    }),
  };
}

/** The login, while GitHub is asked whether the runs of main's candidates are over; then who is retired, who spared. */
async function loginAndJudge(
  { deps, core, secrets, inputs }: OpenStep<PostInputs>,
  post: ReturnType<typeof openPost>,
  work: Work,
): Promise<Array<{ kind: Kind; retire: Candidate[] }>> {
  const { api } = post.session();
  const deletes = work.own.length + work.retire.reduce((sum, { candidates }) => sum + candidates.length, 0);
  const candidates = work.retire.flatMap((each) => each.candidates);
  const runIds = [...new Set(candidates.flatMap((candidate) => (candidate.runId ? [candidate.runId] : [])))];
  const github = runIds.length > 0 ? openGitHub(deps, inputs().githubToken, secrets) : undefined;
  const [, lookups] = await Promise.all([
    api.login(deletes > 0 ? { deletes } : { lists: 1 }),
    askGitHub(github, runIds, core),
  ]);
  const now = api.clock.now();
  return work.retire.map(({ kind, candidates }) => ({
    kind,
    retire: judgeByRuns(kind, candidates, lookups, now, core).retire,
  }));
}

/** The job's own things and what main found to retire, in parallel: one round trip after the login. */
async function deleteOwnAndRetire(
  { core }: OpenStep<PostInputs>,
  work: Work,
  retirees: Array<{ kind: Kind; retire: Candidate[] }>,
): Promise<void> {
  const [...results] = await Promise.allSettled([
    ...work.own.map(({ kind, item, inside }) => kind.deleteOwn(item, inside)),
    ...retirees.map(({ kind, retire: items }) => retire(kind, items, core)),
  ]);
  const failed = results.slice(0, work.own.length).find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  // The keys (or projects) of the pull request this run closes are its own to delete: no later push renews them.
  const closing = results
    .slice(work.own.length)
    .flatMap((result) => (result.status === 'fulfilled' ? (result.value ?? []) : []))
    .filter((item) => item.why === 'pull request closed' && !item.runId);
  if (closing.length > 0)
    throw new ActionError(
      `${closing.length} of the closed pull request's things (e.g. ${closing[0]!.name}, ${closing[0]!.id}) could not be deleted; a later run or a sweep deletes them once GitHub says the pull request is closed.`,
    );
}

/** The one line that says what could not be deleted and what to do. */
function notDeleted(plan: PostPlan | undefined, work: Work | undefined, message: string): string {
  const own = work?.own[0];
  if (own) return own.kind.notDeleted(own.item, message);
  const names = work?.orphans.flatMap((orphans) => orphans.names) ?? [];
  const what = names.length ? `what the main step made (${names.join(', ')})` : 'the API key';
  return `Could not delete ${what} in project ${plan?.projectId || '(unknown)'}: ${message} Delete it by hand in the Pinecone console (project → API keys), or run the sweep sub-action.`;
}
