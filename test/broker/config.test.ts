// The broker's configuration: a mistake in its environment or its policy file stops it at start with one line
// that names the variable or the field, and the file it is in.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readBrokerConfig } from '../../src/broker/config.js';

const POLICY = `audience: https://broker.example.com
rules:
  - repository: octo-org/*
    repository-owner-id: '4242'
    project: sandbox
    roles: [DataPlaneViewer]
`;
const ENV = {
  PINECONE_BROKER_CONFIG: '/etc/broker/policy.yml',
  PINECONE_CLIENT_ID: 'sa',
  PINECONE_CLIENT_SECRET: 'sa-secret',
};
const read =
  (env: Record<string, string>, policy = POLICY) =>
  () =>
    readBrokerConfig(env, () => policy);

describe('broker configuration', () => {
  it('reads the defaults: 0.0.0.0:8080, Pinecone production, the supported API version, GitHub issuer', () => {
    const config = readBrokerConfig(ENV, () => POLICY);
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      connection: {
        clientId: 'sa',
        apiUrl: 'https://api.pinecone.io',
        authUrl: 'https://login.pinecone.io/oauth/token',
        apiVersion: '2026-04',
      },
      policy: { issuer: 'https://token.actions.githubusercontent.com', serverUrl: undefined, sweepIntervalMs: 60_000 },
    });
  });

  it('takes a GHES issuer as its instance, so names carry its tag as the action’s do', () => {
    const ghes = `${POLICY}issuer: https://ghe.example.com/_services/token\n`;
    expect(readBrokerConfig(ENV, () => ghes).policy.serverUrl).toBe('https://ghe.example.com');
    // An enterprise's own issuer on github.com (its slug after GitHub's issuer) is still github.com.
    const slug = `${POLICY}issuer: https://token.actions.githubusercontent.com/octo-enterprise\n`;
    expect(readBrokerConfig(ENV, () => slug).policy.serverUrl).toBeUndefined();
  });

  it.each([
    [
      { PINECONE_BROKER_CONFIG: '' },
      'PINECONE_BROKER_CONFIG is empty: give the path of the policy file (YAML; see docs/BROKER.md).',
    ],
    [{ PINECONE_CLIENT_ID: '' }, "PINECONE_CLIENT_ID is empty: give the service account's client ID."],
    [{ PINECONE_CLIENT_SECRET: ' ' }, "PINECONE_CLIENT_SECRET is empty: give the service account's client secret."],
    [
      { PINECONE_API_URL: 'http://api.example.com' },
      'PINECONE_API_URL "http://api.example.com" must use https:// (http:// only on a loopback address).',
    ],
    [
      { PINECONE_API_URL: 'http://127.0.0.1:1', PINECONE_AUTH_URL: 'https://login.example.com' },
      'PINECONE_API_URL and PINECONE_AUTH_URL must use the same scheme (both https://, or both http:// for a local emulator).',
    ],
    [
      { PINECONE_API_VERSION: 'latest' },
      'PINECONE_API_VERSION "latest" is not a Pinecone API version: use one such as 2026-04, or leave it unset.',
    ],
    [{ PORT: 'http' }, 'PORT "http" is not a port number (0 to 65535).'],
    [{ PORT: '-1' }, 'PORT "-1" is not a port number (0 to 65535).'],
    [{ METRICS_PORT: '70000' }, 'METRICS_PORT "70000" is not a port number (0 to 65535).'],
  ])('stops on %j with one line', (change, line) => {
    expect(read({ ...ENV, ...change })).toThrow(line);
  });

  it.each([
    ['audience: [', /^\/etc\/broker\/policy\.yml: The policy file is not YAML/],
    ['rules: []', /^\/etc\/broker\/policy\.yml: audience: required\.$/],
    [
      `${POLICY}  - repository: x\n    project: p\n    roles: [Owner]\n`,
      /rules\[1\]\.roles\[0\]: unknown role "Owner"/,
    ],
    [
      `${POLICY}  - repository: octo-org/widgets\n    project: p\n    roles: [DataPlaneViewer]\n`,
      /^\/etc\/broker\/policy\.yml: rules\[1\]: name repository-owner-id \(the owner's numeric id: `gh api orgs\/NAME --jq \.id`/,
    ],
    [
      `${POLICY}sweep-every: 1m\n`,
      /sweep-every: unknown field\. Fields of the policy: audience, issuer, server-url, sweep-interval, rules\./,
    ],
  ])('names the file and the field of a bad policy: %s', (policy, line) => {
    expect(read(ENV, policy)).toThrow(line);
  });

  it('serves /metrics only when METRICS_PORT is set, on loopback unless METRICS_HOST says otherwise', () => {
    expect(readBrokerConfig(ENV, () => POLICY).metrics).toBeUndefined();
    expect(readBrokerConfig({ ...ENV, METRICS_PORT: '9464' }, () => POLICY).metrics).toEqual({
      host: '127.0.0.1',
      port: 9464,
    });
    expect(readBrokerConfig({ ...ENV, METRICS_PORT: '0', METRICS_HOST: '0.0.0.0' }, () => POLICY).metrics).toEqual({
      host: '0.0.0.0',
      port: 0,
    });
  });

  it('says which file it cannot read', () => {
    expect(() =>
      readBrokerConfig(ENV, () => {
        throw Object.assign(new Error('no'), { code: 'ENOENT' });
      }),
    ).toThrow('PINECONE_BROKER_CONFIG: cannot read /etc/broker/policy.yml (ENOENT).');
  });
});

describe('broker configuration: the GitHub App', () => {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const files: Record<string, string> = { '/etc/broker/policy.yml': POLICY, '/etc/broker/app.pem': privateKey };
  const readFile = (path: string) => {
    const text = files[path];
    if (text === undefined) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
    return text;
  };
  const config = (env: Record<string, string>) => readBrokerConfig({ ...ENV, ...env }, readFile);

  it('reads the App from a key file or the environment, with GitHub.com or a GHES API URL', () => {
    expect(config({}).app).toBeUndefined();
    expect(config({ GITHUB_APP_ID: '42', GITHUB_APP_PRIVATE_KEY_FILE: '/etc/broker/app.pem' }).app).toEqual({
      appId: '42',
      privateKey,
      apiUrl: 'https://api.github.com',
    });
    const ghes = { GITHUB_APP_ID: '42', GITHUB_APP_PRIVATE_KEY: privateKey, GITHUB_API_URL: 'https://ghe.test/api/v3' };
    expect(config(ghes).app?.apiUrl).toBe('https://ghe.test/api/v3');
  });

  it.each([
    [
      { GITHUB_APP_ID: 'my-app', GITHUB_APP_PRIVATE_KEY: privateKey },
      /^GITHUB_APP_ID "my-app" is not a GitHub App's id/,
    ],
    [{ GITHUB_APP_ID: '42' }, /^GITHUB_APP_ID is set without a private key/],
    [
      { GITHUB_APP_ID: '42', GITHUB_APP_PRIVATE_KEY_FILE: '/nope.pem' },
      /^GITHUB_APP_PRIVATE_KEY_FILE: cannot read \/nope\.pem \(ENOENT\)\.$/,
    ],
    [
      { GITHUB_APP_ID: '42', GITHUB_APP_PRIVATE_KEY: 'ghp_not_a_key' },
      /^GITHUB_APP_PRIVATE_KEY is not a PEM private key\.$/,
    ],
    [
      {
        GITHUB_APP_ID: '42',
        GITHUB_APP_PRIVATE_KEY: '-----BEGIN RSA PRIVATE KEY-----\nxx\n-----END RSA PRIVATE KEY-----',
      },
      /not a PEM private key that Node can read/,
    ],
    [
      { GITHUB_APP_ID: '42', GITHUB_APP_PRIVATE_KEY: privateKey, GITHUB_API_URL: 'http://ghe.test' },
      /^GITHUB_API_URL "http:\/\/ghe.test" must use https:\/\//,
    ],
  ])('refuses a bad App in one line (case %#)', (env, line) => {
    expect(() => config(env)).toThrow(line);
  });
});
