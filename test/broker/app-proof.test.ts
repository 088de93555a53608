// What the GitHub App's answers prove to the broker's sweep, and what they cost. Only GitHub's word that a job
// completed, or its own 404 for a job whose run it sees, makes a key go before its expiry. A blind App, a proxy's
// 404, a refusal, a server error, a token GitHub would not give, a rate limit, a failing installation or a GitHub
// that does not answer prove nothing: expiry alone decides, the operator is told once, and GitHub is not asked
// again and again (a blind repository, a rate limit and a failed listing are each waited out).
import { afterEach, describe, expect, it } from 'vitest';
import { AppBroker } from '../support/app-broker.js';

const HOUR = 3_600_000;

describe("what the GitHub App's answers prove to the broker's sweep", () => {
  let app: AppBroker;
  afterEach(() => app.stop());

  it('an App blind to the runs proves nothing, and its repository is not asked about again for each key', async () => {
    app = await new AppBroker().start();
    app.github.runs.clear(); // neither job nor run: a 404 is all the App sees
    // 13 keys: the first 8 are asked at once (a job and a run look-up each); the rest meet the blind repository.
    const blind = Array.from({ length: 12 }, (_, i) =>
      app.plant(`bln${String(i).padStart(3, '0')}`, `${200 + i}`, 6 * HOUR),
    );
    const expired = app.plant('blnexp', '106', -HOUR);
    await app.startBroker();
    expect(app.left().sort()).toEqual(blind.map((key) => key.id).sort());
    expect(app.swept()).toEqual([[expired.id, 'expired']]);
    expect(app.asked('/actions/jobs/') + app.asked('/actions/runs/')).toBeLessThanOrEqual(2 * 8);
    const before = app.github.requests.length;
    await app.sweep();
    expect(app.github.requests.length).toBe(before);
    expect(app.told('cannot tell whether their jobs still run')).toHaveLength(1);
  });

  it.each([
    { mode: 'proxy-404' as const, told: /HTTP 404: <html><body>404 Not Found<\/body><\/html>/ },
    { mode: 'forbidden' as const, told: /HTTP 403: Resource not accessible by integration/ },
    { mode: 'error' as const, told: /HTTP 502: Server Error/ },
    // A proxy that repeats the request: the installation's token never reaches the operator's log.
    { mode: 'proxy-echo' as const, told: /HTTP 502: <html><body>Bad gateway\. Authorization: token \[redacted\]/ },
  ])('$mode proves nothing: a finished job keeps its key until expiry, told once', async ({ mode, told }) => {
    app = await new AppBroker().start({ mode });
    app.github.jobs.set('110', 'completed');
    const kept = app.plant('prf001', '110', 6 * HOUR);
    const expired = app.plant('prf002', '111', -HOUR);
    await app.startBroker();
    expect(app.left()).toEqual([kept.id]);
    expect(app.swept()).toEqual([[expired.id, 'expired']]);
    const lines = app.told('GitHub could not say whether a job');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(told);
    expect(app.output()).not.toMatch(/ghs_|eyJ/);
  });

  it('a token GitHub would not give proves nothing: a running job is not judged by a 404 of the token request', async () => {
    app = await new AppBroker().start();
    app.github.jobs.set('112', 'in_progress');
    app.github.app!.tokenFailures = 1; // the first installation token answers 404, the next 201
    const live = app.plant('tok001', '112', 6 * HOUR);
    await app.startBroker();
    expect(app.left()).toEqual([live.id]);
    expect(app.told('the App got no installation token: HTTP 404')).toHaveLength(1);
  });

  it.each([
    { mode: 'rate-limited' as const, pause: 'for 3600 s' }, // reset far off: an hour at most
    { mode: 'secondary-limit' as const, pause: 'for 60 s' }, // retry-after: 60
  ])('a rate limit ($mode) is waited out without asking: expiry alone decides, told once', async ({ mode, pause }) => {
    app = await new AppBroker().start({ mode });
    app.github.jobs.set('108', 'completed');
    const over = app.plant('rtl001', '108', 6 * HOUR);
    const expired = app.plant('rtl002', '109', -HOUR);
    await app.startBroker();
    const before = app.github.requests.length;
    await app.sweep();
    expect(app.github.requests.length).toBe(before); // paused: nothing asked
    expect(app.left()).toEqual([over.id]);
    expect(app.swept()).toEqual([[expired.id, 'expired']]);
    const told = app.told('GitHub rate-limits');
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(pause);
  });

  it("an installation whose repositories cannot be listed does not blind the App to the others'", async () => {
    app = await new AppBroker().start();
    app.github.app!.installations = new Map([
      ['broken-org', 5],
      ['octo-org', 77],
    ]);
    app.github.app!.failingInstallations = new Set([5]);
    app.github.jobs.set('113', 'completed');
    const over = app.plant('ins001', '113', 6 * HOUR);
    await app.startBroker();
    expect(app.swept()).toEqual([[over.id, 'its job is over, GitHub says']]);
    expect(app.told("could not list the repositories of the App's installation 5")).toHaveLength(1);
  });

  it('a GitHub that does not answer holds a sweep 5 s, and a failed listing is not sent again at each key', async () => {
    app = await new AppBroker().start({ mode: 'hang' });
    app.github.jobs.set('114', 'completed');
    const over = app.plant('hng001', '114', 6 * HOUR);
    const expired = app.plant('hng002', '115', -HOUR);
    const started = Date.now();
    await app.startBroker();
    expect(Date.now() - started).toBeLessThan(9_000);
    expect(app.left()).toEqual([over.id]);
    expect(app.swept()).toEqual([[expired.id, 'expired']]);
    expect(app.asked('/app/installations')).toBe(1);
    expect(app.told('did not answer within 5 s')).toHaveLength(1);
  }, 20_000);

  it("job look-ups that hang spend 10 s of a sweep at most; the keys left are judged by expiry, Pinecone's budget untouched", async () => {
    app = await new AppBroker().start({ hangJobs: true });
    const live = Array.from({ length: 40 }, (_, index) =>
      app.plant(`liv${String(index).padStart(3, '0')}`, String(200 + index), 6 * HOUR),
    );
    const expired = app.plant('exp001', '300', -HOUR); // listed last: judged after GitHub's time is spent
    const started = Date.now();
    await app.startBroker();
    expect(Date.now() - started).toBeLessThan(14_000); // 2 rounds of 8 look-ups (5 s each) fill the 10 s, then none
    expect(app.swept()).toEqual([[expired.id, 'expired']]);
    expect(app.left().sort()).toEqual(live.map((key) => key.id).sort());
    expect(app.asked('/actions/jobs/')).toBeLessThanOrEqual(16);
  }, 40_000);
});
