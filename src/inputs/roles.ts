// Pinecone's API-key roles; permissions of several roles add up.
import { InputError } from '../base/errors.js';
export const ROLES = [
  'ProjectEditor',
  'ProjectViewer',
  'ControlPlaneEditor',
  'ControlPlaneViewer',
  'DataPlaneEditor',
  'DataPlaneViewer',
] as const;
export type Role = (typeof ROLES)[number];

const BY_LOWER = new Map<string, Role>(ROLES.map((role) => [role.toLowerCase(), role]));

/** Comma- or newline-separated, case-insensitive in; canonical, de-duplicated, in input order out. */
export function parseRoles(input: string): Role[] {
  const words = input
    .split(/[,\n]/)
    .map((word) => word.trim())
    .filter((word) => word !== '');
  if (words.length === 0) {
    throw new InputError(`Input "roles" is empty: name at least one of ${ROLES.join(', ')}.`);
  }
  const roles: Role[] = [];
  for (const word of words) {
    const role = BY_LOWER.get(word.toLowerCase());
    if (!role) throw new InputError(`Input "roles": unknown role "${word}". Valid roles: ${ROLES.join(', ')}.`);
    if (!roles.includes(role)) roles.push(role);
  }
  return roles;
}
