// The one module that knows Netlify's REST API, for a preview's key: one value of a site variable, in context
// `branch` with the branch as context_parameter (a value for that branch's branch deploys alone), set
// (PATCH /accounts/{account_id}/env/{key}, or POST /accounts/{account_id}/env when the site has no such variable),
// read and deleted by its own ID; and a branch deploy built again (POST /sites/{site_id}/builds?branch=). Deploy
// previews of pull requests read context `deploy-preview`, which every pull request shares: it is never written.
import { ActionError } from '../base/errors.js';
import type { Requester } from '../api/requester.js';
import { describeStatus, type Json } from '../api/transport.js';
import {
  said,
  send,
  serverFailure,
  type BranchValue,
  type PlatformCall,
  type PreviewPlatform,
  type Rebuild,
} from './platform.js';

export interface NetlifyTarget {
  apiUrl: string;
  token: string;
  /** The team's account ID or slug. */
  accountId: string;
  siteId: string;
}

interface Value {
  id?: unknown;
  context?: unknown;
  context_parameter?: unknown;
}

export class NetlifyPlatform implements PreviewPlatform {
  readonly where: string;

  constructor(
    private readonly target: NetlifyTarget,
    private readonly requester: Requester,
  ) {
    this.where = `Netlify site ${target.siteId}`;
  }

  async write(value: BranchValue): Promise<{ kept: string }> {
    const what = `write ${value.name} for branch ${value.branch}`;
    const one = { context: 'branch', context_parameter: value.branch, value: value.value };
    const set = await this.call({ method: 'PATCH', url: this.url(this.varPath(value.name)), what, body: one });
    if (set.status === 200 || set.status === 201)
      return { kept: set.json?.['is_secret'] === true ? 'secret' : 'plain' };
    if (set.status !== 404) throw this.refused(what, set.status, set.json);
    // No such variable on the site yet: made secret (readable only by code running on Netlify), with only this value.
    const variable = { key: value.name, is_secret: true, scopes: ['builds', 'functions', 'runtime'], values: [one] };
    const made = await this.call({ method: 'POST', url: this.url(this.envPath()), what, body: [variable] });
    if (made.status === 201) return { kept: 'secret' };
    // The variable is there after all (a create whose answer was lost, sent again; another job's): set our value.
    const again = await this.call({ method: 'PATCH', url: this.url(this.varPath(value.name)), what, body: one });
    if (again.status === 200 || again.status === 201)
      return { kept: again.json?.['is_secret'] === true ? 'secret' : 'plain' };
    throw this.refused(what, made.status, made.json);
  }

  async has(name: string, branch: string): Promise<boolean> {
    return (await this.ours(name, branch)).value !== undefined;
  }

  async remove(name: string, branch: string): Promise<boolean> {
    const { value, others } = await this.ours(name, branch);
    if (value === undefined) return false;
    const what = `delete ${name} for branch ${branch}`;
    // Our value was the variable's only one: the variable was made for it, and goes with it.
    const path = others === 0 ? this.varPath(name) : `${this.varPath(name)}/value/${encodeURIComponent(value)}`;
    const answer = await this.call({ method: 'DELETE', url: this.url(path), what });
    if (answer.status !== 204 && answer.status !== 404) throw this.refused(what, answer.status, answer.json);
    return true;
  }

  async rebuild(branch: string): Promise<Rebuild | undefined> {
    const what = `build branch ${branch} again`;
    const url = `${this.target.apiUrl}/sites/${encodeURIComponent(this.target.siteId)}/builds?${new URLSearchParams({ branch }).toString()}`;
    const answer = await this.call({ method: 'POST', url, what, once: true });
    if (answer.status !== 200 || typeof answer.json?.['id'] !== 'string')
      throw this.refused(what, answer.status, answer.json);
    return { id: answer.json['id'], url: undefined };
  }

  /** The ID of our value of `name` for `branch` (context branch, that branch), and how many values it has besides. */
  private async ours(name: string, branch: string): Promise<{ value: string | undefined; others: number }> {
    const what = `read ${name}`;
    const answer = await this.call({ method: 'GET', url: this.url(this.varPath(name)), what });
    if (answer.status === 404) return { value: undefined, others: 0 };
    if (answer.status !== 200) throw this.refused(what, answer.status, answer.json);
    const values = Array.isArray(answer.json?.['values']) ? (answer.json['values'] as Value[]) : [];
    const mine = values.find(
      (v) => v.context === 'branch' && v.context_parameter === branch && typeof v.id === 'string',
    );
    return { value: mine?.id as string | undefined, others: values.length - (mine ? 1 : 0) };
  }

  private envPath(): string {
    return `/accounts/${encodeURIComponent(this.target.accountId)}/env`;
  }

  private varPath(name: string): string {
    return `${this.envPath()}/${encodeURIComponent(name)}`;
  }

  private url(path: string): string {
    return `${this.target.apiUrl}${path}?${new URLSearchParams({ site_id: this.target.siteId }).toString()}`;
  }

  private call(call: Omit<PlatformCall, 'token'>) {
    return send(this.requester, 'Netlify', { ...call, token: this.target.token });
  }

  /** Netlify's error ({ code, message }) as one line that says what to fix. */
  private refused(what: string, status: number, error: Json | undefined): ActionError {
    if (status >= 500) return serverFailure('Netlify', what, status);
    const message = said(error?.['message']);
    const because = `${describeStatus(status)}${message ? `: ${message}` : ''}`;
    if (status === 401)
      return new ActionError(
        `Netlify refused the token to ${what} (${because}): give a valid Netlify personal access token as input token.`,
      );
    if (status === 403)
      return new ActionError(
        `Netlify forbids this token to ${what} on ${this.where} (${because}): give a token of a member of the team that owns the site.`,
      );
    if (status === 404)
      return new ActionError(
        `Netlify knows no ${this.where} in account ${this.target.accountId} (${because}): check inputs site-id (Site configuration → Site ID) and account-id (the team's slug).`,
      );
    return new ActionError(`Netlify refused to ${what} on ${this.where} (${because}).`);
  }
}
