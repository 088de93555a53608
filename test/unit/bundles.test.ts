// What the committed bundles carry. undici is left out (src/api/undici-stub.ts): nothing may need it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { ProxyAgent } from '../../src/api/undici-stub.js';
import { ENTRIES, STEPS } from '../../scripts/steps.js';
import { ROOT } from '../runner/runner.js';

const read = (entry: string, file: string) => readFileSync(join(ROOT, 'dist', entry, file), 'utf8');

describe.each(ENTRIES)('dist/%s', (entry) => {
  it('bundles the undici stub, not undici', () => {
    const bundle = read(entry, 'index.js');
    expect(bundle).toContain('This bundle leaves out undici');
    expect(bundle).not.toMatch(/llhttp|class Dispatcher\b|undici\/lib/);
    expect(read(entry, 'licenses.txt')).not.toMatch(/^undici$/m);
  });

  it('never asks @actions/http-client for the undici dispatcher', () => {
    // The only way to reach the stub: a call of getAgentDispatcher (its definition has no leading dot).
    expect(read(entry, 'index.js')).not.toMatch(/\.getAgentDispatcher\(/);
  });
});

describe('the list of steps (scripts/steps.ts)', () => {
  it('names every entry file of src/ (the steps and the broker) and every step an action.yml runs, and nothing else', () => {
    for (const dir of ['src', 'src/entries']) {
      const entries = readdirSync(join(ROOT, dir)).filter((file) => file.endsWith('.ts'));
      expect(entries.map((file) => file.replace(/\.ts$/, '')).sort(), dir).toEqual([...ENTRIES].sort());
    }
    const run = new Set<string>();
    for (const dir of new Set(STEPS.map((step) => step.action))) {
      const { runs } = parse(readFileSync(join(ROOT, dir, 'action.yml'), 'utf8')) as {
        runs: { main: string; post?: string };
      };
      for (const file of [runs.main, runs.post]) if (file) run.add(join(dir, file));
    }
    expect([...run].sort()).toEqual(
      [...new Set(STEPS.map((step) => step.name))].map((name) => join('dist', name, 'index.js')).sort(),
    );
  });
});

describe.each(ENTRIES)('src/%s.ts', (entry) => {
  it('exports run() and runs nothing when imported, as @github/local-action needs', async () => {
    const printed = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const exitCode = process.exitCode;
    try {
      const module = (await import(`../../src/${entry}.ts`)) as { run?: unknown };
      await new Promise((resolve) => setTimeout(resolve, 50)); // a step started on import would have spoken by now
      expect(typeof module.run).toBe('function');
      expect(printed).not.toHaveBeenCalled();
      expect(process.exitCode).toBe(exitCode);
    } finally {
      printed.mockRestore();
    }
  });
});

describe('undici stub', () => {
  it('fails loudly if anything ever reaches it', () => {
    expect(() => new ProxyAgent()).toThrow(/leaves out undici: HttpClient\.getAgentDispatcher is not supported/);
  });
});
