import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  buildKeyName,
  buildProjectName,
  buildTaggedKeyName,
  lookAlike,
  MAX_PROJECT_NAME_LENGTH,
  parseProjectName,
  MAX_NAME_LENGTH,
  newNonce,
  parseAnyKeyName,
  parseKeyName,
  parseTaggedKeyName,
  serverTag,
  sanitize,
  type KeyOwner,
} from '../../src/rules/names.js';
import { checkTemplate, renderBase, renderProjectBase, type RunValues } from '../../src/rules/template.js';
import { globMatches } from '../../src/rules/glob.js';
import { nameTagFor } from '../../src/crypto/name-tag.js';

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
const JOB: KeyOwner = { kind: 'job', run: { repositoryId: '829301755', runId: '19283746501', attempt: 2 } };
const NO_RUN: KeyOwner = { kind: 'job', run: undefined };
const digest = (text: string) =>
  (createHash('sha256').update(text).digest().readUInt32BE(0) % 36 ** 5).toString(36).padStart(5, '0');

describe('key names', () => {
  it('renders every placeholder; text that had to be made safe gets a digest of what was rendered', () => {
    expect(renderBase('gha-{repo}-{job}', RUN, JOB)).toBe('gha-shop-api-test');
    // Room is left for the key's tag: a template longer than that is cut, never the run's ids, and gets a digest.
    expect(renderBase('gha-{repo}-{run_id}-{run_attempt}-{job}', RUN, JOB)).toBe(
      `gha-shop-16021984-2-${digest('gha-shop-api-16021984-2-test')}`,
    );
    expect(renderBase('{owner}/{workflow}', RUN, JOB)).toBe(`octo-org-CI-tests-${digest('octo-org/CI / tests')}`);
    expect(renderBase('{ref} by {actor} {sha}', RUN, NO_RUN)).toBe(
      `42-merge-by-dependabot-bot-0123456-${digest('42/merge by dependabot[bot] 0123456')}`,
    );
  });

  it('renders different inputs to different bases, however sanitising folds them', () => {
    const feat = (ref: string) => renderBase('preview-{ref}', { ...RUN, ref }, JOB);
    expect(feat('feat-a')).toBe('preview-feat-a');
    expect(feat('feat/a')).toMatch(/^preview-feat-a-[0-9a-z]{5}$/);
    expect(new Set([feat('feat-a'), feat('feat/a'), feat('feat_a'), feat('feat a')]).size).toBe(4);
  });

  it('shortens the long values of a long template, never the run ids', () => {
    const long = {
      ...RUN,
      repo: 'a-very-long-repository-name-for-the-payments-platform',
      job: 'integration-tests-against-staging',
    };
    const base = renderBase('gha-{repo}-{run_id}-{run_attempt}-{job}', long, JOB);
    const name = buildKeyName(base, JOB, EXPIRY, 'abcdef');
    expect(name.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    expect(base).toContain('-16021984-2-');
    expect(base).toMatch(/^gha-a-.*16021984-2-.*[0-9a-z]{5}$/);
    expect(buildTaggedKeyName(base, JOB, EXPIRY, 'abcdef', nameTagFor('sa-secret-1', 'keyName'))).toContain(base);
    expect(parseKeyName(name)?.base).toBe(base);
    // Two long repositories that differ only past the cut still render apart.
    const other = renderBase('gha-{repo}-{run_id}', { ...long, repo: `${long.repo}-v2` }, JOB);
    expect(other).not.toBe(renderBase('gha-{repo}-{run_id}', long, JOB));
  });

  it('says which placeholder is unknown or has no value in this run', () => {
    expect(() => checkTemplate('x-{branch}')).toThrow(/unknown placeholder \{branch\}/);
    expect(() => renderBase('preview-{pr}', { ...RUN, pr: undefined }, JOB)).toThrow(/not triggered by a pull request/);
    expect(() => renderBase('{repo}', { ...RUN, repo: undefined }, JOB)).toThrow(
      /uses \{repo\}, which this run does not provide/,
    );
    expect(() => checkTemplate('  ')).toThrow(/"name" is empty/);
  });

  it('sanitises to letters, digits, . _ - with no leading or trailing separators', () => {
    expect(sanitize('  héllo wörld!! ')).toBe('h-llo-w-rld');
    expect(sanitize('--a..b--')).toBe('a..b');
    expect(sanitize('***')).toBe('key');
  });

  it('appends expiry, kind, run and nonce, and parses them back', () => {
    const name = buildKeyName('preview-pr-42', JOB, EXPIRY, 'k3f9q2');
    expect(name).toMatch(/^preview-pr-42-eph-20261129T215507Z-j[0-9a-z]+\.[0-9a-z]+\.2-k3f9q2$/);
    expect(parseKeyName(name)).toEqual({
      base: 'preview-pr-42',
      expiresAt: EXPIRY,
      nonce: 'k3f9q2',
      kind: 'job',
      run: JOB.run,
    });
    const kept = buildKeyName('preview-pr-42', { kind: 'kept', run: undefined }, EXPIRY, 'k3f9q2');
    expect(kept).toBe('preview-pr-42-eph-20261129T215507Z-k-k3f9q2');
    expect(parseKeyName(kept)).toEqual({ base: 'preview-pr-42', expiresAt: EXPIRY, nonce: 'k3f9q2', kind: 'kept' });
  });

  it("a pull request's key carries its number after the run, parses back, and fits 80 characters", () => {
    const owner: KeyOwner = { kind: 'pr', run: JOB.run, pullRequest: '4242' };
    const name = buildKeyName('gha-shop-api-pr4242-test', owner, EXPIRY, 'k3f9q2');
    expect(name).toMatch(/^gha-shop-api-pr4242-test-eph-20261129T215507Z-p[0-9a-z]+\.[0-9a-z]+\.2_39u-k3f9q2$/);
    expect(parseKeyName(name)).toEqual({
      base: 'gha-shop-api-pr4242-test',
      expiresAt: EXPIRY,
      nonce: 'k3f9q2',
      kind: 'pr',
      run: JOB.run,
      pullRequest: '4242',
    });
    const long = buildKeyName('x'.repeat(200), { ...owner, pullRequest: '9999999999' }, EXPIRY, 'abcdef');
    expect(long).toHaveLength(MAX_NAME_LENGTH);
    expect(parseKeyName(long)?.pullRequest).toBe('9999999999');
    // A number goes with kind pr and only with it, both ways.
    expect(() => buildKeyName('b', { kind: 'pr', run: JOB.run }, EXPIRY, 'abcdef')).toThrow();
    expect(() => buildKeyName('b', { ...JOB, pullRequest: '4' }, EXPIRY, 'abcdef')).toThrow();
    expect(parseKeyName('b-eph-20261129T215507Z-p1.2.3-abcdef')).toBeUndefined();
    expect(parseKeyName('b-eph-20261129T215507Z-k1.2.3_4-abcdef')).toMatchObject({ kind: 'kept', run: { job: '4' } }); // a broker job's id, never a number
  });

  it('carries the job (check_run_id) of a broker key after its run, within 80 characters with a server and a tag', () => {
    const run = { ...JOB.run!, server: 'x9z', job: '30433642191' };
    const tag = nameTagFor('secret', 'brokerKeyName');
    const name = buildTaggedKeyName('x'.repeat(80), { kind: 'job', run }, EXPIRY, 'k3f9q2', tag);
    expect(name.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    expect(name).toContain(`.x9z_${Number(run.job).toString(36)}-k3f9q2-`);
    expect(parseTaggedKeyName(name, tag)).toMatchObject({ run, nonce: 'k3f9q2' });
    expect(parseKeyName(buildKeyName('b', JOB, EXPIRY, 'k3f9q2'))!.run).not.toHaveProperty('job'); // old names parse
  });

  it('still parses names of the first format (no kind, no run: they fall back to their expiry)', () => {
    expect(parseKeyName('preview-pr-42-eph-20261129T215507Z-k3f9q2')).toEqual({
      base: 'preview-pr-42',
      expiresAt: EXPIRY,
      nonce: 'k3f9q2',
    });
  });

  it('cuts a long base, never the suffix, to fit 80 characters', () => {
    const name = buildKeyName('x'.repeat(200), JOB, EXPIRY, 'abcdef');
    expect(name).toHaveLength(MAX_NAME_LENGTH);
    expect(parseKeyName(name)?.run).toEqual(JOB.run);
    const short = buildKeyName('x'.repeat(200), NO_RUN, EXPIRY, 'abcdef');
    expect(short).toHaveLength(MAX_NAME_LENGTH);
    expect(short.endsWith('-eph-20261129T215507Z-j-abcdef')).toBe(true);
    // A cut that lands on a separator does not leave it dangling before the suffix.
    expect(buildKeyName(`${'y'.repeat(49)}-zzz`, NO_RUN, EXPIRY, 'abcdef')).toBe(
      `${'y'.repeat(49)}-eph-20261129T215507Z-j-abcdef`,
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
      'x-eph-20261129T215507Z-q1.2.3-abcdef',
    ]) {
      expect(parseKeyName(name)).toBeUndefined();
    }
  });

  it('makes nonces of 6 base-36 characters from the given randomness', () => {
    let i = 0;
    expect(newNonce(() => [0, 35, 10, 1, 2, 3][i++]!)).toBe('0za123');
  });
});

describe('globs', () => {
  it('match whole names, literally except * and ?', () => {
    expect(globMatches('preview-pr-42-*', 'preview-pr-42-eph-20261129T215507Z-k3f9q2')).toBe(true);
    expect(globMatches('preview-pr-4-*', 'preview-pr-42-eph-20261129T215507Z-k3f9q2')).toBe(false);
    expect(globMatches('a.b?', 'a.bc')).toBe(true);
    expect(globMatches('a.b?', 'axbc')).toBe(false);
    expect(globMatches('*', 'anything')).toBe(true);
    expect(globMatches('', '')).toBe(true);
    expect(globMatches('a*b*c', 'abc')).toBe(true);
    expect(globMatches('a*b*c', 'acb')).toBe(false);
    expect(globMatches('*ab', 'abab')).toBe(true);
  });

  it('agree with a regular expression on every pattern and name over a small alphabet', () => {
    const reference = (glob: string, name: string) =>
      new RegExp(
        `^${glob
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
        's',
      ).test(name);
    const words = (alphabet: string, max: number): string[] => {
      const out = [''];
      for (let length = 1; length <= max; length++)
        for (let i = 0; i < alphabet.length ** length; i++) {
          let word = '';
          for (let n = i, k = 0; k < length; k++, n = Math.floor(n / alphabet.length))
            word += alphabet[n % alphabet.length];
          out.push(word);
        }
      return out;
    };
    let checked = 0;
    for (const glob of words('a*?', 4))
      for (const name of words('ab', 5)) {
        expect(globMatches(glob, name), `${glob} ~ ${name}`).toBe(reference(glob, name));
        checked++;
      }
    expect(checked).toBe(121 * 63);
  });
});

describe('throwaway project names', () => {
  const tag = nameTagFor('sa-secret-1');
  const otherSecret = nameTagFor('sa-secret-2');

  it("carry a key name's suffix and a tag that only the same client secret reproduces", () => {
    const name = buildProjectName('gha-shop-api-16021984-2-test', JOB, EXPIRY, 'k3f9q2', tag);
    expect(name).toMatch(
      /^gha-shop-api-16021984-2-test-eph-20261129T215507Z-j[0-9a-z]+\.[0-9a-z]+\.2-k3f9q2-[0-9a-z]{8}$/,
    );
    expect(parseProjectName(name, tag)).toEqual({
      base: 'gha-shop-api-16021984-2-test',
      expiresAt: EXPIRY,
      nonce: 'k3f9q2',
      kind: 'job',
      run: JOB.run,
    });
    // Made with another service account's secret, typed by hand, or altered anywhere: not ours.
    expect(parseProjectName(name, otherSecret)).toBeUndefined();
    expect(parseProjectName(name.replace('-2-test', '-3-test'), tag)).toBeUndefined();
    expect(parseProjectName(name.replace(/.{8}$/, 'aaaaaaaa'), tag)).toBeUndefined();
    expect(lookAlike(name.replace(/.{8}$/, 'aaaaaaaa'))?.base).toBe('gha-shop-api-16021984-2-test');
    // A key's name is never a project's, and the other way round.
    expect(parseProjectName(buildKeyName('gha', JOB, EXPIRY, 'k3f9q2'), tag)).toBeUndefined();
    expect(parseKeyName(name)).toBeUndefined();
  });

  it('are never shared, and fit their own limit with the run ids whole', () => {
    expect(() => buildProjectName('x', { kind: 'shared', run: JOB.run }, EXPIRY, 'abcdef', tag)).toThrow();
    const long = { ...RUN, repo: 'r'.repeat(300) };
    const base = renderProjectBase('gha-{repo}-{run_id}-{run_attempt}-{job}', long, JOB);
    const name = buildProjectName(base, JOB, EXPIRY, 'abcdef', tag);
    expect(name.length).toBeLessThanOrEqual(MAX_PROJECT_NAME_LENGTH);
    expect(name).toContain('-16021984-2-test-');
    expect(parseProjectName(name, tag)?.run).toEqual(JOB.run);
    expect(() => renderProjectBase('x-{branch}', RUN, JOB)).toThrow(/Input "project-name": unknown placeholder/);
  });
});

describe('tagged key names', () => {
  const direct = nameTagFor('sa-secret-1', 'keyName');
  const broker = nameTagFor('sa-secret-1', 'brokerKeyName');

  it('prove their maker: only the same secret under the same derivation verifies the tag', () => {
    const name = buildTaggedKeyName('gha-shop-api', JOB, EXPIRY, 'k3f9q2', direct);
    expect(name.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    expect(name).toMatch(/^gha-shop-api-eph-20261129T215507Z-j[0-9a-z.]+-k3f9q2-[0-9a-z]{8}$/);
    expect(parseTaggedKeyName(name, direct)).toEqual({
      base: 'gha-shop-api',
      expiresAt: EXPIRY,
      nonce: 'k3f9q2',
      kind: 'job',
      run: JOB.run,
    });
    // The broker's derivation, a project's, another account's, an untagged name or a look-alike: not this maker's.
    expect(parseTaggedKeyName(name, broker)).toBeUndefined();
    expect(parseTaggedKeyName(name, nameTagFor('sa-secret-1'))).toBeUndefined();
    expect(parseTaggedKeyName(name, nameTagFor('sa-secret-2', 'keyName'))).toBeUndefined();
    expect(parseTaggedKeyName(buildKeyName('gha-shop-api', JOB, EXPIRY, 'k3f9q2'), direct)).toBeUndefined();
    expect(parseTaggedKeyName(name.replace(/.{8}$/, 'aaaaaaaa'), direct)).toBeUndefined();
    expect(parseKeyName(name)).toBeUndefined();
  });

  it('cut the base, never the run or the tag, to fit 80 characters', () => {
    const name = buildTaggedKeyName('b'.repeat(200), JOB, EXPIRY, 'abcdef', direct);
    expect(name.length).toBe(MAX_NAME_LENGTH);
    expect(parseTaggedKeyName(name, direct)?.run).toEqual(JOB.run);
  });

  it('parse for cleanup at expiry whoever tagged them, as untagged names of earlier versions do', () => {
    const tagged = buildTaggedKeyName('gha-x', JOB, EXPIRY, 'abcdef', broker);
    const untagged = buildKeyName('gha-x', JOB, EXPIRY, 'abcdef');
    expect(parseAnyKeyName(tagged)).toEqual(parseKeyName(untagged));
    expect(parseAnyKeyName(untagged)).toEqual(parseKeyName(untagged));
    expect(parseAnyKeyName('preview-pr-42-eph-20261129T215507Z-k3f9q2')?.kind).toBeUndefined();
    expect(parseAnyKeyName('production')).toBeUndefined();
  });
});

describe('the GitHub instance in a name', () => {
  const run = { repositoryId: '829301755', runId: '16021984', attempt: 2 };
  const expiresAt = new Date('2026-12-04T06:00:00Z');

  it('is absent for github.com, so its names are as before; elsewhere a 3-character tag that parses back', () => {
    expect(serverTag('https://github.com')).toBeUndefined();
    expect(serverTag(undefined)).toBeUndefined();
    const ghes = serverTag('https://GHE.example.com/');
    expect(ghes).toMatch(/^[0-9a-z]{3}$/);
    expect(serverTag('https://ghe.example.com')).toBe(ghes);
    expect(serverTag('https://other.example.com')).not.toBe(ghes);
    const plain = buildKeyName('gha-x', { kind: 'job', run }, expiresAt, 'abcdef');
    expect(plain).toBe('gha-x-eph-20261204T060000Z-jdpqtbv.9jen4.2-abcdef');
    const there = buildKeyName('gha-x', { kind: 'job', run: { ...run, server: ghes! } }, expiresAt, 'abcdef');
    expect(there).toBe(`gha-x-eph-20261204T060000Z-jdpqtbv.9jen4.2.${ghes}-abcdef`);
    expect(parseKeyName(there)?.run).toEqual({ ...run, server: ghes });
    expect(parseKeyName(plain)?.run).toEqual(run);
  });
});
