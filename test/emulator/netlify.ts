// Netlify's REST API, as the preview sub-action uses it: a site's variables through the account's env endpoints
// (read, set one value, create, delete a value or the variable) and a build of a branch. Every request is checked
// against @netlify/open-api's swagger.json, every answer too. A site's values per context (all, deploy-preview,
// branch-deploy, branch with context_parameter), and each build's snapshot of the values its context reads.
import { randomBytes, randomUUID } from 'node:crypto';
import { PlatformEmulator, type Answer, type PlatformRequest, type Route } from './platform-server.js';
import { checkAnswer, checkRequest, operation } from './netlify-spec.js';

export type NetlifyOp = 'get-env' | 'set-env-value' | 'create-env' | 'delete-env' | 'delete-env-value' | 'create-build';

export interface NetlifyValue {
  id: string;
  value: string;
  context: string;
  context_parameter?: string;
}

export interface NetlifyVariable {
  key: string;
  is_secret: boolean;
  scopes: string[];
  values: NetlifyValue[];
}

export interface NetlifyBuild {
  id: string;
  /** A branch deploy of this branch (createSiteBuild with branch), or Netlify's own deploy preview of a pull request. */
  branch: string;
  context: 'branch-deploy' | 'deploy-preview';
  /** The values its build read. */
  env: Record<string, string>;
}

export interface NetlifySite {
  id: string;
  env: Map<string, NetlifyVariable>;
  builds: NetlifyBuild[];
}

const TEMPLATES: Record<NetlifyOp, [string, string]> = {
  'get-env': ['GET', '/accounts/{account_id}/env/{key}'],
  'set-env-value': ['PATCH', '/accounts/{account_id}/env/{key}'],
  'create-env': ['POST', '/accounts/{account_id}/env'],
  'delete-env': ['DELETE', '/accounts/{account_id}/env/{key}'],
  'delete-env-value': ['DELETE', '/accounts/{account_id}/env/{key}/value/{id}'],
  'create-build': ['POST', '/sites/{site_id}/builds'],
};

export class NetlifyEmulator extends PlatformEmulator<NetlifyOp> {
  readonly token = `nfp_${randomBytes(16).toString('hex')}`;
  readonly account = 'shop-team';
  readonly sites: NetlifySite[] = [];
  protected readonly basePath = '/api/v1';
  protected readonly routes: Array<Route<NetlifyOp>> = [
    { op: 'delete-env-value', method: 'DELETE', pattern: /^\/accounts\/([^/]+)\/env\/([^/]+)\/value\/([^/]+)$/ },
    { op: 'get-env', method: 'GET', pattern: /^\/accounts\/([^/]+)\/env\/([^/]+)$/ },
    { op: 'set-env-value', method: 'PATCH', pattern: /^\/accounts\/([^/]+)\/env\/([^/]+)$/ },
    { op: 'delete-env', method: 'DELETE', pattern: /^\/accounts\/([^/]+)\/env\/([^/]+)$/ },
    { op: 'create-env', method: 'POST', pattern: /^\/accounts\/([^/]+)\/env$/ },
    { op: 'create-build', method: 'POST', pattern: /^\/sites\/([^/]+)\/builds$/ },
  ];

  addSite(): NetlifySite {
    const site: NetlifySite = { id: randomUUID(), env: new Map(), builds: [] };
    this.sites.push(site);
    return site;
  }

  /** A build as Netlify runs it, reading the values of its context (a branch value over branch-deploy over all). */
  build(site: NetlifySite, branch: string, context: NetlifyBuild['context']): NetlifyBuild {
    const env: Record<string, string> = {};
    for (const variable of site.env.values()) {
      const pick = (c: string, parameter?: string) =>
        variable.values.find((v) => v.context === c && v.context_parameter === parameter);
      const value = (context === 'branch-deploy' ? pick('branch', branch) : undefined) ?? pick(context) ?? pick('all');
      if (value) env[variable.key] = value.value;
    }
    const build: NetlifyBuild = { id: randomBytes(12).toString('hex'), branch, context, env };
    site.builds.push(build);
    return build;
  }

  protected check(op: NetlifyOp, request: PlatformRequest, params: string[]): string[] {
    const [method, template] = TEMPLATES[op];
    const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const path = Object.fromEntries(names.map((name, i) => [name, params[i]!]));
    const problems = checkRequest(operation(method, template), path, request.query, request.body);
    if (!request.authorization?.startsWith('Bearer ')) problems.push('no bearer token');
    return problems;
  }

  protected errorBody(status: number, _code: string | undefined, message: string): unknown {
    return { code: status, message };
  }

  protected handle(op: NetlifyOp, request: PlatformRequest, params: string[]): Answer {
    if (request.authorization !== `Bearer ${this.token}`)
      return { status: 401, body: { code: 401, message: 'Access Denied' } };
    const siteId = op === 'create-build' ? params[0] : request.query['site_id'];
    const site = this.sites.find((s) => s.id === siteId);
    if (!site || (op !== 'create-build' && params[0] !== this.account))
      return { status: 404, body: { code: 404, message: 'Not Found' } };
    const answer = this.act(op, site, request, params);
    const [method, template] = TEMPLATES[op];
    if (answer.status < 300)
      this.problems.push(
        ...checkAnswer(operation(method, template), answer.status, answer.body).map((p) => `${op}: emulator's ${p}`),
      );
    return answer;
  }

  private act(op: NetlifyOp, site: NetlifySite, request: PlatformRequest, params: string[]): Answer {
    const variable = params[1] === undefined ? undefined : site.env.get(params[1]);
    const missing = { status: 404, body: { code: 404, message: 'Not Found' } };
    switch (op) {
      case 'get-env':
        return variable ? { status: 200, body: shown(variable) } : missing;
      case 'set-env-value': {
        if (!variable) return missing;
        const body = request.body as Omit<NetlifyValue, 'id'>;
        const same = variable.values.find(
          (v) => v.context === body.context && v.context_parameter === body.context_parameter,
        );
        if (same) same.value = body.value;
        else variable.values.push({ id: randomUUID(), ...body });
        return { status: 201, body: shown(variable) };
      }
      case 'create-env': {
        const made = (
          request.body as Array<Omit<NetlifyVariable, 'values'> & { values: Array<Omit<NetlifyValue, 'id'>> }>
        ).map((v) => ({
          ...v,
          values: v.values.map((value) => ({ id: randomUUID(), ...value })),
        }));
        if (made.some((v) => site.env.has(v.key)))
          return { status: 400, body: { code: 400, message: 'Environment variable already exists' } };
        for (const v of made) site.env.set(v.key, v);
        return { status: 201, body: made.map(shown) };
      }
      case 'delete-env':
        if (!variable) return missing;
        site.env.delete(variable.key);
        return { status: 204 };
      case 'delete-env-value': {
        const index = variable?.values.findIndex((v) => v.id === params[2]) ?? -1;
        if (!variable || index < 0) return missing;
        variable.values.splice(index, 1);
        return { status: 204 };
      }
      case 'create-build': {
        const build = this.build(site, request.query['branch'] ?? 'main', 'branch-deploy');
        return {
          status: 200,
          body: {
            id: build.id,
            deploy_id: randomBytes(12).toString('hex'),
            done: false,
            created_at: new Date().toISOString(),
          },
        };
      }
    }
  }
}

/** A variable as Netlify shows it: a secret's values are not readable (only their context). */
function shown(variable: NetlifyVariable): Record<string, unknown> {
  const values = variable.values.map((v) =>
    variable.is_secret
      ? { id: v.id, context: v.context, ...(v.context_parameter ? { context_parameter: v.context_parameter } : {}) }
      : v,
  );
  return { key: variable.key, scopes: variable.scopes, is_secret: variable.is_secret, values };
}
