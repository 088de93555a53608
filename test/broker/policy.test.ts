// The broker's policy file: read with one line per mistake that names the field, and decisions on a token's claims
// (the first rule whose match holds decides; a request may ask for no more than it allows).
import { describe, expect, it } from 'vitest';
import { OUTSIDE_INPUT_EVENTS } from '../../src/broker/policy/admission.js';
import { decide } from '../../src/broker/policy/match.js';
import { readPolicy, withShares, type Claims } from '../../src/broker/policy/policy.js';

const POLICY = `
audience: https://pinecone-broker.example.com
sweep-interval: 2m
rules:
  - repository: octo-org/widgets
    repository-id: "123456789"
    ref: refs/heads/*
    event: [push, pull_request]
    workflow-ref: octo-org/widgets/.github/workflows/ci.yml@*
    project: shop-api-ci
    roles: [DataPlaneEditor, ControlPlaneViewer]
    max-ttl: 12h
  - repository: octo-org/*
    repository-owner-id: "4242"
    project: sandbox
    roles: [DataPlaneViewer]
`;
const WIDGETS: Claims = {
  repository: 'octo-org/widgets',
  repository_id: '123456789',
  repository_owner_id: '4242',
  ref: 'refs/heads/main',
  event_name: 'push',
  job_workflow_ref: 'octo-org/widgets/.github/workflows/ci.yml@refs/heads/main',
};
const HOUR = 3_600_000;

describe('broker policy', () => {
  const policy = readPolicy(POLICY);

  it('reads every field, with the defaults (GitHub as issuer, 6h as max-ttl)', () => {
    expect(policy).toMatchObject({
      audience: 'https://pinecone-broker.example.com',
      issuer: 'https://token.actions.githubusercontent.com',
      sweepIntervalMs: 2 * 60_000,
    });
    expect(policy.rules[0]).toMatchObject({
      repositoryId: '123456789',
      events: ['push', 'pull_request'],
      maxTtlMs: 12 * HOUR,
    });
    expect(policy.rules[1]!.maxTtlMs).toBe(6 * HOUR);
    expect(readPolicy(JSON.stringify({ audience: 'a', rules: [] })).rules).toEqual([]); // JSON is YAML too
  });

  it("matches the owner's numeric id when a rule names one (it survives a rename of the organization)", () => {
    const owned = readPolicy(`audience: a
rules:
  - repository: octo-org/*
    repository-owner-id: 4242
    project: p
    roles: [DataPlaneViewer]
`);
    const ask = { roles: ['DataPlaneViewer' as const], ttlMs: HOUR };
    expect(decide(owned, { ...WIDGETS, repository_owner_id: '4242' }, ask)).toMatchObject({ index: 0 });
    expect(decide(owned, { ...WIDGETS, repository_owner_id: '4243' }, ask)).toHaveProperty('refused');
    const { repository_owner_id: _, ...unowned } = WIDGETS;
    expect(decide(owned, unowned, ask)).toHaveProperty('refused'); // a token without the claim matches no such rule
    expect(() =>
      readPolicy(
        'audience: a\nrules:\n  - {repository: a/b, repository-owner-id: octo, project: p, roles: [DataPlaneViewer]}',
      ),
    ).toThrow('rules[0].repository-owner-id: a numeric owner id, in quotes (e.g. "123456789").');
  });

  it('decides by the first rule whose match holds, on the claims', () => {
    expect(decide(policy, WIDGETS, { roles: ['DataPlaneEditor'], ttlMs: HOUR })).toMatchObject({ index: 0 });
    const tag = { ...WIDGETS, ref: 'refs/tags/v1' };
    expect(decide(policy, tag, { roles: ['DataPlaneViewer'], ttlMs: HOUR })).toMatchObject({ index: 1 });
    const renamed = { ...WIDGETS, repository_id: '999' }; // a repository of the same name made after a rename
    expect(decide(policy, renamed, { roles: ['DataPlaneViewer'], ttlMs: HOUR })).toMatchObject({ index: 1 });
  });

  it("shares 16 of a project's assumed 20 keys among the rules without max-live-keys, leaving 4 to other keys", () => {
    const rule = (project: string, extra = '') =>
      `  - {repository: octo-org/widgets, repository-id: '1', project: ${project}, roles: [DataPlaneViewer]${extra}}\n`;
    const shares = (rules: string) => readPolicy(`audience: a\nrules:\n${rules}`).rules.map((r) => r.maxLiveKeys);
    expect(shares(rule('p'))).toEqual([16]);
    expect(shares(rule('p') + rule('p') + rule('q'))).toEqual([8, 8, 16]);
    expect(shares(rule('p', ', max-live-keys: 50') + rule('p'))).toEqual([50, 8]); // its own cap stands; the split still counts it
    expect(shares(Array.from({ length: 20 }, () => rule('p')).join(''))).toEqual(Array(20).fill(1)); // at least one
    // Once resolved at start, a project named by ID in one rule and by name in another is one project.
    const resolved = readPolicy(
      `audience: a\nrules:\n${rule('p') + rule('id-of-p') + rule('q', ', max-live-keys: 3')}`,
    );
    const ids: Record<string, string> = { p: 'id-of-p', 'id-of-p': 'id-of-p', q: 'id-of-q' };
    expect(withShares(resolved.rules, (r) => ids[r.project]!).map((r) => r.maxLiveKeys)).toEqual([8, 8, 3]);
  });

  it('refuses, in one line naming the rule and the limit, roles or a ttl beyond it (the project: test/broker/service.test.ts)', () => {
    expect(decide(policy, WIDGETS, { roles: ['ProjectEditor'], ttlMs: HOUR })).toEqual({
      refused:
        'rules[0] (octo-org/widgets) allows roles DataPlaneEditor, ControlPlaneViewer; asked for ProjectEditor beyond them.',
    });
    expect(decide(policy, WIDGETS, { roles: ['DataPlaneEditor'], ttlMs: 24 * HOUR })).toEqual({
      refused: 'rules[0] (octo-org/widgets) allows a ttl of at most 43200s; asked for 86400s.',
    });
  });

  it('refuses a repository no rule lists, naming repository, ref and event', () => {
    expect(
      decide(policy, { ...WIDGETS, repository: 'evil-org/widgets' }, { roles: ['DataPlaneViewer'], ttlMs: HOUR }),
    ).toEqual({
      refused: 'No rule of the policy lets repository evil-org/widgets have a key (ref refs/heads/main, event push).',
    });
  });

  describe('denies by default', () => {
    const ask = { roles: ['DataPlaneViewer' as const], ttlMs: HOUR };
    const main = readPolicy(`audience: https://broker.example.com
rules:
  - {repository: octo-org/widgets, repository-id: "123456789", ref: refs/heads/main, project: p, roles: [DataPlaneViewer]}
`);

    it.each(Object.keys(OUTSIDE_INPUT_EVENTS))(
      'a rule without event does not admit %s, which runs default-branch code on outside input',
      (event) => {
        const verdict = decide(main, { ...WIDGETS, event_name: event }, ask);
        expect(verdict).toEqual({
          refused: `No rule of the policy lets repository octo-org/widgets have a key (ref refs/heads/main, event ${event}; a rule admits ${event} only by listing it in event).`,
        });
        const listed = readPolicy(`audience: https://broker.example.com
rules:
  - {repository: octo-org/widgets, repository-id: "123456789", event: [${event}], project: p, roles: [DataPlaneViewer]}
`);
        expect(decide(listed, { ...WIDGETS, event_name: event }, ask)).toMatchObject({ index: 0 });
      },
    );

    it('a rule without event still admits push, pull_request, schedule and workflow_dispatch', () => {
      for (const event of ['push', 'pull_request', 'schedule', 'workflow_dispatch'])
        expect(decide(main, { ...WIDGETS, event_name: event }, ask)).toMatchObject({ index: 0 });
    });

    it.each([
      [
        'a rule that names no owner or repository id',
        '{repository: octo-org/widgets, project: p, roles: [DataPlaneViewer]}',
        "rules[0]: name repository-owner-id (the owner's numeric id: `gh api orgs/NAME --jq .id` (a user: `gh api users/NAME --jq .id`)) or repository-id (`gh api repos/OWNER/NAME --jq .id`); a name alone also matches a namesake under another owner.",
      ],
      [
        "repository '*' without the owner's id",
        "{repository: '*', repository-id: 1, workflow-ref: 'octo-org/ci/.github/workflows/k.yml@*', project: p, roles: [DataPlaneViewer]}",
        'rules[0].repository: "*" matches any owner; add repository-owner-id',
      ],
      [
        "an owner glob without the owner's id",
        "{repository: 'octo-*/widgets', repository-id: 1, project: p, roles: [DataPlaneViewer]}",
        'rules[0].repository: "octo-*/widgets" matches any owner; add repository-owner-id',
      ],
    ])('refuses at start %s, in one line that says how to find the id', (_, rule, line) => {
      expect(() => readPolicy(`audience: https://broker.example.com\nrules:\n  - ${rule}\n`)).toThrow(line);
    });

    it("takes repository '*' with the owner's id, for that owner's repositories only", () => {
      const any = readPolicy(`audience: https://broker.example.com
rules:
  - {repository: '*', repository-owner-id: 4242, workflow-ref: 'octo-org/ci/.github/workflows/k.yml@*', project: p, roles: [DataPlaneViewer]}
`);
      const caller = { ...WIDGETS, job_workflow_ref: 'octo-org/ci/.github/workflows/k.yml@refs/heads/main' };
      expect(decide(any, caller, ask)).toMatchObject({ index: 0 });
      expect(decide(any, { ...caller, repository: 'evil/x', repository_owner_id: '666' }, ask)).toHaveProperty(
        'refused',
      );
    });

    it.each([
      ['sts.amazonaws.com', "AWS STS's audience"],
      ['sts.eu-west-1.amazonaws.com', "AWS STS's audience"],
      ['api://AzureADTokenExchange', "Azure's workload identity's audience"],
      ['https://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/g', 'Google Cloud'],
      ['https://github.com/octo-org', "GitHub's default audience"],
      ['sigstore', "Sigstore's"],
    ])('refuses at start the audience %s, which another relying party takes', (audience, whose) => {
      const text = `audience: ${audience}\nrules: []\n`;
      expect(() => readPolicy(text)).toThrow(whose);
      expect(() => readPolicy(text)).toThrow(
        /^audience: ".*" is .*; give the broker one of its own, such as its URL\.$/,
      );
    });

    it("refuses a GHES instance's default audience too", () => {
      const text =
        'audience: https://ghe.example.com/octo-org\nissuer: https://ghe.example.com/_services/token\nrules: []';
      expect(() => readPolicy(text)).toThrow("GitHub's default audience (https://ghe.example.com/OWNER)");
    });
  });

  it.each([
    ['no audience', 'rules: []', 'audience: required.'],
    ['rules not a list', 'audience: a\nrules: x', 'rules: expected a list.'],
    [
      'an unknown role',
      'audience: a\nrules:\n  - {repository: a/b, repository-id: 1, project: p, roles: [Owner]}',
      'rules[0].roles[0]: unknown role "Owner".',
    ],
    [
      'no project',
      'audience: a\nrules:\n  - {repository: a/b, repository-id: 1, roles: [DataPlaneViewer]}',
      'rules[0].project: required.',
    ],
    [
      'a bad max-ttl',
      'audience: a\nrules:\n  - {repository: a/b, repository-id: 1, project: p, roles: [DataPlaneViewer], max-ttl: soon}',
      'rules[0].max-ttl "soon" is not a duration',
    ],
    [
      'a misspelt field',
      'audience: a\nrules:\n  - {repository: a/b, repository-id: 1, project: p, roles: [DataPlaneViewer], roless: x}',
      'rules[0].roless: unknown field.',
    ],
    [
      'a repository id that is not a number',
      'audience: a\nrules:\n  - {repository: a/b, repository-id: abc, project: p, roles: [DataPlaneViewer]}',
      'rules[0].repository-id: a numeric repository id',
    ],
    [
      'a max-keys-per-job that is not a whole number from 1',
      'audience: a\nrules:\n  - {repository: a/b, repository-id: 1, project: p, roles: [DataPlaneViewer], max-keys-per-job: 0}',
      'rules[0].max-keys-per-job: a whole number from 1 up (e.g. 2).',
    ],
    ['not YAML', 'audience: [', 'The policy file is not YAML'],
  ])('a bad file stops it with one line naming the field: %s', (_, text, line) => {
    expect(() => readPolicy(text)).toThrow(line);
  });
});
