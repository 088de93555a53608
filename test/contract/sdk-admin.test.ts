// Pinecone's own SDK (`AdminClient` of @pinecone-database/pinecone) against the emulator's Admin API over real HTTP:
// every operation on projects and API keys it offers parses the emulator's answers, the emulator's errors become the
// SDK's error classes, and every answer it got matches the spec. A user who holds the SDK sees what the action sees.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Errors } from '@pinecone-database/pinecone';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { adminClientFor } from '../support/sdk.js';
import { CLIENT_ID, CLIENT_SECRET, startWorld, type World } from '../support/fixture.js';
import { expectAnswerInSpec, type Spec } from './operations.js';
import { CONTRACT_VERSIONS, HAVE_SPECS, SPECS, titled } from './specs.js';

const LIVE_STATUS_IN_SPEC: Record<string, Record<number, string>> = { create_api_key: { 200: '201' } };

describe("Pinecone's AdminClient against the emulator's Admin API", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ missingKeyDeleteStatus: 500 });
  });
  afterAll(() => world.emulator.stop());
  const admin = () => adminClientFor(world.emulator, CLIENT_ID, CLIENT_SECRET);

  it('logs in once and creates, lists, describes, updates and deletes a project', async () => {
    const client = admin();
    const made = await client.projects.create({ name: 'sdk-made', maxPods: 2 });
    expect(made).toMatchObject({ name: 'sdk-made', maxPods: 2, forceEncryptionWithCmek: false });
    expect(made.createdAt).toBeInstanceOf(Date);
    expect((await client.projects.list()).data.map((p) => p.name)).toEqual(['shop-api-ci', 'sdk-made']);
    expect(await client.projects.describe(made.id)).toEqual(made);
    const renamed = await client.projects.update(made.id, { name: 'sdk-renamed', forceEncryptionWithCmek: true });
    expect(renamed).toMatchObject({ id: made.id, name: 'sdk-renamed', maxPods: 2, forceEncryptionWithCmek: true });
    await client.projects.delete(made.id);
    expect(world.emulator.projects.has(made.id)).toBe(false);
    expect(world.emulator.requestsFor('token')).toHaveLength(1); // one exchange per client, shared by every call
  });

  it('creates, lists, describes, updates and deletes an API key, whose secret it is given once', async () => {
    const client = admin();
    const project = world.project.id;
    const made = await client.apiKeys.create(project, { name: 'sdk-key', roles: ['ControlPlaneViewer'] });
    expect(made.value).toBe(world.emulator.keys.get(made.key.id)!.value);
    expect(made.key).toMatchObject({ name: 'sdk-key', projectId: project, roles: ['ControlPlaneViewer'] });
    expect((await client.apiKeys.list(project)).data.map((key) => key.id)).toContain(made.key.id);
    expect(await client.apiKeys.describe(made.key.id)).toMatchObject({ id: made.key.id, name: 'sdk-key' });
    const updated = await client.apiKeys.update(made.key.id, { name: 'sdk-key-2', roles: ['ProjectViewer'] });
    expect(updated).toMatchObject({ id: made.key.id, name: 'sdk-key-2', roles: ['ProjectViewer'] });
    expect(world.emulator.keys.get(made.key.id)!.value).toBe(made.value); // an update keeps the secret
    await client.apiKeys.delete(made.key.id);
    expect(world.emulator.keys.has(made.key.id)).toBe(false);
  });

  it("maps the emulator's 4xx to the SDK's error classes, and every 5xx to one (its retries turned off)", async () => {
    const client = adminClientFor(world.emulator, CLIENT_ID, CLIENT_SECRET, { maxRetries: 0 });
    const missing = '00000000-0000-4000-8000-000000000000';
    await expect(client.apiKeys.describe(missing)).rejects.toBeInstanceOf(Errors.PineconeNotFoundError);
    await expect(client.projects.describe(missing)).rejects.toBeInstanceOf(Errors.PineconeNotFoundError);
    // Every 5xx, even with retries off, becomes PineconeMaxRetriesExceededError, its status dropped: the live
    // service's 500 for a key already gone (docs/PINECONE.md), which the action answers with a fetch, looks like a 503.
    await expect(client.apiKeys.delete(missing)).rejects.toBeInstanceOf(Errors.PineconeMaxRetriesExceededError);
    await expect(client.apiKeys.update(missing, { name: 'x' })).rejects.toBeInstanceOf(Errors.PineconeNotFoundError);
    await expect(
      client.apiKeys.create(world.project.id, { name: 'x', roles: ['ProjectOwner'] }),
    ).rejects.toBeInstanceOf(Errors.PineconeBadRequestError);
    world.emulator.options.quota = 0;
    // The SDK files 403 (QUOTA_EXCEEDED, PERMISSION_DENIED) under PineconeBadRequestError, with the service's message.
    await expect(client.apiKeys.create(world.project.id, { name: 'x' })).rejects.toThrow(
      expect.objectContaining({ name: 'PineconeBadRequestError', message: 'API key quota exceeded' }),
    );
    world.emulator.options.quota = undefined;
    world.emulator.inject({ op: 'list-projects', status: 503 });
    await expect(client.projects.list()).rejects.toBeInstanceOf(Errors.PineconeMaxRetriesExceededError);
    // A lost answer is not retried: the SDK cannot tell whether it was carried out.
    world.emulator.inject({ op: 'list-projects', action: 'drop' });
    await expect(client.projects.list()).rejects.toBeInstanceOf(Errors.PineconeConnectionError);
  });

  it('retries any 5xx three times by default, a create included, then gives up with PineconeMaxRetriesExceededError', async () => {
    const client = admin();
    world.emulator.inject({ op: 'create-key', status: 503 });
    const made = await client.apiKeys.create(world.project.id, { name: 'sdk-retried' });
    expect(
      world.emulator
        .requestsFor('create-key')
        .slice(-2)
        .map((request) => request.status),
    ).toEqual([503, 200]);
    await client.apiKeys.delete(made.key.id);
    const before = world.emulator.requestsFor('delete-key').length;
    await expect(client.apiKeys.delete(made.key.id)).rejects.toBeInstanceOf(Errors.PineconeMaxRetriesExceededError);
    expect(world.emulator.requestsFor('delete-key').length - before).toBe(4);
  });

  it('reports a rejected login, and an expired token, as PineconeAuthorizationError', async () => {
    const wrong = adminClientFor(world.emulator, CLIENT_ID, 'not-the-secret');
    await expect(wrong.projects.list()).rejects.toBeInstanceOf(Errors.PineconeAuthorizationError);
    const client = admin();
    await client.projects.list();
    world.emulator.expireTokens();
    // The SDK keeps its token for the client's life and never logs in again (tokenProvider.js): a new client must.
    await expect(client.projects.list()).rejects.toBeInstanceOf(Errors.PineconeAuthorizationError);
    await expect(admin().projects.list()).resolves.toBeDefined();
  });

  describe.skipIf(!HAVE_SPECS).each(CONTRACT_VERSIONS)(titled('every answer it got matches the spec %s'), (version) => {
    it('in shape, status and enums', () => {
      const spec = (file: string) => parse(readFileSync(join(SPECS, file), 'utf8')) as Spec;
      const specs = [spec(`admin_${version}.oas.yaml`), spec(`oauth_${version}.oas.yaml`)];
      const answered = world.emulator.requests.filter((request) => typeof request.status === 'number');
      const seen = new Set(answered.map((request) => expectAnswerInSpec(specs, request, LIVE_STATUS_IN_SPEC)));
      for (const operation of ['create_project', 'update_project', 'delete_project', 'update_api_key', 'get_token'])
        expect(
          [...seen].some((entry) => entry.startsWith(operation)),
          operation,
        ).toBe(true);
    });
  });
});
