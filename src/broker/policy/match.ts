// Which rule decides for a verified token's claims, and whether what the job asks stays within it: the first rule
// whose match holds decides; the request may ask for no more than it allows. The project asked for is checked by
// the mint once the rule's project is resolved (a job may name it by ID or by name).
import { globMatches } from '../../rules/glob.js';
import { OUTSIDE_INPUT_EVENTS } from './admission.js';
import type { Ask, Claims, Policy, Rule } from './policy.js';

/** The first rule whose match holds for these claims (revoke looks in its project). */
export function ruleFor(policy: Policy, claims: Claims): { rule: Rule; index: number } | undefined {
  const index = policy.rules.findIndex((rule) => matches(rule, claims));
  const rule = policy.rules[index];
  return rule ? { rule, index } : undefined;
}

/** The rule that lets these claims have what they ask, or the one line that says why not. */
export function decide(policy: Policy, claims: Claims, ask: Ask): { rule: Rule; index: number } | { refused: string } {
  const { rule, index } = ruleFor(policy, claims) ?? { rule: undefined, index: -1 };
  if (!rule) {
    const event = claims.event_name ?? '(none)';
    const listed = Object.hasOwn(OUTSIDE_INPUT_EVENTS, event)
      ? `; a rule admits ${event} only by listing it in event`
      : '';
    return {
      refused: `No rule of the policy lets repository ${claims.repository} have a key (ref ${claims.ref ?? '(none)'}, event ${event}${listed}).`,
    };
  }
  const name = `rules[${index}] (${rule.repository})`;
  const beyond = ask.roles.filter((role) => !rule.roles.includes(role));
  if (beyond.length > 0)
    return { refused: `${name} allows roles ${rule.roles.join(', ')}; asked for ${beyond.join(', ')} beyond them.` };
  if (ask.ttlMs > rule.maxTtlMs)
    return { refused: `${name} allows a ttl of at most ${rule.maxTtlMs / 1000}s; asked for ${ask.ttlMs / 1000}s.` };
  if (ask.cleanup === false && !rule.allowKept)
    return {
      refused: `${name} gives no key kept after its job (cleanup: false); the rule would need allow-kept-keys: true.`,
    };
  return { rule, index };
}

function matches(rule: Rule, claims: Claims): boolean {
  const glob = (pattern: string | undefined, value: string | undefined) =>
    pattern === undefined || (value !== undefined && globMatches(pattern, value));
  return (
    glob(rule.repository, claims.repository) &&
    (rule.repositoryId === undefined || rule.repositoryId === claims.repository_id) &&
    (rule.repositoryOwnerId === undefined || rule.repositoryOwnerId === claims.repository_owner_id) &&
    glob(rule.ref, claims.ref) &&
    eventAdmitted(rule.events, claims.event_name) &&
    (rule.environment === undefined || rule.environment === claims.environment) &&
    glob(rule.workflowRef, claims.job_workflow_ref)
  );
}

/** Listed by the rule; with no `event`, any event but those that run default-branch code on outside input. */
function eventAdmitted(events: string[] | undefined, event: string | undefined): boolean {
  if (events !== undefined) return event !== undefined && events.includes(event);
  return event === undefined || !Object.hasOwn(OUTSIDE_INPUT_EVENTS, event);
}
