// The real dependencies the entry files pass in: the toolkit, HTTP, the clock, timers, randomness, signals.
import * as core from '@actions/core';
import { appendFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { watchForCancel, type CancelWords } from './cancel.js';
import type { StepDeps } from './step.js';
import { createHttpTransport } from '../api/transport.js';

const USER_AGENT = 'pinecone-ephemeral-key/1';

/** `cancel`: what the step says when the runner cancels it; without it, the step is not cancellable (post). */
export function liveDeps(options: { cancel?: CancelWords | undefined }): { deps: StepDeps; dispose: () => void } {
  const { transport, preconnect, dispose } = createHttpTransport(USER_AGENT);
  const signal = options.cancel
    ? watchForCancel({ words: options.cancel, log: core.info, exit: (code) => process.exit(code), process })
    : new AbortController().signal;
  const deps: StepDeps = {
    core,
    env: process.env,
    transport,
    preconnect,
    now: Date.now,
    sleep: (ms, abort) => delay(ms, undefined, { signal: abort }).catch(() => undefined),
    random: Math.random,
    signal,
    // One synchronous append, as the runner reads the file after the step: core.summary's access check and
    // promise-based write cost ~2 ms of every step's start-up for nothing we need.
    writeSummary: (markdown) => {
      const file = process.env['GITHUB_STEP_SUMMARY'];
      if (file) appendFileSync(file, `${markdown}\n`);
      return Promise.resolve();
    },
  };
  return { deps, dispose };
}

/** Runs one step with the real dependencies, and lets go of its connections when it is done. */
export async function runLive(
  step: (deps: StepDeps) => Promise<void>,
  options: { cancel?: CancelWords | undefined },
): Promise<void> {
  const { deps, dispose } = liveDeps(options);
  try {
    await step(deps);
  } finally {
    dispose();
  }
}
