// Job summaries: what a person needs to find a key again, never its secret.
import type { SweepPlan } from './sweep-plan.js';
export interface KeySummary {
  name: string;
  id: string;
  projectId: string;
  projectName: string | undefined;
  roles: string[];
  expiresAt: string;
  cleanup: boolean;
}

export function renderKeySummary(key: KeySummary): string {
  const project = key.projectName ? `${escape(key.projectName)} (\`${key.projectId}\`)` : `\`${key.projectId}\``;
  const fate = key.cleanup
    ? 'The post step deletes this key when the job ends.'
    : 'This key is kept after the job (`cleanup: false`): a sweep deletes it once it has expired.';
  return [
    '### Pinecone API key',
    '',
    '| | |',
    '|---|---|',
    `| Name | \`${key.name}\` |`,
    `| ID | \`${key.id}\` |`,
    `| Project | ${project} |`,
    `| Roles | ${key.roles.join(', ')} |`,
    `| Expires | ${key.expiresAt} |`,
    '',
    fate,
    '',
  ].join('\n');
}

function escape(text: string): string {
  return text.replace(/[|`*_<>[\]\\]/g, '\\$&');
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
    return `| \`${v.key.name}\` | \`${v.key.id}\` | ${v.parsed.expiresAt.toISOString()} | ${action} | ${v.why} |`;
  });
  return [
    `### Pinecone key sweep${dryRun ? ' (dry run)' : ''}`,
    '',
    `${deleted.size} deleted; ${plan.verdicts.length - deleted.size} key(s) made by this action left; ${plan.foreign} key(s) not made by this action, never touched.`,
    '',
    ...(rows.length ? ['| Key | ID | Expires | Action | Why |', '|---|---|---|---|---|', ...rows, ''] : []),
  ].join('\n');
}
