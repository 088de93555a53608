// Pinecone's stable API versions this action knows, with their release dates: Pinecone supports each for at least
// 12 months after its release (docs/PINECONE.md). A step asked to use one past that window says so in one warning
// that names the newest; the default moves on before its window closes (a test fails while there is still time).
import { API_VERSION_SUPPORT_MONTHS } from '../../base/policy.js';

export const API_VERSIONS = [
  { version: '2025-10', released: '2025-10-28' },
  { version: '2026-04', released: '2026-03-25' },
  // Assumed: its release date is not in the stored docs or specs (../shared/pinecone-admin-api/SOURCE.md). The
  // first of the month before its name, as 2026-04 came out a week before April: a warning can come early, never late.
  { version: '2026-07', released: '2026-06-01' },
] as const;

/**
 * What every Admin API and control-plane request names unless the `api-version` input says otherwise: the newest
 * version whose spec the contract tests run against (2026-07's key and project operations are the same).
 */
export const DEFAULT_API_VERSION = '2026-04';

/** The newest stable version this action knows. */
export const NEWEST_API_VERSION = API_VERSIONS.at(-1)!.version;

/** `YYYY-MM`, or `YYYY-MM.alpha` for Pinecone's preview versions. */
export const API_VERSION_FORMAT = /^\d{4}-(0[1-9]|1[0-2])(\.alpha)?$/;

/** The day a stable version's minimum support window ends. */
export function supportEnds(released: string): Date {
  const ends = new Date(`${released}T00:00:00Z`);
  ends.setUTCMonth(ends.getUTCMonth() + API_VERSION_SUPPORT_MONTHS);
  return ends;
}

/**
 * One line when `version` is past its support window at `now`, else undefined. A stable version this action does
 * not know is taken as released on the first of the month it is named after; a preview (`.alpha`) is never judged.
 */
export function pastSupport(version: string, now: number): string | undefined {
  if (!/^\d{4}-\d{2}$/.test(version)) return undefined;
  const released = API_VERSIONS.find((known) => known.version === version)?.released ?? `${version}-01`;
  const ends = supportEnds(released);
  if (now < ends.getTime()) return undefined;
  const since = ends.toISOString().slice(0, 10);
  return (
    `api-version ${version} (released ${released}) is past Pinecone's ${API_VERSION_SUPPORT_MONTHS}-month support ` +
    `window (since ${since}): Pinecone may stop answering it. Use api-version ${NEWEST_API_VERSION}, the newest ` +
    `this action knows, or leave it out.`
  );
}
