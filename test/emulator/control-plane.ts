// What lives inside a Pinecone project, as the control plane shows it to a project API key (`Api-Key` header):
// indexes (with deletion protection, and an asynchronous `Terminating` phase after a delete), collections,
// backups (paginated) and assistants (base path /assistant). Behaves as docs/PINECONE.md
// says the live service does; every answer is checked against db_control and assistant_control in the contract test.
import { randomUUID } from 'node:crypto';

export interface StoredIndex {
  name: string;
  deletionProtection: 'enabled' | 'disabled';
  state: 'Ready' | 'Terminating';
  /** A collection is being made from it: the service refuses to delete it (412). */
  collectionInProgress: boolean;
}

export interface ProjectContents {
  indexes: Map<string, StoredIndex>;
  collections: Set<string>;
  backups: Map<string, { sourceIndexName: string }>;
  assistants: Set<string>;
}

export function emptyContents(): ProjectContents {
  return { indexes: new Map(), collections: new Set(), backups: new Map(), assistants: new Set() };
}

export function isEmpty(contents: ProjectContents): boolean {
  return contents.indexes.size + contents.collections.size + contents.backups.size + contents.assistants.size === 0;
}

export function indexJson(index: StoredIndex) {
  return {
    name: index.name,
    dimension: 1536,
    metric: 'cosine',
    host: `${index.name}-emulated.svc.aped-4627-b74a.pinecone.io`,
    deletion_protection: index.deletionProtection,
    spec: { serverless: { cloud: 'aws', region: 'us-east-1' } },
    status: { ready: index.state === 'Ready', state: index.state },
    vector_type: 'dense',
    tags: {},
  };
}

export function collectionJson(name: string) {
  return { name, status: 'Ready', environment: 'us-east1-gcp', size: 3_126_700, dimension: 1536, vector_count: 120 };
}

export function backupJson(id: string, backup: { sourceIndexName: string }) {
  return {
    backup_id: id,
    source_index_name: backup.sourceIndexName,
    source_index_id: randomUUID(),
    status: 'Ready',
    cloud: 'aws',
    region: 'us-east-1',
    dimension: 1536,
    record_count: 120,
    namespace_count: 1,
    created_at: '2026-01-01T00:00:00Z',
  };
}

export function assistantJson(name: string) {
  return { name, status: 'Ready', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' };
}

/** Roles that may list a project's resources, and those that may delete or configure them. */
export const READ_ROLES = ['ProjectEditor', 'ProjectViewer', 'ControlPlaneEditor', 'ControlPlaneViewer'];
export const WRITE_ROLES = ['ProjectEditor', 'ControlPlaneEditor'];
