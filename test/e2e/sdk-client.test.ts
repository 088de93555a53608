// The key the action exports, used as users use it: a later step of the job makes Pinecone's own client with
// `new Pinecone()` (PINECONE_API_KEY from the environment the runner passes on) and lists and describes the
// project's indexes on the emulator's control plane, which checks the key (it exists, is not deleted, its roles
// allow the call). After post, the same step fails with the SDK's unauthorized error.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Job, NODES, ROOT } from '../runner/runner.js';
import { freshWorldPerTest } from '../support/fixture.js';
import { findLeaks } from '../support/scan.js';

const CLIENT = join(ROOT, 'test/support/pinecone-client.ts');

describe.each(NODES)("Pinecone's client in a later step, the action on $name", ({ path: node }) => {
  const world = freshWorldPerTest();
  const jobWith = (roles: string) => {
    const { emulator, project, inputs } = world();
    emulator.addIndex(project.id, 'products');
    // The user's job points the client at Pinecone; here, PINECONE_CONTROLLER_HOST points it at the emulator.
    return new Job({ node, with: { ...inputs, roles }, env: { PINECONE_CONTROLLER_HOST: emulator.url } });
  };

  it('new Pinecone() lists and describes indexes with the exported key, and is refused once post deleted it', async () => {
    const job = jobWith('ControlPlaneViewer');
    const main = await job.main();
    expect(main.failed).toBe(false);
    const during = await job.script(CLIENT);
    expect(during.stdout).toBe('indexes: products; products is Ready\n');
    const [key] = world().emulator.keysIn(world().project.id);
    const asked = [...world().emulator.requestsFor('list-indexes'), ...world().emulator.requestsFor('describe-index')];
    expect(asked.map((request) => request.headers['api-key'])).toEqual([key!.value, key!.value]);

    const post = await job.post();
    expect(world().emulator.keysIn()).toEqual([]);
    const after = await job.script(CLIENT);
    expect(after.failed).toBe(true);
    expect(after.stdout).toMatch(/^PineconeAuthorizationError: The API key you provided was rejected/);
    for (const step of [main, during, post, after])
      expect(findLeaks(step, world().secrets(), { outputs: ['api-key'], env: ['PINECONE_API_KEY'] })).toEqual([]);
  });

  it("a key whose roles leave out the control plane is refused there, in the SDK's words for a 403", async () => {
    const job = jobWith('DataPlaneEditor');
    expect((await job.main()).failed).toBe(false);
    const refused = await job.script(CLIENT);
    expect(refused.failed).toBe(true);
    expect(refused.stdout).toMatch(/^PineconeBadRequestError: The API key does not have the role this operation needs/);
    await job.post();
  });
});
