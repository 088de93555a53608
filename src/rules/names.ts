// The one place that builds and parses the names of what this action makes. A name is
// `<base>-eph-<expiry>-<kind><run>-<nonce>`: the base is the user's rendered template; the suffix lets any later run
// (or a sweep) tell from the name alone that this action made the key, when it expires, whether its job deletes it, and
// which run made it (the repository's numeric id, the run id and the attempt, in base 36) — and the nonce keeps
// parallel jobs apart. Names of the first format (`<base>-eph-<expiry>-<nonce>`) still parse: they carry no kind and no
// run. The keyless broker's names add the job after the run (`_<check_run_id>`); names without it still parse. A
// throwaway project's name is a key name's grammar plus `-<tag>`: a MAC of the rest under the service account's secret
// (crypto/name-tag.ts), since a sweep deletes whole projects and a name anyone could type must not be enough. Key names
// may carry the same kind of tag (`buildTaggedKeyName`), under their maker's own derivation. A key that lives as long
// as its pull request (kind `pr`, letter `p`) ends its suffix's run with `_<number>` (base 36): the pull request later
// runs and sweeps ask GitHub about.

import { createHash } from 'node:crypto';

export const MAX_NAME_LENGTH = 80; // Pinecone's limit
/** Pinecone allows 512; beyond this a name is no longer readable in the console's project list. */
export const MAX_PROJECT_NAME_LENGTH = 128;
const NONCE_LENGTH = 6;
export const TAG_LENGTH = 8;
/** Signs the rest of a project name: `TAG_LENGTH` characters a-z0-9. */
export type NameTag = (unsigned: string) => string;
const STAMP = String.raw`(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z`;
const NAME_PATTERN = new RegExp(
  String.raw`^(.+)-eph-${STAMP}(?:-([jkps])(?:([0-9a-z]{1,11})\.([0-9a-z]{1,11})\.([0-9a-z]{1,4})(?:\.([0-9a-z]{3}))?(?:_([0-9a-z]{1,11}))?(?:\.r([0-9a-z]{3}))?)?(?:_([0-9a-z]{1,7}))?)?-([a-z0-9]{6})$`,
);

const TAGGED_PATTERN = new RegExp(`^(.+)-[a-z0-9]{${TAG_LENGTH}}$`);

/**
 * `job`: the job's post step deletes it. `kept`: made with cleanup: false. `shared`: the run's key (never a project).
 * `pr`: lives as long as its pull request (lifetime: pull-request).
 */
export type KeyKind = 'job' | 'kept' | 'shared' | 'pr';
const KIND_LETTER: Record<KeyKind, string> = { job: 'j', kept: 'k', shared: 's', pr: 'p' };

/** The workflow run that made a key: ids as decimal text. */
export interface RunRef {
  repositoryId: string;
  runId: string;
  attempt: number;
  /**
   * The GitHub instance (`serverTag` of GITHUB_SERVER_URL); absent for github.com. Repository and run ids are per
   * instance: a key made on another is never judged by what this instance says of a run of the same number.
   */
  server?: string;
  /**
   * The job (its `check_run_id`, as GitHub's OIDC token carries it), after `_` in the name: set by the keyless broker,
   * which binds a key to the job whose token asked for it. Absent in the action's own names.
   */
  job?: string;
  /** The broker's rule that let the key be made (3 characters a-z0-9, `.r<mark>`): its live keys are counted. */
  rule?: string;
}

export interface KeyOwner {
  kind: KeyKind;
  run: RunRef | undefined;
  /** The pull request's number (decimal text), with kind `pr` and only then. */
  pullRequest?: string | undefined;
}

export interface ParsedName {
  base: string;
  expiresAt: Date;
  nonce: string;
  /** Absent in names of the first format. */
  kind?: KeyKind;
  run?: RunRef;
  /** With kind `pr`: the pull request's number, as decimal text. */
  pullRequest?: string;
}

/** Reads the names of one kind of thing this action makes: `parseKeyName`, or `parseProjectName` with a tag. */
export type NameParser = (name: string | null | undefined) => ParsedName | undefined;

/** Keeps letters, digits, `.`, `_` and `-`; anything else becomes `-`. */
export function sanitize(text: string): string {
  const safe = text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return safe === '' ? 'key' : safe;
}

function suffix(owner: KeyOwner, stamp: string, nonce: string): string {
  if ((owner.kind === 'pr') !== /^[1-9]\d{0,9}$/.test(owner.pullRequest ?? ''))
    throw new Error('a pull request number goes with kind pr, and kind pr needs one');
  const server = owner.run?.server ? `.${owner.run.server}` : '';
  const job = `${owner.run?.job ? `_${Number(owner.run.job).toString(36)}` : ''}${owner.run?.rule ? `.r${owner.run.rule}` : ''}`;
  const run = owner.run
    ? `${Number(owner.run.repositoryId).toString(36)}.${Number(owner.run.runId).toString(36)}.${owner.run.attempt.toString(36)}${server}${job}`
    : '';
  const pullRequest = owner.kind === 'pr' ? `_${Number(owner.pullRequest).toString(36)}` : '';
  return `-eph-${stamp}-${KIND_LETTER[owner.kind]}${run}${pullRequest}-${nonce}`;
}

export function suffixLength(owner: KeyOwner): number {
  return suffix(owner, 'YYYYMMDDTHHMMSSZ', 'n'.repeat(NONCE_LENGTH)).length;
}

/** Cuts the base, never the suffix, so the whole name fits Pinecone's 80 characters. */
export function buildKeyName(base: string, owner: KeyOwner, expiresAt: Date, nonce: string): string {
  return build(base, owner, expiresAt, nonce, MAX_NAME_LENGTH);
}

/**
 * A key name that proves its maker: the grammar above, then `-<tag>` over all of it (as a throwaway project's), the
 * tag made by `nameTagFor(secret, 'keyName' | 'brokerKeyName')`. The base is cut, never the suffix or the tag.
 */
export function buildTaggedKeyName(
  base: string,
  owner: KeyOwner,
  expiresAt: Date,
  nonce: string,
  tag: NameTag,
): string {
  const unsigned = build(base, owner, expiresAt, nonce, MAX_NAME_LENGTH - 1 - TAG_LENGTH);
  return `${unsigned}-${tag(unsigned)}`;
}

/** A key whose name carries a tag that verifies under `tag`; `undefined` for untagged names and look-alikes. */
export function parseTaggedKeyName(name: string | null | undefined, tag: NameTag): ParsedName | undefined {
  const parsed = lookAlike(name);
  return parsed && signedBy(name!, tag) ? parsed : undefined;
}

function signedBy(name: string, tag: NameTag): boolean {
  return tag(name.slice(0, -(1 + TAG_LENGTH))) === name.slice(-TAG_LENGTH);
}

/**
 * A key name of this action's grammar, tagged (by whichever maker) or of an earlier, untagged format: what is judged
 * by its expiry and its run (sweep, make-room, post's retirement of expired keys). Never enough to renew or replace a
 * key, which needs the maker's tag (`parseTaggedKeyName`).
 */
export function parseAnyKeyName(name: string | null | undefined): ParsedName | undefined {
  return parseKeyName(name) ?? lookAlike(name);
}

/** A throwaway project's name: a key name's grammar, then `-<tag>` over all of it. Never a shared project. */
export function buildProjectName(base: string, owner: KeyOwner, expiresAt: Date, nonce: string, tag: NameTag): string {
  if (owner.kind === 'shared') throw new Error('a throwaway project belongs to its job (or is kept), never shared');
  const unsigned = build(base, owner, expiresAt, nonce, MAX_PROJECT_NAME_LENGTH - 1 - TAG_LENGTH);
  return `${unsigned}-${tag(unsigned)}`;
}

function build(base: string, owner: KeyOwner, expiresAt: Date, nonce: string, maxLength: number): string {
  if (!/^[a-z0-9]{6}$/.test(nonce)) throw new Error(`nonce must be ${NONCE_LENGTH} characters a-z0-9`);
  const cut = sanitize(base.slice(0, maxLength - suffixLength(owner)));
  const stamp = expiresAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return `${cut}${suffix(owner, stamp, nonce)}`;
}

/** The expiry `ms` after `now`, in whole seconds as a name carries it: the name and the output must agree. */
export function expiryAfter(now: number, ms: number): Date {
  return new Date(Math.ceil((now + ms) / 1000) * 1000);
}

export function newNonce(randomInt: (max: number) => number): string {
  let nonce = '';
  for (let i = 0; i < NONCE_LENGTH; i++) nonce += randomInt(36).toString(36);
  return nonce;
}

/** `undefined` for a name this action did not make (or `null`, which Pinecone may return). */
export function parseKeyName(name: string | null | undefined): ParsedName | undefined {
  const match = name ? NAME_PATTERN.exec(name) : null;
  if (!match) return undefined;
  const [, base, y, mo, d, h, mi, s, letter, repo, run, attempt, server, afterRun, rule, afterKind, nonce] = match;
  // `_<n>` after a run is the broker's job, or, in a pull request's name (letter p), its number; the number stands
  // alone where the name carries no run. Names with the one but not the other are not this action's.
  const isPr = letter === KIND_LETTER.pr;
  const pullRequest = isPr ? (afterKind ?? afterRun) : undefined;
  const job = isPr ? undefined : afterRun;
  if (isPr !== (pullRequest !== undefined) || (afterKind !== undefined && (!isPr || afterRun !== undefined)))
    return undefined;
  if (isPr && rule) return undefined;
  const expiresAt = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!));
  // Reject impossible dates (month 13) that the pattern lets through.
  if (expiresAt.toISOString().slice(0, 19) !== `${y}-${mo}-${d}T${h}:${mi}:${s}`) return undefined;
  const parsed: ParsedName = { base: base!, expiresAt, nonce: nonce! };
  if (letter) parsed.kind = (Object.keys(KIND_LETTER) as KeyKind[]).find((kind) => KIND_LETTER[kind] === letter)!;
  if (repo && run && attempt) {
    parsed.run = {
      repositoryId: String(parseInt(repo, 36)),
      runId: String(parseInt(run, 36)),
      attempt: parseInt(attempt, 36),
      ...(server ? { server } : {}),
      ...(job ? { job: String(parseInt(job, 36)) } : {}),
      ...(rule ? { rule } : {}),
    };
  }
  if (pullRequest) parsed.pullRequest = String(parseInt(pullRequest, 36));
  return parsed;
}

/**
 * A throwaway project this service account made: the name parses and its tag verifies under `tag`. `undefined`
 * for any other project, look-alikes with a wrong tag included (`lookAlike` tells them apart for the summary).
 */
export function parseProjectName(name: string | null | undefined, tag: NameTag): ParsedName | undefined {
  const parsed = lookAlike(name);
  if (!parsed || parsed.kind === 'shared') return undefined;
  return signedBy(name!, tag) ? parsed : undefined;
}

/** A name with a throwaway project's shape, whoever made it. */
export function lookAlike(name: string | null | undefined): ParsedName | undefined {
  const match = name ? TAGGED_PATTERN.exec(name) : null;
  const parsed = match ? parseKeyName(match[1]) : undefined;
  return parsed?.kind ? parsed : undefined;
}

/** The GitHub instance a run belongs to, as names carry it: `undefined` for github.com, else 3 characters a-z0-9. */
export function serverTag(serverUrl: string | undefined): string | undefined {
  const origin = (serverUrl || 'https://github.com').replace(/\/+$/, '').toLowerCase();
  if (origin === 'https://github.com') return undefined;
  return (createHash('sha256').update(origin).digest().readUInt32BE(0) % 36 ** 3).toString(36).padStart(3, '0');
}

/** Two keys made by the same attempt of the same run (legs of one matrix, or steps of one job). */
export function sameRunAttempt(a: RunRef | undefined, b: RunRef | undefined): boolean {
  return !!a && !!b && a.repositoryId === b.repositoryId && a.runId === b.runId && a.attempt === b.attempt;
}
