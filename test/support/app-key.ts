// The test GitHub App's key pair: the broker signs the App's JWTs with the private key (PEM, as operators give it),
// and GitHub's emulator checks them with the public key. Made once per test process: RSA keys take a while.
import { generateKeyPairSync } from 'node:crypto';

export const APP_KEY = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
