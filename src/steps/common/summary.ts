// Job summaries: what a person needs to find a key again, never its secret. Every piece of outside text (names
// from the API, project names) is escaped: a summary renders markdown and HTML.
import { markdownCode, markdownText } from '../../base/text.js';
import type { Named, SweepPlan } from '../../rules/sweep-plan.js';

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

/** One kind's part of a sweep's summary: its heading, its lead sentence (kinds/), and a table of its verdicts. */
export interface SweepSection {
  heading?: string | undefined;
  lead: string;
  column: string;
  plan: SweepPlan<Named>;
  deleted: ReadonlySet<string>;
}

export function renderSweepSummary(report: { sections: readonly SweepSection[]; dryRun: boolean }): string {
  const lines = [`### Pinecone key sweep${report.dryRun ? ' (dry run)' : ''}`, ''];
  for (const { heading, lead, column, plan, deleted } of report.sections) {
    lines.push(...(heading ? [heading, ''] : []), lead, '', ...table(column, plan, deleted, report.dryRun));
  }
  return lines.join('\n');
}

function table(what: string, plan: SweepPlan<Named>, deleted: ReadonlySet<string>, dryRun: boolean): string[] {
  const rows = plan.verdicts.map((v) => {
    const action = deleted.has(v.item.id)
      ? 'deleted'
      : v.remove
        ? dryRun
          ? 'would delete'
          : 'not deleted (error)'
        : 'kept';
    const cells = [markdownCode(v.item.name ?? ''), markdownCode(v.item.id), v.parsed.expiresAt.toISOString(), action];
    return `| ${cells.join(' | ')} | ${markdownText(v.why)} |`;
  });
  return rows.length ? [`| ${what} | ID | Expires | Action | Why |`, '|---|---|---|---|---|', ...rows, ''] : [];
}
