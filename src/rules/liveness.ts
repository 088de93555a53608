// What GitHub's word on a key's run means for the key. A key made in this repository by another run, and meant
// to end with that run (kind job or shared), can be asked about: a run that is over (completed, or unknown to
// GitHub) no longer needs it, whatever its expiry; a run still going does, even past its expiry (its own post
// step will delete it), up to a hard cap. Keys of other repositories, kept keys (cleanup: false) and names of the
// first format are judged by their expiry alone. A key that lives as long as its pull request (kind pr) is asked
// about by its pull request (`#<number>` where a run id would be): closed, it goes; open, it stays until its
// expiry, the backstop. Pure.
import type { RunState } from '../api/github/github-api.js';
import { ALIVE_RUN_HARD_CAP_MS, EXPIRY_GRACE_MS } from '../base/policy.js';
import { parseAnyKeyName, type NameParser, type ParsedName } from './names.js';

export interface Here {
  repositoryId: string | undefined;
  /** The GitHub instance of the asking step (`undefined`: github.com): a run of another is never asked about. */
  server?: string | undefined;
  /** The asking step's own run: its keys are its own business. */
  runId: string | undefined;
}

/** What GitHub is asked about for a pull request's keys, where a run's id would be: `#<number>`. */
export const pullRequestSubject = (number: string) => `#${number}`;
/** The pull request's number in a subject, `undefined` for a run's id. */
export const pullRequestOf = (subject: string) => (subject.startsWith('#') ? subject.slice(1) : undefined);

/**
 * The run (or `#<number>`: the pull request) to ask GitHub about for this key, if GitHub can tell anything about
 * it: only this repository's, on this GitHub instance (another instance's ids mean other repositories).
 */
export function askableRun(parsed: ParsedName, here: Here): string | undefined {
  const run = parsed.run;
  if (!run || !here.repositoryId || run.repositoryId !== here.repositoryId || run.server !== here.server)
    return undefined;
  if (parsed.kind === 'pr' && parsed.pullRequest) return pullRequestSubject(parsed.pullRequest);
  if (run.runId === here.runId) return undefined;
  return parsed.kind === 'job' || parsed.kind === 'shared' ? run.runId : undefined;
}

/** GitHub's answer about the key's run, as a verdict; `undefined` when GitHub was not asked (expiry decides). */
export function verdictByRun(
  parsed: ParsedName,
  state: RunState | undefined,
  now: number,
): { remove: boolean; why: string } | undefined {
  if (state === undefined) return undefined;
  if (parsed.kind === 'pr') return verdictByPullRequest(parsed, state, now);
  if (state === 'over') return { remove: true, why: 'its run is over' };
  if (parsed.expiresAt.getTime() + ALIVE_RUN_HARD_CAP_MS <= now)
    return { remove: true, why: 'expired more than 3 days ago, though its run is still going' };
  return {
    remove: false,
    why: state === 'alive' ? 'its run is still going' : 'GitHub did not answer: its run counts as alive',
  };
}

/** A pull request's key: closed (or gone), it goes; past its expiry it goes anyway (the ttl is the backstop). */
function verdictByPullRequest(parsed: ParsedName, state: RunState, now: number): { remove: boolean; why: string } {
  if (state === 'over') return { remove: true, why: 'its pull request is closed' };
  if (parsed.expiresAt.getTime() + EXPIRY_GRACE_MS <= now) return { remove: true, why: 'expired' };
  return {
    remove: false,
    why: state === 'alive' ? 'its pull request is open' : 'GitHub did not answer: its pull request counts as open',
  };
}

export interface Candidate {
  id: string;
  name: string;
  /** `pull request closed`: a key of this repository's pull request, which goes only on GitHub's word (or the close event). */
  why: 'expired' | 'replaced' | 'run over' | 'pull request closed';
  /**
   * Set when GitHub is to be asked first: an expired key is spared if its run is alive; a live one goes if it is
   * over. `#<number>`: the pull request is asked about instead.
   */
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
    if (candidate.why === 'run over' || (candidate.why === 'pull request closed' && candidate.runId)) {
      // A live key goes only on GitHub's word that its run is over (its pull request closed); else it stays, said.
      if (verdict?.remove) retire.push(candidate);
      else
        spared.push({
          ...candidate,
          because: verdict?.why ?? `GitHub could not be asked whether ${unasked(candidate)}`,
        });
    } else if (!verdict || verdict.remove) {
      retire.push(candidate);
    } else {
      spared.push({ ...candidate, because: verdict.why });
    }
  }
  return { retire, spared };
}

function unasked(candidate: Candidate): string {
  return candidate.why === 'run over' ? 'its run is over' : 'its pull request is closed';
}
