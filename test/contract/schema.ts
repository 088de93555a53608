// Just enough of OpenAPI 3.0 schema validation for Pinecone's Admin specs: $ref, type, properties, required,
// items, minLength/maxLength, format uuid, and Pinecone's `x-enum`. Returns the problems found.
type Schema = Record<string, unknown>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validate(spec: Schema, schema: Schema, value: unknown, path = '$'): string[] {
  if (typeof schema['$ref'] === 'string') {
    const target = schema['$ref']
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, part) => (node as Schema)[part], spec);
    return validate(spec, target as Schema, value, path);
  }
  const problems: string[] = [];
  const type = schema['type'];
  if (type === 'object') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected object`];
    for (const field of (schema['required'] as string[] | undefined) ?? []) {
      if (!(field in value)) problems.push(`${path}.${field}: required`);
    }
    for (const [field, sub] of Object.entries((schema['properties'] as Record<string, Schema> | undefined) ?? {})) {
      const child = (value as Record<string, unknown>)[field];
      if (child !== undefined) problems.push(...validate(spec, sub, child, `${path}.${field}`));
    }
  } else if (type === 'array') {
    if (!Array.isArray(value)) return [`${path}: expected array`];
    value.forEach((item, i) => problems.push(...validate(spec, schema['items'] as Schema, item, `${path}[${i}]`)));
  } else if (type === 'string') {
    if (typeof value !== 'string') return [`${path}: expected string, got ${JSON.stringify(value)}`];
    if (typeof schema['minLength'] === 'number' && value.length < schema['minLength'])
      problems.push(`${path}: shorter than ${schema['minLength']}`);
    if (typeof schema['maxLength'] === 'number' && value.length > schema['maxLength'])
      problems.push(`${path}: longer than ${schema['maxLength']}`);
    if (schema['format'] === 'uuid' && !UUID.test(value)) problems.push(`${path}: not a uuid`);
    const allowed = schema['x-enum'] ?? schema['enum'];
    if (Array.isArray(allowed) && !allowed.includes(value))
      problems.push(`${path}: ${value} not in ${allowed.join('|')}`);
  } else if (type === 'integer') {
    if (!Number.isInteger(value)) problems.push(`${path}: expected integer`);
  } else if (type === 'boolean') {
    if (typeof value !== 'boolean') problems.push(`${path}: expected boolean`);
  }
  return problems;
}
