// `npm run smoke`: every committed bundle starts and answers in its own words with no inputs at all (an ESM/CommonJS
// mistake can bundle "successfully" into a stub that fails only at run time). CI and check-dist run it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENTRIES } from './steps.js';

let failed = 0;
for (const name of new Set(ENTRIES)) {
  const result = spawnSync(process.execPath, [join('dist', name, 'index.js')], {
    cwd: process.cwd(),
    env: { PATH: process.env['PATH'] ?? '', GITHUB_WORKSPACE: mkdtempSync(join(tmpdir(), 'smoke-')) },
    encoding: 'utf8',
  });
  const out = `${result.stdout}${result.stderr}`;
  // The broker with no configuration stops at once with one line that names what is missing.
  if (/^(::error::|Nothing to clean up|pinecone-broker: PINECONE_BROKER_CONFIG is empty)/m.test(out)) continue;
  failed += 1;
  process.stderr.write(`dist/${name} did not start: ${out}\n`);
}
if (failed > 0) process.exit(1);
process.stdout.write(`every bundle starts (${[...new Set(ENTRIES)].join(', ')})\n`);
