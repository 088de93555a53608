// The emulator's projects and control plane, checked against Pinecone's official specs (admin, db_control,
// assistant_control in ../shared/pinecone-admin-api/): every request sent here and every answer, in the states a
// throwaway project goes through — full, deletion-protected, Terminating, refused while not empty, gone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLIENT_ID, CLIENT_SECRET, startWorld, type World } from '../support/fixture.js';
import { expectAnswerInSpec, operationFor, type Spec } from './operations.js';
import { validate } from './schema.js';
import { CONTRACT_VERSIONS, HAVE_SPECS, SPECS, titled } from './specs.js';

describe.skipIf(!HAVE_SPECS).each(CONTRACT_VERSIONS)(
  titled('contract: projects and the control plane, %s'),
  (VERSION) => {
    let world: World;
    let specs: Spec[];
    const outcomes: Record<string, number> = {};

    beforeAll(async () => {
      specs = ['admin', 'oauth', 'db_control', 'assistant_control'].map(
        (name) => parse(readFileSync(join(SPECS, `${name}_${VERSION}.oas.yaml`), 'utf8')) as Spec,
      );
      world = await startWorld({ terminatingMs: 100, backupsPageSize: 2 });
      const { emulator } = world;
      const call = async (
        name: string,
        method: string,
        path: string,
        headers: Record<string, string>,
        body?: unknown,
      ) => {
        const response = await fetch(`${emulator.url}${path}`, {
          method,
          headers: {
            'X-Pinecone-Api-Version': VERSION,
            ...(body ? { 'Content-Type': 'application/json' } : {}),
            ...headers,
          },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        outcomes[name] = response.status;
        const text = await response.text();
        return text ? (JSON.parse(text) as Record<string, unknown>) : {};
      };
      const token = (
        await call(
          'token',
          'POST',
          '/oauth/token',
          {},
          {
            grant_type: 'client_credentials',
            client_id: CLIENT_ID,
            client_secret: CLIENT_SECRET,
            audience: 'https://api.pinecone.io/',
          },
        )
      )['access_token'] as string;
      const admin = { Authorization: `Bearer ${token}` };

      const project = await call('create project', 'POST', '/admin/projects', admin, { name: 'gha-throwaway' });
      const id = project['id'] as string;
      const key = emulator.addKey(id, 'cleanup', ['ControlPlaneEditor']).value;
      const viewer = emulator.addKey(id, 'viewer', ['DataPlaneViewer']).value;
      emulator.addIndex(id, 'guarded', { deletionProtection: 'enabled' });
      emulator.addIndex(id, 'copying', { collectionInProgress: true });
      emulator.addIndex(id, 'plain');
      emulator.addCollection(id, 'snapshot');
      for (const source of ['a', 'b', 'c']) emulator.addBackup(id, source);
      emulator.addAssistant(id, 'helper');
      const cp = { 'Api-Key': key };

      await call('delete non-empty project', 'DELETE', `/admin/projects/${id}`, admin);
      await call('list indexes', 'GET', '/indexes', cp);
      await call('list indexes unauthenticated', 'GET', '/indexes', { 'Api-Key': 'nope' });
      await call('delete index without the role', 'DELETE', '/indexes/plain', { 'Api-Key': viewer });
      await call('delete protected index', 'DELETE', '/indexes/guarded', cp);
      await call('turn protection off', 'PATCH', '/indexes/guarded', cp, { deletion_protection: 'disabled' });
      await call('delete index', 'DELETE', '/indexes/guarded', cp);
      await call('list terminating', 'GET', '/indexes', cp);
      await call('delete index being copied', 'DELETE', '/indexes/copying', cp);
      emulator.contentsOf(id).indexes.get('copying')!.collectionInProgress = false;
      await call('delete copied index', 'DELETE', '/indexes/copying', cp);
      await call('delete plain index', 'DELETE', '/indexes/plain', cp);
      await call('delete missing index', 'DELETE', '/indexes/nothing', cp);
      emulator.inject({ op: 'list-collections', status: 503 }); // faults reach the new operations too
      await call('list collections, injected 503', 'GET', '/collections', cp);
      await call('list collections', 'GET', '/collections', cp);
      await call('delete collection', 'DELETE', '/collections/snapshot', cp);
      await call('delete missing collection', 'DELETE', '/collections/snapshot', cp);
      const page = await call('list backups', 'GET', '/backups', cp);
      const next = (page['pagination'] as { next: string }).next;
      const rest = await call('list backups page 2', 'GET', `/backups?paginationToken=${next}`, cp);
      for (const backup of [...(page['data'] as unknown[]), ...(rest['data'] as unknown[])])
        await call('delete backup', 'DELETE', `/backups/${(backup as { backup_id: string }).backup_id}`, cp);
      await call('list assistants', 'GET', '/assistant/assistants', cp);
      await call('delete assistant', 'DELETE', '/assistant/assistants/helper', cp);
      await call('delete project while an index terminates', 'DELETE', `/admin/projects/${id}`, admin);
      await emulator.settle();
      await call('delete empty project', 'DELETE', `/admin/projects/${id}`, admin);
      await call('delete project again', 'DELETE', `/admin/projects/${id}`, admin);
      emulator.options.projectLimit = emulator.projects.size;
      await call('create project over the limit', 'POST', '/admin/projects', admin, { name: 'one-too-many' });
      emulator.clients.get(CLIENT_ID)!.manageProjects = false;
      await call('create project without the right', 'POST', '/admin/projects', admin, { name: 'not-allowed' });
    });
    afterAll(() => world.emulator.stop());

    it('behaves as the live service does through a throwaway project’s life', () => {
      expect(outcomes).toMatchObject({
        'create project': 200,
        'delete non-empty project': 412,
        'list indexes unauthenticated': 401,
        'delete index without the role': 403,
        'delete protected index': 403,
        'turn protection off': 202,
        'delete index': 202,
        'delete index being copied': 412,
        'delete missing index': 404,
        'list collections, injected 503': 503,
        'list collections': 200,
        'delete collection': 202,
        'delete missing collection': 404,
        'delete backup': 202,
        'delete assistant': 200,
        'delete project while an index terminates': 412,
        'delete empty project': 202,
        'delete project again': 404,
        'create project over the limit': 403,
        'create project without the right': 403,
      });
      expect(world.emulator.keysIn()).toHaveLength(0); // the project's keys went with it
    });

    it('every request names the API version, and a valid body', () => {
      for (const request of world.emulator.requests) {
        const [doc, template, operation] = operationFor(specs, request);
        for (const parameter of operation.parameters ?? [])
          if (parameter.in === 'header' && parameter.required)
            expect(request.headers[parameter.name.toLowerCase()], `${template} ${parameter.name}`).toBe(VERSION);
        if (operation.requestBody && request.body) {
          const schema = operation.requestBody.content['application/json']!.schema;
          expect(validate(doc, schema, JSON.parse(request.body), template)).toEqual([]);
        }
      }
    });

    it('every answer matches the schema the spec gives for its status', () => {
      const seen = new Set(world.emulator.requests.map((request) => expectAnswerInSpec(specs, request)));
      expect([...seen]).toEqual(
        expect.arrayContaining([
          'create_project 200',
          'delete_project 202',
          'list_indexes 200',
          'configure_index 202',
          'delete_index 403',
          'delete_index 412',
          'list_collections 200',
          'delete_collection 202',
          'list_project_backups 200',
          'delete_backup 202',
          'list_assistants 200',
          'delete_assistant 200',
        ]),
      );
    });
  },
);
