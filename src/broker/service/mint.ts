// A mint for a verified job: the rule that decides, the name from the token's claims, and the key made within the
// caps (create.ts). Each outcome is one decision line for the operators.
import type { ProjectUnusableError } from '../../api/pinecone/admin-api.js';
import type { RevokeTickets } from '../../crypto/revoke-ticket.js';
import type { Role } from '../../inputs/roles.js';
import { expiryAfter, type KeyOwner } from '../../rules/names.js';
import { renderBase } from '../../rules/template.js';
import { ruleMark, type CapContext, type KeyLists, type OneJobAtATime } from '../own/caps.js';
import type { BrokerKeys } from '../own/own-keys.js';
import type { Caller } from '../policy/claims.js';
import { decide } from '../policy/match.js';
import type { Policy, Rule } from '../policy/policy.js';
import { createWithinCap } from './create.js';
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
  oneJobAtATime: OneJobAtATime;
  keys: BrokerKeys;
  tickets: RevokeTickets;
  /** A rule's project; when it does not resolve, the operator is told and the caller refused. */
  project: (rule: Rule, told: Decision) => Promise<{ id: string; name?: string }>;
  /** A project Pinecone no longer lets the broker use: told, forgotten; the refusal for the caller. */
  unusable: (error: ProjectUnusableError, projectId: string, told: Decision) => Refusal;
  /** The pause before a mint that lost a race tries again (random, so that racers part). */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  random: () => number;
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
  const expiresAt = expiryAfter(ctx.pinecone.clock.now(), ttlMs);
  const name = ctx.keys.name(base, owner, expiresAt, ask.nonce);
  const created = await createWithinCap(ctx, { api, projectId: project.id, name, roles, cap, said, signal });
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

/** With a GitHub App, a job GitHub says is over mints nothing (its token may have been copied); unknown proves nothing. */
async function refuseOverJob(ctx: MintContext, caller: Caller, said: Say, rule: string): Promise<void> {
  const { runId, job } = caller.context.run!;
  if (!ctx.jobs || !job) return;
  if ((await ctx.jobs.state({ repository: caller.claims.repository, runId, job })) !== 'over') return;
  const refused = `Job ${job} of run ${runId} is over, GitHub says: its tokens get no more keys.`;
  ctx.decide(said({ outcome: 'refused', rule, reason: refused }));
  throw new Refusal('invalid_grant', refused);
}
