// The sweep sub-action in-process: only this action's keys, only what the filters say, never on a guess.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runSweep } from '../../src/steps/sweep.js';
import { ROOT } from '../runner/runner.js';
import { freshWorldPerTest, type World } from '../support/fixture.js';
import { inProcess, type InProcess } from '../support/steps.js';

const HOUR = 3_600_000;

describe('sweep, in-process', () => {
  const world = freshWorldPerTest();
  let step: InProcess | undefined;
  afterEach(() => step?.dispose());
  const sweep = async (inputs: Record<string, string> = {}) => {
    const { 'sweep-expired': _, ...connection } = world().inputs;
    step = inProcess({ inputs: { ...connection, ...inputs }, actionDir: join(ROOT, 'sweep') });
    await runSweep(step.deps);
    return step;
  };
  const ours: World['ours'] = (...args) => world().ours(...args);

  it('deletes expired keys of this action past the clock grace; keeps live ones, recent ones and every other key', async () => {
    const old = ours('gha-old', -HOUR);
    const recent = ours('gha-recent', -60_000);
    const live = ours('gha-live', HOUR);
    const production = world().emulator.addKey(world().project.id, 'production');
    const { core, summaries } = await sweep();
    expect(core.failed).toBeUndefined();
    expect(core.outputs).toMatchObject({ deleted: '1', 'deleted-ids': JSON.stringify([old.id]), remaining: '2' });
    expect(
      world()
        .emulator.keysIn()
        .map((k) => k.id)
        .sort(),
    ).toEqual([recent.id, live.id, production.id].sort());
    expect(summaries[0]).toContain('| kept | expired less than 5 minutes ago |');
  });

  it('expired-only: false needs a match; match: "*" spells out every key of this action', async () => {
    const live = ours('gha-live', HOUR);
    const production = world().emulator.addKey(world().project.id, 'production');
    const refused = await sweep({ 'expired-only': 'false' });
    expect(refused.core.failed).toBe(
      'Input "match" is empty while expired-only is false: that would delete every live key this action made. Give a pattern such as preview-pr-42-*, or match: \'*\' to mean every key.',
    );
    expect(world().emulator.requests).toEqual([]);
    const all = await sweep({ 'expired-only': 'false', match: '*' });
    expect(all.core.outputs['deleted-ids']).toBe(JSON.stringify([live.id]));
    expect(
      world()
        .emulator.keysIn()
        .map((k) => k.id),
    ).toEqual([production.id]);
  });

  it('matches a glob of many stars against long names without backtracking', async () => {
    for (let i = 0; i < 50; i++) ours(`gha-${'a'.repeat(40)}-${i}`, -HOUR);
    const { core } = await sweep({ match: `${'*a'.repeat(20)}*%`, 'dry-run': 'true' }); // never matches: the worst case
    expect(core.failed).toBeUndefined();
    expect(core.log.at(-1)).toBe('Dry run: nothing deleted; 0 key(s) would go.');
  });

  it('escapes names from the API in the summary: no link, image or HTML renders', async () => {
    // Names have no character rule at Pinecone: anyone with access to the project can make one like this.
    world().emulator.addKey(world().project.id, 'x](https://evil.example)<img src=x>|`-eph-20200101T000000Z-j-aaaaaa');
    const { summaries } = await sweep({ 'dry-run': 'true' });
    expect(summaries[0]).toContain(
      '<code>x](https://evil.example)&lt;img src=x&gt;&#124;`-eph-20200101T000000Z-j-aaaaaa</code>',
    );
    expect(summaries[0]).not.toContain('<img');
  });

  it('skips before reading project or match when credentials are missing', async () => {
    const { core } = await sweep({ 'client-id': '', project: '', 'on-missing-credentials': 'skip' });
    expect(core.failed).toBeUndefined();
    expect(core.outputs).toEqual({ skipped: 'true' });
    expect(world().emulator.requests).toEqual([]);
  });
});
