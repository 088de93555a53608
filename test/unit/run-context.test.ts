import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readRunValues } from '../../src/run-context.js';

const saved = { ...process.env };
function withRun(env: Record<string, string>, payload: object) {
  const path = join(mkdtempSync(join(tmpdir(), 'ctx-')), 'event.json');
  writeFileSync(path, JSON.stringify(payload));
  Object.assign(process.env, { GITHUB_EVENT_PATH: path, ...env });
}

describe('run values from the toolkit context', () => {
  afterEach(() => {
    process.env = { ...saved };
  });

  it('reads a pull request run', () => {
    withRun(
      {
        GITHUB_REPOSITORY: 'octo-org/shop-api',
        GITHUB_WORKFLOW: 'CI',
        GITHUB_JOB: 'test',
        GITHUB_RUN_ID: '99',
        GITHUB_RUN_NUMBER: '3',
        GITHUB_RUN_ATTEMPT: '2',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_REF: 'refs/pull/42/merge',
        GITHUB_SHA: 'abcdef0123456789',
        GITHUB_ACTOR: 'octocat',
      },
      { pull_request: { number: 42 } },
    );
    expect(readRunValues()).toEqual({
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
    });
  });

  it('finds the PR of an issue_comment on a pull request, and none on a push', () => {
    withRun({ GITHUB_REF: 'refs/heads/main' }, { issue: { number: 7, pull_request: {} } });
    expect(readRunValues()).toMatchObject({ pr: '7', ref: 'main' });
    withRun({ GITHUB_REF: 'refs/tags/v1.2.0' }, { issue: { number: 8 } });
    expect(readRunValues()).toMatchObject({ pr: undefined, ref: 'v1.2.0' });
  });

  it('leaves out what the run does not provide', () => {
    process.env = { PATH: saved['PATH'] };
    expect(readRunValues()).toMatchObject({ owner: undefined, repo: undefined, run_id: undefined, pr: undefined });
  });
});
