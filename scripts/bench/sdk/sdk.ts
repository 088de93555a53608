// The bench's stand-in for main and post with Pinecone's AdminClient (@pinecone-database/pinecone), the same work
// as ours.ts. The SDK's token URL is fixed (login.pinecone.io): its fetchApi option sends that request to the
// emulator.
import * as core from '@actions/core';
import { AdminClient } from '@pinecone-database/pinecone';
import { benchEnv } from './env.js';

const bench = benchEnv();
if (bench.mode !== 'none') {
  const fetchApi = (input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : input.toString();
    return fetch(url === 'https://login.pinecone.io/oauth/token' ? bench.authUrl : input, init);
  };
  const admin = new AdminClient({
    clientId: bench.clientId,
    clientSecret: bench.clientSecret,
    controllerHostUrl: bench.apiUrl,
    fetchApi,
  });
  if (bench.mode === 'main') {
    const [made] = await Promise.all([
      admin.apiKeys.create(bench.project, { name: 'bench', roles: ['ProjectEditor'] }),
      admin.apiKeys.list(bench.project),
    ]);
    core.setSecret(made.value);
    core.setOutput('key-id', made.key.id);
  } else {
    await admin.apiKeys.delete(bench.keyId);
  }
}
