// Revoke and sweep, the broker's deletes. Revoke deletes only keys whose names carry the token's repository and
// run: by ID at once with the ticket minted with the key, or found in the rule's project (every project of the
// policy when no rule matches any more) by ID or by the nonce of their name. The sweep deletes this action's
// expired keys in every project of the policy, with the sweep sub-action's grace.
import type { AdminApi } from '../api/admin-api.js';
import type { RevokeTickets } from '../crypto/revoke-ticket.js';
import { parseKeyName, type RunRef } from '../rules/names.js';
import { planSweep } from '../rules/sweep-plan.js';
import type { Caller } from './claims.js';
import type { PineconeSessions } from './pinecone.js';
import { ruleFor, type Policy } from './policy.js';

export interface RevokeAsk {
  keyIds: string[];
  nonces: string[];
  /** The ticket minted with the one key in `keyIds`. */
  ticket?: string | undefined;
}

export interface Revoked {
  deleted: string[];
  /** IDs no project lists any more: deleted, as far as the job is concerned. */
  gone: string[];
  /** IDs of keys another run made. */
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
  sessions: PineconeSessions,
  context: { policy: Policy; tickets: RevokeTickets; caller: Caller; said: Said },
  ask: RevokeAsk,
): Promise<Revoked> {
  const { policy, tickets, caller, said } = context;
  const run = caller.context.run!;
  const done: Revoked = { deleted: [], gone: [], refused: [] };
  const [only] = ask.keyIds;
  let byListing = ask;
  if (ask.ticket && only !== undefined && ask.keyIds.length === 1 && tickets.holds(ask.ticket, only, run)) {
    // The ticket proves the key is this run's: one delete, no listing.
    ((await api.deleteKey(only)) === 'deleted' ? done.deleted : done.gone).push(only);
    said({ outcome: 'revoked', keyId: only });
    if (ask.nonces.length === 0) return done;
    byListing = { keyIds: [], nonces: ask.nonces };
  }
  const found = ruleFor(policy, caller.claims);
  const seen = new Set<string>();
  for (const projectId of await sessions.projectIds(found ? [found.rule] : policy.rules)) {
    for (const key of await api.listKeys(projectId)) {
      seen.add(key.id);
      const parsed = parseKeyName(key.name);
      const asked = byListing.keyIds.includes(key.id) || (!!parsed && byListing.nonces.includes(parsed.nonce));
      if (!asked) continue;
      if (!sameRun(parsed?.run, run)) {
        done.refused.push(key.id);
        said({ outcome: 'refused', keyId: key.id, reason: "not this token's run" });
        continue;
      }
      await api.deleteKey(key.id);
      done.deleted.push(key.id);
      said({ outcome: 'revoked', keyId: key.id, name: key.name });
    }
  }
  done.gone.push(...byListing.keyIds.filter((id) => !seen.has(id)));
  return done;
}

/** Every project of the policy: this action's keys that expired are deleted; each one told to `deleted`. */
export async function sweepExpired(
  api: AdminApi,
  sessions: PineconeSessions,
  policy: Policy,
  deleted: (key: { id: string; name: string | null | undefined }) => void,
): Promise<number> {
  let swept = 0;
  for (const projectId of await sessions.projectIds(policy.rules)) {
    const plan = planSweep(await api.listKeys(projectId), { match: '', expiredOnly: true, now: sessions.clock.now() });
    for (const { item, remove } of plan.verdicts) {
      if (!remove) continue;
      await api.deleteKey(item.id);
      swept += 1;
      deleted(item);
    }
  }
  return swept;
}

/** Made by this run: the same repository (on the same instance) and run, whichever attempt. */
function sameRun(made: RunRef | undefined, caller: RunRef): boolean {
  return (
    !!made && made.repositoryId === caller.repositoryId && made.runId === caller.runId && made.server === caller.server
  );
}
