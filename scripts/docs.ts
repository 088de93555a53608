// `npm run docs`: write action.yml's roles description from src/inputs/roles.ts, then regenerate the
// inputs/outputs tables of README.md and of each sub-action's README from the action.yml files.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../test/runner/runner.js';
import { syncRoles } from './docs-roles.js';
import { ACTIONS, READMES, syncReadme } from './docs-tables.js';

const actionYml = join(ROOT, 'action.yml');
const action = readFileSync(actionYml, 'utf8');
writeFileSync(actionYml, syncRoles(action));
process.stdout.write(`action.yml: ${syncRoles(action) === action ? 'roles already in sync' : 'roles updated'}\n`);

for (const file of READMES) {
  const path = join(ROOT, file);
  const before = readFileSync(path, 'utf8');
  const after = syncReadme(before, ROOT, ACTIONS);
  writeFileSync(path, after);
  process.stdout.write(`${file}: ${before === after ? 'tables already in sync' : 'tables updated'}\n`);
}
