// Netlify's published description of its API (@netlify/open-api's swagger.json, Swagger 2.0): each request is
// checked against its operation's parameters (path, query, body), and each answer against its response schema,
// with unknown properties refused (a field Netlify's description does not name is one it does not take).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'body' | 'formData' | 'header';
  required?: boolean;
  type?: string;
  schema?: Schema;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  responses: Record<string, { schema?: Schema }>;
}

const file = createRequire(import.meta.url).resolve('@netlify/open-api/dist/swagger.json');
const SPEC = JSON.parse(readFileSync(file, 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  definitions: Record<string, Schema>;
};

export function operation(method: string, template: string): Operation {
  const found = SPEC.paths[template]?.[method.toLowerCase()];
  if (!found) throw new Error(`@netlify/open-api describes no ${method} ${template}`);
  return found;
}

/** The request's problems against the operation: missing or unknown parameters, wrong types, a body off its schema. */
export function checkRequest(
  op: Operation,
  path: Record<string, string>,
  query: Record<string, string>,
  body: unknown,
): string[] {
  const params = op.parameters ?? [];
  const problems: string[] = [];
  for (const param of params) {
    const value = param.in === 'path' ? path[param.name] : param.in === 'query' ? query[param.name] : undefined;
    if (param.required && param.in !== 'body' && value === undefined)
      problems.push(`${param.in} parameter ${param.name} is required`);
    if (value !== undefined && param.type === 'boolean' && !['true', 'false'].includes(value))
      problems.push(`${param.name}: not a boolean`);
  }
  for (const name of Object.keys(query))
    if (!params.some((param) => param.in === 'query' && param.name === name))
      problems.push(`query parameter ${name} is not the operation's`);
  const bodyParam = params.find((param) => param.in === 'body');
  if (body !== undefined && !bodyParam) problems.push(`${op.operationId} takes no JSON body`);
  if (bodyParam?.schema && body !== undefined) problems.push(...validate(bodyParam.schema, body, 'body'));
  if (bodyParam?.required && body === undefined) problems.push('body is required');
  return problems;
}

/** The answer's problems against the operation's response for `status`. */
export function checkAnswer(op: Operation, status: number, body: unknown): string[] {
  const response = op.responses[String(status)];
  if (!response) return [`${op.operationId} documents no ${status} answer`];
  return response.schema
    ? validate(response.schema, body, 'answer')
    : body === undefined
      ? []
      : [`${op.operationId}'s ${status} has no body`];
}

function validate(schema: Schema, value: unknown, path: string): string[] {
  if (typeof schema['$ref'] === 'string')
    return validate(SPEC.definitions[schema['$ref'].replace('#/definitions/', '')]!, value, path);
  const type = schema['type'];
  if (Array.isArray(schema['enum']) && !schema['enum'].includes(value))
    return [`${path}: ${JSON.stringify(value)} not in ${schema['enum'].join('|')}`];
  if (type === 'object' || schema['properties']) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected an object`];
    const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
    const problems = ((schema['required'] ?? []) as string[])
      .filter((name) => !(name in value))
      .map((name) => `${path}.${name}: required`);
    for (const [name, child] of Object.entries(value)) {
      if (!properties[name]) problems.push(`${path}.${name}: not a property of the schema`);
      else problems.push(...validate(properties[name], child, `${path}.${name}`));
    }
    return problems;
  }
  if (type === 'array') {
    if (!Array.isArray(value)) return [`${path}: expected an array`];
    return value.flatMap((item, i) => validate(schema['items'] as Schema, item, `${path}[${i}]`));
  }
  if (type === 'string' && typeof value !== 'string') return [`${path}: expected a string`];
  if (type === 'boolean' && typeof value !== 'boolean') return [`${path}: expected a boolean`];
  if (type === 'integer' && !Number.isInteger(value)) return [`${path}: expected an integer`];
  return [];
}
