// The emulator's answers and the action's requests, checked against Pinecone's official OpenAPI specs in
// ../shared/pinecone-admin-api/ (read from there, never copied). Where NOTES.md documents that the live service
// differs (create answers 200, not 201), the spec's schema for the documented status is used.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RecordedRequest } from '../emulator/server.js';
import { Job, RUN_ENV } from '../runner/runner.js';
import { startWorld, type World } from '../support/fixture.js';
import { expectAnswerInSpec, operationFor as operationOf, type Spec } from './operations.js';
import { validate } from './schema.js';
import { CONTRACT_VERSIONS, HAVE_SPECS, SPECS, titled } from './specs.js';

const LIVE_STATUS_IN_SPEC: Record<string, Record<number, string>> = { create_api_key: { 200: '201' } };
describe.skipIf(!HAVE_SPECS).each(CONTRACT_VERSIONS)(
  titled('contract with the official Admin API spec %s'),
  (version) => {
    let world: World;
    const spec = (file: string) => parse(readFileSync(join(SPECS, file), 'utf8')) as Spec;
    let admin: Spec;
    let oauth: Spec;

    beforeAll(async () => {
      admin = spec(`admin_${version}.oas.yaml`);
      oauth = spec(`oauth_${version}.oas.yaml`);
      world = await startWorld({ missingKeyDeleteStatus: 500 });
      world.inputs['api-version'] = version;
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
      const earlier = { repositoryId: RUN_ENV.GITHUB_REPOSITORY_ID, runId: '1', attempt: 1 };
      world.tagged('preview-pr-42', 3_600_000, { kind: 'kept', run: earlier });
      const renew = { ...world.inputs, name: 'preview-pr-42', cleanup: 'false', renew: 'true' };
      await new Job({ with: renew }).main();
      await new Job({ with: { ...world.inputs, 'client-secret': 'wrong' } }).main();
      world.emulator.options.quota = 0;
      await new Job({ with: world.inputs }).main();
    });
    afterAll(() => world.emulator.stop());

    const operationFor = (request: RecordedRequest) => operationOf([admin, oauth], request);

    it('covers every operation the action uses', () => {
      const used = new Set(world.emulator.requests.map((request) => operationFor(request)[2].operationId));
      expect([...used].sort()).toEqual([
        'create_api_key',
        'delete_api_key',
        'fetch_api_key',
        'get_token',
        'list_project_api_keys',
        'list_projects',
        'update_api_key',
      ]);
    });

    it('every request has the required headers and parameters, and a valid body', () => {
      for (const request of world.emulator.requests) {
        const [doc, template, operation, params] = operationFor(request);
        const where = `${request.method} ${template}`;
        for (const parameter of operation.parameters ?? []) {
          if (parameter.in === 'header' && parameter.required) {
            expect(request.headers[parameter.name.toLowerCase()], `${where} header ${parameter.name}`).toBe(version);
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
      for (const request of world.emulator.requests)
        statuses.add(expectAnswerInSpec([admin, oauth], request, LIVE_STATUS_IN_SPEC));
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
  },
);
