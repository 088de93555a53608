// What the broker does for a job, with nothing kept between requests but a cache: mint a key within the policy's
// rule for the job's verified token, revoke only keys of that token's repository and run, and sweep the keys of
// its rules' projects that expired. Every request opens its own Admin API session (its own time budget) over one
// shared login, and each decision is one line for the operators: never a key's value or a token.
import { AdminApi, LoginCache, type Connection } from '../api/admin-api.js';
import { ServerClock } from '../api/clock.js';
import type { Preconnect } from '../api/preconnect.js';
import { createRequester } from '../api/requester.js';
import type { Transport } from '../api/transport.js';
import { ActionError, OutcomeUnknownError } from '../base/errors.js';
import { Secrets } from '../base/secrets.js';
import { revokeTicketsFor, type RevokeTickets } from '../crypto/revoke-ticket.js';
import { formatDuration } from '../inputs/durations.js';
import type { Role } from '../inputs/roles.js';
import { resolveProject } from '../projects/resolve.js';
import { buildKeyName, expiryAfter, parseKeyName, type KeyOwner, type RunRef } from '../rules/names.js';
import { planSweep } from '../rules/sweep-plan.js';
import { renderBase } from '../rules/template.js';
import { callerOf, type Caller } from './claims.js';
import { decide, ruleFor, type Policy, type Rule } from './policy.js';
import { TokenRefused, type Verifier } from './verify.js';

/** Each request's time budget with Pinecone (the action's default timeout is 2m; it gives up on us first). */
export const REQUEST_BUDGET_MS = 60_000;

/** An OAuth error (RFC 6749 §5.2 / RFC 8693 §2.2.2): `error` for programs, `description` one line for people. */
export class Refusal extends ActionError {
  constructor(
    readonly error:
      'invalid_request' | 'invalid_grant' | 'invalid_scope' | 'invalid_target' | 'temporarily_unavailable',
    description: string,
  ) {
    super(description);
  }
}

/** One line per decision on stdout, for the operators. */
export interface Decision {
  time: string;
  action: 'mint' | 'revoke' | 'sweep';
  outcome: 'minted' | 'revoked' | 'refused' | 'unavailable' | 'deleted' | 'error';
  repository?: string | undefined;
  run?: string | undefined;
  ref?: string | undefined;
  rule?: string | undefined;
  key_id?: string | undefined;
  key_name?: string | undefined;
  reason?: string | undefined;
}

export interface BrokerDeps {
  policy: Policy;
  connection: Connection;
  verifier: Verifier;
  transport: Transport;
  preconnect: Preconnect;
  now: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  random: () => number;
  decide: (decision: Decision) => void;
}

export interface MintAsk {
  /** How long the job will wait for the answer: the broker gives up on Pinecone before it does. */
  budgetMs?: number | undefined;
  roles: Role[];
  ttlMs: number;
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

export interface RevokeAsk {
  keyIds: string[];
  nonces: string[];
  /** The ticket minted with the one key in `keyIds`. */
  ticket?: string | undefined;
}

export class Broker {
  readonly login = new LoginCache();
  private readonly clock: ServerClock;
  private readonly projects = new Map<string, Promise<{ id: string; name?: string }>>();
  private readonly quiet = { info: () => undefined };
  private readonly tickets: RevokeTickets;

  constructor(private readonly deps: BrokerDeps) {
    this.clock = new ServerClock(deps.now);
    this.tickets = revokeTicketsFor(deps.connection.clientSecret);
  }

  async mint(token: string, ask: MintAsk, signal: AbortSignal): Promise<Minted> {
    const caller = await this.caller(token, ask.job, 'mint');
    const said = this.said('mint', caller);
    const verdict = decide(this.deps.policy, caller.claims, ask);
    if ('refused' in verdict) {
      this.deps.decide(said({ outcome: 'refused', reason: verdict.refused }));
      throw new Refusal(verdict.refused.startsWith('No rule') ? 'invalid_target' : 'invalid_scope', verdict.refused);
    }
    const rule = ruleName(verdict);
    const run = caller.context.run!;
    const owner: KeyOwner = { kind: ask.cleanup ? 'job' : 'kept', run };
    const base = renderBase(ask.nameTemplate, caller.context.values, owner);
    const api = this.api(signal, ask.budgetMs);
    const project = await this.project(api, verdict.rule);
    const expiresAt = expiryAfter(this.clock.now(), ask.ttlMs);
    const name = buildKeyName(base, owner, expiresAt, ask.nonce);
    let created;
    try {
      created = await api.createKey(project.id, name, ask.roles);
    } catch (error) {
      if (!(error instanceof OutcomeUnknownError))
        throw this.failed(said({ outcome: 'error', rule, key_name: name }), error);
      // Its secret never reached us: whatever the lost request made goes, and the job may ask again.
      await this.deleteWhere(api, project.id, (key) => key.name === name);
      const why = `Pinecone's answer to the create was lost (${error.message}); nothing was left. Ask again.`;
      this.deps.decide(said({ outcome: 'unavailable', rule, key_name: name, reason: why }));
      throw new Refusal('temporarily_unavailable', why);
    }
    this.deps.decide(said({ outcome: 'minted', rule, key_id: created.key.id, key_name: name }));
    return {
      value: created.value,
      ticket: this.tickets.issue(created.key.id, run),
      id: created.key.id,
      name,
      projectId: project.id,
      projectName: project.name,
      roles: ask.roles,
      expiresAt: expiresAt.toISOString(),
    };
  }

  /** A key minted for a job that went away before the answer: nobody will ever see its value, so it goes now. */
  async discard(minted: Minted, signal: AbortSignal): Promise<void> {
    await this.api(signal).deleteKey(minted.id);
    this.deps.decide({
      time: this.time(),
      action: 'revoke',
      outcome: 'revoked',
      key_id: minted.id,
      key_name: minted.name,
      reason: 'the job went away before the answer',
    });
  }

  /** Deletes the keys asked for (by ID or by their name's nonce) that this token's run made; gone counts as deleted. */
  async revoke(
    token: string,
    ask: RevokeAsk,
    signal: AbortSignal,
  ): Promise<{ deleted: string[]; gone: string[]; refused: string[] }> {
    const caller = await this.caller(token, '', 'revoke');
    const said = this.said('revoke', caller);
    const run = caller.context.run!;
    const api = this.api(signal);
    const deleted: string[] = [];
    const gone: string[] = [];
    const refused: string[] = [];
    const [only] = ask.keyIds;
    if (ask.ticket && only !== undefined && ask.keyIds.length === 1 && this.tickets.holds(ask.ticket, only, run)) {
      // The ticket proves the key is this run's: one delete, no listing.
      ((await api.deleteKey(only)) === 'deleted' ? deleted : gone).push(only);
      this.deps.decide(said({ outcome: 'revoked', key_id: only }));
      if (ask.nonces.length === 0) return { deleted, gone, refused };
      ask = { keyIds: [], nonces: ask.nonces };
    }
    const found = ruleFor(this.deps.policy, caller.claims);
    // The rule's project; when no rule matches any more (the policy changed), every project of the policy.
    const rules = found ? [found.rule] : this.deps.policy.rules;
    const seen = new Set<string>();
    for (const projectId of new Set(await Promise.all(rules.map(async (rule) => (await this.project(api, rule)).id)))) {
      const keys = await api.listKeys(projectId);
      for (const key of keys) {
        seen.add(key.id);
        const parsed = parseKeyName(key.name);
        const asked = ask.keyIds.includes(key.id) || (!!parsed && ask.nonces.includes(parsed.nonce));
        if (!asked) continue;
        if (!sameRun(parsed?.run, run)) {
          refused.push(key.id);
          this.deps.decide(said({ outcome: 'refused', key_id: key.id, reason: "not this token's run" }));
          continue;
        }
        await api.deleteKey(key.id);
        deleted.push(key.id);
        this.deps.decide(said({ outcome: 'revoked', key_id: key.id, key_name: key.name ?? undefined }));
      }
    }
    // An ID no project lists any more is gone: deleted, as far as the job is concerned.
    gone.push(...ask.keyIds.filter((id) => !seen.has(id)));
    return { deleted, gone, refused };
  }

  /** The rules' projects: this action's keys that expired (with the sweep sub-action's grace) are deleted. */
  async sweep(signal: AbortSignal): Promise<number> {
    const api = this.api(signal);
    let swept = 0;
    const projects = await Promise.all(this.deps.policy.rules.map((rule) => this.project(api, rule)));
    for (const projectId of new Set(projects.map((project) => project.id))) {
      const plan = planSweep(await api.listKeys(projectId), { match: '', expiredOnly: true, now: this.clock.now() });
      for (const { item, remove } of plan.verdicts) {
        if (!remove) continue;
        await api.deleteKey(item.id);
        swept += 1;
        this.deps.decide({
          time: this.time(),
          action: 'sweep',
          outcome: 'deleted',
          key_id: item.id,
          key_name: item.name ?? undefined,
          reason: 'expired',
        });
      }
    }
    return swept;
  }

  private async caller(token: string, job: string, action: 'mint' | 'revoke'): Promise<Caller> {
    let payload;
    try {
      payload = await this.deps.verifier.verify(token);
    } catch (error) {
      const reason = error instanceof TokenRefused ? error.message : 'The token could not be checked.';
      this.deps.decide({ time: this.time(), action, outcome: 'refused', reason });
      throw new Refusal('invalid_grant', reason);
    }
    const caller = callerOf(payload, this.deps.policy.serverUrl, job);
    if (caller?.context.run) return caller;
    const reason = 'The token carries no repository_id and run_id: it is not a GitHub Actions token.';
    this.deps.decide({ time: this.time(), action, outcome: 'refused', reason });
    throw new Refusal('invalid_grant', reason);
  }

  /** An Admin API session inside this request's budget, over the broker's one login. */
  private api(signal: AbortSignal, budgetMs = REQUEST_BUDGET_MS): AdminApi {
    const { deps } = this;
    // A create still running when the job has given up would make a key whose value nobody ever sees.
    const budget = Math.min(REQUEST_BUDGET_MS, Math.max(1_000, budgetMs));
    const requester = createRequester({
      transport: deps.transport,
      now: deps.now,
      sleep: deps.sleep,
      random: deps.random,
      debug: () => undefined,
      signal,
      deadline: deps.now() + budget,
      budget: `the broker's ${formatDuration(budget)} for this request`,
      onAnswer: (response) => this.clock.observe(response.headers),
    });
    // Per request, so that it forgets the values it redacts: seeded with the client secret, it learns the token
    // from the login and the key from the create (error excerpts never carry them).
    const secrets = new Secrets(() => undefined);
    secrets.add(deps.connection.clientSecret);
    for (const token of [this.login.token?.value ?? '']) secrets.add(token);
    return new AdminApi(deps.connection, requester, secrets, deps.now, this.clock, deps.preconnect, this.login);
  }

  /** A rule's project, resolved once (by ID: no request; by name: one list, until it fails). */
  private project(api: AdminApi, rule: Rule): Promise<{ id: string; name?: string }> {
    let resolved = this.projects.get(rule.project);
    if (!resolved) {
      resolved = resolveProject(api, rule.project, this.quiet);
      resolved.catch(() => this.projects.delete(rule.project));
      this.projects.set(rule.project, resolved);
    }
    return resolved;
  }

  private async deleteWhere(api: AdminApi, projectId: string, which: (key: { name: string | null }) => boolean) {
    for (const key of (await api.listKeys(projectId)).filter(which)) await api.deleteKey(key.id);
  }

  private failed(decision: Decision, error: unknown): unknown {
    const reason = error instanceof Error ? error.message : String(error);
    this.deps.decide({ ...decision, outcome: 'error', reason });
    return error;
  }

  private said(action: 'mint' | 'revoke', caller: Caller) {
    const { claims, context } = caller;
    const run = context.run && `${context.run.runId}/${context.run.attempt}`;
    return (rest: Omit<Decision, 'time' | 'action' | 'repository' | 'run' | 'ref'>): Decision => ({
      time: this.time(),
      action,
      repository: claims.repository,
      run,
      ref: claims.ref,
      ...rest,
    });
  }

  private time(): string {
    return new Date(this.deps.now()).toISOString();
  }
}

const ruleName = ({ rule, index }: { rule: Rule; index: number }) => `rules[${index}] (${rule.repository})`;

/** Made by this run: the same repository (on the same instance) and run, whichever attempt. */
function sameRun(made: RunRef | undefined, caller: RunRef): boolean {
  return (
    !!made && made.repositoryId === caller.repositoryId && made.runId === caller.runId && made.server === caller.server
  );
}
