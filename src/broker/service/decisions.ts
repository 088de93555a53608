// What the broker tells: a refusal to the caller (an OAuth error), and one decision line per request to the operators.
import { ActionError } from '../../base/errors.js';
import type { Caller } from '../policy/claims.js';
import type { Rule } from '../policy/policy.js';

/** An OAuth error (RFC 6749 §5.2 / RFC 8693 §2.2.2): `error` for programs, `description` one line for people. */
export class Refusal extends ActionError {
  constructor(
    readonly error:
      | 'invalid_request'
      | 'invalid_grant'
      | 'invalid_scope'
      | 'invalid_target'
      | 'unsupported_grant_type'
      | 'unsupported_token_type'
      | 'temporarily_unavailable'
      | 'server_error',
    description: string,
  ) {
    super(description);
  }
}

/** One line per decision on stdout, for the operators. */
export interface Decision {
  time: string;
  action: 'mint' | 'revoke' | 'sweep';
  outcome: 'minted' | 'revoked' | 'refused' | 'unavailable' | 'deleted' | 'error';
  repository?: string | undefined;
  run?: string | undefined;
  ref?: string | undefined;
  rule?: string | undefined;
  key_id?: string | undefined;
  key_name?: string | undefined;
  reason?: string | undefined;
}

/** Says a decision about one caller: the time, the action and the caller's repository, run and ref filled in. */
export type Say = (rest: Omit<Decision, 'time' | 'action' | 'repository' | 'run' | 'ref'>) => Decision;

/** The caller's part of every decision line about its request: when, what, which repository, run and ref. */
export function sayFor(action: 'mint' | 'revoke', caller: Caller, time: () => string): Say {
  const { claims, context } = caller;
  const run = context.run && `${context.run.runId}/${context.run.attempt}`;
  return (rest) => ({ time: time(), action, repository: claims.repository, run, ref: claims.ref, ...rest });
}

export const ruleName = ({ rule, index }: { rule: Rule; index: number }) => `rules[${index}] (${rule.repository})`;

/**
 * What a caller is told when its rule's project cannot be used: the operator's business, so it names no project.
 * A project gone may be found again (a namesake, once the rule resolves again); a refusal lasts until the operator
 * acts: 502, not "ask again".
 */
export function projectRefusal(why: 'gone' | 'forbidden' = 'gone'): Refusal {
  return why === 'forbidden'
    ? new Refusal('server_error', "The broker may not use its rule's project; its operator has been told.")
    : new Refusal(
        'temporarily_unavailable',
        "The broker cannot use its rule's project now; its operator has been told. Ask again later.",
      );
}
