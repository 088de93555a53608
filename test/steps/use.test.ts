// The use and revoke sub-actions in-process: the run's shared key is handed over with no request and no Pinecone
// credential, a re-run is told it needs a key of its own, and revoke deletes the key the handoff names, and nothing
// else.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runMain } from '../../src/steps/direct/main.js';
import { runPost } from '../../src/steps/direct/post.js';
import { runRevoke } from '../../src/steps/run-key/revoke.js';
import { runUse } from '../../src/steps/run-key/use.js';
import { ROOT } from '../runner/runner.js';
import { freshWorldPerTest } from '../support/fixture.js';
import { inProcess, type InProcess } from '../support/steps.js';

describe('use and revoke, in-process', () => {
  const world = freshWorldPerTest();
  const steps: InProcess[] = [];
  afterEach(() => steps.forEach((step) => step.dispose()));
  const run = async (
    step: (deps: InProcess['deps']) => Promise<void>,
    action: string,
    inputs: Record<string, string>,
    options: { state?: Record<string, string>; env?: Record<string, string>; clockOffsetMs?: number } = {},
  ) => {
    const running = inProcess({ ...options, inputs: { ...world().inputs, ...inputs }, actionDir: join(ROOT, action) });
    steps.push(running);
    await step(running.deps);
    return running;
  };
  const shareKey = async () => {
    const main = await run(runMain, '', { share: 'true' }, { env: { GITHUB_JOB: 'key' } });
    expect(main.core.failed).toBeUndefined();
    return main.core;
  };

  it('main with share: true hands the key to the run; its post step keeps it', async () => {
    const main = await shareKey();
    expect(main.outputs['handoff']).toMatch(/^pek3\./);
    expect(main.outputs['key-name']).toMatch(/-eph-\d{8}T\d{6}Z-s[0-9a-z]+\.[0-9a-z]+\.1-[a-z0-9]{6}-[a-z0-9]{8}$/);
    const post = await run(runPost, '', { share: 'true' }, { state: main.saved, env: { GITHUB_JOB: 'key' } });
    expect(post.core.log).toEqual([
      `Keeping API key ${main.outputs['key-name']} (${main.outputs['key-id']}): it was handed to the workflow run (share: true), so the revoke job deletes it, or a sweep once it has expired.`,
    ]);
    expect(world().emulator.keysIn()).toHaveLength(1);
  });

  it('use hands over the shared key with no request, masked first', async () => {
    const main = await shareKey();
    const before = world().emulator.requests.length;
    const use = await run(runUse, 'use', world().useInputs(main.outputs['handoff']!));
    expect(use.core.failed).toBeUndefined();
    expect(world().emulator.requests).toHaveLength(before);
    const [key] = world().emulator.keysIn();
    expect(use.core.masked).toContain(key!.value);
    expect(use.core.outputs).toEqual({
      'api-key': key!.value,
      'key-id': key!.id,
      'key-name': key!.name,
      'project-id': world().project.id,
      roles: 'DataPlaneEditor,ControlPlaneViewer',
      'expires-at': main.outputs['expires-at'],
      rerun: 'false',
      skipped: 'false',
    });
    expect(use.core.exported).toEqual({ PINECONE_API_KEY: key!.value });
    expect(use.summaries[0]).toContain("The run's shared key");
  });

  it('a later attempt of the run is handed no key, and says how a re-run gets one of its own', async () => {
    const main = await shareKey();
    const before = world().emulator.requests.length;
    const env = { GITHUB_RUN_ATTEMPT: '2' };
    const use = await run(runUse, 'use', world().useInputs(main.outputs['handoff']!), { env });
    expect(use.core.failed).toBeUndefined();
    expect(use.core.outputs).toEqual({ rerun: 'true', skipped: 'false' });
    expect(use.core.exported).toEqual({});
    expect(use.core.log).toEqual([
      "##[notice]This is attempt 2 of the run; the shared key was made in attempt 1, whose revoke job may have deleted it, so no key is handed over. To give re-runs a key of their own, add a step of the main action with the service account's credentials and if: steps.<this step's id>.outputs.rerun == 'true' (only in a job that runs trusted code).",
    ]);
    expect(world().emulator.requests).toHaveLength(before);
  });

  it('revoke deletes the shared key; run again, it finds it gone and succeeds', async () => {
    const main = await shareKey();
    const production = world().emulator.addKey(world().project.id, 'production');
    const first = await run(runRevoke, 'revoke', { handoff: main.outputs['handoff']! });
    expect(first.core.failed).toBeUndefined();
    expect(first.core.outputs['deleted']).toBe('true');
    expect(
      world()
        .emulator.keysIn()
        .map((k) => k.id),
    ).toEqual([production.id]);
    const again = await run(runRevoke, 'revoke', { handoff: main.outputs['handoff']! });
    expect(again.core.failed).toBeUndefined();
    expect(again.core.outputs['deleted']).toBe('false');
    expect(again.core.log.at(-1)).toBe(
      `Already gone: the run's shared API key ${main.outputs['key-name']} (${main.outputs['key-id']}).`,
    );
  });

  it('a handoff of another run, or an expired key, is refused in one line before any request', async () => {
    const main = await shareKey();
    const before = world().emulator.requests.length;
    const handoff = main.outputs['handoff']!;
    const otherRun = await run(runRevoke, 'revoke', { handoff }, { env: { GITHUB_RUN_ID: '999' } });
    expect(otherRun.core.failed).toMatch(/^Input "handoff" was made in another workflow run \(run 16021984\)/);
    const sevenHoursLater = 7 * 3_600_000; // past the default ttl of 6h
    const late = await run(runUse, 'use', world().useInputs(handoff), { clockOffsetMs: sevenHoursLater });
    expect(late.core.failed).toMatch(
      /^The run's shared key .* expired at .*: give the job that makes it a ttl that covers the whole run\.$/,
    );
    expect(world().emulator.requests.filter((r) => r.op === 'delete-key')).toEqual([]);
    expect(before).toBeGreaterThan(0);
  });

  it('share: true needs a handoff secret of its own, never the client secret', async () => {
    const make =
      'Make one (openssl rand -base64 32), store it as secret PINECONE_HANDOFF_SECRET, and pass it as handoff-secret to the key, use and revoke steps.';
    const none = await run(runMain, '', { share: 'true', 'handoff-secret': '' });
    expect(none.core.failed).toBe(
      `Input "handoff-secret" is empty: share: true seals the handoff with a secret of its own, which the jobs that use the key get instead of the client secret. ${make}`,
    );
    const same = await run(runMain, '', { share: 'true', 'handoff-secret': world().inputs['client-secret']! });
    expect(same.core.failed).toBe(
      `Input "handoff-secret" is the client secret: every job that uses the key would then hold a secret that mints keys. ${make}`,
    );
    expect(world().emulator.keysIn()).toEqual([]);
  });

  it('gives a runner whose clock runs a few minutes fast the same grace as everywhere else', async () => {
    const main = await run(runMain, '', { share: 'true', ttl: '1h' }, { env: { GITHUB_JOB: 'key' } });
    const handoff = main.core.outputs['handoff']!;
    const fast = await run(runUse, 'use', world().useInputs(handoff), { clockOffsetMs: 63 * 60_000 });
    expect(fast.core.failed).toBeUndefined();
    const later = await run(runUse, 'use', world().useInputs(handoff), { clockOffsetMs: 66 * 60_000 });
    expect(later.core.failed).toMatch(/^The run's shared key .* expired at /);
  });

  it('names the handoff secret, not Pinecone credentials, when it is missing', async () => {
    const handoff = 'pek2.x';
    const fail = await run(runUse, 'use', { handoff, 'handoff-secret': '' });
    expect(fail.core.failed).toBe(
      'Missing handoff secret: handoff-secret (or env PINECONE_HANDOFF_SECRET) is empty. Pass the handoff secret the key job sealed the handoff with as input handoff-secret (secret PINECONE_HANDOFF_SECRET); for pull requests from forks, which get no secrets, set on-missing-credentials: skip.',
    );
    const skip = await run(runUse, 'use', { handoff, 'handoff-secret': '', 'on-missing-credentials': 'skip' });
    expect(skip.core.log).toEqual([
      '##[notice]Skipped: no handoff secret, as handoff-secret (or env PINECONE_HANDOFF_SECRET) is empty. Expected for pull requests from forks and for Dependabot, which get no secrets; no key was handed over.',
    ]);
    expect(skip.core.outputs).toEqual({ skipped: 'true' });
  });
});
