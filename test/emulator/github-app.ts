// GitHub's endpoints for a GitHub App, as the keyless broker calls them: as the App (its RS256 JWT, iss = its id),
// `GET /repos/{owner}/{repo}/installation`, `POST /app/installations/{id}/access_tokens` and `GET /app/installations`;
// as an installation (one of the tokens made here), `GET /installation/repositories`. Lists are paginated as GitHub
// does (`per_page`, `page`, a Link header). Answers are typed by GitHub's own OpenAPI description
// (@octokit/openapi-types), so `npm run typecheck` holds their fields to it.
import type { IncomingMessage } from 'node:http';
import type { components, operations } from '@octokit/openapi-types';
import { importSPKI, jwtVerify } from 'jose';

/** A GitHub App, as the broker asks as one: its public key checks the App's JWTs (RS256, iss = the App's id). */
export interface GitHubAppOptions {
  id: string;
  /** SPKI PEM. */
  publicKey: string;
  /** owner → installation id; an owner without one: 404. */
  installations: Map<string, number>;
  /** installation id → the repositories it holds (default: the emulator's repository, under its owner's installation). */
  repositories?: Map<number, Array<{ id: number; full_name: string }>>;
  /** This many token requests answer GitHub's 404 before they succeed (a token is no proof of anything). */
  tokenFailures?: number;
  /** Installations whose repositories cannot be listed (502). */
  failingInstallations?: Set<number>;
}

type Installation = components['schemas']['installation'];
type RepositoriesPage =
  operations['apps/list-repos-accessible-to-installation']['responses'][200]['content']['application/json'];
type Repository = Pick<
  RepositoriesPage['repositories'][number],
  'id' | 'node_id' | 'name' | 'full_name' | 'private' | 'owner' | 'html_url' | 'url'
>;
type Answer = { status: number; body: unknown; headers?: Record<string, string> };

const NOT_FOUND: Answer = { status: 404, body: { message: 'Not Found' } };

export class AppRoutes {
  private readonly tokens = new Map<string, number>();

  constructor(
    private readonly app: () => GitHubAppOptions | undefined,
    /** The emulator's own repository (owner/name) and its id. */
    private readonly repository: { fullName: string; id: number },
    private readonly base: string,
  ) {}

  /** The installation a request's `token …` stands for; `undefined` if none made here. */
  installationOf(req: IncomingMessage): number | undefined {
    const token = /^token (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    return token === undefined ? undefined : this.tokens.get(token);
  }

  /** The answer for an App route; `undefined`: not one (the emulator's other routes answer). */
  async answer(req: IncomingMessage, url: URL): Promise<Answer | undefined> {
    const path = url.pathname;
    const installation = new RegExp(`^${this.base}/repos/([^/]+)/[^/]+/installation$`).exec(path);
    const tokens = new RegExp(`^${this.base}/app/installations/(\\d+)/access_tokens$`).exec(path);
    const listed = path === `${this.base}/app/installations`;
    if (path === `${this.base}/installation/repositories`) return this.repositories(req, url);
    if (!installation && !(tokens && req.method === 'POST') && !listed) return undefined;
    const app = await this.asApp(req);
    if (!app) return { status: 401, body: { message: 'A JSON web token could not be decoded' } };
    if (installation) {
      const id = app.installations.get(installation[1]!);
      return id === undefined ? NOT_FOUND : { status: 200, body: this.installation(app, installation[1]!, id) };
    }
    if (listed)
      return this.page(
        url,
        [...app.installations].map(([owner, id]) => this.installation(app, owner, id)),
        (items) => items,
      );
    const id = Number(tokens![1]);
    if (![...app.installations.values()].includes(id)) return NOT_FOUND;
    if ((app.tokenFailures ?? 0) > 0) {
      app.tokenFailures! -= 1;
      return NOT_FOUND;
    }
    const token = `ghs_installation_${id}_${this.tokens.size}`;
    this.tokens.set(token, id);
    const expires_at = new Date(Date.now() + 3_600_000).toISOString();
    return { status: 201, body: { token, expires_at, permissions: { actions: 'read' } } };
  }

  private repositories(req: IncomingMessage, url: URL): Answer {
    const id = this.installationOf(req);
    if (id === undefined) return { status: 401, body: { message: 'Bad credentials' } };
    if (this.app()?.failingInstallations?.has(id)) return { status: 502, body: { message: 'Server Error' } };
    const [owner] = this.repository.fullName.split('/');
    const held =
      this.app()?.repositories?.get(id) ??
      (this.app()?.installations.get(owner!) === id
        ? [{ id: this.repository.id, full_name: this.repository.fullName }]
        : []);
    const all = held.map(({ id: repositoryId, full_name }): Repository => {
      const [login = '', name = ''] = full_name.split('/');
      return {
        id: repositoryId,
        node_id: `R_${repositoryId}`,
        name,
        full_name,
        private: true,
        owner: user(login, id),
        html_url: `https://github.com/${full_name}`,
        url: `https://api.github.com/repos/${full_name}`,
      };
    });
    return this.page(
      url,
      all,
      (repositories): Omit<RepositoriesPage, 'repositories'> & { repositories: Repository[] } => ({
        total_count: all.length,
        repositories,
      }),
    );
  }

  /** One page of `items` (`per_page` at most 100, as GitHub), with a Link header to the next. */
  private page<T>(url: URL, items: T[], shape: (page: T[]) => unknown): Answer {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30) || 30, 100);
    const page = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1);
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < items.length) {
      const next = new URL(url);
      next.searchParams.set('page', String(page + 1));
      headers['link'] = `<${next.pathname}${next.search}>; rel="next"`;
    }
    return { status: 200, body: shape(slice), headers };
  }

  private installation(app: GitHubAppOptions, owner: string, id: number): Installation {
    return {
      id,
      account: user(owner, id),
      repository_selection: 'selected',
      access_tokens_url: `https://api.github.com/app/installations/${id}/access_tokens`,
      repositories_url: 'https://api.github.com/installation/repositories',
      html_url: `https://github.com/organizations/${owner}/settings/installations/${id}`,
      app_id: Number(app.id),
      target_id: id,
      target_type: 'Organization',
      permissions: { actions: 'read', metadata: 'read' },
      events: [],
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      single_file_name: null,
      app_slug: 'pinecone-broker',
      suspended_by: null,
      suspended_at: null,
    };
  }

  /** The App whose JWT (RS256, iss = its id, not expired) the request carries; `undefined` otherwise. */
  private async asApp(req: IncomingMessage): Promise<GitHubAppOptions | undefined> {
    const app = this.app();
    const jwt = /^bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!app || !jwt) return undefined;
    try {
      await jwtVerify(jwt, await importSPKI(app.publicKey, 'RS256'), { issuer: app.id, algorithms: ['RS256'] });
      return app;
    } catch {
      return undefined;
    }
  }
}

/** An account as GitHub describes one (`simple-user`). */
function user(login: string, id: number): components['schemas']['simple-user'] {
  const url = `https://api.github.com/users/${login}`;
  return {
    login,
    id,
    node_id: `O_${id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}`,
    gravatar_id: '',
    url,
    html_url: `https://github.com/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: 'Organization',
    site_admin: false,
  };
}
