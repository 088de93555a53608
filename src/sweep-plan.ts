// Which keys a sweep deletes and why. Pure: it reads names (key-name.ts) and the time, nothing else.
// A key whose name this action did not make is never selected, whatever the filters say.
import type { ApiKey } from './admin-api.js';
import { globMatches, parseKeyName, type ParsedKeyName } from './key-name.js';

export interface SweepFilter {
  /** Glob on the whole name; empty: every key this action made. */
  match: string;
  /** Only keys whose expiry has passed. */
  expiredOnly: boolean;
  now: number;
}

export interface Verdict {
  key: ApiKey;
  parsed: ParsedKeyName;
  remove: boolean;
  why: string;
}

export interface SweepPlan {
  /** Keys this action made, each with what happens to it. */
  verdicts: Verdict[];
  /** Keys this action did not make: never touched. */
  foreign: number;
}

export function planSweep(keys: readonly ApiKey[], filter: SweepFilter): SweepPlan {
  const verdicts: Verdict[] = [];
  let foreign = 0;
  for (const key of keys) {
    const parsed = parseKeyName(key.name);
    if (!parsed) {
      foreign += 1;
      continue;
    }
    const expired = parsed.expiresAt.getTime() <= filter.now;
    if (filter.match && !globMatches(filter.match, key.name!)) {
      verdicts.push({ key, parsed, remove: false, why: `does not match ${filter.match}` });
    } else if (filter.expiredOnly && !expired) {
      verdicts.push({ key, parsed, remove: false, why: 'not expired yet' });
    } else {
      verdicts.push({ key, parsed, remove: true, why: expired ? 'expired' : 'matches (expired-only: false)' });
    }
  }
  return { verdicts, foreign };
}

/**
 * Keys that the main step's post should delete besides its own: this action's expired keys (`sweep-expired`),
 * and with `replace`, older keys of the same rendered name — older meaning an earlier expiry, so a newer key made
 * by a concurrent run is never replaced by an older one.
 */
export function keysToRetire(
  keys: readonly ApiKey[],
  own: { name: string; base: string; expiresAt: Date },
  options: { sweepExpired: boolean; replace: boolean; now: number },
): Array<{ id: string; name: string; why: 'expired' | 'replaced' }> {
  const retired: Array<{ id: string; name: string; why: 'expired' | 'replaced' }> = [];
  for (const key of keys) {
    const parsed = parseKeyName(key.name);
    if (!parsed || key.name === own.name) continue;
    if (options.sweepExpired && parsed.expiresAt.getTime() <= options.now) {
      retired.push({ id: key.id, name: key.name!, why: 'expired' });
    } else if (options.replace && parsed.base === own.base && parsed.expiresAt < own.expiresAt) {
      retired.push({ id: key.id, name: key.name!, why: 'replaced' });
    }
  }
  return retired;
}
