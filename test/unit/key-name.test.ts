import { describe, expect, it } from 'vitest';
import {
  buildKeyName,
  checkTemplate,
  globMatches,
  MAX_NAME_LENGTH,
  newNonce,
  parseKeyName,
  renderBase,
  sanitize,
  type RunValues,
} from '../../src/key-name.js';

const RUN: RunValues = {
  owner: 'octo-org',
  repo: 'shop-api',
  workflow: 'CI / tests',
  job: 'test',
  run_id: '16021984',
  run_number: '7',
  run_attempt: '2',
  event: 'pull_request',
  ref: '42/merge',
  sha: '0123456',
  pr: '42',
  actor: 'dependabot[bot]',
};
const EXPIRY = new Date('2026-11-29T21:55:07.000Z');

describe('key names', () => {
  it('renders every placeholder and sanitises the result', () => {
    expect(renderBase('gha-{repo}-{run_id}-{run_attempt}-{job}', RUN)).toBe('gha-shop-api-16021984-2-test');
    expect(renderBase('{owner}/{workflow}@{ref} by {actor} #{pr} {sha} {event} {run_number}', RUN)).toBe(
      'octo-org-CI-tests-42-merge-by-dependabot-bot-42-0123456-pull_request-7',
    );
  });

  it('says which placeholder is unknown or has no value in this run', () => {
    expect(() => checkTemplate('x-{branch}')).toThrow(/unknown placeholder \{branch\}/);
    expect(() => renderBase('preview-{pr}', { ...RUN, pr: undefined })).toThrow(/not triggered by a pull request/);
    expect(() => renderBase('{repo}', { ...RUN, repo: undefined })).toThrow(
      /uses \{repo\}, which this run does not provide/,
    );
    expect(() => checkTemplate('  ')).toThrow(/"name" is empty/);
  });

  it('sanitises to letters, digits, . _ - with no leading or trailing separators', () => {
    expect(sanitize('  héllo wörld!! ')).toBe('h-llo-w-rld');
    expect(sanitize('--a..b--')).toBe('a..b');
    expect(sanitize('***')).toBe('key');
  });

  it('appends expiry and nonce, and parses them back', () => {
    const name = buildKeyName('preview-pr-42', EXPIRY, 'k3f9q2');
    expect(name).toBe('preview-pr-42-eph-20261129T215507Z-k3f9q2');
    expect(parseKeyName(name)).toEqual({ base: 'preview-pr-42', expiresAt: EXPIRY, nonce: 'k3f9q2' });
  });

  it('cuts a long base, never the suffix, to fit 80 characters', () => {
    const name = buildKeyName('x'.repeat(200), EXPIRY, 'abcdef');
    expect(name).toHaveLength(MAX_NAME_LENGTH);
    expect(name.endsWith('-eph-20261129T215507Z-abcdef')).toBe(true);
    expect(parseKeyName(name)?.base).toBe('x'.repeat(52));
    // A cut that lands on a separator does not leave it dangling before the suffix.
    expect(buildKeyName(`${'y'.repeat(51)}-zzz`, EXPIRY, 'abcdef')).toBe(
      `${'y'.repeat(51)}-eph-20261129T215507Z-abcdef`,
    );
  });

  it('does not claim names it did not make', () => {
    for (const name of [
      null,
      undefined,
      '',
      'prod-key',
      'x-eph-20261129T215507Z-ABCDEF',
      'x-eph-20261329T215507Z-abcdef',
      'x-eph-20261129T215507Z-abcdefg',
      '-eph-20261129T215507Z-abcdef',
    ]) {
      expect(parseKeyName(name)).toBeUndefined();
    }
  });

  it('makes nonces of 6 base-36 characters from the given randomness', () => {
    let i = 0;
    expect(newNonce(() => [0, 35, 10, 1, 2, 3][i++]!)).toBe('0za123');
  });

  it('matches globs against whole names, literally except * and ?', () => {
    expect(globMatches('preview-pr-42-*', 'preview-pr-42-eph-20261129T215507Z-k3f9q2')).toBe(true);
    expect(globMatches('preview-pr-4-*', 'preview-pr-42-eph-20261129T215507Z-k3f9q2')).toBe(false);
    expect(globMatches('a.b?', 'a.bc')).toBe(true);
    expect(globMatches('a.b?', 'axbc')).toBe(false);
    expect(globMatches('*', 'anything')).toBe(true);
  });
});
