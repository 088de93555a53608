// action.yml's `roles` description lists the roles src/inputs/roles.ts knows: `npm run docs` writes it from there,
// so that adding a role is one line in ROLES (CONTRIBUTING.md).
import { ROLES } from '../src/inputs/roles.js';

export const ROLES_DESCRIPTION = `Roles of the key, comma- or newline-separated, any case. ${ROLES.join(', ')}.`;

/** action.yml with the description of its `roles` input written from ROLES (the rest untouched, byte for byte). */
export function syncRoles(actionYml: string): string {
  const input = /(\ninputs:\n(?: {2,}.*\n|\n)*? {2}roles:\n {4}description: ).*\n/;
  if (!input.test(actionYml)) throw new Error('action.yml has no `roles` input with a one-line description');
  return actionYml.replace(input, (_, head: string) => `${head}${ROLES_DESCRIPTION}\n`);
}
