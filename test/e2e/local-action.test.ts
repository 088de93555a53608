// CONTRIBUTING's recipe for running a step from its TypeScript: @github/local-action (the dev dependency, as a
// process) loads src/main.ts and src/post.ts with the committed .env.example, against the Pinecone emulator over
// real HTTP. The key main creates is gone when post has run.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PineconeEmulator } from '../emulator/server.js';
import { ROOT } from '../runner/runner.js';

const LOCAL_ACTION = join(ROOT, 'node_modules/@github/local-action/bin/local-action.js');
/** Where .env.example expects scripts/emulator.ts (its default port). */
const EXAMPLE_URL = 'http://127.0.0.1:8787';

/** The environment of a developer's shell: nothing of a runner's (this suite may itself run in a job). */
function developerEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(GITHUB_|RUNNER_|ACTIONS_|INPUT_|STATE_)/.test(name)),
  );
  // local-action swaps @actions/core for its stub at the path `npm ls` reports; a node_modules that is a symlink
  // (a git worktree's) resolves elsewhere unless Node keeps symlinked paths. A fresh clone needs nothing.
  return { ...env, NODE_OPTIONS: `${env['NODE_OPTIONS'] ?? ''} --preserve-symlinks`.trim() };
}

function localAction(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [LOCAL_ACTION, ...args],
      { cwd: ROOT, env: developerEnv(), maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

describe('@github/local-action with .env.example', () => {
  let emulator: PineconeEmulator;
  let dir: string;

  beforeEach(async () => {
    emulator = await new PineconeEmulator().start();
    emulator.addClient('emulated-client', 'emulated-secret');
    emulator.addProject('self-test');
    dir = mkdtempSync(join(tmpdir(), 'local-action-'));
  });

  afterEach(async () => {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs main and --post from src/: the key is created, masked, and gone afterwards', async () => {
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
    expect(example).toContain(EXAMPLE_URL);
    writeFileSync(join(dir, '.env'), example.replaceAll(EXAMPLE_URL, emulator.url));

    const { code, output } = await localAction(['.', 'src/main.ts', join(dir, '.env'), '--post', 'src/post.ts']);

    expect(output).not.toMatch(/does not export a run\(\) function/);
    expect(code, output).toBe(0);
    expect(emulator.issued).toHaveLength(1);
    const [key] = emulator.issued;
    expect(output).toContain(`Created API key ${key!.name}`);
    expect(output).toContain(`Deleted API key ${key!.name}.`);
    expect(output).not.toContain(key!.value);
    expect(emulator.keysIn()).toEqual([]);
  }, 120_000);
});
