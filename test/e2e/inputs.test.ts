// Every input rule is checked before any request leaves, with one line that says how to fix it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/inputs/roles.js';
import { Job, NODES } from '../runner/runner.js';
import { startWorld, type World } from '../support/fixture.js';
import { failureLine } from '../support/scan.js';

const CASES: Array<[string, Record<string, string>, RegExp]> = [
  [
    'an unknown role',
    { roles: 'DataPlaneEditor, Admin' },
    new RegExp(`unknown role "Admin"\\. Valid roles: ${ROLES.join(', ')}\\.`),
  ],
  ['no role', { roles: ' , ' }, /"roles" is empty/],
  ['a ttl without unit', { ttl: '7' }, /"ttl" "7" is not a duration: use a whole number and a unit/],
  ['a ttl in words', { ttl: '7 days' }, /"ttl" "7 days" is not a duration/],
  ['a ttl of zero', { ttl: '0s' }, /"ttl" "0s" is out of range: use 1s to 90d/],
  ['a ttl above the bound', { ttl: '91d' }, /"ttl" "91d" is out of range: use 1s to 90d/],
  ['an unknown placeholder', { name: 'ci-{branch}' }, /unknown placeholder \{branch\}\. Valid placeholders: \{owner\}/],
  [
    '{pr} outside a pull request',
    { name: 'preview-pr-{pr}' },
    /uses \{pr\}, but this run was not triggered by a pull request/,
  ],
  ['an http api-url off loopback', { 'api-url': 'http://api.pinecone.io' }, /"api-url" must use https:\/\//],
  [
    'a non-URL auth-url',
    { 'auth-url': 'login.pinecone.io/oauth/token' },
    /"auth-url" "login.pinecone.io\/oauth\/token" is not a URL/,
  ],
  [
    'a URL with credentials',
    { 'api-url': 'https://user:pw@api.pinecone.io' },
    /must not carry a user name or password/,
  ],
  ['an ftp URL', { 'auth-url': 'ftp://127.0.0.1/token' }, /"auth-url" must use https:\/\//],
  [
    'an https auth-url with an http api-url',
    { 'auth-url': 'https://login.pinecone.io/oauth/token' },
    /"api-url" \(http:\/\/127\.0\.0\.1:\d+\) and "auth-url" \(https:\/\/login\.pinecone\.io\/oauth\/token\) must use the same scheme: both https:\/\/, or both http:\/\/ for a local emulator\./,
  ],
  [
    'a bad env name',
    { 'export-env': 'PINECONE-KEY' },
    /"export-env" "PINECONE-KEY" is not an environment variable name/,
  ],
  [
    'NODE_OPTIONS',
    { 'export-env': 'NODE_OPTIONS' },
    /"export-env" "NODE_OPTIONS" is reserved \(Node\.js reads NODE_\*/,
  ],
  [
    'a bad on-missing-credentials',
    { 'on-missing-credentials': 'ignore' },
    /"on-missing-credentials" must be fail or skip; got "ignore"/,
  ],
  ['a bad on-cleanup-error', { 'on-cleanup-error': 'retry' }, /"on-cleanup-error" must be fail or warn/],
  ['a bad timeout', { timeout: '2 minutes' }, /"timeout" "2 minutes" is not a duration/],
  ['an empty project', { project: '' }, /"project" is empty: give the ID or exact name .* or set new-project: true/],
  [
    'both project and new-project',
    { 'new-project': 'true' },
    /Inputs "project" \(.*\) and "new-project: true" are both given/,
  ],
  ['a bad api-version', { 'api-version': 'latest' }, /"api-version" "latest" is not a Pinecone API version/],
];

describe.each(NODES)('input rules on $name', ({ path: node }) => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.emulator.stop());

  it.each(CASES)('rejects %s before any request', async (_, inputs, message) => {
    const before = world.emulator.requests.length;
    const job = new Job({ node, with: { ...world.inputs, ...inputs } });
    const main = await job.main();
    expect(main.exitCode).toBe(1);
    expect(failureLine(main)).toMatch(message);
    expect(world.emulator.requests.length).toBe(before);
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    expect(post.log).toContain('Nothing to clean up: the main step created no key.');
    expect(world.emulator.requests.length).toBe(before);
  });

  it('accepts http on loopback, case-insensitive choices, and newline-separated roles', async () => {
    const job = new Job({
      node,
      with: {
        ...world.inputs,
        roles: 'projectviewer\n\nDATAPLANEVIEWER\n',
        'on-cleanup-error': 'WARN',
        ttl: '90s',
        'export-env': '',
      },
    });
    const main = await job.main();
    expect(main.exitCode, main.log.join('\n')).toBe(0);
    expect(main.outputs['roles']).toBe('ProjectViewer,DataPlaneViewer');
    expect(main.env).toEqual({});
    expect(Date.parse(main.outputs['expires-at']!) - Date.now()).toBeLessThanOrEqual(91_000);
    expect((await job.post()).exitCode).toBe(0);
    expect(world.emulator.keysIn()).toEqual([]);
  });
});
