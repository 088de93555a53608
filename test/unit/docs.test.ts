// The README's tables are what `npm run docs` makes from the action.yml files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../runner/runner.js';
import { ACTIONS, renderTables, syncReadme } from '../../scripts/docs-tables.js';

describe('README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it('has inputs/outputs tables in sync with the action.yml files (run `npm run docs` if not)', () => {
    expect(syncReadme(readme, ROOT, ACTIONS)).toBe(readme);
  });

  it('would notice an edited description', () => {
    const edited = readme.replace('Client ID of a Pinecone service account.', 'The client ID.');
    expect(edited).not.toBe(readme);
    expect(syncReadme(edited, ROOT, ACTIONS)).not.toBe(edited);
  });

  it('renders defaults and required inputs', () => {
    const { inputs } = renderTables(
      'inputs:\n  a:\n    description: A|B\n    required: true\n  b:\n    description: x\n    default: ""\n',
    );
    expect(inputs).toContain('| `a` | **required** | A\\|B |');
    expect(inputs).toContain('| `b` | `""` | x |');
  });
});
