// `npm run chaos -- --runs N --seed S [--node PATH] [--concurrency C] [--pull-request]`: seeded chaos against the
// emulator (`--pull-request`: each seed over a pull request's life, lifetime: pull-request). A failing run prints its
// seed; `--runs 1 --seed <seed>` replays it.
import { parseArgs } from 'node:util';
import { chaos, scenario } from '../test/chaos/chaos.js';
import { NODE_24 } from '../test/runner/runner.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '50' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    node: { type: 'string', default: NODE_24 },
    concurrency: { type: 'string', default: '4' },
    'pull-request': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const seed = Number(values.seed);
const started = Date.now();
let done = 0;
const outcomes = await chaos({
  runs,
  seed,
  node: values.node,
  concurrency: Number(values.concurrency),
  pullRequest: values['pull-request'],
  onResult: (outcome) => {
    done += 1;
    if (outcome.problems.length > 0) {
      process.stdout.write(
        `\nFAILED seed ${outcome.seed} (replay: npm run chaos -- --runs 1 --seed ${outcome.seed}${values['pull-request'] ? ' --pull-request' : ''})\n  scenario: ${JSON.stringify(scenario(outcome.seed))}\n  ${outcome.problems.join('\n  ')}\n`,
      );
    } else if (done % 25 === 0 || done === runs) {
      process.stdout.write(`${done}/${runs} runs, ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    }
  },
});
const failed = outcomes.filter((o) => o.problems.length > 0);
process.stdout.write(
  `chaos: seeds ${seed}..${seed + runs - 1} on ${values.node}: ${outcomes.length - failed.length} passed, ${failed.length} failed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
);
process.exitCode = failed.length > 0 ? 1 : 0;
