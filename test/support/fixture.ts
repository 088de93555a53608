// An emulator with one service account and one project, and the inputs that point the action at it.
import { afterEach, beforeEach } from 'vitest';
import { randomBytes } from 'node:crypto';
import { buildKeyName, buildProjectName, buildTaggedKeyName, type KeyOwner } from '../../src/rules/names.js';
import { nameTagFor } from '../../src/crypto/name-tag.js';
import { PineconeEmulator, type EmulatorOptions, type Project, type StoredKey } from '../emulator/server.js';

export const CLIENT_ID = 'ci-service-account';
export const CLIENT_SECRET = 'sa-secret-Zx81-vQ3p-mT7k-0001';
/** The action's default roles (action.yml). */
export const DEFAULT_ROLES = ['DataPlaneEditor', 'ControlPlaneViewer'];
/** What seals a shared key's handoff: all the jobs that use the key get, in place of the client secret. */
export const HANDOFF_SECRET = 'handoff-Lq2w-9rTz-4Ybn-77Xc-Pp0a';

export interface World {
  emulator: PineconeEmulator;
  project: Project;
  inputs: Record<string, string>;
  /** What a job that uses the run's shared key gets: the handoff secret, and no Pinecone credential. */
  useInputs: (handoff: string) => Record<string, string>;
  /** Every secret the action must never print: the client and handoff secrets, every token, every key value issued. */
  secrets: () => string[];
  /** A key as this action names them, expiring `expiresInMs` from now (negative: expired), made by `owner`. */
  ours: (base: string, expiresInMs: number, owner?: KeyOwner, nonce?: string) => StoredKey;
  /** A key as this version's direct mode makes them: tagged with `secret`'s key-name tag (ours), the default roles. */
  tagged: (
    base: string,
    expiresInMs: number,
    owner?: KeyOwner,
    options?: { secret?: string; roles?: string[] },
  ) => StoredKey;
  /** A throwaway project as this action names them, tagged with `secret` (another service account's, or ours). */
  throwaway: (base: string, expiresInMs: number, owner?: KeyOwner, secret?: string, nonce?: string) => Project;
}

export async function startWorld(options: EmulatorOptions = {}): Promise<World> {
  const emulator = await new PineconeEmulator(options).start();
  emulator.addClient(CLIENT_ID, CLIENT_SECRET);
  const project = emulator.addProject('shop-api-ci');
  return {
    emulator,
    project,
    inputs: {
      'client-id': CLIENT_ID,
      'client-secret': CLIENT_SECRET,
      project: project.id,
      'api-url': emulator.url,
      'auth-url': emulator.authUrl,
      // Tests that count requests exactly do not want the parallel list of sweep-expired; it has tests of its own.
      'sweep-expired': 'false',
      'handoff-secret': HANDOFF_SECRET,
    },
    useInputs: (handoff) => ({ handoff, 'handoff-secret': HANDOFF_SECRET }),
    secrets: () => [
      CLIENT_SECRET,
      HANDOFF_SECRET,
      ...emulator.tokens.keys(),
      ...emulator.issued.map((key) => key.value),
    ],
    ours: (base, expiresInMs, owner = { kind: 'job', run: undefined }, nonce = randomNonce()) =>
      emulator.addKey(project.id, buildKeyName(base, owner, wholeSecondsFromNow(expiresInMs), nonce)),
    tagged: (
      base,
      expiresInMs,
      owner = { kind: 'job', run: undefined },
      { secret = CLIENT_SECRET, roles = DEFAULT_ROLES } = {},
    ) =>
      emulator.addKey(
        project.id,
        buildTaggedKeyName(base, owner, wholeSecondsFromNow(expiresInMs), randomNonce(), nameTagFor(secret, 'keyName')),
        roles,
      ),
    throwaway: (
      base,
      expiresInMs,
      owner = { kind: 'job', run: undefined },
      secret = CLIENT_SECRET,
      nonce = randomNonce(),
    ) =>
      emulator.addProject(buildProjectName(base, owner, wholeSecondsFromNow(expiresInMs), nonce, nameTagFor(secret))),
  };
}

/** A fresh world for each test of the calling `describe`; read it through the returned getter. */
export function freshWorldPerTest(options: EmulatorOptions = {}): () => World {
  let world: World | undefined;
  beforeEach(async () => {
    world = await startWorld({ ...options }); // a copy: tests change their emulator's options
  });
  afterEach(() => world?.emulator.stop());
  return () => world!;
}

/** `ms` from now (negative: ago), in whole seconds as a key's name carries it. */
export function wholeSecondsFromNow(ms: number): Date {
  return new Date(Math.floor((Date.now() + ms) / 1000) * 1000);
}

function randomNonce(): string {
  return [...randomBytes(6)].map((byte) => (byte % 36).toString(36)).join('');
}
