// Parses the durations the inputs accept: a whole number and one unit, e.g. `90s`, `30m`, `6h`, `7d`.
import { InputError } from '../base/errors.js';
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export function parseDuration(input: string, what: string, limits: { min: number; max: number }): number {
  const match = /^(\d{1,6})\s*([smhd])$/i.exec(input.trim());
  if (!match) {
    throw new InputError(
      `${what} "${input}" is not a duration: use a whole number and a unit s, m, h or d, e.g. 90s, 30m, 6h, 7d.`,
    );
  }
  const ms = Number(match[1]) * UNIT_MS[match[2]!.toLowerCase() as keyof typeof UNIT_MS];
  if (ms < limits.min || ms > limits.max) {
    throw new InputError(
      `${what} "${input}" is out of range: use ${formatDuration(limits.min)} to ${formatDuration(limits.max)}.`,
    );
  }
  return ms;
}

/** The largest unit that divides `ms` exactly: 7d, 90s, 1500ms. */
export function formatDuration(ms: number): string {
  for (const [unit, size] of Object.entries(UNIT_MS).reverse()) {
    if (ms % size === 0 && ms >= size) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}
