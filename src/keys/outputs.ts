// Handing a key to the job: the same outputs and environment variable whichever step made or opened it (main,
// use), and one line that says where the value is and how the key ends. The value is masked before this runs.
import type { Core } from '../runtime/step.js';

export interface HandedKey {
  value: string;
  id: string;
  name: string;
  projectId: string;
  roles: readonly string[];
  expiresAt: string;
}

export function handOver(core: Core, key: HandedKey, exportEnv: string, said: { how: string; fate: string }): void {
  core.setOutput('api-key', key.value);
  describeKey(core, key);
  if (exportEnv) core.exportVariable(exportEnv, key.value);
  const where = exportEnv ? `output api-key and env ${exportEnv}` : 'output api-key';
  core.info(`${said.how} API key ${key.name} (${key.id}); its value is masked and available as ${where}. ${said.fate}`);
}

/** A key renewed in place (renew: true): everything but its value, which Pinecone shows only when a key is made. */
export function handOverRenewed(core: Core, key: Omit<HandedKey, 'value'>, exportEnv: string, fate: string): void {
  describeKey(core, key);
  const not = exportEnv ? `output api-key and env ${exportEnv} are not set` : 'output api-key is not set';
  core.info(
    `Renewed API key ${key.name} (${key.id}) in place until ${key.expiresAt}: it keeps its value, which Pinecone shows only when a key is made, so ${not}; whatever holds the value goes on working. ${fate}`,
  );
}

function describeKey(core: Core, key: Omit<HandedKey, 'value'>): void {
  core.setOutput('key-id', key.id);
  core.setOutput('key-name', key.name);
  core.setOutput('project-id', key.projectId);
  core.setOutput('roles', key.roles.join(','));
  core.setOutput('expires-at', key.expiresAt);
  core.setOutput('skipped', 'false');
}
