// Pinecone's OpenAPI specs live beside the repository (../shared/pinecone-admin-api/), never copied into it. Where
// they are absent (a clone on GitHub), the contract suites skip, and say so in their name and in the run's last lines.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../runner/runner.js';

export const SPECS = join(ROOT, '../shared/pinecone-admin-api');
export const HAVE_SPECS = existsSync(SPECS);

/** The suite's title, with the reason when it is skipped. */
export const titled = (title: string) =>
  HAVE_SPECS ? title : `${title} (SKIPPED: Pinecone's OpenAPI specs not found at ../shared/pinecone-admin-api)`;

/** The versions the contract suites check: the default first, then every older one a user may still pin. */
export const CONTRACT_VERSIONS = ['2026-04', '2025-10'] as const;
