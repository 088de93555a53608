// What a verified GitHub Actions OIDC token says of the job that asks: the claims a policy matches on, and the run
// a key's name records (rules/names.ts), read as the action reads the runner's variables (inputs/run-context.ts),
// so a key the broker makes is named, swept and judged alive exactly like one the action makes itself.
import type { JWTPayload } from 'jose';
import { readRunContext, type RunContext } from '../../inputs/run-context.js';
import type { Claims } from './policy.js';

/** The claims a rule may match on besides `repository`. */
const MATCHED = [
  'repository_id',
  'repository_owner_id',
  'ref',
  'event_name',
  'environment',
  'job_workflow_ref',
] as const;

export interface Caller {
  claims: Claims;
  /**
   * The run, from `repository_id`, `run_id` and `run_attempt`, and the job from `check_run_id` where GitHub sends it;
   * the job's name (GITHUB_JOB, for the template) is the caller's word.
   */
  context: RunContext;
}

/** The caller a verified token names, or `undefined` when it lacks what a key's name needs (not an Actions token). */
export function callerOf(payload: JWTPayload, serverUrl: string | undefined, job: string): Caller | undefined {
  const text = (name: string) => (typeof payload[name] === 'string' ? payload[name] : undefined);
  const repository = text('repository');
  if (!repository || !text('repository_id') || !text('run_id')) return undefined;
  const claims: Claims = { repository };
  for (const name of MATCHED) {
    const value = text(name);
    if (value !== undefined) claims[name] = value;
  }
  const env: NodeJS.ProcessEnv = {
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_ID: text('repository_id'),
    GITHUB_RUN_ID: text('run_id'),
    GITHUB_RUN_NUMBER: text('run_number'),
    GITHUB_RUN_ATTEMPT: text('run_attempt'),
    GITHUB_WORKFLOW: text('workflow'),
    GITHUB_EVENT_NAME: text('event_name'),
    GITHUB_REF: text('ref'),
    GITHUB_SHA: text('sha'),
    GITHUB_ACTOR: text('actor'),
    GITHUB_JOB: job,
    GITHUB_SERVER_URL: serverUrl,
    GITHUB_EVENT_PATH: 'claims',
  };
  // {pr}: the number in a pull request's ref, as the event file would give it.
  const pr = /^refs\/pull\/(\d+)\//.exec(claims.ref ?? '')?.[1];
  const event = () => JSON.stringify(pr ? { pull_request: { number: Number(pr) } } : {});
  const context = readRunContext(env, event);
  // The job GitHub says asks (`check_run_id`): the broker binds the key to it (names.ts RunRef.job).
  const checkRunId = text('check_run_id');
  if (context.run && checkRunId && /^[1-9]\d{0,15}$/.test(checkRunId)) context.run.job = checkRunId;
  return { claims, context };
}
