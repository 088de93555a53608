// One test per fault. Each asserts the exit codes, the one-line message, the requests made, that no key is left
// behind and that no secret was printed.
import { describe, expect, it } from 'vitest';
import type { Fault } from '../emulator/faults.js';
import { Job, NODES } from '../runner/runner.js';
import { freshWorldPerTest } from '../support/fixture.js';
import { failureLine, findLeaks } from '../support/scan.js';
import { journalOf } from '../support/journal.js';

const HTML_502 =
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

describe.each(NODES)('faults on $name', ({ path: node }) => {
  const world = freshWorldPerTest();
  const ops = () => world().emulator.requests.map((r) => `${r.op}:${r.status}`);

  async function run(faults: Fault[], inputs: Record<string, string> = {}) {
    world().emulator.inject(...faults);
    const job = new Job({ node, with: { ...world().inputs, ...inputs } });
    const main = await job.main();
    const post = await job.post();
    for (const step of [main, post]) {
      expect(findLeaks(step, world().secrets(), { outputs: ['api-key'], env: ['PINECONE_API_KEY'] })).toEqual([]);
    }
    return { main, post, job };
  }
  function succeeded({
    main,
    post,
  }: {
    main: { exitCode: number | null; log: string[] };
    post: { exitCode: number | null; log: string[] };
  }) {
    expect(main.exitCode, main.log.join('\n')).toBe(0);
    expect(post.exitCode, post.log.join('\n')).toBe(0);
    expect(world().emulator.keysIn()).toEqual([]);
  }

  it('token 429 with Retry-After: waits as told, then goes on', async () => {
    const result = await run([{ op: 'token', status: 429, retryAfter: '1' }]);
    succeeded(result);
    expect(result.main.durationMs).toBeGreaterThanOrEqual(1000);
    expect(ops()).toEqual(['token:429', 'token:200', 'create-key:200', 'token:200', 'delete-key:202']);
  });

  it('token 5xx then 200: retried', async () => {
    succeeded(await run([{ op: 'token', status: 503, times: 2 }]));
    expect(ops().slice(0, 4)).toEqual(['token:503', 'token:503', 'token:200', 'create-key:200']);
  });

  it('token request that never answers: the attempt times out and is retried', async () => {
    succeeded(await run([{ op: 'token', action: 'hang' }], { timeout: '6s' }));
    expect(ops().slice(0, 3)).toEqual(['token:hung', 'token:200', 'create-key:200']);
  });

  it('token 200 without a token: a clear error', async () => {
    const { main } = await run([{ op: 'token', status: 200, body: '{"token_type":"Bearer"}' }]);
    expect(failureLine(main)).toMatch(
      /^Pinecone's login answered HTTP 200 without an access token; check the auth-url input \(http:\/\/127\.0\.0\.1:\d+\/oauth\/token\)\.$/,
    );
  });

  it.each([
    [
      400,
      'INVALID_ARGUMENT',
      /^Pinecone refused to create the API key \(HTTP 400 INVALID_ARGUMENT\): Injected HTTP 400$/,
    ],
    [
      403,
      'PERMISSION_DENIED',
      /^The service account may not create the API key in project .* \(HTTP 403 PERMISSION_DENIED\): add it to the project as Project owner/,
    ],
    [403, 'QUOTA_EXCEEDED', /holds as many API keys as its quota allows \(HTTP 403 QUOTA_EXCEEDED\)/],
  ])('create %i %s: fails with one line, nothing to clean up', async (status, code, message) => {
    const { main, post } = await run([{ op: 'create-key', status, code }]);
    expect(main.exitCode).toBe(1);
    expect(failureLine(main)).toMatch(message);
    expect(post.log).toEqual(['Nothing to clean up: the main step created no key.']);
    expect(ops()).toEqual(['token:200', `create-key:${status}`]);
  });

  it('create 401 twice: one fresh login, then a clear error', async () => {
    const { main } = await run([{ op: 'create-key', status: 401, code: 'UNAUTHENTICATED', times: 2 }]);
    expect(failureLine(main)).toMatch(
      /^Pinecone did not accept the service account's access token \(HTTP 401 UNAUTHENTICATED\)/,
    );
    expect(ops()).toEqual(['token:200', 'create-key:401', 'token:200', 'create-key:401']);
  });

  it('create 429 with Retry-After: the same request again (a 429 made nothing)', async () => {
    const result = await run([{ op: 'create-key', status: 429, retryAfter: '1' }]);
    succeeded(result);
    const creates = world()
      .emulator.requestsFor('create-key')
      .map((r) => (JSON.parse(r.body) as { name: string }).name);
    expect(creates[0]).toBe(creates[1]);
    expect(ops()).toEqual(['token:200', 'create-key:429', 'create-key:200', 'token:200', 'delete-key:202']);
  });

  it('create 503 then 200: checks that the lost request made nothing, then creates under a fresh name', async () => {
    const result = await run([{ op: 'create-key', status: 503 }]);
    succeeded(result);
    expect(ops().slice(0, 4)).toEqual(['token:200', 'create-key:503', 'list-keys:200', 'create-key:200']);
    const [first, second] = world()
      .emulator.requestsFor('create-key')
      .map((r) => (JSON.parse(r.body) as { name: string }).name);
    expect(first).not.toBe(second);
    expect(result.main.log).toContain(
      '##[warning]The answer to the create request was lost (HTTP 503 Service Unavailable); checking whether the key was made.',
    );
  });

  it('create times out: the key it may have made is looked for, and the step goes on', async () => {
    succeeded(await run([{ op: 'create-key', action: 'hang' }], { timeout: '6s' }));
    expect(ops().slice(0, 4)).toEqual(['token:200', 'create-key:hung', 'list-keys:200', 'create-key:200']);
  });

  it('create committed, then the connection dropped: the unusable key is deleted, a new one made', async () => {
    const result = await run([{ op: 'create-key', action: 'commit-then-drop' }]);
    succeeded(result);
    expect(ops()).toEqual([
      'token:200',
      'create-key:dropped',
      'list-keys:200',
      'delete-key:202',
      'create-key:200',
      'token:200',
      'delete-key:202',
      'list-keys:200',
    ]);
    expect(world().emulator.issued).toHaveLength(2);
  });

  it('create answered 200 with a body that is not JSON: treated as lost', async () => {
    succeeded(await run([{ op: 'create-key', status: 200, body: HTML_502, contentType: 'text/html' }]));
    expect(ops().slice(0, 4)).toEqual(['token:200', 'create-key:200', 'list-keys:200', 'create-key:200']);
  });

  it('list fails while checking a lost create: main fails, post finds and deletes the key', async () => {
    const { main, post } = await run([
      { op: 'create-key', action: 'commit-then-drop' },
      { op: 'list-keys', status: 500, times: 5 },
    ]);
    expect(main.exitCode).toBe(1);
    expect(failureLine(main)).toMatch(
      /^Pinecone is unavailable: it answered HTTP 500 Internal Server Error UNKNOWN when asked to list the project's API keys, also after retries/,
    );
    expect(post.exitCode).toBe(0);
    expect(post.log.join('\n')).toMatch(/Deleted API key gha-shop-.*/);
    expect(world().emulator.keysIn()).toEqual([]);
  });

  it('an HTML 502 page from a proxy: status and a short excerpt, no crash', async () => {
    const { main } = await run(
      [{ op: 'list-projects', status: 502, body: HTML_502, contentType: 'text/html', times: 5 }],
      { project: 'shop-api-ci' },
    );
    expect(failureLine(main)).toBe(
      'Pinecone is unavailable: it answered HTTP 502 Bad Gateway when asked to list projects, also after retries ("502 Bad Gateway 502 Bad Gateway nginx"). Try again later.',
    );
  });

  it('JSON of an unexpected shape: a clear error', async () => {
    const { main } = await run([{ op: 'list-projects', status: 200, body: '{"projects":[]}' }], {
      project: 'shop-api-ci',
    });
    expect(failureLine(main)).toBe(
      'Pinecone\'s answer to "list projects" has no "data" list; check the api-url and api-version inputs.',
    );
  });

  it('delete 500 then 202: looks the key up, deletes again', async () => {
    succeeded(await run([{ op: 'delete-key', status: 500 }]));
    expect(ops().slice(-4)).toEqual(['token:200', 'delete-key:500', 'fetch-key:200', 'delete-key:202']);
  });

  it('delete answers 502 four times in a row: the fifth attempt deletes it', async () => {
    succeeded(await run([{ op: 'delete-key', status: 502, times: 4 }]));
    expect(
      world()
        .emulator.requestsFor('delete-key')
        .map((r) => r.status),
    ).toEqual([502, 502, 502, 502, 202]);
  });

  it.each([
    ['fail', 1, '##[error]'],
    ['warn', 0, '##[warning]'],
  ])('delete keeps failing with on-cleanup-error: %s', async (mode, exitCode, prefix) => {
    const { main, post } = await run([{ op: 'delete-key', status: 500, times: 20 }], { 'on-cleanup-error': mode });
    expect(post.exitCode).toBe(exitCode);
    const line = post.log.find((l) => l.startsWith(prefix))!;
    expect(line).toContain(
      `Could not delete API key ${main.outputs['key-name']} (${main.outputs['key-id']}) in project ${world().project.id}: Pinecone is unavailable: it answered HTTP 500`,
    );
    expect(line).toMatch(
      /Delete it by hand in the Pinecone console \(project → API keys\), or run the sweep sub-action\.$/,
    );
    expect(
      world()
        .emulator.keysIn()
        .map((k) => k.id),
    ).toEqual([main.outputs['key-id']]);
  });

  it('a server that never answers, with timeout: 5s: the step fails inside 10 s', async () => {
    const { main, post } = await run([{ op: 'token', action: 'hang', times: 10 }], { timeout: '5s' });
    expect(main.durationMs).toBeLessThan(10_000);
    expect(main.exitCode).toBe(1);
    expect(failureLine(main)).toMatch(
      /^Ran out of time \(timeout: 5s\) trying to log in: Pinecone did not answer in time \(last attempt: no answer within [\d.]+s\)\. Try again, or raise the budget\.$/,
    );
    expect(post.exitCode).toBe(0);
  });

  it('a create that never answers, with timeout: 5s: main fails in time, post finds nothing left', async () => {
    const { main, post } = await run([{ op: 'create-key', action: 'hang', times: 10 }], { timeout: '5s' });
    expect(main.durationMs).toBeLessThan(10_000);
    expect(failureLine(main)).toMatch(/^Ran out of time \(timeout: 5s\) trying to /);
    expect(post.exitCode, post.log.join('\n')).toBe(0);
    expect(world().emulator.keysIn()).toEqual([]);
  });

  /** Main with `fault` on its create, interrupted (SIGINT, as the runner cancels) when the create arrives. */
  async function cancelledDuringCreate(fault: Fault) {
    world().emulator.inject(fault);
    let pid = 0;
    let cancelledAt = 0;
    world().emulator.onRequest = (request) =>
      request.op === 'create-key' && ((cancelledAt = Date.now()), process.kill(pid, 'SIGINT'));
    const job = new Job({ node, with: world().inputs });
    const main = await job.main({ onSpawn: (child) => (pid = child.pid!) });
    return { job, main, sinceCancelMs: Date.now() - cancelledAt };
  }

  it('SIGINT while the create is in flight: waits for its answer, exits 1, post deletes the key by ID', async () => {
    const { job, main } = await cancelledDuringCreate({ op: 'create-key', action: 'delay', ms: 1500 });
    expect(main.exitCode).toBe(1);
    expect(main.log).toContain(
      'Received SIGINT: starting nothing new; waiting up to 5s for the request in flight so the post step knows what to delete.',
    );
    expect(failureLine(main)).toMatch(/^The step was cancelled; the post step deletes key gha-shop-.* \(.*\)\.$/);
    expect(main.outputs['api-key']).toBeUndefined();
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    expect(ops()).toEqual(['token:200', 'create-key:200', 'token:200', 'delete-key:202']);
    expect(world().emulator.keysIn()).toEqual([]);
  });

  it('SIGINT while a create hangs and is carried out late: post waits for it and deletes it', async () => {
    const { job, main, sinceCancelMs } = await cancelledDuringCreate({
      op: 'create-key',
      action: 'late-commit',
      ms: 6000,
    });
    expect(main.exitCode).toBe(1);
    expect(sinceCancelMs).toBeLessThan(7_500); // inside the runner's grace between SIGINT and SIGTERM
    const inFlight = journalOf(main.state)?.inFlight;
    expect(inFlight).toMatch(/^gha-shop-/);
    const post = await job.post();
    expect(post.exitCode, post.log.join('\n')).toBe(0);
    expect(post.log.join('\n')).toContain(`Deleted API key ${inFlight}`);
    expect(world().emulator.keysIn()).toEqual([]);
  });
});
