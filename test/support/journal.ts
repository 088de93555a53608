// Reads what main handed to post (the sealed journal in its state) without checking the seal: tests look at what
// main recorded; the post step is what must verify it.
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

export function journalOf(state: Record<string, string>): RecordedJournal | undefined {
  const sealed = state['journal'];
  if (!sealed) return undefined;
  const [, body] = sealed.split('.');
  return JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')) as RecordedJournal;
}
