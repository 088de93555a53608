// What main leaves for post. Never a secret: the post step logs in again and addresses the key by ID.
// The runner keeps the last value saved under a name, and reads the file even after a crash or a kill,
// so every save below is a checkpoint that the post step can act on.
export interface StateStore {
  saveState: (name: string, value: string) => void;
  getState: (name: string) => string;
}

export interface MainState {
  projectId: string;
  /** Every name a create request was sent for: a key with one of these names and no ID below is an orphan. */
  names: string[];
  /** Set while a create request is unanswered: the post step then waits a little for a late commit. */
  inFlight: string;
  keyId: string;
  keyName: string;
  /** `false` when the user asked to keep the key (`cleanup: false`). */
  cleanup: boolean;
  /** Other keys of this action for post to delete: expired ones (`sweep-expired`), older ones (`replace`). */
  retire: Array<{ id: string; name: string; why: string }>;
}

const FIELDS = {
  projectId: 'project-id',
  names: 'names',
  inFlight: 'in-flight',
  keyId: 'key-id',
  keyName: 'key-name',
  cleanup: 'cleanup',
  retire: 'retire',
} as const;

export function saveState(store: StateStore, state: Partial<MainState>): void {
  for (const [field, value] of Object.entries(state) as [keyof MainState, MainState[keyof MainState]][]) {
    store.saveState(FIELDS[field], typeof value === 'string' ? value : JSON.stringify(value));
  }
}

export function loadState(store: StateStore): MainState {
  const text = (field: keyof MainState) => store.getState(FIELDS[field]);
  const list = (field: keyof MainState): unknown[] => {
    try {
      const value: unknown = JSON.parse(text(field) || '[]');
      return Array.isArray(value) ? value : [];
    } catch {
      return [];
    }
  };
  return {
    projectId: text('projectId'),
    names: list('names').filter((name): name is string => typeof name === 'string'),
    retire: list('retire').filter(
      (key): key is MainState['retire'][number] => typeof (key as { id?: unknown })?.id === 'string',
    ),
    inFlight: text('inFlight'),
    keyId: text('keyId'),
    keyName: text('keyName'),
    cleanup: text('cleanup') !== 'false',
  };
}
