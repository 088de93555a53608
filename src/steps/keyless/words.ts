// How broker mode's steps name their credential when it is missing: the job's right to an OIDC token.
import type { CredentialWords } from '../../runtime/step.js';

/** Broker mode's credential is the job's right to an OIDC token. */
export const OIDC_PERMISSION: CredentialWords = {
  noun: 'permission to ask GitHub for an OIDC token',
  fix: 'Add permissions: id-token: write to the job (or the workflow); the broker trades that token for the key',
};
