// Revoke, of the broker's own keys only: a key whose name carries the broker's tag
// (own-keys.ts), never the action's own keys nor a hand-made look-alike. Revoke deletes only keys of the token's own
// repository, run, attempt and job, in the project of the rule the token matches (the caller refuses a token that
// matches none before any request): by ID at once with the ticket minted with the key, or found by ID or by the
// nonce of their name. The sweep is sweep.ts.
import type { AdminApi } from '../../api/pinecone/admin-api.js';
import type { RevokeTickets } from '../../crypto/revoke-ticket.js';
import type { Caller } from '../policy/claims.js';
import { ofJob, type BrokerKeys } from './own-keys.js';

export interface RevokeAsk {
  keyIds: string[];
  nonces: string[];
  /** The ticket minted with the one key in `keyIds`. */
  ticket?: string | undefined;
}

export interface Revoked {
  deleted: string[];
  /** IDs the project does not list any more: deleted, as far as the job is concerned. */
  gone: string[];
  /** IDs of keys another job made, or the broker did not make. */
  refused: string[];
}

/** What a delete is told: which key, and `refused` with why. */
export type Said = (what: {
  outcome: 'revoked' | 'refused';
  keyId: string;
  name?: string | null;
  reason?: string;
}) => void;

export async function revokeOwn(
  api: AdminApi,
  projectId: string,
  context: { keys: BrokerKeys; tickets: RevokeTickets; caller: Caller; said: Said },
  ask: RevokeAsk,
): Promise<Revoked> {
  const { keys, tickets, caller, said } = context;
  const run = caller.context.run!;
  const done: Revoked = { deleted: [], gone: [], refused: [] };
  const [only] = ask.keyIds;
  let byListing = ask;
  if (ask.ticket && only !== undefined && ask.keyIds.length === 1 && tickets.holds(ask.ticket, only, run)) {
    // The ticket proves the key is this job's: one delete, no listing.
    ((await api.deleteKey(only)) === 'deleted' ? done.deleted : done.gone).push(only);
    said({ outcome: 'revoked', keyId: only });
    if (ask.nonces.length === 0) return done;
    byListing = { keyIds: [], nonces: ask.nonces };
  }
  const seen = new Set<string>();
  for (const key of await api.listKeys(projectId)) {
    seen.add(key.id);
    const parsed = keys.parse(key.name);
    const asked = byListing.keyIds.includes(key.id) || (!!parsed && byListing.nonces.includes(parsed.nonce));
    if (!asked) continue;
    const why = !parsed ? 'not a key the broker made' : !ofJob(parsed.run, run) ? "not this token's job" : undefined;
    if (why) {
      done.refused.push(key.id);
      said({ outcome: 'refused', keyId: key.id, reason: why });
      continue;
    }
    await api.deleteKey(key.id);
    done.deleted.push(key.id);
    said({ outcome: 'revoked', keyId: key.id, name: key.name });
  }
  done.gone.push(...byListing.keyIds.filter((id) => !seen.has(id)));
  return done;
}
