// A pull request's preview, through the committed bundles as the runner runs them: the key step, then the preview
// sub-action, on opened, synchronize, synchronize and closed, for Vercel and for Netlify. The variable appears for
// the pull request's branch only, the preview is built again once, both the variable and the key are gone after
// close (the variable by the preview step, then the key by the key step's post), and no step prints a secret. The
// key step has lifetime: pull-request, as the recipes give it.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markdownCode } from '../../src/base/text.js';
import { Job, NODES, ROOT, type StepResult } from '../runner/runner.js';
import { freshWorldPerTest } from '../support/fixture.js';
import { failureLine, findLeaks } from '../support/scan.js';
import { BRANCH, netlifyInputs, pullRequestEvent, vercelInputs } from '../support/preview.js';
import { VercelEmulator, type VercelProject } from '../emulator/vercel.js';
import { NetlifyEmulator, type NetlifySite } from '../emulator/netlify.js';

const PREVIEW_DIR = join(ROOT, 'preview');
/** The key step's inputs for a pull request's key, as the recipes give them. */
const KEY_STEP = { lifetime: 'pull-request' };
/** A re-run ("Re-run failed jobs"): the recipes' replace: ${{ github.run_attempt != '1' }} is true. */
const RE_RUN = { with: { replace: 'true' }, env: { GITHUB_RUN_ATTEMPT: '2' } };

interface Platform {
  name: string;
  start: () => Promise<void>;
  stop: () => Promise<void>;
  inputs: () => Record<string, string>;
  token: () => string;
  /** Our values for `branch` as the platform holds them. */
  valuesFor: (branch: string) => string[];
  /** Every value of the variable, for any branch. */
  allValues: () => number;
  /** Builds this action started. */
  rebuilds: () => number;
  problems: () => string[];
  refuse: (status: number) => void;
  /** The write, or the build, never answered. */
  hang: (what: 'write' | 'build') => void;
}

function vercelPlatform(): Platform {
  let vercel: VercelEmulator;
  let project: VercelProject;
  return {
    name: 'Vercel',
    start: async () => {
      vercel = await new VercelEmulator().start();
      vercel.addTeam('team_shop', 'shop');
      project = vercel.addProject('shop-web', { teamId: 'team_shop' });
      vercel.push(project, BRANCH); // the Git integration's build of the first push
    },
    stop: () => vercel.stop(),
    inputs: () => vercelInputs(vercel, project),
    token: () => vercel.token,
    valuesFor: (branch) => project.envs.filter((e) => e.gitBranch === branch).map((e) => e.value),
    allValues: () => project.envs.length,
    rebuilds: () => project.deployments.filter((d) => d.from).length,
    problems: () => vercel.problems,
    refuse: (status) => vercel.inject({ op: 'create-env', status, times: 8 }),
    hang: (what) => vercel.inject({ op: what === 'write' ? 'create-env' : 'list-deployments', action: 'hang' }),
  };
}

function netlifyPlatform(): Platform {
  let netlify: NetlifyEmulator;
  let site: NetlifySite;
  const values = () => site.env.get('PINECONE_API_KEY')?.values ?? [];
  return {
    name: 'Netlify',
    start: async () => {
      netlify = await new NetlifyEmulator().start();
      site = netlify.addSite();
    },
    stop: () => netlify.stop(),
    inputs: () => netlifyInputs(netlify, site.id),
    token: () => netlify.token,
    valuesFor: (branch) =>
      values()
        .filter((v) => v.context_parameter === branch)
        .map((v) => v.value),
    allValues: () => values().length,
    rebuilds: () => site.builds.length,
    problems: () => netlify.problems,
    refuse: (status) => netlify.inject({ op: 'set-env-value', status, times: 8 }),
    hang: (what) => netlify.inject({ op: what === 'write' ? 'set-env-value' : 'create-build', action: 'hang' }),
  };
}

describe.each(NODES)('preview on $name', ({ path: node }) => {
  const world = freshWorldPerTest();

  describe.each([vercelPlatform(), netlifyPlatform()])('$name', (platform) => {
    beforeEach(() => platform.start());
    afterEach(async () => {
      expect(platform.problems()).toEqual([]);
      await platform.stop();
    });
    const secrets = () => [...world().secrets(), platform.token()];
    const noLeaks = (...steps: StepResult[]) => {
      for (const step of steps)
        expect(findLeaks(step, secrets(), { outputs: ['api-key'], env: ['PINECONE_API_KEY'] })).toEqual([]);
    };

    /** One run of the pull request's workflow: the key step, then the preview step with its outputs, then the key's post. */
    async function pullRequestRun(
      action: string,
      options: Parameters<Job['main']>[0] = {},
      run: { with?: Record<string, string>; env?: Record<string, string> } = {},
      between: () => void = () => {},
    ) {
      const job = new Job({
        node,
        with: { ...world().inputs, ...KEY_STEP, ...run.with },
        env: run.env,
        event: pullRequestEvent(action),
      });
      const key = await job.main();
      expect(key.exitCode, key.log.join('\n')).toBe(0);
      const outputs = key.outputs;
      const step = await job
        .use(
          {
            ...platform.inputs(),
            'api-key': outputs['api-key'] ?? '',
            renewed: outputs['renewed'] ?? '',
            'key-name': outputs['key-name'] ?? '',
            'expires-at': outputs['expires-at'] ?? '',
            'key-skipped': outputs['skipped'] ?? '',
          },
          PREVIEW_DIR,
        )
        .main(options);
      between();
      const post = await job.post();
      expect(post.exitCode, post.log.join('\n')).toBe(0);
      noLeaks(key, step, post);
      return { key, step, post };
    }

    /** The run that closes the pull request: no key; the preview step deletes the variable while the key still
     * exists, then the key step's post deletes the key. */
    async function close() {
      const keys = world().emulator.keysIn().length;
      const { key, step } = await pullRequestRun('closed', {}, {}, () => {
        expect(platform.allValues()).toBe(0);
        expect(world().emulator.keysIn()).toHaveLength(keys); // the key goes after the variable
      });
      expect(key.outputs['closed']).toBe('true');
      expect(key.outputs['api-key']).toBeUndefined();
      return step;
    }

    it('opened → the branch holds the key and its preview is built again once; pushes write nothing; closed → both gone', async () => {
      const opened = await pullRequestRun('opened');
      expect(opened.step.exitCode, opened.step.log.join('\n')).toBe(0);
      const value = opened.key.outputs['api-key']!;
      expect(platform.valuesFor(BRANCH)).toEqual([value]);
      expect(platform.allValues()).toBe(1);
      expect(platform.rebuilds()).toBe(1);
      expect(opened.step.outputs).toMatchObject({ written: 'true', deleted: 'false' });
      expect(opened.step.summary).toContain(markdownCode(opened.key.outputs['key-name']!));

      for (const push of ['synchronize', 'synchronize']) {
        const pushed = await pullRequestRun(push);
        expect(pushed.key.outputs['renewed']).toBe('true');
        expect(pushed.step.exitCode, pushed.step.log.join('\n')).toBe(0);
        expect(pushed.step.outputs).toMatchObject({ written: 'false' });
      }
      expect(platform.valuesFor(BRANCH)).toEqual([value]);
      expect(platform.rebuilds()).toBe(1);
      expect(world().emulator.keysIn()).toHaveLength(1);

      const closed = await close();
      expect(closed.exitCode, closed.log.join('\n')).toBe(0);
      expect(closed.outputs['deleted']).toBe('true');
      expect(platform.allValues()).toBe(0);
      expect(world().emulator.keysIn()).toEqual([]);
    });

    it.each([
      ['refuses the token', 403, /forbids this token|refused the token/],
      ['answers 5xx', 503, /answered HTTP 503 Service Unavailable to every attempt/],
    ])(
      'the platform %s: the step fails in one line, nothing is built, and closing still leaves nothing',
      async (_what, status, line) => {
        platform.refuse(status);
        const { step } = await pullRequestRun('opened');
        expect(step.exitCode).toBe(1);
        expect(failureLine(step)).toMatch(line);
        expect(platform.rebuilds()).toBe(0);
        expect((await close()).exitCode).toBe(0);
        expect(platform.allValues()).toBe(0);
        expect(world().emulator.keysIn()).toEqual([]);
      },
    );

    it('the job is cancelled once the variable is written: the next push finds it, and closing leaves nothing', async () => {
      platform.hang('build');
      const { step } = await pullRequestRun('opened', {
        onLine: (line, child) => void (/^Wrote PINECONE_API_KEY/.test(line) && child.kill('SIGINT')),
      });
      expect(step.failed).toBe(true);
      expect(platform.allValues()).toBe(1);
      const pushed = await pullRequestRun('synchronize');
      expect(pushed.step.exitCode, pushed.step.log.join('\n')).toBe(0);
      expect((await close()).exitCode).toBe(0);
      expect(platform.allValues()).toBe(0);
      expect(world().emulator.keysIn()).toEqual([]);
    });

    it('the job is cancelled after the key is made, before the variable is written: the next push says how to get a new key, a re-run of it writes one, and closing leaves nothing', async () => {
      platform.hang('write');
      const opened = await pullRequestRun('opened', {
        onSpawn: (child) => void setTimeout(() => child.kill('SIGINT'), 1_000),
      });
      expect(opened.step.failed).toBe(true);
      expect(platform.allValues()).toBe(0);
      const pushed = await pullRequestRun('synchronize');
      expect(pushed.step.exitCode).toBe(1);
      expect(failureLine(pushed.step)).toMatch(
        /holds no PINECONE_API_KEY for branch .* was renewed in place.*Re-run this job with the key step's replace: true/,
      );

      const rerun = await pullRequestRun('synchronize', {}, RE_RUN);
      expect(rerun.step.exitCode, rerun.step.log.join('\n')).toBe(0);
      const value = rerun.key.outputs['api-key']!;
      expect(value).toMatch(/^pcsk_/);
      expect(platform.valuesFor(BRANCH)).toEqual([value]);
      expect(platform.rebuilds()).toBe(1);
      expect(world().emulator.keysIn()).toEqual([expect.objectContaining({ value })]); // the unknown one is gone
      expect((await close()).exitCode).toBe(0);
      expect(platform.allValues()).toBe(0);
      expect(world().emulator.keysIn()).toEqual([]);
    });
  });
});
