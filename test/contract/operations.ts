// Finds the operation of Pinecone's specs that a recorded request is, and checks the emulator's answer against
// the schema the spec gives for its status. Shared by the contract tests.
import { expect } from 'vitest';
import type { RecordedRequest } from '../emulator/server.js';
import { validate } from './schema.js';

export type Spec = { paths: Record<string, Record<string, Operation>>; servers?: Array<{ url: string }> };
export type Operation = {
  operationId: string;
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: Record<string, unknown> }>;
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
};

/** The spec, its path template, the operation and the path parameters of `request`. */
export function operationFor(
  specs: readonly Spec[],
  request: Pick<RecordedRequest, 'method' | 'path'>,
): [Spec, string, Operation, Record<string, string>] {
  for (const doc of specs) {
    // A spec served under a base path (assistants: https://api.pinecone.io/assistant) carries it in its server URL.
    const base = new URL(doc.servers?.[0]?.url ?? 'https://x').pathname.replace(/\/$/, '');
    for (const [template, methods] of Object.entries(doc.paths)) {
      const names: string[] = [];
      const pattern = new RegExp(
        `^${base}${template.replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), '([^/]+)'))}$`,
      );
      const match = pattern.exec(request.path);
      const operation = methods[request.method.toLowerCase()];
      if (match && operation)
        return [doc, template, operation, Object.fromEntries(names.map((n, i) => [n, match[i + 1]!]))];
    }
  }
  throw new Error(`no operation in the specs for ${request.method} ${request.path}`);
}

/** The answer matches the schema the spec gives for its status (`liveStatus`: where the live service differs). */
export function expectAnswerInSpec(
  specs: readonly Spec[],
  request: RecordedRequest,
  liveStatus: Record<string, Record<number, string>> = {},
): string {
  const [doc, template, operation] = operationFor(specs, request);
  const status = request.status as number;
  const documented = liveStatus[operation.operationId]?.[status] ?? String(status);
  // The spec documents 500 as its one server error; other 5xx (a gateway's 503) share its shape.
  const response =
    operation.responses[documented] ??
    operation.responses[`${documented[0]}XX`] ??
    (status >= 500 ? operation.responses['500'] : undefined);
  expect(response, `${request.method} ${template} ${status} is not in the spec`).toBeDefined();
  const schema = response!.content?.['application/json']?.schema;
  if (!schema) expect(request.responseBody, `${template} ${status} has no body in the spec`).toBe('');
  else
    expect(validate(doc, schema, JSON.parse(request.responseBody), `${request.method} ${template} ${status}`)).toEqual(
      [],
    );
  return `${operation.operationId} ${status}`;
}
