// The broker's sweep with a GitHub App (GitHub's App endpoints emulated over HTTP, the App's JWT checked with its
// public key): a key whose job is over goes at once, whatever its expiry; a job that still runs keeps its key past
// its expiry, up to the hard cap; kept keys are not asked about; a repository is found by its id on any page of any
// installation. What GitHub cannot prove is in app-proof.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { AppBroker } from '../support/app-broker.js';
import { RUN_REF } from '../support/broker.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each([
  { where: 'github.com', basePath: '' },
  { where: 'GitHub Enterprise Server', basePath: '/api/v3' },
])("the broker's sweep with a GitHub App on $where", ({ basePath }) => {
  let app: AppBroker;
  afterEach(() => app.stop());

  it("deletes a finished job's key at once, keeps a running job's past its expiry (up to 3 days), asks nothing of kept keys", async () => {
    app = await new AppBroker().start({ basePath });
    app.github.jobs.set('101', 'completed');
    app.github.jobs.set('102', 'in_progress');
    const over = app.plant('ovr001', '101', 6 * HOUR);
    const running = app.plant('run001', '102', -HOUR);
    const capped = app.plant('cap001', '102', -4 * DAY);
    // Kept keys of a job of their own, which is over: a look-up for them would show (and not hide in job 101's).
    app.github.jobs.set('199', 'completed');
    const kept = app.plant('kpt001', '199', 6 * HOUR, 'kept');
    const keptExpired = app.plant('kpt002', '199', -HOUR, 'kept');
    await app.startBroker();
    expect(app.left().sort()).toEqual([running.id, kept.id].sort());
    expect(app.swept()).toEqual(
      expect.arrayContaining([
        [over.id, 'its job is over, GitHub says'],
        [capped.id, 'expired more than 3 days ago, though its job still runs'],
        [keptExpired.id, 'expired'],
      ]),
    );
    expect(app.asked('/actions/jobs/')).toBe(2); // one look-up per job, none for the kept keys
    // The installation's token, from the App's JWT; the repository found by its id among the installation's.
    // (Asked 8 at a time: in either order.)
    const lookups = app.github.requests.filter((request) => request.path.includes('/actions/jobs/'));
    expect(lookups.map((lookup) => lookup.path).sort()).toEqual(
      ['101', '102'].map((job) => `${basePath}/repos/octo-org/shop-api/actions/jobs/${job}`),
    );
    for (const lookup of lookups) expect(lookup.authorization).toMatch(/^token ghs_installation_77_/);
    // A job that runs is asked about again only after BROKER_SWEEP_JOB_RECHECK_MS, not at every sweep.
    await app.sweep();
    expect(app.asked('/actions/jobs/')).toBe(2);
    expect(app.asked('/app/installations')).toBe(2); // one listing (per_page, page 1), one token
  });

  it('a job GitHub no longer knows, in a run the App sees, is over', async () => {
    app = await new AppBroker().start({ basePath });
    const gone = app.plant('gon001', '103', 6 * HOUR); // RUN_CLAIMS' run is known (in progress), job 103 is not
    await app.startBroker();
    expect(app.left()).not.toContain(gone.id);
    expect(app.swept()).toEqual([[gone.id, 'its job is over, GitHub says']]);
  });

  it('a repository the App is not installed on: expiry alone decides, told once, and the list is not read again at once', async () => {
    app = await new AppBroker().start({ basePath });
    app.github.jobs.set('106', 'completed');
    const elsewhere = app.plant('els001', '106', 6 * HOUR, 'job', '5550001');
    const elsewhereExpired = app.plant('els002', '106', -HOUR, 'job', '5550002');
    await app.startBroker();
    await app.sweep();
    expect(app.left()).toEqual([elsewhere.id]);
    expect(app.swept()).toEqual([[elsewhereExpired.id, 'expired']]);
    expect(app.asked('/actions/jobs/')).toBe(0);
    expect(app.asked('/installation/repositories')).toBe(1);
    expect(app.told('not installed on repository 5550001')).toHaveLength(1);
  });

  it("finds a repository on any page of any installation's list", async () => {
    app = await new AppBroker().start({ basePath });
    const many = (installation: number, count: number) =>
      Array.from({ length: count }, (_, index) => ({
        id: installation * 1000 + index,
        full_name: `org${installation}/r${index}`,
      }));
    app.github.app!.installations = new Map([
      ['other-org', 5],
      ['octo-org', 77],
    ]);
    app.github.app!.repositories = new Map([
      [5, many(5, 120)],
      [77, [...many(77, 230), { id: Number(RUN_REF.repositoryId), full_name: 'octo-org/shop-api' }]],
    ]);
    app.github.jobs.set('107', 'completed');
    app.plant('pag001', '107', 6 * HOUR);
    await app.startBroker();
    expect(app.left()).toEqual([]);
    expect(app.asked('/installation/repositories')).toBe(2 + 3); // 120 in two pages, 231 in three
  });
});
