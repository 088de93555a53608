// Throwaway projects through the committed bundles, as the runner runs them, against the emulator: the job's
// project is made, used and deleted with everything in it, however main ends; the sweep deletes expired ones and
// never a project it cannot prove this service account made.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProjectName } from '../../src/rules/names.js';
import { nameTagFor } from '../../src/crypto/name-tag.js';
import { Job, NODES, ROOT } from '../runner/runner.js';
import { CLIENT_SECRET, freshWorldPerTest } from '../support/fixture.js';
import { journalOf } from '../support/journal.js';
import { findLeaks } from '../support/scan.js';

const HOUR = 3_600_000;
const tag = nameTagFor(CLIENT_SECRET);

describe.each(NODES)('throwaway projects on $name', ({ path: node }) => {
  const world = freshWorldPerTest({ terminatingMs: 300 });
  const inputs = () => ({ ...world().inputs, project: '', 'new-project': 'true', roles: 'ProjectEditor' });
  const projectIds = () => [...world().emulator.projects.keys()];

  it('main makes the project and a key that works in it; post deletes what the job made there, and the project', async () => {
    const job = new Job({ node, with: inputs() });
    const main = await job.main();
    expect(main.exitCode, main.log.join('\n')).toBe(0);
    const projectId = main.outputs['project-id']!;
    expect(parseProjectName(main.outputs['project-name'], tag)?.base).toBe('gha-shop-api-16021984-1-test');
    expect(world().emulator.projects.get(projectId)?.name).toBe(main.outputs['project-name']);

    // The job's tests, with the key it was handed: the control plane of its own project answers them.
    const listed = await fetch(`${world().emulator.url}/indexes`, {
      headers: { 'Api-Key': main.env['PINECONE_API_KEY']!, 'X-Pinecone-Api-Version': '2026-04' },
    });
    expect(listed.status).toBe(200);
    world().emulator.addIndex(projectId, 'test-index', { deletionProtection: 'enabled' });
    world().emulator.addIndex(projectId, 'scratch');
    world().emulator.addCollection(projectId, 'snapshot');
    world().emulator.addBackup(projectId, 'test-index');
    world().emulator.addAssistant(projectId, 'helper');

    const post = await job.post();
    expect(post.exitCode, post.log.join('\n')).toBe(0);
    expect(projectIds()).toEqual([world().project.id]);
    expect(world().emulator.keysIn()).toEqual([]);
    expect(post.log).toContain(`Deleted API key ${main.outputs['key-name']} first.`);
    expect(post.log.at(-1)).toBe(
      `Deleted project ${main.outputs['project-name']} and API key ${main.outputs['key-name']} in it.`,
    );
    // The cleanup key's value (issued by the emulator like any other) is masked and never printed.
    expect(world().emulator.issued).toHaveLength(2);
    for (const step of [main, post])
      expect(findLeaks(step, world().secrets(), { outputs: ['api-key'], env: ['PINECONE_API_KEY'] })).toEqual([]);
  });

  it('main killed the moment the project create committed (no answer seen): post finds the project by name', async () => {
    // The create is carried out and never answered; main is killed while it waits.
    world().emulator.inject({ op: 'create-project', action: 'commit-then-hang' });
    let pid = 0;
    world().emulator.onRequest = (request) =>
      request.op === 'create-project' && void setTimeout(() => process.kill(pid, 'SIGKILL'), 100);
    const job = new Job({ node, with: inputs() });
    const main = await job.main({ onSpawn: (child) => (pid = child.pid!) });
    expect(main.signal).toBe('SIGKILL');
    expect(journalOf(main.state)?.project).toBeUndefined();
    expect(projectIds()).toHaveLength(2);
    const post = await job.post();
    expect(post.exitCode, post.log.join('\n')).toBe(0);
    expect(post.log.join('\n')).toMatch(/Deleted project gha-shop-api-16021984-1-test-eph-.* \(.*\)\./);
    expect(projectIds()).toEqual([world().project.id]);
  });

  it('SIGINT while a project create hangs and is carried out late: post waits for it and deletes it', async () => {
    world().emulator.inject({ op: 'create-project', action: 'late-commit', ms: 6000 });
    let pid = 0;
    world().emulator.onRequest = (request) => request.op === 'create-project' && process.kill(pid, 'SIGINT');
    const job = new Job({ node, with: inputs() });
    const main = await job.main({ onSpawn: (child) => (pid = child.pid!) });
    expect(main.exitCode).toBe(1);
    expect(world().emulator.keysIn()).toEqual([]);
    const post = await job.post();
    expect(post.exitCode, post.log.join('\n')).toBe(0);
    expect(post.log.join('\n')).toContain(`Deleted project ${journalOf(main.state)?.projectNames?.[0]}`);
    expect(projectIds()).toEqual([world().project.id]);
  });

  it('the sweep empties and deletes an expired throwaway project; never a hand-made look-alike or a protected index in it', async () => {
    const expired = world().throwaway('gha-died', -HOUR);
    world().emulator.addIndex(expired.id, 'left-behind', { deletionProtection: 'enabled' });
    world().emulator.addBackup(expired.id, 'left-behind');
    // A hand-made project with a look-alike name, and the team's own project with a protected index: never touched.
    const lookAlike = world().emulator.addProject(`gha-mine-eph-20200101T000000Z-j-aaaaaa-12345678`);
    world().emulator.addIndex(world().project.id, 'production', { deletionProtection: 'enabled' });
    world().emulator.addIndex(lookAlike.id, 'precious', { deletionProtection: 'enabled' });
    const sweepJob = (extra: Record<string, string>) =>
      new Job({ node, actionDir: join(ROOT, 'sweep'), with: { ...world().inputs, project: '', ...extra } }).main();

    const dry = await sweepJob({ 'dry-run': 'true' });
    expect(dry.exitCode, dry.log.join('\n')).toBe(0);
    expect(dry.log).toContain(`Would delete project ${expired.name} (${expired.id}): expired.`);
    expect(projectIds()).toHaveLength(3);

    const sweep = await sweepJob({});
    expect(sweep.exitCode, sweep.log.join('\n')).toBe(0);
    expect(sweep.outputs['deleted-project-ids']).toBe(JSON.stringify([expired.id]));
    expect(projectIds().sort()).toEqual([world().project.id, lookAlike.id].sort());
    expect(world().emulator.contentsOf(lookAlike.id).indexes.get('precious')?.deletionProtection).toBe('enabled');
    const production = world().emulator.contentsOf(world().project.id).indexes.get('production');
    expect(production).toMatchObject({ deletionProtection: 'enabled', state: 'Ready' });
    expect(world().emulator.requests.filter((r) => r.op === 'configure-index')).toHaveLength(1); // the expired one's
    expect(sweep.summary).toContain('| deleted | expired |');
    expect(findLeaks(sweep, world().secrets())).toEqual([]);
  });
});
