// action.yml, sweep/action.yml, every workflow and every YAML example in the README, parsed and checked with
// @actions/workflow-parser (the parser behind GitHub's own workflow tooling), plus what it cannot know: that
// every `with:` of this action names a real input, and that third-party actions are pinned by SHA.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import { readPolicy } from '../../src/broker/policy/policy.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { READMES } from '../../scripts/docs-tables.js';
import { ACTIONS as STEPS_ACTIONS } from '../../scripts/steps.js';
import { ROOT } from '../runner/runner.js';
import { tool } from '../support/tools.js';

type Step = { uses?: string; with?: Record<string, unknown> };
type Workflow = { jobs: Record<string, { steps?: Step[] }> };
type Action = { inputs: Record<string, { required?: boolean; default?: string }> };

// Keyed as `uses:` names them: the main action is `main`.
const ACTIONS = Object.fromEntries(
  Object.entries(STEPS_ACTIONS).map(([name, file]) => [name === 'action' ? 'main' : name, file]),
);
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const workflows = readdirSync(join(ROOT, '.github/workflows')).map((name) => ({
  name: `.github/workflows/${name}`,
  content: read(`.github/workflows/${name}`),
}));
// Every YAML example of the documentation: the front page, the sub-actions' READMEs and docs/.
const DOCS = [
  'README.md',
  ...READMES.filter((file) => file !== 'README.md'),
  ...readdirSync(join(ROOT, 'docs')).map((f) => `docs/${f}`),
];
const blocks = DOCS.flatMap((doc) =>
  [...read(doc).matchAll(/```yaml\n([\s\S]*?)```/g)].map((match, i) => ({
    name: `${doc} example ${i + 1}`,
    content: match[1]!,
  })),
);
/**
 * A block that starts with `# broker policy` is a policy file of the keyless broker, one that starts with
 * `# kubernetes` a manifest excerpt (YAML, nothing more to check); every other one is a workflow.
 */
const POLICY_MARK = '# broker policy';
const MANIFEST_MARK = '# kubernetes';
const examples = blocks.filter(
  (block) => !block.content.startsWith(POLICY_MARK) && !block.content.startsWith(MANIFEST_MARK),
);
const policies = blocks.filter((block) => block.content.startsWith(POLICY_MARK));
const manifests = blocks.filter((block) => block.content.startsWith(MANIFEST_MARK));

describe.each(manifests)('$name', (block) => {
  it('is YAML', () => {
    expect(() => void parse(block.content, { prettyErrors: true })).not.toThrow();
  });
});

describe.each(policies)('$name', (block) => {
  it('is a policy the broker reads', () => {
    expect(readPolicy(block.content).rules.length).toBeGreaterThan(0);
  });
});

async function workflowErrors(file: { name: string; content: string }): Promise<string[]> {
  const parsed = parseWorkflow(file, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((error) => error.message);
  if (errors.length > 0 || !parsed.value) return errors;
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return (template.errors ?? []).map((error) => error.Message);
}

/** Which of our actions a `uses:` names, if any. */
function ourAction(uses: string): string | undefined {
  if (uses === './' || /^OWNER\/pinecone-ephemeral-key@/.test(uses)) return 'main';
  const sub = /^(?:\.\/|OWNER\/pinecone-ephemeral-key\/)(sweep|use|revoke|preview)(?:@|$)/.exec(uses);
  return sub?.[1];
}

describe('action metadata', () => {
  it.each(Object.values(ACTIONS))('%s is valid against the action schema', (file) => {
    const parsed = parseAction({ name: file, content: read(file) }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((error) => error.message)).toEqual([]);
  });
});

describe.each([...workflows, ...examples])('$name', (file) => {
  it('is a complete, valid workflow', async () => {
    expect(await workflowErrors(file)).toEqual([]);
  });

  it("uses this action's inputs only, with the required ones", () => {
    const workflow = parse(file.content) as Workflow;
    for (const [job, { steps = [] }] of Object.entries(workflow.jobs)) {
      for (const step of steps) {
        const action = step.uses && ourAction(step.uses);
        if (!action) continue;
        const { inputs } = parse(read(ACTIONS[action]!)) as Action;
        const given = Object.keys(step.with ?? {});
        expect(
          given.filter((name) => !(name in inputs)),
          `${job}: ${step.uses}`,
        ).toEqual([]);
        const missing = Object.entries(inputs).filter(([name, spec]) => spec.required && !given.includes(name));
        expect(
          missing.map(([name]) => name),
          `${job}: ${step.uses}`,
        ).toEqual([]);
      }
    }
  });
});

type Permissions = Record<string, string> | string | undefined;
type PermittedWorkflow = {
  permissions?: Permissions;
  jobs: Record<string, { permissions?: Permissions; steps?: Step[] }>;
};

/** What a job's token may do: its own block, else the workflow's (`undefined`: neither says, the repository decides). */
function granted(workflow: PermittedWorkflow, job: string): Permissions {
  return workflow.jobs[job]!.permissions ?? workflow.permissions;
}
const allows = (permissions: Permissions, scope: string, level: 'read' | 'write') =>
  permissions === `${level}-all` ||
  permissions === 'write-all' ||
  (typeof permissions === 'object' && (permissions[scope] === level || permissions[scope] === 'write'));

describe.each(examples.filter((block) => /uses: OWNER\/pinecone-ephemeral-key/.test(block.content)))(
  '$name',
  (block) => {
    it('carries the permissions its steps need (actions: read to ask about runs, pull-requests: read about pull requests, id-token: write for the broker)', () => {
      const workflow = parse(block.content) as PermittedWorkflow;
      for (const [job, { steps = [] }] of Object.entries(workflow.jobs)) {
        const ours = steps.filter((step) => step.uses && ourAction(step.uses));
        if (ours.length === 0) continue;
        const permissions = granted(workflow, job);
        expect(permissions, `${job}: a permissions block`).toBeDefined();
        for (const step of ours) {
          const action = ourAction(step.uses!);
          if (step.with?.['broker-url']) expect(allows(permissions, 'id-token', 'write'), job).toBe(true);
          else if (action === 'main' || action === 'sweep')
            expect(allows(permissions, 'actions', 'read'), `${job}: actions: read`).toBe(true);
          if (action === 'main' && step.with?.['lifetime'] === 'pull-request')
            expect(allows(permissions, 'pull-requests', 'read'), `${job}: pull-requests: read`).toBe(true);
        }
        if (steps.some((step) => step.uses?.startsWith('actions/checkout@')))
          expect(allows(permissions, 'contents', 'read'), `${job}: contents: read for the checkout`).toBe(true);
      }
    });
  },
);

describe.each(workflows)('$name', (file) => {
  it('pins third-party actions by commit SHA', () => {
    const uses = [...file.content.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)/gm)].map((match) => match[1]!);
    expect(uses.filter((ref) => !ref.startsWith('./') && !/@[0-9a-f]{40}$/.test(ref))).toEqual([]);
  });
});

/** Every `run:` script of a workflow, with `${{ … }}` expressions as the runner would leave a plain word. */
function runScripts(content: string): Array<{ where: string; script: string }> {
  const workflow = parse(content) as { jobs: Record<string, { steps?: Array<{ run?: string }> }> };
  return Object.entries(workflow.jobs).flatMap(([job, { steps = [] }]) =>
    steps.flatMap((step, i) =>
      step.run ? [{ where: `${job} step ${i + 1}`, script: step.run.replace(/\$\{\{[^}]*\}\}/g, 'X') }] : [],
    ),
  );
}

// shellcheck comes from Debian's package (.ci/run installs it); CI must have it, a developer's machine may not.
const shellcheck = tool({ command: 'shellcheck', install: 'apt-get install shellcheck' });
describe.each(workflows)('$name', (file) => {
  it('has run: scripts that shellcheck finds nothing in', (ctx) => {
    shellcheck.need(ctx);
    for (const { where, script } of runScripts(file.content)) {
      const result = spawnSync('shellcheck', ['--shell=bash', '-'], { input: script, encoding: 'utf8' });
      expect(result.stdout, where).toBe('');
    }
  });
});

const SCRIPTS = readdirSync(join(ROOT, '.github/scripts')).map((name) => `.github/scripts/${name}`);
describe.skipIf(!shellcheck && !process.env['CI'])('scripts the workflows run', () => {
  it.each(SCRIPTS)('%s: shellcheck finds nothing', (script) => {
    const result = spawnSync('shellcheck', [join(ROOT, script)], { encoding: 'utf8' });
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('the checks catch mistakes', () => {
  it('shellcheck flags an unused loop variable', (ctx) => {
    shellcheck.need(ctx);
    const result = spawnSync('shellcheck', ['--shell=bash', '-'], {
      input: 'for i in 1 2; do sleep 1; done\n',
      encoding: 'utf8',
    });
    expect(result.stdout).toContain('SC2034');
  });

  it('a misspelt key, a missing runs-on, an unknown input', async () => {
    expect(
      await workflowErrors({ name: 'bad', content: 'on: push\njobs:\n  a:\n    step:\n      - run: x\n' }),
    ).not.toEqual([]);
    const parsed = parseAction(
      { name: 'bad', content: 'name: x\ndescription: y\nruns:\n  using: node99\n  main: a.js\n' },
      new NoOperationTraceWriter(),
    );
    expect(parsed.context.errors.getErrors()).not.toEqual([]);
    expect(ourAction('OWNER/pinecone-ephemeral-key@v1')).toBe('main');
  });
});

/** Commands that install or run packages (and their install scripts). */
const PACKAGE_RUNNERS = /\b(npm|npx|yarn|pnpm|tsx|pip3?|pipx)\b/;

/** What each job may do with its GITHUB_TOKEN: the least it needs (job-level permissions over the workflow's). */
const LEAST_PERMISSIONS: Record<string, Record<string, Record<string, string>>> = {
  'check-dist.yml': { 'check-dist': { contents: 'read' } },
  'ci.yml': { '*': { contents: 'read' } },
  'codeql.yml': { analyze: { contents: 'read', 'security-events': 'write' } },
  'e2e.yml': { '*': { contents: 'read' }, keyless: { contents: 'read', 'id-token': 'write' } },
  'release.yml': {
    build: { contents: 'read' },
    publish: { contents: 'write', 'id-token': 'write', attestations: 'write' },
  },
  'self-test.yml': { '*': { contents: 'read' } },
};

describe.each(workflows)('$name', (file) => {
  const workflow = parse(file.content) as {
    permissions?: Record<string, string>;
    jobs: Record<string, { permissions?: Record<string, string>; steps?: Array<Record<string, unknown>> }>;
  };
  const base = file.name.replace('.github/workflows/', '');

  it('gives each job only the permissions it needs', () => {
    const expected = LEAST_PERMISSIONS[base];
    expect(expected, `add ${base} to LEAST_PERMISSIONS`).toBeDefined();
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect(job.permissions ?? workflow.permissions, `${base} job ${name}`).toEqual(expected![name] ?? expected!['*']);
    }
  });

  // A dependency's install script or a bundler plugin there could sign attestations as this workflow, or write to
  // the repository with the job's token.
  it('installs and runs no package in a job that may write, or sign with an OIDC token', () => {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      const permissions = Object.values(job.permissions ?? workflow.permissions ?? {});
      if (!permissions.includes('write')) continue;
      for (const step of job.steps ?? [])
        expect(typeof step['run'] === 'string' ? step['run'] : '', `${base} job ${name}`).not.toMatch(PACKAGE_RUNNERS);
    }
  });
});

describe('the e2e workflow against real Pinecone', () => {
  const e2e = parse(read('.github/workflows/e2e.yml')) as {
    jobs: Record<
      string,
      { env?: object; steps: Array<{ uses?: string; run?: string; env?: object; with?: Record<string, string> }> }
    >;
  };

  // On a hosted runner a later step can read any process of the job: the broker cannot hold its secret apart
  // (e2e.yml says why), so the keyless job runs nothing but this commit's action, curl and cat after it starts.
  it('keyless: the client secret is in the env of the broker step only, and only trusted code runs after it', () => {
    const { steps, env } = e2e.jobs['keyless']!;
    const start = steps.findIndex((step) => step.run?.includes('node dist/broker/index.js'));
    expect(start).toBeGreaterThan(-1);
    expect(JSON.stringify(env ?? {})).not.toContain('secrets.');
    steps.forEach((step, i) => {
      if (i !== start) expect(JSON.stringify(step), `keyless step ${i + 1}`).not.toContain('secrets.');
      if (i <= start) return;
      expect([undefined, './'], `keyless step ${i + 1}`).toContain(step.uses);
      expect(step.run ?? '', `keyless step ${i + 1}`).not.toMatch(PACKAGE_RUNNERS);
    });
    expect(read('.github/workflows/e2e.yml')).toContain('Why the broker is not in a job or service of its own');
  });

  it("lets every job reach Pinecone's and GitHub's hosts only (harden-runner in block mode, first)", () => {
    for (const [name, job] of Object.entries(e2e.jobs)) {
      const [first] = job.steps;
      expect(first?.['uses'], name).toMatch(/^step-security\/harden-runner@[0-9a-f]{40}$/);
      expect(first?.['with']?.['egress-policy'], name).toBe('block');
      // The keyless job's broker reads the JWKS of GitHub's OIDC issuer.
      const issuer = name === 'keyless' ? ['token.actions.githubusercontent.com:443'] : [];
      expect(String(first?.['with']?.['allowed-endpoints']).trim().split(/\s+/).sort(), name).toEqual([
        'api.github.com:443',
        'api.pinecone.io:443',
        'github.com:443',
        'login.pinecone.io:443',
        ...issuer,
      ]);
    }
  });
});
