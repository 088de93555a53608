// The keyless broker in-process with a GitHub App, in front of the Pinecone emulator, a fake OIDC issuer and
// GitHub's emulator (its App endpoints: emulator/github-app.ts), for the tests of what the App's answers decide.
// Keys are planted as the broker names them; `startBroker` returns once the sweep at start is done, `launch` as soon
// as the broker listens (with the App or without one).
import type { GitHubApp } from '../../src/broker/jobs/app-config.js';
import type { RunningBroker } from '../../src/broker/serve.js';
import type { KeyKind } from '../../src/rules/names.js';
import { GitHubEmulator, type GitHubOptions } from '../emulator/github.js';
import {
  brokerKey,
  decisions,
  policyFor,
  RUN_CLAIMS,
  RUN_REF,
  startBrokerInProcess,
  sweeps,
  type PrintedLines,
} from './broker.js';
import { startWorld, type World } from './fixture.js';
import { OidcIssuer } from './oidc-issuer.js';
import { APP_ID, APP_KEY, defaultInstallations } from './app-key.js';

const { privateKey, publicKey } = APP_KEY;

export class AppBroker implements PrintedLines {
  world!: World;
  issuer!: OidcIssuer;
  github!: GitHubEmulator;
  running: RunningBroker | undefined;
  readonly lines: string[] = [];

  /** The world, the issuer and GitHub, with the App installed on octo-org (installation 77). */
  async start(options: GitHubOptions = {}): Promise<this> {
    this.world = await startWorld();
    this.issuer = await new OidcIssuer().start();
    this.issuer.claims = { ...RUN_CLAIMS };
    this.github = await new GitHubEmulator('octo-org/shop-api', options).start();
    this.github.app = { id: APP_ID, publicKey, installations: defaultInstallations() };
    return this;
  }

  /** The broker, once its sweep at start is done (the keys planted before it are judged by that sweep). */
  async startBroker(): Promise<void> {
    await this.launch(this.app());
    await sweeps(this, 1, 60_000);
  }

  /** The broker with `app` (none: without an App), as soon as it listens; its lines go to `lines`. */
  async launch(app: GitHubApp | undefined): Promise<RunningBroker> {
    const write = (line: string) => this.lines.push(line);
    this.running = await startBrokerInProcess(this.world, policyFor(this.issuer, this.world), write, app);
    return this.running;
  }

  /** The broker's configuration of the App installed on GitHub's emulator. */
  app(): GitHubApp {
    return { appId: APP_ID, privateKey, apiUrl: this.github.url };
  }

  async stop(): Promise<void> {
    await this.running?.drain();
    this.running = undefined;
    await this.github.stop();
    await this.issuer.stop();
    await this.world.emulator.stop();
  }

  /** A key the broker made for `job` (of RUN_CLAIMS' run unless said), expiring `inMs` from now. */
  plant(nonce: string, job: string, inMs: number, kind: KeyKind = 'job', repositoryId = RUN_REF.repositoryId) {
    const run = { ...RUN_REF, repositoryId, job };
    return brokerKey(this.world, { base: 'gha-app', run, kind, expiresInMs: inMs, nonce });
  }

  sweep(): Promise<number> {
    return this.running!.broker.sweep(new AbortController().signal);
  }

  /** All it printed. */
  output(): string {
    return this.lines.join('\n');
  }

  /** The IDs of the keys the project holds. */
  left(): string[] {
    return this.world.emulator.keysIn(this.world.project.id).map((key) => key.id);
  }

  /** [key id, reason] of each key the sweep deleted. */
  swept(): unknown[][] {
    return decisions(this)
      .filter((line) => line['action'] === 'sweep' && line['outcome'] === 'deleted')
      .map((line) => [line['key_id'], line['reason']]);
  }

  /** Requests GitHub received whose path contains `part`. */
  asked(part: string): number {
    return this.github.requests.filter((request) => request.path.includes(part)).length;
  }

  /** Lines printed that contain `text`. */
  told(text: string): string[] {
    return this.lines.filter((line) => line.includes(text));
  }
}
