// The values a key-name template can use, read from the workflow run's context.
// The toolkit's Context class, imported from @actions/github's own lib/ rather than through its entry point:
// the entry also loads Octokit (~220 KiB, ~8 ms at every start, measured by `npm run bench`), and this action
// makes no GitHub API calls. @actions/github is pinned; a moved file fails the build, not a run.
import { Context } from '../node_modules/@actions/github/lib/context.js';
import type { RunValues } from './key-name.js';

export function readRunValues(): RunValues {
  return runValues(new Context());
}

export function runValues(context: Context): RunValues {
  let repo: { owner?: string; repo?: string } = {};
  try {
    repo = context.repo;
  } catch {
    // No GITHUB_REPOSITORY: {owner} and {repo} are reported as missing if the template uses them.
  }
  const payload = context.payload;
  const pr = payload.pull_request?.number ?? (payload.issue?.pull_request ? payload.issue.number : undefined);
  return {
    owner: repo.owner,
    repo: repo.repo,
    workflow: context.workflow,
    job: context.job,
    run_id: numberText(context.runId),
    run_number: numberText(context.runNumber),
    run_attempt: numberText(context.runAttempt),
    event: context.eventName,
    ref: context.ref?.replace(/^refs\/(heads|tags|pull)\//, ''),
    sha: context.sha?.slice(0, 7),
    pr: pr === undefined ? undefined : String(pr),
    actor: context.actor,
  };
}

function numberText(value: number): string | undefined {
  return Number.isFinite(value) ? String(value) : undefined;
}
