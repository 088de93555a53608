// Post's plan: the journal main sealed for this job (or nothing, on the word of anything else), the kinds over a
// session that opens only when something is to be deleted, and what the journal asks of post, kind by kind.
import type { AdminApi } from '../../api/pinecone/admin-api.js';
import { sealFor } from '../../crypto/state-seal.js';
import type { readPostInputs } from '../../inputs/inputs.js';
import { readRun } from '../../inputs/run-context.js';
import { readPlan, type PostPlan } from '../../journal/journal.js';
import type { Item, Kind } from '../../kinds/kind.js';
import { kindsFor } from '../../kinds/kinds.js';
import { projectCleanup } from '../../projects/empty.js';
import type { Candidate } from '../../rules/liveness.js';
import type { OpenStep } from '../../runtime/define-step.js';
import { openApi } from '../../runtime/session.js';

/** Post's inputs, read only once there is something to delete (main has checked them already). */
export type PostInputs = () => ReturnType<typeof readPostInputs>;

/** The journal main sealed for this job, or one warning and nothing deleted on the word of anything else. */
export function verifiedPlan({ core, deps, account }: OpenStep<PostInputs>): PostPlan | undefined {
  const plan = readPlan(core, sealFor(account.clientSecret, deps.env));
  if (plan) return plan;
  core.warning(
    "Ignored the state handed to the post step: it does not carry this action's seal for this job (another step may have written it to GITHUB_ENV, or this step was given another client secret than the main step: the runner gives an action wrapped in nested composite actions the outer one's inputs). Nothing is deleted on its word; if the main step made a key, delete it in the Pinecone console or run the sweep sub-action.",
  );
  return undefined;
}

/** The kinds, over a session that opens (and reads post's inputs) only when something is to be deleted. */
export function openPost({ deps, core, secrets, account, inputs: readInputs }: OpenStep<PostInputs>, plan: PostPlan) {
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

export type Post = ReturnType<typeof openPost>;

/** What the journal asks of post, kind by kind. What a deleted thing holds goes with it (a project's keys). */
export interface Work {
  nothing: boolean;
  /** Lines for what outlives the job (cleanup: false, or shared with the run). */
  kept: string[];
  /** The job's own things post deletes, each with the job's own things inside it. */
  own: Array<{ kind: Kind; item: Item; inside: Item[] }>;
  retire: Array<{ kind: Kind; candidates: Candidate[] }>;
  orphans: Array<{ kind: Kind; names: string[]; late: string | undefined }>;
}

export function workOf(plan: PostPlan, kinds: readonly Kind[]): Work {
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
