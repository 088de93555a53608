// The test GitHub App's key pair: the broker signs the App's JWTs with the private key (PEM, as operators give it),
// and GitHub's emulator checks them with the public key. Made once per test process: RSA keys take a while. Its
// App ID, and where the tests install it unless they say otherwise.
import { generateKeyPairSync } from 'node:crypto';

export const APP_KEY = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

export const APP_ID = '424242';

/** The App's installations in most tests: on octo-org, installation 77 (a new map: tests change theirs). */
export function defaultInstallations(): Map<string, number> {
  return new Map([['octo-org', 77]]);
}
