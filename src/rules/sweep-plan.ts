// Which keys a sweep deletes and why, and which keys a main step's post retires. Pure: it reads names
// (names.ts), the server's time and the clock rule (base/policy.ts), nothing else. A key whose name this action did
// not make is never selected, whatever the filters say.
import type { ApiKey } from '../api/pinecone/types.js';
import type { RunState } from '../api/github/github-api.js';
import { EXPIRY_GRACE_MS, MAX_RUNS_LOOKED_UP } from '../base/policy.js';
import { globMatches } from './glob.js';
import { askableRun, verdictByRun, type Candidate, type Here } from './liveness.js';
import { parseAnyKeyName, sameRunAttempt, type NameParser, type ParsedName, type RunRef } from './names.js';

export interface SweepFilter {
  /** Glob on the whole name; empty: every key this action made (only with expiredOnly). */
  match: string;
  /** Only keys whose expiry has passed. */
  expiredOnly: boolean;
  now: number;
}

/** What a sweep judges: a key, or a throwaway project (by its name alone, either way). */
export interface Named {
  id: string;
  name?: string | null;
}

export interface Verdict<T extends Named = ApiKey> {
  item: T;
  parsed: ParsedName;
  remove: boolean;
  why: string;
}

export interface SweepPlan<T extends Named = ApiKey> {
  /** Keys this action made, each with what happens to it. */
  verdicts: Verdict<T>[];
  /** Keys this action did not make: never touched. */
  foreign: number;
  /** Keys this action made in other repositories: left to their expiry (this token cannot see their runs). */
  otherRepositories: number;
}

/** Expired for sure: past its expiry by more than any runner's clock may be off. */
export function isExpired(parsed: ParsedName, now: number): boolean {
  return parsed.expiresAt.getTime() + EXPIRY_GRACE_MS <= now;
}

/** The runs (and pull requests, `#<number>`) GitHub can tell about among `keys`, each once. */
export function runsToAsk(keys: readonly Named[], here: Here, parse: NameParser = parseAnyKeyName): string[] {
  const runs = new Set<string>();
  for (const key of keys) {
    const parsed = parse(key.name);
    const runId = parsed && askableRun(parsed, here);
    if (runId) runs.add(runId);
  }
  return [...runs];
}

/** `liveness`: what GitHub said about the runs of this repository's keys (absent: expiry alone decides). */
export function planSweep<T extends Named = ApiKey>(
  keys: readonly T[],
  filter: SweepFilter,
  liveness?: { here: Here; lookups: ReadonlyMap<string, RunState> },
  parse: NameParser = parseAnyKeyName,
): SweepPlan<T> {
  const verdicts: Verdict<T>[] = [];
  let foreign = 0;
  let otherRepositories = 0;
  for (const key of keys) {
    const parsed = parse(key.name);
    if (!parsed) {
      foreign += 1;
      continue;
    }
    const here = liveness?.here;
    const elsewhere =
      parsed.run && (parsed.run.repositoryId !== here?.repositoryId || parsed.run.server !== here.server);
    if (here?.repositoryId && elsewhere) otherRepositories += 1;
    const expired = isExpired(parsed, filter.now);
    const runId = liveness && askableRun(parsed, liveness.here);
    const byRun = runId ? verdictByRun(parsed, liveness.lookups.get(runId), filter.now) : undefined;
    if (filter.match && !globMatches(filter.match, key.name!)) {
      verdicts.push({ item: key, parsed, remove: false, why: `does not match ${filter.match}` });
    } else if (filter.expiredOnly && byRun) {
      verdicts.push({ item: key, parsed, ...byRun });
    } else if (filter.expiredOnly && !expired) {
      const justNow = parsed.expiresAt.getTime() <= filter.now;
      verdicts.push({
        item: key,
        parsed,
        remove: false,
        why: justNow ? 'expired less than 5 minutes ago' : 'not expired yet',
      });
    } else {
      verdicts.push({ item: key, parsed, remove: true, why: expired ? 'expired' : 'matches (expired-only: false)' });
    }
  }
  return { verdicts, foreign, otherRepositories };
}

/** A key main found for its post step to delete (see liveness.ts for what GitHub's answer then decides). */
export type Retiree = Candidate;

/**
 * An earlier expiry; at the same second (names carry whole seconds), an earlier attempt of the same run: a re-run
 * made within the second its first attempt did still replaces that attempt's key.
 */
function olderThan(other: ParsedName, own: ParsedName, ownRun: RunRef | undefined): boolean {
  const a = other.expiresAt.getTime();
  const b = own.expiresAt.getTime();
  if (a !== b) return a < b;
  return (
    !!other.run &&
    !!ownRun &&
    other.run.runId === ownRun.runId &&
    other.run.repositoryId === ownRun.repositoryId &&
    other.run.attempt < ownRun.attempt
  );
}

/**
 * Keys that the main step's post should delete besides its own: this action's expired keys (`sweep-expired`), keys
 * of finished runs of this repository (asked of GitHub by post), and with `replace`, older keys whose name carries
 * the same base as the new key's and that `ours` proves made by the same maker (a name anyone could type is left to
 * its expiry) — older meaning an earlier expiry (`olderThan`), so a newer key made by a concurrent run is never
 * replaced by an older one, and never a key made by the same attempt of the same run (the legs of a matrix render
 * the same base). At most MAX_RUNS_LOOKED_UP runs are to be asked about, those of expired keys first.
 */
export function keysToRetire(
  keys: readonly Named[],
  own: { name: string; run: RunRef | undefined; id?: string | undefined },
  options: { sweepExpired: boolean; replace: boolean; now: number },
  parse: NameParser = parseAnyKeyName,
  ours: NameParser = parse,
): Retiree[] {
  const ownParsed = parse(own.name);
  const here = { repositoryId: own.run?.repositoryId, runId: own.run?.runId, server: own.run?.server };
  const found: Retiree[] = [];
  for (const key of keys) {
    const parsed = parse(key.name);
    if (!parsed || key.name === own.name || key.id === own.id) continue;
    const runId = askableRun(parsed, here);
    const name = key.name!;
    if (options.sweepExpired && isExpired(parsed, options.now)) {
      // A pull request's key goes at its expiry whatever GitHub says: nothing to ask.
      const ask = runId && parsed.kind !== 'pr' ? { runId } : {};
      found.push({ id: key.id, name, why: 'expired', ...ask });
    } else if (
      options.replace &&
      ownParsed &&
      ours(name) &&
      parsed.base === ownParsed.base &&
      parsed.pullRequest === ownParsed.pullRequest && // another pull request's key is never this one's older copy
      olderThan(parsed, ownParsed, own.run) &&
      !sameRunAttempt(parsed.run, own.run)
    ) {
      found.push({ id: key.id, name, why: 'replaced' });
    } else if (options.sweepExpired && runId) {
      found.push({ id: key.id, name, why: parsed.kind === 'pr' ? 'pull request closed' : 'run over', runId });
    }
  }
  const asked = new Set<string>();
  const live = (c: Retiree) => c.why === 'run over' || c.why === 'pull request closed';
  for (const candidate of [...found.filter((c) => c.why === 'expired'), ...found.filter(live)]) {
    if (candidate.runId && asked.size < MAX_RUNS_LOOKED_UP) asked.add(candidate.runId);
  }
  // Beyond the bound: an expired key goes by its expiry as before; a live one waits for a later run or a sweep.
  return found.flatMap((candidate) => {
    if (!candidate.runId || asked.has(candidate.runId)) return [candidate];
    if (live(candidate)) return [];
    const { runId: _, ...byExpiry } = candidate;
    return [byExpiry];
  });
}

/**
 * What the event that closes pull request `number` ends: this action's things made for it (kind pr) in this
 * repository, on this GitHub instance. Taken on the event's word: GitHub is not asked.
 */
export function ofClosedPullRequest(
  items: readonly Named[],
  here: Here,
  number: string,
  /** Proves a name ours (the kind's tag): on the event's word alone, nothing else is deleted. */
  ours: NameParser,
): Retiree[] {
  return items.flatMap((item) => {
    const parsed = ours(item.name);
    const run = parsed?.run;
    const thisRepository = run && run.repositoryId === here.repositoryId && run.server === here.server;
    return thisRepository && parsed.kind === 'pr' && parsed.pullRequest === number
      ? [{ id: item.id, name: item.name!, why: 'pull request closed' as const }]
      : [];
  });
}
