import { describe, expect, it } from 'vitest';
import type { ApiKey } from '../../src/api/pinecone/types.js';
import { buildKeyName, type KeyOwner, type RunRef } from '../../src/rules/names.js';
import { keysToRetire, planSweep } from '../../src/rules/sweep-plan.js';

const NOW = Date.parse('2026-11-22T12:00:00Z');
let n = 0;
const key = (name: string | null): ApiKey => ({ id: `id-${++n}`, name, roles: ['ProjectEditor'] });
const RUN: RunRef = { repositoryId: '829301755', runId: '19283746501', attempt: 1 };
const JOB: KeyOwner = { kind: 'job', run: RUN };
const ours = (base: string, expiresAt: string, nonce = 'aaaaaa', owner: KeyOwner = JOB) =>
  key(buildKeyName(base, owner, new Date(expiresAt), nonce));
const GRACE = 5 * 60_000;

describe('planSweep', () => {
  const expired = ours('gha-shop-1', '2026-11-22T11:54:59Z');
  const justExpired = ours('gha-shop-3', '2026-11-22T11:59:59Z');
  const fresh = ours('gha-shop-2', '2026-11-22T12:00:01Z');
  const preview = ours('preview-pr-42', '2026-11-29T00:00:00Z');
  const foreign = [key('prod-key'), key(null), key('preview-pr-42-manual')];

  it('deletes only expired keys of this action by default', () => {
    const plan = planSweep([expired, justExpired, fresh, preview, ...foreign], {
      match: '',
      expiredOnly: true,
      now: NOW,
    });
    expect(plan.foreign).toBe(3);
    expect(plan.verdicts.map((v) => [v.item.id, v.remove, v.why])).toEqual([
      [expired.id, true, 'expired'],
      [justExpired.id, false, 'expired less than 5 minutes ago'],
      [fresh.id, false, 'not expired yet'],
      [preview.id, false, 'not expired yet'],
    ]);
  });

  it('with a match and expired-only false, deletes matching keys of this action whatever their expiry, never others', () => {
    const plan = planSweep([expired, preview, ...foreign], { match: 'preview-pr-42-*', expiredOnly: false, now: NOW });
    expect(plan.verdicts.filter((v) => v.remove).map((v) => v.item.id)).toEqual([preview.id]);
    expect(plan.verdicts.find((v) => v.item.id === expired.id)?.why).toBe('does not match preview-pr-42-*');
  });

  it('a key counts as expired once the clock grace has passed since its expiry, not before', () => {
    const edge = ours('edge', '2026-11-22T12:00:00Z');
    expect(planSweep([edge], { match: '', expiredOnly: true, now: NOW + GRACE }).verdicts[0]!.remove).toBe(true);
    expect(planSweep([edge], { match: '', expiredOnly: true, now: NOW + GRACE - 1 }).verdicts[0]!.remove).toBe(false);
  });
});

describe('keysToRetire', () => {
  const own = { name: buildKeyName('preview-pr-42', JOB, new Date('2026-11-29T12:00:00Z'), 'ownown'), run: RUN };
  const earlierRun: KeyOwner = { kind: 'kept', run: { ...RUN, runId: '19283746000' } };
  const older = ours('preview-pr-42', '2026-11-29T11:00:00Z', 'oldold', earlierRun);
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

  it('replace: never a key of the same attempt of the same run (the legs of a matrix), but one of an earlier attempt', () => {
    const leg = ours('preview-pr-42', '2026-11-29T11:00:00Z', 'legleg');
    const firstAttempt = ours('preview-pr-42', '2026-11-29T10:00:00Z', 'attone', {
      kind: 'job',
      run: { ...RUN, attempt: 0 },
    });
    expect(
      keysToRetire([leg, firstAttempt], own, { sweepExpired: false, replace: true, now: NOW }).map((k) => k.id),
    ).toEqual([firstAttempt.id]);
  });

  it('replace: a re-run made within the same second as its first attempt still replaces that attempt, and only it', () => {
    const at = new Date('2026-11-29T12:00:00Z');
    const mine = {
      name: buildKeyName('preview-pr-42', { kind: 'job', run: { ...RUN, attempt: 2 } }, at, 'ownown'),
      run: { ...RUN, attempt: 2 },
    };
    const firstAttempt = ours('preview-pr-42', '2026-11-29T12:00:00Z', 'attone');
    const laterAttempt = ours('preview-pr-42', '2026-11-29T12:00:00Z', 'atthre', {
      kind: 'job',
      run: { ...RUN, attempt: 3 },
    });
    const otherRun = ours('preview-pr-42', '2026-11-29T12:00:00Z', 'otherr', {
      kind: 'job',
      run: { ...RUN, runId: '5' },
    });
    expect(
      keysToRetire([firstAttempt, laterAttempt, otherRun], mine, { sweepExpired: false, replace: true, now: NOW }).map(
        (k) => k.id,
      ),
    ).toEqual([firstAttempt.id]);
  });

  it('replace compares the base in the name: a long or folded base still finds its older keys', () => {
    const long = 'x'.repeat(60);
    const mine = { name: buildKeyName(long, JOB, new Date('2026-11-29T12:00:00Z'), 'ownown'), run: RUN };
    const before = ours(long, '2026-11-29T11:00:00Z', 'oldold', earlierRun);
    expect(keysToRetire([before], mine, { sweepExpired: false, replace: true, now: NOW }).map((k) => k.id)).toEqual([
      before.id,
    ]);
  });

  it('neither: nothing', () => {
    expect(keysToRetire(all, own, { sweepExpired: false, replace: false, now: NOW })).toEqual([]);
  });
});
