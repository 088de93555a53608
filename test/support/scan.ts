// Scans every byte a step printed or left behind for secrets, in the forms the runner would also mask
// (plain, base64, URL-encoded, JSON-escaped). The only allowed places are the `::add-mask::` commands themselves
// and the outputs / env vars whose job is to carry the key.
import type { StepResult } from '../runner/runner.js';

export interface Allowed {
  outputs?: string[];
  env?: string[];
}

export function findLeaks(result: StepResult, secrets: string[], allowed: Allowed = {}): string[] {
  const places: Array<[string, string]> = [
    ...result.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .map((line, i): [string, string] => [`stdout line ${i + 1}`, line]),
    ['stderr', result.stderr],
    ['log', result.log.join('\n')],
    ['summary', result.summary],
    ...Object.entries(result.state).map(([name, value]): [string, string] => [`state ${name}`, value]),
    ...Object.entries(result.outputs)
      .filter(([name]) => !allowed.outputs?.includes(name))
      .map(([name, value]): [string, string] => [`output ${name}`, value]),
    ...Object.entries(result.env)
      .filter(([name]) => !allowed.env?.includes(name))
      .map(([name, value]): [string, string] => [`env ${name}`, value]),
  ];
  const leaks: string[] = [];
  for (const secret of secrets.filter(Boolean)) {
    const forms = new Set([
      secret,
      Buffer.from(secret).toString('base64'),
      encodeURIComponent(secret),
      JSON.stringify(secret).slice(1, -1),
    ]);
    for (const [where, text] of places) {
      for (const form of forms)
        if (text.includes(form)) leaks.push(`${where} contains a secret (${secret.slice(0, 4)}…)`);
    }
  }
  return leaks;
}

/** The raw output registers `secret` with `::add-mask::` before any other line mentions it. */
export function maskedBeforeUse(stdout: string, secret: string): boolean {
  const lines = stdout.split('\n');
  const mask = lines.indexOf(`::add-mask::${secret}`);
  const firstUse = lines.findIndex((line) => line.includes(secret) && !line.startsWith('::add-mask::'));
  return mask >= 0 && (firstUse < 0 || mask < firstUse);
}

/** The step failed with one `::error::` line containing `text`, and printed no stack trace. */
export function failureLine(result: StepResult): string {
  const errors = result.log.filter((line) => line.startsWith('##[error]'));
  if (errors.length !== 1) throw new Error(`expected one error line, got:\n${result.log.join('\n')}`);
  if (result.log.some((line) => /^\s+at /.test(line))) throw new Error(`stack trace in log:\n${result.log.join('\n')}`);
  if (errors[0]!.includes('Unexpected error')) throw new Error(`reported as a bug, not as a user error: ${errors[0]}`);
  return errors[0]!.slice('##[error]'.length);
}
