// Which repository a key's name means: names carry the repository's numeric id (rules/names.ts), and GitHub's
// job look-up takes `owner/name`. The App's installations (`GET /app/installations`, as the App) and each one's
// repositories (`GET /installation/repositories`, as the installation) say both, and which installation to ask as.
// The list is read again when an id is missing from it and it is BROKER_APP_REPOSITORIES_MAX_AGE_MS old, and in any
// case once it is BROKER_APP_REPOSITORIES_REFRESH_MS old (a repository transferred or renamed). An installation that
// fails keeps what it held; a read that fails altogether waits BROKER_APP_REPOSITORIES_RETRY_MS before the next.
import {
  BROKER_APP_REPOSITORIES_MAX_AGE_MS,
  BROKER_APP_REPOSITORIES_REFRESH_MS,
  BROKER_APP_REPOSITORIES_RETRY_MS,
} from '../../base/policy.js';
import type { AppClient } from './app-client.js';

export interface AppRepository {
  /** owner/name. */
  fullName: string;
  installationId: number;
}

export class AppRepositories {
  private byId = new Map<string, AppRepository>();
  /** The read under way or the last one: when it started, whether it is over, and how it failed. */
  private read: { at: number; done: Promise<void>; settled: boolean; failed?: Error } | undefined;

  constructor(
    private readonly client: AppClient,
    private readonly now: () => number,
    /** An installation whose repositories could not be read (the others are). */
    private readonly warn: (line: string) => void,
  ) {}

  /** The repository of this id among the App's installations; `undefined` when the App is not installed there. */
  async find(repositoryId: string): Promise<AppRepository | undefined> {
    const known = this.byId.get(repositoryId);
    if (this.due(known !== undefined)) this.start();
    if (known) return known; // a refresh, if due, goes on meanwhile
    const read = this.read!;
    await read.done;
    if (read.failed) throw read.failed;
    return this.byId.get(repositoryId);
  }

  /** Whether to read the list again now: one read at a time, a failed one not again for a while. */
  private due(known: boolean): boolean {
    const read = this.read;
    if (!read) return true;
    if (!read.settled) return false;
    const age = this.now() - read.at;
    if (read.failed) return age >= BROKER_APP_REPOSITORIES_RETRY_MS;
    return age >= (known ? BROKER_APP_REPOSITORIES_REFRESH_MS : BROKER_APP_REPOSITORIES_MAX_AGE_MS);
  }

  private start(): void {
    const read: NonNullable<typeof this.read> = { at: this.now(), done: Promise.resolve(), settled: false };
    read.done = this.readAll()
      .catch((error: unknown) => void (read.failed = error instanceof Error ? error : new Error('the listing failed')))
      .finally(() => (read.settled = true));
    this.read = read;
  }

  private async readAll(): Promise<void> {
    const installations = await this.client.all('/app/installations', 'app', (page) =>
      Array.isArray(page) ? (page as Array<{ id: number }>) : [],
    );
    const byId = new Map<string, AppRepository>();
    for (const { id: installationId } of installations) {
      try {
        const repositories = await this.client.all('/installation/repositories', installationId, (page) =>
          Array.isArray(page['repositories']) ? (page['repositories'] as Array<{ id: number; full_name: string }>) : [],
        );
        for (const repository of repositories)
          byId.set(String(repository.id), { fullName: repository.full_name, installationId });
      } catch (error) {
        // What it held before stays: a suspended or failing installation does not blind the others.
        for (const [id, held] of this.byId) if (held.installationId === installationId) byId.set(id, held);
        this.warn(
          `GitHub could not list the repositories of the App's installation ${installationId} (${(error as Error).message}): its keys are judged as before.`,
        );
      }
    }
    this.byId = byId;
  }
}
