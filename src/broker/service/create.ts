// A mint's create, within the caps (own/caps.ts): the list before it says whether the job or the rule already holds
// its keys; the list after it settles a race with another mint of the same job (another replica, a replayed token),
// where at most the cap stays and, in a tight race, none may. Mints of one job at this replica go one at a time;
// across replicas, a mint that lost a race tries once more after a random pause with a list of its own, so that
// racers who all lost part and, most often, one of them keeps a key. Should the check after the
// create, or a loser's delete, fail (each with a budget of its own), the job keeps its key, one over the cap: that
// beats a key nobody holds, and the operator is told. A create whose answer was lost is looked for
// by name (with a budget of its own) and deleted; when even that fails, the answer says the outcome is unknown.
import { ProjectUnusableError, type AdminApi, type ApiKey } from '../../api/pinecone/admin-api.js';
import { OutcomeUnknownError } from '../../base/errors.js';
import { BROKER_CLEANUP_BUDGET_MS, BROKER_RACE_RETRY_PAUSE_MS } from '../../base/policy.js';
import type { Role } from '../../inputs/roles.js';
import { removeByName } from '../../keys/create.js';
import { atCap, pastCap, type CapContext } from '../own/caps.js';
import { Refusal, type Decision, type Say } from './decisions.js';
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

export function createWithinCap(ctx: MintContext, ask: CreateAsk): Promise<{ key: ApiKey; value: string }> {
  const { run } = ask.cap;
  const job = run.job && `${run.server ?? ''}/${run.repositoryId}/${run.runId}/${run.attempt}/${run.job}`;
  return ctx.oneJobAtATime.run(job, () => createWithin(ctx, ask));
}

async function createWithin(ctx: MintContext, ask: CreateAsk): Promise<{ key: ApiKey; value: string }> {
  const { api, projectId, cap, said } = ask;
  const rule = cap.label;
  for (let attempt = 1; ; attempt += 1) {
    const started = ctx.pinecone.clock.now();
    const full = await atCap(api, projectId, cap, attempt > 1).catch((error: unknown) => {
      throw failed(ctx, said({ outcome: 'error', rule }), error, projectId);
    });
    if (full) {
      ctx.decide(said({ outcome: 'refused', rule, reason: full }));
      throw new Refusal('invalid_scope', full);
    }
    const created = await createOnce(ctx, ask);
    // The check after the create and a loser's delete have a budget of their own (the job's may be nearly spent).
    const settle = ctx.pinecone.open(ask.signal, BROKER_CLEANUP_BUDGET_MS);
    const kept = (why: string) => {
      // The job holds the key's value: one key over the cap beats one nobody holds. The operator is told.
      ctx.decide(said({ outcome: 'error', rule, key_id: created.key.id, reason: `kept, maybe past the cap: ${why}` }));
      return created;
    };
    let lost: string | undefined;
    try {
      lost = await pastCap(settle, projectId, created.key.id, cap);
    } catch (error) {
      return kept(`the list after the create failed (${(error as Error).message})`);
    }
    if (!lost) return created;
    try {
      await settle.deleteKey(created.key.id);
    } catch (error) {
      return kept(`it lost a race, and its delete failed (${(error as Error).message})`);
    }
    ctx.lists.forget(projectId); // the next list shows the winner, not the keys the losers deleted
    const again = attempt === 1 ? ' The broker tries once more.' : '';
    ctx.decide(said({ outcome: 'refused', rule, key_id: created.key.id, reason: `${lost}${again}` }));
    if (attempt === 2) throw new Refusal('invalid_scope', lost);
    const took = ctx.pinecone.clock.now() - started;
    const { min, max, attempts } = BROKER_RACE_RETRY_PAUSE_MS;
    const pause = Math.min(max, min + ctx.random() * attempts * took);
    await ctx.sleep(pause, ask.signal);
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
      const unknown = `Pinecone's answer to the create was lost, and key ${name} could not be looked for (${left}): the outcome is unknown; the broker's sweep deletes it (at its expiry, or once its job is over).`;
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
  if (error instanceof ProjectUnusableError) return ctx.unusable(error, projectId, { ...decision, outcome: 'error' });
  ctx.decide({ ...decision, outcome: 'error', reason: error instanceof Error ? error.message : String(error) });
  return error;
}

/** The broker says what it did in its decision lines, not in the action's log lines. */
const QUIET = { info: () => undefined, notice: () => undefined, warning: () => undefined, debug: () => undefined };
