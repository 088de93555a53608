// Which keys a sweep deletes and why, and which keys a main step's post retires. Pure: it reads names
// (key-name.ts), the server's time and the clock rule (policy.ts), nothing else. A key whose name this action did
// not make is never selected, whatever the filters say.
import type { ApiKey } from '../api/admin-api.js';
import { EXPIRY_GRACE_MS } from '../api/policy.js';
import { globMatches } from './glob.js';
import { parseKeyName, sameRunAttempt, type ParsedKeyName, type RunRef } from './key-name.js';

export interface SweepFilter {
  /** Glob on the whole name; empty: every key this action made (only with expiredOnly). */
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

/** Expired for sure: past its expiry by more than any runner's clock may be off. */
export function isExpired(parsed: ParsedKeyName, now: number): boolean {
  return parsed.expiresAt.getTime() + EXPIRY_GRACE_MS <= now;
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
    const expired = isExpired(parsed, filter.now);
    if (filter.match && !globMatches(filter.match, key.name!)) {
      verdicts.push({ key, parsed, remove: false, why: `does not match ${filter.match}` });
    } else if (filter.expiredOnly && !expired) {
      const justNow = parsed.expiresAt.getTime() <= filter.now;
      verdicts.push({
        key,
        parsed,
        remove: false,
        why: justNow ? 'expired less than 5 minutes ago' : 'not expired yet',
      });
    } else {
      verdicts.push({ key, parsed, remove: true, why: expired ? 'expired' : 'matches (expired-only: false)' });
    }
  }
  return { verdicts, foreign };
}

export interface Retiree {
  id: string;
  name: string;
  why: 'expired' | 'replaced';
}

/**
 * Keys that the main step's post should delete besides its own: this action's expired keys (`sweep-expired`),
 * and with `replace`, older keys whose name carries the same base as the new key's — older meaning an earlier
 * expiry, so a newer key made by a concurrent run is never replaced by an older one, and never a key made by the
 * same attempt of the same run (the legs of a matrix render the same base).
 */
export function keysToRetire(
  keys: readonly ApiKey[],
  own: { name: string; run: RunRef | undefined },
  options: { sweepExpired: boolean; replace: boolean; now: number },
): Retiree[] {
  const ownParsed = parseKeyName(own.name);
  const retired: Retiree[] = [];
  for (const key of keys) {
    const parsed = parseKeyName(key.name);
    if (!parsed || key.name === own.name) continue;
    if (options.sweepExpired && isExpired(parsed, options.now)) {
      retired.push({ id: key.id, name: key.name!, why: 'expired' });
    } else if (
      options.replace &&
      ownParsed &&
      parsed.base === ownParsed.base &&
      parsed.expiresAt < ownParsed.expiresAt &&
      !sameRunAttempt(parsed.run, own.run)
    ) {
      retired.push({ id: key.id, name: key.name!, why: 'replaced' });
    }
  }
  return retired;
}
