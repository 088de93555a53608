// Job summaries: what a person needs to find a key again, never its secret. Every piece of outside text (names
// from the API, project names) is escaped: a summary renders markdown and HTML.
import { markdownCode, markdownText } from '../base/text.js';
import type { SweepPlan } from './sweep-plan.js';

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

export function renderSweepSummary(plan: SweepPlan, deleted: ReadonlySet<string>, dryRun: boolean): string {
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
  return [
    `### Pinecone key sweep${dryRun ? ' (dry run)' : ''}`,
    '',
    `${deleted.size} deleted; ${plan.verdicts.length - deleted.size} key(s) made by this action left; ${plan.foreign} key(s) not made by this action, never touched.` +
      (plan.otherRepositories
        ? ` ${plan.otherRepositories} of this action's keys were made in other repositories: left to their expiry.`
        : ''),
    '',
    ...(rows.length ? ['| Key | ID | Expires | Action | Why |', '|---|---|---|---|---|', ...rows, ''] : []),
  ].join('\n');
}
