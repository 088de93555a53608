// What a hostile step of the job (or of another leg of its matrix), a token that cannot see the repository and a
// busy organization could once make the action do: each test runs the committed bundles as processes against the
// emulators (Pinecone's and GitHub's), on both Node versions.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GitHubEmulator, type GitHubOptions } from '../emulator/github.js';
import { Job, NODES, ROOT, RUN_ENV } from '../runner/runner.js';
import { freshWorldPerTest } from '../support/fixture.js';

const HOUR = 3_600_000;
const OTHER_RUN = { repositoryId: RUN_ENV.GITHUB_REPOSITORY_ID, runId: '900', attempt: 1 };

describe.each(NODES)('hostile steps on $name', ({ path: node }) => {
  const world = freshWorldPerTest();
  const ids = () =>
    world()
      .emulator.keysIn()
      .map((key) => key.id);

  it("a matrix leg whose main failed early never takes another leg's journal: its post deletes nothing", async () => {
    const legA = new Job({ node, with: world().inputs });
    const a = await legA.main();
    expect(a.exitCode, a.log.join('\n')).toBe(0);
    // Leg B: same run, job and step. A step of it writes leg A's journal (sealed validly) into $GITHUB_ENV.
    const legB = new Job({ node, with: { ...world().inputs, roles: 'NoSuchRole' } });
    legB.writeEnv({ STATE_journal: a.state['journal']! });
    expect((await legB.main()).exitCode).toBe(1);
    const postB = await legB.post();
    expect(postB.exitCode).toBe(0);
    expect(ids()).toEqual([a.outputs['key-id']]);
    await legA.post();
    expect(ids()).toEqual([]);
  });

  it("two uses of the action in one job never take each other's journal", async () => {
    const job = new Job({ node, with: world().inputs, env: { GITHUB_ACTION: 'first' } });
    const first = await job.main();
    expect(first.exitCode).toBe(0);
    const second = new Job({ node, with: world().inputs, env: { GITHUB_ACTION: 'second' } });
    // The second step's post is handed the first step's journal (as through $GITHUB_ENV) and no journal of its own.
    second.first.state = { journal: first.state['journal']! };
    const post = await second.post();
    expect(post.log.join('\n')).toMatch(/Ignored the state handed to the post step/);
    expect(ids()).toEqual([first.outputs['key-id']]);
    await job.post();
  });

  const githubs: GitHubEmulator[] = [];
  afterEach(async () => Promise.all(githubs.splice(0).map((github) => github.stop())));
  const gitHub = async (options: GitHubOptions = {}) => {
    const github = await new GitHubEmulator(RUN_ENV.GITHUB_REPOSITORY, options).start();
    githubs.push(github);
    return github;
  };

  it.each(['blind', 'proxy-404'] as const)(
    "a GitHub 404 that proves nothing (%s) never makes a running job's key or project look finished",
    async (mode) => {
      const github = await gitHub({ mode });
      const live = world().ours('gha-live', 5 * HOUR, { kind: 'job', run: OTHER_RUN });
      const project = world().throwaway('gha-live', 5 * HOUR, { kind: 'job', run: OTHER_RUN });
      const sweep = await new Job({
        node,
        actionDir: join(ROOT, 'sweep'),
        with: world().inputs,
        env: { GITHUB_API_URL: github.url },
      }).main();
      expect(sweep.exitCode, sweep.log.join('\n')).toBe(0);
      expect(ids()).toContain(live.id);
      expect(world().emulator.projects.has(project.id)).toBe(true);
      if (mode === 'blind')
        expect(sweep.log.join('\n')).toMatch(/GitHub answered 404 for a run of this repository but does not show/);
    },
  );

  it('making room at the key quota spares an expired key whose run is still going, as post and the sweep do', async () => {
    const github = await gitHub();
    github.run('901', 'in_progress');
    const overtime = world().ours('gha-overtime', -HOUR, { kind: 'job', run: { ...OTHER_RUN, runId: '901' } });
    world().emulator.options.quota = 1;
    const job = new Job({
      node,
      with: { ...world().inputs, 'sweep-expired': 'true' },
      env: { GITHUB_API_URL: github.url },
    });
    const main = await job.main();
    expect(main.exitCode).toBe(1);
    expect(main.log).toContain(`Kept expired API key ${overtime.name} (${overtime.id}): its run is still going.`);
    expect(main.log.join('\n')).toMatch(/belong to runs still going, whose post steps delete them/);
    expect(ids()).toEqual([overtime.id]);
    await job.post();
  });

  it('making room at the project limit spares an expired throwaway project whose run is still going', async () => {
    const github = await gitHub();
    github.run('901', 'in_progress');
    const busy = world().throwaway('gha-busy', -HOUR, { kind: 'job', run: { ...OTHER_RUN, runId: '901' } });
    world().emulator.options.projectLimit = world().emulator.projects.size;
    const { project: _, ...inputs } = world().inputs;
    const job = new Job({
      node,
      with: { ...inputs, 'new-project': 'true', 'sweep-expired': 'true' },
      env: { GITHUB_API_URL: github.url },
    });
    const main = await job.main();
    expect(main.exitCode).toBe(1);
    expect(main.log).toContain(`Kept expired project ${busy.name} (${busy.id}): its run is still going.`);
    expect(world().emulator.projects.has(busy.id)).toBe(true);
    await job.post();
  });

  it('names from outside render as plain text in summaries and logs: no link, no image, no bidi override', async () => {
    const name =
      'x[click](https://evil.example)![pixel](https://evil.example/p.png)\u202egnp-eph-20200101T000000Z-aaaaaa';
    world().emulator.addKey(world().project.id, name);
    const sweep = await new Job({
      node,
      actionDir: join(ROOT, 'sweep'),
      with: { ...world().inputs, 'dry-run': 'true' },
    }).main();
    expect(sweep.exitCode, sweep.log.join('\n')).toBe(0);
    expect(sweep.summary).not.toMatch(/\]\(https:\/\/evil/);
    expect(sweep.summary).not.toContain('\u202e');
    expect(sweep.summary).toContain('x&#91;click&#93;&#40;https://evil.example&#41;&#33;&#91;pixel&#93;');
    expect(sweep.stdout).not.toContain('\u202e');
    expect(sweep.log.join('\n')).toContain('\\u202egnp');
  });

  it('two sweeps at once: the one whose project vanished while it emptied it counts it gone, not failed', async () => {
    const project = world().throwaway('gha-race', -HOUR, { kind: 'job', run: undefined });
    world().emulator.addIndex(project.id, 'vectors');
    let raced = false;
    world().emulator.onRequest = (request) => {
      if (request.op !== 'list-indexes' || raced) return;
      raced = true;
      world().emulator.removeProject(project.id); // the other sweep got there first, cleanup key and all
    };
    const { project: _, ...inputs } = world().inputs;
    const sweep = await new Job({ node, actionDir: join(ROOT, 'sweep'), with: inputs }).main();
    expect(raced).toBe(true);
    expect(sweep.exitCode, sweep.log.join('\n')).toBe(0);
    expect(sweep.log).toContain(`Already gone: project ${project.name} (${project.id}): expired.`);
    expect(sweep.log.join('\n')).not.toMatch(/ControlPlaneEditor/);
  });

  it('a lost project create never adopts a project someone made from the live log: the name is shown once made', async () => {
    world().emulator.inject({ op: 'create-project', action: 'drop' }); // lost, and not carried out
    const planted: string[] = [];
    const { project: _, ...inputs } = world().inputs;
    const job = new Job({ node, with: { ...inputs, 'new-project': 'true' } });
    const main = await job.main({
      // Whoever reads the live log makes a project of the name it shows, before the action looks for it.
      onLine: (line) => {
        const name = /^Creating project (\S+) /.exec(line)?.[1];
        if (name) planted.push(world().emulator.addProject(name).id);
      },
    });
    expect(main.exitCode, main.log.join('\n')).toBe(0);
    expect(planted.length).toBeGreaterThan(0);
    expect(planted).not.toContain(main.outputs['project-id']);
    expect(main.log).toContain(`Created project ${main.outputs['project-name']} (${main.outputs['project-id']}).`);
    await job.post();
    for (const id of planted) expect(world().emulator.projects.has(id)).toBe(true); // not ours: never touched
  });

  it("a key made on another GitHub instance is never judged by this instance's run of the same number", async () => {
    // The sweep runs on GitHub Enterprise Server, whose repository has the same numeric id as one on github.com.
    const ghes = await gitHub({ basePath: '/api/v3' });
    ghes.run('900', 'completed');
    const fromGithubCom = world().ours('gha-elsewhere', 5 * HOUR, { kind: 'job', run: OTHER_RUN });
    const sweep = await new Job({
      node,
      actionDir: join(ROOT, 'sweep'),
      with: world().inputs,
      env: { GITHUB_API_URL: ghes.url, GITHUB_SERVER_URL: 'https://ghe.example.com' },
    }).main();
    expect(sweep.exitCode, sweep.log.join('\n')).toBe(0);
    expect(ids()).toContain(fromGithubCom.id);
    expect(ghes.requests.filter((r) => r.path.endsWith('/runs/900'))).toEqual([]);
  });
});
