// What GitHub's word on a key's run means for the key. A key made in this repository by another run, and meant
// to end with that run (kind job or shared), can be asked about: a run that is over (completed, or unknown to
// GitHub) no longer needs it, whatever its expiry; a run still going does, even past its expiry (its own post
// step will delete it), up to a hard cap. Keys of other repositories, kept keys (cleanup: false) and names of the
// first format are judged by their expiry alone. Pure.
import type { RunState } from '../api/github-api.js';
import { ALIVE_RUN_HARD_CAP_MS } from '../base/policy.js';
import { parseAnyKeyName, type NameParser, type ParsedName } from './names.js';

export interface Here {
  repositoryId: string | undefined;
  /** The GitHub instance of the asking step (`undefined`: github.com): a run of another is never asked about. */
  server?: string | undefined;
  /** The asking step's own run: its keys are its own business. */
  runId: string | undefined;
}

/** The run to ask GitHub about for this key, if GitHub can tell anything about it. */
export function askableRun(parsed: ParsedName, here: Here): string | undefined {
  const run = parsed.run;
  if (!run || !here.repositoryId || run.repositoryId !== here.repositoryId || run.runId === here.runId)
    return undefined;
  if (run.server !== here.server) return undefined; // another GitHub instance's ids mean other repositories
  return parsed.kind === 'job' || parsed.kind === 'shared' ? run.runId : undefined;
}

/** GitHub's answer about the key's run, as a verdict; `undefined` when GitHub was not asked (expiry decides). */
export function verdictByRun(
  parsed: ParsedName,
  state: RunState | undefined,
  now: number,
): { remove: boolean; why: string } | undefined {
  if (state === undefined) return undefined;
  if (state === 'over') return { remove: true, why: 'its run is over' };
  if (parsed.expiresAt.getTime() + ALIVE_RUN_HARD_CAP_MS <= now)
    return { remove: true, why: 'expired more than 3 days ago, though its run is still going' };
  return {
    remove: false,
    why: state === 'alive' ? 'its run is still going' : 'GitHub did not answer: its run counts as alive',
  };
}

export interface Candidate {
  id: string;
  name: string;
  why: 'expired' | 'replaced' | 'run over';
  /** Set when GitHub is to be asked first: an expired key is spared if its run is alive; a live one goes if it is over. */
  runId?: string;
}

/** Post's decision once GitHub has answered (`lookups` undefined: GitHub could not be asked, expiry as before). */
export function settle(
  candidates: readonly Candidate[],
  lookups: ReadonlyMap<string, RunState> | undefined,
  now: number,
  parse: NameParser = parseAnyKeyName,
): { retire: Candidate[]; spared: Array<Candidate & { because: string }> } {
  const retire: Candidate[] = [];
  const spared: Array<Candidate & { because: string }> = [];
  for (const candidate of candidates) {
    const parsed = parse(candidate.name);
    const verdict =
      candidate.runId && lookups && parsed ? verdictByRun(parsed, lookups.get(candidate.runId), now) : undefined;
    if (candidate.why === 'run over') {
      if (verdict?.remove) retire.push(candidate); // a live key goes only on GitHub's word that its run is over
    } else if (!verdict || verdict.remove) {
      retire.push(candidate);
    } else {
      spared.push({ ...candidate, because: verdict.why });
    }
  }
  return { retire, spared };
}
