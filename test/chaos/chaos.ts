// Seeded chaos: random faults on every operation plus random SIGKILL/SIGINT moments in main. After post (and
// after every delayed commit has landed) no key and no throwaway project may be left, and no secret byte may
// have been printed.
import type { Fault, Op } from '../emulator/faults.js';
import { join } from 'node:path';
import { Job, ROOT, type StepResult } from '../runner/runner.js';
import { brokerJob, policyFor, RUN_CLAIMS, startBrokerProcess, sweeps, type BrokerProcess } from '../support/broker.js';
import { CLIENT_ID, CLIENT_SECRET, startWorld } from '../support/fixture.js';
import { OidcIssuer } from '../support/oidc-issuer.js';
import { findLeaks } from '../support/scan.js';
import { runPullRequestScenario } from './pull-request.js';

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Scenario {
  seed: number;
  faults: Fault[];
  byName: boolean;
  sweepExpired: boolean;
  missingKeyDeleteStatus: 404 | 500;
  /** The API on another host name than the login, as in production: its connections are opened early. */
  twoHosts: boolean;
  /** `share: true`: the key belongs to the run; a revoke job deletes it once main handed it over. */
  share: boolean;
  kill: { signal: 'SIGKILL' | 'SIGINT'; at: 'create-request' | 'create-commit' | number } | undefined;
  /** `new-project: true` (never with share): a throwaway project, with faults of its own and things the job made in it. */
  newProject: { faults: Fault[]; killAtProjectCreate: 'SIGKILL' | 'SIGINT' | undefined; jobMakes: boolean } | undefined;
  /**
   * Keyless: the job asks the broker (its bundle as a process) with its OIDC token; the faults hit the broker's
   * requests to Pinecone, the kills the job's main step. Never with share or new-project, which broker mode refuses.
   */
  broker: { restartBeforePost: boolean } | undefined;
}

const PROJECT_OPS: Op[] = ['create-project', 'delete-project', 'list-projects', 'list-indexes', 'delete-index'];

const OPS: Op[] = ['token', 'list-projects', 'create-key', 'list-keys', 'fetch-key', 'delete-key'];

export function scenario(seed: number): Scenario {
  const random = rng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const faults: Fault[] = [];
  let slow = 0; // hangs and late commits each cost a third of a budget: at most one per run
  // The action promises to outlast 4 consecutive failures of one operation (5 attempts): never inject more.
  const failures = new Map<Op, number>();
  for (let n = Math.floor(random() * 5); n > 0; n--) {
    const op = pick(OPS);
    const times = Math.min(1 + Math.floor(random() * 2), 4 - (failures.get(op) ?? 0));
    if (times <= 0) continue;
    failures.set(op, (failures.get(op) ?? 0) + times);
    const kind = pick([
      '429',
      '500',
      '502',
      '503',
      'drop',
      'delay',
      'hang',
      'commit-then-drop',
      'commit-then-hang',
      'late-commit',
    ] as const);
    if (['hang', 'commit-then-hang', 'late-commit'].includes(kind)) {
      if (slow++ > 0) continue;
      if (kind === 'hang') faults.push({ op, action: 'hang' });
      else if (op === 'create-key' || op === 'delete-key') {
        faults.push(
          kind === 'late-commit'
            ? { op, action: 'late-commit', ms: 200 + Math.floor(random() * 1800) }
            : { op, action: 'commit-then-hang' },
        );
      }
    } else if (kind === 'drop' || kind === 'commit-then-drop') {
      faults.push({
        op,
        times,
        action: kind === 'drop' || (op !== 'create-key' && op !== 'delete-key') ? 'drop' : 'commit-then-drop',
      });
    } else if (kind === 'delay') {
      faults.push({ op, times, action: 'delay', ms: 50 + Math.floor(random() * 700) });
    } else {
      faults.push({ op, times, status: Number(kind), ...(kind === '429' ? { retryAfter: pick(['0', '1']) } : {}) });
    }
  }
  const killRoll = random();
  const signal = random() < 0.6 ? 'SIGKILL' : 'SIGINT';
  const at = pick(['create-request', 'create-commit', Math.floor(random() * 400)] as const);
  const byName = random() < 0.3;
  const sweepExpired = random() < 0.5;
  const missingKeyDeleteStatus = random() < 0.5 ? 404 : 500;
  return {
    seed,
    faults,
    byName,
    sweepExpired,
    missingKeyDeleteStatus,
    kill: killRoll < 0.45 ? { signal, at } : undefined,
    twoHosts: random() < 0.5, // drawn late: the scenarios of older seeds stay as they were
    share: random() < 0.3,
    newProject: projectChaos(random, pick, failures),
    broker: random() < 0.3 ? { restartBeforePost: random() < 0.3 } : undefined,
  };
}

/** Drawn after everything else, so that older seeds keep their scenarios; a shared key never gets one. */
function projectChaos(
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
  /** Failures already drawn per operation: the cap of 4 holds across both lists (list-projects is in both). */
  failures: Map<Op, number>,
): Scenario['newProject'] {
  const drawn = random() < 0.35;
  const faults: Fault[] = [];
  for (let n = Math.floor(random() * 3); n > 0; n--) {
    const op = pick(PROJECT_OPS);
    const kind = pick(['500', '503', 'drop', 'commit-then-drop', 'late-commit', 'delay'] as const);
    const fails = kind !== 'delay' && kind !== 'late-commit';
    if (fails && (failures.get(op) ?? 0) >= 4) continue; // the draws stay in step: only the fault is left out
    if (fails) failures.set(op, (failures.get(op) ?? 0) + 1);
    if (kind === 'late-commit') {
      if (op === 'create-project') faults.push({ op, action: 'late-commit', ms: 200 + Math.floor(random() * 1800) });
    } else if (kind === 'commit-then-drop') {
      faults.push({ op, action: op === 'create-project' || op === 'delete-project' ? 'commit-then-drop' : 'drop' });
    } else if (kind === 'drop') faults.push({ op, action: 'drop' });
    else if (kind === 'delay') faults.push({ op, action: 'delay', ms: 50 + Math.floor(random() * 500) });
    else faults.push({ op, status: Number(kind) });
  }
  const killRoll = random();
  const killAtProjectCreate = killRoll < 0.2 ? 'SIGKILL' : killRoll < 0.35 ? 'SIGINT' : undefined;
  return drawn ? { faults, killAtProjectCreate, jobMakes: random() < 0.7 } : undefined;
}

export interface Outcome {
  seed: number;
  problems: string[];
  ms: number;
}

export async function runScenario(s: Scenario, node: string): Promise<Outcome> {
  const started = Date.now();
  const world = await startWorld({ missingKeyDeleteStatus: s.missingKeyDeleteStatus, terminatingMs: 300 });
  const problems: string[] = [];
  const keyless = s.broker;
  const newProject = s.share || keyless ? undefined : s.newProject;
  const issuer = keyless ? await new OidcIssuer().start() : undefined;
  let broker: BrokerProcess | undefined;
  try {
    let brokerMode: ReturnType<typeof brokerJob> | undefined;
    if (issuer) {
      issuer.claims = { ...RUN_CLAIMS };
      broker = await startBrokerProcess({ world, policy: policyFor(issuer, world), node });
      await sweeps(broker); // its sweep at start done: the faults are the job's
      brokerMode = brokerJob(issuer, broker);
    }
    world.emulator.inject(...s.faults, ...(newProject?.faults ?? []));
    const job = new Job({
      node,
      with: {
        ...world.inputs,
        timeout: '8s',
        'sweep-expired': String(s.sweepExpired),
        ...(s.byName ? { project: world.project.name } : {}),
        ...(s.twoHosts ? { 'api-url': world.emulator.urlOn('localhost') } : {}),
        share: String(s.share && !keyless),
        ...(newProject ? { project: '', 'new-project': 'true' } : {}),
        ...brokerMode?.with,
      },
      ...(brokerMode ? { env: brokerMode.env } : {}),
    });
    let pid = 0;
    const kill = (signal = s.kill?.signal) => {
      if (pid && signal) {
        try {
          process.kill(pid, signal);
        } catch {
          // already gone
        }
      }
    };
    // The scenario's kill at the key's create request; a project scenario's own kill at the project's.
    world.emulator.onRequest = (request) => {
      if (s.kill?.at === 'create-request' && request.op === 'create-key') kill();
      if (request.op === 'create-project' && newProject?.killAtProjectCreate) kill(newProject.killAtProjectCreate);
    };
    if (s.kill?.at === 'create-commit') world.emulator.onCreate = () => kill();
    const main = await job.main({
      onSpawn: (child) => {
        pid = child.pid!;
        if (typeof s.kill?.at === 'number') setTimeout(() => kill(), s.kill.at);
      },
    });
    pid = 0;
    const made = main.outputs['project-id'];
    if (newProject?.jobMakes && made && world.emulator.projects.has(made)) {
      // The job's tests, in the project they were given.
      world.emulator.addIndex(made, 'test-index', { deletionProtection: 'enabled' });
      world.emulator.addCollection(made, 'snapshot');
    }
    if (broker && keyless?.restartBeforePost) {
      const port = Number(new URL(broker.url).port);
      await broker.stop();
      broker = await startBrokerProcess({ world, policy: policyFor(issuer!, world), node, port });
    }
    const post = await job.post();
    const steps: Array<[string, StepResult]> = [
      ['main', main],
      ['post', post],
    ];
    if (s.share && !keyless && main.outputs['handoff']) {
      // The revoke job of the run: a job of its own at the end, with the handoff (inputs it does not declare are ignored).
      const handoff = main.outputs['handoff'];
      const revoke = await new Job({
        node,
        actionDir: join(ROOT, 'revoke'),
        with: { ...job.first.inputs, handoff },
      }).main();
      if (revoke.exitCode !== 0) problems.push(`revoke exited ${revoke.exitCode}: ${revoke.log.join(' | ')}`);
      steps.push(['revoke', revoke]);
    }
    await world.emulator.settle();
    const left = world.emulator.keysIn();
    if (left.length > 0) problems.push(`${left.length} key(s) left: ${left.map((k) => k.name).join(', ')}`);
    const projects = [...world.emulator.projects.values()].filter((project) => project.id !== world.project.id);
    if (projects.length > 0)
      problems.push(`${projects.length} project(s) left: ${projects.map((p) => p.name).join(', ')}`);
    if (post.exitCode !== 0) problems.push(`post exited ${post.exitCode}: ${post.log.join(' | ')}`);
    if (main.exitCode !== 0 && main.exitCode !== 1 && !main.signal) problems.push(`main exited ${main.exitCode}`);
    const secrets = [...world.secrets(), ...(issuer?.issued ?? [])];
    for (const [name, step] of steps) {
      for (const leak of findLeaks(step, secrets, { outputs: ['api-key'], env: ['PINECONE_API_KEY'] }))
        problems.push(`${name}: ${leak}`);
      if (keyless && Object.values(step.processEnv).some((value) => value.includes(CLIENT_SECRET)))
        problems.push(`${name}: the client secret is in a keyless job's environment`);
    }
    const printed = broker?.output() ?? '';
    if (secrets.some((secret) => secret !== CLIENT_ID && printed.includes(secret)))
      problems.push('the broker printed a secret');
    if (problems.length > 0) problems.push(`main log: ${main.log.join(' | ')}`, `post log: ${post.log.join(' | ')}`);
  } finally {
    await broker?.stop();
    await issuer?.stop();
    await world.emulator.stop();
  }
  return { seed: s.seed, problems, ms: Date.now() - started };
}

/** Runs `runs` scenarios from `seed` on, `concurrency` at a time; `pullRequest`: each over a pull request's life. */
export async function chaos(options: {
  runs: number;
  seed: number;
  node: string;
  concurrency: number;
  pullRequest?: boolean;
  onResult?: (o: Outcome) => void;
}): Promise<Outcome[]> {
  const runOne = options.pullRequest ? runPullRequestScenario : runScenario;
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < options.runs) {
      const seed = options.seed + next++;
      const outcome = await runOne(scenario(seed), options.node);
      outcomes.push(outcome);
      options.onResult?.(outcome);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return outcomes.sort((a, b) => a.seed - b.seed);
}
