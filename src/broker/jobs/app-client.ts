// GitHub's REST API as the operator's GitHub App (docs/BROKER.md): the App's JWT and its installations' tokens come
// from @octokit/auth-app (which keeps a token until it nears its expiry). Every question is answered within
// BROKER_GITHUB_TIMEOUT_MS, and a rate limit GitHub announces is waited out without asking anything: meanwhile each
// question fails at once with GitHubPaused, and proves nothing.
import { createAppAuth } from '@octokit/auth-app';
import { request as octokitRequest } from '@octokit/request';
import { BROKER_GITHUB_MAX_PAUSE_MS, BROKER_GITHUB_TIMEOUT_MS } from '../../base/policy.js';
import type { GitHubApp } from './app-config.js';

/** GitHub was not asked: it announced a rate limit that has not reset yet. */
export class GitHubPaused extends Error {}

/** Who asks: the App itself (its JWT), or one of its installations (by id). */
export type AskAs = 'app' | number;

type Json = Record<string, unknown>;
const PER_PAGE = 100;
/** 50 pages of 100: an App installed on more than 5,000 repositories is read in part (and says so). */
const MAX_PAGES = 50;

export class AppClient {
  private readonly request: typeof octokitRequest;
  private readonly auth: ReturnType<typeof createAppAuth>;
  private pausedUntil = 0;

  constructor(
    app: GitHubApp,
    private readonly now: () => number,
    /** The operator is told when a pause starts (one line each time). */
    private readonly paused: (line: string) => void,
  ) {
    this.request = octokitRequest.defaults({ baseUrl: app.apiUrl });
    this.auth = createAppAuth({ appId: app.appId, privateKey: app.privateKey, request: this.request });
  }

  /** The JSON of a 200, `undefined` for a 404; a rate limit pauses every question, anything else throws. */
  async get(path: string, as: AskAs): Promise<Json | undefined> {
    if (this.now() < this.pausedUntil) throw new GitHubPaused('GitHub asked the App to wait (rate limit)');
    const signal = AbortSignal.timeout(BROKER_GITHUB_TIMEOUT_MS);
    try {
      return await within(signal, this.send(path, as, signal));
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 404) return undefined;
      this.pauseFor(error);
      throw error;
    }
  }

  /** Every item of a paginated list (`pick` reads a page's items). */
  async all<T>(path: string, as: AskAs, pick: (page: Json) => T[]): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const answer = await this.get(`${path}?per_page=${PER_PAGE}&page=${page}`, as);
      const found = answer === undefined ? [] : pick(answer);
      items.push(...found);
      if (found.length < PER_PAGE) return items;
    }
    this.paused(`GitHub lists more than ${MAX_PAGES * PER_PAGE} items at ${path}: the broker read the first of them.`);
    return items;
  }

  private async send(path: string, as: AskAs, signal: AbortSignal): Promise<Json> {
    const authorization =
      as === 'app'
        ? `bearer ${(await this.auth({ type: 'app' })).token}`
        : `token ${(await this.auth({ type: 'installation', installationId: as })).token}`;
    const answer = await this.request(`GET ${path}`, { headers: { authorization }, request: { signal } });
    return answer.data as Json;
  }

  /** A primary limit (remaining 0, until its reset), a secondary one (retry-after), or a bare 429 (a minute). */
  private pauseFor(error: unknown): void {
    const { status, response } = error as { status?: number; response?: { headers?: Record<string, unknown> } };
    if (status !== 403 && status !== 429) return;
    const headers = response?.headers ?? {};
    const reset = Number(headers['x-ratelimit-reset']) * 1000;
    const retryAfter = Number(headers['retry-after']) * 1000;
    let waitMs: number | undefined;
    if (headers['x-ratelimit-remaining'] === '0' && reset > 0) waitMs = reset - this.now();
    else if (retryAfter > 0) waitMs = retryAfter;
    else if (status === 429) waitMs = 60_000;
    if (waitMs === undefined) return;
    waitMs = Math.min(Math.max(waitMs, 1_000), BROKER_GITHUB_MAX_PAUSE_MS);
    const already = this.now() < this.pausedUntil; // questions sent at once meet the same limit: told once
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + waitMs);
    if (already) return;
    this.paused(
      `GitHub rate-limits the App: the broker asks it nothing for ${Math.ceil(waitMs / 1000)} s; meanwhile expiry alone decides.`,
    );
  }
}

/** The promise, or a rejection once the signal aborts (the auth's own requests take no signal). */
function within<T>(signal: AbortSignal, promise: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(new Error(`GitHub did not answer within ${BROKER_GITHUB_TIMEOUT_MS / 1000} s`));
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
