// A later `run:` step of a job, as a user writes it: Pinecone's own client made with `new Pinecone()`, which reads
// PINECONE_API_KEY (and PINECONE_CONTROLLER_HOST, here the emulator's URL) from the environment, lists the project's
// indexes and describes the first. Prints one line of what it saw, or the SDK's error class and exits 1. Run as is
// by Node 24 (its types are stripped), as a user's script would be.
import { Pinecone } from '@pinecone-database/pinecone';

try {
  const pinecone = new Pinecone();
  const { indexes = [] } = await pinecone.listIndexes();
  const first = indexes[0];
  const described = first ? await pinecone.describeIndex(first.name) : undefined;
  const status = described ? `; ${described.name} is ${described.status.state}` : '';
  process.stdout.write(`indexes: ${indexes.map((index) => index.name).join(', ') || 'none'}${status}\n`);
} catch (error) {
  const { name, message } = error as Error;
  process.stdout.write(`${name}: ${message.split('. ')[0]}.\n`);
  process.exitCode = 1;
}
