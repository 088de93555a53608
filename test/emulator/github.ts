// GitHub's REST API for workflow runs, as the action asks it whether the run that made a key is over:
// `GET {base}/repos/{owner}/{repo}/actions/runs/{run_id}`, with the job's token; and for pull requests, as it asks
// whether the one a key lives for is closed: `GET {base}/repos/{owner}/{repo}/pulls/{number}` (open, closed,
// merged: closed too; unknown: 404). Runs in every status, re-run
// attempts, deleted runs (404), a token without `actions: read` (403), rate limits (403 or 429 with
// x-ratelimit-remaining: 0, or a secondary limit with retry-after), server errors, and a GHES-style base path.
// With `app` set, the endpoints of a GitHub App (github-app.ts) answer too, and its installation tokens are taken.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RUN_ENV } from '../runner/runner.js';
import { AppRoutes, type GitHubAppOptions } from './github-app.js';

export type RunStatus = 'queued' | 'in_progress' | 'waiting' | 'requested' | 'pending' | 'completed';

export interface GitHubOptions {
  /** `/api/v3` as on GitHub Enterprise Server; `` as on github.com. */
  basePath?: string;
  token?: string;
  /**
   * What every request answers instead: no permission, a primary or secondary rate limit, a server error; `blind`:
   * GitHub's own 404 for every run, the asking step's too (a token that cannot see a private repository);
   * `proxy-404`: a 404 page of something else (a proxy, a wrong GITHUB_API_URL); `proxy-echo`: a proxy's 502 page
   * that repeats the request's headers, credentials included.
   */
  mode?:
    'ok' | 'forbidden' | 'rate-limited' | 'secondary-limit' | 'error' | 'hang' | 'blind' | 'proxy-404' | 'proxy-echo';
  /** Added to every answer, for benchmarks. */
  latencyMs?: number;
  /** Job look-ups (only they) never answer. */
  hangJobs?: boolean;
}

export type PullState = 'open' | 'closed' | 'merged';

export class GitHubEmulator {
  readonly runs = new Map<string, { status: RunStatus; attempt: number }>();
  readonly pulls = new Map<string, PullState>();
  /** Jobs by check_run_id. */
  readonly jobs = new Map<string, RunStatus>();
  /** The App these answers stand for (its endpoints below); none: GitHub answers 401 to App JWTs. */
  app: GitHubAppOptions | undefined;
  /** The repository's numeric id (the App lists it under its owner's installation). */
  readonly repositoryId = Number(RUN_ENV.GITHUB_REPOSITORY_ID);
  private appRoutes: AppRoutes | undefined;
  readonly requests: Array<{ path: string; authorization: string | undefined }> = [];
  private server: Server | undefined;
  url = '';

  constructor(
    readonly repository: string,
    readonly options: GitHubOptions = {},
  ) {
    this.run(RUN_ENV.GITHUB_RUN_ID, 'in_progress'); // the run of the steps that ask
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      if (this.options.latencyMs) setTimeout(() => this.handle(req, res), this.options.latencyMs);
      else this.handle(req, res);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${this.options.basePath ?? ''}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  run(id: string, status: RunStatus, attempt = 1): void {
    this.runs.set(id, { status, attempt });
  }

  pull(number: string, state: PullState): void {
    this.pulls.set(number, state);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    this.requests.push({ path, authorization: req.headers.authorization });
    const json = (status: number, body: unknown, headers: Record<string, string> = {}): void =>
      void res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
    const mode = this.options.mode ?? 'ok';
    if (mode === 'hang') return;
    const base = this.options.basePath ?? '';
    if (this.app) {
      const routes = (this.appRoutes ??= new AppRoutes(
        () => this.app,
        { fullName: this.repository, id: this.repositoryId },
        base,
      ));
      const url = new URL(req.url ?? '/', 'http://x');
      void routes.answer(req, url).then((answer) => {
        if (answer) return json(answer.status, answer.body, answer.headers);
        this.answerRest(req, res, path, routes.installationOf(req) !== undefined);
      });
      return;
    }
    this.answerRest(req, res, path, false);
  }

  private answerRest(req: IncomingMessage, res: ServerResponse, path: string, byApp: boolean): void {
    const json = (status: number, body: unknown, headers: Record<string, string> = {}): void =>
      void res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
    const mode = this.options.mode ?? 'ok';
    const base = this.options.basePath ?? '';
    if (!byApp && req.headers.authorization !== `Bearer ${this.options.token ?? 'ghs_test'}`)
      return json(401, { message: 'Bad credentials' });
    if (mode === 'forbidden')
      return json(403, { message: 'Resource not accessible by integration' }, { 'x-ratelimit-remaining': '4999' });
    if (mode === 'rate-limited')
      return json(
        403,
        { message: 'API rate limit exceeded' },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '9999999999' },
      );
    if (mode === 'secondary-limit')
      return json(429, { message: 'You have exceeded a secondary rate limit' }, { 'retry-after': '60' });
    if (mode === 'error') return json(502, { message: 'Server Error' });
    if (mode === 'blind') return json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    if (mode === 'proxy-echo')
      return void res
        .writeHead(502, { 'Content-Type': 'text/html' })
        .end(`<html><body>Bad gateway. Authorization: ${req.headers.authorization ?? ''}</body></html>`);
    if (mode === 'proxy-404')
      return void res.writeHead(404, { 'Content-Type': 'text/html' }).end('<html><body>404 Not Found</body></html>');
    const jobMatch = new RegExp(`^${base}/repos/([^/]+/[^/]+)/actions/jobs/(\\d+)$`).exec(path);
    if (jobMatch && this.options.hangJobs) return;
    if (jobMatch) {
      const job = jobMatch[1] === this.repository ? this.jobs.get(jobMatch[2]!) : undefined;
      if (!job) return json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
      return json(200, { id: Number(jobMatch[2]), status: job, conclusion: job === 'completed' ? 'success' : null });
    }
    const pullMatch = new RegExp(`^${base}/repos/([^/]+/[^/]+)/pulls/(\\d+)$`).exec(path);
    if (pullMatch) {
      const pull = pullMatch[1] === this.repository ? this.pulls.get(pullMatch[2]!) : undefined;
      if (!pull) return json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
      const merged = pull === 'merged';
      return json(200, {
        number: Number(pullMatch[2]),
        state: pull === 'open' ? 'open' : 'closed',
        merged,
        merged_at: merged ? '2026-12-01T00:00:00Z' : null,
      });
    }
    const match = new RegExp(`^${base}/repos/([^/]+/[^/]+)/actions/runs/(\\d+)$`).exec(path);
    const run = match && match[1] === this.repository ? this.runs.get(match[2]!) : undefined;
    if (!run) return json(404, { message: 'Not Found' });
    json(200, {
      id: Number(match![2]),
      status: run.status,
      run_attempt: run.attempt,
      conclusion: run.status === 'completed' ? 'success' : null,
    });
  }
}
