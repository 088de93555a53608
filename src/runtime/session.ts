// An Admin API session inside a step's time budget (the requester with its retries, the server's clock, the early
// connections of the transport), a project's control plane, and GitHub. Kept apart from step.ts so that a step that may
// make no request (use) loads none of it unless it has to.
import { AdminApi, type Connection } from '../api/pinecone/admin-api.js';
import { ServerClock } from '../api/pinecone/clock.js';
import { GitHubApi } from '../api/github/github-api.js';
import { createRequester } from '../api/requester.js';
import { pastSupport } from '../api/pinecone/versions.js';
import type { HttpResponse } from '../api/transport.js';
import type { Secrets } from '../base/secrets.js';
import { url } from '../inputs/checks.js';
import { formatDuration } from '../inputs/durations.js';
import type { Core, StepDeps } from './step.js';

/** Pinecone's Admin API for one step; one warning first when its api-version is past Pinecone's support window. */
export function openApi(
  deps: StepDeps,
  core: Core,
  connection: Connection,
  budgetMs: number,
  secrets: Secrets,
): AdminApi {
  const late = pastSupport(connection.apiVersion, deps.now());
  if (late) core.warning(late);
  const clock = new ServerClock(deps.now);
  const requester = openRequester(deps, core, budgetMs, (response) => clock.observe(response.headers));
  return new AdminApi(connection, requester, secrets, deps.now, clock, deps.preconnect);
}

/** A requester inside `budgetMs` from now (`onAnswer`: sees every answer, e.g. for the server's clock). */
export function openRequester(
  deps: StepDeps,
  core: Core,
  budgetMs: number,
  onAnswer?: (response: HttpResponse) => void,
) {
  return createRequester({
    transport: deps.transport,
    now: deps.now,
    sleep: deps.sleep,
    random: deps.random,
    debug: core.debug,
    signal: deps.signal,
    deadline: deps.now() + budgetMs,
    budget: `timeout: ${formatDuration(budgetMs)}`,
    ...(onAnswer ? { onAnswer } : {}),
  });
}

/**
 * GitHub's REST API for this step, with the job's token (masked), at GITHUB_API_URL (GHES included); `undefined`
 * outside a workflow run. The URL must be https (http only on loopback, for tests) like every other URL.
 */
export function openGitHub(deps: StepDeps, token: string, secrets: Secrets): GitHubApi | undefined {
  const apiUrl = deps.env['GITHUB_API_URL'] || 'https://api.github.com';
  const repository = deps.env['GITHUB_REPOSITORY'] ?? '';
  if (!/^[\w.-]+\/[\w.-]+$/.test(repository)) return undefined;
  try {
    url(() => apiUrl, 'GITHUB_API_URL');
  } catch {
    return undefined;
  }
  const ownRunId = deps.env['GITHUB_RUN_ID'] ?? '';
  return new GitHubApi({ apiUrl, repository, token: secrets.add(token), ownRunId }, deps.transport);
}
