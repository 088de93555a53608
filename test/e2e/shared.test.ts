// One key for a whole workflow run, end to end with the committed bundles: a key job with share: true, eight
// jobs that use it, a revoke job; re-runs; a cancelled key job; tampered handoffs.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Fault } from '../emulator/faults.js';
import { Job, NODES, ROOT, type StepResult } from '../runner/runner.js';
import { freshWorldPerTest } from '../support/fixture.js';
import { failureLine, findLeaks, maskedBeforeUse } from '../support/scan.js';

const USE = join(ROOT, 'use');
const REVOKE = join(ROOT, 'revoke');
const ALLOWED = { outputs: ['api-key'], env: ['PINECONE_API_KEY'] };

describe.each(NODES)('a shared key on $name', ({ path: node }) => {
  const world = freshWorldPerTest();
  const credentials = () => {
    const { project: _, 'sweep-expired': __, ...rest } = world().inputs;
    return rest;
  };
  const keyJob = (env: Record<string, string> = {}) =>
    new Job({
      node,
      with: { ...world().inputs, roles: 'DataPlaneEditor', share: 'true' },
      env: { GITHUB_JOB: 'key', ...env },
    });
  // The jobs that use the key get the handoff and the handoff secret: no Pinecone credential at all.
  const useJob = (handoff: string, env: Record<string, string> = {}) =>
    new Job({ node, actionDir: USE, with: world().useInputs(handoff), env: { GITHUB_JOB: 'test', ...env } });
  const revokeJob = (handoff: string, env: Record<string, string> = {}) =>
    new Job({ node, actionDir: REVOKE, with: { ...credentials(), handoff }, env: { GITHUB_JOB: 'revoke', ...env } });
  const noLeaks = (steps: StepResult[]) => {
    for (const step of steps) expect(findLeaks(step, world().secrets(), ALLOWED)).toEqual([]);
  };

  it('key → 8 jobs that use it → revoke: one key made, none left, no Pinecone request from the 8', async () => {
    const key = keyJob();
    const main = await key.main();
    expect(main.exitCode, main.log.join('\n')).toBe(0);
    const handoff = main.outputs['handoff']!;
    expect(main.summary).toContain('shared with the workflow run');
    const keep = await key.post();
    expect(keep.log).toEqual([
      expect.stringMatching(/^Keeping API key .*: it was handed to the workflow run \(share: true\)/),
    ]);
    const requestsBefore = world().emulator.requests.length;

    const uses = await Promise.all(Array.from({ length: 8 }, async () => ({ main: await useJob(handoff).main() })));
    expect(world().emulator.requests).toHaveLength(requestsBefore);
    const [key0] = world().emulator.keysIn();
    for (const use of uses) {
      expect(use.main.exitCode, use.main.log.join('\n')).toBe(0);
      expect(use.main.outputs['api-key']).toBe(key0!.value);
      expect(use.main.env['PINECONE_API_KEY']).toBe(key0!.value);
      expect(maskedBeforeUse(use.main.stdout, key0!.value)).toBe(true);
      expect(use.main.summary).toContain(key0!.name);
      // No step of a job that uses the key ever holds the service account's secret, nor has a post step to hold it.
      expect(Object.values(use.main.processEnv).join('\n')).not.toContain(world().inputs['client-secret']!);
      expect(Object.keys(use.main.processEnv).filter((name) => /CLIENT/i.test(name))).toEqual([]);
    }
    expect(() => useJob(handoff).post()).toThrow('action has no post step');

    const revoke = await revokeJob(handoff).main();
    expect(revoke.exitCode, revoke.log.join('\n')).toBe(0);
    expect(revoke.outputs['deleted']).toBe('true');
    expect(revoke.summary).toContain('Deleted');
    expect(world().emulator.issued).toHaveLength(1);
    expect(world().emulator.keysIn()).toEqual([]);
    noLeaks([main, keep, revoke, ...uses.map((u) => u.main)]);
  });

  it('re-run of failed jobs: use hands attempt 2 no key; the opt-in step with credentials makes one, its post deletes it', async () => {
    const main = await keyJob().main();
    const handoff = main.outputs['handoff']!;
    expect((await revokeJob(handoff).main()).outputs['deleted']).toBe('true');

    const attempt2 = { GITHUB_RUN_ATTEMPT: '2' };
    const job = useJob(handoff, attempt2);
    const used = await job.main();
    expect(used.exitCode, used.log.join('\n')).toBe(0);
    expect(used.outputs).toMatchObject({ rerun: 'true' });
    expect(used.outputs['api-key']).toBeUndefined();
    // The opt-in: a step of the main action, if: steps.use.outputs.rerun == 'true', with the credentials.
    const own = job.use({ ...world().inputs, roles: 'DataPlaneEditor' });
    const made = await own.main();
    expect(made.exitCode, made.log.join('\n')).toBe(0);
    expect(made.outputs['key-name']).toMatch(/-j[0-9a-z]+\.[0-9a-z]+\.2-[a-z0-9]{6}-[a-z0-9]{8}$/);
    expect(world().emulator.keysIn()).toHaveLength(1);
    const post = await own.post();
    expect(post.log.at(-1)).toBe(`Deleted API key ${made.outputs['key-name']}.`);
    const revokeAgain = await revokeJob(handoff, attempt2).main();
    expect(revokeAgain.exitCode).toBe(0);
    expect(revokeAgain.outputs['deleted']).toBe('false');
    expect(world().emulator.keysIn()).toEqual([]);
    noLeaks([main, used, made, post, revokeAgain]);
  });

  it('a key job cancelled before it handed the key over leaves no key', async () => {
    world().emulator.inject({ op: 'create-key', action: 'delay', ms: 1500 } satisfies Fault);
    let pid = 0;
    world().emulator.onRequest = (request) => request.op === 'create-key' && process.kill(pid, 'SIGINT');
    const key = keyJob();
    const main = await key.main({ onSpawn: (child) => (pid = child.pid!) });
    expect(main.exitCode).toBe(1);
    expect(main.outputs['handoff']).toBeUndefined();
    const post = await key.post();
    expect(post.exitCode).toBe(0);
    expect(world().emulator.keysIn()).toEqual([]);
  });

  it('refuses tampered handoffs, handoffs of other runs and other secrets, before any request', async () => {
    const main = await keyJob().main();
    const handoff = main.outputs['handoff']!;
    const before = world().emulator.requests.length;
    const parts = handoff.split('.');
    const altered = [...parts.slice(0, 5), `${parts[5]!.slice(0, -2)}${parts[5]!.endsWith('AA') ? 'BB' : 'AA'}`].join(
      '.',
    );
    expect(failureLine(await useJob(altered).main())).toMatch(/^Input "handoff" has been altered/);
    expect(failureLine(await useJob(handoff, { GITHUB_RUN_ID: '1' }).main())).toMatch(
      /^Input "handoff" was made in another workflow run/,
    );
    expect(failureLine(await useJob(handoff.slice(0, 40)).main())).toMatch(/^Input "handoff" is not a handoff/);
    const other = new Job({ node, actionDir: USE, with: { handoff, 'handoff-secret': 'another-handoff-secret-0001' } });
    expect(failureLine(await other.main())).toMatch(/^Input "handoff" was sealed with another handoff secret/);
    expect(world().emulator.requests).toHaveLength(before);
    expect(world().emulator.keysIn()).toHaveLength(1);
    await revokeJob(handoff).main();
  });
});
