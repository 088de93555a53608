// What the committed bundles carry. undici is left out (src/undici-stub.ts): nothing may need it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProxyAgent } from '../../src/api/undici-stub.js';
import { ROOT } from '../runner/runner.js';

const ENTRIES = ['main', 'post', 'sweep', 'use', 'revoke'];
const read = (entry: string, file: string) => readFileSync(join(ROOT, 'dist', entry, file), 'utf8');

describe.each(ENTRIES)('dist/%s', (entry) => {
  it('bundles the undici stub, not undici', () => {
    const bundle = read(entry, 'index.js');
    expect(bundle).toContain('This bundle leaves out undici');
    expect(bundle).not.toMatch(/llhttp|class Dispatcher\b|undici\/lib/);
    expect(read(entry, 'licenses.txt')).not.toMatch(/^undici$/m);
  });

  it('never asks @actions/http-client for the undici dispatcher', () => {
    // The only way to reach the stub: a call of getAgentDispatcher (its definition has no leading dot).
    expect(read(entry, 'index.js')).not.toMatch(/\.getAgentDispatcher\(/);
  });
});

describe('undici stub', () => {
  it('fails loudly if anything ever reaches it', () => {
    expect(() => new ProxyAgent()).toThrow(/leaves out undici: HttpClient\.getAgentDispatcher is not supported/);
  });
});
