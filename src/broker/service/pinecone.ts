// The broker's side of Pinecone: one login for every request until it nears expiry (requests that find it
// expiring share the fresh one), Pinecone's clock, the rules' projects resolved at start, and an Admin API session per
// request inside that request's own time budget.
import { AdminApi, LoginCache, type Connection, type Project } from '../../api/pinecone/admin-api.js';
import { ServerClock } from '../../api/pinecone/clock.js';
import type { Preconnect } from '../../api/preconnect.js';
import { createRequester } from '../../api/requester.js';
import type { Transport } from '../../api/transport.js';
import { BROKER_SHARED_BUDGET_MS, BROKER_REQUEST_BUDGET_MS } from '../../base/policy.js';
import { ActionError } from '../../base/errors.js';
import { Secrets } from '../../base/secrets.js';
import { formatDuration } from '../../inputs/durations.js';
import type { Rule } from '../policy/policy.js';

export interface PineconeDeps {
  connection: Connection;
  transport: Transport;
  preconnect: Preconnect;
  now: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  random: () => number;
}

export class PineconeSessions {
  readonly login = new LoginCache();
  readonly clock: ServerClock;
  private readonly projects = new Map<string, Promise<{ id: string; name?: string }>>();

  constructor(private readonly deps: PineconeDeps) {
    this.clock = new ServerClock(deps.now);
    // Every request waits for the shared login: it gets a short budget of its own, not that of whichever
    // request (or sweep) started it, so that a hung attempt is given up and sent again within seconds.
    this.login.requester = () => this.requester(new AbortController().signal, BROKER_SHARED_BUDGET_MS, 'login');
  }

  /** An Admin API session inside `budgetMs` (at most BROKER_REQUEST_BUDGET_MS), over the broker's one login. */
  open(signal: AbortSignal, budgetMs = BROKER_REQUEST_BUDGET_MS): AdminApi {
    const { deps } = this;
    // A create still running when the job has given up would make a key whose value nobody ever sees.
    const budget = Math.min(BROKER_REQUEST_BUDGET_MS, Math.max(1_000, budgetMs));
    const requester = this.requester(signal, budget, 'request');
    // Per request, so that it forgets the values it redacts: seeded with the client secret and the login's token,
    // it learns the key from the create (error excerpts never carry them).
    const secrets = new Secrets(() => undefined);
    secrets.add(deps.connection.clientSecret);
    secrets.add(this.login.token?.value ?? '');
    return new AdminApi(deps.connection, requester, secrets, deps.now, this.clock, deps.preconnect, this.login);
  }

  private requester(signal: AbortSignal, budgetMs: number, what: string) {
    const { deps } = this;
    return createRequester({
      transport: deps.transport,
      now: deps.now,
      sleep: deps.sleep,
      random: deps.random,
      debug: () => undefined,
      signal,
      deadline: deps.now() + budgetMs,
      budget: `the broker's ${formatDuration(budgetMs)} for this ${what}`,
      onAnswer: (response) => this.clock.observe(response.headers),
    });
  }

  /**
   * Every rule's project, from one list at start (what each rule names → the project's ID): a name that matches no
   * project or several, or an ID the service account cannot see, is a ProjectError naming the rule (the start stops
   * on it). A list that fails is left to the first request of each rule (`project`).
   */
  async resolveAll(rules: readonly Rule[]): Promise<Map<string, string>> {
    const projects = await this.open(new AbortController().signal, BROKER_SHARED_BUDGET_MS).listProjects();
    const ids = new Map<string, string>();
    rules.forEach((rule, index) => {
      const found = pick(projects, rule.project, `rules[${index}].project`);
      this.projects.set(rule.project, Promise.resolve(found));
      ids.set(rule.project, found.id);
    });
    return ids;
  }

  /**
   * A rule's project, resolved once (at start, or by one list after a failure there). Every request of that rule
   * waits for it, so it has the short budget of the login, not the budget of the request that asks. Its errors are
   * for the operator: they name the rule's project and the namesakes' IDs, never the other projects.
   */
  project(rule: Rule): Promise<{ id: string; name?: string }> {
    let resolved = this.projects.get(rule.project);
    if (!resolved) {
      const shared = this.open(new AbortController().signal, BROKER_SHARED_BUDGET_MS);
      resolved = shared.listProjects().then((projects) => pick(projects, rule.project, 'project'));
      resolved.catch(() => this.projects.delete(rule.project));
      this.projects.set(rule.project, resolved);
    }
    return resolved;
  }

  /** A project Pinecone no longer lets the broker use (gone, or taken away): the rules that named it resolve again. */
  forgetProject(projectId: string): void {
    for (const [wanted, resolved] of this.projects)
      void resolved.then(
        (project) => project.id === projectId && this.projects.get(wanted) === resolved && this.projects.delete(wanted),
        () => undefined,
      );
  }
}

/** A rule's project may not resolve: the line is the operator's, not a caller's. */
export class ProjectError extends ActionError {}

/** The one project `wanted` (an ID or an exact name) names among `projects`. */
function pick(projects: readonly Project[], wanted: string, at: string): { id: string; name?: string } {
  const byId = projects.find((project) => project.id === wanted);
  if (byId) return byId;
  const named = projects.filter((project) => project.name === wanted);
  if (named.length === 1) return named[0]!;
  if (named.length === 0)
    throw new ProjectError(
      `${at}: the service account sees no project named or with the ID "${wanted}"; give the ID of one it sees (Pinecone's console, or GET /admin/projects).`,
    );
  throw new ProjectError(
    `${at}: ${named.length} projects are named "${wanted}" (${named.map((project) => project.id).join(', ')}); give the ID of the one meant.`,
  );
}
