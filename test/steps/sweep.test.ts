// The sweep sub-action in-process: only this action's keys, only what the filters say, never on a guess.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeyOwner } from '../../src/rules/names.js';
import { runSweep } from '../../src/steps/sweep/sweep.js';
import { ROOT } from '../runner/runner.js';
import { freshWorldPerTest, type World } from '../support/fixture.js';
import { inProcess, type InProcess } from '../support/steps.js';

const HOUR = 3_600_000;

describe('sweep, in-process', () => {
  const world = freshWorldPerTest({ terminatingMs: 0 });
  let step: InProcess | undefined;
  afterEach(() => step?.dispose());
  const sweep = async (inputs: Record<string, string> = {}) => {
    const { 'sweep-expired': _, ...connection } = world().inputs;
    step = inProcess({ inputs: { ...connection, ...inputs }, actionDir: join(ROOT, 'sweep') });
    await runSweep(step.deps);
    return step;
  };
  const ours: World['ours'] = (...args) => world().ours(...args);
  const JOB: KeyOwner = { kind: 'job', run: undefined };
  const throwaway = (base: string, expiresInMs: number, owner = JOB, secret?: string) =>
    world().throwaway(base, expiresInMs, owner, secret);
  const projectNames = () => [...world().emulator.projects.values()].map((project) => project.name).sort();

  it("empties and deletes expired throwaway projects of this service account; never a look-alike, a live one or another account's", async () => {
    const expired = throwaway('gha-died', -HOUR);
    world().emulator.addIndex(expired.id, 'guarded', { deletionProtection: 'enabled' });
    world().emulator.addBackup(expired.id, 'guarded');
    const live = throwaway('gha-running', HOUR);
    const otherAccount = throwaway('gha-theirs', -HOUR, JOB, 'another-secret');
    // Typed by hand to look like one (a wrong tag), holding an index it protects: never touched.
    const handMade = world().emulator.addProject(`${expired.name.slice(0, -8)}12345678`);
    world().emulator.addIndex(handMade.id, 'precious', { deletionProtection: 'enabled' });
    const dry = await sweep({ 'dry-run': 'true' });
    expect(dry.core.log).toContain(`Would delete project ${expired.name} (${expired.id}): expired.`);
    expect(dry.core.outputs).toMatchObject({ 'deleted-projects': '0', 'remaining-projects': '2' });
    expect(dry.summaries[0]).toContain(`| <code>${expired.name}</code> | <code>${expired.id}</code> |`);
    expect(dry.summaries[0]).toContain('| would delete | expired |');
    expect(projectNames()).toHaveLength(5);

    const { core, summaries } = await sweep();
    expect(core.failed).toBeUndefined();
    expect(core.log).toContain(
      'The organization has 5 project(s): 2 throwaway project(s) this service account made, 3 not (never touched, 2 of them named like throwaway projects but not tagged by this service account). Deleting 1 that have expired.',
    );
    expect(core.outputs).toMatchObject({
      'deleted-projects': '1',
      'deleted-project-ids': JSON.stringify([expired.id]),
      'remaining-projects': '1',
    });
    expect(projectNames()).toEqual(['shop-api-ci', live.name, otherAccount.name, handMade.name].sort());
    expect(world().emulator.contentsOf(handMade.id).indexes.get('precious')?.deletionProtection).toBe('enabled');
    expect(summaries[0]).toContain('#### Throwaway projects');
    expect(summaries[0]).toContain(
      `Named like throwaway projects but not tagged by this service account, so never touched: <code>${otherAccount.name}</code>, <code>${handMade.name}</code>.`,
    );
  });

  it("a refused list of projects costs only the throwaway projects, with one warning: the project's keys are swept", async () => {
    const old = ours('gha-old', -HOUR);
    world().emulator.faults.add({ op: 'list-projects', status: 403, code: 'PERMISSION_DENIED' });
    const { core } = await sweep();
    expect(core.failed).toBeUndefined();
    expect(core.outputs).toMatchObject({ 'deleted-ids': JSON.stringify([old.id]), 'deleted-projects': '0' });
    expect(core.log.filter((line) => line.startsWith('##[warning]'))).toEqual([
      expect.stringMatching(
        /^##\[warning\]Could not list the organization's projects \(.*403.*\): throwaway projects were not swept this time\.$/,
      ),
    ]);
  });

  it('without a project, sweeps only throwaway projects; a match ends a preview project early', async () => {
    const preview = throwaway('preview-pr-42', 24 * HOUR, { kind: 'kept', run: undefined });
    const other = throwaway('preview-pr-43', 24 * HOUR, { kind: 'kept', run: undefined });
    const key = ours('preview-pr-42', 24 * HOUR);
    const { core, summaries } = await sweep({ project: '', match: 'preview-pr-42-*', 'expired-only': 'false' });
    expect(core.failed).toBeUndefined();
    expect(core.outputs).toMatchObject({ 'deleted-project-ids': JSON.stringify([preview.id]), deleted: '0' });
    expect(projectNames()).toEqual(['shop-api-ci', other.name].sort());
    expect(
      world()
        .emulator.keysIn()
        .map((k) => k.id),
    ).toEqual([key.id]);
    expect(world().emulator.requests.map((r) => r.op)).not.toContain('list-keys');
    expect(summaries[0]).not.toContain('| Key |');
  });

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
      'Input "match" is empty while expired-only is false: that would delete every live key and throwaway project this action made. Give a pattern such as preview-pr-42-*, or match: \'*\' to mean every one.',
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
    expect(core.log.at(-1)).toBe('Dry run: nothing deleted; 0 key(s) and 0 project(s) would go.');
  });

  it('escapes names from the API in the summary: no link, image or HTML renders', async () => {
    // Names have no character rule at Pinecone: anyone with access to the project can make one like this.
    world().emulator.addKey(world().project.id, 'x](https://evil.example)<img src=x>|`-eph-20200101T000000Z-j-aaaaaa');
    const { summaries } = await sweep({ 'dry-run': 'true' });
    expect(summaries[0]).toContain(
      // Markdown renders inside <code> too: its characters are entities, so no link can form.
      '<code>x&#93;&#40;https://evil.example&#41;&lt;img src=x&gt;&#124;&#96;-eph-20200101T000000Z-j-aaaaaa</code>',
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
