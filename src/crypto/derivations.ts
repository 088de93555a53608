// Every key this action derives from a secret (the client secret, or the handoff secret), in one table: what it protects, and the HKDF label (salt,
// or the start of the info for the handoff, whose salt is random) that keeps it apart from the others. A new
// derivation gets a row here; a test checks that no label is another's or starts another's.
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
   * that use the key never hold): random salt, info `pek2 handoff` + repository and run.
   */
  handoff: { label: 'pek2 handoff', version: 'pek2' },
  /**
   * The keyless broker's revoke ticket (crypto/revoke-ticket.ts): HKDF salt, info `v1`; from the client secret,
   * which only the broker holds, so that any replica can check a ticket another one issued.
   */
  revokeTicket: { label: 'pinecone-ephemeral-key/broker-revoke', version: 'v1' },
} as const;
