// Pinecone's own TypeScript SDK pointed at the emulator, as a user of the action would hold it. The SDK takes the
// Admin API's base URL (`controllerHostUrl`) but not its OAuth token URL (login.pinecone.io is a constant in
// admin/tokenProvider.js): its `fetchApi` option is the one way in, so the token request alone is sent to the
// emulator's /oauth/token, unaltered otherwise.
import { AdminClient, type AdminClientConfiguration } from '@pinecone-database/pinecone';
import type { PineconeEmulator } from '../emulator/server.js';

/** Where the SDK (9.0.0) sends its token request. */
export const SDK_TOKEN_URL = 'https://login.pinecone.io/oauth/token';

export function adminClientFor(
  emulator: PineconeEmulator,
  clientId: string,
  clientSecret: string,
  config: AdminClientConfiguration = {},
): AdminClient {
  const fetchApi = (input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : input.toString();
    return fetch(url === SDK_TOKEN_URL ? emulator.authUrl : input, init);
  };
  return new AdminClient({ clientId, clientSecret, controllerHostUrl: emulator.url, fetchApi, ...config });
}
