// The roles the action accepts (src/inputs/roles.ts, the one list: action.yml's description and the emulator read
// it) are the roles Pinecone's specs allow when a key is created or updated, in every version checked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROLES } from '../../src/inputs/roles.js';
import { CONTRACT_VERSIONS, HAVE_SPECS, SPECS, titled } from './specs.js';

type Schemas = Record<string, { properties: { roles: { items: { 'x-enum'?: string[]; enum?: string[] } } } }>;

describe.skipIf(!HAVE_SPECS).each(CONTRACT_VERSIONS)(titled('the roles of the Admin API spec %s'), (version) => {
  it.each(['CreateAPIKeyRequest', 'UpdateAPIKeyRequest'])('are those of ROLES, in %s', (schema) => {
    const spec = parse(readFileSync(join(SPECS, `admin_${version}.oas.yaml`), 'utf8')) as {
      components: { schemas: Schemas };
    };
    const items = spec.components.schemas[schema]!.properties.roles.items;
    expect([...ROLES].sort()).toEqual([...(items['x-enum'] ?? items.enum ?? [])].sort());
  });
});
