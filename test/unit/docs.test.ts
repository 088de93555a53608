// The README's tables are what `npm run docs` makes from the action.yml files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOMS } from '../../eslint.config.js';
import { ROOT } from '../runner/runner.js';
import { ACTIONS, READMES, renderTables, syncReadme } from '../../scripts/docs-tables.js';

describe('README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it.each(READMES)('%s has inputs/outputs tables in sync with its action.yml (run `npm run docs` if not)', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect(text).toMatch(/<!-- [\w-]+:inputs -->/);
    expect(syncReadme(text, ROOT, ACTIONS)).toBe(text);
  });

  it('is a 5-minute read: at most 2,000 words and 320 lines', () => {
    expect(readme.split(/\s+/).filter(Boolean).length).toBeLessThanOrEqual(2000);
    expect(readme.split('\n').length).toBeLessThanOrEqual(320);
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

describe('docs/ARCHITECTURE.md', () => {
  it("has the folder table of eslint.config.js's ROOMS, which the lint enforces", () => {
    const text = readFileSync(join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');
    const rows = [...text.matchAll(/^\| `src\/([^`]*)` *\|[^|]*\|([^|]*)\|$/gm)].map(([, folder, may]) => [
      folder === '*.ts' ? '.' : folder!.replace(/\/$/, ''),
      may!.trim(),
    ]);
    const said = (room: { may: readonly string[]; types?: readonly string[] }) =>
      [...room.may, ...(room.types ?? []).map((t) => `types of ${t}`)].join(', ') || 'nothing';
    expect(Object.fromEntries(rows)).toEqual(
      Object.fromEntries(Object.entries(ROOMS).map(([name, room]) => [name, said(room)])),
    );
  });
});
