// Every request names a Pinecone API version that is still supported: one default (src/api/pinecone/versions.ts) that
// every action.yml declares, a format check for what users give, and a check that fails while there is still time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTIONS } from '../../scripts/steps.js';
import {
  API_VERSIONS,
  API_VERSION_FORMAT,
  DEFAULT_API_VERSION,
  NEWEST_API_VERSION,
  pastSupport,
  supportEnds,
} from '../../src/api/pinecone/versions.js';
import { CONTRACT_VERSIONS } from '../contract/specs.js';
import { readMainInputs } from '../../src/inputs/inputs.js';
import { ROOT } from '../runner/runner.js';
import { withDefaults } from '../support/steps.js';

/** The default's support window, and where to move it: a version whose spec the contract tests run against. */
function outOfSupport(version: string, today: Date): string | undefined {
  const known = API_VERSIONS.find((v) => v.version === version);
  if (!known)
    return `api-version ${version} is not in API_VERSIONS (src/api/pinecone/versions.ts): add it with its release date.`;
  const ends = supportEnds(known.released);
  if (today < ends) return undefined;
  const newer = CONTRACT_VERSIONS.filter((v) => v > version);
  return (
    `The default api-version ${version} was released on ${known.released}; Pinecone supports it only until about ` +
    `${ends.toISOString().slice(0, 10)}. Move DEFAULT_API_VERSION (src/api/pinecone/versions.ts) and every action.yml's ` +
    `api-version default to ${newer[0] ?? 'a newer version, with its spec beside the repository and in CONTRACT_VERSIONS (test/contract/specs.ts)'}.`
  );
}

describe('the Pinecone API version', () => {
  it('the default is inside its support window today', () => {
    expect(outOfSupport(DEFAULT_API_VERSION, new Date())).toBeUndefined();
  });

  it('says which version to move to once a default falls out of support', () => {
    expect(outOfSupport('2025-10', new Date('2026-12-04'))).toBe(
      "The default api-version 2025-10 was released on 2025-10-28; Pinecone supports it only until about 2026-10-28. Move DEFAULT_API_VERSION (src/api/pinecone/versions.ts) and every action.yml's api-version default to 2026-04.",
    );
    expect(outOfSupport('2026-04', new Date('2027-03-25'))).toMatch(/to a newer version, with its spec beside/);
  });

  it('the default is one whose spec the contract tests run against', () => {
    expect(CONTRACT_VERSIONS).toContain(DEFAULT_API_VERSION);
  });

  it('knows 2026-07, the newest, and names it when a version is past its window', () => {
    expect(NEWEST_API_VERSION).toBe('2026-07');
    expect(API_VERSIONS.map((v) => v.version)).toEqual(['2025-10', '2026-04', '2026-07']);
  });

  it('a version past its 12-month window gets one line naming the newest; one inside it, or a preview, none', () => {
    const at = (day: string) => Date.parse(`${day}T00:00:00Z`);
    expect(pastSupport('2025-10', at('2026-10-27'))).toBeUndefined();
    expect(pastSupport('2025-10', at('2026-10-28'))).toBe(
      "api-version 2025-10 (released 2025-10-28) is past Pinecone's 12-month support window (since 2026-10-28): Pinecone may stop answering it. Use api-version 2026-07, the newest this action knows, or leave it out.",
    );
    expect(pastSupport('2026-04', at('2027-03-24'))).toBeUndefined();
    expect(pastSupport('2026-04', at('2027-03-25'))).toMatch(/^api-version 2026-04 \(released 2026-03-25\) is past/);
    // A stable version this action does not know: released, at the latest, in the month it is named after.
    expect(pastSupport('2024-10', at('2025-10-01'))).toMatch(/^api-version 2024-10 \(released 2024-10-01\) is past/);
    expect(pastSupport('2024-10', at('2025-09-30'))).toBeUndefined();
    expect(pastSupport('2025-10.alpha', at('2030-01-01'))).toBeUndefined();
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
