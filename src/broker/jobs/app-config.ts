// The GitHub App that lets the broker ask whether a job still runs (docs/BROKER.md): its id and private key, from
// the broker's environment. Absent, expiry alone decides; a mistake stops the start with one line, as the others.
import { createPrivateKey } from 'node:crypto';
import { ActionError } from '../../base/errors.js';

export interface GitHubApp {
  appId: string;
  /** PEM; never logged. */
  privateKey: string;
  /** GitHub's REST API (GITHUB_API_URL; GHES: https://HOST/api/v3). */
  apiUrl: string;
}

export class AppConfigError extends ActionError {}

export function readGitHubApp(env: NodeJS.ProcessEnv, readFile: (path: string) => string): GitHubApp | undefined {
  const appId = env['GITHUB_APP_ID']?.trim() ?? '';
  const file = env['GITHUB_APP_PRIVATE_KEY_FILE']?.trim() ?? '';
  const inline = env['GITHUB_APP_PRIVATE_KEY'] ?? '';
  if (appId === '' && file === '' && inline.trim() === '') return undefined;
  if (!/^\d+$/.test(appId))
    throw new AppConfigError(
      `GITHUB_APP_ID "${appId}" is not a GitHub App's id: give its number (the App's settings page, "App ID").`,
    );
  if (file === '' && inline.trim() === '')
    throw new AppConfigError(
      'GITHUB_APP_ID is set without a private key: give GITHUB_APP_PRIVATE_KEY_FILE (a .pem path) or GITHUB_APP_PRIVATE_KEY.',
    );
  let privateKey = inline;
  if (file !== '') {
    try {
      privateKey = readFile(file);
    } catch (error) {
      throw new AppConfigError(
        `GITHUB_APP_PRIVATE_KEY_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}).`,
      );
    }
  }
  const from = file !== '' ? `GITHUB_APP_PRIVATE_KEY_FILE (${file})` : 'GITHUB_APP_PRIVATE_KEY';
  if (!privateKey.includes('-----BEGIN ')) throw new AppConfigError(`${from} is not a PEM private key.`);
  try {
    createPrivateKey(privateKey);
  } catch {
    throw new AppConfigError(`${from} is not a PEM private key that Node can read.`);
  }
  return { appId, privateKey, apiUrl: (env['GITHUB_API_URL']?.trim() || 'https://api.github.com').replace(/\/$/, '') };
}
