import { describe, expect, it } from 'vitest';
import type { ApiKey } from '../../src/admin-api.js';
import { buildKeyName } from '../../src/key-name.js';
import { keysToRetire, planSweep } from '../../src/sweep-plan.js';

const NOW = Date.parse('2026-11-22T12:00:00Z');
let n = 0;
const key = (name: string | null): ApiKey => ({ id: `id-${++n}`, name, roles: ['ProjectEditor'] });
const ours = (base: string, expiresAt: string, nonce = 'aaaaaa') => key(buildKeyName(base, new Date(expiresAt), nonce));

describe('planSweep', () => {
  const expired = ours('gha-shop-1', '2026-11-22T11:59:59Z');
  const fresh = ours('gha-shop-2', '2026-11-22T12:00:01Z');
  const preview = ours('preview-pr-42', '2026-11-29T00:00:00Z');
  const foreign = [key('prod-key'), key(null), key('preview-pr-42-manual')];

  it('deletes only expired keys of this action by default', () => {
    const plan = planSweep([expired, fresh, preview, ...foreign], { match: '', expiredOnly: true, now: NOW });
    expect(plan.foreign).toBe(3);
    expect(plan.verdicts.map((v) => [v.key.id, v.remove, v.why])).toEqual([
      [expired.id, true, 'expired'],
      [fresh.id, false, 'not expired yet'],
      [preview.id, false, 'not expired yet'],
    ]);
  });

  it('with a match and expired-only false, deletes matching keys of this action whatever their expiry, never others', () => {
    const plan = planSweep([expired, preview, ...foreign], { match: 'preview-pr-42-*', expiredOnly: false, now: NOW });
    expect(plan.verdicts.filter((v) => v.remove).map((v) => v.key.id)).toEqual([preview.id]);
    expect(plan.verdicts.find((v) => v.key.id === expired.id)?.why).toBe('does not match preview-pr-42-*');
  });

  it('a key expiring exactly now counts as expired', () => {
    const edge = ours('edge', '2026-11-22T12:00:00Z');
    expect(planSweep([edge], { match: '', expiredOnly: true, now: NOW }).verdicts[0]!.remove).toBe(true);
  });
});

describe('keysToRetire', () => {
  const own = { base: 'preview-pr-42', expiresAt: new Date('2026-11-29T12:00:00Z'), name: '' };
  own.name = buildKeyName(own.base, own.expiresAt, 'ownown');
  const older = ours('preview-pr-42', '2026-11-29T11:00:00Z', 'oldold');
  const newer = ours('preview-pr-42', '2026-11-29T13:00:00Z', 'newnew');
  const otherPr = ours('preview-pr-43', '2026-11-29T11:00:00Z');
  const expired = ours('gha-x', '2026-11-21T00:00:00Z');
  const all = [key(own.name), older, newer, otherPr, expired, key('preview-pr-42-eph-by-hand')];

  it("sweep-expired: every expired key of this action, not the job's own", () => {
    expect(keysToRetire(all, own, { sweepExpired: true, replace: false, now: NOW })).toEqual([
      { id: expired.id, name: expired.name, why: 'expired' },
    ]);
  });

  it('replace: older keys of the same base only, never a newer one from a concurrent run', () => {
    expect(keysToRetire(all, own, { sweepExpired: false, replace: true, now: NOW }).map((k) => [k.id, k.why])).toEqual([
      [older.id, 'replaced'],
    ]);
  });

  it('neither: nothing', () => {
    expect(keysToRetire(all, own, { sweepExpired: false, replace: false, now: NOW })).toEqual([]);
  });
});
