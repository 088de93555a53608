import { describe, expect, it } from 'vitest';
import { readRun, readRunContext } from '../../src/inputs/run-context.js';

const EVENT = '/event.json';
const withEvent = (payload: object) => (path: string) => {
  if (path !== EVENT) throw new Error(`ENOENT ${path}`);
  return JSON.stringify(payload);
};

describe("the run's context, read from the runner's variables", () => {
  it('reads a pull request run, and the run that a key name records', () => {
    const env = {
      GITHUB_REPOSITORY: 'octo-org/shop-api',
      GITHUB_REPOSITORY_ID: '829301755',
      GITHUB_WORKFLOW: 'CI',
      GITHUB_JOB: 'test',
      GITHUB_RUN_ID: '99',
      GITHUB_RUN_NUMBER: '3',
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: EVENT,
      GITHUB_REF: 'refs/pull/42/merge',
      GITHUB_SHA: 'abcdef0123456789',
      GITHUB_ACTOR: 'octocat',
    };
    expect(readRunContext(env, withEvent({ pull_request: { number: 42 } }))).toEqual({
      values: {
        owner: 'octo-org',
        repo: 'shop-api',
        workflow: 'CI',
        job: 'test',
        run_id: '99',
        run_number: '3',
        run_attempt: '2',
        event: 'pull_request',
        ref: '42/merge',
        sha: 'abcdef0',
        pr: '42',
        actor: 'octocat',
      },
      run: { repositoryId: '829301755', runId: '99', attempt: 2 },
      closesPullRequest: false,
    });
  });

  it('knows the event that closes (or merges) a pull request', () => {
    const env = { GITHUB_EVENT_PATH: EVENT };
    const closes = (payload: Record<string, unknown>) => readRunContext(env, withEvent(payload)).closesPullRequest;
    expect(closes({ action: 'closed', pull_request: { number: 42, merged: true } })).toBe(true);
    expect(closes({ action: 'closed', pull_request: { number: 42, merged: false } })).toBe(true);
    expect(closes({ action: 'synchronize', pull_request: { number: 42 } })).toBe(false);
    expect(closes({ action: 'closed', issue: { number: 7 } })).toBe(false); // an issue, not a pull request
  });

  it('finds the PR of an issue_comment on a pull request, and none on a push', () => {
    const env = { GITHUB_EVENT_PATH: EVENT };
    expect(
      readRunContext({ ...env, GITHUB_REF: 'refs/heads/main' }, withEvent({ issue: { number: 7, pull_request: {} } }))
        .values,
    ).toMatchObject({ pr: '7', ref: 'main' });
    expect(
      readRunContext({ ...env, GITHUB_REF: 'refs/tags/v1.2.0' }, withEvent({ issue: { number: 8 } })).values,
    ).toMatchObject({
      pr: undefined,
      ref: 'v1.2.0',
    });
  });

  it('leaves out what the run does not provide; a missing or unreadable event file is an empty event', () => {
    const context = readRunContext({ GITHUB_EVENT_PATH: '/nowhere.json', GITHUB_RUN_ID: 'x1' }, withEvent({}));
    expect(context.values).toMatchObject({ owner: undefined, repo: undefined, run_id: undefined, pr: undefined });
    expect(context.run).toBeUndefined();
    expect(readRunContext({ GITHUB_EVENT_PATH: EVENT }, () => '{not json').values.pr).toBeUndefined();
  });

  it('readRun gives the same run from the variables alone, without the event file (use, post, sweep, revoke)', () => {
    const env = {
      GITHUB_REPOSITORY_ID: '829301755',
      GITHUB_RUN_ID: '0099',
      GITHUB_RUN_ATTEMPT: '3',
      GITHUB_EVENT_PATH: EVENT,
    };
    const unreadable = () => {
      throw new Error('the event file was read');
    };
    expect(readRun(env)).toEqual({ repositoryId: '829301755', runId: '99', attempt: 3 });
    expect(readRun(env)).toEqual(readRunContext(env, withEvent({})).run);
    expect(readRun({ ...env, GITHUB_RUN_ATTEMPT: undefined })?.attempt).toBe(1);
    expect(readRun({ ...env, GITHUB_RUN_ID: '12a' })).toBeUndefined();
    expect(readRun({ GITHUB_RUN_ID: '1' })).toBeUndefined();
    expect(() => readRunContext(env, unreadable)).not.toThrow(); // an unreadable event file is an empty one
  });
});
