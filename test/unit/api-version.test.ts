// Every request names a Pinecone API version that is still supported: one default (src/api/versions.ts) that every
// action.yml declares, a format check for what users give, and a check that fails while there is still time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTIONS } from '../../scripts/steps.js';
import { API_VERSIONS, API_VERSION_FORMAT, DEFAULT_API_VERSION } from '../../src/api/versions.js';
import { readMainInputs } from '../../src/inputs/inputs.js';
import { ROOT } from '../runner/runner.js';
import { withDefaults } from '../support/steps.js';

/** Pinecone supports a stable version for at least 12 months after its release. */
function outOfSupport(version: string, today: Date): string | undefined {
  const known = API_VERSIONS.find((v) => v.version === version);
  if (!known)
    return `api-version ${version} is not in API_VERSIONS (src/api/versions.ts): add it with its release date.`;
  const ends = new Date(known.released);
  ends.setUTCFullYear(ends.getUTCFullYear() + 1);
  if (today < ends) return undefined;
  const newer = API_VERSIONS.filter((v) => v.released > known.released).map((v) => v.version);
  return (
    `The default api-version ${version} was released on ${known.released}; Pinecone supports it only until about ` +
    `${ends.toISOString().slice(0, 10)}. Move DEFAULT_API_VERSION (src/api/versions.ts) and every action.yml's ` +
    `api-version default to ${newer.at(-1) ?? "a newer version (see Pinecone's API versioning page; add it to API_VERSIONS)"}.`
  );
}

describe('the Pinecone API version', () => {
  it('the default is inside its support window today', () => {
    expect(outOfSupport(DEFAULT_API_VERSION, new Date())).toBeUndefined();
  });

  it('says which version to move to once a default falls out of support', () => {
    expect(outOfSupport('2025-10', new Date('2026-12-04'))).toBe(
      "The default api-version 2025-10 was released on 2025-10-28; Pinecone supports it only until about 2026-10-28. Move DEFAULT_API_VERSION (src/api/versions.ts) and every action.yml's api-version default to 2026-04.",
    );
    expect(outOfSupport('2026-04', new Date('2027-03-25'))).toMatch(/to a newer version \(see Pinecone's API/);
  });

  // use makes no request, and preview none to Pinecone, so they have no api-version; every other action does.
  const asksPinecone = (file: string) => file !== 'use/action.yml' && file !== 'preview/action.yml';
  it.each(Object.values(ACTIONS).filter(asksPinecone))('%s declares the default', (file) => {
    const action = parse(readFileSync(join(ROOT, file), 'utf8')) as { inputs: Record<string, { default?: string }> };
    expect(String(action.inputs['api-version']?.default)).toBe(DEFAULT_API_VERSION);
  });

  it('what a user gives wins, in the date format Pinecone uses; anything else is refused before any request', () => {
    const read = (version: string) => {
      const inputs = withDefaults({ 'api-version': version, project: 'p' });
      return readMainInputs((name) => inputs[name] ?? '', { clientId: 'i', clientSecret: 's' }).connection.apiVersion;
    };
    expect(read('2025-10')).toBe('2025-10');
    expect(read('2026-07.alpha')).toBe('2026-07.alpha');
    for (const bad of ['latest', '2026-4', '2026-13', '2026-04-01', '2026-04.beta', ' 2026-04x']) {
      expect(API_VERSION_FORMAT.test(bad)).toBe(false);
      expect(() => read(bad)).toThrow(
        /"api-version" ".*" is not a Pinecone API version: use a date version such as 2026-04/,
      );
    }
  });
});
