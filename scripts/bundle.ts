// `npm run bundle`: every step's bundle, from an empty dist/ (so a stale chunk can never linger), with ncc as the
// runner needs it: ESM, one file per entry plus its licenses.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ENTRIES } from './steps.js';

const ncc = createRequire(import.meta.url).resolve('@vercel/ncc/dist/ncc/cli.js');
rmSync('dist', { recursive: true, force: true });
for (const name of new Set(ENTRIES)) {
  execFileSync(
    process.execPath,
    [ncc, 'build', `src/entries/${name}.ts`, '-o', `dist/${name}`, '--license', 'licenses.txt', '-q'],
    {
      stdio: 'inherit',
    },
  );
}
