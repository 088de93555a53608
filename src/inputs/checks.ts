// The rules every input reader shares: required, one of, true/false, URLs, durations, names of environment
// variables; and no control characters in anything that is echoed into the log. Each problem throws an
// InputError: one line that names the input and says how to fix it.
import { InputError } from '../base/errors.js';
import { hasControlCharacters } from '../base/text.js';
import { parseDuration } from './durations.js';

export type GetInput = (name: string) => string;

const LOOPBACK = new Set(['localhost', '[::1]']);
const MAX_TIMEOUT_MS = 30 * 60_000;

/** `names` as the step reads them now: what main saves for post to read again (never a secret). */
export function savedInputs(input: GetInput, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, input(name).trim()]));
}

/**
 * Post's inputs: as main read them where main saved them, else as the runner gives them now. The runner can give
 * post other inputs than main's (an action wrapped in nested composites gets the outer one's, actions/runner#2030).
 */
export function savedFirst(saved: Record<string, string> | undefined, input: GetInput): GetInput {
  return (name) => (saved && Object.hasOwn(saved, name) ? saved[name]! : input(name));
}

/** An input as given, trimmed, refused if it holds a control character (a line break could forge a log command). */
export function text(input: GetInput, name: string): string {
  const value = input(name).trim();
  if (hasControlCharacters(value)) {
    throw new InputError(
      `Input "${name}" contains a line break or another control character: give it on one line, as plain text.`,
    );
  }
  return value;
}

export function required(input: GetInput, name: string): string {
  const value = text(input, name);
  if (value === '') throw new InputError(`Input "${name}" is required and empty.`);
  return value;
}

export function choice<T extends string>(input: GetInput, name: string, options: readonly T[]): T {
  const value = text(input, name).toLowerCase();
  if (!(options as readonly string[]).includes(value)) {
    throw new InputError(`Input "${name}" must be ${options.join(' or ')}; got "${value}".`);
  }
  return value as T;
}

/** YAML 1.2 booleans, as core.getBooleanInput reads them, with a message that names the input. */
export function bool(input: GetInput, name: string): boolean {
  const value = text(input, name);
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(`Input "${name}" must be true or false; got "${value}".`);
}

/** The `timeout` input: a step's whole budget. */
export function timeout(input: GetInput): number {
  return parseDuration(text(input, 'timeout'), 'Input "timeout"', { min: 1000, max: MAX_TIMEOUT_MS });
}

/** The one rule for every URL credentials go to: https, or http on a loopback host (tests, local emulators). */
export function secureOrLoopback(url: URL): boolean {
  const loopback = LOOPBACK.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
  return url.protocol === 'https:' || (url.protocol === 'http:' && loopback);
}

/** https only, except loopback hosts (tests, local emulators); never credentials or redirects elsewhere. */
export function url(input: GetInput, name: string): string {
  const value = required(input, name);
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new InputError(`Input "${name}" "${value}" is not a URL: give an absolute https:// URL.`);
  }
  if (!secureOrLoopback(parsed)) {
    throw new InputError(
      `Input "${name}" must use https:// (http:// only for localhost, 127.0.0.1 or [::1]); got "${parsed.protocol}//${parsed.host}".`,
    );
  }
  if (parsed.username || parsed.password)
    throw new InputError(`Input "${name}" must not carry a user name or password.`);
  if (parsed.search || parsed.hash) throw new InputError(`Input "${name}" must not have a query or fragment.`);
  return parsed.href.replace(/\/+$/, '');
}

/**
 * Names the runner, the shell, the dynamic linker or a language runtime read to decide what runs: a key written
 * there would break or hijack every later step. Each with the reason given to the user.
 */
const RESERVED_ENV: Array<[RegExp, string]> = [
  [/^(GITHUB|RUNNER|ACTIONS|INPUT|STATE)_/, 'the runner sets and reads these'],
  [/^(CI|HOME|PATH|SHELL|USER|PWD|TMPDIR|TEMP|TMP)$/, 'the runner and every tool rely on it'],
  [/^(LD|DYLD)_/, 'the dynamic linker reads it to load code into every process'],
  [/^(BASH_ENV|ENV|IFS|PS4|PROMPT_COMMAND|SHELLOPTS|BASHOPTS|CDPATH|GLOBIGNORE|BASH_FUNC_.*)$/, 'the shell reads it'],
  [/^NODE_/, 'Node.js reads NODE_* variables (NODE_OPTIONS loads code into every node process)'],
  [
    /^(PYTHON\w*|PERL5\w*|PERLLIB|RUBYOPT|RUBYLIB|JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|JDK_JAVA_OPTIONS|GIT_\w+)$/,
    'a language runtime or git reads it to load code',
  ],
  [
    /^(HTTPS?_PROXY|NO_PROXY|ALL_PROXY|SSL_CERT_FILE|SSL_CERT_DIR|CURL_CA_BUNDLE|REQUESTS_CA_BUNDLE)$/,
    'it redirects or trusts network traffic',
  ],
];

export function envName(input: GetInput, name: string): string {
  const value = text(input, name);
  if (value === '') return '';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) {
    throw new InputError(
      `Input "${name}" "${value}" is not an environment variable name: use letters, digits and _ (or leave it empty to export nothing).`,
    );
  }
  const reserved = RESERVED_ENV.find(([pattern]) => pattern.test(value.toUpperCase()));
  if (reserved) {
    throw new InputError(
      `Input "${name}" "${value}" is reserved (${reserved[1]}): choose another name, e.g. PINECONE_API_KEY.`,
    );
  }
  return value;
}
