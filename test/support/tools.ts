// A test that needs a program the machine may lack (shellcheck, nginx) asks for it here. Where it is missing the
// test is skipped with a note that names the package to install: `need(ctx)` inside a test (the run's last lines
// show the note, support/count-reporter.ts), or `skip` and `titled()` for a whole suite (the note is in its title).
// With CI set, a missing tool fails instead, so CI can never skip it unseen.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface ToolSpec {
  command: string;
  /** How to install it, as the note says it: `apt-get install shellcheck`. */
  install: string;
  /** Arguments that make the program answer with exit code 0 when it is there. */
  probe?: string[];
}

export interface Tool {
  available: boolean;
  /** The executable, found on PATH or in the sbin folders Debian installs daemons to. */
  path: string | undefined;
  /** Call first in each test that needs the tool: returns when it is there, skips or fails the test when not. */
  need(ctx: { skip: (note: string) => void }): void;
  /** For a suite: skip it (only outside CI, and only when the tool is missing). */
  skip: boolean;
  /** The suite's title, with the one line that says why it is skipped. */
  titled(title: string): string;
}

const inCi = (env: NodeJS.ProcessEnv) => Boolean(env['CI']) && env['CI'] !== 'false' && env['CI'] !== '0';

export function tool(spec: ToolSpec, env: NodeJS.ProcessEnv = process.env): Tool {
  const dirs = [...(env['PATH'] ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  const candidates = spec.command.includes('/') ? [spec.command] : dirs.map((dir) => join(dir, spec.command));
  const path = candidates.find((candidate) => existsSync(candidate));
  const available = !!path && spawnSync(path, spec.probe ?? ['--version'], { stdio: 'ignore' }).status === 0;
  const missing = `${spec.command} is not installed (${spec.install})`;
  const skip = !available && !inCi(env);
  return {
    available,
    path: available ? path : undefined,
    need(ctx) {
      if (available) return;
      if (inCi(env)) throw new Error(`${missing}; with CI set, a test that needs it fails instead of skipping.`);
      ctx.skip(missing);
    },
    skip,
    titled: (title) => (skip ? `${title} (SKIPPED: ${missing})` : title),
  };
}
