// What Pinecone's answers mean: gone, a misdirected URL, and for errors what they mean for the user, one
// line each with what to check, the secrets redacted before any other shaping (a server may echo a secret).
import { ActionError } from '../../base/errors.js';
import type { Secrets } from '../../base/secrets.js';
import type { Connection } from './types.js';
import { describeStatus, parseBody, type HttpResponse, type Json } from '../transport.js';

/** The organization holds as many projects as its plan allows: the caller may make room and try once more. */
export class ProjectLimitError extends ActionError {}
/** The project is gone, or the service account may not work in it: nothing in it can be done. */
export class ProjectUnusableError extends ActionError {
  constructor(
    message: string,
    readonly why: 'gone' | 'forbidden',
  ) {
    super(message);
  }
}

/** The project holds as many keys as its quota allows: the caller may make room and try once more. */
export class QuotaError extends ActionError {
  constructor(
    message: string,
    /** What Pinecone answered: `HTTP 403 Forbidden QUOTA_EXCEEDED`. */
    readonly answered: string,
  ) {
    super(message);
  }
}

export class AdminErrors {
  constructor(
    private readonly config: Pick<Connection, 'apiUrl' | 'authUrl'>,
    private readonly secrets: Secrets,
  ) {}

  login(response: HttpResponse): ActionError {
    const { status } = response;
    const answered = `HTTP ${status}${this.errorCode(response)}`;
    if (isMisdirected(response, true))
      return new ActionError(
        `Pinecone's login at ${this.config.authUrl} answered ${describeStatus(status)}: that is not Pinecone's token endpoint; check the auth-url input.`,
      );
    if (status === 400 || status === 401 || status === 403) {
      return new ActionError(
        `Pinecone rejected the service account credentials (${answered}): check the client-id and client-secret inputs (or PINECONE_CLIENT_ID / PINECONE_CLIENT_SECRET).`,
      );
    }
    return this.unavailable(response, 'log in');
  }

  api(response: HttpResponse, what: string, projectId?: string): ActionError {
    const { status } = response;
    const code = this.errorCode(response);
    const answered = `HTTP ${status}${code}`;
    const project = projectId ? `project ${projectId}` : 'the project';
    if (isMisdirected(response, !projectId))
      return new ActionError(
        `Pinecone's Admin API at ${this.config.apiUrl} answered ${describeStatus(status)} to "${what}": that is not the Admin API; check the api-url input.`,
      );
    if (status === 401)
      return new ActionError(
        `Pinecone did not accept the service account's access token (${answered}) to ${what}: check that the service account still exists.`,
      );
    if (status === 403 && code.includes('QUOTA_EXCEEDED')) {
      return new QuotaError(
        `Pinecone refused to ${what}: ${project} holds as many API keys as its quota allows (${answered}). Delete keys you no longer need; the sweep sub-action removes expired ones this action made.`,
        answered,
      );
    }
    if (status === 403) {
      const line = `The service account may not ${what} in ${project} (${answered}): add it to the project as Project owner (console: project → Manage → Access → Service accounts).`;
      return projectId ? new ProjectUnusableError(line, 'forbidden') : new ActionError(line);
    }
    if (status === 404 && projectId)
      return new ProjectUnusableError(
        `Pinecone found no ${project} (${answered}) to ${what}: check the project input, and that the service account was added to that project.`,
        'gone',
      );
    if (status >= 500 || status === 429) return this.unavailable(response, what);
    return new ActionError(`Pinecone refused to ${what} (${answered}): ${this.excerpt(response)}`);
  }

  /**
   * Creating a project: the organization's limit, and the right to create projects, each with the fix. The live
   * service's answer at the limit is not settled (403 QUOTA_EXCEEDED, or 400/422 with a message): read all three,
   * and quote Pinecone's message, which names the limit.
   */
  projectCreate(response: HttpResponse): ActionError {
    const code = this.errorCode(response);
    const excerpt = this.excerpt(response);
    const overLimit =
      (response.status === 403 && code.includes('QUOTA_EXCEEDED')) ||
      ([400, 422].includes(response.status) && /limit|quota|maximum|too many/i.test(excerpt));
    if (overLimit)
      return new ProjectLimitError(
        `Pinecone refused to create a project: the organization holds as many projects as its plan allows (HTTP ${response.status}${code}: "${excerpt}"; Enterprise allows 100). Run the sweep sub-action, which deletes expired throwaway projects this action made, and delete projects you no longer need.`,
      );
    if (response.status === 403)
      return new ActionError(
        `The service account may not create projects (HTTP 403${code}): give it the organization role that creates projects (Organization owner, or a service account with that right), or use project instead of new-project.`,
      );
    return this.api(response, 'create a project');
  }

  private unavailable(response: HttpResponse, what: string): ActionError {
    return new ActionError(
      `Pinecone is unavailable: it answered ${describeStatus(response.status)}${this.errorCode(response)} when asked to ${what}, also after retries ("${this.excerpt(response)}"). Try again later.`,
    );
  }

  /** `" QUOTA_EXCEEDED"` from Pinecone's error shape, `" access_denied"` from OAuth's, else `""`; redacted first. */
  private errorCode(response: HttpResponse): string {
    const error = parseBody(response)?.['error'];
    const code = typeof error === 'object' && error !== null ? (error as Json)['code'] : error;
    return typeof code === 'string' ? ` ${this.secrets.redact(code).replace(/[^\w.*-]/g, '')}` : '';
  }

  /** A short, masked piece of an error answer: a proxy's HTML page shows up as text, not a crash. */
  excerpt(response: HttpResponse): string {
    const body = parseBody(response);
    const error = body?.['error'];
    const description = body?.['error_description'];
    const text =
      typeof error === 'object' && error && 'message' in error
        ? String(error.message)
        : typeof description === 'string'
          ? description
          : response.body;
    const flat = this.secrets
      .redact(text)
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return flat.length > 160 ? `${flat.slice(0, 160)}…` : flat || '(empty answer)';
  }
}

/**
 * A redirect, a 405, or a 404 for a path that always exists (the token endpoint, the project list) or that is not
 * Pinecone's JSON: the URL input points somewhere else than the API.
 */
function isMisdirected(response: HttpResponse, pathAlwaysExists: boolean): boolean {
  const { status } = response;
  if (status === 404) return pathAlwaysExists || !isPineconeShaped(response);
  return (status >= 300 && status < 400) || status === 405;
}

/** Pinecone's own 404 (JSON, or no body): the thing is gone. Any other 404 is a wrong URL, not a deleted thing. */
export function isPineconeNotFound(response: HttpResponse): boolean {
  return response.status === 404 && isPineconeShaped(response);
}

export function isPineconeShaped(response: HttpResponse): boolean {
  return response.body.trim() === '' || parseBody(response) !== undefined;
}
