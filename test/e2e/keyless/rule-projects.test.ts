// A rule's project, end to end: the committed bundle as a process. Every rule's project is resolved at start, and a
// missing or ambiguous one (a namesake that appeared before a restart) stops the start in one line with exit code 2.
// A project that goes away while the broker runs is the operator's business: its decision line says what happened,
// a caller of that rule gets a generic line that names no project, and the sweep goes on in the other projects.
import { beforeEach, describe, expect, it } from 'vitest';
import { NODES } from '../../runner/runner.js';
import { brokerKey, decisions, JOB_CLAIMS, mintWithToken, post, RUN_REF, sweeps } from '../../support/broker.js';
import { AUDIENCE, oldAndNewPolicy } from './calls.js';
import { keylessPerTest } from './keyless-world.js';
import { stoppedAtStart } from './policies.js';

const HOUR = 3_600_000;
const GENERIC = "The broker cannot use its rule's project now; its operator has been told. Ask again later.";

describe.each(NODES)("a rule's project on $name", ({ path: node }) => {
  const { world, issuer, broker, startBroker } = keylessPerTest(node, { claims: JOB_CLAIMS });

  const start = (policy: string) =>
    startBroker(policy).then(
      () => 'started',
      (error: Error) => error.message,
    );

  it('stops the start in one line, exit code 2, when a rule names a project the service account does not see', async () => {
    const policy = oldAndNewPolicy(issuer(), world()).replace(
      `project: ${world().project.name}`,
      'project: shop-api-gone',
    );
    expect(await start(policy)).toMatch(
      stoppedAtStart(
        `rules[0].project: the service account sees no project named or with the ID "shop-api-gone"; give the ID of one it sees (Pinecone's console, or GET /admin/projects).`,
      ),
    );
    expect(world().emulator.keysIn()).toEqual([]);
  });

  it('stops the start after a restart once a namesake of a rule’s project appeared, naming both IDs', async () => {
    expect(await start(oldAndNewPolicy(issuer(), world()))).toBe('started');
    expect((await mintWithToken(broker().url, await issuer().token(AUDIENCE), 'nam001')).status).toBe(200);
    await broker().stop();
    const namesake = world().emulator.addProject(world().project.name);
    expect(await start(oldAndNewPolicy(issuer(), world()))).toMatch(
      stoppedAtStart(
        `rules[0].project: 2 projects are named "shop-api-ci" (${world().project.id}, ${namesake.id}); give the ID of the one meant.`,
      ),
    );
    expect(world().emulator.keysIn(namesake.id)).toEqual([]);
  });

  describe('gone while the broker runs', () => {
    let second: { id: string; name: string };
    let hidden: { id: string; name: string };
    // Two rules in two projects, by name; the service account sees a third project no rule names.
    const twoRules = () =>
      oldAndNewPolicy(
        issuer(),
        world(),
        `  - repository: octo-org/shop-web
    repository-owner-id: '4242'
    project: second-ci
    roles: [DataPlaneViewer]
`,
        '1s',
      );
    beforeEach(() => {
      second = world().emulator.addProject('second-ci');
      hidden = world().emulator.addProject('payroll-prod');
    });

    describe.each([
      ['resolved at start', false],
      ['not yet resolved: the list at start failed', true],
    ])('%s', (_, listFailsAtStart) => {
      beforeEach(async () => {
        if (listFailsAtStart) world().emulator.inject({ op: 'list-projects', status: 403, times: 1_000 });
        expect(await start(twoRules())).toBe('started');
        world().emulator.removeProject(world().project.id); // the first rule's project, with everything in it
        world().emulator.faults.clear();
      });

      it("answers that rule's callers in a line naming no project, and tells the operator", async () => {
        const token = await issuer().token(AUDIENCE);
        const answers = [
          await mintWithToken(broker().url, token, 'gon001'),
          await post(broker().url, '/revoke', { subject_token: token, nonce: 'gon001' }),
        ];
        for (const answer of answers) {
          for (const named of [world().project, second, hidden])
            for (const word of [named.id, named.name]) expect(JSON.stringify(answer.body)).not.toContain(word);
          expect(answer).toEqual({
            status: 503,
            body: { error: 'temporarily_unavailable', error_description: GENERIC },
          });
        }
        expect(decisions(broker()).filter((line) => line['repository'] === 'octo-org/shop-api')).toEqual(
          ['mint', 'revoke'].map((action): unknown =>
            expect.objectContaining({
              action,
              outcome: 'error',
              rule: 'rules[0] (octo-org/shop-api)',
              reason: expect.stringMatching(new RegExp(`"shop-api-ci"|${world().project.id}`)),
            }),
          ),
        );
      });

      it("sweeps the other rule's project all the same, and tells the operator of the one gone", async () => {
        const run = { ...RUN_REF, repositoryId: '829301756', runId: '555' };
        const expired = brokerKey(world(), {
          base: 'gha-web',
          run,
          expiresInMs: -HOUR,
          nonce: 'swp001',
          projectId: second.id,
        });
        const before = decisions(broker()).length;
        const done = decisions(broker()).filter((line) => line['action'] === 'sweep' && line['outcome'] === 'done');
        await sweeps(broker(), done.length + 2); // at least one whole sweep after the key was added
        const since = decisions(broker()).slice(before);
        expect(world().emulator.keysIn(second.id)).toEqual([]);
        expect(since).toContainEqual(
          expect.objectContaining({ action: 'sweep', outcome: 'deleted', key_id: expired.id, reason: 'expired' }),
        );
        expect(since).toContainEqual(
          expect.objectContaining({
            action: 'sweep',
            outcome: 'error',
            reason: expect.stringMatching(new RegExp(`"shop-api-ci"|${world().project.id}`)),
          }),
        );
      });
    });
  });
});
