import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/inputs/durations.js';
import { url } from '../../src/inputs/checks.js';
import { readCredentials, readMainInputs } from '../../src/inputs/inputs.js';
import { parseRoles, ROLES } from '../../src/inputs/roles.js';
import { backoffMs, retryAfterMs } from '../../src/base/policy.js';
import { Secrets } from '../../src/base/secrets.js';
import { shortLine } from '../../src/base/text.js';
import { parseFileCommands } from '../runner/file-commands.js';

const LIMITS = { min: 1000, max: 90 * 86_400_000 };

describe('durations', () => {
  it('reads s, m, h, d in any case', () => {
    expect(parseDuration('1s', 'ttl', LIMITS)).toBe(1000);
    expect(parseDuration(' 90S ', 'ttl', LIMITS)).toBe(90_000);
    expect(parseDuration('30m', 'ttl', LIMITS)).toBe(1_800_000);
    expect(parseDuration('6h', 'ttl', LIMITS)).toBe(21_600_000);
    expect(parseDuration('7d', 'ttl', LIMITS)).toBe(604_800_000);
  });
  it('rejects anything else, and values out of range', () => {
    for (const bad of ['', '6', 'h', '1.5h', '-1s', '1w', '6 hours', '1e3s'])
      expect(() => parseDuration(bad, 'ttl', LIMITS)).toThrow(/not a duration/);
    expect(() => parseDuration('91d', 'ttl', LIMITS)).toThrow(/out of range: use 1s to 90d/);
  });
  it('formats with the largest exact unit', () => {
    expect([formatDuration(120_000), formatDuration(90_000), formatDuration(86_400_000), formatDuration(1500)]).toEqual(
      ['2m', '90s', '1d', '1500ms'],
    );
  });
});

describe('roles', () => {
  it('are canonical, de-duplicated, in input order', () => {
    expect(parseRoles('dataplaneeditor,ControlPlaneViewer\nDATAPLANEEDITOR')).toEqual([
      'DataPlaneEditor',
      'ControlPlaneViewer',
    ]);
  });
  it('reject unknown ones by name', () => {
    expect(() => parseRoles('Owner')).toThrow(`unknown role "Owner". Valid roles: ${ROLES.join(', ')}.`);
  });
});

describe('URLs', () => {
  const read = (value: string) => url(() => value, 'api-url');
  it('allow https anywhere and http only on loopback', () => {
    expect(read('https://api.pinecone.io/')).toBe('https://api.pinecone.io');
    for (const ok of ['http://127.0.0.1:8080', 'http://localhost:1', 'http://[::1]:9', 'http://127.5.5.5'])
      expect(() => read(ok)).not.toThrow();
    for (const bad of ['http://api.pinecone.io', 'http://10.0.0.1', 'http://localhost.evil.com', 'ws://127.0.0.1'])
      expect(() => read(bad)).toThrow(/must use https/);
  });
});

describe('credentials', () => {
  const inputs = (values: Record<string, string>) => (name: string) =>
    values[name] ?? { 'api-url': 'https://a.io', 'auth-url': 'https://b.io/t', 'api-version': '2026-04' }[name] ?? '';
  it('fall back to the environment, and say which one is missing', () => {
    const mode = { 'on-missing-credentials': 'fail' };
    expect(readCredentials(inputs(mode), { PINECONE_CLIENT_ID: 'id', PINECONE_CLIENT_SECRET: 's' })).toMatchObject({
      clientId: 'id',
    });
    expect(readCredentials(inputs({ ...mode, 'client-id': 'id' }), {}).missing).toBe(
      'client-secret (or env PINECONE_CLIENT_SECRET) is empty',
    );
    expect(readCredentials(inputs(mode), {}).missing).toBe(
      'client-id (or env PINECONE_CLIENT_ID) and client-secret (or env PINECONE_CLIENT_SECRET) are empty',
    );
  });
  it('are read before the other inputs, which a skipped run never needs', () => {
    expect(readCredentials(inputs({ 'on-missing-credentials': 'skip' }), {})).toMatchObject({ onMissing: 'skip' });
  });
  it('the other inputs are checked once credentials are there', () => {
    const defaults: Record<string, string> = {
      project: 'p',
      roles: 'ProjectViewer',
      name: 'n',
      ttl: '1h',
      'export-env': 'K',
      'on-missing-credentials': 'skip',
      'on-cleanup-error': 'fail',
      timeout: '2m',
      cleanup: 'true',
      lifetime: 'job',
      'sweep-expired': 'true',
      replace: 'false',
      share: 'false',
      renew: 'false',
      'new-project': 'false',
      'project-name': 'gha-{repo}-{run_id}',
    };
    expect(readMainInputs(inputs(defaults), { clientId: 'i', clientSecret: 's' }).connection.apiUrl).toBe(
      'https://a.io',
    );
    expect(() => readMainInputs(inputs({ ...defaults, project: '' }), { clientId: 'i', clientSecret: 's' })).toThrow(
      'Input "project" is empty: give the ID or exact name of the project to create the key in, or set new-project: true for a throwaway project.',
    );
  });
});

describe('retry arithmetic', () => {
  it('backs off exponentially with full jitter, capped', () => {
    expect(backoffMs(1, () => 0.999)).toBe(249);
    expect(backoffMs(3, () => 0.5)).toBe(500);
    expect(backoffMs(20, () => 0.999)).toBe(7992);
    expect(backoffMs(4, () => 0)).toBe(0);
  });
  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('3', 0)).toBe(3000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(retryAfterMs(undefined, 0)).toBeUndefined();
    expect(retryAfterMs('soon', 0)).toBeUndefined();
  });
});

describe('secrets', () => {
  it('are registered once and redacted in plain, URL and JSON forms', () => {
    const masked: string[] = [];
    const secrets = new Secrets((value) => masked.push(value));
    secrets.add('s3cr/t"x');
    secrets.add('s3cr/t"x');
    secrets.add('');
    expect(masked).toEqual(['s3cr/t"x']);
    expect(secrets.redact('a s3cr/t"x b s3cr%2Ft%22x c s3cr/t\\"x')).toBe('a *** b *** c ***');
  });
});

describe("a server's words in one of our lines", () => {
  it('flattens white space and controls to single spaces, and cuts past 200 characters', () => {
    expect(shortLine('  Not\r\nFound\u0000\tat all  ')).toBe('Not Found at all');
    expect(shortLine('x'.repeat(201))).toBe(`${'x'.repeat(200)}…`);
    expect(shortLine('x'.repeat(200))).toBe('x'.repeat(200));
  });
});

describe("the runner's file-command parser (used by the harness)", () => {
  it('reads single-line and heredoc values, last one wins', () => {
    expect(parseFileCommands('a=1\nb<<EOF_1\nx\ny\nEOF_1\na=2\n')).toEqual({ a: '2', b: 'x\ny' });
  });
  it('rejects a malformed file', () => {
    expect(() => parseFileCommands('just text\n')).toThrow(/Invalid format/);
    expect(() => parseFileCommands('a<<E\nnever closed\n')).toThrow(/Matching delimiter not found/);
  });
});
