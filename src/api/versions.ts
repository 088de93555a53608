// Pinecone's stable API versions this action knows, with their release dates: Pinecone supports each for at least
// 12 months after its release (docs/PINECONE.md), so the default moves on before that window closes; a test fails
// when it has not.
export const API_VERSIONS = [
  { version: '2025-10', released: '2025-10-28' },
  { version: '2026-04', released: '2026-03-25' },
] as const;

/** What every Admin API and control-plane request names unless the `api-version` input says otherwise. */
export const DEFAULT_API_VERSION = '2026-04';

/** `YYYY-MM`, or `YYYY-MM.alpha` for Pinecone's preview versions. */
export const API_VERSION_FORMAT = /^\d{4}-(0[1-9]|1[0-2])(\.alpha)?$/;
