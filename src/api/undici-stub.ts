// Stands in for `undici` in the bundles (tsconfig.json `paths`, which ncc honours). @actions/http-client imports
// undici only for HttpClient.getAgentDispatcher, a fetch dispatcher for Octokit that this action never asks for;
// bundled, undici is ~90% of every bundle and ~25 ms of every step's start (actions/toolkit#1697). Our requests,
// proxied or not, go through node:http and `tunnel`, not undici.
export class ProxyAgent {
  constructor() {
    throw new Error('This bundle leaves out undici: HttpClient.getAgentDispatcher is not supported.');
  }
}
