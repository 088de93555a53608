// The keys the broker made, told apart from every other key by a tag only its service account's secret makes
// (crypto/name-tag.ts, `brokerKeyName`: never direct mode's `keyName`), and whose they are: a key is bound to the
// instance, repository, run, attempt and job (check_run_id) of the token that asked for it (rules/names.ts).
import { nameTagFor } from '../../crypto/name-tag.js';
import {
  buildTaggedKeyName,
  parseTaggedKeyName,
  type KeyOwner,
  type NameTag,
  type ParsedName,
  type RunRef,
} from '../../rules/names.js';

export class BrokerKeys {
  private readonly tag: NameTag;

  constructor(clientSecret: string) {
    this.tag = nameTagFor(clientSecret, 'brokerKeyName');
  }

  name(base: string, owner: KeyOwner, expiresAt: Date, nonce: string): string {
    return buildTaggedKeyName(base, owner, expiresAt, nonce, this.tag);
  }

  /** A key this broker made; `undefined` for any other (the action's own, a hand-made look-alike). */
  parse = (name: string | null | undefined): ParsedName | undefined => parseTaggedKeyName(name, this.tag);
}

/**
 * Made for this token's job: the same instance, repository, run and attempt, and the same job when the token names
 * one (a token without `check_run_id`, from an older GHES, owns its attempt's keys that name no job).
 */
export function ofJob(made: RunRef | undefined, caller: RunRef): boolean {
  return (
    !!made &&
    made.repositoryId === caller.repositoryId &&
    made.runId === caller.runId &&
    made.attempt === caller.attempt &&
    made.server === caller.server &&
    made.job === caller.job
  );
}
