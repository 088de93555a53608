// What the preview sub-action's tests share: a pull request event as the runner writes it, the key step's outputs
// for a new and a renewed key, and the inputs that point the sub-action at the Vercel or Netlify emulator.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NetlifyEmulator } from '../emulator/netlify.js';
import type { VercelEmulator, VercelProject } from '../emulator/vercel.js';

export const BRANCH = 'feature/search-v2';
export const PR = 42;

/** A pull_request event file (opened, synchronize, reopened, closed) for the head branch BRANCH. */
export function pullRequestEvent(action: string, branch = BRANCH): { name: string; payload: Record<string, unknown> } {
  return { name: 'pull_request', payload: { action, number: PR, pull_request: { number: PR, head: { ref: branch } } } };
}

/** The event as a file, and the variables the runner sets for it. */
export function eventEnv(action: string, branch = BRANCH): Record<string, string> {
  const event = pullRequestEvent(action, branch);
  const path = join(mkdtempSync(join(tmpdir(), 'event-')), 'event.json');
  writeFileSync(path, JSON.stringify(event.payload));
  return { GITHUB_EVENT_NAME: event.name, GITHUB_EVENT_PATH: path, GITHUB_HEAD_REF: branch };
}

export const newKey = (value: string) => ({
  'api-key': value,
  renewed: 'false',
  'key-name': 'preview-pr-42-j-1900000000-abc123',
  'expires-at': '2030-03-17T08:26:40.000Z',
});
export const renewedKey = { 'api-key': '', renewed: 'true', 'key-name': 'preview-pr-42-j-1900000000-abc123' };

export function vercelInputs(vercel: VercelEmulator, project: VercelProject): Record<string, string> {
  return {
    platform: 'vercel',
    token: vercel.token,
    project: project.name,
    ...(project.teamId ? { 'team-id': project.teamId } : {}),
    'api-url': vercel.url,
  };
}

export function netlifyInputs(netlify: NetlifyEmulator, siteId: string): Record<string, string> {
  return {
    platform: 'netlify',
    token: netlify.token,
    'site-id': siteId,
    'account-id': netlify.account,
    'api-url': netlify.url,
  };
}
