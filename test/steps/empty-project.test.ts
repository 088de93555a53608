// Emptying and deleting a throwaway project, in-process against the emulator's projects and control plane.
import { afterEach, describe, expect, it } from 'vitest';
import { deleteThrowawayProject, openControlPlane } from '../../src/projects/empty.js';
import { openApi } from '../../src/runtime/session.js';
import { startStep } from '../../src/runtime/step.js';
import { freshWorldPerTest } from '../support/fixture.js';
import { inProcess, type InProcess } from '../support/steps.js';

describe('deleting a throwaway project, in-process', () => {
  const world = freshWorldPerTest({ terminatingMs: 0, backupsPageSize: 2 });
  let step: InProcess | undefined;
  afterEach(() => step?.dispose());

  const remove = async (projectId: string, budgetMs = 60_000) => {
    step = inProcess({ inputs: world().inputs });
    const { deps } = step;
    const { core, secrets } = startStep(deps);
    const connection = {
      apiUrl: world().emulator.url,
      authUrl: world().emulator.authUrl,
      apiVersion: '2026-04',
      clientId: world().inputs['client-id']!,
      clientSecret: world().inputs['client-secret']!,
    };
    const api = openApi(deps, core, connection, budgetMs, secrets);
    await api.login();
    const project = world().emulator.projects.get(projectId) ?? { id: projectId, name: 'gone' };
    const result = await deleteThrowawayProject(
      {
        api,
        controlPlane: (key) => openControlPlane(deps, core, connection, budgetMs, secrets.add(key)),
        log: core,
        now: deps.now,
        sleep: (ms) => deps.sleep(ms, deps.signal),
        deadline: deps.now() + budgetMs,
        cleanupKeyName: 'gha-cleanup-eph-20991231T000000Z-j-aaaaaa',
      },
      project,
    );
    return { result, core: step.core };
  };
  const ops = () => world().emulator.requests.map((request) => `${request.op}:${request.status}`);

  it('empties a full project (deletion protection off first, every backup page) and deletes it with its keys', async () => {
    const { emulator } = world();
    const project = emulator.addProject('gha-throwaway');
    emulator.addIndex(project.id, 'guarded', { deletionProtection: 'enabled' });
    emulator.addIndex(project.id, 'plain');
    emulator.addCollection(project.id, 'snapshot');
    for (const source of ['a', 'b', 'c']) emulator.addBackup(project.id, source);
    emulator.addAssistant(project.id, 'helper');
    emulator.addKey(project.id, 'the-jobs-key', ['DataPlaneEditor']);
    const { result, core } = await remove(project.id);
    expect(result).toBe('deleted');
    expect(emulator.projects.has(project.id)).toBe(false);
    expect(emulator.keysIn(project.id)).toEqual([]);
    expect(core.log).toEqual(
      expect.arrayContaining([
        `Project gha-throwaway (${project.id}) still holds resources: deleting them first.`,
        'Deleted index guarded.',
        'Deleted collection snapshot.',
        'Deleted assistant helper.',
      ]),
    );
    expect(ops()).toEqual(expect.arrayContaining(['configure-index:202', 'delete-index:202', 'delete-backup:202']));
    expect(ops().filter((op) => op === 'list-backups:200')).toHaveLength(2); // two pages of two
    expect(ops().at(-1)).toBe('delete-project:202');
  });

  it('an empty project goes with one request, and no cleanup key', async () => {
    const project = world().emulator.addProject('gha-empty');
    expect((await remove(project.id)).result).toBe('deleted');
    expect(ops()).toEqual(['token:200', 'delete-project:202']);
  });

  it('a project already gone is success', async () => {
    expect((await remove('7c1b8f1e-0000-4000-8000-000000000000')).result).toBe('already gone');
  });

  it.each([400, 409, 422] as const)('a refusal answered %s is "not empty yet", never success', async (status) => {
    world().emulator.options.nonEmptyProjectDeleteStatus = status;
    const project = world().emulator.addProject('gha-refused');
    world().emulator.addCollection(project.id, 'snapshot');
    expect((await remove(project.id)).result).toBe('deleted');
    expect(ops().filter((op) => op.startsWith('delete-project'))).toEqual([
      `delete-project:${status}`,
      'delete-project:202',
    ]);
  });

  it('an index that stays Terminating past the budget: a clear error, and the project is left for the sweep', async () => {
    world().emulator.options.terminatingMs = 60_000;
    const project = world().emulator.addProject('gha-slow');
    world().emulator.addIndex(project.id, 'big');
    await expect(remove(project.id, 10_000)).rejects.toThrow(
      `Project gha-slow (${project.id}) still holds 1 index(es) being deleted and could not be deleted in time.`,
    );
    expect(world().emulator.projects.has(project.id)).toBe(true);
  });
});
