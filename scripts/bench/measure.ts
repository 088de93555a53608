// What the benchmark measures, as pure functions over what the emulator recorded.
import type { RecordedRequest } from '../../test/emulator/server.js';

/** The longest chain of requests each of which started after the previous one was answered. */
export function criticalPath(requests: readonly Pick<RecordedRequest, 'at' | 'answeredAt'>[]): number {
  const sorted = [...requests].sort((a, b) => a.at - b.at);
  const chain: number[] = [];
  sorted.forEach((request, i) => {
    let longest = 0;
    for (let j = 0; j < i; j++) {
      const before = sorted[j]!;
      if (before.answeredAt !== undefined && before.answeredAt <= request.at) longest = Math.max(longest, chain[j]!);
    }
    chain.push(longest + 1);
  });
  return Math.max(0, ...chain);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
