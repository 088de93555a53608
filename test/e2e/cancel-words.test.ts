// Each step, cancelled by the runner (SIGINT) while a request is in flight, says what follows in its own words:
// only main and use have a post step, so only they may promise one.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Op } from '../emulator/faults.js';
import { Job, NODES, ROOT, type StepResult } from '../runner/runner.js';
import { freshWorldPerTest } from '../support/fixture.js';
import { failureLine } from '../support/scan.js';

const HOUR = 3_600_000;

describe.each(NODES)('cancel words on $name', ({ path: node }) => {
  const world = freshWorldPerTest();
  const credentials = () => {
    const { project: _, 'sweep-expired': __, ...rest } = world().inputs;
    return rest;
  };

  /** Runs `job`'s main step, sending it SIGINT when the first request of `op` arrives (answered 1.5 s late). */
  async function cancelledAt(op: Op, job: Job) {
    world().emulator.inject({ op, action: 'delay', ms: 1500 });
    let pid = 0;
    world().emulator.onRequest = (request) => request.op === op && process.kill(pid, 'SIGINT');
    return job.main({ onSpawn: (child) => (pid = child.pid!) });
  }

  /** Exit 1, the step's own line while it waits and its own failure line, and no word of a post step. */
  function saysInItsOwnWords(step: StepResult, words: { waiting: string; failure: string }) {
    expect(step.exitCode).toBe(1);
    expect(step.log).toContain(
      `Received SIGINT: starting nothing new; waiting up to 5s for the request in flight ${words.waiting}.`,
    );
    expect(failureLine(step)).toBe(words.failure);
    expect(step.log.join('\n')).not.toMatch(/post step/);
  }

  it('a cancelled sweep says the next sweep deletes what is left, and never speaks of a post step', async () => {
    const dead = world().ours('gha-dead', -2 * HOUR);
    const sweep = await cancelledAt(
      'list-keys',
      new Job({ node, actionDir: join(ROOT, 'sweep'), with: world().inputs }),
    );
    saysInItsOwnWords(sweep, {
      waiting: 'to finish (what the sweep deleted so far stays deleted)',
      failure: 'The sweep was cancelled before it was done: what it deleted stays deleted; run it again for the rest.',
    });
    expect(
      world()
        .emulator.keysIn()
        .map((key) => key.id),
    ).toContain(dead.id); // started nothing new
  });

  it('a cancelled revoke says a sweep deletes the shared key if it is left, and never speaks of a post step', async () => {
    const key = new Job({ node, with: { ...world().inputs, share: 'true' }, env: { GITHUB_JOB: 'key' } });
    const main = await key.main();
    expect(main.exitCode, main.log.join('\n')).toBe(0);
    const revoke = await cancelledAt(
      'token',
      new Job({
        node,
        actionDir: join(ROOT, 'revoke'),
        with: { ...credentials(), handoff: main.outputs['handoff']! },
        env: { GITHUB_JOB: 'revoke' },
      }),
    );
    saysInItsOwnWords(revoke, {
      waiting: 'to learn whether the shared key was deleted',
      failure:
        "The revoke step was cancelled before the run's shared key was known to be deleted: run it again, or a sweep deletes the key once it has expired.",
    });
  });
});
