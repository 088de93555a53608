// What the broker does for a job, with nothing kept between requests but a cache: mint a key within the policy's
// rule for the job's verified token, revoke only keys of that token's repository and run, and sweep the keys of
// its rules' projects that expired or, with a GitHub App, whose job is over. Every request opens its own Admin API
// session (its own time budget) over one shared login, and each decision is one line for the operators: never a
// key's value or a token.
import { BROKER_SWEEP_JOB_RECHECK_MS } from '../../base/policy.js';
import { revokeTicketsFor, type RevokeTickets } from '../../crypto/revoke-ticket.js';
import { KeyLists, OneJobAtATime } from '../own/caps.js';
import { BrokerKeys } from '../own/own-keys.js';
import { revokeOwn, type RevokeAsk, type Revoked, type Said } from '../own/revoke.js';
import { sweepOwn, type JobLiveness } from '../own/sweep.js';
import { callerOf, type Caller } from '../policy/claims.js';
import { ruleFor } from '../policy/match.js';
import { withShares, type Policy, type Rule } from '../policy/policy.js';
import { TokenRefused, type Verifier } from '../policy/verify.js';
import { projectRefusal, Refusal, ruleName, sayFor, type Decision } from './decisions.js';
import { mintFor, type MintAsk, type MintContext, type Minted } from './mint.js';
import type { JobStates } from '../jobs/job-states.js';
import { serverTag } from '../../rules/names.js';
import { PineconeSessions, ProjectError, type PineconeDeps } from './pinecone.js';
import { ProjectUnusableError } from '../../api/pinecone/admin-api.js';

export type { RevokeAsk } from '../own/revoke.js';

export interface BrokerDeps extends PineconeDeps {
  policy: Policy;
  verifier: Verifier;
  /** Given (a GitHub App): a finished job's token mints nothing. */
  jobs?: JobStates | undefined;
  decide: (decision: Decision) => void;
}

export class Broker {
  private readonly pinecone: PineconeSessions;
  private readonly tickets: RevokeTickets;
  private readonly keys: BrokerKeys;
  private readonly lists: KeyLists;
  private readonly mintContext: MintContext;
  private readonly liveness: JobLiveness | undefined;

  constructor(private readonly deps: BrokerDeps) {
    this.pinecone = new PineconeSessions(deps);
    this.tickets = revokeTicketsFor(deps.connection.clientSecret);
    this.keys = new BrokerKeys(deps.connection.clientSecret);
    this.lists = new KeyLists(deps.now);
    const jobs = deps.jobs;
    this.liveness = jobs && {
      server: serverTag(deps.policy.serverUrl),
      state: (run) => jobs.stateOf(run, BROKER_SWEEP_JOB_RECHECK_MS),
    };
    this.mintContext = {
      policy: deps.policy,
      jobs: deps.jobs,
      decide: deps.decide,
      pinecone: this.pinecone,
      lists: this.lists,
      oneJobAtATime: new OneJobAtATime(),
      keys: this.keys,
      tickets: this.tickets,
      project: (rule, told) => this.project(rule, told),
      unusable: (error, projectId, told) => this.unusable(error, projectId, told),
      sleep: deps.sleep,
      random: deps.random,
    };
  }

  /**
   * Before it listens: every rule's project resolved from one list. A name that matches no project or several
   * stops the start (ProjectError, one line); a list that fails is told and left to each rule's first request.
   */
  async start(): Promise<void> {
    try {
      const ids = await this.pinecone.resolveAll(this.deps.policy.rules);
      // Rules that name one project differently (by ID, by name) share its quota as one project's rules do.
      withShares(this.deps.policy.rules, (rule) => ids.get(rule.project) ?? rule.project);
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
    return mintFor(
      this.mintContext,
      caller,
      sayFor('mint', caller, () => this.time()),
      ask,
      signal,
    );
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
    const said = sayFor('revoke', caller, () => this.time());
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
    const revoked = await revokeOwn(this.pinecone.open(signal, budgetMs), project.id, context, ask).catch(
      (error: unknown) => {
        if (!(error instanceof ProjectUnusableError)) throw error;
        throw this.unusable(error, project.id, said({ outcome: 'error', rule: ruleName(found) }));
      },
    );
    this.lists.forget(project.id);
    return revoked;
  }

  /**
   * Each project of the policy in turn: the broker's keys that expired (with the sweep sub-action's grace) go, and
   * with a GitHub App those of jobs that are over, while a job that still runs keeps its key (own/sweep.ts).
   */
  async sweep(signal: AbortSignal): Promise<number> {
    const ids = new Set<string>();
    for (const [index, rule] of this.deps.policy.rules.entries()) {
      const at = { time: this.time(), action: 'sweep' as const, rule: ruleName({ rule, index }) };
      await this.project(rule, { ...at, outcome: 'error' }).then(
        (project) => ids.add(project.id),
        () => undefined, // told; the other projects are swept all the same
      );
    }
    const open = () => this.pinecone.open(signal);
    const context = { keys: this.keys, now: () => this.pinecone.clock.now(), jobs: this.liveness, signal, open };
    return sweepOwn([...ids], context, {
      deleted: (key, why) =>
        this.deps.decide({
          time: this.time(),
          action: 'sweep',
          outcome: 'deleted',
          key_id: key.id,
          key_name: key.name ?? undefined,
          reason: why,
        }),
      failed: (projectId, error) => {
        // A project gone or taken away: the rules that named it resolve again at the next sweep (and say why not).
        if (error instanceof ProjectUnusableError) this.pinecone.forgetProject(projectId);
        this.deps.decide({
          time: this.time(),
          action: 'sweep',
          outcome: 'error',
          reason: `project ${projectId}: ${error instanceof Error ? error.message : String(error)}`,
        });
      },
    });
  }

  /** A rule's project; when it does not resolve, the operator is told why and the caller gets a line that names none. */
  private async project(rule: Rule, told: Decision): Promise<{ id: string; name?: string }> {
    try {
      return await this.pinecone.project(rule);
    } catch (error) {
      this.deps.decide({ ...told, reason: error instanceof Error ? error.message : String(error) });
      throw projectRefusal();
    }
  }

  /**
   * A project Pinecone no longer lets the broker use (gone, or taken away): the operator is told, the rules that
   * named it resolve again, and the caller gets a refusal that names no project.
   */
  private unusable(error: ProjectUnusableError, projectId: string, told: Decision): Refusal {
    this.deps.decide({ ...told, reason: error.message });
    this.pinecone.forgetProject(projectId);
    return projectRefusal(error.why);
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

  private time(): string {
    return new Date(this.deps.now()).toISOString();
  }
}
