// The one module that knows the keyless broker's HTTP API (src/broker/server.ts): a token exchange (RFC 8693) that
// trades the job's OIDC token for a key, and a revoke. A mint is not idempotent: an answer that may have been
// lost throws OutcomeUnknownError, and the caller revokes by the name's nonce before it asks again.
import { ActionError, OutcomeUnknownError } from '../base/errors.js';
import { BROKER_ANSWER_MARGIN_MS } from '../base/policy.js';
import type { Secrets } from '../base/secrets.js';
import type { Requester } from './requester.js';
import { describeStatus, isSuccess, parseBody, type HttpResponse } from './transport.js';

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ID_TOKEN = 'urn:ietf:params:oauth:token-type:id_token';
const API_KEY = 'urn:pinecone:params:oauth:token-type:api-key';

export interface MintRequest {
  roles: readonly string[];
  ttl: string;
  project: string;
  name: string;
  job: string;
  nonce: string;
  cleanup: boolean;
}

export interface BrokerKey {
  value: string;
  /** What lets post's revoke delete this key by ID at once (empty from a broker that issues none). */
  ticket: string;
  id: string;
  name: string;
  projectId: string;
  projectName: string | undefined;
  roles: string[];
  expiresAt: string;
}

export class BrokerApi {
  constructor(
    private readonly url: string,
    private readonly requester: Requester,
    private readonly secrets: Secrets,
  ) {}

  async mint(subjectToken: string, ask: MintRequest): Promise<BrokerKey> {
    const form = new URLSearchParams({
      grant_type: TOKEN_EXCHANGE,
      subject_token: subjectToken,
      subject_token_type: ID_TOKEN,
      requested_token_type: API_KEY,
      scope: ask.roles.join(' '),
      ttl: ask.ttl,
      name: ask.name,
      job: ask.job,
      nonce: ask.nonce,
      cleanup: String(ask.cleanup),
      budget_ms: this.budget(),
      ...(ask.project ? { project: ask.project } : {}),
    });
    const response = await this.post('/token', form, 'get an API key from the broker', true);
    const body = parseBody(response);
    const value = body?.['access_token'];
    if (isSuccess(response) && typeof value === 'string' && value !== '') this.secrets.add(value);
    if (!isSuccess(response)) {
      // The broker's own refusal (policy, token, Pinecone's answer) is definite; anything else may have made a key.
      if (response.status < 500 || (response.status !== 503 && typeof body?.['error'] === 'string'))
        throw this.refused(response, 'gave no key');
      throw new OutcomeUnknownError(this.description(response));
    }
    const text = (name: string) => (typeof body?.[name] === 'string' ? body[name] : '');
    if (typeof value !== 'string' || !value || !text('key_id') || !text('key_name') || !text('project_id'))
      throw new OutcomeUnknownError(`the broker answered ${describeStatus(response.status)} in an unexpected shape`);
    return {
      value,
      ticket: text('revoke_ticket'),
      id: text('key_id'),
      name: text('key_name'),
      projectId: text('project_id'),
      projectName: text('project_name') || undefined,
      roles: text('scope').split(' ').filter(Boolean),
      expiresAt: text('expires_at'),
    };
  }

  /** Deletes this run's keys by ID or by nonce; IDs already gone count as deleted. */
  async revoke(
    subjectToken: string,
    ask: { keyIds: string[]; nonces: string[]; ticket?: string | undefined },
  ): Promise<{ deleted: string[]; gone: string[]; refused: string[] }> {
    const form = new URLSearchParams({ subject_token: subjectToken });
    form.append('budget_ms', this.budget());
    if (ask.ticket) form.append('ticket', ask.ticket);
    for (const id of ask.keyIds) form.append('key_id', id);
    for (const nonce of ask.nonces) form.append('nonce', nonce);
    const response = await this.post('/revoke', form, 'delete the key through the broker', false);
    if (!isSuccess(response)) throw this.refused(response, 'deleted nothing');
    const body = parseBody(response);
    const ids = (name: string) =>
      Array.isArray(body?.[name]) ? (body[name] as unknown[]).filter((id): id is string => typeof id === 'string') : [];
    return { deleted: ids('deleted'), gone: ids('gone'), refused: ids('refused') };
  }

  /** What is left of the step's budget, less a margin: the broker gives up (and we may ask again) before we do. */
  private budget(): string {
    return String(Math.max(0, Math.floor(this.requester.remaining() - BROKER_ANSWER_MARGIN_MS)));
  }

  private post(path: string, form: URLSearchParams, what: string, once: boolean): Promise<HttpResponse> {
    return this.requester.send({
      what,
      service: 'the broker',
      method: 'POST',
      url: `${this.url}${path}`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: form.toString(),
      once,
      own5xx: once,
    });
  }

  private refused(response: HttpResponse, outcome: string): ActionError {
    return new ActionError(`The broker ${outcome}: ${this.description(response)}`);
  }

  /** The broker's one line, or the status and the start of whatever answered instead (a proxy's page). */
  private description(response: HttpResponse): string {
    const line = parseBody(response)?.['error_description'];
    if (typeof line === 'string' && line !== '') return this.secrets.redact(line);
    const excerpt = this.secrets.redact(response.body.replace(/\s+/g, ' ').slice(0, 120));
    return `${describeStatus(response.status)}${excerpt ? `: ${excerpt}` : ''}; check the broker-url input.`;
  }
}
