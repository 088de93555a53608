// A step asked for an API version past Pinecone's support window says so once, naming the newest, and goes on;
// the runner's clock (injected) decides, so the test means the same whatever day it runs.
import { afterEach, describe, expect, it } from 'vitest';
import { NEWEST_API_VERSION } from '../../src/api/pinecone/versions.js';
import { runMain } from '../../src/steps/direct/main.js';
import { runPost } from '../../src/steps/direct/post.js';
import { freshWorldPerTest } from '../support/fixture.js';
import { inProcess, type InProcess } from '../support/steps.js';

/** The runner's clock on 2027-01-01: 2025-10 is past its window (2026-10-28), 2026-04 inside it (2027-03-25). */
const clockOffsetMs = Date.parse('2027-01-01T00:00:00Z') - Date.now();

describe('the api-version and its support window', () => {
  const world = freshWorldPerTest();
  const steps: InProcess[] = [];
  afterEach(() => steps.forEach((step) => step.dispose()));
  const start = (inputs: Record<string, string>, state?: Record<string, string>) => {
    const step = inProcess({ inputs: { ...world().inputs, ...inputs }, clockOffsetMs, ...(state ? { state } : {}) });
    steps.push(step);
    return step;
  };
  const warnings = (step: InProcess) => step.core.log.filter((line) => line.startsWith('##[warning]'));

  it('past it: one warning line naming the newest version, and the key is made and deleted as usual', async () => {
    const main = start({ 'api-version': '2025-10' });
    await runMain(main.deps);
    expect(main.core.failed).toBeUndefined();
    expect(warnings(main)).toEqual([
      `##[warning]api-version 2025-10 (released 2025-10-28) is past Pinecone's 12-month support window (since 2026-10-28): Pinecone may stop answering it. Use api-version ${NEWEST_API_VERSION}, the newest this action knows, or leave it out.`,
    ]);
    const post = start({ 'api-version': '2025-10' }, main.core.saved);
    await runPost(post.deps);
    expect(post.core.failed).toBeUndefined();
    expect(world().emulator.keysIn()).toEqual([]);
  });

  it('the default, inside its window: no warning', async () => {
    const main = start({});
    await runMain(main.deps);
    expect(main.core.failed).toBeUndefined();
    expect(warnings(main)).toEqual([]);
  });
});
