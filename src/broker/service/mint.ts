// A mint for a verified job: the rule that decides, the name from the token's claims, the caps on Pinecone's key
// list (before the create, and after it for a race lost to another replica), and a create whose answer was lost
// cleaned up at once. Each outcome is one decision line for the operators.
import type { AdminApi } from '../../api/pinecone/admin-api.js';
import { OutcomeUnknownError } from '../../base/errors.js';
import { BROKER_CLEANUP_BUDGET_MS } from '../../base/policy.js';
import type { RevokeTickets } from '../../crypto/revoke-ticket.js';
import type { Role } from '../../inputs/roles.js';
import { removeByName } from '../../keys/create.js';
import { expiryAfter, type KeyOwner } from '../../rules/names.js';
import { renderBase } from '../../rules/template.js';
import { atCap, pastCap, ruleMark, type CapContext, type KeyLists } from '../own/caps.js';
import type { BrokerKeys } from '../own/own-keys.js';
import type { Caller } from '../policy/claims.js';
import { decide } from '../policy/match.js';
import type { Policy, Rule } from '../policy/policy.js';
import { Refusal, ruleName, type Decision, type Say } from './decisions.js';
import type { PineconeSessions } from './pinecone.js';
import type { JobStates } from '../jobs/job-states.js';

export interface MintAsk {
  /** How long the job will wait for the answer: the broker gives up on Pinecone before it does. */
  budgetMs?: number | undefined;
  /** Not given: the rule's roles. */
  roles?: Role[] | undefined;
  /** Not given: the rule's max-ttl. */
  ttlMs?: number | undefined;
  /** Given: it must be the rule's project. */
  project?: string | undefined;
  nameTemplate: string;
  /** The job's id (GITHUB_JOB): no claim carries it; it only goes into the name's base. */
  job: string;
  /** The name's nonce, chosen by the job: its post step can revoke by it when the answer to the mint was lost. */
  nonce: string;
  cleanup: boolean;
}

export interface Minted {
  value: string;
  /** Proves at revoke time that this key is this run's (crypto/revoke-ticket.ts): post deletes it by ID at once. */
  ticket: string;
  id: string;
  name: string;
  projectId: string;
  projectName?: string | undefined;
  roles: Role[];
  expiresAt: string;
}

/** What a mint uses of the broker: its policy, its Pinecone sessions and caches, and how it tells. */
export interface MintContext {
  policy: Policy;
  jobs: JobStates | undefined;
  decide: (decision: Decision) => void;
  pinecone: PineconeSessions;
  lists: KeyLists;
  keys: BrokerKeys;
  tickets: RevokeTickets;
  /** A rule's project; when it does not resolve, the operator is told and the caller refused. */
  project: (rule: Rule, told: Decision) => Promise<{ id: string; name?: string }>;
}

export async function mintFor(
  ctx: MintContext,
  caller: Caller,
  said: Say,
  ask: MintAsk,
  signal: AbortSignal,
): Promise<Minted> {
  // The project asked for is checked once the rule's is resolved: the job may name it by ID or by name.
  const { project: asked, ...within } = ask;
  const verdict = decide(ctx.policy, caller.claims, {
    ...within,
    roles: ask.roles ?? [],
    ttlMs: ask.ttlMs ?? 0,
  });
  if ('refused' in verdict) {
    ctx.decide(said({ outcome: 'refused', reason: verdict.refused }));
    throw new Refusal(verdict.refused.startsWith('No rule') ? 'invalid_grant' : 'invalid_scope', verdict.refused);
  }
  const roles = ask.roles ?? verdict.rule.roles;
  const ttlMs = ask.ttlMs ?? verdict.rule.maxTtlMs;
  const rule = ruleName(verdict);
  const run = { ...caller.context.run!, rule: ruleMark(verdict.rule) };
  await refuseOverJob(ctx, caller, said, rule);
  const owner: KeyOwner = { kind: ask.cleanup ? 'job' : 'kept', run };
  const base = renderBase(ask.nameTemplate, caller.context.values, owner);
  const api = ctx.pinecone.open(signal, ask.budgetMs);
  const project = await ctx.project(verdict.rule, said({ outcome: 'error', rule }));
  if (asked && ![verdict.rule.project, project.id, project.name].includes(asked)) {
    const refused = `${rule} gives keys in project ${verdict.rule.project}; asked for ${asked}.`;
    ctx.decide(said({ outcome: 'refused', rule, reason: refused }));
    throw new Refusal('invalid_target', refused);
  }
  const cap: CapContext = {
    lists: ctx.lists,
    keys: ctx.keys,
    run,
    rule: verdict.rule,
    label: rule,
  };
  const full = await atCap(api, project.id, cap).catch((error: unknown) => {
    throw failed(ctx, said({ outcome: 'error', rule }), error);
  });
  if (full) {
    ctx.decide(said({ outcome: 'refused', rule, reason: full }));
    throw new Refusal('invalid_scope', full);
  }
  const expiresAt = expiryAfter(ctx.pinecone.clock.now(), ttlMs);
  const name = ctx.keys.name(base, owner, expiresAt, ask.nonce);
  let created;
  try {
    created = await api.createKey(project.id, name, roles);
  } catch (error) {
    if (!(error instanceof OutcomeUnknownError))
      throw failed(ctx, said({ outcome: 'error', rule, key_name: name }), error);
    // Its secret never reached us: whatever the lost request made goes (with a budget of its own: the job's may
    // be spent), and the job may ask again. When even that fails, nobody can say whether a key exists.
    const cleanup = ctx.pinecone.open(signal, BROKER_CLEANUP_BUDGET_MS);
    const left = await removeByName(cleanup, project.id, name, QUIET).then(
      () => undefined,
      (failure: unknown) => (failure instanceof Error ? failure.message : String(failure)),
    );
    if (left !== undefined) {
      const unknown = `Pinecone's answer to the create was lost, and key ${name} could not be looked for (${left}): the outcome is unknown; the broker's sweep deletes it at its expiry.`;
      ctx.decide(said({ outcome: 'unavailable', rule, key_name: name, reason: unknown }));
      throw new Refusal('temporarily_unavailable', unknown);
    }
    const why = `Pinecone's answer to the create was lost (${error.message}); nothing was left. Ask again.`;
    ctx.decide(said({ outcome: 'unavailable', rule, key_name: name, reason: why }));
    throw new Refusal('temporarily_unavailable', why);
  }
  await settleRace(ctx, api, project.id, created.key.id, cap, said);
  ctx.decide(said({ outcome: 'minted', rule, key_id: created.key.id, key_name: name }));
  return {
    value: created.value,
    ticket: ctx.tickets.issue(created.key.id, run),
    id: created.key.id,
    name,
    projectId: project.id,
    projectName: project.name,
    roles,
    expiresAt: expiresAt.toISOString(),
  };
}

/**
 * A concurrent mint for the same job (another replica, a replayed token) may have won: past the cap, this key goes
 * and the job is refused. A list that fails leaves the key to the job: it holds its value, so nothing is lost.
 */
async function settleRace(
  ctx: MintContext,
  api: AdminApi,
  projectId: string,
  id: string,
  cap: CapContext,
  said: Say,
): Promise<void> {
  const refused = await pastCap(api, projectId, id, cap).catch(() => undefined);
  if (!refused) return;
  await api.deleteKey(id);
  ctx.decide(said({ outcome: 'refused', rule: cap.label, key_id: id, reason: refused }));
  throw new Refusal('invalid_scope', refused);
}

/** With a GitHub App, a job GitHub says is over mints nothing (its token may have been copied); unknown proves nothing. */
async function refuseOverJob(ctx: MintContext, caller: Caller, said: Say, rule: string): Promise<void> {
  const { runId, job } = caller.context.run!;
  if (!ctx.jobs || !job) return;
  if ((await ctx.jobs.state({ repository: caller.claims.repository, runId, job })) !== 'over') return;
  const refused = `Job ${job} of run ${runId} is over, GitHub says: its tokens get no more keys.`;
  ctx.decide(said({ outcome: 'refused', rule, reason: refused }));
  throw new Refusal('invalid_grant', refused);
}

function failed(ctx: MintContext, decision: Decision, error: unknown): unknown {
  const reason = error instanceof Error ? error.message : String(error);
  ctx.decide({ ...decision, outcome: 'error', reason });
  return error;
}

/** The broker says what it did in its decision lines, not in the action's log lines. */
const QUIET = { info: () => undefined, notice: () => undefined, warning: () => undefined, debug: () => undefined };
