// `npm run bench`: the committed bundles on Node 24.19.0 against the emulator with injected latency.
// Prints a table and one JSON line. Not part of `npm test`: timings belong here, never in timed tests.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildKeyName } from '../../src/key-name.js';
import { criticalPath, median } from '../bench/measure.js';
import { Job, NODE_24, ROOT } from '../runner/runner.js';
import { startWorld } from '../support/fixture.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '21' } } });
const RUNS = Number(values.runs);
const WORK = join(ROOT, '.bench');
const node = NODE_24;

/** The floor: a bundle whose entry only imports @actions/core, built here with the same ncc. */
function buildFloor(): string {
  const dir = join(WORK, 'floor');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  writeFileSync(join(dir, 'entry.js'), "import * as core from '@actions/core';\ncore.info('floor');\n");
  execFileSync(join(ROOT, 'node_modules/.bin/ncc'), ['build', join(dir, 'entry.js'), '-o', join(dir, 'dist'), '-q'], {
    stdio: 'inherit',
  });
  writeFileSync(
    join(dir, 'action.yml'),
    'name: floor\ndescription: floor\nruns:\n  using: node24\n  main: dist/index.js\n',
  );
  return dir;
}

/** Main, post and the floor, interleaved round by round so that drift of the machine hits all three alike. */
async function lifecycle(latencyMs: number, floorDir: string) {
  const times = { main: [] as number[], post: [] as number[], floor: [] as number[] };
  let paths = { main: 0, post: 0 };
  for (let i = 0; i < RUNS + 1; i++) {
    const world = await startWorld({ latencyMs });
    const { 'sweep-expired': _, ...defaults } = world.inputs; // the defaults a user gets
    const floor = await new Job({ node, actionDir: floorDir }).main();
    const job = new Job({ node, with: defaults });
    const m = await job.main();
    const split = world.emulator.requests.length;
    const p = await job.post();
    if (floor.exitCode !== 0 || m.exitCode !== 0 || p.exitCode !== 0) {
      throw new Error(`run failed:\n${floor.stderr}\n${m.log.join('\n')}\n${p.log.join('\n')}`);
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
  }
  return { main: median(times.main), post: median(times.post), floor: median(times.floor), paths };
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
  const expired = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
  for (let i = 0; i < keys; i++)
    world.emulator.addKey(world.project.id, buildKeyName(`gha-bench-${i}`, expired, i.toString(36).padStart(6, '0')));
  const { 'sweep-expired': _, ...inputs } = world.inputs;
  const result = await new Job({ node, actionDir: join(ROOT, 'sweep'), with: inputs }).main();
  if (result.exitCode !== 0 || world.emulator.keysIn().length > 0)
    throw new Error(`sweep failed: ${result.log.slice(-3).join('\n')}`);
  const requests = world.emulator.requests.length;
  await world.emulator.stop();
  return { keys, ms: result.durationMs, requests };
}

mkdirSync(WORK, { recursive: true });
const floorDir = buildFloor();
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
      mainOverFloor: number;
      postOverFloor: number;
      paths: { main: number; post: number };
    }
  >,
  rssMiB: 0,
  bundleKiB: {} as Record<string, number>,
  sweep: [] as Array<{ keys: number; ms: number; requests: number }>,
};
for (const latency of [0, 50]) {
  const life = await lifecycle(latency, floorDir);
  results.latency[`${latency}ms`] = {
    ...life,
    mainOverFloor: +(life.main / life.floor).toFixed(3),
    postOverFloor: +(life.post / life.floor).toFixed(3),
  };
}
results.rssMiB = +(await peakRss()).toFixed(1);
for (const entry of ['main', 'post', 'sweep'])
  results.bundleKiB[entry] = Math.round(statSync(join(ROOT, 'dist', entry, 'index.js')).size / 1024);
results.bundleKiB['floor'] = Math.round(statSync(join(floorDir, 'dist', 'index.js')).size / 1024);
for (const keys of [100, 300, 1000]) results.sweep.push(await sweep(keys, 20));

const rows = [
  `Node ${results.node} on ${results.machine}; medians of ${RUNS} runs`,
  '',
  '| latency | main ms | post ms | floor ms | main ÷ floor | post ÷ floor | critical path main / post |',
  '|---|---|---|---|---|---|---|',
  ...Object.entries(results.latency).map(
    ([latency, r]) =>
      // At 0 ms two concurrent requests look sequential to the server: the chain is read at 50 ms only.
      `| ${latency} | ${r.main} | ${r.post} | ${r.floor} | ${r.mainOverFloor} | ${r.postOverFloor} | ${latency === '0ms' ? 'n/a' : `${r.paths.main} / ${r.paths.post}`} |`,
  ),
  '',
  `peak RSS of main: ${results.rssMiB} MiB; bundles: ${Object.entries(results.bundleKiB)
    .map(([k, v]) => `${k} ${v} KiB`)
    .join(', ')}`,
  '',
  '| sweep at 20 ms | wall ms | requests |',
  '|---|---|---|',
  ...results.sweep.map((s) => `| ${s.keys} expired keys | ${s.ms} | ${s.requests} |`),
];
process.stdout.write(`${rows.join('\n')}\n\n${JSON.stringify(results)}\n`);
