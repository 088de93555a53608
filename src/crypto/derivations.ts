// Every key this action derives from a secret (the client secret, or the handoff secret), in one table: what it
// protects, and the HKDF label (salt, or the start of the info for the handoff, whose salt is random) that keeps it
// apart from the others. A new derivation gets a row here; a test checks that no label is another's or starts
// another's.
export const DERIVATIONS = {
  /** The seal of main's journal for post (crypto/state-seal.ts): HKDF salt, info `v1` + the job's context. */
  state: { label: 'pinecone-ephemeral-key/state', version: 'v1' },
  /** The tag of throwaway project names (crypto/name-tag.ts): HKDF salt, info `v1`. */
  projectName: { label: 'pinecone-ephemeral-key/project-name', version: 'v1' },
  /** The tag of API key names made by the action's direct mode (crypto/name-tag.ts): HKDF salt, info `v1`. */
  keyName: { label: 'pinecone-ephemeral-key/key-name', version: 'v1' },
  /**
   * The tag of API key names the keyless broker makes (crypto/name-tag.ts): HKDF salt, info `v1`. Apart from direct
   * mode's, so that a broker and direct-mode jobs sharing one service account never take each other's keys for their own.
   */
  brokerKeyName: { label: 'pinecone-ephemeral-key/broker-key-name', version: 'v1' },
  /**
   * A shared key's handoff (crypto/handoff.ts), from the handoff secret (not the client secret, which the jobs
   * that use the key never hold): scrypt (HANDOFF_SCRYPT in base/policy.ts: each offline guess against a printed
   * handoff costs memory and time) under a random salt, then HKDF with that salt, info `pek3 handoff` + repository
   * and run. `pek2` (HKDF alone) is no longer read.
   */
  handoff: { label: 'pek3 handoff', version: 'pek3' },
  /**
   * The proof a handoff carries that the key job made it (crypto/handoff.ts): HKDF salt, info `v1`; from the client
   * secret, which the key and revoke jobs hold and the jobs that use the key do not, so that a job holding only the
   * handoff secret cannot forge a handoff that names another key for revoke to delete.
   */
  handoffProof: { label: 'pinecone-ephemeral-key/handoff-proof', version: 'v1' },
  /**
   * The keyless broker's revoke ticket (crypto/revoke-ticket.ts): HKDF salt, info `v1`; from the client secret,
   * which only the broker holds, so that any replica can check a ticket another one issued.
   */
  revokeTicket: { label: 'pinecone-ephemeral-key/broker-revoke', version: 'v1' },
} as const;
