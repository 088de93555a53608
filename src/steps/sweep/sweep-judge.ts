// The sweep's judging: the login, every kind's list (one round trip when the project is given by ID), and each
// kind's plan, with GitHub asked about the runs of this repository's when only expired things go.
import type { readSweepInputs } from '../../inputs/inputs.js';
import { readRun } from '../../inputs/run-context.js';
import type { Kind } from '../../kinds/kind.js';
import { kindsFor } from '../../kinds/kinds.js';
import { projectCleanup } from '../../projects/empty.js';
import { resolveProject } from '../../projects/resolve.js';
import { planSweep, runsToAsk, type Named, type SweepPlan, type Verdict } from '../../rules/sweep-plan.js';
import type { OpenStep } from '../../runtime/define-step.js';
import { openApi, openGitHub } from '../../runtime/session.js';
import { reportClockSkew, type Core } from '../../runtime/step.js';
import { askGitHub } from '../common/ask-github.js';

export type SweepInputs = ReturnType<typeof readSweepInputs>;

/** One kind as the sweep sees it: what was listed, and what becomes of each of this action's. */
export interface Swept {
  kind: Kind;
  /** False when this kind was not swept this time (keys, when no project is given). */
  shown: boolean;
  listed: Named[];
  plan: SweepPlan<Named>;
  deleted: Array<Verdict<Named>>;
  failure?: string | undefined;
}

/** The login, then the organization's projects and the project's keys: one round trip when given an ID. */
export async function loginAndList({ deps, core, secrets, account, inputs }: OpenStep<SweepInputs>) {
  const deadline = deps.now() + inputs.timeoutMs;
  const api = openApi(deps, core, inputs.connection, inputs.timeoutMs, secrets);
  core.info(`Logging in to Pinecone as service account ${account.clientId}.`);
  await api.login();
  reportClockSkew(core, api);
  // The organization's projects: they resolve a project's name, and are the throwaway projects' list.
  const listing = api.listProjects();
  const project = inputs.project ? await resolveProject(api, inputs.project, core, listing) : undefined;
  const run = readRun(deps.env);
  const kinds = kindsFor({
    api: () => api,
    log: core,
    clientSecret: account.clientSecret,
    projectId: () => project?.id ?? '',
    cleanup: () => projectCleanup(deps, core, secrets, { api, connection: inputs.connection, deadline, run }),
    listProjects: () => listing,
  });
  // Every kind's list at once: one round trip when the project is given by ID.
  const listed = await Promise.all(kinds.all.map((kind) => listFor(kind, project !== undefined, core)));
  return { api, kinds: kinds.all, listings: new Map(kinds.all.map((kind, i) => [kind, listed[i]])) };
}

/** A kind's list, `undefined` when it is not swept this time; with a project given, a refused list may only warn. */
function listFor(kind: Kind, withProject: boolean, core: Core): Promise<Named[] | undefined> {
  if (kind.sweep.needsProject && !withProject) return Promise.resolve(undefined);
  const { refused } = kind.sweep;
  if (!withProject || !refused) return kind.list();
  return kind.list().catch((error: unknown) => {
    core.warning(refused(error instanceof Error ? error.message : String(error)));
    return [];
  });
}

/** Each kind's plan, with GitHub asked about the runs of this repository's (each run once) when only expired go. */
export async function judge(
  { deps, core, secrets, inputs }: OpenStep<SweepInputs>,
  now: number,
  kinds: readonly Kind[],
  listings: ReadonlyMap<Kind, Named[] | undefined>,
): Promise<Swept[]> {
  const run = readRun(deps.env);
  const here = { repositoryId: run?.repositoryId, runId: run?.runId, server: run?.server };
  const listed = kinds.map((kind) => ({
    kind,
    shown: listings.get(kind) !== undefined,
    listed: listings.get(kind) ?? [],
  }));
  const runIds = inputs.expiredOnly
    ? [...new Set(listed.flatMap(({ kind, listed: items }) => runsToAsk(items, here, kind.parse)))]
    : [];
  const lookups = await askGitHub(openGitHub(deps, inputs.githubToken, secrets), runIds, core);
  const filter = { match: inputs.match, expiredOnly: inputs.expiredOnly, now };
  const liveness = lookups && { here, lookups };
  return listed.map((each) => ({
    ...each,
    plan: planSweep(each.listed, filter, liveness, each.kind.parse),
    deleted: [],
  }));
}
