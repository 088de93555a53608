// The bench's stand-in for main and post with our Admin API module (src/api/pinecone/admin-api.ts), bundled by ncc like
// a step: BENCH_MODE=none only loads it; main logs in, creates a key beside a list of the project's keys; post logs in
// and deletes the key BENCH_KEY_ID. Compared with sdk.ts, which does the same with Pinecone's AdminClient.
import * as core from '@actions/core';
import { Secrets } from '../../../src/base/secrets.js';
import { liveDeps } from '../../../src/runtime/live.js';
import { openApi } from '../../../src/runtime/session.js';
import { benchEnv } from './env.js';

const bench = benchEnv();
if (bench.mode !== 'none') {
  const { deps, dispose } = liveDeps({});
  const connection = {
    apiUrl: bench.apiUrl,
    authUrl: bench.authUrl,
    apiVersion: '2026-04',
    clientId: bench.clientId,
    clientSecret: bench.clientSecret,
  };
  const api = openApi(deps, deps.core, connection, 60_000, new Secrets(core.setSecret));
  if (bench.mode === 'main') {
    await api.login({ creates: 1, lists: 1 });
    const [made] = await Promise.all([
      api.createKey(bench.project, 'bench', ['ProjectEditor']),
      api.listKeys(bench.project),
    ]);
    core.setSecret(made.value);
    core.setOutput('key-id', made.key.id);
  } else {
    await api.login({ deletes: 1 });
    await api.deleteKey(bench.keyId);
  }
  dispose();
}
