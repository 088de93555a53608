// The broker's Dockerfile cannot be built here (no Docker engine): its shape is checked instead, against what the
// bundle needs and docs/BROKER.md promises.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../runner/runner.js';

const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const instructions = dockerfile
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => line.split(/\s+/)[0]);

describe('Dockerfile of the broker', () => {
  it('runs the committed broker bundle on Node 24 in exec form, so that SIGTERM reaches it and it drains', () => {
    expect(dockerfile).toMatch(/^FROM node:24-alpine$/m);
    expect(dockerfile).toMatch(/^COPY dist\/broker\/ \.\/dist\/broker\/$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/broker\/index\.js"\]$/m);
  });

  it('runs as an unprivileged user, checks /healthz, and listens where the broker does by default', () => {
    expect(instructions.indexOf('USER')).toBeGreaterThan(instructions.indexOf('COPY'));
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/HEALTHCHECK .*\/healthz/);
    expect(dockerfile).toMatch(/^EXPOSE 8080$/m);
  });

  it('copies only the bundle (.dockerignore lets nothing else into the build context)', () => {
    const ignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8');
    expect(ignore.split('\n').filter((line) => line && !line.startsWith('#'))).toEqual(['*', '!dist/broker/']);
    expect(instructions.filter((word) => word === 'COPY')).toHaveLength(1);
  });
});
