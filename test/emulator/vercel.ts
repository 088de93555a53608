// Vercel's REST API, as the preview sub-action uses it: a project's variables (create with upsert, list by branch,
// remove) and deployments (list by branch, redeploy), every request and answer checked with @vercel/sdk's schemas
// (vercel-spec.ts). Teams by ID or slug, a token scoped to some teams, sensitive values refused by a
// project, a limit of variables, and each deployment's snapshot of the variables its build read.
import { randomBytes } from 'node:crypto';
import { canonical, checkAnswer, checkRequest, type VercelOp } from './vercel-spec.js';
import { PlatformEmulator, type Answer, type PlatformRequest, type Route } from './platform-server.js';

export type { VercelOp } from './vercel-spec.js';

export interface VercelEnv {
  id: string;
  key: string;
  value: string;
  type: string;
  target: string[];
  gitBranch?: string;
  comment?: string;
}

export interface VercelDeployment {
  uid: string;
  name: string;
  branch: string;
  created: number;
  /** The preview variables its build read: a variable for its branch over one for every branch. */
  env: Record<string, string>;
  /** The deployment it redeploys, if any. */
  from?: string;
}

export interface VercelProject {
  id: string;
  name: string;
  teamId: string | undefined;
  envs: VercelEnv[];
  deployments: VercelDeployment[];
  refusesSensitive?: boolean;
  envLimit?: number;
}

export class VercelEmulator extends PlatformEmulator<VercelOp> {
  readonly token = `vercel_${randomBytes(12).toString('hex')}`;
  readonly teams = new Map<string, string>(); // id → slug
  readonly projects: VercelProject[] = [];
  /** Teams the token may act in; undefined: every team. */
  tokenTeams: Set<string> | undefined;
  protected readonly basePath = '';
  protected readonly routes: Array<Route<VercelOp>> = [
    { op: 'create-env', method: 'POST', pattern: /^\/v10\/projects\/([^/]+)\/env$/ },
    { op: 'list-envs', method: 'GET', pattern: /^\/v10\/projects\/([^/]+)\/env$/ },
    { op: 'remove-env', method: 'DELETE', pattern: /^\/v9\/projects\/([^/]+)\/env\/([^/]+)$/ },
    { op: 'list-deployments', method: 'GET', pattern: /^\/v7\/deployments$/ },
    { op: 'create-deployment', method: 'POST', pattern: /^\/v13\/deployments$/ },
  ];

  addTeam(id: string, slug: string): void {
    this.teams.set(id, slug);
  }

  addProject(
    name: string,
    options: Partial<Pick<VercelProject, 'teamId' | 'refusesSensitive' | 'envLimit'>> = {},
  ): VercelProject {
    const project: VercelProject = {
      id: `prj_${randomBytes(8).toString('hex')}`,
      name,
      teamId: options.teamId,
      envs: [],
      deployments: [],
      ...options,
    };
    this.projects.push(project);
    return project;
  }

  /** What Vercel's Git integration does on a push: a preview deployment of the branch, built with its variables now. */
  push(project: VercelProject, branch: string, from?: string): VercelDeployment {
    const deployment: VercelDeployment = {
      uid: `dpl_${randomBytes(8).toString('hex')}`,
      name: project.name,
      branch,
      created: Date.now() + project.deployments.length, // strictly later than the one before
      env: Object.fromEntries(
        [...project.envs]
          .filter((env) => env.target.includes('preview') && (env.gitBranch === undefined || env.gitBranch === branch))
          .sort((a, b) => Number(a.gitBranch !== undefined) - Number(b.gitBranch !== undefined))
          .map((env) => [env.key, env.value]),
      ),
      ...(from ? { from } : {}),
    };
    project.deployments.push(deployment);
    return deployment;
  }

  protected check(op: VercelOp, request: PlatformRequest, params: string[]): string[] {
    return checkRequest(op, request, params);
  }

  protected errorBody(status: number, code: string | undefined, message: string): unknown {
    return { error: { code: code ?? (status >= 500 ? 'internal_server_error' : 'bad_request'), message } };
  }

  protected handle(op: VercelOp, request: PlatformRequest, params: string[]): Answer {
    if (request.authorization !== `Bearer ${this.token}`)
      return { status: 403, body: { error: { code: 'forbidden', message: 'Not authorized', invalidToken: true } } };
    const scope = this.scope(request.query);
    if (typeof scope !== 'string' && scope !== undefined) return scope;
    const idOrName =
      op === 'list-deployments'
        ? request.query['projectId']
        : op === 'create-deployment'
          ? (request.body as { name: string }).name
          : params[0];
    const project = this.projects.find((p) => p.teamId === scope && (p.id === idOrName || p.name === idOrName));
    if (!project) return { status: 404, body: { error: { code: 'not_found', message: 'Project not found' } } };
    const answer = this.act(op, project, request, params);
    if (answer.status < 300) this.problems.push(...checkAnswer(op, answer.body).map((p) => `${op}: emulator's ${p}`));
    return answer;
  }

  /** The team a request acts in (undefined: the token's personal account), or why it may not. */
  private scope(query: Record<string, string>): string | undefined | Answer {
    const slug = query['slug'];
    const teamId = query['teamId'] ?? [...this.teams].find(([, s]) => s === slug)?.[0];
    if ((query['teamId'] !== undefined || slug !== undefined) && (teamId === undefined || !this.teams.has(teamId)))
      return { status: 403, body: { error: { code: 'forbidden', message: 'Not authorized' } } };
    if (teamId !== undefined && this.tokenTeams && !this.tokenTeams.has(teamId))
      return {
        status: 403,
        body: { error: { code: 'forbidden', message: "You don't have permission to access this team" } },
      };
    return teamId;
  }

  private act(op: VercelOp, project: VercelProject, request: PlatformRequest, params: string[]): Answer {
    switch (op) {
      case 'create-env': {
        const body = request.body as Omit<VercelEnv, 'id'>;
        if (body.type === 'sensitive' && project.refusesSensitive)
          return {
            status: 400,
            body: {
              error: {
                code: 'bad_request',
                message: 'Sensitive environment variables are not available for this team.',
              },
            },
          };
        const same = project.envs.find(
          (e) => e.key === body.key && e.gitBranch === body.gitBranch && canonical(e.target) === canonical(body.target),
        );
        if (same && request.query['upsert'] !== 'true')
          return {
            status: 400,
            body: { error: { code: 'ENV_CONFLICT', message: `A variable with the name ${body.key} already exists` } },
          };
        if (!same && project.envLimit !== undefined && project.envs.length >= project.envLimit)
          return {
            status: 400,
            body: {
              error: {
                code: 'env_limit_reached',
                message: `The project has reached its limit of ${project.envLimit} environment variables.`,
              },
            },
          };
        const env: VercelEnv = same ?? { id: randomBytes(8).toString('hex'), ...body };
        Object.assign(env, body);
        if (!same) project.envs.push(env);
        return { status: 201, body: { created: shown(env), failed: [] } };
      }
      case 'list-envs': {
        const branch = request.query['gitBranch'];
        const envs = project.envs.filter((e) => branch === undefined || e.gitBranch === branch);
        return {
          status: 200,
          body: {
            envs: envs.map((e) => ({ ...shown(e), securityIssues: [] })),
            pagination: { count: envs.length, next: null, prev: null },
          },
        };
      }
      case 'remove-env': {
        const index = project.envs.findIndex((e) => e.id === params[1]);
        if (index < 0)
          return { status: 404, body: { error: { code: 'not_found', message: 'Environment variable not found' } } };
        const [env] = project.envs.splice(index, 1);
        return { status: 200, body: shown(env!) };
      }
      case 'list-deployments': {
        const branch = request.query['branch'];
        const found = [...project.deployments]
          .filter((d) => branch === undefined || d.branch === branch)
          .sort((a, b) => b.created - a.created);
        const page = found.slice(0, Number(request.query['limit'] ?? 20));
        return {
          status: 200,
          body: { pagination: { count: page.length, next: null, prev: null }, deployments: page.map((d) => listed(d)) },
        };
      }
      case 'create-deployment': {
        const { deploymentId } = request.body as { deploymentId?: string };
        const from = project.deployments.find((d) => d.uid === deploymentId);
        if (!from) return { status: 404, body: { error: { code: 'not_found', message: 'Deployment not found' } } };
        const made = this.push(project, from.branch, from.uid);
        return {
          status: 200,
          body: {
            id: made.uid,
            url: `${made.name}-${made.uid.slice(4, 12)}.vercel.app`,
            readyState: 'QUEUED',
            name: made.name,
          },
        };
      }
    }
  }
}

/** A variable as Vercel shows it: a sensitive value is never shown. */
function shown(env: VercelEnv): Record<string, unknown> {
  const { value, ...rest } = env;
  return env.type === 'sensitive' ? rest : { ...rest, value };
}

function listed(d: VercelDeployment): Record<string, unknown> {
  const url = `${d.name}-${d.uid.slice(4, 12)}.vercel.app`;
  return {
    uid: d.uid,
    name: d.name,
    url,
    created: d.created,
    type: 'LAMBDAS',
    state: 'READY',
    readyState: 'READY',
    target: null,
    creator: { uid: 'usr_1' },
    meta: { githubCommitRef: d.branch },
  };
}
