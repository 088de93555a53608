// A mint's create, within the caps (own/caps.ts): the list before it says whether the job or the rule already holds
// its keys; the list after it settles a race with another mint of the same job (another replica, a replayed token),
// where at most the cap stays and, in a tight race, none may. A mint that lost a race tries once more after a random
// pause, so that racers who all lost part and one of them keeps a key. A create whose answer was lost is looked for
// by name (with a budget of its own) and deleted; when even that fails, the answer says the outcome is unknown.
import { ProjectUnusableError, type AdminApi, type ApiKey } from '../../api/pinecone/admin-api.js';
import { OutcomeUnknownError } from '../../base/errors.js';
import { BROKER_CLEANUP_BUDGET_MS } from '../../base/policy.js';
import type { Role } from '../../inputs/roles.js';
import { removeByName } from '../../keys/create.js';
import { atCap, pastCap, type CapContext } from '../own/caps.js';
import { projectRefusal, Refusal, type Decision, type Say } from './decisions.js';
import type { MintContext } from './mint.js';

export interface CreateAsk {
  api: AdminApi;
  projectId: string;
  name: string;
  roles: Role[];
  cap: CapContext;
  said: Say;
  signal: AbortSignal;
}

/** Racers pause between these before their second try. */
const RETRY_PAUSE_MS = { min: 50, spread: 450 };

export async function createWithinCap(ctx: MintContext, ask: CreateAsk): Promise<{ key: ApiKey; value: string }> {
  const { api, projectId, cap, said } = ask;
  const rule = cap.label;
  for (let attempt = 1; ; attempt += 1) {
    const full = await atCap(api, projectId, cap).catch((error: unknown) => {
      throw failed(ctx, said({ outcome: 'error', rule }), error, projectId);
    });
    if (full) {
      ctx.decide(said({ outcome: 'refused', rule, reason: full }));
      throw new Refusal('invalid_scope', full);
    }
    const created = await createOnce(ctx, ask);
    // A list that fails leaves the key to the job: it holds its value, so nothing is lost.
    const lost = await pastCap(api, projectId, created.key.id, cap).catch(() => undefined);
    if (!lost) return created;
    // A delete that fails leaves the key to the job too: one key over the cap beats one nobody holds.
    const deleted = await api.deleteKey(created.key.id).then(
      () => true,
      () => false,
    );
    if (!deleted) return created;
    ctx.lists.forget(projectId); // the next list shows the winner, not the keys the losers deleted
    const again = attempt === 1 ? ' The broker tries once more.' : '';
    ctx.decide(said({ outcome: 'refused', rule, key_id: created.key.id, reason: `${lost}${again}` }));
    if (attempt === 2) throw new Refusal('invalid_scope', lost);
    await ctx.sleep(RETRY_PAUSE_MS.min + ctx.random() * RETRY_PAUSE_MS.spread, ask.signal);
  }
}

async function createOnce(ctx: MintContext, ask: CreateAsk): Promise<{ key: ApiKey; value: string }> {
  const { api, projectId, name, roles, said } = ask;
  const rule = ask.cap.label;
  try {
    return await api.createKey(projectId, name, roles);
  } catch (error) {
    if (!(error instanceof OutcomeUnknownError))
      throw failed(ctx, said({ outcome: 'error', rule, key_name: name }), error, projectId);
    // Its secret never reached us: whatever the lost request made goes (with a budget of its own: the job's may
    // be spent), and the job may ask again. When even that fails, nobody can say whether a key exists.
    const cleanup = ctx.pinecone.open(ask.signal, BROKER_CLEANUP_BUDGET_MS);
    const left = await removeByName(cleanup, projectId, name, QUIET).then(
      () => undefined,
      (failure: unknown) => (failure instanceof Error ? failure.message : String(failure)),
    );
    if (left !== undefined) {
      const unknown = `Pinecone's answer to the create was lost, and key ${name} could not be looked for (${left}): the outcome is unknown; the broker's sweep deletes it at its expiry.`;
      ctx.decide(said({ outcome: 'unavailable', rule, key_name: name, reason: unknown }));
      throw new Refusal('temporarily_unavailable', unknown);
    }
    const why = `Pinecone's answer to the create was lost (${error.message}); nothing was left. Ask again.`;
    ctx.decide(said({ outcome: 'unavailable', rule, key_name: name, reason: why }));
    throw new Refusal('temporarily_unavailable', why);
  }
}

/** The operator is told; the caller too, unless it is the project that failed (its name is the operator's). */
function failed(ctx: MintContext, decision: Decision, error: unknown, projectId: string): unknown {
  const reason = error instanceof Error ? error.message : String(error);
  ctx.decide({ ...decision, outcome: 'error', reason });
  if (!(error instanceof ProjectUnusableError)) return error;
  ctx.pinecone.forgetProject(projectId);
  return projectRefusal(error.why);
}

/** The broker says what it did in its decision lines, not in the action's log lines. */
const QUIET = { info: () => undefined, notice: () => undefined, warning: () => undefined, debug: () => undefined };
