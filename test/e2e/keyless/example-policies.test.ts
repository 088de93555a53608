// The example policies as written in README.md, docs/BROKER.md and the e2e workflow's keyless job, read from those
// files (not copied here) and run by the committed broker bundle as its own process: each admits a pull request of the
// repository (whose ref is refs/pull/N/merge, not a branch), and none admits pull_request_target. Only what ties an
// example to the test world is changed: its audience, its issuer, its project.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { NODES, ROOT } from '../../runner/runner.js';
import { AUDIENCE, decisions, RUN_CLAIMS } from '../../support/broker.js';
import type { World } from '../../support/fixture.js';
import type { OidcIssuer } from '../../support/oidc-issuer.js';
import { mintAsNewJob } from './policies.js';
import { keylessPerTest } from './keyless-world.js';

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** The documentation's policy block: the ```yaml block that starts with `# broker policy` (as workflows.test.ts). */
function markdownPolicy(file: string): string {
  const block = [...read(file).matchAll(/```yaml\n([\s\S]*?)```/g)].find((m) => m[1]!.startsWith('# broker policy'));
  if (!block) throw new Error(`${file} has no # broker policy block`);
  return block[1]!;
}

/** GitHub's expressions the keyless job's policy is made of, as the test run's (its project: the world's, below). */
const EXPRESSIONS: Record<string, string> = {
  '${{ github.repository }}': RUN_CLAIMS.repository,
  '${{ github.repository_id }}': RUN_CLAIMS.repository_id,
  '${{ secrets.PINECONE_PROJECT_ID }}': 'the-project',
};

/** The policy the e2e workflow's keyless job writes: its step's printf, run on the step's env. */
function workflowPolicy(): string {
  type Step = { run?: string; env?: Record<string, string> };
  const job = (parse(read('.github/workflows/e2e.yml')) as { jobs: { keyless: { steps: Step[] } } }).jobs.keyless;
  const step = job.steps.find((s) => s.run?.includes('PINECONE_BROKER_CONFIG'));
  const printf = /printf '([^']*)' \\\n\s*([^>\n]*)>/.exec(step?.run ?? '');
  if (!step || !printf) throw new Error("the keyless job's policy is no longer one printf");
  const args = [...printf[2]!.matchAll(/"\$(\w+)"/g)].map(([, name]) => {
    const value = EXPRESSIONS[step.env?.[name!] ?? ''];
    if (value === undefined) throw new Error(`unknown in the keyless job's policy: ${name}`);
    return value;
  });
  return printf[1]!.replace(/\\n/g, '\n').replace(/%s/g, () => args.shift()!);
}

/**
 * The one substitution: the example's audience and issuer become the test world's (the fake issuer's tokens,
 * server-url saying they are github.com's runs, as GitHub's issuer would), and every rule's project the world's
 * project's ID. Nothing else of the example changes.
 */
function inTestWorld(example: string, issuer: OidcIssuer, world: World): string {
  const lines = example.split('\n').filter((line) => !/^(issuer|server-url):/.test(line));
  const at = lines.findIndex((line) => line.startsWith('audience:'));
  if (at < 0) throw new Error('the example has no audience');
  lines.splice(at, 1, `audience: ${AUDIENCE}`, `issuer: ${issuer.url}`, 'server-url: https://github.com');
  return lines.join('\n').replace(/^(\s+project:) [^\s#]+/gm, `$1 ${world.project.id}`);
}

const WIDGETS = {
  repository: 'octo-org/widgets',
  repository_owner: 'octo-org',
  repository_owner_id: '4242',
  repository_id: '123456789',
  job_workflow_ref: 'octo-org/widgets/.github/workflows/ci.yml@refs/pull/12/merge',
};
const EXAMPLES = [
  // README's workflow beside its policy runs on push and pull_request: the rule lists both events.
  {
    source: 'README.md',
    policy: () => markdownPolicy('README.md'),
    claims: WIDGETS,
    scope: 'DataPlaneEditor',
  },
  {
    source: 'docs/BROKER.md',
    policy: () => markdownPolicy('docs/BROKER.md'),
    claims: WIDGETS,
    scope: 'DataPlaneViewer',
  },
  {
    source: '.github/workflows/e2e.yml',
    policy: workflowPolicy,
    claims: {},
    scope: 'DataPlaneViewer',
  },
];
const PULL_REQUEST = { event_name: 'pull_request', ref: 'refs/pull/12/merge' };
const TARGET = { event_name: 'pull_request_target', ref: 'refs/heads/main' };

describe.each(NODES)('the example policies in the broker process on $name', ({ path: node }) => {
  const { world, issuer, startBroker } = keylessPerTest(node);

  const noRule = (claims: JWTPayload, event: string, ref: string, hint = '') => ({
    status: 400,
    body: {
      error: 'invalid_grant',
      error_description: `No rule of the policy lets repository ${(claims['repository'] as string | undefined) ?? RUN_CLAIMS.repository} have a key (ref ${ref}, event ${event}${hint}).`,
    },
  });

  it.each(EXAMPLES)('$source: pull requests of the repository mint, pull_request_target never', async (example) => {
    const b = await startBroker(inTestWorld(example.policy(), issuer(), world()));
    const claims: JWTPayload = example.claims;
    const scope = { scope: example.scope }; // a role each example's rule gives
    const target = await mintAsNewJob(b, issuer(), { ...claims, ...TARGET }, scope);
    const hint = '; a rule admits pull_request_target only by listing it in event';
    // Soft: a failure here still shows what the example does with a pull request below.
    expect.soft(target).toEqual(noRule(claims, TARGET.event_name, TARGET.ref, hint));
    expect.soft(world().emulator.requestsFor('create-key')).toEqual([]);

    const pull = await mintAsNewJob(b, issuer(), { ...claims, ...PULL_REQUEST }, scope);
    expect(pull.status, JSON.stringify(pull.body)).toBe(200);
    expect(
      world()
        .emulator.keysIn(world().project.id)
        .map((key) => key.id),
    ).toEqual([pull.body['key_id']]);
    expect(decisions(b)).toContainEqual(
      expect.objectContaining({ action: 'mint', outcome: 'minted', ref: PULL_REQUEST.ref }),
    );
    expect(b.output()).not.toContain(String(pull.body['access_token']));
  });
});
