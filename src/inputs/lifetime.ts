// lifetime: how long the key lives. `job`: as cleanup says (the default). `pull-request`: as long as the pull request
// of the run's event: kept after the job, renewed in place at each push (with replace, made anew and the older ones
// deleted; always so for a throwaway project, which cannot be renamed), deleted when the pull request closes.
import { InputError } from '../base/errors.js';
import { bool, choice, type GetInput } from './checks.js';

export type Lifetime = 'job' | 'pull-request';

/** The events whose key can live as long as their pull request. */
const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];

/** `lifetime`, refused with one line on an event that is not a pull request's. */
export function readLifetime(input: GetInput, env: NodeJS.ProcessEnv): Lifetime {
  const lifetime = choice(input, 'lifetime', ['job', 'pull-request']);
  const event = env['GITHUB_EVENT_NAME'] ?? '';
  if (lifetime === 'pull-request' && !PULL_REQUEST_EVENTS.includes(event))
    throw new InputError(
      `Input "lifetime: pull-request" needs a pull_request event, and this run's is ${event ? `"${event}"` : 'unknown (GITHUB_EVENT_NAME is not set)'}: run the job on: pull_request (types: opened, synchronize, reopened, closed), or set lifetime: job here (a sweep ends the keys of closed pull requests).`,
    );
  return lifetime;
}

/** How a pull request's key is kept: never with its job, renewed or replaced at each push; never shared. */
export function pullRequestKeeping(input: GetInput, share: boolean, newProject: boolean) {
  if (share)
    throw new InputError(
      'Inputs "lifetime: pull-request" and "share: true" cannot go together: a shared key ends with its workflow run. Drop share (each job of the pull request keeps its own key), or set lifetime: job.',
    );
  const replace = bool(input, 'replace') || newProject;
  return { cleanup: false, renew: !replace, replace };
}
