// The policy file's fields read one by one: each wrong one is a PolicyError that names it and says how to fix it.
import { ActionError } from '../../base/errors.js';
import { parseDuration } from '../../inputs/durations.js';
import { MAX_TTL_MS } from '../../inputs/inputs.js';

const LIMITS = { min: 1000, max: MAX_TTL_MS };

export class PolicyError extends ActionError {}

export const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

export function record(value: unknown, at: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new PolicyError(`${at}: expected a mapping of fields.`);
  return value as Record<string, unknown>;
}

export function list(value: unknown, at: string): unknown[] {
  if (!Array.isArray(value)) throw new PolicyError(`${at}: expected a list.`);
  return value;
}

export function text_(from: Record<string, unknown>, key: string, at: string): string {
  const value = optionalText(from, key, at);
  if (value === undefined) throw new PolicyError(`${at}: required.`);
  return value;
}

export function optionalText(from: Record<string, unknown>, key: string, at: string): string | undefined {
  const value = from[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new PolicyError(`${at}: expected text.`);
  return value;
}

/** A numeric id (`repository-id`, `repository-owner-id`): digits, quoted or not. */
export function numericId(rule: Record<string, unknown>, key: string, at: string, what: string): string | undefined {
  const value = rule[key];
  if (value === undefined) return undefined;
  const text = typeof value === 'number' || typeof value === 'string' ? String(value) : '';
  if (!/^\d+$/.test(text)) throw new PolicyError(`${at}.${key}: a numeric ${what} id, in quotes (e.g. "123456789").`);
  return text;
}

export function flag(value: unknown, at: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new PolicyError(`${at}: true or false.`);
  return value;
}

/** A whole number from 1 up. */
export function count(value: unknown, at: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
  throw new PolicyError(`${at}: a whole number from 1 up (e.g. 2).`);
}

export function originOf(issuer: string): string {
  try {
    return new URL(issuer).origin;
  } catch {
    throw new PolicyError(`issuer: "${issuer}" is not a URL.`);
  }
}

export function duration(value: unknown, at: string): number {
  try {
    return parseDuration(String(value), at, LIMITS);
  } catch (error) {
    throw new PolicyError((error as Error).message);
  }
}
