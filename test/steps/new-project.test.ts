// A throwaway project per job, in-process: main makes the project (exactly once) and the key in it; post empties
// and deletes that project and only that one; with replace or sweep-expired, older and expired throwaway projects
// of this service account go too, and never a hand-made one.
import { afterEach, describe, expect, it } from 'vitest';
import { parseProjectName, type KeyOwner } from '../../src/rules/names.js';
import { runMain } from '../../src/steps/direct/main.js';
import { nameTagFor } from '../../src/crypto/name-tag.js';
import { runPost } from '../../src/steps/direct/post.js';
import { CLIENT_SECRET, freshWorldPerTest, type World } from '../support/fixture.js';
import { journalOf } from '../support/journal.js';
import { inProcess, type InProcess } from '../support/steps.js';

const HOUR = 3_600_000;
const RUN = { repositoryId: '829301755', runId: '16021984', attempt: 1 };
const tag = nameTagFor(CLIENT_SECRET);
const NEW_PROJECT = { project: '', 'new-project': 'true' };

describe('throwaway projects, in-process', () => {
  const world = freshWorldPerTest({ terminatingMs: 0 });
  const steps: InProcess[] = [];
  afterEach(() => steps.splice(0).forEach((step) => step.dispose()));
  const run = async (
    step: (deps: InProcess['deps']) => Promise<void>,
    inputs: Record<string, string> = {},
    state?: Record<string, string>,
  ) => {
    const running = inProcess({ inputs: { ...world().inputs, ...NEW_PROJECT, ...inputs }, state });
    steps.push(running);
    await step(running.deps);
    return running.core;
  };
  const ops = () => world().emulator.requests.map((request) => request.op);
  const projectNames = () => [...world().emulator.projects.values()].map((project) => project.name);
  const throwaway: World['throwaway'] = (...args) => world().throwaway(...args);

  it('makes a tagged project and the key in it; post deletes the project (keys and all) in one request', async () => {
    const main = await run(runMain);
    expect(main.failed).toBeUndefined();
    const made = world().emulator.projects.get(main.outputs['project-id']!)!;
    expect(main.outputs['project-name']).toBe(made.name);
    expect(parseProjectName(made.name, tag)).toMatchObject({
      base: 'gha-shop-api-16021984-1-test',
      kind: 'job',
      run: RUN,
    });
    const [key] = world().emulator.keysIn(made.id);
    expect(main.outputs).toMatchObject({ 'key-id': key!.id, 'api-key': key!.value, 'project-id': made.id });
    expect(journalOf(main.saved)).toMatchObject({ projectId: made.id, project: { id: made.id, name: made.name } });
    expect(ops()).toEqual(['token', 'create-project', 'create-key']);
    expect(main.log).toContain(
      `Created API key ${key!.name} (${key!.id}); its value is masked and available as output api-key and env PINECONE_API_KEY. The post step deletes it with its throwaway project, and everything in the project, when the job ends.`,
    );

    const post = await run(runPost, {}, main.saved);
    expect(post.failed).toBeUndefined();
    expect(post.log).toEqual([
      `Deleting throwaway project ${made.name} (${made.id}) with everything in it.`,
      `Deleted project ${made.name} and API key ${key!.name} in it.`,
    ]);
    expect(ops().slice(3)).toEqual(['token', 'delete-project']);
    expect(projectNames()).toEqual(['shop-api-ci']);
    expect(world().emulator.keysIn()).toEqual([]);
  });

  it('post empties what the job made (deletion protection included), revoking the job key first', async () => {
    const main = await run(runMain);
    const projectId = main.outputs['project-id']!;
    world().emulator.addIndex(projectId, 'guarded', { deletionProtection: 'enabled' });
    world().emulator.addCollection(projectId, 'snapshot');
    world().emulator.addAssistant(projectId, 'helper');
    const post = await run(runPost, {}, main.saved);
    expect(post.failed).toBeUndefined();
    expect(post.log).toEqual(
      expect.arrayContaining([
        `Deleted API key ${main.outputs['key-name']} first.`,
        'Deleted index guarded.',
        'Deleted collection snapshot.',
        'Deleted assistant helper.',
      ]),
    );
    // The job's key is gone before anything in the project is touched (it goes while the cleanup key is made).
    const answered = world().emulator.requests.map((r) => ({ op: r.op, at: r.answeredAt ?? Infinity, sent: r.at }));
    const revoked = answered.find((r) => r.op === 'delete-key')!;
    const touched = answered.filter((r) => ['configure-index', 'delete-collection', 'delete-assistant'].includes(r.op));
    expect(touched).toHaveLength(3);
    for (const request of touched) expect(request.sent).toBeGreaterThanOrEqual(revoked.at);
    expect(projectNames()).toEqual(['shop-api-ci']);
    expect(world().emulator.keysIn()).toEqual([]);
  });

  it('a project that cannot be emptied within the budget: post fails in one line that says what is left and what to do', async () => {
    const main = await run(runMain);
    const projectId = main.outputs['project-id']!;
    world().emulator.options.terminatingMs = 10 * 60_000;
    world().emulator.addIndex(projectId, 'slow-to-go');
    const post = await run(runPost, { timeout: '20s' }, main.saved);
    expect(post.failed).toBe(
      `Could not delete throwaway project ${main.outputs['project-name']} (${projectId}), which holds the job's key: Project ${main.outputs['project-name']} (${projectId}) still holds 1 index(es) being deleted and could not be deleted in time. Delete the project in the Pinecone console, or run the sweep sub-action, which empties and deletes expired throwaway projects.`,
    );
    expect(
      world()
        .emulator.keysIn(projectId)
        .map((key) => key.name),
    ).not.toContain(main.outputs['key-name']);
  });

  it('a lost answer to the project create: the project is found by its name and used, never two', async () => {
    world().emulator.faults.add({ op: 'create-project', action: 'commit-then-drop' });
    const main = await run(runMain);
    expect(main.failed).toBeUndefined();
    expect(projectNames()).toHaveLength(2);
    expect(main.log).toContain(
      `Project ${main.outputs['project-name']} (${main.outputs['project-id']}) was made: using it.`,
    );
    expect(ops()).toEqual(['token', 'create-project', 'list-projects', 'create-key']);
    await run(runPost, {}, main.saved);
    expect(projectNames()).toEqual(['shop-api-ci']);
  });

  it('a lost answer with no project made: a fresh name is sent; post looks for the first name once more', async () => {
    world().emulator.faults.add({ op: 'create-project', action: 'drop' });
    const main = await run(runMain);
    expect(main.failed).toBeUndefined();
    expect(journalOf(main.saved)?.projectNames).toHaveLength(2);
    const post = await run(runPost, {}, main.saved);
    expect(post.failed).toBeUndefined();
    expect(post.log.at(-1)).toBe('None found: the create requests made no project.');
    expect(projectNames()).toEqual(['shop-api-ci']);
  });

  it('a key create refused after the project was made: post still deletes the project', async () => {
    world().emulator.faults.add({ op: 'create-key', status: 403, code: 'PERMISSION_DENIED' });
    const main = await run(runMain);
    expect(main.failed).toMatch(/^The service account may not create the API key in project/);
    expect(projectNames()).toHaveLength(2);
    const post = await run(runPost, {}, main.saved);
    expect(post.failed).toBeUndefined();
    expect(projectNames()).toEqual(['shop-api-ci']);
  });

  it('cleanup: false keeps the project (kind kept) for a sweep; post says so and sends nothing', async () => {
    const main = await run(runMain, { cleanup: 'false', 'project-name': 'preview-{ref}' }, undefined);
    expect(main.failed).toBeUndefined();
    expect(parseProjectName(main.outputs['project-name'], tag)).toMatchObject({ base: 'preview-main', kind: 'kept' });
    const requests = world().emulator.requests.length;
    const post = await run(runPost, { cleanup: 'false' }, main.saved);
    expect(post.log).toEqual([
      `Keeping throwaway project ${main.outputs['project-name']} (${main.outputs['project-id']}) and API key ${main.outputs['key-name']}: cleanup is false, so a sweep deletes the project once it has expired.`,
    ]);
    expect(world().emulator.requests).toHaveLength(requests);
  });

  it('replace and sweep-expired retire older and expired throwaway projects of this service account only', async () => {
    const kept: KeyOwner = { kind: 'kept', run: { ...RUN, runId: '16021900' } };
    const older = throwaway('preview-main', 24 * HOUR, kept);
    world().emulator.addIndex(older.id, 'previous-preview', { deletionProtection: 'enabled' });
    const expired = throwaway('gha-shop-api-1-1-test', -HOUR, { kind: 'job', run: undefined });
    // Never touched: another service account's, a look-alike typed by hand (with an index it protects), a live one.
    const otherAccount = throwaway('preview-main', -HOUR, kept, 'another-secret');
    const handMade = world().emulator.addProject(`${expired.name.slice(0, -8)}zzzzzzzz`);
    world().emulator.addIndex(handMade.id, 'precious', { deletionProtection: 'enabled' });
    const live = throwaway('gha-other-1-1-test', HOUR, { kind: 'job', run: undefined });
    const inputs = {
      cleanup: 'false',
      ttl: '7d',
      'project-name': 'preview-{ref}',
      replace: 'true',
      'sweep-expired': 'true',
    };
    const main = await run(runMain, inputs);
    expect(main.failed).toBeUndefined();
    expect(journalOf(main.saved)?.retireProjects).toEqual([
      { id: older.id, name: older.name, why: 'replaced' },
      { id: expired.id, name: expired.name, why: 'expired' },
    ]);
    expect(main.log).toContain(
      'Found 1 expired project(s) and 1 older project(s) named preview-main (replace: true) made by this action; the post step deletes them.',
    );
    const post = await run(runPost, inputs, main.saved);
    expect(post.failed).toBeUndefined();
    expect(post.log).toEqual(
      expect.arrayContaining([
        `Deleted replaced project ${older.name} (${older.id}).`,
        `Deleted expired project ${expired.name} (${expired.id}).`,
      ]),
    );
    expect(projectNames().sort()).toEqual(
      ['shop-api-ci', main.outputs['project-name']!, otherAccount.name, handMade.name, live.name].sort(),
    );
    expect(world().emulator.contentsOf(handMade.id).indexes.get('precious')?.deletionProtection).toBe('enabled');
  });

  it('an organization at its project limit: expired throwaway projects of this service account make room', async () => {
    world().emulator.options.projectLimit = 4;
    const expired = throwaway('gha-died', -HOUR, { kind: 'job', run: undefined });
    world().emulator.addIndex(expired.id, 'left-behind', { deletionProtection: 'enabled' });
    const live = throwaway('gha-running', HOUR, { kind: 'job', run: undefined });
    const otherAccount = throwaway('gha-theirs', -HOUR, { kind: 'job', run: undefined }, 'x');
    const main = await run(runMain, { 'sweep-expired': 'true' });
    expect(main.failed).toBeUndefined();
    expect(main.log).toContain(
      'The organization is at its project limit: deleting 1 expired throwaway project(s) this action made, then trying again.',
    );
    expect(projectNames().sort()).toEqual(
      ['shop-api-ci', live.name, otherAccount.name, main.outputs['project-name']!].sort(),
    );
    expect(journalOf(main.saved)?.projectNames).toEqual([main.outputs['project-name']]);
  });

  it('refuses bad combinations and says how to fix them, before any request', async () => {
    const both = await run(runMain, { project: 'shop-api-ci' });
    expect(both.failed).toBe(
      'Inputs "project" (shop-api-ci) and "new-project: true" are both given: new-project makes a throwaway project instead. Remove project, or set new-project: false to use that project.',
    );
    const neither = await run(runMain, { 'new-project': 'false' });
    expect(neither.failed).toBe(
      'Input "project" is empty: give the ID or exact name of the project to create the key in, or set new-project: true for a throwaway project.',
    );
    const shared = await run(runMain, { share: 'true' });
    expect(shared.failed).toMatch(/^Inputs "share: true" and "new-project: true" cannot go together/);
    const template = await run(runMain, { 'project-name': 'x-{branch}' });
    expect(template.failed).toMatch(/^Input "project-name": unknown placeholder \{branch\}/);
    expect(world().emulator.requests).toEqual([]);
  });

  it('the organization at its project limit, or a service account without the right: one line with the fix', async () => {
    world().emulator.options.projectLimit = 1;
    for (const status of [403, 400, 422] as const) {
      world().emulator.options.projectLimitStatus = status;
      const full = await run(runMain);
      const code = status === 403 ? 'QUOTA_EXCEEDED' : 'INVALID_ARGUMENT';
      expect(full.failed).toBe(
        `Pinecone refused to create a project: the organization holds as many projects as its plan allows (HTTP ${status} ${code}: "The organization has reached its limit of 1 projects."; Enterprise allows 100). Run the sweep sub-action, which deletes expired throwaway projects this action made, and delete projects you no longer need. With sweep-expired: true (the default) this action first deletes its own expired throwaway projects.`,
      );
    }
    const none = await run(runMain, { 'sweep-expired': 'true' });
    expect(none.failed).toMatch(/None of them is an expired throwaway project of this service account\.$/);
    world().emulator.options.projectLimit = undefined;
    world().emulator.addClient('no-rights', CLIENT_SECRET);
    world().emulator.clients.get('no-rights')!.manageProjects = false;
    const denied = await run(runMain, { 'client-id': 'no-rights' });
    expect(denied.failed).toMatch(/^The service account may not create projects \(HTTP 403/);
    expect(journalOf(denied.saved)?.projectNames).toEqual([]);
    expect(projectNames()).toEqual(['shop-api-ci']);
  });
});
