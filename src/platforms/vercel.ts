// The one module that knows Vercel's REST API, for a preview's key: a branch-scoped preview variable written
// (POST /v10/projects/{idOrName}/env?upsert=true), listed (GET /v10/projects/{idOrName}/env?gitBranch=) and
// deleted (DELETE /v9/projects/{idOrName}/env/{id}); the branch's latest preview found (GET /v7/deployments)
// and deployed again (POST /v13/deployments with deploymentId). Vercel reads variables only when a deployment
// starts, so a value written after the push's own build reaches the preview only through a redeploy.
import { ActionError } from '../base/errors.js';
import type { Requester } from '../api/requester.js';
import { describeStatus, type Json } from '../api/transport.js';
import {
  MARKER,
  said,
  send,
  serverFailure,
  type BranchValue,
  type PlatformCall,
  type PreviewPlatform,
} from './platform.js';

export interface VercelTarget {
  apiUrl: string;
  token: string;
  /** The project's ID or name. */
  project: string;
  /** The team that owns the project, by ID (team_…) or by slug; both empty for a personal account's project. */
  teamId: string;
  teamSlug: string;
}

interface Env {
  id: string;
  key: string;
  target: unknown;
  gitBranch: unknown;
  comment: unknown;
}

export class VercelPlatform implements PreviewPlatform {
  readonly where: string;

  constructor(
    private readonly target: VercelTarget,
    private readonly requester: Requester,
  ) {
    const team = target.teamId || target.teamSlug;
    this.where = `Vercel project ${target.project}${team ? ` (team ${team})` : ''}`;
  }

  async write(value: BranchValue): Promise<{ kept: string }> {
    // Sensitive values cannot be read back by anyone; a team or plan that refuses them gets an encrypted one.
    for (const type of ['sensitive', 'encrypted'] as const) {
      const body = {
        key: value.name,
        value: value.value,
        type,
        target: ['preview'],
        gitBranch: value.branch,
        comment: value.comment,
      };
      const what = `write ${value.name} for branch ${value.branch}`;
      const answer = await this.call({ method: 'POST', url: this.url(this.envPath(), { upsert: 'true' }), what, body });
      const failed = Array.isArray(answer.json?.['failed']) ? (answer.json['failed'] as Json[]) : [];
      const error =
        answer.status === 201 && failed.length > 0
          ? (failed[0]?.['error'] as Json | undefined)
          : answer.json?.['error'];
      if (answer.status === 201 && !error) return { kept: type };
      const status = answer.status === 201 ? 400 : answer.status;
      if (type === 'sensitive' && status === 400 && /sensitive/i.test(said((error as Json | undefined)?.['message'])))
        continue;
      throw this.refused(what, status, error);
    }
    throw new ActionError(`Vercel refused both a sensitive and an encrypted value of ${value.name}.`);
  }

  async has(name: string, branch: string): Promise<boolean> {
    return (await this.ours(name, branch)).length > 0;
  }

  async remove(name: string, branch: string): Promise<boolean> {
    const ours = await this.ours(name, branch);
    for (const env of ours) {
      const what = `delete ${name} for branch ${branch}`;
      const answer = await this.call({
        method: 'DELETE',
        url: this.url(`/v9/projects/${encodeURIComponent(this.target.project)}/env/${encodeURIComponent(env.id)}`),
        what,
      });
      if (answer.status !== 200 && answer.status !== 404)
        throw this.refused(what, answer.status, answer.json?.['error']);
    }
    return ours.length > 0;
  }

  async rebuild(branch: string): Promise<{ id: string; url: string | undefined } | undefined> {
    const find = `find the latest preview deployment of branch ${branch}`;
    const query = { projectId: this.target.project, branch, target: 'preview', limit: '1' };
    const list = await this.call({ method: 'GET', url: this.url('/v7/deployments', query), what: find });
    if (list.status !== 200) throw this.refused(find, list.status, list.json?.['error']);
    const [latest] = Array.isArray(list.json?.['deployments']) ? (list.json['deployments'] as Json[]) : [];
    if (!latest || typeof latest['uid'] !== 'string') return undefined;
    const what = `redeploy branch ${branch}'s preview`;
    // withLatestCommit: the branch's newest commit, even when the latest deployment Vercel lists is of an older one.
    const body = {
      name: said(latest['name']) || this.target.project,
      deploymentId: latest['uid'],
      withLatestCommit: true,
    };
    const made = await this.call({ method: 'POST', url: this.url('/v13/deployments'), what, body, once: true });
    if (made.status !== 200 || typeof made.json?.['id'] !== 'string')
      throw this.refused(what, made.status, made.json?.['error']);
    const host = said(made.json['url']);
    return { id: made.json['id'], url: host ? `https://${host}` : undefined };
  }

  /** The project's values of `name` for `branch` that this action wrote: preview only, carrying our marker. */
  private async ours(name: string, branch: string): Promise<Env[]> {
    const what = `list the variables of branch ${branch}`;
    const answer = await this.call({ method: 'GET', url: this.url(this.envPath(), { gitBranch: branch }), what });
    if (answer.status !== 200) throw this.refused(what, answer.status, answer.json?.['error']);
    const envs = Array.isArray(answer.json?.['envs']) ? (answer.json['envs'] as Env[]) : [];
    return envs.filter(
      (env) =>
        typeof env.id === 'string' &&
        env.key === name &&
        env.gitBranch === branch &&
        JSON.stringify(env.target) === '["preview"]' &&
        typeof env.comment === 'string' &&
        env.comment.startsWith(MARKER),
    );
  }

  private envPath(): string {
    return `/v10/projects/${encodeURIComponent(this.target.project)}/env`;
  }

  private url(path: string, query: Record<string, string> = {}): string {
    const team: Record<string, string> = this.target.teamId
      ? { teamId: this.target.teamId }
      : this.target.teamSlug
        ? { slug: this.target.teamSlug }
        : {};
    const search = new URLSearchParams({ ...query, ...team }).toString();
    return `${this.target.apiUrl}${path}${search ? `?${search}` : ''}`;
  }

  private call(call: Omit<PlatformCall, 'token'>) {
    return send(this.requester, 'Vercel', { ...call, token: this.target.token });
  }

  /** Vercel's error ({ error: { code, message } }) as one line that says what to fix. */
  private refused(what: string, status: number, error: unknown): ActionError {
    if (status >= 500) return serverFailure('Vercel', what, status);
    const code = said((error as Json | undefined)?.['code']);
    const message = said((error as Json | undefined)?.['message']);
    const team = this.target.teamId || this.target.teamSlug;
    const noTeam = team ? '' : ' If the project belongs to a team, set team-id (or team-slug).';
    const because = `${describeStatus(status)}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`;
    // Vercel answers an unknown or expired token with 403 and invalidToken: true.
    if (status === 401 || (error as Json | undefined)?.['invalidToken'] === true)
      return new ActionError(
        `Vercel refused the token to ${what} (${because}): give a valid Vercel access token as input token.`,
      );
    if (status === 403)
      return new ActionError(
        `Vercel forbids this token to ${what} in ${this.where} (${because}): give a token whose scope includes the team that owns the project.${noTeam}`,
      );
    if (status === 404)
      return new ActionError(`Vercel knows no ${this.where} (${because}): check input project.${noTeam}`);
    if (/limit/i.test(`${code} ${message}`))
      return new ActionError(
        `Vercel refused to ${what}: the project is at its limit of environment variables (${because}). Delete branch variables of closed pull requests (Project Settings → Environment Variables), then push again.`,
      );
    return new ActionError(`Vercel refused to ${what} in ${this.where} (${because}).`);
  }
}
