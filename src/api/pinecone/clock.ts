// Time as Pinecone's servers see it. Key names carry an expiry that other runners compare with their clocks; a
// runner whose clock is an hour off would write names that already look expired, or call live keys expired. The
// `Date` header of every answer tells the server's time to the second, so the action follows it.

/** Offsets below this are the header's own rounding and the network's delay, not a skewed clock. */
const NOISE_MS = 2_000;

export class ServerClock {
  private offsetMs = 0;

  constructor(private readonly localNow: () => number) {}

  /** Reads the `Date` header of an answer (seconds resolution: its second has begun, so take its middle). */
  observe(headers: Record<string, string | string[] | undefined>): void {
    const header = headers['date'];
    const date = Date.parse(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''));
    if (Number.isNaN(date)) return;
    const offset = date + 500 - this.localNow();
    this.offsetMs = Math.abs(offset) < NOISE_MS ? 0 : offset;
  }

  now = (): number => this.localNow() + this.offsetMs;

  /** How far this runner's clock is off the server's (positive: the runner is slow). */
  get skewMs(): number {
    return this.offsetMs;
  }
}
