// support/tools.ts: a test that needs a missing program skips with a note naming the package, or fails in CI.
import { describe, expect, it, vi } from 'vitest';
import { tool } from '../support/tools.js';

const ABSENT = { command: 'no-such-tool-pinecone-ephemeral-key', install: 'apt-get install no-such-tool' };

describe('a tool a test needs', () => {
  it('is found where it is installed, and the test goes on', () => {
    const node = tool({ command: process.execPath, install: 'nothing: it is this Node' });
    const ctx = { skip: vi.fn() };
    expect(node.available).toBe(true);
    node.need(ctx);
    expect(ctx.skip).not.toHaveBeenCalled();
  });

  it('missing on a developer machine: the test is skipped with a note that names the package to install', () => {
    const absent = tool(ABSENT, {});
    const ctx = { skip: vi.fn() };
    expect(absent.available).toBe(false);
    absent.need(ctx);
    expect(ctx.skip).toHaveBeenCalledWith(
      'no-such-tool-pinecone-ephemeral-key is not installed (apt-get install no-such-tool)',
    );
  });

  it('missing with CI=true: the test fails, naming the package, instead of skipping', () => {
    const ctx = { skip: vi.fn() };
    expect(() => tool(ABSENT, { CI: 'true' }).need(ctx)).toThrow(
      /^no-such-tool-pinecone-ephemeral-key is not installed \(apt-get install no-such-tool\); with CI set/,
    );
    expect(ctx.skip).not.toHaveBeenCalled();
  });
});
