// Job summaries: what a person needs to find a key again, never its secret. Every piece of outside text (names
// from the API, project names) is escaped: a summary renders markdown and HTML.
import { markdownCode, markdownText } from '../base/text.js';
import type { Named, SweepPlan } from '../rules/sweep-plan.js';

export interface KeySummary {
  name: string;
  id: string;
  projectId: string;
  projectName: string | undefined;
  roles: string[];
  expiresAt: string;
  /** How the key ends, one sentence of our own (markdown allowed). */
  fate: string;
}

export function renderKeySummary(key: KeySummary): string {
  const project = key.projectName
    ? `${markdownText(key.projectName)} (${markdownCode(key.projectId)})`
    : markdownCode(key.projectId);
  return [
    '### Pinecone API key',
    '',
    '| | |',
    '|---|---|',
    `| Name | ${markdownCode(key.name)} |`,
    `| ID | ${markdownCode(key.id)} |`,
    `| Project | ${project} |`,
    `| Roles | ${key.roles.join(', ')} |`,
    `| Expires | ${key.expiresAt} |`,
    '',
    key.fate,
    '',
  ].join('\n');
}

export interface SweepReport {
  /** Absent when no project was given: only throwaway projects were swept. */
  keys: { plan: SweepPlan; deleted: ReadonlySet<string> } | undefined;
  projects: { plan: SweepPlan<Named>; deleted: ReadonlySet<string>; lookAlikes: ReadonlyArray<string | undefined> };
  dryRun: boolean;
}

export function renderSweepSummary(report: SweepReport): string {
  const { keys, projects, dryRun } = report;
  const lines = [`### Pinecone key sweep${dryRun ? ' (dry run)' : ''}`, ''];
  if (keys) {
    const { plan, deleted } = keys;
    lines.push(
      `${deleted.size} deleted; ${plan.verdicts.length - deleted.size} key(s) made by this action left; ${plan.foreign} key(s) not made by this action, never touched.` +
        (plan.otherRepositories
          ? ` ${plan.otherRepositories} of this action's keys were made in other repositories: left to their expiry.`
          : ''),
      '',
      ...table('Key', plan, deleted, dryRun),
    );
  }
  const { plan, deleted, lookAlikes } = projects;
  lines.push(
    '#### Throwaway projects',
    '',
    `${deleted.size} deleted; ${plan.verdicts.length - deleted.size} throwaway project(s) of this service account left; ${plan.foreign} other project(s), never touched.` +
      (lookAlikes.length
        ? ` Named like throwaway projects but not tagged by this service account, so never touched: ${lookAlikes.map((name) => markdownCode(name ?? '')).join(', ')}.`
        : ''),
    '',
    ...table('Project', plan, deleted, dryRun),
  );
  return lines.join('\n');
}

function table(what: string, plan: SweepPlan<Named>, deleted: ReadonlySet<string>, dryRun: boolean): string[] {
  const rows = plan.verdicts.map((v) => {
    const action = deleted.has(v.key.id)
      ? 'deleted'
      : v.remove
        ? dryRun
          ? 'would delete'
          : 'not deleted (error)'
        : 'kept';
    const cells = [markdownCode(v.key.name ?? ''), markdownCode(v.key.id), v.parsed.expiresAt.toISOString(), action];
    return `| ${cells.join(' | ')} | ${markdownText(v.why)} |`;
  });
  return rows.length ? [`| ${what} | ID | Expires | Action | Why |`, '|---|---|---|---|---|', ...rows, ''] : [];
}
