// Reads what main handed to post (the sealed journal in its state) without checking the seal: tests look at what
// main recorded, as one flat record of the key's slot and the throwaway project's; the post step is what must
// verify it.
export interface RecordedJournal {
  projectId: string;
  cleanup: boolean;
  names: string[];
  inFlight: string;
  key?: { id: string; name: string };
  retire: Array<{ id: string; name: string; why: string }>;
  projectNames?: string[];
  projectInFlight?: string;
  project?: { id: string; name: string };
  retireProjects?: Array<{ id: string; name: string; why: string }>;
}

interface Slot {
  names: string[];
  inFlight: string;
  made?: { id: string; name: string };
  retire: Array<{ id: string; name: string; why: string }>;
}

export function journalOf(state: Record<string, string>): RecordedJournal | undefined {
  const sealed = state['journal'];
  if (!sealed) return undefined;
  const [, body] = sealed.split('.');
  const record = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')) as {
    projectId: string;
    cleanup: boolean;
    slots: Record<string, Slot | undefined>;
  };
  const { key, project } = record.slots;
  return {
    projectId: record.projectId,
    cleanup: record.cleanup,
    names: key?.names ?? [],
    inFlight: key?.inFlight ?? '',
    key: key?.made,
    retire: key?.retire ?? [],
    projectNames: project?.names,
    projectInFlight: project?.inFlight,
    project: project?.made,
    retireProjects: project?.retire,
  };
}
