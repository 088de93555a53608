// The release chain (.github/workflows/release.yml, docs/RELEASING.md): built where nothing can be written or signed,
// published only for a commit on main whose dist/ is what its src/ builds, the major tag moved only forward. The
// steps that decide are run here as the runner runs them (bash -eo pipefail), against real git repositories and a
// stand-in for the gh CLI that records what it is asked.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../runner/runner.js';

type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: object };
type Job = { permissions?: Record<string, string>; environment?: string; needs?: string; steps: Step[] };
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const release = parse(read('.github/workflows/release.yml')) as { jobs: Record<string, Job> };
const { build, publish } = release.jobs as { build: Job; publish: Job };
const MAJOR_TAG = join(ROOT, '.github/scripts/major-tag.sh');

/** The one step of `job` whose script contains `text`. */
function stepWith(job: Job | undefined, text: string): { step: Step; index: number } {
  const index = job?.steps.findIndex((step) => step.run?.includes(text)) ?? -1;
  expect(index, `a step that runs ${text}`).toBeGreaterThan(-1);
  return { step: job!.steps[index]!, index };
}
const usesIndex = (job: Job, action: string) => job.steps.findIndex((step) => step.uses?.startsWith(`${action}@`));

/** Runs a step's script as the runner does (bash -eo pipefail), in `cwd`, with `env` over a minimal PATH. */
function runStep(step: Step, cwd: string, env: Record<string, string>) {
  return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
    cwd,
    env: { PATH: process.env['PATH'] ?? '', HOME: cwd, ...env },
    encoding: 'utf8',
  });
}

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@t',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@t',
    },
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout.trim();
}
function repository(): { dir: string; commit: (message: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'release-'));
  git(dir, 'init', '-q', '-b', 'main');
  return {
    dir,
    commit: (message) => (git(dir, 'commit', '-q', '--allow-empty', '-m', message), git(dir, 'rev-parse', 'HEAD')),
  };
}

describe('the release workflow', () => {
  it('builds in a job that can write nothing, with install scripts off, and hands the bundles on as an artifact', () => {
    expect(build.permissions).toEqual({ contents: 'read' });
    const installs = build.steps.filter((step) => /\bnpm (ci|install|i)\b/.test(step.run ?? ''));
    expect(installs.map((step) => step.run)).toEqual([expect.stringMatching(/^npm ci --ignore-scripts\b/)]);
    const bundle = stepWith(build, 'npm run bundle').index;
    const upload = usesIndex(build, 'actions/upload-artifact');
    expect(upload).toBeGreaterThan(bundle);
    expect(build.steps[upload]!.with).toMatchObject({ name: 'bundles', path: 'dist/' });
  });

  it('publishes from the protected release environment, after the build, and installs nothing there', () => {
    expect(publish.needs).toBe('build');
    expect(publish.environment).toBe('release');
    expect(publish.permissions).toEqual({ contents: 'write', 'id-token': 'write', attestations: 'write' });
    for (const step of publish.steps) expect(step.run ?? '').not.toMatch(/\b(npm|npx|yarn|pnpm|tsx)\b/);
  });

  it('refuses a tag whose commit is not on main, before it downloads, attests or publishes anything', () => {
    const { step, index } = stepWith(publish, 'git merge-base --is-ancestor');
    expect(usesIndex(publish, 'actions/checkout')).toBeLessThan(index);
    expect(publish.steps[usesIndex(publish, 'actions/checkout')]!.with).toMatchObject({ 'fetch-depth': 0 });
    for (const later of ['actions/download-artifact', 'actions/attest-build-provenance'])
      expect(usesIndex(publish, later)).toBeGreaterThan(index);
    expect(stepWith(publish, 'gh release create').index).toBeGreaterThan(index);

    const repo = repository();
    const base = repo.commit('base');
    const onMain = repo.commit('on main');
    git(repo.dir, 'update-ref', 'refs/remotes/origin/main', onMain);
    git(repo.dir, 'checkout', '-q', '-b', 'side', base);
    const offMain = repo.commit('not on main');
    const run = (sha: string) => runStep(step, repo.dir, { GITHUB_SHA: sha, TAG: 'v1.2.3' });
    expect(run(onMain).status).toBe(0);
    expect(run(base).status).toBe(0);
    const refused = run(offMain);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe(
      `::error::v1.2.3 names commit ${offMain}, which is not on main: only commits on main are released.\n`,
    );
  });

  it("attests only bundles that are the tagged commit's dist/, byte for byte", () => {
    const { step, index } = stepWith(publish, 'diff --recursive');
    const download = usesIndex(publish, 'actions/download-artifact');
    expect(publish.steps[download]!.with).toMatchObject({ name: 'bundles', path: '${{ runner.temp }}/bundles' });
    const attest = usesIndex(publish, 'actions/attest-build-provenance');
    expect(index).toBeGreaterThan(download);
    expect(attest).toBeGreaterThan(index);
    expect(publish.steps[attest]!.with?.['subject-path']).toBe('dist/**/*.js');

    const check = (change: (dir: string) => void) => {
      const dir = mkdtempSync(join(tmpdir(), 'bundles-'));
      for (const root of ['dist/main', 'temp/bundles/main']) {
        mkdirSync(join(dir, root), { recursive: true });
        writeFileSync(join(dir, root, 'index.js'), 'export const a = 1;\n');
      }
      change(dir);
      return runStep(step, dir, { RUNNER_TEMP: join(dir, 'temp') }).status;
    };
    expect(check(() => undefined)).toBe(0);
    expect(check((dir) => writeFileSync(join(dir, 'temp/bundles/main/index.js'), 'export const a = 2;\n'))).toBe(1);
    expect(check((dir) => writeFileSync(join(dir, 'temp/bundles/main/extra.js'), ''))).toBe(1);
    expect(check((dir) => writeFileSync(join(dir, 'dist/main/extra.js'), ''))).toBe(1);
  });

  it('creates the release as a draft with nothing attached, then publishes it', () => {
    const script = publish.steps.map((step) => step.run ?? '').join('\n');
    expect(script).toMatch(/gh release create "\$TAG" --draft --verify-tag/);
    expect(script.indexOf('gh release edit "$TAG" --draft=false')).toBeGreaterThan(script.indexOf('--draft'));
    expect(script).not.toMatch(/gh release upload|--attach|gh release create [^\n]* dist/);
    expect(script).not.toMatch(/git push -f|git tag -f/);
  });
});

describe('the major tag moves only forward', () => {
  const majorOf = (tag: string, released: string[]) =>
    spawnSync('bash', [MAJOR_TAG, tag], { input: released.map((each) => `${each}\n`).join(''), encoding: 'utf8' });

  it.each([
    ['v1.0.9', ['v1.2.0', 'v1.0.9'], 'v1.2.0'],
    ['v1.10.0', ['v1.9.3', 'v1.10.0', 'v1.2.0'], 'v1.10.0'],
    ['v1.2.1', ['v1.2.0', 'v1.2.1', 'v2.0.0', 'v10.4.0', 'v1.3.0-rc.1'], 'v1.2.1'],
    ['v2.0.0', ['v1.5.0', 'v2.0.0'], 'v2.0.0'],
  ])('releasing %s when %j are released: the major tag names %s', (tag, released, target) => {
    const result = majorOf(tag, released);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${target}\n`);
  });

  it('prints nothing when no release of that major is listed, and refuses what is not a release tag', () => {
    expect(majorOf('v3.0.0', ['v1.0.0']).stdout).toBe('');
    const refused = majorOf('v1.2', []);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('"v1.2" is not a release tag vX.Y.Z');
  });

  /** The workflow's step, with `gh` answering from `released` and recording what it is asked. */
  function moveMajor(tag: string, released: string[], majorExists: boolean) {
    const { step } = stepWith(publish, 'major-tag.sh');
    const repo = repository();
    const commits = Object.fromEntries(
      released.map((each) => {
        const sha = repo.commit(each);
        git(repo.dir, 'tag', each);
        return [each, sha];
      }),
    );
    mkdirSync(join(repo.dir, '.github/scripts'), { recursive: true });
    copyFileSync(MAJOR_TAG, join(repo.dir, '.github/scripts/major-tag.sh'));
    const bin = join(repo.dir, 'fake-bin');
    mkdirSync(bin);
    writeFileSync(
      join(bin, 'gh'),
      `#!/usr/bin/env bash\necho "$*" >> "$GH_LOG"\nif [ "$1 $2" = "release list" ]; then printf '%s\\n' $RELEASED; fi\nif [ "$1" = api ] && [ "$2" != -X ]; then [ "$MAJOR_EXISTS" = 1 ]; fi\n`,
    );
    chmodSync(join(bin, 'gh'), 0o755);
    const log = join(repo.dir, 'gh.log');
    const result = runStep(step, repo.dir, {
      PATH: `${bin}:${process.env['PATH']}`,
      GH_LOG: log,
      RELEASED: released.join(' '),
      MAJOR_EXISTS: majorExists ? '1' : '0',
      TAG: tag,
      GITHUB_REPOSITORY: 'OWNER/pinecone-ephemeral-key',
    });
    return { result, commits, asked: readFileSync(log, 'utf8').trim().split('\n') };
  }

  it('tagging v1.0.9 after v1.2.0 leaves v1 on v1.2.0', () => {
    const { result, commits, asked } = moveMajor('v1.0.9', ['v1.2.0', 'v1.0.9'], true);
    expect(result.status, result.stderr).toBe(0);
    expect(asked.at(-1)).toBe(
      `api -X PATCH repos/OWNER/pinecone-ephemeral-key/git/refs/tags/v1 -f sha=${commits['v1.2.0']} -F force=true`,
    );
  });

  it('a new highest release moves v1 to it; the first of a major creates the tag', () => {
    const moved = moveMajor('v1.3.0', ['v1.2.0', 'v1.3.0'], true);
    expect(moved.asked.at(-1)).toContain(`git/refs/tags/v1 -f sha=${moved.commits['v1.3.0']}`);
    const created = moveMajor('v2.0.0', ['v1.3.0', 'v2.0.0'], false);
    expect(created.asked.at(-1)).toBe(
      `api -X POST repos/OWNER/pinecone-ephemeral-key/git/refs -f ref=refs/tags/v2 -f sha=${created.commits['v2.0.0']}`,
    );
  });
});

describe('docs', () => {
  it("the README's verify command pins the signer workflow and the tag", () => {
    const readme = read('README.md').replace(/\s+/g, ' ');
    expect(readme).toMatch(
      /gh attestation verify dist\/main\/index\.js --repo OWNER\/pinecone-ephemeral-key --signer-workflow OWNER\/pinecone-ephemeral-key\/\.github\/workflows\/release\.yml --source-ref refs\/tags\/v1\.0\.0/,
    );
  });

  it('RELEASING.md says how v* tags and the release environment are protected', () => {
    const releasing = read('docs/RELEASING.md');
    expect(releasing).toMatch(/tag ruleset/i);
    expect(releasing).toContain('`release` environment');
  });
});
