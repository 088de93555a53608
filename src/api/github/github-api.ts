// The one module that knows GitHub's REST API: is the workflow run that made a key over, is the pull request a key
// lives for closed? Asked off the critical path, once per run or pull request, with one attempt each: a failure
// never fails the step and never deletes on a guess.
import { parseBody, type Transport } from '../transport.js';
import { GITHUB_LOOKUP_TIMEOUT_MS } from '../../base/policy.js';
import { isGitHubError, rateLimitWaitMs } from './github-errors.js';

/** `over`: completed, or GitHub no longer knows it. `alive`: queued, in progress, waiting. `unknown`: no answer. */
export type RunState = 'over' | 'alive' | 'unknown';

/**
 * Why GitHub cannot be asked at all in this step: every key is then judged by its expiry, as before. `blind`: it
 * answers 404 for runs of this repository but cannot show this step's own run either (a token that cannot see a
 * private repository, a wrong GITHUB_API_URL): its 404s prove nothing.
 */
export type Unavailable = 'no token' | 'no permission' | 'rate-limited' | 'blind';

export interface GitHubConfig {
  /** GITHUB_API_URL: https://api.github.com, or https://HOST/api/v3 on GHES. */
  apiUrl: string;
  /** GITHUB_REPOSITORY: owner/name. */
  repository: string;
  token: string;
  /** GITHUB_RUN_ID of this step's own run: a 404 is believed only where GitHub can show this one. */
  ownRunId: string;
}

export class GitHubApi {
  private stopped: Unavailable | undefined;
  /** Whether this token and URL can see this step's own run: asked once, at the first 404. */
  private seesOwnRun: Promise<boolean> | undefined;

  constructor(
    private readonly config: GitHubConfig,
    private readonly transport: Transport,
  ) {
    if (!config.token) this.stopped = 'no token';
  }

  /** Why asking stopped, if it did: the caller says so once and falls back to expiry. */
  get unavailable(): Unavailable | undefined {
    return this.stopped;
  }

  async runState(runId: string): Promise<RunState | Unavailable> {
    if (this.stopped) return this.stopped;
    const answer = await this.lookUp(`actions/runs/${encodeURIComponent(runId)}`);
    return this.judge(answer, (run) => {
      if (typeof run['status'] !== 'string') return 'unknown';
      return run['status'] === 'completed' ? 'over' : 'alive';
    });
  }

  /** `over`: closed or merged (or unknown to GitHub); `alive`: open; `unknown`: no answer (it counts as open). */
  async pullRequestState(number: string): Promise<RunState | Unavailable> {
    if (this.stopped) return this.stopped;
    const answer = await this.lookUp(`pulls/${encodeURIComponent(number)}`);
    return this.judge(answer, (pull) => {
      if (typeof pull['state'] !== 'string') return 'unknown';
      return pull['state'] === 'closed' ? 'over' : 'alive';
    });
  }

  private async judge(
    answer: { status: number; headers: Headers; body: string } | undefined,
    read: (body: Record<string, unknown>) => RunState,
  ): Promise<RunState | Unavailable> {
    if (!answer) return 'unknown'; // no answer: it counts as alive this time
    const { status, headers, body } = answer;
    if (status === 200) {
      const parsed = parseBody({ body });
      return parsed ? read(parsed) : 'unknown';
    }
    if (status === 404) {
      // GitHub answers 404, not 403, where a token cannot see a repository, and a proxy or a wrong base answers 404
      // in a shape of its own: a run is gone only on GitHub's own error, from a place that can see this step's run.
      if (!isGitHubError(parseBody({ body }))) return 'unknown';
      this.seesOwnRun ??= this.lookUp(`actions/runs/${encodeURIComponent(this.config.ownRunId)}`).then(
        (own) => own?.status === 200,
      );
      if (await this.seesOwnRun) return 'over';
      return (this.stopped = 'blind');
    }
    if (rateLimitWaitMs(status, headers, Date.now()) !== undefined) return (this.stopped = 'rate-limited');
    if (status === 401 || status === 403) return (this.stopped = 'no permission');
    return 'unknown';
  }

  /** `path` under the repository: `actions/runs/{id}`, `pulls/{number}`. */
  private async lookUp(path: string): Promise<{ status: number; headers: Headers; body: string } | undefined> {
    const url = `${this.config.apiUrl.replace(/\/+$/, '')}/repos/${this.config.repository}/${path}`;
    try {
      return await this.transport({
        method: 'GET',
        url,
        headers: {
          Authorization: `Bearer ${this.config.token}`,
          Accept: 'application/vnd.github+json',
          'X-GitHub-Api-Version': '2022-11-28',
        },
        timeoutMs: GITHUB_LOOKUP_TIMEOUT_MS,
      });
    } catch {
      return undefined;
    }
  }
}

type Headers = Record<string, string | string[] | undefined>;
