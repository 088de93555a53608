// Faults the emulator can inject, per operation, each for a number of matching requests.
export type Op =
  | 'token'
  | 'list-projects'
  | 'get-project'
  | 'update-project'
  | 'create-project'
  | 'delete-project'
  | 'create-key'
  | 'list-keys'
  | 'fetch-key'
  | 'update-key'
  | 'delete-key'
  | 'list-indexes'
  | 'describe-index'
  | 'configure-index'
  | 'delete-index'
  | 'list-collections'
  | 'delete-collection'
  | 'list-backups'
  | 'delete-backup'
  | 'list-assistants'
  | 'delete-assistant';

/** `after`: let that many matching requests through untouched first (a fault for the second list, not the first). */
export type Fault = { op: Op; times?: number; after?: number } &
  /** Answer with this status instead of doing the operation (body: Pinecone's error shape unless given). */
  (
    | { status: number; body?: string; contentType?: string; retryAfter?: string; code?: string }
    /** drop: destroy the socket, do nothing. hang: never answer, do nothing. */
    | { action: 'drop' | 'hang' }
    /** Do the operation, then destroy the socket / never answer: the client cannot know it happened. */
    | { action: 'commit-then-drop' | 'commit-then-hang' }
    /** Do the operation and answer, after `ms`. */
    | { action: 'delay'; ms: number }
    /** Never answer; do the operation `ms` later (a create that is carried out after the client gave up). */
    | { action: 'late-commit'; ms: number }
  );

export class FaultPlan {
  private readonly faults: Array<Fault & { left: number; passes: number }> = [];

  add(...faults: Fault[]): void {
    for (const fault of faults) this.faults.push({ ...fault, left: fault.times ?? 1, passes: fault.after ?? 0 });
  }

  /** The fault for this request, if any; consumes one use. */
  take(op: Op): Fault | undefined {
    const index = this.faults.findIndex((fault) => fault.op === op && fault.left > 0);
    if (index < 0) return undefined;
    const fault = this.faults[index]!;
    if (fault.passes > 0) {
      fault.passes -= 1;
      return undefined;
    }
    fault.left -= 1;
    if (fault.left === 0) this.faults.splice(index, 1);
    return fault;
  }

  clear(): void {
    this.faults.length = 0;
  }
}
