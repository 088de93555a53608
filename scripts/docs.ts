// `npm run docs`: regenerate the README's inputs/outputs tables from the action.yml files.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../test/runner/runner.js';
import { ACTIONS, syncReadme } from './docs-tables.js';

const path = join(ROOT, 'README.md');
const before = readFileSync(path, 'utf8');
const after = syncReadme(before, ROOT, ACTIONS);
writeFileSync(path, after);
process.stdout.write(before === after ? 'README.md tables already in sync\n' : 'README.md tables updated\n');
