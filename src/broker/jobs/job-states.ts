// Whether a job still runs, asked of GitHub as the operator's GitHub App (GET /repos/{owner}/{repo}/actions/jobs/
// {job_id}, as the installation on the repository's owner): for a mint, of the token's repository by name; for the
// sweep, of the repository a key's name records by id (app-repositories.ts). As the action's `blind` rule
// (rules/liveness.ts): a 404 proves the job over only when the same credentials see the job's run; a rate limit, a
// missing installation, a timeout or a failure proves nothing (unknown: nothing is refused or deleted for it), and
// is told (once an hour at most). Answers are cached, the same for mints and the sweep, so that a job costs one
// look-up per window whatever asks; a repository the App is blind to is not asked about again for a while.
import type { RunRef } from '../../rules/names.js';
import {
  BROKER_APP_REPOSITORIES_MAX_AGE_MS,
  BROKER_GITHUB_TELL_AGAIN_MS,
  BROKER_JOB_STATES_MAX,
  BROKER_JOB_ALIVE_CACHE_MS,
  BROKER_JOB_OVER_CACHE_MS,
  BROKER_SWEEP_JOB_RECHECK_MS,
} from '../../base/policy.js';
import { AppClient, GitHubPaused, type AskAs } from './app-client.js';
import type { GitHubApp } from './app-config.js';
import { AppRepositories } from './app-repositories.js';

export type JobState = 'over' | 'alive' | 'unknown';

export interface JobAsk {
  /** owner/name. */
  repository: string;
  runId: string;
  /** The job's check_run_id. */
  job: string;
}

export class JobStates {
  private readonly client: AppClient;
  private readonly repositories: AppRepositories;
  private readonly installations = new Map<string, { at: number; id: Promise<number | undefined> }>();
  private readonly states = new Map<string, { at: number; state: Promise<JobState> }>();
  /** Repositories whose runs the App cannot see, until when they are not asked about. */
  private readonly blind = new Map<string, number>();
  private readonly told = new Map<string, number>();

  constructor(
    app: GitHubApp,
    private readonly now: () => number,
    private readonly warn: (line: string) => void,
  ) {
    this.client = new AppClient(app, now, warn);
    this.repositories = new AppRepositories(this.client, now, warn);
  }

  /**
   * The job's state; a cached answer while it is fresh: `freshForMs` for a job said to run or that GitHub could not
   * tell about (a mint wants it recent, the sweep less so), BROKER_JOB_OVER_CACHE_MS for one said to be over.
   */
  state(ask: JobAsk, freshForMs = BROKER_JOB_ALIVE_CACHE_MS): Promise<JobState> {
    return this.cached(ask, freshForMs, () => this.installation(ask.repository));
  }

  /**
   * The state of the job a key's name records (its repository by id, among the App's installations), for the sweep;
   * `unknown` for a name without a job or a repository the App is not installed on.
   */
  async stateOf(run: RunRef, freshForMs = BROKER_SWEEP_JOB_RECHECK_MS): Promise<JobState> {
    const job = run.job;
    if (!job) return 'unknown';
    let found;
    try {
      found = await this.repositories.find(run.repositoryId);
    } catch (error) {
      return this.failed('repositories', "the repositories of the App's installations", error);
    }
    if (!found)
      return this.unknown(
        `repository ${run.repositoryId}`,
        `The GitHub App is not installed on repository ${run.repositoryId}: expiry alone decides for its keys.`,
      );
    const ask = { repository: found.fullName, runId: run.runId, job };
    return this.cached(ask, freshForMs, () => Promise.resolve(found.installationId));
  }

  private cached(ask: JobAsk, freshForMs: number, as: () => Promise<AskAs | undefined>): Promise<JobState> {
    const key = `${ask.repository}#${ask.job}`;
    const cached = this.states.get(key);
    if (cached) {
      const age = this.now() - cached.at;
      if (age < Math.min(freshForMs, BROKER_JOB_OVER_CACHE_MS)) return cached.state;
      if (age < BROKER_JOB_OVER_CACHE_MS)
        return cached.state.then((state) => (state === 'over' ? state : this.fresh(key, ask, as)));
    }
    return this.fresh(key, ask, as);
  }

  private fresh(key: string, ask: JobAsk, as: () => Promise<AskAs | undefined>): Promise<JobState> {
    if (this.states.size >= BROKER_JOB_STATES_MAX) this.prune();
    const state = this.ask(ask, as);
    this.states.set(key, { at: this.now(), state });
    return state;
  }

  private prune(): void {
    for (const [key, { at }] of this.states) if (this.now() - at >= BROKER_JOB_OVER_CACHE_MS) this.states.delete(key);
    for (const [repository, until] of this.blind) if (this.now() >= until) this.blind.delete(repository);
  }

  private async ask({ repository, runId, job }: JobAsk, installation: () => Promise<AskAs | undefined>) {
    if (this.now() < (this.blind.get(repository) ?? 0)) return 'unknown';
    try {
      const as = await installation();
      if (as === undefined) return 'unknown';
      const found = await this.client.get(`/repos/${repository}/actions/jobs/${job}`, as);
      if (found !== undefined) return found['status'] === 'completed' ? 'over' : 'alive';
      // A 404: the job is gone only if these credentials can see its run (else they are blind to the repository).
      if ((await this.client.get(`/repos/${repository}/actions/runs/${runId}`, as)) !== undefined) return 'over';
      this.blind.set(repository, this.now() + BROKER_SWEEP_JOB_RECHECK_MS);
      return this.unknown(
        'blind',
        `GitHub answers 404 for the runs of ${repository} to the App: it cannot tell whether their jobs still run (give it actions: read there).`,
      );
    } catch (error) {
      return this.failed('failed', `whether a job of ${repository} still runs`, error);
    }
  }

  /**
   * The App's installation on the repository's owner; `undefined` (told) where it has none, asked again after
   * BROKER_APP_REPOSITORIES_MAX_AGE_MS (the App may be installed there since); a failure is asked again next time.
   */
  private installation(repository: string): Promise<number | undefined> {
    const [owner = ''] = repository.split('/');
    const known = this.installations.get(owner);
    if (known && this.now() - known.at < BROKER_APP_REPOSITORIES_MAX_AGE_MS) return known.id;
    const id = (async () => {
      const answer = await this.client.get(`/repos/${repository}/installation`, 'app');
      if (answer === undefined) {
        this.unknown('installation', `The GitHub App is not installed on ${owner}: expiry alone decides for its keys.`);
        return undefined;
      }
      return Number(answer['id']);
    })();
    const entry = { at: this.now(), id };
    // An installation stays known; none is asked about again after a while; a failure at once.
    void id.then(
      (found) => found !== undefined && this.installations.get(owner) === entry && (entry.at = Infinity),
      () => this.installations.get(owner) === entry && this.installations.delete(owner),
    );
    this.installations.set(owner, entry);
    return id;
  }

  /** A question GitHub did not answer (a pause is told by the client when it starts). */
  private failed(kind: string, what: string, error: unknown): 'unknown' {
    if (error instanceof GitHubPaused) return 'unknown';
    const reason = error instanceof Error ? error.message : String(error);
    return this.unknown(kind, `GitHub could not say ${what} (${reason}): expiry alone decides until it can.`);
  }

  private unknown(kind: string, line: string): 'unknown' {
    const last = this.told.get(kind);
    if (last === undefined || this.now() - last >= BROKER_GITHUB_TELL_AGAIN_MS) {
      this.told.set(kind, this.now());
      this.warn(line);
    }
    return 'unknown';
  }
}
