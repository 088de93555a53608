// The preview sub-action's inputs: the platform and its token, where the key goes there, the key step's outputs,
// and the pull request this run is for (its head branch, and whether it was just closed), from the event file.
import { readFileSync } from 'node:fs';
import { InputError } from '../base/errors.js';
import { bool, choice, envName, text, timeout, url, type GetInput } from './checks.js';
import { readEvent } from './run-context.js';

export type PlatformName = 'vercel' | 'netlify';

const API_URLS: Record<PlatformName, string> = {
  vercel: 'https://api.vercel.com',
  netlify: 'https://api.netlify.com/api/v1',
};

/** The platform's token, or what is missing: fork pull requests get no secrets. */
export function readPlatformCredentials(
  input: GetInput,
  _env: NodeJS.ProcessEnv,
): { token: string; missing: undefined } | { missing: string; onMissing: 'fail' | 'skip' } {
  const onMissing = choice(input, 'on-missing-credentials', ['fail', 'skip']);
  const token = input('token').trim();
  if (token) return { token, missing: undefined };
  const platform = input('platform').trim().toLowerCase();
  return { missing: `token is empty${platform ? ` (${platform})` : ''}`, onMissing };
}

export interface PreviewInputs {
  platform: PlatformName;
  apiUrl: string;
  variable: string;
  /** Vercel: the project's ID or name, and its team (by ID or slug). */
  project: string;
  teamId: string;
  teamSlug: string;
  /** Netlify: the site, and the team's account. */
  siteId: string;
  accountId: string;
  /** The key step's outputs: the value only when it made a key. */
  apiKey: string;
  renewed: boolean;
  keyName: string;
  expiresAt: string;
  keySkipped: boolean;
  redeploy: boolean;
  summary: boolean;
  timeoutMs: number;
  /** The pull request's head branch, its number, and whether this event closed it. */
  branch: string;
  pullRequest: string;
  closing: boolean;
}

export function readPreviewInputs(
  input: GetInput,
  _account: unknown,
  env: NodeJS.ProcessEnv,
  readFile = (path: string) => readFileSync(path, 'utf8'),
): PreviewInputs {
  const platform = choice(input, 'platform', ['vercel', 'netlify']);
  const event = readEvent(env['GITHUB_EVENT_PATH'], readFile);
  const pr = event['pull_request'] as { number?: unknown; head?: { ref?: unknown } } | undefined;
  const headRef = typeof pr?.head?.ref === 'string' ? pr.head.ref : env['GITHUB_HEAD_REF'] || '';
  const branch = text((name) => input(name) || headRef, 'branch');
  if (branch === '')
    throw new InputError(
      'Input "branch" is empty and this run is not for a pull request: run the step on pull_request events, or give the branch whose previews get the key.',
    );
  const need = (name: string, why: string) => {
    const value = text(input, name);
    if (value === '') throw new InputError(`Input "${name}" is required with platform: ${platform}: ${why}.`);
    return value;
  };
  const vercel = platform === 'vercel';
  const netlify = platform === 'netlify';
  return {
    platform,
    apiUrl: input('api-url').trim() ? url(input, 'api-url') : API_URLS[platform],
    variable: envName((name) => input(name) || 'PINECONE_API_KEY', 'variable') || 'PINECONE_API_KEY',
    project: vercel ? need('project', "give the Vercel project's ID (prj_…) or name") : '',
    teamId: vercel ? text(input, 'team-id') : '',
    teamSlug: vercel ? text(input, 'team-slug') : '',
    siteId: netlify ? need('site-id', "give the site's ID (Site configuration → Site details)") : '',
    accountId: netlify ? need('account-id', "give the team's slug or account ID (Team settings)") : '',
    apiKey: input('api-key').trim(),
    renewed: bool((name) => input(name) || 'false', 'renewed'),
    keyName: text(input, 'key-name'),
    expiresAt: text(input, 'expires-at'),
    keySkipped: bool((name) => input(name) || 'false', 'key-skipped'),
    redeploy: bool(input, 'redeploy'),
    summary: bool(input, 'summary'),
    timeoutMs: timeout(input),
    branch,
    pullRequest: typeof pr?.number === 'number' ? String(pr.number) : '',
    closing: event['action'] === 'closed' && pr !== undefined,
  };
}
