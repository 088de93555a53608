// A create that finds no room (a project full of keys, an organization at its project limit) would keep failing
// while expired things of this action hold the room: with sweep-expired, delete those now and try once more.
// Without it, every job would fail before it made anything, so no post step would ever clean up.
import { DELETE_CONCURRENCY } from '../base/policy.js';
import { forEachBounded } from '../base/pool.js';
import { ActionError } from '../base/errors.js';
import { askableRun, type Candidate, type Here } from '../rules/liveness.js';
import type { Named } from '../rules/sweep-plan.js';
import { isExpired } from '../rules/sweep-plan.js';
import type { Log } from '../runtime/step.js';
import type { Kind } from './kind.js';

export interface RoomRules {
  log: Log;
  sweepExpired: boolean;
  now: () => number;
  /** This step's repository and run: whose other runs GitHub can tell about. */
  here: Here;
  /**
   * The same rules as post and the sweep: an expired one whose run GitHub says is still going is spared (its own
   * post step deletes it); `kind` reads the names.
   */
  judge: (candidates: Candidate[], kind: Kind) => Promise<{ retire: Candidate[]; spared: Candidate[] }>;
}

export async function createMakingRoom<T, K extends Named>(
  create: () => Promise<T>,
  kind: Kind<K>,
  room: RoomRules,
): Promise<T> {
  try {
    return await create();
  } catch (error) {
    if (!kind.room.isFull(error)) throw error;
    if (!room.sweepExpired) throw new ActionError(kind.room.withoutSweep(error));
    const listed = await kind.list();
    const candidates = listed.flatMap((item): Candidate[] => {
      const parsed = kind.parse(item.name);
      if (!parsed || !isExpired(parsed, room.now())) return [];
      const runId = askableRun(parsed, room.here);
      return [{ id: item.id, name: item.name!, why: 'expired', ...(runId ? { runId } : {}) }];
    });
    if (candidates.length === 0) throw kind.room.noneExpired(error, listed, room.now());
    const { retire: expired, spared } = await room.judge(candidates, kind);
    if (expired.length === 0) throw kind.room.spared(error, spared.length);
    room.log.info(kind.room.making(expired.length));
    const failures = await forEachBounded(expired, DELETE_CONCURRENCY, async (item) => {
      await kind.remove(item);
      room.log.info(`Deleted expired ${kind.noun} ${item.name} (${item.id}).`);
    });
    if (failures.length === expired.length) throw failures[0]!.error;
    try {
      return await create();
    } catch (again) {
      if (kind.room.isFull(again)) throw await kind.room.stillFull(again, room.now());
      throw again;
    }
  }
}
