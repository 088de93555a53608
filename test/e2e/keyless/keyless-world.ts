// The keyless end-to-end files' world for one test, in the style of freshWorldPerTest (support/fixture.ts): a fresh
// Pinecone emulator, a fake GitHub OIDC issuer (its claims preset), and every broker process (the committed bundle)
// the test starts, all stopped after it. Read them through the returned getters.
import type { JWTPayload } from 'jose';
import { afterEach, beforeEach } from 'vitest';
import type { EmulatorOptions } from '../../emulator/server.js';
import { startBrokerProcess, sweeps, type BrokerProcess } from '../../support/broker.js';
import { startWorld, type World } from '../../support/fixture.js';
import { OidcIssuer } from '../../support/oidc-issuer.js';

export interface BrokerOptions {
  env?: Record<string, string>;
  port?: number;
  /** Open files the process may hold (startBrokerProcess's maxFiles). */
  maxFiles?: number;
}

export interface KeylessTest {
  world: () => World;
  issuer: () => OidcIssuer;
  /** The broker process this test started last. */
  broker: () => BrokerProcess;
  /** Starts a broker process on `policy` in front of this test's emulator; it is stopped after the test. */
  startBroker: (policy: string, options?: BrokerOptions) => Promise<BrokerProcess>;
}

/**
 * Registers the before and after hooks of each test of the calling `describe`. `claims`: what every token of the
 * issuer carries unless a test says otherwise; `policy`: a broker started on it before each test, its sweep at
 * start done (so that every later Pinecone request is the test's).
 */
export function keylessPerTest(
  node: string,
  options: {
    world?: EmulatorOptions;
    claims?: JWTPayload;
    policy?: (issuer: OidcIssuer, world: World) => string;
  } = {},
): KeylessTest {
  let world: World | undefined;
  let issuer: OidcIssuer | undefined;
  let brokers: BrokerProcess[] = [];
  const startBroker = async (policy: string, more: BrokerOptions = {}) => {
    const broker = await startBrokerProcess({ world: world!, policy, node, ...more });
    brokers.push(broker);
    return broker;
  };
  beforeEach(async () => {
    world = await startWorld({ ...options.world }); // a copy, as freshWorldPerTest's
    issuer = await new OidcIssuer().start();
    if (options.claims) issuer.claims = { ...options.claims };
    if (options.policy) await sweeps(await startBroker(options.policy(issuer, world)));
  });
  afterEach(async () => {
    const started = brokers;
    brokers = [];
    await Promise.all(started.map((broker) => broker.stop())); // one the test stopped has exited: at once
    await issuer?.stop();
    await world?.emulator.stop();
  });
  return {
    world: () => world!,
    issuer: () => issuer!,
    broker: () => {
      const last = brokers.at(-1);
      if (!last) throw new Error('this test has started no broker');
      return last;
    },
    startBroker,
  };
}
