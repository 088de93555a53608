// `npm run bench`: the committed bundles on Node 24.19.0 against the emulator with injected latency.
// Prints a table and one JSON line. Not part of `npm test`: timings belong here, never in timed tests.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildKeyName } from '../src/rules/names.js';
import { criticalPath, median } from './bench/measure.js';
import { startRelay } from './bench/relay.js';
import { livenessCost } from './bench/liveness.js';
import { projectCost } from './bench/projects.js';
import { perRun, useStep } from './bench/shared.js';
import { brokerCost, brokerRows } from './bench/broker.js';
import { sdkCost, sdkRows } from './bench/sdk-cost.js';
import { EMULATOR_CA_FILE } from '../test/emulator/server.js';
import { Job, NODE_24, ROOT } from '../test/runner/runner.js';
import { startWorld } from '../test/support/fixture.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '21' },
    action: { type: 'string', default: ROOT },
    /** `projects`, `use`, `broker` or `sdk`: only that table (projects take a while: emptying waits for Terminating indexes). */
    only: { type: 'string', default: '' },
  },
});
const RUNS = Number(values.runs);
/** The action measured: this checkout, or (for a before/after) another build of it, e.g. in a git worktree. */
const ACTION = values.action;
const WORK = join(ROOT, '.bench');
const node = NODE_24;

/**
 * The floor: a bundle whose entry only imports @actions/core, built here with the same ncc. `stock` is built outside
 * this project (ncc reads tsconfig.json from its working directory), so it bundles undici like any action; `lean`
 * is built inside it, with the undici stub our bundles get (src/api/undici-stub.ts): the floor for our way of bundling.
 */
function buildFloor(name: 'stock' | 'lean'): string {
  const dir = join(WORK, `floor-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  writeFileSync(join(dir, 'entry.js'), "import * as core from '@actions/core';\ncore.info('floor');\n");
  execFileSync(join(ROOT, 'node_modules/.bin/ncc'), ['build', join(dir, 'entry.js'), '-o', join(dir, 'dist'), '-q'], {
    stdio: 'inherit',
    cwd: name === 'stock' ? dir : ROOT,
  });
  writeFileSync(
    join(dir, 'action.yml'),
    'name: floor\ndescription: floor\nruns:\n  using: node24\n  main: dist/index.js\n',
  );
  return dir;
}

type Floors = Record<'stock' | 'lean', string>;

/** Main, post and the floors, interleaved round by round so that drift of the machine hits all alike. */
async function lifecycle(latencyMs: number, floors: Floors) {
  const times = { main: [] as number[], post: [] as number[], floor: [] as number[], leanFloor: [] as number[] };
  let paths = { main: 0, post: 0 };
  for (let i = 0; i < RUNS + 1; i++) {
    const world = await startWorld({ latencyMs });
    const { 'sweep-expired': _, ...defaults } = world.inputs; // the defaults a user gets
    const floor = await new Job({ node, actionDir: floors.stock }).main();
    const leanFloor = await new Job({ node, actionDir: floors.lean }).main();
    const job = new Job({ node, actionDir: ACTION, with: defaults });
    const m = await job.main();
    const split = world.emulator.requests.length;
    const p = await job.post();
    if ([floor, leanFloor, m, p].some((step) => step.exitCode !== 0)) {
      throw new Error(`run failed:\n${floor.stderr}\n${leanFloor.stderr}\n${m.log.join('\n')}\n${p.log.join('\n')}`);
    }
    paths = {
      main: criticalPath(world.emulator.requests.slice(0, split)),
      post: criticalPath(world.emulator.requests.slice(split)),
    };
    await world.emulator.stop();
    if (i === 0) continue; // warm-up: disk cache, JIT of the harness
    times.main.push(m.durationMs);
    times.post.push(p.durationMs);
    times.floor.push(floor.durationMs + 2 * latencyMs);
    times.leanFloor.push(leanFloor.durationMs + 2 * latencyMs);
  }
  return {
    main: median(times.main),
    post: median(times.post),
    floor: median(times.floor),
    leanFloor: median(times.leanFloor),
    paths,
  };
}

/**
 * As in production: HTTPS, the login and the API on two hosts, and a round trip of `rttMs` on every connection
 * (relay.ts), so that connection set-up counts. Reported as round trips waited beyond the lean floor.
 */
async function production(rttMs: number, floors: Floors) {
  const times = { main: [] as number[], post: [] as number[], floor: [] as number[] };
  const env = { NODE_EXTRA_CA_CERTS: EMULATOR_CA_FILE };
  for (let i = 0; i < RUNS + 1; i++) {
    const world = await startWorld({ tls: true });
    const relay = await startRelay(Number(new URL(world.emulator.url).port), rttMs);
    const { 'sweep-expired': _, ...defaults } = world.inputs;
    const inputs = {
      ...defaults,
      'auth-url': `https://127.0.0.1:${relay.port}/oauth/token`,
      'api-url': `https://localhost:${relay.port}`,
    };
    const floor = await new Job({ node, actionDir: floors.lean, env }).main();
    const job = new Job({ node, actionDir: ACTION, with: inputs, env });
    const m = await job.main();
    const p = await job.post();
    if ([floor, m, p].some((step) => step.exitCode !== 0))
      throw new Error(`run failed:\n${floor.stderr}\n${m.log.join('\n')}\n${p.log.join('\n')}`);
    await relay.stop();
    await world.emulator.stop();
    if (i === 0) continue;
    times.main.push(m.durationMs);
    times.post.push(p.durationMs);
    times.floor.push(floor.durationMs);
  }
  const [main, post, floor] = [median(times.main), median(times.post), median(times.floor)];
  const roundTrips = (ms: number) => +((ms - floor) / rttMs).toFixed(1);
  return { rttMs, main, post, leanFloor: floor, mainRoundTrips: roundTrips(main), postRoundTrips: roundTrips(post) };
}

async function peakRss(): Promise<number> {
  const file = join(WORK, 'rss.txt');
  const hook = join(WORK, 'rss.mjs');
  writeFileSync(
    hook,
    `import { appendFileSync } from 'node:fs';\nprocess.on('exit', () => appendFileSync(${JSON.stringify(file)}, process.resourceUsage().maxRSS + '\\n'));\n`,
  );
  rmSync(file, { force: true });
  const world = await startWorld();
  for (let i = 0; i < 5; i++)
    await new Job({ node, with: world.inputs, env: { NODE_OPTIONS: `--import=${hook}` } }).main();
  await world.emulator.stop();
  return Math.max(...readFileSync(file, 'utf8').trim().split('\n').map(Number)) / 1024;
}

async function sweep(keys: number, latencyMs: number) {
  const world = await startWorld({ latencyMs });
  const expired = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
  for (let i = 0; i < keys; i++)
    world.emulator.addKey(
      world.project.id,
      buildKeyName(`gha-bench-${i}`, { kind: 'job', run: undefined }, expired, i.toString(36).padStart(6, '0')),
    );
  const { 'sweep-expired': _, ...inputs } = world.inputs;
  const result = await new Job({ node, actionDir: join(ROOT, 'sweep'), with: inputs }).main();
  if (result.exitCode !== 0 || world.emulator.keysIn().length > 0)
    throw new Error(`sweep failed: ${result.log.slice(-3).join('\n')}`);
  const requests = world.emulator.requests.length;
  await world.emulator.stop();
  return { keys, ms: result.durationMs, requests };
}

/** Rows of the throwaway project table. */
function projectRows(cost: Awaited<ReturnType<typeof projectCost>>): string[] {
  return [
    `throwaway projects at ${cost.latencyMs} ms per answer, deleted indexes Terminating for ${cost.terminatingMs} ms; left full = 2 indexes (1 protected), 1 collection, 1 backup, 1 assistant`,
    '',
    '| case | main ms | post ms | requests main / post | critical path main / post |',
    '|---|---|---|---|---|',
    ...cost.cases.map(
      (c) =>
        `| ${c.case} | ${c.main} | ${c.post} | ${c.requests.main} / ${c.requests.post} | ${c.paths.main} / ${c.paths.post} |`,
    ),
  ];
}

// A build has throwaway projects when its action.yml declares new-project (whatever its src/ looks like).
const hasProjects = /^ {2}new-project:/m.test(readFileSync(join(ACTION, 'action.yml'), 'utf8'));
if (values.only === 'sdk') {
  // Pinecone's AdminClient against our Admin API module, doing main's and post's work (docs/ARCHITECTURE.md).
  const cost = await sdkCost(RUNS, node, WORK, Number(process.env['BENCH_LATENCY_MS'] ?? 50));
  process.stdout.write(`${sdkRows(cost).join('\n')}\n\n${JSON.stringify(cost)}\n`);
  process.exit(0);
}
if (values.only === 'projects') {
  const cost = await projectCost(RUNS, node, ACTION, 50, 2_000);
  process.stdout.write(`${projectRows(cost).join('\n')}\n\n${JSON.stringify(cost)}\n`);
  process.exit(0);
}

mkdirSync(WORK, { recursive: true });
// A build has broker mode when its action.yml declares broker-url.
const hasBroker = /^ {2}broker-url:/m.test(readFileSync(join(ACTION, 'action.yml'), 'utf8'));
if (values.only === 'broker') {
  const cost = await brokerCost(RUNS, node, ACTION, Number(process.env['BENCH_RTT_MS'] ?? 50), buildFloor('lean'));
  process.stdout.write(`${brokerRows(cost).join('\n')}\n\n${JSON.stringify(cost)}\n`);
  process.exit(0);
}
if (values.only === 'use') {
  const use = await useStep(RUNS, node, ACTION, buildFloor('lean'));
  process.stdout.write(
    `use step: ${use.use} ms against a lean floor of ${use.leanFloor} ms = ${use.useOverLeanFloor}×, ${use.requests} requests\n${JSON.stringify(use)}\n`,
  );
  process.exit(0);
}
const floors: Floors = { stock: buildFloor('stock'), lean: buildFloor('lean') };
const results = {
  node: execFileSync(node, ['--version'], { encoding: 'utf8' }).trim(),
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
  runs: RUNS,
  latency: {} as Record<
    string,
    {
      main: number;
      post: number;
      floor: number;
      leanFloor: number;
      mainOverFloor: number;
      postOverFloor: number;
      mainOverLeanFloor: number;
      paths: { main: number; post: number };
    }
  >,
  rssMiB: 0,
  bundleKiB: {} as Record<string, number>,
  sweep: [] as Array<{ keys: number; ms: number; requests: number }>,
  production: undefined as Awaited<ReturnType<typeof production>> | undefined,
  use: undefined as Awaited<ReturnType<typeof useStep>> | undefined,
  perRun: [] as Array<Awaited<ReturnType<typeof perRun>>>,
  liveness: undefined as Awaited<ReturnType<typeof livenessCost>> | undefined,
  projects: undefined as Awaited<ReturnType<typeof projectCost>> | undefined,
  broker: undefined as Awaited<ReturnType<typeof brokerCost>> | undefined,
};
for (const latency of [0, 50]) {
  const life = await lifecycle(latency, floors);
  results.latency[`${latency}ms`] = {
    ...life,
    mainOverFloor: +(life.main / life.floor).toFixed(3),
    postOverFloor: +(life.post / life.floor).toFixed(3),
    mainOverLeanFloor: +(life.main / life.leanFloor).toFixed(3),
  };
}
results.production = await production(50, floors);
results.rssMiB = +(await peakRss()).toFixed(1);
for (const entry of ['main', 'post', 'sweep', 'use', 'revoke', 'broker']) {
  const bundle = join(ACTION, 'dist', entry, 'index.js');
  if (existsSync(bundle)) results.bundleKiB[entry] = Math.round(statSync(bundle).size / 1024);
}
for (const [name, dir] of Object.entries(floors))
  results.bundleKiB[`floor ${name}`] = Math.round(statSync(join(dir, 'dist', 'index.js')).size / 1024);
for (const keys of [100, 300, 1000]) results.sweep.push(await sweep(keys, 20));
// An earlier build (--action) may have no use and revoke sub-actions yet.
const shares = existsSync(join(ACTION, 'use', 'action.yml'));
if (shares) results.use = await useStep(RUNS, node, ACTION, floors.lean);
if (shares) for (const n of [1, 8, 64]) results.perRun.push(await perRun(n, node, ACTION));
if (shares) results.liveness = await livenessCost(RUNS, node, ACTION, 50);
if (hasProjects) results.projects = await projectCost(Math.min(RUNS, 7), node, ACTION, 50, 2_000);
if (hasBroker) results.broker = await brokerCost(RUNS, node, ACTION, 50, floors.lean);

const rows = [
  `Node ${results.node} on ${results.machine}; medians of ${RUNS} runs`,
  '',
  '| latency | main ms | post ms | floor ms | main ÷ floor | post ÷ floor | lean floor ms | main ÷ lean floor | critical path main / post |',
  '|---|---|---|---|---|---|---|---|---|',
  ...Object.entries(results.latency).map(
    ([latency, r]) =>
      // At 0 ms two concurrent requests look sequential to the server: the chain is read at 50 ms only.
      `| ${latency} | ${r.main} | ${r.post} | ${r.floor} | ${r.mainOverFloor} | ${r.postOverFloor} | ${r.leanFloor} | ${r.mainOverLeanFloor} | ${latency === '0ms' ? 'n/a' : `${r.paths.main} / ${r.paths.post}`} |`,
  ),
  '',
  '| as in production: HTTPS, two hosts, 50 ms round trip per connection | main | post | lean floor |',
  '|---|---|---|---|',
  `| wall ms | ${results.production.main} | ${results.production.post} | ${results.production.leanFloor} |`,
  `| round trips waited (wall − lean floor) ÷ 50 ms | ${results.production.mainRoundTrips} | ${results.production.postRoundTrips} | 0 |`,
  '',
  `peak RSS of main: ${results.rssMiB} MiB; bundles: ${Object.entries(results.bundleKiB)
    .map(([k, v]) => `${k} ${v} KiB`)
    .join(', ')}`,
  '',
  '| sweep at 20 ms | wall ms | requests |',
  '|---|---|---|',
  ...results.sweep.map((s) => `| ${s.keys} expired keys | ${s.ms} | ${s.requests} |`),
  '',
  !results.use
    ? '(no use sub-action in this build)'
    : `use step (shared key, from the handoff): ${results.use.use} ms against a lean floor of ${results.use.leanFloor} ms = ${results.use.useOverLeanFloor}×, ${results.use.requests} requests to Pinecone`,
  '',
  '| a run of N jobs | keys made: a key per job | keys made: one shared key | Admin API requests: per job | Admin API requests: shared |',
  '|---|---|---|---|---|',
  ...results.perRun.map(
    (r) => `| ${r.jobs} | ${r.perJob.keys} | ${r.shared.keys} | ${r.perJob.requests} | ${r.shared.requests} |`,
  ),
  '',
  !results.liveness
    ? ''
    : `a key of a finished run in the project, at ${results.liveness.latencyMs} ms for Pinecone and GitHub: main ${results.liveness.main} ms (${results.liveness.mainWithout} without), post ${results.liveness.post} ms (${results.liveness.postWithout} without; GitHub asked beside the login), Pinecone's critical path ${results.liveness.paths.main} / ${results.liveness.paths.post}`,
  '',
  ...(results.projects ? projectRows(results.projects) : ['(no throwaway projects in this build)']),
  '',
  ...(results.broker ? brokerRows(results.broker) : ['(no broker mode in this build)']),
];
process.stdout.write(`${rows.join('\n')}\n\n${JSON.stringify(results)}\n`);
