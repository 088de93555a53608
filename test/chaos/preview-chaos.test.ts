// A short, fixed-seed chaos run over a pull request's preview on Vercel and Netlify: whatever the platform answers
// and wherever the preview step is killed, no key and no platform value are left after the close, and nothing
// secret is printed.
import { describe, expect, it } from 'vitest';
import { NODE_24 } from '../runner/runner.js';
import { previewScenario, runPreviewScenario } from './preview-chaos.js';

const SEEDS = Array.from({ length: 8 }, (_, i) => 5000 + i);

describe('preview chaos', () => {
  it('the fixed seeds cover both platforms, faults, and kills while opening and while closing', () => {
    const scenarios = SEEDS.map(previewScenario);
    expect(new Set(scenarios.map((s) => s.platform))).toEqual(new Set(['vercel', 'netlify']));
    expect(scenarios.some((s) => s.faults.length > 0)).toBe(true);
    expect(new Set(scenarios.flatMap((s) => (s.kill ? [s.kill.when] : [])))).toEqual(new Set(['open', 'close']));
  });

  it(`fixed seeds on the runner's node24: no key and no platform value left after close, no secret printed`, async () => {
    const outcomes = [];
    for (let i = 0; i < SEEDS.length; i += 2)
      outcomes.push(
        ...(await Promise.all(SEEDS.slice(i, i + 2).map((seed) => runPreviewScenario(previewScenario(seed), NODE_24)))),
      );
    const failures = outcomes
      .filter((o) => o.problems.length > 0)
      .map((o) => `seed ${o.seed}: ${o.problems.join('\n')}`);
    expect(failures).toEqual([]);
  }, 300_000);
});
