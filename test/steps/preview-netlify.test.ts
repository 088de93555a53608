// The preview sub-action on Netlify, in-process against the Netlify emulator (every request and answer checked
// against @netlify/open-api): a new key becomes a secret value of context `branch` for the pull request's branch
// alone, a branch deploy of that branch is built once and reads it, while deploy previews (context deploy-preview,
// shared by every pull request) never get it; a renewed key writes nothing; closing deletes only our value.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPreview } from '../../src/steps/preview/preview.js';
import { NetlifyEmulator, type NetlifySite } from '../emulator/netlify.js';
import { ROOT } from '../runner/runner.js';
import { inProcess, type InProcess } from '../support/steps.js';
import { BRANCH, eventEnv, netlifyInputs, newKey, renewedKey } from '../support/preview.js';

const VALUE = 'pcsk_preview_Nt12Lf34Ab56Cd78';

describe('preview on Netlify, in-process', () => {
  let netlify: NetlifyEmulator;
  let site: NetlifySite;
  const steps: InProcess[] = [];
  beforeEach(async () => {
    netlify = await new NetlifyEmulator().start();
    site = netlify.addSite();
  });
  afterEach(async () => {
    steps.forEach((step) => step.dispose());
    expect(netlify.problems).toEqual([]);
    await netlify.stop();
  });
  const run = async (action: string, inputs: Record<string, string>, branch = BRANCH) => {
    const step = inProcess({
      inputs: { ...netlifyInputs(netlify, site.id), ...inputs },
      actionDir: join(ROOT, 'preview'),
      env: eventEnv(action, branch),
    });
    steps.push(step);
    await runPreview(step.deps);
    for (const secret of [VALUE, netlify.token]) expect(step.core.log.join('\n')).not.toContain(secret);
    expect(step.summaries.join('\n')).not.toContain(VALUE);
    return step;
  };

  it('a new key: a secret branch value, and one branch deploy of that branch that reads it; deploy previews never do', async () => {
    const step = await run('opened', newKey(VALUE));
    expect(step.core.failed).toBeUndefined();
    expect(step.core.masked).toEqual(expect.arrayContaining([netlify.token, VALUE]));
    expect(netlify.ops()).toEqual(['set-env-value', 'create-env', 'create-build']);
    expect(netlify.requests.at(-1)!.query).toEqual({ branch: BRANCH });
    const variable = site.env.get('PINECONE_API_KEY')!;
    expect(variable).toMatchObject({
      is_secret: true,
      values: [{ context: 'branch', context_parameter: BRANCH, value: VALUE }],
    });
    expect(site.builds).toEqual([
      expect.objectContaining({ branch: BRANCH, context: 'branch-deploy', env: { PINECONE_API_KEY: VALUE } }),
    ]);
    expect(step.core.outputs).toEqual({ written: 'true', deleted: 'false', 'redeploy-id': site.builds[0]!.id });
    expect(netlify.build(site, 'other-branch', 'branch-deploy').env).toEqual({});
    expect(netlify.build(site, BRANCH, 'deploy-preview').env).toEqual({});
  });

  it('two pull requests: each branch deploy reads its own key', async () => {
    await run('opened', newKey(VALUE));
    await run('opened', newKey('pcsk_other_Zz99'), 'feature/cart');
    expect(site.env.get('PINECONE_API_KEY')!.values).toHaveLength(2);
    expect(netlify.build(site, BRANCH, 'branch-deploy').env).toEqual({ PINECONE_API_KEY: VALUE });
    expect(netlify.build(site, 'feature/cart', 'branch-deploy').env).toEqual({ PINECONE_API_KEY: 'pcsk_other_Zz99' });
  });

  it('a renewed key keeps its value: nothing is written and nothing built', async () => {
    await run('opened', newKey(VALUE));
    const before = netlify.requests.length;
    const step = await run('synchronize', renewedKey);
    expect(step.core.failed).toBeUndefined();
    expect(netlify.ops().slice(before)).toEqual(['get-env']);
    expect(site.builds).toHaveLength(1);
  });

  it('closed: deletes only our value, and the variable only when it held nothing else', async () => {
    site.env.set('PINECONE_API_KEY', {
      key: 'PINECONE_API_KEY',
      is_secret: false,
      scopes: ['builds'],
      values: [{ id: 'theirs', context: 'production', value: 'prod-key' }],
    });
    const opened = await run('opened', newKey(VALUE));
    expect(opened.core.log).toContain(
      `##[warning]PINECONE_API_KEY on Netlify site ${site.id} is not a secret variable, so the team can read the key in Netlify's UI and API: delete the variable and let this step make it (secret), or mark it secret.`,
    );
    expect(site.env.get('PINECONE_API_KEY')!.values).toHaveLength(2);
    const closed = await run('closed', {});
    expect(closed.core.outputs['deleted']).toBe('true');
    expect(site.env.get('PINECONE_API_KEY')!.values).toEqual([
      { id: 'theirs', context: 'production', value: 'prod-key' },
    ]);

    site.env.clear();
    await run('opened', newKey(VALUE));
    await run('closed', {});
    expect(site.env.size).toBe(0);
    expect(netlify.ops().slice(-2)).toEqual(['get-env', 'delete-env']);
  });

  it.each([
    [
      'an invalid token',
      { token: 'nfp_wrong' },
      /^Netlify refused the token to write PINECONE_API_KEY .*: give a valid Netlify personal access token as input token\.$/,
    ],
    [
      'a site it does not know',
      { 'site-id': 'no-such-site' },
      /^Netlify knows no Netlify site no-such-site in account shop-team \(HTTP 404 Not Found: Not Found\): check inputs site-id .* and account-id/,
    ],
    [
      'an account it does not know',
      { 'account-id': 'shop-teem' },
      /^Netlify knows no Netlify site .* in account shop-teem .*check inputs site-id/,
    ],
  ])('%s: one line that says what to fix', async (_name, inputs, line) => {
    const step = await run('opened', { ...newKey(VALUE), ...inputs });
    expect(step.core.failed).toMatch(line);
    expect(site.builds).toEqual([]);
  });

  it('a 5xx on every attempt: one line, and no build', async () => {
    netlify.inject({ op: 'set-env-value', status: 502, times: 5 });
    const step = await run('opened', newKey(VALUE));
    expect(step.core.failed).toMatch(
      /^Netlify answered HTTP 502 Bad Gateway to every attempt to write PINECONE_API_KEY .*try again later/,
    );
    expect(site.builds).toEqual([]);
  });

  it('a build whose answer is lost is not sent again: one line that says it may have started', async () => {
    netlify.inject({ op: 'create-build', action: 'commit-then-drop' });
    const step = await run('opened', newKey(VALUE));
    expect(step.core.failed).toMatch(
      /^Netlify did not answer the request to build branch feature\/search-v2 again .*: it may or may not have started/,
    );
    expect(site.builds).toHaveLength(1);
  });
});

describe('preview on Netlify, a create whose answer was lost', () => {
  it('sets the value on the variable the lost create made, instead of failing on "already exists"', async () => {
    const netlify = await new NetlifyEmulator().start();
    const site = netlify.addSite();
    netlify.inject({ op: 'create-env', action: 'commit-then-drop' });
    const step = inProcess({
      inputs: { ...netlifyInputs(netlify, site.id), ...newKey(VALUE) },
      actionDir: join(ROOT, 'preview'),
      env: eventEnv('opened'),
    });
    await runPreview(step.deps);
    step.dispose();
    expect(step.core.failed).toBeUndefined();
    expect(netlify.ops()).toEqual(['set-env-value', 'create-env', 'create-env', 'set-env-value', 'create-build']);
    expect(site.env.get('PINECONE_API_KEY')!.values).toEqual([
      expect.objectContaining({ context_parameter: BRANCH, value: VALUE }),
    ]);
    expect(netlify.problems).toEqual([]);
    await netlify.stop();
  });
});
