// `npm run broker [-- --once]`: the keyless broker from its committed bundle, against the embedded Pinecone emulator
// and a fake GitHub OIDC issuer, with an example policy; one keyless job (main, then post) through it, then the
// broker keeps serving until Ctrl-C (--once: it drains and exits after the job).
import { parseArgs } from 'node:util';
import { Job } from '../test/runner/runner.js';
import { brokerJob, decisions, policyFor, RUN_CLAIMS, startBrokerProcess } from '../test/support/broker.js';
import { startWorld } from '../test/support/fixture.js';
import { OidcIssuer } from '../test/support/oidc-issuer.js';

const { values } = parseArgs({ options: { once: { type: 'boolean', default: false }, port: { type: 'string' } } });
const out = (text = '') => process.stdout.write(`${text}\n`);
const section = (title: string) => out(`\n── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}`);

const world = await startWorld();
const issuer = await new OidcIssuer().start();
issuer.claims = { ...RUN_CLAIMS };
const policy = policyFor(issuer, world).replace('sweep-interval: 1h', 'sweep-interval: 1m');
const broker = await startBrokerProcess({ world, policy, port: Number(values.port ?? 8080) });
out(`Pinecone emulator on ${world.emulator.url}, project "${world.project.name}".`);
out(
  `Fake GitHub OIDC issuer on ${issuer.url}; the job's token names ${RUN_CLAIMS.repository}, run ${RUN_CLAIMS.run_id}.`,
);
out(`Broker (dist/broker/index.js) on ${broker.url}, policy:`);
section('policy (PINECONE_BROKER_CONFIG)');
out(policy.trim());

const { with: inputs, env } = brokerJob(issuer, broker);
const job = new Job({ with: { ...inputs, roles: 'DataPlaneEditor', ttl: '1h' }, env });
section('workflow');
out(`permissions:
  id-token: write
steps:
  - uses: OWNER/pinecone-ephemeral-key@v1
    with:
      broker-url: ${broker.url}
      broker-audience: ${inputs['broker-audience']}
      roles: DataPlaneEditor
      ttl: 1h
  - run: npm test   # PINECONE_API_KEY is set`);
const main = await job.main();
section(`main step (exit ${main.exitCode}, ${main.durationMs} ms): no Pinecone credential in the job`);
main.log.forEach((line) => out(line));
const post = await job.post();
section(`post step (exit ${post.exitCode}, ${post.durationMs} ms)`);
post.log.forEach((line) => out(line));
section("the broker's decision log (stdout, one JSON line each)");
for (const line of decisions(broker)) out(JSON.stringify(line));
out(`\nKeys left in the project: ${world.emulator.keysIn(world.project.id).length}.`);

const stop = async () => {
  await broker.stop();
  await issuer.stop();
  await world.emulator.stop();
};
if (values.once) {
  await stop();
} else {
  section('the broker keeps serving (Ctrl-C drains it and stops)');
  out(`curl -s ${broker.url}/healthz`);
  out(`curl -s ${broker.metricsUrl}`);
  out(`A token of the demo run for 10 minutes (the job's OIDC token), and the broker: paste these into a shell,`);
  out('then try the curl examples of docs/BROKER.md ("Try the API").');
  out(`export BROKER=${broker.url}`);
  out(`export TOKEN=${await issuer.token(inputs['broker-audience'], {}, { expiresIn: '10m' })}`);
  process.once('SIGINT', () => void stop().then(() => process.exit(0)));
}
