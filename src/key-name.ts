// The one place that renders and parses key names. A name is `<base>-eph-<expiry>-<nonce>`:
// the base is the user's rendered template; the suffix lets any later run (or a sweep) tell from the name alone
// that this action made the key and when it expires, and the nonce keeps parallel or re-run jobs apart.
export const MAX_NAME_LENGTH = 80; // Pinecone's limit
const NONCE_LENGTH = 6;
const SUFFIX_LENGTH = '-eph-'.length + 'YYYYMMDDTHHMMSSZ'.length + 1 + NONCE_LENGTH;
const MAX_BASE_LENGTH = MAX_NAME_LENGTH - SUFFIX_LENGTH;
const NAME_PATTERN = /^(.+)-eph-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z-([a-z0-9]{6})$/;

export const PLACEHOLDERS = [
  'owner',
  'repo',
  'workflow',
  'job',
  'run_id',
  'run_number',
  'run_attempt',
  'event',
  'ref',
  'sha',
  'pr',
  'actor',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type RunValues = Record<Placeholder, string | undefined>;

export interface ParsedKeyName {
  base: string;
  expiresAt: Date;
  nonce: string;
}

/** Fails on an unknown placeholder before any request is made. */
export function checkTemplate(template: string): void {
  if (template.trim() === '') throw new Error('Input "name" is empty: give a template such as gha-{repo}-{run_id}.');
  for (const [, word] of template.matchAll(/\{([^{}]*)\}/g)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(word!)) {
      throw new Error(
        `Input "name": unknown placeholder {${word}}. Valid placeholders: ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}.`,
      );
    }
  }
}

export function renderBase(template: string, values: RunValues): string {
  checkTemplate(template);
  const rendered = template.replace(/\{([a-z_]+)\}/g, (_, word: Placeholder) => {
    const value = values[word];
    if (value === undefined || value === '') {
      throw new Error(
        word === 'pr'
          ? 'Input "name" uses {pr}, but this run was not triggered by a pull request: use another placeholder for this event.'
          : `Input "name" uses {${word}}, which this run does not provide (is GITHUB_${word.toUpperCase()} set?).`,
      );
    }
    return value;
  });
  return sanitize(rendered);
}

/** Keeps letters, digits, `.`, `_` and `-`; anything else becomes `-`. */
export function sanitize(text: string): string {
  const safe = text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return safe === '' ? 'key' : safe;
}

/** Cuts the base, never the suffix, so the whole name fits Pinecone's 80 characters. */
export function buildKeyName(base: string, expiresAt: Date, nonce: string): string {
  if (!/^[a-z0-9]{6}$/.test(nonce)) throw new Error(`nonce must be ${NONCE_LENGTH} characters a-z0-9`);
  const cut = sanitize(base.slice(0, MAX_BASE_LENGTH));
  const stamp = expiresAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return `${cut}-eph-${stamp}-${nonce}`;
}

export function newNonce(randomInt: (max: number) => number): string {
  let nonce = '';
  for (let i = 0; i < NONCE_LENGTH; i++) nonce += randomInt(36).toString(36);
  return nonce;
}

/** `undefined` for a name this action did not make (or `null`, which Pinecone may return). */
export function parseKeyName(name: string | null | undefined): ParsedKeyName | undefined {
  const match = name ? NAME_PATTERN.exec(name) : null;
  if (!match) return undefined;
  const [, base, y, mo, d, h, mi, s, nonce] = match as unknown as string[];
  const expiresAt = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!));
  // Reject impossible dates (month 13) that the pattern lets through.
  if (expiresAt.toISOString().slice(0, 19) !== `${y}-${mo}-${d}T${h}:${mi}:${s}`) return undefined;
  return { base: base!, expiresAt, nonce: nonce! };
}

/** `*` matches any run of characters, `?` one; everything else is literal. Matched against the whole name. */
export function globMatches(glob: string, name: string): boolean {
  const pattern = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${pattern}$`, 's').test(name);
}
