// The preview sub-action on Vercel, in-process against the Vercel emulator (every request checked with
// @vercel/sdk's schemas): a new key becomes a sensitive preview variable of the pull request's branch and its
// preview is redeployed once; a renewed key writes nothing; closing deletes only the value this action wrote; every
// refusal is one line that says what to fix.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../runner/runner.js';
import { runPreview } from '../../src/steps/preview/preview.js';
import { VercelEmulator, type VercelProject } from '../emulator/vercel.js';
import { inProcess, type InProcess } from '../support/steps.js';
import { BRANCH, eventEnv, newKey, renewedKey, vercelInputs } from '../support/preview.js';

const VALUE = 'pcsk_preview_Ab12Cd34Ef56Gh78';

describe('preview on Vercel, in-process', () => {
  let vercel: VercelEmulator;
  let project: VercelProject;
  const steps: InProcess[] = [];
  beforeEach(async () => {
    vercel = await new VercelEmulator().start();
    vercel.addTeam('team_shop', 'shop');
    project = vercel.addProject('shop-web', { teamId: 'team_shop' });
  });
  afterEach(async () => {
    steps.forEach((step) => step.dispose());
    expect(vercel.problems).toEqual([]);
    await vercel.stop();
  });
  const run = async (action: string, inputs: Record<string, string>) => {
    const step = inProcess({
      inputs: { ...vercelInputs(vercel, project), ...inputs },
      actionDir: join(ROOT, 'preview'),
      env: eventEnv(action),
    });
    steps.push(step);
    await runPreview(step.deps);
    expect(step.core.log.join('\n')).not.toContain(VALUE);
    expect(step.core.log.join('\n')).not.toContain(vercel.token);
    expect(step.summaries.join('\n')).not.toContain(VALUE);
    expect(step.core.masked).toContain(inputs['token'] ?? vercel.token);
    return step;
  };

  it('a new key: a sensitive preview variable of the branch, then the branch redeployed once, whose build reads it', async () => {
    const pushed = vercel.push(project, BRANCH);
    vercel.push(project, 'main');
    const step = await run('opened', newKey(VALUE));
    expect(step.core.failed).toBeUndefined();
    expect(step.core.masked).toContain(VALUE);
    expect(vercel.ops()).toEqual(['create-env', 'list-deployments', 'create-deployment']);
    expect(vercel.requests[0]!.query).toEqual({ upsert: 'true', teamId: 'team_shop' });
    expect(project.envs).toEqual([
      expect.objectContaining({
        key: 'PINECONE_API_KEY',
        value: VALUE,
        type: 'sensitive',
        target: ['preview'],
        gitBranch: BRANCH,
      }),
    ]);
    expect(project.envs[0]!.comment).toMatch(
      /^Written by pinecone-ephemeral-key\/preview for branch feature\/search-v2 \(pull request #42\)/,
    );
    const redeployed = project.deployments.at(-1)!;
    expect(redeployed).toMatchObject({ from: pushed.uid, branch: BRANCH, env: { PINECONE_API_KEY: VALUE } });
    expect(step.core.outputs).toEqual({ written: 'true', deleted: 'false', 'redeploy-id': redeployed.uid });
    expect(step.summaries.join('\n')).toContain('preview-pr-42-j-1900000000-abc123');
    expect(step.summaries.join('\n')).toContain('2030-03-17T08:26:40.000Z');
  });

  it('a renewed key keeps its value: nothing is written and nothing redeployed', async () => {
    vercel.push(project, BRANCH);
    await run('opened', newKey(VALUE));
    const before = vercel.requests.length;
    const step = await run('synchronize', renewedKey);
    expect(step.core.failed).toBeUndefined();
    expect(vercel.ops().slice(before)).toEqual(['list-envs']);
    expect(project.deployments).toHaveLength(2);
    expect(step.core.outputs).toEqual({ written: 'false', deleted: 'false' });
  });

  it('a renewed key whose variable is missing fails in one line that says how to get a new key', async () => {
    const step = await run('synchronize', renewedKey);
    expect(step.core.failed).toMatch(
      /holds no PINECONE_API_KEY for branch feature\/search-v2, and the key .* was renewed in place.*Re-run this job with the key step's replace: true.*or close and reopen the pull request/,
    );
  });

  it('closed: deletes only the value it wrote for that branch, never one of the same name it did not write', async () => {
    vercel.push(project, BRANCH);
    await run('opened', newKey(VALUE));
    const theirs = [
      { key: 'PINECONE_API_KEY', value: 'shared', type: 'encrypted', target: ['preview'] },
      {
        key: 'PINECONE_API_KEY',
        value: 'other',
        type: 'encrypted',
        target: ['preview'],
        gitBranch: 'other-branch',
        comment: 'Written by pinecone-ephemeral-key/preview for branch other-branch',
      },
      {
        key: 'PINECONE_API_KEY',
        value: 'by hand',
        type: 'encrypted',
        target: ['preview', 'development'],
        gitBranch: BRANCH,
        comment: 'Written by pinecone-ephemeral-key/preview',
      },
    ].map((env, i) => ({ id: `theirs${i}`, ...env }));
    project.envs.push(...theirs);
    const step = await run('closed', {});
    expect(step.core.failed).toBeUndefined();
    expect(step.core.outputs['deleted']).toBe('true');
    expect(project.envs).toEqual(theirs);
    expect(project.deployments).toHaveLength(2);
    const again = await run('closed', {});
    expect(again.core.outputs['deleted']).toBe('false');
    expect(again.core.log).toContain(
      `No value of PINECONE_API_KEY for branch ${BRANCH} that this action wrote on Vercel project shop-web (team team_shop): nothing to delete.`,
    );
  });

  it("no deployment of the branch yet: the variable is written, and the push's own build reads it", async () => {
    const step = await run('opened', newKey(VALUE));
    expect(step.core.failed).toBeUndefined();
    expect(step.core.outputs['redeploy-id']).toBe('');
    expect(step.core.log).toContain(
      `No deployment of branch ${BRANCH} yet: the platform's own build of this push reads PINECONE_API_KEY.`,
    );
    expect(vercel.push(project, BRANCH).env).toEqual({ PINECONE_API_KEY: VALUE });
  });

  it('a team that refuses sensitive values gets an encrypted one', async () => {
    project.refusesSensitive = true;
    const step = await run('opened', newKey(VALUE));
    expect(step.core.failed).toBeUndefined();
    expect(project.envs[0]).toMatchObject({ type: 'encrypted', value: VALUE });
    expect(step.core.log).toContain(
      `Wrote PINECONE_API_KEY (encrypted) for branch ${BRANCH}'s previews on Vercel project shop-web (team team_shop).`,
    );
  });

  it.each([
    [
      'an invalid token',
      { token: 'vercel_wrong' },
      () => undefined,
      /^Vercel refused the token to write PINECONE_API_KEY .*: give a valid Vercel access token as input token\.$/,
    ],
    [
      'a project it does not know',
      { project: 'shop-wbe' },
      () => undefined,
      /^Vercel knows no Vercel project shop-wbe \(team team_shop\) \(HTTP 404 Not Found not_found: Project not found\): check input project\.$/,
    ],
    [
      'a team project without the team',
      { 'team-id': '' },
      () => undefined,
      /knows no Vercel project shop-web \(.*\): check input project\. If the project belongs to a team, set team-id \(or team-slug\)\.$/,
    ],
    [
      'a token not scoped to the team',
      {},
      (v: VercelEmulator) => void (v.tokenTeams = new Set()),
      /^Vercel forbids this token to write PINECONE_API_KEY for branch feature\/search-v2 in Vercel project shop-web \(team team_shop\) \(HTTP 403 Forbidden forbidden: .*\): give a token whose scope includes the team that owns the project\.$/,
    ],
    [
      'the limit of variables',
      {},
      (_v: VercelEmulator, p: VercelProject) => void (p.envLimit = 0),
      /^Vercel refused to write PINECONE_API_KEY for branch feature\/search-v2: the project is at its limit of environment variables .* Delete branch variables of closed pull requests/,
    ],
    [
      'a 5xx on every attempt',
      {},
      (v: VercelEmulator) => v.inject({ op: 'create-env', status: 503, times: 5 }),
      /^Vercel answered HTTP 503 Service Unavailable to every attempt to write PINECONE_API_KEY .*try again later/,
    ],
  ])('%s: one line that says what to fix', async (_name, inputs, arrange, line) => {
    arrange(vercel, project);
    const step = await run('opened', { ...newKey(VALUE), ...inputs });
    expect(step.core.failed).toMatch(line);
    expect(project.deployments).toEqual([]);
  });

  it('a team given by its slug', async () => {
    const step = await run('opened', { ...newKey(VALUE), 'team-id': '', 'team-slug': 'shop' });
    expect(step.core.failed).toBeUndefined();
    expect(vercel.requests[0]!.query).toEqual({ upsert: 'true', slug: 'shop' });
  });
});

describe('preview inputs, in-process', () => {
  const run = async (inputs: Record<string, string>, action = 'opened') => {
    const step = inProcess({
      inputs: {
        platform: 'vercel',
        token: 'vercel_token_x',
        project: 'shop-web',
        'api-url': 'http://127.0.0.1:9',
        ...inputs,
      },
      actionDir: join(ROOT, 'preview'),
      env: action ? eventEnv(action) : {},
    });
    await runPreview(step.deps);
    step.dispose();
    return step.core;
  };

  it.each([
    [
      { project: '' },
      'opened',
      `Input "project" is required with platform: vercel: give the Vercel project's ID (prj_…) or name.`,
    ],
    [
      { platform: 'netlify', 'site-id': 'x' },
      'opened',
      `Input "account-id" is required with platform: netlify: give the team's slug or account ID (Team settings).`,
    ],
    [{ platform: 'render' }, 'opened', 'Input "platform" must be vercel or netlify; got "render".'],
    [
      { ...newKey(VALUE), 'api-url': 'http://vercel.example' },
      'opened',
      'Input "api-url" must use https:// (http:// only for localhost, 127.0.0.1 or [::1]); got "http://vercel.example".',
    ],
    [
      { 'api-key': '' },
      'opened',
      `Input "api-key" is empty and "renewed" is not true: pass the key step's outputs (api-key: \${{ steps.key.outputs.api-key }}, renewed: \${{ steps.key.outputs.renewed }}).`,
    ],
    [
      { token: '' },
      'opened',
      'Missing platform token: token is empty (vercel). Pass a Vercel or Netlify access token, from a secret, as input token; for pull requests from forks, which get no secrets, set on-missing-credentials: skip.',
    ],
    [
      newKey(VALUE),
      '',
      'Input "branch" is empty and this run is not for a pull request: run the step on pull_request events, or give the branch whose previews get the key.',
    ],
  ])('%j on %s: one line that says what to fix, before any request', async (inputs, action, line) => {
    const core = await run(inputs, action);
    expect(core.failed).toBe(line);
  });

  it('skips with a notice when the token or the key step was skipped (fork pull requests)', async () => {
    const noToken = await run({ token: '', 'on-missing-credentials': 'skip' });
    expect(noToken.failed).toBeUndefined();
    expect(noToken.outputs['skipped']).toBe('true');
    const noKey = await run({ 'key-skipped': 'true' });
    expect(noKey.failed).toBeUndefined();
    expect(noKey.outputs).toMatchObject({ skipped: 'true', written: 'false' });
  });
});
