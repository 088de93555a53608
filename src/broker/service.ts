// What the broker does for a job, with nothing kept between requests but a cache: mint a key within the policy's
// rule for the job's verified token, revoke only keys of that token's repository and run, and sweep the keys of
// its rules' projects that expired. Every request opens its own Admin API session (its own time budget) over one
// shared login, and each decision is one line for the operators: never a key's value or a token.
import type { AdminApi } from '../api/pinecone/admin-api.js';
import { ActionError, OutcomeUnknownError } from '../base/errors.js';
import { BROKER_CLEANUP_BUDGET_MS } from '../base/policy.js';
import { revokeTicketsFor, type RevokeTickets } from '../crypto/revoke-ticket.js';
import type { Role } from '../inputs/roles.js';
import { removeByName } from '../keys/create.js';
import { expiryAfter, type KeyOwner } from '../rules/names.js';
import { renderBase } from '../rules/template.js';
import { callerOf, type Caller } from './claims.js';
import { atCap, KeyLists, pastCap, ruleMark, type CapContext } from './caps.js';
import { BrokerKeys } from './own-keys.js';
import { PineconeSessions, ProjectError, type PineconeDeps } from './pinecone.js';
import { decide, ruleFor, type Policy, type Rule } from './policy.js';
import { revokeOwn, sweepExpired, type RevokeAsk, type Revoked, type Said } from './revoke.js';
import { TokenRefused, type Verifier } from './verify.js';

export type { RevokeAsk } from './revoke.js';

/** An OAuth error (RFC 6749 §5.2 / RFC 8693 §2.2.2): `error` for programs, `description` one line for people. */
export class Refusal extends ActionError {
  constructor(
    readonly error:
      | 'invalid_request'
      | 'invalid_grant'
      | 'invalid_scope'
      | 'invalid_target'
      | 'unsupported_grant_type'
      | 'unsupported_token_type'
      | 'temporarily_unavailable'
      | 'server_error',
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

export interface BrokerDeps extends PineconeDeps {
  policy: Policy;
  verifier: Verifier;
  decide: (decision: Decision) => void;
}

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

export class Broker {
  private readonly pinecone: PineconeSessions;
  private readonly tickets: RevokeTickets;
  private readonly keys: BrokerKeys;
  private readonly lists: KeyLists;

  constructor(private readonly deps: BrokerDeps) {
    this.pinecone = new PineconeSessions(deps);
    this.tickets = revokeTicketsFor(deps.connection.clientSecret);
    this.keys = new BrokerKeys(deps.connection.clientSecret);
    this.lists = new KeyLists(deps.now);
  }

  /**
   * Before it listens: every rule's project resolved from one list. A name that matches no project or several
   * stops the start (ProjectError, one line); a list that fails is told and left to each rule's first request.
   */
  async start(): Promise<void> {
    try {
      await this.pinecone.resolveAll(this.deps.policy.rules);
    } catch (error) {
      if (error instanceof ProjectError) throw error;
      const reason = `the rules' projects could not be listed at start (${(error as Error).message}); each is resolved at its first request`;
      this.deps.decide({ time: this.time(), action: 'sweep', outcome: 'error', reason });
    }
  }

  /** Logins sent to Pinecone, for the metrics. */
  get logins(): number {
    return this.pinecone.login.logins;
  }

  async mint(token: string, ask: MintAsk, signal: AbortSignal): Promise<Minted> {
    const caller = await this.caller(token, ask.job, 'mint');
    const said = this.said('mint', caller);
    // The project asked for is checked once the rule's is resolved: the job may name it by ID or by name.
    const { project: asked, ...within } = ask;
    const verdict = decide(this.deps.policy, caller.claims, {
      ...within,
      roles: ask.roles ?? [],
      ttlMs: ask.ttlMs ?? 0,
    });
    if ('refused' in verdict) {
      this.deps.decide(said({ outcome: 'refused', reason: verdict.refused }));
      throw new Refusal(verdict.refused.startsWith('No rule') ? 'invalid_grant' : 'invalid_scope', verdict.refused);
    }
    const roles = ask.roles ?? verdict.rule.roles;
    const ttlMs = ask.ttlMs ?? verdict.rule.maxTtlMs;
    const rule = ruleName(verdict);
    const run = { ...caller.context.run!, rule: ruleMark(verdict.rule) };
    const owner: KeyOwner = { kind: ask.cleanup ? 'job' : 'kept', run };
    const base = renderBase(ask.nameTemplate, caller.context.values, owner);
    const api = this.pinecone.open(signal, ask.budgetMs);
    const project = await this.project(verdict.rule, said({ outcome: 'error', rule }));
    if (asked && ![verdict.rule.project, project.id, project.name].includes(asked)) {
      const refused = `${rule} gives keys in project ${verdict.rule.project}; asked for ${asked}.`;
      this.deps.decide(said({ outcome: 'refused', rule, reason: refused }));
      throw new Refusal('invalid_target', refused);
    }
    const cap: CapContext = {
      lists: this.lists,
      keys: this.keys,
      run,
      now: this.pinecone.clock.now(),
      rule: verdict.rule,
      label: rule,
    };
    const full = await atCap(api, project.id, cap).catch((error: unknown) => {
      throw this.failed(said({ outcome: 'error', rule }), error);
    });
    if (full) {
      this.deps.decide(said({ outcome: 'refused', rule, reason: full }));
      throw new Refusal('invalid_scope', full);
    }
    const expiresAt = expiryAfter(this.pinecone.clock.now(), ttlMs);
    const name = this.keys.name(base, owner, expiresAt, ask.nonce);
    let created;
    try {
      created = await api.createKey(project.id, name, roles);
    } catch (error) {
      if (!(error instanceof OutcomeUnknownError))
        throw this.failed(said({ outcome: 'error', rule, key_name: name }), error);
      // Its secret never reached us: whatever the lost request made goes (with a budget of its own: the job's may
      // be spent), and the job may ask again. When even that fails, nobody can say whether a key exists.
      const cleanup = this.pinecone.open(signal, BROKER_CLEANUP_BUDGET_MS);
      const left = await removeByName(cleanup, project.id, name, QUIET).then(
        () => undefined,
        (failure: unknown) => (failure instanceof Error ? failure.message : String(failure)),
      );
      if (left !== undefined) {
        const unknown = `Pinecone's answer to the create was lost, and key ${name} could not be looked for (${left}): the outcome is unknown; the broker's sweep deletes it at its expiry.`;
        this.deps.decide(said({ outcome: 'unavailable', rule, key_name: name, reason: unknown }));
        throw new Refusal('temporarily_unavailable', unknown);
      }
      const why = `Pinecone's answer to the create was lost (${error.message}); nothing was left. Ask again.`;
      this.deps.decide(said({ outcome: 'unavailable', rule, key_name: name, reason: why }));
      throw new Refusal('temporarily_unavailable', why);
    }
    await this.settleRace(api, project.id, created.key.id, cap, said);
    this.deps.decide(said({ outcome: 'minted', rule, key_id: created.key.id, key_name: name }));
    return {
      value: created.value,
      ticket: this.tickets.issue(created.key.id, run),
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
  private async settleRace(
    api: AdminApi,
    projectId: string,
    id: string,
    cap: CapContext,
    said: ReturnType<Broker['said']>,
  ): Promise<void> {
    const refused = await pastCap(api, projectId, id, cap).catch(() => undefined);
    if (!refused) return;
    await api.deleteKey(id);
    this.deps.decide(said({ outcome: 'refused', rule: cap.label, key_id: id, reason: refused }));
    throw new Refusal('invalid_scope', refused);
  }

  /** A key minted for a job that went away before the answer: nobody will ever see its value, so it goes now. */
  async discard(minted: Minted, signal: AbortSignal): Promise<void> {
    await this.pinecone.open(signal).deleteKey(minted.id);
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
  async revoke(token: string, ask: RevokeAsk, signal: AbortSignal, budgetMs?: number): Promise<Revoked> {
    const caller = await this.caller(token, '', 'revoke');
    const said = this.said('revoke', caller);
    const tell: Said = ({ outcome, keyId, name, reason }) =>
      this.deps.decide(said({ outcome, key_id: keyId, key_name: name ?? undefined, reason }));
    // A token no rule matches costs nothing: refused before any request to Pinecone.
    const found = ruleFor(this.deps.policy, caller.claims);
    if (!found) {
      const refused = `No rule of the policy matches repository ${caller.claims.repository}: the broker made no key for it.`;
      this.deps.decide(said({ outcome: 'refused', reason: refused }));
      throw new Refusal('invalid_grant', refused); // as for a mint: no rule, no grant
    }
    const project = await this.project(found.rule, said({ outcome: 'error', rule: ruleName(found) }));
    const context = { keys: this.keys, tickets: this.tickets, caller, said: tell };
    const revoked = await revokeOwn(this.pinecone.open(signal, budgetMs), project.id, context, ask);
    this.lists.forget(project.id);
    return revoked;
  }

  /** Each project of the policy in turn: the broker's keys that expired (with the sweep sub-action's grace) go. */
  async sweep(signal: AbortSignal): Promise<number> {
    const ids = new Set<string>();
    for (const [index, rule] of this.deps.policy.rules.entries()) {
      const at = { time: this.time(), action: 'sweep' as const, rule: ruleName({ rule, index }) };
      await this.project(rule, { ...at, outcome: 'error' }).then(
        (project) => ids.add(project.id),
        () => undefined, // told; the other projects are swept all the same
      );
    }
    return sweepExpired(this.pinecone.open(signal), [...ids], this.keys, () => this.pinecone.clock.now(), {
      deleted: (key, why) =>
        this.deps.decide({
          time: this.time(),
          action: 'sweep',
          outcome: 'deleted',
          key_id: key.id,
          key_name: key.name ?? undefined,
          reason: why,
        }),
      failed: (projectId, error) =>
        this.deps.decide({
          time: this.time(),
          action: 'sweep',
          outcome: 'error',
          reason: `project ${projectId}: ${error instanceof Error ? error.message : String(error)}`,
        }),
    });
  }

  /** A rule's project; when it does not resolve, the operator is told why and the caller gets a line that names none. */
  private async project(rule: Rule, told: Decision): Promise<{ id: string; name?: string }> {
    try {
      return await this.pinecone.project(rule);
    } catch (error) {
      this.deps.decide({ ...told, reason: error instanceof Error ? error.message : String(error) });
      throw new Refusal(
        'temporarily_unavailable',
        "The broker cannot use its rule's project now; its operator has been told. Ask again later.",
      );
    }
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

/** The broker says what it did in its decision lines, not in the action's log lines. */
const QUIET = { info: () => undefined, notice: () => undefined, warning: () => undefined, debug: () => undefined };

const ruleName = ({ rule, index }: { rule: Rule; index: number }) => `rules[${index}] (${rule.repository})`;
