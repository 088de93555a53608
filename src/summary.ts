// The job summary: what a person needs to find the key again, never its secret.
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
