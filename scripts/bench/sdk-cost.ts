// `npm run bench -- --only sdk`: what Pinecone's AdminClient would cost the action against our Admin API module,
// each doing main's and post's work (sdk/ours.ts, sdk/sdk.ts) from an ncc bundle built here the way the steps are:
// bundle size, a bare start (load only), and main and post at `latencyMs` per answer (time, requests, the longest
// chain of requests each waiting for the one before: round trips).
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../test/runner/runner.js';
import { CLIENT_ID, CLIENT_SECRET, startWorld } from '../../test/support/fixture.js';
import { criticalPath, median } from './measure.js';

const SIDES = { ours: 'scripts/bench/sdk/ours.ts', sdk: 'scripts/bench/sdk/sdk.ts' } as const;
type Side = keyof typeof SIDES;

function build(work: string, side: Side): { entry: string; kib: number } {
  const out = join(work, `sdk-${side}`);
  rmSync(out, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', SIDES[side], '-o', out, '-q'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  const bytes = readdirSync(out).reduce((sum, file) => sum + statSync(join(out, file)).size, 0);
  return { entry: join(out, 'index.js'), kib: Math.round(bytes / 1024) };
}

/** Runs a stand-in as its own process (asynchronously: the emulator answers from this process). */
async function run(node: string, entry: string, env: Record<string, string>): Promise<{ ms: number; keyId: string }> {
  const started = performance.now();
  const child = spawn(node, [entry], { env: { PATH: process.env['PATH'] ?? '', ...env } });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const status = await new Promise<number | null>((done) => child.on('close', done));
  const ms = performance.now() - started;
  if (status !== 0) throw new Error(`${entry} failed: ${output}`);
  const keyId = /^::set-output name=key-id::(.+)$/m.exec(output)?.[1] ?? '';
  return { ms, keyId };
}

export async function sdkCost(runs: number, node: string, work: string, latencyMs: number) {
  const built = { ours: build(work, 'ours'), sdk: build(work, 'sdk') };
  const samples = Object.fromEntries(
    (['ours', 'sdk'] as const).map((side) => [
      side,
      { start: [] as number[], main: [] as number[], post: [] as number[] },
    ]),
  ) as Record<Side, { start: number[]; main: number[]; post: number[] }>;
  const shape = {} as Record<Side, { main: [number, number]; post: [number, number] }>;
  const world = await startWorld({ latencyMs });
  const { emulator, project } = world;
  for (let i = 0; i < runs + 1; i++) {
    for (const side of ['ours', 'sdk'] as const) {
      const base = {
        BENCH_API_URL: emulator.url,
        BENCH_AUTH_URL: emulator.authUrl,
        BENCH_CLIENT_ID: CLIENT_ID,
        BENCH_CLIENT_SECRET: CLIENT_SECRET,
        BENCH_PROJECT: project.id,
      };
      const start = await run(node, built[side].entry, { ...base, BENCH_MODE: 'none' });
      let from = emulator.requests.length;
      const main = await run(node, built[side].entry, { ...base, BENCH_MODE: 'main' });
      const mainRequests = emulator.requests.slice(from);
      from = emulator.requests.length;
      const post = await run(node, built[side].entry, { ...base, BENCH_MODE: 'post', BENCH_KEY_ID: main.keyId });
      const postRequests = emulator.requests.slice(from);
      if (emulator.keysIn().length !== 0) throw new Error(`${side} left a key`);
      if (i === 0) {
        // the first round warms the disk cache; its requests describe the shape
        shape[side] = {
          main: [mainRequests.length, criticalPath(mainRequests)],
          post: [postRequests.length, criticalPath(postRequests)],
        };
        continue;
      }
      samples[side].start.push(start.ms);
      samples[side].main.push(main.ms);
      samples[side].post.push(post.ms);
    }
  }
  await emulator.stop();
  return (['ours', 'sdk'] as const).map((side) => ({
    latencyMs,
    side,
    kib: built[side].kib,
    startMs: Math.round(median(samples[side].start)),
    mainMs: Math.round(median(samples[side].main)),
    postMs: Math.round(median(samples[side].post)),
    main: shape[side].main,
    post: shape[side].post,
  }));
}

export function sdkRows(cost: Awaited<ReturnType<typeof sdkCost>>): string[] {
  return [
    `| at ${cost[0]?.latencyMs} ms per answer | bundle KiB | bare start ms | main ms | post ms | main: requests / round trips | post: requests / round trips |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...cost.map(
      (row) =>
        `| ${row.side} | ${row.kib} | ${row.startMs} | ${row.mainMs} | ${row.postMs} | ${row.main.join(' / ')} | ${row.post.join(' / ')} |`,
    ),
  ];
}
