// The README's tables are what `npm run docs` makes from the action.yml files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOMS } from '../../eslint.config.js';
import { ROOT } from '../runner/runner.js';
import { ACTIONS, READMES, renderTables, syncReadme } from '../../scripts/docs-tables.js';
import { ROLES_DESCRIPTION, syncRoles } from '../../scripts/docs-roles.js';
import { ROLES } from '../../src/inputs/roles.js';

/** What a reader sees before scrolling: the intro, the quick start and the two commands to try it. */
const FIRST_SCREEN_LINES = 60;

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

  it('shows on its first screen how to try the project: two commands, each whole on a fresh clone', () => {
    const firstScreen = readme.split('\n').slice(0, FIRST_SCREEN_LINES).join('\n');
    const shell = [...firstScreen.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) =>
      match[1]!
        .split('\n')
        .map((line) => line.replace(/#.*$/, '').trim())
        .filter(Boolean),
    );
    expect(shell).toContainEqual(['npm ci && npm run demo', 'npm ci && npm test']);
  });

  it('says which Node the two commands need, as package.json does', () => {
    const engines = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } })
      .engines.node;
    const least = /^>=(\d+\.\d+)/.exec(engines)?.[1];
    expect(least).toBeDefined();
    expect(readme).toContain(`Node ${least} or later`);
    expect(readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8')).toContain(`Node ${least} or later`);
  });

  it('says what OWNER stands for, and how to pin a full version or a commit SHA', () => {
    expect(readme).toMatch(/`OWNER` stands for [^.]+/);
    expect(readme).toMatch(/@v1\.0\.0` pins one/);
    expect(readme).toMatch(/commit SHA/);
  });

  it('says which runners the node24 runtime needs', () => {
    expect(readme).toMatch(/runner 2\.327\.1 or later \(GHES 3\.18/);
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

describe("action.yml's roles", () => {
  const action = readFileSync(join(ROOT, 'action.yml'), 'utf8');

  it('are described from src/inputs/roles.ts (run `npm run docs` if not)', () => {
    expect(syncRoles(action)).toBe(action);
    const { inputs } = parse(action) as { inputs: { roles: { description: string } } };
    expect(inputs.roles.description).toBe(ROLES_DESCRIPTION);
    for (const role of ROLES) expect(ROLES_DESCRIPTION).toContain(role);
  });

  it('would notice a role missing from the description, and write only the input', () => {
    const edited = action.replace(', DataPlaneViewer.', '.');
    expect(edited).not.toBe(action);
    expect(syncRoles(edited)).toBe(action);
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
