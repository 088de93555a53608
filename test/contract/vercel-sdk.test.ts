// Vercel's official SDK (@vercel/sdk) against the Vercel emulator: the client Vercel publishes sends its requests
// and reads the answers with its own schemas, so an emulator that answered in another shape, or refused what the
// SDK sends, fails here. And what the preview step wrote reads back through the SDK as Vercel would show it.
import { join } from 'node:path';
import { VercelCore } from '@vercel/sdk/core.js';
import { deploymentsCreateDeployment } from '@vercel/sdk/funcs/deploymentsCreateDeployment.js';
import { deploymentsGetDeployments } from '@vercel/sdk/funcs/deploymentsGetDeployments.js';
import { projectsCreateProjectEnv } from '@vercel/sdk/funcs/projectsCreateProjectEnv.js';
import { projectsFilterProjectEnvs } from '@vercel/sdk/funcs/projectsFilterProjectEnvs.js';
import { projectsRemoveProjectEnv } from '@vercel/sdk/funcs/projectsRemoveProjectEnv.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPreview } from '../../src/steps/preview/preview.js';
import { VercelEmulator, type VercelProject } from '../emulator/vercel.js';
import { ROOT } from '../runner/runner.js';
import { BRANCH, eventEnv, newKey, vercelInputs } from '../support/preview.js';
import { inProcess } from '../support/steps.js';

describe('@vercel/sdk against the Vercel emulator', () => {
  let vercel: VercelEmulator;
  let project: VercelProject;
  let sdk: VercelCore;
  beforeEach(async () => {
    vercel = await new VercelEmulator().start();
    vercel.addTeam('team_shop', 'shop');
    project = vercel.addProject('shop-web', { teamId: 'team_shop' });
    sdk = new VercelCore({ bearerToken: vercel.token, serverURL: vercel.url });
  });
  afterEach(async () => {
    expect(vercel.problems).toEqual([]);
    await vercel.stop();
  });

  it('every operation the preview step uses, sent and read by the SDK', async () => {
    const team = { idOrName: 'shop-web', teamId: 'team_shop' };
    const created = await projectsCreateProjectEnv(sdk, {
      ...team,
      upsert: 'true',
      requestBody: { key: 'A', value: 'v', type: 'sensitive', target: ['preview'], gitBranch: BRANCH, comment: 'c' },
    });
    expect(created.ok, JSON.stringify(created.error)).toBe(true);
    const listed = await projectsFilterProjectEnvs(sdk, { ...team, gitBranch: BRANCH });
    expect(listed.ok, JSON.stringify(listed.error)).toBe(true);
    const envs = (listed.value as { envs: Array<{ id: string; key: string }> }).envs;
    expect(envs.map((env) => env.key)).toEqual(['A']);
    const removed = await projectsRemoveProjectEnv(sdk, { ...team, id: envs[0]!.id });
    expect(removed.ok, JSON.stringify(removed.error)).toBe(true);

    const pushed = vercel.push(project, BRANCH);
    const found = await deploymentsGetDeployments(sdk, {
      projectId: 'shop-web',
      branch: BRANCH,
      target: 'preview',
      limit: 1,
      teamId: 'team_shop',
    });
    expect(found.ok, JSON.stringify(found.error)).toBe(true);
    expect(found.value?.deployments.map((d) => d.uid)).toEqual([pushed.uid]);
    const redeployed = await deploymentsCreateDeployment(sdk, {
      teamId: 'team_shop',
      requestBody: { name: 'shop-web', deploymentId: pushed.uid, withLatestCommit: true },
    });
    expect(redeployed.ok, JSON.stringify(redeployed.error)).toBe(true);
    expect(project.deployments.at(-1)!.from).toBe(pushed.uid);
  });

  it("the SDK reads the preview step's variable as Vercel shows a sensitive one: its branch, its marker, never its value", async () => {
    const step = inProcess({
      inputs: { ...vercelInputs(vercel, project), ...newKey('pcsk_sdk_read_back_1') },
      actionDir: join(ROOT, 'preview'),
      env: eventEnv('opened'),
    });
    await runPreview(step.deps);
    step.dispose();
    expect(step.core.failed).toBeUndefined();
    const listed = await projectsFilterProjectEnvs(sdk, {
      idOrName: project.id,
      teamId: 'team_shop',
      gitBranch: BRANCH,
    });
    expect(listed.ok, JSON.stringify(listed.error)).toBe(true);
    const [env] = (listed.value as { envs: Array<Record<string, unknown>> }).envs;
    expect(env).toMatchObject({ key: 'PINECONE_API_KEY', type: 'sensitive', target: ['preview'], gitBranch: BRANCH });
    expect(String(env!['comment'])).toMatch(/^Written by pinecone-ephemeral-key\/preview/);
    expect(JSON.stringify(env)).not.toContain('pcsk_sdk_read_back_1');
  });
});
