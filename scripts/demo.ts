// `npm run demo`: the action's main and post steps, from the committed bundles, against the embedded Pinecone
// emulator, showing what a user sees in the job log.
import { GitHubEmulator } from '../test/emulator/github.js';
import { join } from 'node:path';
import { Job, ROOT, RUN_ENV } from '../test/runner/runner.js';
import { startWorld } from '../test/support/fixture.js';

const world = await startWorld();
// GitHub, as the job's token sees it: run 16000001 of this repository is over, but its runner died before its post
// step, so its key is still in the project, hours before its expiry.
const github = await new GitHubEmulator(RUN_ENV.GITHUB_REPOSITORY).start();
github.run('16000001', 'completed');
const dead = world.ours('gha-shop-api-16000001-1-test', 5 * 3_600_000, {
  kind: 'job',
  run: { repositoryId: RUN_ENV.GITHUB_REPOSITORY_ID, runId: '16000001', attempt: 1 },
});
world.emulator.addIndex(world.project.id, 'products');
/** A later step of the job: Pinecone's own client, `new Pinecone()`, with the key from the environment. */
const CLIENT = join(ROOT, 'test/support/pinecone-client.ts');
const out = (text = '') => process.stdout.write(`${text}\n`);
// Bold headings on a terminal only: piped or with NO_COLOR, plain text.
const bold =
  process.stdout.isTTY && !process.env['NO_COLOR'] ? (text: string) => `\x1b[1m${text}\x1b[0m` : (text: string) => text;
const section = (title: string) => out(`\n${bold(`── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}`)}`);

out(`Pinecone emulator on ${world.emulator.url}, project "${world.project.name}" (${world.project.id}).`);
out(
  `GitHub emulator on ${github.url}: run 16000001 is completed, and its dead runner's key ${dead.name} is still there.`,
);
section('workflow');
out(`- uses: OWNER/pinecone-ephemeral-key@v1
  id: key
  with:
    client-id: \${{ secrets.PINECONE_CLIENT_ID }}
    client-secret: \${{ secrets.PINECONE_CLIENT_SECRET }}
    project: ${world.project.name}
    roles: ControlPlaneViewer, DataPlaneEditor
- run: node list-indexes.mjs   # new Pinecone() reads PINECONE_API_KEY`);

const { 'sweep-expired': _, ...inputs } = world.inputs; // the defaults a user gets
const job = new Job({
  with: { ...inputs, project: world.project.name, roles: 'ControlPlaneViewer, DataPlaneEditor' },
  // Pinecone's client finds the emulator's control plane here; on GitHub it needs nothing but the key.
  env: { GITHUB_API_URL: github.url, PINECONE_CONTROLLER_HOST: world.emulator.url },
});
const main = await job.main();
section(`Run pinecone-ephemeral-key (main step, exit ${main.exitCode}, ${main.durationMs} ms)`);
main.log.forEach((line) => out(line));

section('steps.key.outputs (as the log would show them)');
for (const [name, value] of Object.entries(main.outputs)) out(`${name.padEnd(11)} ${job.masker.mask(value)}`);
out(`env for later steps: ${Object.keys(main.env).join(', ')}=***`);

section('job summary');
out(main.summary.trim());

const client = async (when: string) => {
  const step = await job.script(CLIENT);
  section(`Run node list-indexes.mjs ${when} (exit ${step.exitCode}, ${step.durationMs} ms)`);
  step.log.forEach((line) => out(line));
};
await client('(new Pinecone(), the key from PINECONE_API_KEY)');
section(`keys in the project now: ${world.emulator.keysIn().length}`);
const post = await job.post();
section(`Post Run pinecone-ephemeral-key (exit ${post.exitCode}, ${post.durationMs} ms)`);
post.log.forEach((line) => out(line));
section(`keys in the project now: ${world.emulator.keysIn().length}`);
await client('again, had a step run after post');
out(
  `Requests the emulator saw: ${world.emulator.requests.map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, '…')} → ${r.status}`).join('; ')}`,
);
await github.stop();
await world.emulator.stop();
