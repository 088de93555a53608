// The seal of one job's journal (journal/journal.ts): an HMAC-SHA256 keyed with HKDF from the client secret and
// bound to this repository, run, attempt, job and step, so that state another step forged is refused.
import { createHmac, hkdfSync } from 'node:crypto';
import { DERIVATIONS } from './derivations.js';

export type Seal = (text: string) => Buffer;

const { label, version } = DERIVATIONS.state;

/** The seal of one job's state: what binds it to the client secret and to this job. */
export function sealFor(clientSecret: string, env: NodeJS.ProcessEnv): Seal {
  // The step too (GITHUB_ACTION): two uses of the action in one job never take each other's journal. Matrix legs
  // share all of these: main seals a journal of its own before anything can fail (runtime/define-step.ts).
  const context = ['GITHUB_REPOSITORY', 'GITHUB_RUN_ID', 'GITHUB_RUN_ATTEMPT', 'GITHUB_JOB', 'GITHUB_ACTION'].map(
    (name) => env[name] ?? '',
  );
  const key = Buffer.from(hkdfSync('sha256', clientSecret, label, `${version}\n${context.join('\n')}`, 32));
  return (text) => createHmac('sha256', key).update(text).digest();
}
