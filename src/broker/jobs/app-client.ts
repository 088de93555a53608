// GitHub's REST API as the operator's GitHub App (docs/BROKER.md): the App's JWT and its installations' tokens come
// from @octokit/auth-app (which keeps a token until it nears its expiry). Every question is answered within
// BROKER_GITHUB_TIMEOUT_MS. Only GitHub's own 404 (its JSON error) means "not found": a 404 of a proxy, or a token
// GitHub would not give, proves nothing. A rate limit is waited out by whoever met it (the App, or one installation)
// without asking anything: meanwhile its questions fail at once with GitHubPaused, and prove nothing.
import { createAppAuth } from '@octokit/auth-app';
import { request as octokitRequest } from '@octokit/request';
import { isGitHubError, rateLimitWaitMs } from '../../api/github/github-errors.js';
import { BROKER_GITHUB_MAX_PAUSE_MS, BROKER_GITHUB_TIMEOUT_MS } from '../../base/policy.js';
import { shortLine } from '../../base/text.js';
import { within } from '../../base/deadline.js';
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
  private readonly pausedUntil = new Map<AskAs, number>();

  constructor(
    app: GitHubApp,
    private readonly now: () => number,
    /** The operator is told when a pause starts (one line each time). */
    private readonly paused: (line: string) => void,
  ) {
    this.request = octokitRequest.defaults({ baseUrl: app.apiUrl });
    this.auth = createAppAuth({ appId: app.appId, privateKey: app.privateKey, request: this.request });
  }

  /** The JSON of a 200, `undefined` for GitHub's 404; a rate limit pauses who met it; anything else throws. */
  async get(path: string, as: AskAs): Promise<Json | undefined> {
    if (this.now() < (this.pausedUntil.get(as) ?? 0)) throw new GitHubPaused('GitHub asked the App to wait');
    const signal = AbortSignal.timeout(BROKER_GITHUB_TIMEOUT_MS);
    const authorization = await within(signal, this.authorization(as), timedOut);
    try {
      const answer = await within(
        signal,
        this.request(`GET ${path}`, { headers: { authorization }, request: { signal } }),
        timedOut,
      );
      return answer.data as Json;
    } catch (error) {
      const { status, response } = error as { status?: number; response?: { data?: unknown } };
      if (status === 404 && isGitHubError(response?.data)) return undefined;
      this.pauseFor(as, error);
      // eslint-disable-next-line preserve-caught-error -- its request holds the authorization header: words only
      throw new Error(describe(error));
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

  /** The App's JWT, or an installation's token; a failure (whatever its status) proves nothing about a job. */
  private async authorization(as: AskAs): Promise<string> {
    try {
      if (as === 'app') return `bearer ${(await this.auth({ type: 'app' })).token}`;
      return `token ${(await this.auth({ type: 'installation', installationId: as })).token}`;
    } catch (error) {
      this.pauseFor(as, error);
      // eslint-disable-next-line preserve-caught-error -- its request may hold the App's JWT: words only
      throw new Error(`the App got no ${as === 'app' ? 'JWT' : 'installation token'}: ${describe(error)}`);
    }
  }

  /**
   * A limit GitHub announces (github-errors.ts), or a 429, or a 403 that says it is a rate limit, without saying how
   * long (a minute, as GitHub asks).
   */
  private pauseFor(as: AskAs, error: unknown): void {
    const { status, response } = error as { status?: number; response?: { headers?: Record<string, unknown> } };
    let waitMs = rateLimitWaitMs(status, response?.headers ?? {}, this.now());
    if (waitMs === undefined && (status === 429 || (status === 403 && /rate limit/i.test(describe(error)))))
      waitMs = 60_000;
    if (waitMs === undefined) return;
    waitMs = Math.min(Math.max(waitMs, 1_000), BROKER_GITHUB_MAX_PAUSE_MS);
    const until = this.pausedUntil.get(as) ?? 0;
    const already = this.now() < until; // questions sent at once meet the same limit: told once
    this.pausedUntil.set(as, Math.max(until, this.now() + waitMs));
    if (already) return;
    const who = as === 'app' ? 'the App' : `the App's installation ${as}`;
    this.paused(
      `GitHub rate-limits ${who}: the broker asks it nothing for ${Math.ceil(waitMs / 1000)} s; meanwhile expiry alone decides.`,
    );
  }
}

/**
 * An error as one short line: GitHub's status and the start of its words (a proxy's HTML page included), with any
 * credential taken out first: a proxy may echo the request, and the App's JWT mints installation tokens.
 */
function describe(error: unknown): string {
  const status = (error as { status?: number }).status;
  const text = (error instanceof Error ? error.message : String(error))
    .replace(/\b(bearer|token)(\s+)[^\s"'<>,;]+/gi, '$1$2[redacted]')
    .replace(/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[redacted]')
    .replace(/\bgh[opsu]_\w+/g, '[redacted]');
  return status ? `HTTP ${status}: ${shortLine(text)}` : shortLine(text);
}

/** What a question to GitHub fails with past BROKER_GITHUB_TIMEOUT_MS (the auth's own requests take no signal). */
const timedOut = () => new Error(`GitHub did not answer within ${BROKER_GITHUB_TIMEOUT_MS / 1000} s`);
