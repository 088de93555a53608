// What main finds, beside its create, for the post step to retire: this action's expired keys (`sweep-expired`),
// older keys of the same rendered name (`replace`), keys of finished runs — and with `new-project: true` the same
// for throwaway projects. The look runs in parallel with the create and only ever warns when it fails.
import { pullRequestOf } from '../rules/liveness.js';
import { MAX_RETIRE_PER_RUN } from '../base/policy.js';
import { parseAnyKeyName, type NameParser, type RunRef } from '../rules/names.js';
import { keysToRetire, type Named, type Retiree } from '../rules/sweep-plan.js';
import type { Log } from '../runtime/step.js';

/** A list in flight beside a create, held as its outcome so that its failure is read (and only warns) later. */
export type Settled<T> = { value: T } | { error: unknown };

export const settled = <T>(promise: Promise<T>): Promise<Settled<T>> =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

export const unwrap = <T>(outcome: Settled<T>): T => {
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
};

export interface RetirementAsk {
  sweepExpired: boolean;
  replace: boolean;
  now: number;
  /** A github-token was given: post can ask GitHub about runs. Without one, expiry alone decides, as main says. */
  canAskGitHub: boolean;
  /** The thing main just made (or renewed: listed under its old name, so known by ID too), which is never retired. */
  own: { name: string; run: RunRef | undefined; id?: string | undefined };
}

/** Things of one kind (`what`: keys by default) for post to delete, and one line that says so. */
export function planRetirement(
  log: Log,
  listed: Settled<readonly Named[]>,
  ask: RetirementAsk,
  what: { name: string; parse: NameParser; ours?: NameParser } = { name: 'key', parse: parseAnyKeyName },
): Retiree[] {
  if ('error' in listed) {
    const message = listed.error instanceof Error ? listed.error.message : String(listed.error);
    log.warning(
      `Could not look for expired ${what.name}s of this action to delete (${message}); the next run or a sweep will.`,
    );
    return [];
  }
  const candidates = keysToRetire(listed.value, ask.own, ask, what.parse, what.ours);
  const retire = ask.canAskGitHub ? candidates : candidates.flatMap(byExpiryAlone);
  if (retire.length === 0) return retire;
  const count = (why: Retiree['why']) => retire.filter((key) => key.why === why).length;
  const base = what.parse(ask.own.name)?.base ?? ask.own.name;
  const later =
    retire.length > MAX_RETIRE_PER_RUN ? ` (${MAX_RETIRE_PER_RUN} now, the rest in later runs or a sweep)` : '';
  const asking = askingGitHub(retire, what.name);
  const found = [
    count('expired') ? `${count('expired')} expired ${what.name}(s)` : '',
    count('replaced') ? `${count('replaced')} older ${what.name}(s) named ${base} (replace: true)` : '',
    count('run over') ? `${count('run over')} ${what.name}(s) of other runs of this repository` : '',
    count('pull request closed') ? `${count('pull request closed')} ${what.name}(s) of pull requests` : '',
  ].filter(Boolean);
  log.info(`Found ${found.join(' and ')} made by this action; the post step deletes them${asking}${later}.`);
  return retire.slice(0, MAX_RETIRE_PER_RUN);
}

/** Without a github-token a live key of another run cannot be proven done, and an expired one goes by its expiry. */
function byExpiryAlone(candidate: Retiree): Retiree[] {
  if (candidate.why === 'run over' || candidate.why === 'pull request closed') return [];
  const { runId: _, ...byExpiry } = candidate;
  return [byExpiry];
}

/** What post does with GitHub's word (steps/common/ask-github.ts), said before it is asked. */
function askingGitHub(retire: readonly Retiree[], noun: string): string {
  const rules = [
    retire.some((each) => each.why === 'run over')
      ? `a ${noun} of another run goes only if GitHub says its run is over`
      : '',
    retire.some((each) => each.why === 'pull request closed' && each.runId)
      ? `a ${noun} of another pull request goes only if GitHub says it is closed`
      : '',
    retire.some((each) => each.why === 'expired' && each.runId && !pullRequestOf(each.runId))
      ? `an expired ${noun} stays while GitHub says its run is still going or does not answer`
      : '',
  ].filter(Boolean);
  return rules.length > 0 ? `, asking GitHub first: ${rules.join('; ')}` : '';
}
