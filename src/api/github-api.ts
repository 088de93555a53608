// The one module that knows GitHub's REST API: is the workflow run that made a key over? Asked off the critical
// path, once per run, with one attempt each: a failure never fails the step and never deletes on a guess.
import { parseBody, type Transport } from './transport.js';
import { GITHUB_LOOKUP_TIMEOUT_MS } from '../base/policy.js';

/** `over`: completed, or GitHub no longer knows it. `alive`: queued, in progress, waiting. `unknown`: no answer. */
export type RunState = 'over' | 'alive' | 'unknown';

/** Why GitHub cannot be asked at all in this step: every key is then judged by its expiry, as before. */
export type Unavailable = 'no token' | 'no permission' | 'rate-limited';

export interface GitHubConfig {
  /** GITHUB_API_URL: https://api.github.com, or https://HOST/api/v3 on GHES. */
  apiUrl: string;
  /** GITHUB_REPOSITORY: owner/name. */
  repository: string;
  token: string;
}

export class GitHubApi {
  private stopped: Unavailable | undefined;

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
    const url = `${this.config.apiUrl.replace(/\/+$/, '')}/repos/${this.config.repository}/actions/runs/${encodeURIComponent(runId)}`;
    let status: number;
    let headers: Record<string, string | string[] | undefined>;
    let body: string;
    try {
      ({ status, headers, body } = await this.transport({
        method: 'GET',
        url,
        headers: {
          Authorization: `Bearer ${this.config.token}`,
          Accept: 'application/vnd.github+json',
          'X-GitHub-Api-Version': '2022-11-28',
        },
        timeoutMs: GITHUB_LOOKUP_TIMEOUT_MS,
      }));
    } catch {
      return 'unknown'; // no answer: the run counts as alive this time
    }
    if (status === 200) {
      const run = parseBody({ body });
      if (typeof run?.['status'] !== 'string') return 'unknown';
      return run['status'] === 'completed' ? 'over' : 'alive';
    }
    if (status === 404) return 'over';
    const limited = header(headers, 'x-ratelimit-remaining') === '0' || header(headers, 'retry-after') !== undefined;
    if ((status === 403 || status === 429) && limited) return (this.stopped = 'rate-limited');
    if (status === 401 || status === 403) return (this.stopped = 'no permission');
    return 'unknown';
  }
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
