// Whether a job still runs, asked of GitHub as the operator's GitHub App (GET /repos/{owner}/{repo}/actions/jobs/
// {job_id}, with an installation token of the repository's owner from @octokit/auth-app). As the action's `blind`
// rule (rules/liveness.ts): a 404 proves the job over only when the same credentials see the job's run; a rate
// limit, a missing installation or a failure proves nothing (unknown: nothing is refused or deleted for it), and is
// told once. Answers are cached so that one job's mints cost one look-up at most.
import { createAppAuth } from '@octokit/auth-app';
import { request as octokitRequest } from '@octokit/request';
import { BROKER_JOB_ALIVE_CACHE_MS, BROKER_JOB_OVER_CACHE_MS } from '../../base/policy.js';
import type { GitHubApp } from './app-config.js';

export type JobState = 'over' | 'alive' | 'unknown';

export interface JobAsk {
  /** owner/name. */
  repository: string;
  runId: string;
  /** The job's check_run_id. */
  job: string;
}

export class JobStates {
  private readonly request: typeof octokitRequest;
  private readonly auth: ReturnType<typeof createAppAuth>;
  private readonly installations = new Map<string, Promise<number | undefined>>();
  private readonly states = new Map<string, { at: number; state: Promise<JobState> }>();
  private readonly told = new Set<string>();

  constructor(
    app: GitHubApp,
    private readonly now: () => number,
    private readonly warn: (line: string) => void,
  ) {
    this.request = octokitRequest.defaults({ baseUrl: app.apiUrl });
    this.auth = createAppAuth({ appId: app.appId, privateKey: app.privateKey, request: this.request });
  }

  /** The job's state; a cached answer while it is fresh (alive briefly, over for longer). */
  state(ask: JobAsk): Promise<JobState> {
    const key = `${ask.repository}#${ask.job}`;
    const cached = this.states.get(key);
    if (cached) {
      const age = this.now() - cached.at;
      if (age < BROKER_JOB_ALIVE_CACHE_MS) return cached.state;
      if (age < BROKER_JOB_OVER_CACHE_MS)
        return cached.state.then((state) => (state === 'over' ? state : this.fresh(key, ask)));
    }
    return this.fresh(key, ask);
  }

  private fresh(key: string, ask: JobAsk): Promise<JobState> {
    const state = this.ask(ask);
    this.states.set(key, { at: this.now(), state });
    // Unknown is not kept: the next request asks again.
    void state.then(
      (answer) => answer === 'unknown' && this.states.get(key)?.state === state && this.states.delete(key),
    );
    return state;
  }

  private async ask({ repository, runId, job }: JobAsk): Promise<JobState> {
    const [owner = '', repo = ''] = repository.split('/');
    try {
      const installationId = await this.installation(owner, repo);
      if (installationId === undefined) return 'unknown';
      const { token } = await this.auth({ type: 'installation', installationId });
      const headers = { authorization: `token ${token}` };
      const found = await this.get(`/repos/${owner}/${repo}/actions/jobs/${job}`, headers);
      if (found !== undefined) return found['status'] === 'completed' ? 'over' : 'alive';
      // A 404: the job is gone only if these credentials can see its run (else they are blind to the repository).
      const run = await this.get(`/repos/${owner}/${repo}/actions/runs/${runId}`, headers);
      return run === undefined
        ? this.unknown(
            'blind',
            `GitHub answers 404 for the runs of ${repository} to the App: it cannot tell whether their jobs still run (give it actions: read there).`,
          )
        : 'over';
    } catch (error) {
      return this.unknown(
        'failed',
        `GitHub could not say whether a job of ${repository} still runs (${error instanceof Error ? error.message : String(error)}): expiry alone decides until it can.`,
      );
    }
  }

  /** The App's installation on the repository's owner; `undefined` (told once) where it has none. */
  private installation(owner: string, repo: string): Promise<number | undefined> {
    let found = this.installations.get(owner);
    if (!found) {
      found = (async () => {
        const { token } = await this.auth({ type: 'app' });
        const answer = await this.get(`/repos/${owner}/${repo}/installation`, { authorization: `bearer ${token}` });
        if (answer === undefined) {
          this.unknown(
            'installation',
            `The GitHub App is not installed on ${owner}: expiry alone decides for its keys.`,
          );
          return undefined;
        }
        return Number(answer['id']);
      })();
      found.catch(() => this.installations.delete(owner));
      this.installations.set(owner, found);
    }
    return found;
  }

  /** The JSON of a 200, `undefined` for a 404; anything else throws. */
  private async get(path: string, headers: Record<string, string>): Promise<Record<string, unknown> | undefined> {
    try {
      const answer = await this.request(`GET ${path}`, { headers });
      return answer.data as Record<string, unknown>;
    } catch (error) {
      if ((error as { status?: number }).status === 404) return undefined;
      throw error;
    }
  }

  private unknown(kind: string, line: string): 'unknown' {
    if (!this.told.has(kind)) {
      this.told.add(kind);
      this.warn(line);
    }
    return 'unknown';
  }
}
