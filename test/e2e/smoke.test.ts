// Every committed bundle starts and answers in its own words (an ESM/CommonJS mistake can bundle "successfully"
// into a stub that only fails at run time): run each with no inputs at all, on both Node versions.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STEPS, type StepName } from '../../scripts/steps.js';
import { NODES, ROOT } from '../runner/runner.js';

describe.each(NODES)('bundles on $name', ({ path: node }) => {
  const run = (entry: string) =>
    spawnSync(node, [join(ROOT, 'dist', entry, 'index.js')], {
      cwd: mkdtempSync(join(tmpdir(), 'smoke-')),
      env: { PATH: process.env['PATH'] ?? '' },
      encoding: 'utf8',
    });

  const expected: Record<StepName, [number, RegExp]> = {
    main: [1, /^::error::Input "on-missing-credentials" must be fail or skip; got ""\.$/m],
    post: [0, /^Nothing to clean up: the main step created no key\.$/m],
    sweep: [1, /^::error::Input "on-missing-credentials" must be fail or skip; got ""\.$/m],
    use: [1, /^::error::Input "on-missing-credentials" must be fail or skip; got ""\.$/m],
    revoke: [1, /^::error::Input "on-missing-credentials" must be fail or skip; got ""\.$/m],
    preview: [1, /^::error::Input "on-missing-credentials" must be fail or skip; got ""\.$/m],
  };
  it.each(STEPS.map((step) => [step.name, ...expected[step.name]] as const))('dist/%s', (entry, status, line) => {
    const result = run(entry);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(line);
    expect(result.status).toBe(status);
  });
});
