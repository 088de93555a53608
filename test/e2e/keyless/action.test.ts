// Keyless, end to end: the committed broker bundle as its own process, the action's main and post bundles as the
// runner runs them, the Pinecone emulator, and a fake GitHub OIDC issuer that speaks the runner's token protocol.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { BrokerKeys } from '../../../src/broker/own/own-keys.js';
import { Job, NODES, ROOT, type StepResult } from '../../runner/runner.js';
import {
  anotherRunsKey,
  brokerJob,
  brokerKey,
  decisions,
  policyFor,
  RUN_CLAIMS,
  RUN_REF,
  startBrokerProcess,
  sweeps,
} from '../../support/broker.js';
import { CLIENT_SECRET, startWorld } from '../../support/fixture.js';
import { REQUEST_TOKEN } from '../../support/oidc-issuer.js';
import { failureLine, findLeaks, maskedBeforeUse } from '../../support/scan.js';
import { keylessPerTest } from './keyless-world.js';

/** Nothing listens there: a job of it is refused before asking, or cannot reach it. */
const NO_BROKER = 'http://127.0.0.1:9';
const KEY_PLACES = { outputs: ['api-key'], env: ['PINECONE_API_KEY'] };

describe.each(NODES)('keyless broker on $name', ({ path: node }) => {
  const { world, issuer, broker, startBroker } = keylessPerTest(node, { claims: RUN_CLAIMS });

  const keys = () => world().emulator.keysIn(world().project.id);
  const secrets = () => [...world().secrets(), ...issuer().issued, REQUEST_TOKEN];
  /** A job of the broker this test started (or of `url`: a broker that is not there). */
  const job = (inputs: Record<string, string> = {}, env: Record<string, string> = {}, url = broker().url) => {
    const base = brokerJob(issuer(), { url });
    return new Job({ node, with: { ...base.with, ...inputs }, env: { ...base.env, ...env } });
  };
  const noLeaks = (...steps: StepResult[]) => {
    for (const step of steps) {
      expect(Object.values(step.processEnv).join('\n')).not.toContain(CLIENT_SECRET);
      expect(findLeaks(step, secrets(), KEY_PLACES)).toEqual([]);
    }
    const printed = broker().output();
    for (const secret of [
      CLIENT_SECRET,
      ...world().emulator.issued.map((key) => key.value),
      ...world().emulator.tokens.keys(),
      ...issuer().issued,
    ])
      expect(printed).not.toContain(secret);
  };

  describe("with a broker running, its sweep at start done (every later Pinecone request is a job's)", () => {
    beforeEach(async () => void (await sweeps(await startBroker(policyFor(issuer(), world())))));

    it('main gets a key with the asked roles, named with the token run id, in later steps; post deletes it', async () => {
      const keyless = job({ roles: 'DataPlaneEditor' });
      const main = await keyless.main();
      expect(main.exitCode, main.log.join('\n')).toBe(0);
      const [key] = keys();
      expect(key!.roles).toEqual(['DataPlaneEditor']);
      const parsed = new BrokerKeys(CLIENT_SECRET).parse(key!.name);
      expect(parsed).toMatchObject({ kind: 'job', run: RUN_REF, base: expect.stringMatching(/^gha-shop-/) });
      expect(main.outputs).toMatchObject({
        'api-key': key!.value,
        'key-id': key!.id,
        'key-name': key!.name,
        'project-id': world().project.id,
        'project-name': world().project.name,
        roles: 'DataPlaneEditor',
        skipped: 'false',
      });
      expect(main.env).toEqual({ PINECONE_API_KEY: key!.value });
      expect(maskedBeforeUse(main.stdout, key!.value)).toBe(true);
      expect(main.summary).toContain(key!.id);

      const post = await keyless.post();
      expect(post.exitCode, post.log.join('\n')).toBe(0);
      expect(keys()).toEqual([]);
      expect(post.log.join('\n')).toContain(`Deleted API key ${key!.name} (${key!.id}) through the broker.`);
      noLeaks(main, post);
      const said = decisions(broker()).filter((line) => line['action'] !== 'sweep');
      expect(said.map((line) => [line['action'], line['outcome']])).toEqual([
        ['mint', 'minted'],
        ['revoke', 'revoked'],
      ]);
      expect(said[0]).toMatchObject({
        repository: RUN_CLAIMS.repository,
        run: `${RUN_CLAIMS.run_id}/1`,
        ref: RUN_CLAIMS.ref,
        rule: 'rules[0] (octo-org/shop-api)',
        key_id: key!.id,
        key_name: key!.name,
      });
    });

    it.each([
      [
        'an unlisted repository',
        { claims: { repository: 'octo-org/other' } },
        /^The broker gave no key: No rule of the policy lets repository octo-org\/other have a key \(ref refs\/heads\/main, event push\)\.$/,
      ],
      [
        'a ref the rule does not allow',
        { claims: { ref: 'refs/tags/v1' } },
        /No rule of the policy lets repository octo-org\/shop-api have a key \(ref refs\/tags\/v1, event push\)/,
      ],
      [
        'an event the rule does not allow',
        { claims: { event_name: 'workflow_dispatch' } },
        /\(ref refs\/heads\/main, event workflow_dispatch\)/,
      ],
      [
        'roles beyond the rule',
        { inputs: { roles: 'ProjectEditor,DataPlaneEditor' } },
        /rules\[0\] \(octo-org\/shop-api\) allows roles DataPlaneEditor, ControlPlaneViewer; asked for ProjectEditor beyond them\./,
      ],
      [
        'a ttl beyond the rule',
        { inputs: { ttl: '1d' } },
        /rules\[0\] \(octo-org\/shop-api\) allows a ttl of at most 43200s; asked for 86400s\./,
      ],
      [
        'another project than the rule',
        { inputs: { project: 'production' } },
        /gives keys in project shop-api-ci; asked for production\./,
      ],
    ])(
      'refuses %s, and nothing is made',
      async (_, { claims = {}, inputs = {} }: { claims?: object; inputs?: Record<string, string> }, line) => {
        issuer().claims = { ...RUN_CLAIMS, ...claims };
        const keyless = job(inputs);
        const main = await keyless.main();
        expect(main.exitCode).toBe(1);
        expect(failureLine(main)).toMatch(line);
        expect(keys()).toEqual([]);
        expect(world().emulator.requestsFor('create-key')).toEqual([]);
        const post = await keyless.post();
        expect(post.exitCode).toBe(0);
        expect(post.log.join('\n')).toContain('Nothing to clean up: the main step got no key.');
        expect(
          decisions(broker())
            .filter((d) => d['action'] === 'mint')
            .map((d) => d['outcome']),
        ).toEqual(['refused']);
        noLeaks(main, post);
      },
    );

    it.each([
      [
        'signed by another key',
        (aud: string) => issuer().forge('other-key', aud),
        /does not verify against the issuer/,
      ],
      ['with alg: none', (aud: string) => issuer().forge('alg-none', aud), /not signed with RS256|not a valid JWT/],
      [
        'HS256 keyed with the public key',
        (aud: string) => issuer().forge('hs256-public-key', aud),
        /not signed with RS256/,
      ],
      ['altered after signing', (aud: string) => issuer().forge('altered', aud), /does not verify against the issuer/],
      ['expired', (aud: string) => issuer().token(aud, {}, { expiresIn: '-10m' }), /The token has expired\./],
      ['for another audience', () => issuer().token('https://elsewhere.example.com'), /another audience/],
      [
        'from another issuer',
        (aud: string) => issuer().token(aud, {}, { issuer: 'https://token.actions.githubusercontent.com' }),
        /another issuer/,
      ],
      [
        'with an unknown kid',
        (aud: string) => issuer().token(aud, {}, { kid: 'nobody-knows' }),
        /key is not the issuer's/,
      ],
    ])('refuses a token %s before any request to Pinecone', async (_, forge, reason) => {
      issuer().serve = forge;
      const before = world().emulator.requests.length;
      const main = await job().main();
      expect(main.exitCode).toBe(1);
      expect(failureLine(main)).toMatch(reason);
      expect(world().emulator.requests.slice(before)).toEqual([]);
      expect(keys()).toEqual([]);
      noLeaks(main);
    });

    it('post still deletes the key when the broker was restarted between main and post', async () => {
      const keyless = job();
      expect((await keyless.main()).exitCode).toBe(0);
      const port = Number(new URL(broker().url).port);
      expect(await broker().stop()).toBe(0);
      await startBroker(policyFor(issuer(), world()), { port });
      const post = await keyless.post();
      expect(post.exitCode, post.log.join('\n')).toBe(0);
      expect(keys()).toEqual([]);
    });

    it('post deletes only keys of its own run, whatever the state handed to it says', async () => {
      const other = anotherRunsKey(world(), 'abcdef');
      const keyless = job();
      keyless.writeEnv({
        STATE_broker: JSON.stringify({ v: 1, unanswered: ['abcdef'], made: { id: other.id, name: other.name } }),
      });
      const post = await keyless.post();
      expect(post.exitCode, post.log.join('\n')).toBe(0);
      expect(post.log.join('\n')).toContain(`The broker refused to delete key ${other.id}: this run did not make it`);
      expect(keys().map((key) => key.id)).toEqual([other.id]);
    });

    it('16 concurrent jobs get 16 keys over at most 2 logins, and their posts delete them all', async () => {
      const jobs = Array.from({ length: 16 }, (_, i) => job({}, { GITHUB_JOB: `leg-${i}` }));
      const mains = await Promise.all(jobs.map((each) => each.main()));
      for (const main of mains) expect(main.exitCode, main.log.join('\n')).toBe(0);
      expect(new Set(keys().map((key) => key.name)).size).toBe(16);
      expect(world().emulator.requestsFor('token').length).toBeLessThanOrEqual(2);
      const posts = await Promise.all(jobs.map((each) => each.post()));
      for (const post of posts) expect(post.exitCode).toBe(0);
      expect(keys()).toEqual([]);
    }, 60_000); // 32 step processes at once: CPU-bound on a small machine

    it.each([
      ['SIGINT', 'the runner cancels it: it waits for the answer, and post deletes the key by ID'],
      ['SIGKILL', 'it dies: post revokes by the nonce main journaled, and waits for the mint to land'],
    ] as const)('main stopped by %s while the mint is in flight (%s)', async (signal, _why) => {
      world().emulator.faults.add({ op: 'create-key', action: 'delay', ms: 1000 });
      let pid = 0;
      world().emulator.onRequest = (request) => void (request.op === 'create-key' && process.kill(pid, signal));
      const keyless = job();
      const main = await keyless.main({ onSpawn: (child) => (pid = child.pid!) });
      expect(main.exitCode === 0).toBe(false);
      if (signal === 'SIGINT')
        expect(failureLine(main)).toMatch(
          /^The step was cancelled; the post step asks the broker to delete key gha-shop-.* \(.*\)\.$/,
        );
      expect(JSON.parse(main.state['broker']!).unanswered).toHaveLength(signal === 'SIGINT' ? 0 : 1);
      const post = await keyless.post();
      expect(post.exitCode, post.log.join('\n')).toBe(0);
      expect(world().emulator.issued).toHaveLength(1);
      expect(keys()).toEqual([]);
    });

    it('on SIGTERM answers the mint in flight, then exits 0', async () => {
      world().emulator.faults.add({ op: 'create-key', action: 'delay', ms: 500 });
      const keyless = job();
      const main = keyless.main();
      for (let waited = 0; world().emulator.requestsFor('create-key').length === 0 && waited < 10_000; waited += 10)
        await new Promise((resolve) => setTimeout(resolve, 10));
      const stopped = broker().stop();
      expect((await main).exitCode).toBe(0);
      expect(await stopped).toBe(0);
      expect(broker().lines.at(-1)).toMatch(/"event":"drained"/);
      expect(keys()).toHaveLength(1);
    });
  });

  // Refused before any request, or a broker of the test's own started later.
  describe('before any broker of its own', () => {
    it('without permissions id-token: write, fails in one line that says so (or skips, as asked)', async () => {
      const bare = { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' };
      const main = await job({}, bare, NO_BROKER).main();
      expect(main.exitCode).toBe(1);
      expect(failureLine(main)).toMatch(
        /^Missing permission to ask GitHub for an OIDC token: the job may not ask GitHub for an OIDC token \(ACTIONS_ID_TOKEN_REQUEST_URL is not set\)\. Add permissions: id-token: write to the job/,
      );
      const skipped = await job({ 'on-missing-credentials': 'skip' }, bare, NO_BROKER).main();
      expect(skipped.exitCode).toBe(0);
      expect(skipped.outputs['skipped']).toBe('true');
      expect(keys()).toEqual([]);
      expect(issuer().issued).toEqual([]);
    });

    it('refuses broker-url together with the client credentials, before any request', async () => {
      const main = await job({ 'client-id': 'ci', 'client-secret': CLIENT_SECRET }, {}, NO_BROKER).main();
      expect(failureLine(main)).toMatch(/^Inputs "broker-url" and "client-id"\/"client-secret" are both given/);
      expect(issuer().issued).toEqual([]);
      expect(main.stdout).not.toMatch(new RegExp(`^(?!::add-mask::).*${CLIENT_SECRET}`, 'm'));
    });

    it('refuses what broker mode does not do (share, new-project, renew, replace) in one line each', async () => {
      for (const input of ['share', 'new-project', 'renew', 'replace']) {
        const main = await job({ [input]: 'true' }, {}, NO_BROKER).main();
        expect(failureLine(main)).toMatch(new RegExp(`^Input "${input}: true" is not available with broker-url`));
      }
      expect(issuer().issued).toEqual([]);
    });

    it('fails within its timeout with a clear line when the broker cannot be reached, leaving nothing', async () => {
      const main = await job({ timeout: '5s' }, {}, NO_BROKER).main();
      expect(main.exitCode).toBe(1);
      expect(failureLine(main)).toMatch(/Could not reach the broker to get an API key from the broker|Ran out of time/);
      expect(main.durationMs).toBeLessThan(15_000);
      expect(keys()).toEqual([]);
    });

    it("deletes a dead runner's expired key in its own sweep, and leaves live, direct mode's and foreign keys alone", async () => {
      // The keys are there before the broker starts: its sweep at start is the one that judges them.
      const own = (base: string, expiresInMs: number, runId: string) =>
        brokerKey(world(), { base, run: { ...RUN_REF, runId }, expiresInMs, nonce: 'abc123' });
      const dead = own('gha-dead', -10 * 60_000, '555');
      const live = own('gha-live', 3600_000, '556');
      const direct = world().ours('gha-direct', -10 * 60_000, { kind: 'job', run: { ...RUN_REF, runId: '557' } });
      const foreign = world().emulator.addKey(world().project.id, 'production-key');
      await startBroker(policyFor(issuer(), world()));
      await sweeps(broker());
      expect(
        keys()
          .map((key) => key.id)
          .sort(),
      ).toEqual([live.id, direct.id, foreign.id].sort());
      expect(decisions(broker())).toContainEqual(
        expect.objectContaining({ action: 'sweep', outcome: 'deleted', key_id: dead.id, reason: 'expired' }),
      );
    });
  });
});

describe.each(NODES)('the broker process on $name', ({ path: node }) => {
  it('stops at start with one line naming the field of a bad policy, and exit code 2', async () => {
    const world = await startWorld();
    try {
      const started = startBrokerProcess({
        world,
        policy: 'audience: https://b.example.com\nrules:\n  - repository: x\n',
        node,
      });
      await expect(started).rejects.toThrow(
        /exited \(2\) before listening: pinecone-broker: \S+policy\.yml: rules\[0\]\.roles: expected a list\.\n$/,
      );
    } finally {
      await world.emulator.stop();
    }
  });
});

describe('npm run broker', () => {
  it('the curl examples of docs/BROKER.md work as written against it: a key from a plain exchange, then revoked', async () => {
    const doc = readFileSync(join(ROOT, 'docs/BROKER.md'), 'utf8');
    const script = /### Try the API[\s\S]*?```sh\n([\s\S]*?)```/.exec(doc)![1]!;
    const demo = spawn(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/broker.ts', '--port', '0'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const exports: string[] = [];
      for await (const line of createInterface({ input: demo.stdout }))
        if (line.startsWith('export ') && exports.push(line) === 2) break;
      const ran = spawnSync('bash', ['-euc', `${exports.join('\n')}\n${script}`], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(ran.status, ran.stderr).toBe(0);
      const [minted, revoked, metadata] = ran.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(minted).toMatchObject({ token_type: 'N_A', scope: 'DataPlaneEditor' });
      expect(minted!['access_token']).toMatch(/^pcsk_/);
      expect(revoked).toEqual({ deleted: [minted!['key_id']], gone: [], refused: [] });
      expect(metadata).toMatchObject({ grant_types_supported: ['urn:ietf:params:oauth:grant-type:token-exchange'] });
    } finally {
      const exited = new Promise((resolve) => demo.once('exit', resolve));
      demo.kill('SIGINT');
      await exited;
    }
  });

  it('the demo runs one keyless job through the bundle and leaves no key', () => {
    const demo = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/broker.ts', '--once', '--port', '0'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(demo.status, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/^Got API key gha-shop-\S*-eph-\S+ \(\S+\); its value is masked/m);
    expect(demo.stdout).toMatch(/^Deleted API key .* through the broker\.$/m);
    expect(demo.stdout).toContain('Keys left in the project: 0.');
    expect(demo.stdout).not.toContain(CLIENT_SECRET);
  });
});
