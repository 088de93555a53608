// Keyless against direct, side by side: the committed bundles of both modes and the broker's bundle as a process,
// with a network of `rttMs` per hop (relay.ts) between the job and each service (Pinecone, GitHub's token service,
// the broker) and between the broker and Pinecone. Round trips waited = (wall − lean floor) ÷ rtt. Then what one
// broker replica costs: logins per 100 jobs, mints per second it sustains against the emulator, their p50/p99, RSS.
import { readFileSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { EMULATOR_CA_FILE } from '../../test/emulator/server.js';
import { Job } from '../../test/runner/runner.js';
import { AUDIENCE, brokerJob, policyFor, RUN_CLAIMS, startBrokerProcess } from '../../test/support/broker.js';
import { startWorld } from '../../test/support/fixture.js';
import { OidcIssuer } from '../../test/support/oidc-issuer.js';
import { median } from './measure.js';
import { startRelay } from './relay.js';

const portOf = (url: string) => Number(new URL(url).port);
const TLS_ENV = { NODE_EXTRA_CA_CERTS: EMULATOR_CA_FILE };

/**
 * HTTPS in front of a plain-HTTP service (the broker behind its load balancer, GitHub's token service), with the
 * test identity: as in production, an early connection's handshake then happens before the request is sent.
 */
async function terminateTls(targetPort: number): Promise<{ port: number; stop: () => Promise<void> }> {
  const key = readFileSync(EMULATOR_CA_FILE.replace('cert.pem', 'key.pem'));
  const server = createTlsServer({ key, cert: readFileSync(EMULATOR_CA_FILE) }, (socket) => {
    const upstream = connect(targetPort, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function brokerCost(runs: number, node: string, action: string, rttMs: number, leanFloor: string) {
  // Every hop HTTPS, as in production: Pinecone (the emulator's own TLS), GitHub's token service and the broker
  // (TLS in front of them), each through a relay of `rttMs`.
  const world = await startWorld({ tls: true });
  const issuer = await new OidcIssuer().start();
  issuer.claims = { ...RUN_CLAIMS };
  const pinecone = await startRelay(portOf(world.emulator.url), rttMs);
  const issuerTls = await terminateTls(portOf(issuer.url));
  const github = await startRelay(issuerTls.port, rttMs);
  const pineconeUrl = `https://localhost:${pinecone.port}`;
  const broker = await startBrokerProcess({
    world,
    policy: policyFor(issuer, world),
    node,
    env: { ...TLS_ENV, PINECONE_API_URL: pineconeUrl, PINECONE_AUTH_URL: `${pineconeUrl}/oauth/token` },
  });
  const brokerTls = await terminateTls(portOf(broker.url));
  const toBroker = await startRelay(brokerTls.port, rttMs);
  const { 'sweep-expired': _, ...defaults } = world.inputs;
  const direct = { ...defaults, 'api-url': pineconeUrl, 'auth-url': `${pineconeUrl}/oauth/token` };
  const keyless = brokerJob(issuer, { url: `https://localhost:${toBroker.port}` });
  keyless.env.ACTIONS_ID_TOKEN_REQUEST_URL = `https://localhost:${github.port}/token?api-version=2.0`;
  Object.assign(keyless.env, TLS_ENV);
  const times = { directMain: [] as number[], directPost: [] as number[], main: [] as number[], post: [] as number[] };
  const floors: number[] = [];
  const requests = { direct: { main: 0, post: 0 }, broker: { main: 0, post: 0 } };
  for (let i = 0; i < runs + 1; i++) {
    const floor = await new Job({ node, actionDir: leanFloor, env: TLS_ENV }).main();
    const count = () => world.emulator.requests.length + issuer.issued.length;
    let before = count();
    const directJob = new Job({ node, actionDir: action, with: direct, env: TLS_ENV });
    const dm = await directJob.main();
    requests.direct.main = count() - before;
    before = count();
    const dp = await directJob.post();
    requests.direct.post = count() - before;
    // Keyless: GitHub's token service, the broker (the + 1), and what the broker sends Pinecone (its login is shared).
    before = count();
    const job = new Job({ node, actionDir: action, with: keyless.with, env: keyless.env });
    const bm = await job.main();
    requests.broker.main = count() - before + 1;
    before = count();
    const bp = await job.post();
    requests.broker.post = count() - before + 1;
    if ([floor, dm, dp, bm, bp].some((step) => step.exitCode !== 0))
      throw new Error(`run failed:\n${[dm, dp, bm, bp].map((step) => step.log.join('\n')).join('\n')}`);
    if (i === 0) continue; // warm-up: the broker's login, JWKS and project are cached from here on
    floors.push(floor.durationMs);
    times.directMain.push(dm.durationMs);
    times.directPost.push(dp.durationMs);
    times.main.push(bm.durationMs);
    times.post.push(bp.durationMs);
  }
  const floor = median(floors);
  const trips = (values: number[]) => +((median(values) - floor) / rttMs).toFixed(1);
  const sideBySide = {
    rttMs,
    leanFloor: floor,
    direct: {
      main: median(times.directMain),
      post: median(times.directPost),
      mainRoundTrips: trips(times.directMain),
      postRoundTrips: trips(times.directPost),
      requests: requests.direct,
    },
    broker: {
      main: median(times.main),
      post: median(times.post),
      mainRoundTrips: trips(times.main),
      postRoundTrips: trips(times.post),
      requests: requests.broker,
    },
  };
  for (const relay of [toBroker, brokerTls, github, issuerTls, pinecone]) await relay.stop();
  await broker.stop();
  await issuer.stop();
  await world.emulator.stop();
  return { sideBySide, logins: await loginsPer100Jobs(node, action), load: await load(node) };
}

/** 100 keyless jobs, 10 at a time, main then post: how many times the broker logged in to Pinecone. */
async function loginsPer100Jobs(node: string, action: string) {
  const world = await startWorld();
  const issuer = await new OidcIssuer().start();
  issuer.claims = { ...RUN_CLAIMS };
  const broker = await startBrokerProcess({ world, policy: policyFor(issuer, world), node });
  const keyless = brokerJob(issuer, broker);
  for (let batch = 0; batch < 10; batch++) {
    await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const job = new Job({
          node,
          actionDir: action,
          with: keyless.with,
          env: { ...keyless.env, GITHUB_JOB: `j${batch}-${i}` },
        });
        if ((await job.main()).exitCode !== 0 || (await job.post()).exitCode !== 0)
          throw new Error('keyless job failed');
      }),
    );
  }
  const result = {
    jobs: 100,
    logins: world.emulator.requestsFor('token').length,
    left: world.emulator.keysIn().length,
  };
  await broker.stop();
  await issuer.stop();
  await world.emulator.stop();
  return result;
}

/** `concurrency` clients minting for `seconds` against one replica (no network between): rate, latency, memory. */
async function load(node: string, concurrency = 32, seconds = 5) {
  const world = await startWorld();
  const issuer = await new OidcIssuer().start();
  issuer.claims = { ...RUN_CLAIMS };
  // One token for every mint, with no check_run_id (no job cap), and no cap on the rule's keys: the replica's rate.
  const policy = policyFor(issuer, world).replace(
    '    max-ttl: 12h\n',
    '    max-ttl: 12h\n    max-live-keys: 1000000\n',
  );
  const broker = await startBrokerProcess({ world, policy, node });
  const token = await issuer.token(AUDIENCE, {}, { expiresIn: '10m' });
  const latencies: number[] = [];
  let failures = 0;
  let n = 0;
  const until = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const nonce = (n++).toString(36).padStart(6, '0');
      const started = performance.now();
      const response = await fetch(`${broker.url}/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
          subject_token: token,
          scope: 'DataPlaneEditor',
          nonce,
          job: 'load',
        }).toString(),
      });
      await response.arrayBuffer();
      if (response.status === 200) latencies.push(performance.now() - started);
      else failures += 1;
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsed = (performance.now() - began) / 1000;
  const status = readFileSync(`/proc/${broker.child.pid}/status`, 'utf8');
  const rssKiB = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => +latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  const result = {
    concurrency,
    seconds,
    mints: latencies.length,
    failures,
    perSecond: Math.round(latencies.length / elapsed),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    peakRssMiB: +(rssKiB / 1024).toFixed(1),
    logins: world.emulator.requestsFor('token').length,
  };
  await broker.stop();
  await issuer.stop();
  await world.emulator.stop();
  return result;
}

/** The table rows of PERFORMANCE.md's keyless section. */
export function brokerRows(cost: Awaited<ReturnType<typeof brokerCost>>): string[] {
  const { sideBySide: s, logins, load: l } = cost;
  return [
    `keyless against direct, HTTPS with a ${s.rttMs} ms round trip on every hop (job ↔ Pinecone, GitHub's token service, broker; broker ↔ Pinecone), lean floor ${s.leanFloor} ms; round trips waited = (wall − lean floor) ÷ ${s.rttMs} ms`,
    '',
    '| mode | main ms | post ms | round trips main | round trips post | requests main / post |',
    '|---|---|---|---|---|---|',
    `| direct (client secret in the job) | ${s.direct.main} | ${s.direct.post} | ${s.direct.mainRoundTrips} | ${s.direct.postRoundTrips} | ${s.direct.requests.main} / ${s.direct.requests.post} |`,
    `| keyless (broker) | ${s.broker.main} | ${s.broker.post} | ${s.broker.mainRoundTrips} | ${s.broker.postRoundTrips} | ${s.broker.requests.main} / ${s.broker.requests.post} |`,
    '',
    `logins per ${logins.jobs} keyless jobs (10 at a time): ${logins.logins}; keys left: ${logins.left}`,
    `one replica, ${l.concurrency} clients for ${l.seconds} s against the emulator: ${l.perSecond} mints/s (${l.mints} minted, ${l.failures} failed), p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms, peak RSS ${l.peakRssMiB} MiB, ${l.logins} login(s)`,
  ];
}
