// The keyless broker's entry (node dist/broker/index.js): see src/broker/serve.ts and docs/BROKER.md.
import { run } from './broker/serve.js';

await run();
