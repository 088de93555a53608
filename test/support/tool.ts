// An outside tool a test runs (nginx, …): found on PATH or in the sbin folders Debian installs daemons to. Where it
// is missing, the suite is skipped and its title says so in one line naming the package that brings it; with
// CI=true it is never skipped (CI installs it, see .ci/run), so a missing tool fails there instead.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface Tool {
  /** The executable, or undefined where it is not installed. */
  path: string | undefined;
  /** Skip the suite: only outside CI, and only when the tool is missing. */
  skip: boolean;
  /** The suite's title, with the one line that says why it is skipped. */
  titled: (title: string) => string;
}

export function findTool(command: string, debianPackage: string): Tool {
  const dirs = [...(process.env['PATH'] ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  const path = dirs.map((dir) => join(dir, command)).find((candidate) => existsSync(candidate));
  const skip = !path && process.env['CI'] !== 'true';
  return {
    path,
    skip,
    titled: (title) =>
      skip ? `${title} (SKIPPED: ${command} not found; install it: apt-get install ${debianPackage})` : title,
  };
}
