// `npm run smoke`: every committed bundle starts and answers in its own words with no inputs at all (an ESM/CommonJS
// mistake can bundle "successfully" into a stub that fails only at run time). CI and check-dist run it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STEPS } from './steps.js';

let failed = 0;
for (const { name } of STEPS) {
  const result = spawnSync(process.execPath, [join('dist', name, 'index.js')], {
    cwd: process.cwd(),
    env: { PATH: process.env['PATH'] ?? '', GITHUB_WORKSPACE: mkdtempSync(join(tmpdir(), 'smoke-')) },
    encoding: 'utf8',
  });
  const out = `${result.stdout}${result.stderr}`;
  if (/^(::error::|Nothing to clean up)/m.test(out)) continue;
  failed += 1;
  process.stderr.write(`dist/${name} did not start: ${out}\n`);
}
if (failed > 0) process.exit(1);
process.stdout.write(`every bundle starts (${STEPS.map((step) => step.name).join(', ')})\n`);
