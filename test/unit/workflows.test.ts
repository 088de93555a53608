// action.yml, sweep/action.yml, every workflow and every YAML example in the README, parsed and checked with
// @actions/workflow-parser (the parser behind GitHub's own workflow tooling), plus what it cannot know: that
// every `with:` of this action names a real input, and that third-party actions are pinned by SHA.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { READMES } from '../../scripts/docs-tables.js';
import { ACTIONS as STEPS_ACTIONS } from '../../scripts/steps.js';
import { ROOT } from '../runner/runner.js';

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
const examples = DOCS.flatMap((doc) =>
  [...read(doc).matchAll(/```yaml\n([\s\S]*?)```/g)].map((match, i) => ({
    name: `${doc} example ${i + 1}`,
    content: match[1]!,
  })),
);

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
  const sub = /^(?:\.\/|OWNER\/pinecone-ephemeral-key\/)(sweep|use|revoke)(?:@|$)/.exec(uses);
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
const shellcheck = spawnSync('shellcheck', ['--version']).status === 0;
describe.skipIf(!shellcheck && !process.env['CI']).each(workflows)('$name', (file) => {
  it('has run: scripts that shellcheck finds nothing in', () => {
    for (const { where, script } of runScripts(file.content)) {
      const result = spawnSync('shellcheck', ['--shell=bash', '-'], { input: script, encoding: 'utf8' });
      expect(result.stdout, where).toBe('');
    }
  });
});

describe('the checks catch mistakes', () => {
  it.skipIf(!shellcheck && !process.env['CI'])('shellcheck flags an unused loop variable', () => {
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
