// Keyless behind a real reverse proxy, as operators deploy it: three replicas of the broker's bundle behind nginx
// (TLS at nginx, round-robin), jobs minting and revoking through it with the action's bundle in broker mode, and
// one replica killed the moment a create it sent reaches Pinecone (the key is made, its answer is lost). Nothing
// leaks, and no job ends main holding more than its one key.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAnyKeyName } from '../../../src/rules/names.js';
import { EMULATOR_CA_FILE } from '../../emulator/server.js';
import { Job, NODES, type StepResult } from '../../runner/runner.js';
import { brokerJob, decisions, policyFor, RUN_CLAIMS, sweeps, type BrokerProcess } from '../../support/broker.js';
import { startNginx, type Nginx } from '../../support/nginx.js';
import { REQUEST_TOKEN } from '../../support/oidc-issuer.js';
import { findLeaks } from '../../support/scan.js';
import { tool } from '../../support/tools.js';
import { keylessPerTest } from './keyless-world.js';

const NGINX = tool({ command: 'nginx', install: 'apt-get install nginx', probe: ['-v'] });
const JOBS = 6;
/** Six jobs' main and post as processes, beside three brokers and nginx, on a loaded 2-core machine. */
const TEST_LIMIT_MS = 60_000;

/** The process that holds the loopback TCP connection whose local port is `port` (Linux: /proc). */
function pidOfConnection(port: number, pids: number[]): number | undefined {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const line = readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .find((row) => row.trim().split(/\s+/)[1]?.endsWith(`:${hex}`));
  const inode = line?.trim().split(/\s+/)[9];
  if (!inode) return undefined;
  return pids.find((pid) =>
    readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`;
      } catch {
        return false; // closed meanwhile
      }
    }),
  );
}

describe.skipIf(NGINX.skip).each(NODES)(
  NGINX.titled('keyless behind nginx, three broker replicas on $name'),
  ({ path: node }) => {
    const { world, issuer, startBroker } = keylessPerTest(node, { claims: RUN_CLAIMS });
    let brokers: BrokerProcess[];
    let proxy: Nginx;

    beforeEach(async () => {
      brokers = await Promise.all([1, 2, 3].map(() => startBroker(policyFor(issuer(), world()))));
      await Promise.all(brokers.map((broker) => sweeps(broker)));
      proxy = await startNginx(
        NGINX.path!,
        brokers.map((broker) => broker.url),
      );
    });
    afterEach(async () => {
      world().emulator.onRequest = undefined;
      await proxy?.stop(); // then keylessPerTest's: the brokers, the issuer, the emulator
    });

    it(
      'mints and revokes through it; a replica killed with a mint in flight leaks nothing and mints nothing twice',
      async () => {
        const base = brokerJob(issuer(), { url: proxy.url });
        const jobs = Array.from(
          { length: JOBS },
          (_, i) =>
            new Job({
              node,
              with: base.with,
              env: { ...base.env, GITHUB_JOB: `leg-${i}`, NODE_EXTRA_CA_CERTS: EMULATOR_CA_FILE },
            }),
        );
        // The third create to reach Pinecone: its key is made, and the replica that sent it dies before answering.
        let creates = 0;
        let victim: BrokerProcess | undefined;
        let lostKey: string | undefined;
        world().emulator.onCreate = (key) => {
          if (++creates !== 3) return;
          const request = world().emulator.requestsFor('create-key').at(-1)!;
          const pid = pidOfConnection(
            request.connection.port,
            brokers.map((broker) => broker.child.pid!),
          );
          victim = brokers.find((broker) => broker.child.pid === pid);
          lostKey = key.id;
          victim?.child.kill('SIGKILL');
        };

        const mains = await Promise.all(jobs.map((job) => job.main()));
        for (const main of mains) expect(main.exitCode, main.log.join('\n')).toBe(0);
        expect(victim, 'the replica that sent the third create').toBeDefined();
        expect(victim!.child.signalCode).toBe('SIGKILL');
        // nginx answered the lost mint with a 502; the job revoked its nonce and asked again, through another replica.
        expect(proxy.accessLog().some((line) => /^502 .* POST \/token$/.test(line))).toBe(true);
        const keys = world().emulator.keysIn(world().project.id);
        expect(keys.map((key) => key.id)).not.toContain(lostKey);
        expect(keys.map((key) => key.id).sort()).toEqual(mains.map((main) => main.outputs['key-id']).sort());
        // One key per job: the base of each name is its job's (gha-shop-api-16021984-1-leg-N).
        expect(new Set(keys.map((key) => parseAnyKeyName(key.name)?.base)).size).toBe(JOBS);
        // Round-robin: every replica minted (the victim at least the key it never answered for).
        const survivors = brokers.filter((broker) => broker !== victim);
        for (const broker of survivors)
          expect(decisions(broker).some((line) => line['action'] === 'mint' && line['outcome'] === 'minted')).toBe(
            true,
          );

        const posts = await Promise.all(jobs.map((job) => job.post()));
        for (const post of posts) expect(post.exitCode, post.log.join('\n')).toBe(0);
        expect(world().emulator.keysIn()).toEqual([]);
        expect(proxy.accessLog().filter((line) => / POST \/revoke$/.test(line)).length).toBeGreaterThanOrEqual(JOBS);
        const secrets = [...world().secrets(), ...issuer().issued, REQUEST_TOKEN];
        for (const step of [...mains, ...posts] as StepResult[])
          expect(findLeaks(step, secrets, { outputs: ['api-key'], env: ['PINECONE_API_KEY'] })).toEqual([]);
        for (const broker of brokers) for (const secret of secrets) expect(broker.output()).not.toContain(secret);
      },
      TEST_LIMIT_MS,
    );
  },
);
