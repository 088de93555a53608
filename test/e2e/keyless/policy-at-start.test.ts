// Deny by default at start, against the committed broker bundle as its own process: a policy whose rule names no
// owner or repository id, `repository: '*'` without the owner's id, and an audience that another relying party takes
// each stop the start with exit code 2 and one line naming the file and the field. The build before issue #28
// started with each of them and minted: for a namesake repository under another owner, for any owner's caller of
// the organization's reusable workflow, for tokens another service accepts. With the owner's id, the same rules
// refuse another owner's tokens and mint for the owner's.
import { describe, expect, it } from 'vitest';
import { NODES } from '../../runner/runner.js';
import { RUN_CLAIMS } from '../../support/broker.js';
import { mintAsNewJob, policyOf, startFails, stoppedAtStart } from './policies.js';
import { keylessPerTest } from './keyless-world.js';

const HOW = "the owner's numeric id: `gh api orgs/NAME --jq .id` (a user: `gh api users/NAME --jq .id`)";
const NO_ID = `rules[0]: name repository-owner-id (${HOW}) or repository-id (\`gh api repos/OWNER/NAME --jq .id\`); a name alone also matches a namesake under another owner.`;
// The organization's reusable workflow: a public one is callable from any repository of any owner.
const REUSABLE = 'octo-org/ci/.github/workflows/keyless.yml';
// A repository of the same name under another owner (the organization renamed, its old name taken).
const NAMESAKE = { repository_owner_id: '31337', repository_id: '555000111' };
const STRANGER = {
  repository: 'evil-org/app',
  repository_owner: 'evil-org',
  repository_owner_id: '666',
  repository_id: '666000111',
};

describe.each(NODES)('the broker process refuses a permissive policy at start on $name', ({ path: node }) => {
  const { world, issuer, startBroker } = keylessPerTest(node);

  const rule = (fields: string) =>
    `  - ${fields}\n    project: ${world().project.name}\n    roles: [DataPlaneViewer]\n    max-ttl: 1h\n`;
  const refusedNoRule = (repository: string) => ({
    status: 400,
    body: {
      error: 'invalid_grant',
      error_description: `No rule of the policy lets repository ${repository} have a key (ref refs/heads/main, event push).`,
    },
  });

  it("stops on a rule matched by repository name alone; with the owner's id a namesake is refused, the owner's mints", async () => {
    const byName = `repository: ${RUN_CLAIMS.repository}\n    ref: refs/heads/*`;
    expect(await startFails(world(), policyOf(issuer(), rule(byName)), node)).toMatch(stoppedAtStart(NO_ID));

    const owned = policyOf(issuer(), rule(`${byName}\n    repository-owner-id: '4242'`));
    const broker = await startBroker(owned);
    expect(await mintAsNewJob(broker, issuer(), NAMESAKE)).toEqual(refusedNoRule(RUN_CLAIMS.repository));
    expect(world().emulator.keysIn(world().project.id)).toEqual([]);
    expect((await mintAsNewJob(broker, issuer(), {})).status).toBe(200);
    expect(world().emulator.keysIn(world().project.id)).toHaveLength(1);
  });

  it("stops on repository '*' without the owner's id; with it, another owner's caller of the reusable workflow is refused", async () => {
    const anyCaller = `repository: '*'\n    workflow-ref: '${REUSABLE}@*'`;
    expect(await startFails(world(), policyOf(issuer(), rule(anyCaller)), node)).toMatch(stoppedAtStart(NO_ID));
    // A repository id does not pin the owner of a glob: '*' needs the owner's.
    expect(await startFails(world(), policyOf(issuer(), rule(`${anyCaller}\n    repository-id: '1'`)), node)).toMatch(
      stoppedAtStart(`rules[0].repository: "*" matches any owner; add repository-owner-id (${HOW}).`),
    );

    const owned = policyOf(issuer(), rule(`${anyCaller}\n    repository-owner-id: '4242'`));
    const broker = await startBroker(owned);
    const calls = { job_workflow_ref: `${REUSABLE}@refs/heads/main` };
    expect(await mintAsNewJob(broker, issuer(), { ...STRANGER, ...calls })).toEqual(refusedNoRule(STRANGER.repository));
    expect(world().emulator.keysIn(world().project.id)).toEqual([]);
    expect((await mintAsNewJob(broker, issuer(), calls)).status).toBe(200);
    expect(world().emulator.keysIn(world().project.id)).toHaveLength(1);
  });

  it.each([
    ['sts.amazonaws.com', "AWS STS's audience"],
    ['api://AzureADTokenExchange', "Azure's workload identity's audience"],
    [
      'https://github.com/octo-org',
      "GitHub's default audience (https://github.com/OWNER), which every token of the owner's jobs carries",
    ],
  ])('stops on the audience %s, which another relying party takes', async (audience, whose) => {
    const owned = rule(`repository: ${RUN_CLAIMS.repository}\n    repository-owner-id: '4242'`);
    expect(await startFails(world(), policyOf(issuer(), owned, audience), node)).toMatch(
      stoppedAtStart(`audience: "${audience}" is ${whose}; give the broker one of its own, such as its URL.`),
    );
  });
});
