// The emulator held to Pinecone's specs by what it is, not only by the runs the action makes: every role it accepts
// is one the spec names and every role the spec names it accepts; every route it serves is an operation of the
// specs; and what it answers on each route, signed in or not, in or out of role, found or not, is in the spec
// (statuses, shapes and enums such as error codes and index states).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROLES } from '../../src/inputs/roles.js'; // the emulator takes its roles from the action's list
import { READ_ROLES, WRITE_ROLES } from '../emulator/control-plane.js';
import { CLIENT_ID, CLIENT_SECRET, startWorld, type World } from '../support/fixture.js';
import { expectAnswerInSpec, operationFor, type Spec } from './operations.js';
import { CONTRACT_VERSIONS, HAVE_SPECS, SPECS, titled } from './specs.js';

// A key without the role an operation needs gets 403 on the live service (NOTES.md: a data-plane key cannot describe
// an index); the control-plane specs document 403 only where a resource refuses (deletion protection), so the
// refusal is checked against their error shape, which every error of theirs shares.
const ROLE_REFUSAL = Object.fromEntries(
  [
    'list_indexes',
    'describe_index',
    'list_collections',
    'delete_collection',
    'list_project_backups',
    'delete_backup',
    'list_assistants',
    'delete_assistant',
  ].map((operation) => [operation, { 403: '401' }]),
);
type Schema = { properties?: Record<string, { items?: { 'x-enum'?: string[] } }> };
/** A path the route's pattern matches: each parameter a UUID (a project's, a key's, an index's name). */
const samplePath = (pattern: RegExp, parameter: string) =>
  pattern.source
    .replace(/^\^|\$$/g, '')
    .replaceAll('([^/]+)', parameter)
    .replaceAll('\\/', '/');

async function tokenFrom(world: World): Promise<string> {
  const response = await fetch(world.emulator.authUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      audience: 'https://api.pinecone.io/',
    }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

describe.skipIf(!HAVE_SPECS).each(CONTRACT_VERSIONS)(titled('the emulator against the spec %s'), (version) => {
  let world: World;
  let specs: Spec[];
  const load = (name: string) => parse(readFileSync(join(SPECS, `${name}_${version}.oas.yaml`), 'utf8')) as Spec;
  beforeAll(async () => {
    specs = ['admin', 'oauth', 'db_control', 'assistant_control'].map(load);
    world = await startWorld();
  });
  afterAll(() => world.emulator.stop());

  it("accepts exactly the spec's roles, wherever the spec lists them", async () => {
    const schemas = (specs[0] as unknown as { components: { schemas: Record<string, Schema> } }).components.schemas;
    for (const schema of ['APIKey', 'CreateAPIKeyRequest', 'UpdateAPIKeyRequest']) {
      const roles = schemas[schema]?.properties?.['roles']?.items?.['x-enum'];
      expect(roles, `${schema}.roles`).toBeDefined();
      expect([...ROLES].sort(), `the emulator's roles against ${schema}.roles`).toEqual([...roles!].sort());
    }
    for (const role of [...READ_ROLES, ...WRITE_ROLES]) expect(ROLES, 'a control-plane role').toContain(role);
    // And it takes each of them, alone, on create and on update (through its HTTP API, as a client sends them).
    const token = await tokenFrom(world);
    const call = (method: string, path: string, body: unknown) =>
      fetch(`${world.emulator.url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    for (const role of ROLES) {
      const created = await call('POST', `/admin/projects/${world.project.id}/api-keys`, { name: role, roles: [role] });
      expect(created.status, role).toBe(200);
      const { key } = (await created.json()) as { key: { id: string } };
      expect((await call('PATCH', `/admin/api-keys/${key.id}`, { roles: [role] })).status, role).toBe(200);
    }
  });

  it('serves only operations of the specs, each once', () => {
    const operations = world.emulator.served.map((route) => {
      const [, template, operation] = operationFor(specs, { method: route.method, path: samplePath(route.path, 'x') });
      return `${route.method} ${template} ${operation.operationId}`;
    });
    expect(new Set(operations).size).toBe(operations.length);
  });

  it('answers every route, signed in or not, in role or not, found or not, as the spec says', async () => {
    const { emulator } = world;
    const token = await tokenFrom(world);
    const viewer = emulator.addKey(world.project.id, 'viewer', ['ControlPlaneViewer']).value;
    const dataOnly = emulator.addKey(world.project.id, 'data', ['DataPlaneViewer']).value;
    emulator.addIndex(world.project.id, 'idx', { deletionProtection: 'enabled' });
    const credentials = [{}, { Authorization: `Bearer ${token}` }, { 'Api-Key': viewer }, { 'Api-Key': dataOnly }];
    const before = emulator.requests.length;
    for (const route of emulator.served)
      for (const parameter of [randomUUID(), world.project.id, 'idx'])
        for (const headers of credentials)
          await fetch(`${emulator.url}${samplePath(route.path, parameter)}`, {
            method: route.method,
            headers: { 'X-Pinecone-Api-Version': version, 'Content-Type': 'application/json', ...headers },
            ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: '{}' }),
          });
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const request of emulator.requests.slice(before)) {
      try {
        seen.add(expectAnswerInSpec(specs, request, ROLE_REFUSAL));
      } catch (error) {
        problems.push((error as Error).message.split('\n')[0]!);
      }
    }
    expect([...new Set(problems)]).toEqual([]);
    for (const answer of ['describe_index 200', 'describe_index 403', 'list_indexes 401', 'update_project 404'])
      expect(seen).toContain(answer);
  });
});
