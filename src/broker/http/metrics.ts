// What the broker counts for its operators, served at GET /metrics in Prometheus's text format: requests by route
// and outcome, how long Pinecone takes to answer, logins, and what the sweep deleted. Names and labels only: never
// a repository, a key or a token (labels with outside text would let a caller grow the series without bound).
import type { Transport } from '../../api/transport.js';

/** Upper bounds of the Pinecone latency histogram, in seconds. */
const BUCKETS_S = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export type Route = 'token' | 'revoke';
export type Outcome = 'minted' | 'revoked' | 'refused' | 'invalid' | 'unavailable' | 'error';

export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly latency = { counts: BUCKETS_S.map(() => 0), count: 0, sum: 0 };
  swept = 0;
  sweepFailures = 0;
  /** Connections refused or ended at a cap (server.ts's guard). */
  shed: () => number = () => 0;

  constructor(private readonly logins: () => number) {}

  request(route: Route, outcome: Outcome): void {
    const key = `route="${route}",outcome="${outcome}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
  }

  /** The transport, timed: every request to Pinecone (the login included) lands in the histogram. */
  timed(transport: Transport, now: () => number): Transport {
    return async (request) => {
      const started = now();
      try {
        return await transport(request);
      } finally {
        this.observe((now() - started) / 1000);
      }
    };
  }

  private observe(seconds: number): void {
    this.latency.count += 1;
    this.latency.sum += seconds;
    BUCKETS_S.forEach((bound, i) => {
      if (seconds <= bound) this.latency.counts[i]! += 1;
    });
  }

  render(): string {
    const lines = [
      '# HELP pinecone_broker_requests_total Requests to the broker, by route and outcome.',
      '# TYPE pinecone_broker_requests_total counter',
      ...[...this.requests].map(([labels, n]) => `pinecone_broker_requests_total{${labels}} ${n}`),
      '# HELP pinecone_broker_pinecone_request_seconds How long Pinecone took to answer the broker.',
      '# TYPE pinecone_broker_pinecone_request_seconds histogram',
      ...BUCKETS_S.map(
        (bound, i) => `pinecone_broker_pinecone_request_seconds_bucket{le="${bound}"} ${this.latency.counts[i]}`,
      ),
      `pinecone_broker_pinecone_request_seconds_bucket{le="+Inf"} ${this.latency.count}`,
      `pinecone_broker_pinecone_request_seconds_sum ${this.latency.sum.toFixed(6)}`,
      `pinecone_broker_pinecone_request_seconds_count ${this.latency.count}`,
      '# HELP pinecone_broker_logins_total Logins to Pinecone (one serves every request until it nears expiry).',
      '# TYPE pinecone_broker_logins_total counter',
      `pinecone_broker_logins_total ${this.logins()}`,
      "# HELP pinecone_broker_swept_keys_total Expired keys the broker's own sweep deleted.",
      '# TYPE pinecone_broker_swept_keys_total counter',
      `pinecone_broker_swept_keys_total ${this.swept}`,
      '# HELP pinecone_broker_sweep_failures_total Sweeps that could not finish.',
      '# TYPE pinecone_broker_sweep_failures_total counter',
      `pinecone_broker_sweep_failures_total ${this.sweepFailures}`,
      '# HELP pinecone_broker_connections_shed_total Connections refused or ended to stay within the caps.',
      '# TYPE pinecone_broker_connections_shed_total counter',
      `pinecone_broker_connections_shed_total ${this.shed()}`,
    ];
    return `${lines.join('\n')}\n`;
  }
}
