// A short, fixed-seed chaos run inside `npm test` (the long one: `npm run chaos -- --runs 500`).
import { describe, expect, it } from 'vitest';
import { NODES } from '../runner/runner.js';
import { chaos, rng, scenario } from './chaos.js';

const PULL_REQUEST_SEED = 5015;

describe('chaos', () => {
  it('scenarios are reproducible from their seed', () => {
    expect(scenario(42)).toEqual(scenario(42));
    expect(rng(7)()).toBe(rng(7)());
  });

  it('the fixed seeds cover throwaway projects and broker mode, killed main steps among them', () => {
    const seeds = Array.from({ length: 12 }, (_, i) => scenario(1000 + i));
    const projects = seeds.filter((s) => s.newProject && !s.share);
    expect(projects.length).toBeGreaterThanOrEqual(2);
    expect(projects.some((s) => s.newProject?.killAtProjectCreate)).toBe(true);
    const keyless = seeds.filter((s) => s.broker);
    expect(keyless.length).toBeGreaterThanOrEqual(2);
    expect(keyless.some((s) => s.kill)).toBe(true);
  });

  it('the fixed seeds of a pull request cover renew and replace, throwaway projects, kills at a create and at any moment', () => {
    const seeds = Array.from({ length: 6 }, (_, i) => scenario(PULL_REQUEST_SEED + i));
    expect(seeds.some((s) => s.byName) && seeds.some((s) => !s.byName)).toBe(true); // replace: true, or renewed
    expect(seeds.some((s) => s.newProject?.killAtProjectCreate)).toBe(true);
    expect(seeds.some((s) => typeof s.kill?.at === 'number')).toBe(true); // the closing run killed too
    expect(seeds.some((s) => s.kill && typeof s.kill.at !== 'number')).toBe(true);
  });

  it.each(NODES)(
    "fixed seeds over a pull request's life on $name: nothing left after the close, no secret printed",
    async ({ path }) => {
      const outcomes = await chaos({ runs: 6, seed: PULL_REQUEST_SEED, node: path, concurrency: 3, pullRequest: true });
      const failures = outcomes
        .filter((o) => o.problems.length > 0)
        .map((o) => `seed ${o.seed}: ${o.problems.join('\n')}`);
      expect(failures).toEqual([]);
    },
    120_000,
  );

  it.each(NODES)(
    'fixed seeds on $name: no key or throwaway project left, no secret printed',
    async ({ path }) => {
      const outcomes = await chaos({ runs: 12, seed: 1000, node: path, concurrency: 4 });
      const failures = outcomes
        .filter((o) => o.problems.length > 0)
        .map((o) => `seed ${o.seed}: ${o.problems.join('\n')}`);
      expect(failures).toEqual([]);
    },
    120_000,
  );
});
