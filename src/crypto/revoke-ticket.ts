// The keyless broker's revoke ticket: handed out with a key, it proves at revoke time that the broker made this key for
// this job, so post's revoke deletes by ID in one request instead of listing the project first. An HMAC-SHA256 over the
// key's ID and the job (repository, run, attempt, check_run_id), under a key derived from the client secret (only the
// broker holds it; every replica derives the same). Not a secret: it lets a token of that same job delete that one key.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { RunRef } from '../rules/names.js';
import { DERIVATIONS } from './derivations.js';

export interface RevokeTickets {
  issue: (keyId: string, run: RunRef) => string;
  holds: (ticket: string, keyId: string, run: RunRef) => boolean;
}

export function revokeTicketsFor(clientSecret: string): RevokeTickets {
  const { label, version } = DERIVATIONS.revokeTicket;
  const key = Buffer.from(hkdfSync('sha256', clientSecret, label, version, 32));
  const issue = (keyId: string, run: RunRef) =>
    createHmac('sha256', key)
      .update([keyId, run.repositoryId, run.runId, run.server ?? '', run.attempt, run.job ?? ''].join('\n'))
      .digest('base64url');
  return {
    issue,
    holds: (ticket, keyId, run) => {
      const expected = Buffer.from(issue(keyId, run));
      const given = Buffer.from(ticket);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
