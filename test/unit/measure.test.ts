import { describe, expect, it } from 'vitest';
import { criticalPath, median } from '../../scripts/bench/measure.js';

describe('benchmark arithmetic', () => {
  it('counts the longest chain of sequential requests, not parallel ones', () => {
    expect(criticalPath([])).toBe(0);
    // token, then create and list in parallel: 2.
    expect(
      criticalPath([
        { at: 0, answeredAt: 10 },
        { at: 11, answeredAt: 20 },
        { at: 11, answeredAt: 25 },
      ]),
    ).toBe(2);
    // token, list, delete: 3.
    expect(
      criticalPath([
        { at: 0, answeredAt: 10 },
        { at: 11, answeredAt: 20 },
        { at: 21, answeredAt: 30 },
      ]),
    ).toBe(3);
    // an unanswered request ends no chain.
    expect(criticalPath([{ at: 0 }, { at: 5, answeredAt: 9 }])).toBe(1);
  });
  it('takes medians of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
