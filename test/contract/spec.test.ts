// The emulator's answers and the action's requests, checked against Pinecone's official OpenAPI specs in
// ../shared/pinecone-admin-api/ (read from there, never copied). Where NOTES.md documents that the live service
// differs (create answers 200, not 201), the spec's schema for the documented status is used.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RecordedRequest } from '../emulator/server.js';
import { Job, ROOT } from '../runner/runner.js';
import { startWorld, type World } from '../support/fixture.js';
import { validate } from './schema.js';

const SPECS = join(ROOT, '../shared/pinecone-admin-api');
const LIVE_STATUS_IN_SPEC: Record<string, Record<number, string>> = { create_api_key: { 200: '201' } };
type Spec = { paths: Record<string, Record<string, Operation>> };
type Operation = {
  operationId: string;
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: Record<string, unknown> }>;
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
};

describe.skipIf(!existsSync(SPECS))('contract with the official Admin API spec', () => {
  let world: World;
  const spec = (file: string) => parse(readFileSync(join(SPECS, file), 'utf8')) as Spec;
  let admin: Spec;
  let oauth: Spec;

  beforeAll(async () => {
    admin = spec('admin_2025-10.oas.yaml');
    oauth = spec('oauth_2025-10.oas.yaml');
    world = await startWorld({ missingKeyDeleteStatus: 500 });
    // One run that touches every operation the action uses: project by name, a lost create (→ list),
    // a delete of a key someone else already removed (→ 500 → fetch), and error answers.
    world.emulator.inject({ op: 'create-key', status: 503 });
    const job = new Job({ with: { ...world.inputs, project: 'shop-api-ci' } });
    await job.main();
    world.emulator.keys.clear();
    await job.post();
    const plain = new Job({ with: world.inputs });
    await plain.main();
    await plain.post();
    await new Job({ with: { ...world.inputs, 'client-secret': 'wrong' } }).main();
    world.emulator.options.quota = 0;
    await new Job({ with: world.inputs }).main();
  });
  afterAll(() => world.emulator.stop());

  function operationFor(request: RecordedRequest): [Spec, string, Operation, Record<string, string>] {
    for (const doc of [admin, oauth]) {
      for (const [template, methods] of Object.entries(doc.paths)) {
        const names: string[] = [];
        const pattern = new RegExp(
          `^${template.replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), '([^/]+)'))}$`,
        );
        const match = pattern.exec(request.path);
        const operation = methods[request.method.toLowerCase()];
        if (match && operation)
          return [doc, template, operation, Object.fromEntries(names.map((n, i) => [n, match[i + 1]!]))];
      }
    }
    throw new Error(`no operation in the spec for ${request.method} ${request.path}`);
  }

  it('covers every operation the action uses', () => {
    const used = new Set(world.emulator.requests.map((request) => operationFor(request)[2].operationId));
    expect([...used].sort()).toEqual([
      'create_api_key',
      'delete_api_key',
      'fetch_api_key',
      'get_token',
      'list_project_api_keys',
      'list_projects',
    ]);
  });

  it('every request has the required headers and parameters, and a valid body', () => {
    for (const request of world.emulator.requests) {
      const [doc, template, operation, params] = operationFor(request);
      const where = `${request.method} ${template}`;
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in === 'header' && parameter.required) {
          expect(request.headers[parameter.name.toLowerCase()], `${where} header ${parameter.name}`).toMatch(
            /^\d{4}-\d{2}$/,
          );
        }
        if (parameter.in === 'path') {
          expect(
            validate(
              doc,
              parameter.schema ?? {},
              decodeURIComponent(params[parameter.name]!),
              `${where} ${parameter.name}`,
            ),
          ).toEqual([]);
        }
      }
      if (operation.requestBody) {
        const schema = operation.requestBody.content['application/json']!.schema;
        expect(validate(doc, schema, JSON.parse(request.body), where)).toEqual([]);
      }
      if (template.startsWith('/admin')) expect(request.headers.authorization, where).toMatch(/^Bearer \S+$/);
    }
  });

  it('every answer of the emulator matches the schema the spec gives for its status', () => {
    const statuses = new Set<string>();
    for (const request of world.emulator.requests) {
      const [doc, template, operation] = operationFor(request);
      const status = request.status as number;
      const documented = LIVE_STATUS_IN_SPEC[operation.operationId]?.[status] ?? String(status);
      // The spec documents 500 as its one server error; other 5xx (a gateway's 503) share its shape.
      const response =
        operation.responses[documented] ??
        operation.responses[`${documented[0]}XX`] ??
        (status >= 500 ? operation.responses['500'] : undefined);
      statuses.add(`${operation.operationId} ${status}`);
      expect(response, `${request.method} ${template} ${status} is not in the spec`).toBeDefined();
      const schema = response!.content?.['application/json']?.schema;
      if (!schema) {
        expect(request.responseBody, `${template} ${status} has no body in the spec`).toBe('');
        continue;
      }
      expect(
        validate(doc, schema, JSON.parse(request.responseBody), `${request.method} ${template} ${status}`),
      ).toEqual([]);
    }
    expect([...statuses]).toEqual(
      expect.arrayContaining([
        'get_token 401',
        'create_api_key 403',
        'create_api_key 503',
        'delete_api_key 500',
        'fetch_api_key 404',
        'delete_api_key 202',
      ]),
    );
  });
});
