// A key for a job of a later attempt of the run ("Re-run failed jobs"): GitHub hands it the earlier attempt's
// handoff, whose key that attempt's revoke job may have deleted. Same project and roles, named after this attempt,
// journaled like main's key so that the use step's post step deletes it.
import type { Connection } from '../api/types.js';
import type { Secrets } from '../base/secrets.js';
import { expiryAfter, parseKeyName, type RunRef } from '../rules/names.js';
import { createExactlyOnce } from './create.js';
import type { HandedKey } from './outputs.js';
import type { SharedKey } from '../crypto/handoff.js';
import { sealFor } from '../crypto/state-seal.js';
import { Journal } from '../journal/journal.js';
import { openApi } from '../runtime/session.js';
import type { Core, StepDeps } from '../runtime/step.js';

/** A key made for a re-run lives as long as the shared key would have, and at least this long. */
const RERUN_MIN_TTL_MS = 3_600_000;

export async function keyForRerun(
  deps: StepDeps,
  core: Core,
  secrets: Secrets,
  inputs: { connection: Connection; timeoutMs: number; clientSecret: string },
  shared: SharedKey,
  run: RunRef,
): Promise<HandedKey> {
  core.info(
    `This is attempt ${run.attempt} of the run; the shared key was made in attempt ${shared.attempt} and may be gone. Making a key for this job, deleted when it ends.`,
  );
  const api = openApi(deps, core, inputs.connection, inputs.timeoutMs, secrets);
  await api.login({ creates: 1 });
  const journal = new Journal(core, sealFor(inputs.clientSecret, deps.env), shared.projectId, true);
  const soonest = expiryAfter(api.clock.now(), RERUN_MIN_TTL_MS).getTime();
  const expiresAt = new Date(Math.max(Date.parse(shared.expiresAt), soonest));
  const created = await createExactlyOnce(api, journal, core, deps.random, {
    projectId: shared.projectId,
    base: parseKeyName(shared.name)?.base ?? 'gha-rerun',
    owner: { kind: 'job', run },
    roles: shared.roles,
    expiresAt,
  });
  return {
    value: created.value,
    id: created.key.id,
    name: created.name,
    projectId: shared.projectId,
    roles: shared.roles,
    expiresAt: expiresAt.toISOString(),
  };
}
