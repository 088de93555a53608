// Errors a user will meet: one line that says what to do, no stack trace, no key left, no secret printed.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Job, NODES } from '../runner/runner.js';
import { CLIENT_ID, freshWorldPerTest } from '../support/fixture.js';
import { failureLine, findLeaks } from '../support/scan.js';

describe.each(NODES)('errors on $name', ({ path: node }) => {
  const world = freshWorldPerTest();

  const ops = () => world().emulator.requests.map((r) => `${r.op}:${r.status}`);
  async function fails(inputs: Record<string, string>, message: RegExp) {
    const job = new Job({ node, with: { ...world().inputs, ...inputs } });
    const main = await job.main();
    expect(main.exitCode).toBe(1);
    expect(failureLine(main)).toMatch(message);
    expect(findLeaks(main, world().secrets())).toEqual([]);
    const post = await job.post();
    expect(post.exitCode, post.log.join('\n')).toBe(0);
    expect(world().emulator.keysIn()).toEqual([]);
    return { main, post };
  }

  it('a wrong client secret fails fast with one token attempt', async () => {
    await fails(
      { 'client-secret': 'wrong' },
      /Pinecone rejected the service account credentials \(HTTP 401 access_denied\): check the client-id and client-secret inputs/,
    );
    expect(ops()).toEqual(['token:401']);
  });

  it('a service account without rights on the project', async () => {
    world().emulator.addClient('viewer-sa', 'viewer-secret', []);
    await fails(
      { 'client-id': 'viewer-sa', 'client-secret': 'viewer-secret' },
      /The service account may not create the API key in project .* \(HTTP 403 PERMISSION_DENIED\): add it to the project as Project owner/,
    );
  });

  it('a project ID that does not exist', async () => {
    const id = randomUUID();
    await fails(
      { project: id },
      new RegExp(
        `Pinecone found no project ${id} \\(HTTP 404 NOT_FOUND\\) to create the API key: check the project input`,
      ),
    );
  });

  it('a project over its key quota', async () => {
    world().emulator.options.quota = 0;
    await fails(
      {},
      /project .* holds as many API keys as its quota allows \(HTTP 403 QUOTA_EXCEEDED\)\. Delete keys you no longer need/,
    );
  });

  it('Pinecone unavailable: login retried, then one line', async () => {
    world().emulator.inject({ op: 'token', status: 503, times: 5 });
    await fails(
      {},
      /Pinecone is unavailable: it answered HTTP 503 Service Unavailable UNKNOWN when asked to log in, also after retries \("Injected HTTP 503"\)\. Try again later\./,
    );
    expect(ops()).toEqual(Array(5).fill('token:503'));
  });

  it('resolves a project by its exact name (one more request)', async () => {
    const job = new Job({ node, with: { ...world().inputs, project: 'shop-api-ci' } });
    const main = await job.main();
    expect(main.exitCode, main.log.join('\n')).toBe(0);
    expect(main.outputs['project-id']).toBe(world().project.id);
    expect(main.log).toContain(`Project "shop-api-ci" is ${world().project.id}.`);
    expect(main.summary).toContain(`shop-api-ci (<code>${world().project.id}</code>)`);
    expect(ops()).toEqual(['token:200', 'list-projects:200', 'create-key:200']);
    await job.post();
    expect(world().emulator.keysIn()).toEqual([]);
  });

  it('a project name that matches nothing lists what exists', async () => {
    const other = world().emulator.addProject('billing');
    const { main } = await fails(
      { project: 'shop-api' },
      /No project named "shop-api" is visible to the service account\. Projects it can see: "shop-api-ci" \(.*\), "billing" \(.*\)\. Give the project's exact name or its ID\./,
    );
    expect(main.log.join('\n')).toContain(other.id);
  });

  it('a project name shared by two projects asks for the ID', async () => {
    const twin = world().emulator.addProject('shop-api-ci');
    await fails(
      { project: 'shop-api-ci' },
      new RegExp(`Several projects are named "shop-api-ci": .*${twin.id}.*\\. Give the project ID instead\\.`),
    );
  });

  it('missing credentials fail with a hint about forks', async () => {
    await fails(
      { 'client-secret': '' },
      /Missing Pinecone credentials: client-secret \(or env PINECONE_CLIENT_SECRET\) is empty\. .*set on-missing-credentials: skip/,
    );
    expect(ops()).toEqual([]);
  });

  it('missing credentials with on-missing-credentials: skip explain, exit 0 and leave post nothing', async () => {
    const job = new Job({
      node,
      with: { ...world().inputs, 'client-id': '', 'client-secret': '', 'on-missing-credentials': 'skip' },
    });
    const main = await job.main();
    expect(main.exitCode).toBe(0);
    expect(main.outputs).toEqual({ skipped: 'true' });
    expect(main.env).toEqual({});
    const notices = main.log.filter((line) => line.startsWith('##[notice]'));
    expect(notices).toEqual([
      expect.stringMatching(
        /^##\[notice\]Skipped: no Pinecone credentials, as client-id .* and client-secret .* are empty\. Expected for pull requests from forks and for Dependabot/,
      ),
    ]);
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    expect(post.log).toEqual(['Nothing to clean up: the main step created no key.']);
    expect(ops()).toEqual([]);
  });

  it('reads the credentials from PINECONE_CLIENT_ID / PINECONE_CLIENT_SECRET when the inputs are empty', async () => {
    const job = new Job({
      node,
      with: { ...world().inputs, 'client-id': '', 'client-secret': '' },
      env: { PINECONE_CLIENT_ID: CLIENT_ID, PINECONE_CLIENT_SECRET: world().inputs['client-secret']! },
    });
    expect((await job.main()).exitCode).toBe(0);
    expect((await job.post()).exitCode).toBe(0);
    expect(ops()).toEqual(['token:200', 'create-key:200', 'token:200', 'delete-key:202']);
  });
});
