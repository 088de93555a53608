// Which repository a key's name means: names carry the repository's numeric id (rules/names.ts), and GitHub's
// job look-up takes `owner/name`. The App's installations (`GET /app/installations`, as the App) and each one's
// repositories (`GET /installation/repositories`, as the installation) say both, and which installation to ask as.
// The list is read again only when an id is missing from it and it is older than BROKER_APP_REPOSITORIES_MAX_AGE_MS:
// a repository the App cannot see costs nothing more until then.
import { BROKER_APP_REPOSITORIES_MAX_AGE_MS } from '../../base/policy.js';
import type { AppClient } from './app-client.js';

export interface AppRepository {
  /** owner/name. */
  fullName: string;
  installationId: number;
}

export class AppRepositories {
  private byId = new Map<string, AppRepository>();
  private read: { at: number; done: Promise<void> } | undefined;

  constructor(
    private readonly client: AppClient,
    private readonly now: () => number,
  ) {}

  /** The repository of this id among the App's installations; `undefined` when the App is not installed there. */
  async find(repositoryId: string): Promise<AppRepository | undefined> {
    const known = this.byId.get(repositoryId);
    if (known) return known;
    if (!this.read || this.now() - this.read.at >= BROKER_APP_REPOSITORIES_MAX_AGE_MS) {
      const done = this.readAll();
      this.read = { at: this.now(), done };
      // A failed read is tried again at the next question, not 5 minutes later.
      done.catch(() => this.read?.done === done && (this.read = undefined));
    }
    await this.read.done;
    return this.byId.get(repositoryId);
  }

  private async readAll(): Promise<void> {
    const installations = await this.client.all('/app/installations', 'app', (page) =>
      Array.isArray(page) ? (page as Array<{ id: number }>) : [],
    );
    const byId = new Map<string, AppRepository>();
    for (const { id: installationId } of installations) {
      const repositories = await this.client.all('/installation/repositories', installationId, (page) =>
        Array.isArray(page['repositories']) ? (page['repositories'] as Array<{ id: number; full_name: string }>) : [],
      );
      for (const repository of repositories)
        byId.set(String(repository.id), { fullName: repository.full_name, installationId });
    }
    this.byId = byId;
  }
}
