// `npx tsx scripts/emulator.ts --port 8787 --ready emulator.json`: the Pinecone emulator as a standalone server,
// for the self-test workflow and for trying the action by hand. Writes its URLs and credentials to --ready.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PineconeEmulator } from '../test/emulator/server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    ready: { type: 'string' },
    'client-id': { type: 'string', default: 'emulated-client' },
    'client-secret': { type: 'string', default: 'emulated-secret' },
    project: { type: 'string', default: 'self-test' },
  },
});
const emulator = await new PineconeEmulator().start(Number(values.port));
emulator.addClient(values['client-id'], values['client-secret']);
const project = emulator.addProject(values.project);
const info = { apiUrl: emulator.url, authUrl: emulator.authUrl, projectId: project.id, projectName: project.name };
if (values.ready) writeFileSync(values.ready, JSON.stringify(info));
process.stdout.write(`Pinecone emulator ready: ${JSON.stringify(info)}\n`);
emulator.onRequest = (request) => process.stdout.write(`${request.method} ${request.path}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    const left = emulator.keysIn().map((key) => key.name);
    const projects = [...emulator.projects.values()].filter((p) => p.id !== project.id).map((p) => p.name);
    process.stdout.write(`keys left: ${left.length} ${JSON.stringify(left)}\n`);
    process.stdout.write(`throwaway projects left: ${projects.length} ${JSON.stringify(projects)}\n`);
    void emulator.stop().then(() => process.exit(0));
  });
}
