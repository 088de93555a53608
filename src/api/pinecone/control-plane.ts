// The one module that knows Pinecone's control plane: what is inside a project (indexes, collections, backups,
// assistants), listed and deleted with a project API key (`Api-Key`), at the same base URL as the Admin API
// (assistants under /assistant). Facts: docs/PINECONE.md (inside a project) and Pinecone's
// db_control and assistant_control specs. An index with deletion protection refuses to be deleted (403) until it is
// turned off; one a collection is being made from refuses with 412; a deleted index stays `Terminating` a while.
import { ActionError } from '../../base/errors.js';
import { isPineconeNotFound } from './admin-errors.js';
import type { Call, Requester } from '../requester.js';
import { describeStatus, isSuccess, parseBody, type HttpResponse } from '../transport.js';

export interface IndexInfo {
  name: string;
  deletionProtection: boolean;
  terminating: boolean;
}

export type Deletion = 'deleted' | 'already gone' | 'protected' | 'busy';

export class ControlPlane {
  constructor(
    private readonly apiUrl: string,
    private readonly apiVersion: string,
    /** A key of the project with ControlPlaneEditor (or ProjectEditor); masked by whoever made it. */
    private readonly projectKey: string,
    private readonly requester: Requester,
  ) {}

  async listIndexes(): Promise<IndexInfo[]> {
    const list = await this.list('/indexes', 'indexes', 'list the project’s indexes');
    return list.flatMap((item) => {
      const index = item as { name?: unknown; deletion_protection?: unknown; status?: { state?: unknown } };
      if (typeof index.name !== 'string') return [];
      return [
        {
          name: index.name,
          deletionProtection: index.deletion_protection === 'enabled',
          terminating: index.status?.state === 'Terminating',
        },
      ];
    });
  }

  async disableDeletionProtection(name: string): Promise<void> {
    const what = `turn deletion protection off for index ${name}`;
    const response = await this.send({
      what,
      method: 'PATCH',
      url: this.url(`/indexes/${encodeURIComponent(name)}`),
      body: JSON.stringify({ deletion_protection: 'disabled' }),
    });
    if (!isSuccess(response) && !isPineconeNotFound(response)) throw this.error(response, what);
  }

  deleteIndex(name: string): Promise<Deletion> {
    return this.delete(`/indexes/${encodeURIComponent(name)}`, `delete index ${name}`);
  }

  async listCollections(): Promise<string[]> {
    return names(await this.list('/collections', 'collections', 'list the project’s collections'));
  }

  deleteCollection(name: string): Promise<Deletion> {
    return this.delete(`/collections/${encodeURIComponent(name)}`, `delete collection ${name}`);
  }

  /** Every backup of the project, following the pagination. */
  async listBackups(): Promise<string[]> {
    const ids: string[] = [];
    for (let token: string | undefined = undefined, page = 0; page < 1000; page++) {
      const query: string = token ? `?paginationToken=${encodeURIComponent(token)}` : '';
      const body = await this.json(`/backups${query}`, 'list the project’s backups');
      const data = body['data'];
      if (!Array.isArray(data)) throw this.shapeError('list the project’s backups', 'data');
      for (const backup of data) {
        const id = (backup as { backup_id?: unknown }).backup_id;
        if (typeof id === 'string') ids.push(id);
      }
      token = (body['pagination'] as { next?: unknown } | undefined)?.next as string | undefined;
      if (typeof token !== 'string' || token === '') return ids;
    }
    return ids;
  }

  deleteBackup(id: string): Promise<Deletion> {
    return this.delete(`/backups/${encodeURIComponent(id)}`, `delete backup ${id}`);
  }

  async listAssistants(): Promise<string[]> {
    return names(await this.list('/assistant/assistants', 'assistants', 'list the project’s assistants'));
  }

  deleteAssistant(name: string): Promise<Deletion> {
    return this.delete(`/assistant/assistants/${encodeURIComponent(name)}`, `delete assistant ${name}`);
  }

  private async delete(path: string, what: string): Promise<Deletion> {
    const response = await this.send({ what, method: 'DELETE', url: this.url(path) });
    if (isSuccess(response)) return 'deleted';
    if (isPineconeNotFound(response)) return 'already gone';
    if (response.status === 403 && /deletion protection/i.test(response.body)) return 'protected';
    if (response.status === 412) return 'busy';
    throw this.error(response, what);
  }

  private async list(path: string, field: string, what: string): Promise<unknown[]> {
    const list = (await this.json(path, what))[field];
    if (!Array.isArray(list)) throw this.shapeError(what, field);
    return list as unknown[];
  }

  private async json(path: string, what: string): Promise<Record<string, unknown>> {
    const response = await this.send({ what, method: 'GET', url: this.url(path) });
    if (!isSuccess(response)) throw this.error(response, what);
    const body = parseBody(response);
    if (!body) throw this.shapeError(what, 'JSON');
    return body;
  }

  private send(call: Omit<Call, 'headers'>): Promise<HttpResponse> {
    const headers: Record<string, string> = {
      'Api-Key': this.projectKey,
      Accept: 'application/json',
      'X-Pinecone-Api-Version': this.apiVersion,
    };
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    return this.requester.send({ ...call, headers });
  }

  private url(path: string): string {
    return this.apiUrl.replace(/\/+$/, '') + path;
  }

  private error(response: HttpResponse, what: string): ActionError {
    const status = describeStatus(response.status);
    if (response.status === 401 || response.status === 403)
      return new ActionError(
        `Pinecone's control plane refused to ${what} (${status}): the cleanup key needs the ControlPlaneEditor role in the project.`,
      );
    return new ActionError(
      `Pinecone's control plane answered ${status} when asked to ${what}, also after retries. Try again later.`,
    );
  }

  private shapeError(what: string, field: string): ActionError {
    return new ActionError(`Pinecone's answer to "${what}" has no ${field}; check the api-url and api-version inputs.`);
  }
}

function names(list: unknown[]): string[] {
  return list.flatMap((item) => {
    const name = (item as { name?: unknown }).name;
    return typeof name === 'string' ? [name] : [];
  });
}
