// What the broker answers, in OAuth's shapes: the RFC 8414 metadata document, and an error per RFC 6749 §5.2 (400
// with `error` and one line of `error_description`), except what is the broker's or Pinecone's doing: 503
// `temporarily_unavailable` with Retry-After when asking again may work, 502 `server_error` when it will not until
// the operators act (Pinecone refused the broker's account).
import { ActionError, InputError } from '../../base/errors.js';
import { BROKER_RETRY_AFTER_S } from '../../base/policy.js';
import { ROLES } from '../../inputs/roles.js';
import { API_KEY_TOKEN_TYPE, SUBJECT_TOKEN_TYPES, TOKEN_EXCHANGE } from './exchange.js';
import type { Outcome } from './metrics.js';
import { Refusal } from '../service/decisions.js';

export interface ErrorAnswer {
  status: number;
  body: { error: string; error_description: string };
  headers: Record<string, string>;
  outcome: Outcome;
}

/** RFC 8414: what a standard client discovers before its first request. `issuer` is the policy's audience. */
export function metadata(issuer: string): object {
  const base = issuer.replace(/\/+$/, '');
  return {
    issuer,
    token_endpoint: `${base}/token`,
    revocation_endpoint: `${base}/revoke`,
    grant_types_supported: [TOKEN_EXCHANGE],
    token_endpoint_auth_methods_supported: ['none'],
    revocation_endpoint_auth_methods_supported: ['none'],
    scopes_supported: ROLES,
    subject_token_types_supported: SUBJECT_TOKEN_TYPES,
    issued_token_types_supported: [API_KEY_TOKEN_TYPE],
    response_types_supported: [],
  };
}

/** Words that mean Pinecone (or the way to it) failed for now, after the broker's own retries: asking again may work. */
const PASSING = /^(Pinecone is unavailable|Ran out of time|Could not reach)/;

export function errorAnswer(error: unknown): ErrorAnswer {
  const headers: Record<string, string> = {};
  const answer = (status: number, code: string, line: string, outcome: Outcome): ErrorAnswer => {
    if (status === 503) headers['Retry-After'] = String(BROKER_RETRY_AFTER_S);
    return { status, body: { error: code, error_description: oneLine(line) }, headers, outcome };
  };
  if (error instanceof Refusal) {
    if (error.error === 'temporarily_unavailable') return answer(503, error.error, error.message, 'unavailable');
    if (error.error === 'server_error') return answer(502, error.error, error.message, 'error');
    const outcome =
      error.error === 'invalid_request' || error.error === 'unsupported_grant_type' ? 'invalid' : 'refused';
    return answer(400, error.error, error.message, outcome);
  }
  if (error instanceof InputError) return answer(400, 'invalid_request', inBrokerWords(error.message), 'invalid');
  if (error instanceof ActionError) {
    const line = `Pinecone: ${error.message}`;
    return PASSING.test(error.message)
      ? answer(503, 'temporarily_unavailable', line, 'unavailable')
      : answer(502, 'server_error', line, 'error');
  }
  process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  return answer(500, 'server_error', 'The broker failed; its operators can tell why from its log.', 'error');
}

/** The shared parsers speak of the action's inputs (`Input "ttl"`); the broker's callers send parameters. */
function inBrokerWords(message: string): string {
  return message.replace(/^Input "([\w-]+)"/, '$1').replace(/\(is GITHUB_\w+ set\?\)/, '');
}

/** RFC 6749 §5.2 allows printable ASCII but `"` and `\` in error_description: one line of it. */
export function oneLine(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[’‘]/g, "'")
    .replace(/"/g, "'")
    .replace(/\\/g, '/')
    .replace(/[^\x20-\x7e]/g, '?')
    .trim();
}
