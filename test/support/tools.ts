// A test that needs a program the machine may lack (shellcheck; nginx next) asks for it here. Where it is missing
// the test is skipped with a note that names the package to install, and the run's last lines show that note
// (support/count-reporter.ts); with CI set, a missing tool fails the test instead, so CI can never skip it unseen.
import { spawnSync } from 'node:child_process';

export interface ToolSpec {
  command: string;
  /** How to install it, as the note says it: `apt-get install shellcheck`. */
  install: string;
  /** Arguments that make the program answer with exit code 0 when it is there. */
  probe?: string[];
}

export interface Tool {
  available: boolean;
  /** Call first in each test that needs the tool: returns when it is there, skips or fails the test when not. */
  need(ctx: { skip: (note: string) => void }): void;
}

const inCi = (env: NodeJS.ProcessEnv) => Boolean(env['CI']) && env['CI'] !== 'false' && env['CI'] !== '0';

export function tool(spec: ToolSpec, env: NodeJS.ProcessEnv = process.env): Tool {
  const available = spawnSync(spec.command, spec.probe ?? ['--version'], { stdio: 'ignore' }).status === 0;
  return {
    available,
    need(ctx) {
      if (available) return;
      const missing = `${spec.command} is not installed (${spec.install})`;
      if (inCi(env)) throw new Error(`${missing}; with CI set, a test that needs it fails instead of skipping.`);
      ctx.skip(missing);
    },
  };
}
