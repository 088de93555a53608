// Every number that decides how hard, how long and how widely the action tries, each with its reason, and the
// backoff arithmetic that uses them. A new retry number goes here and nowhere else.

/** One request never waits longer than this for its answer: Pinecone answers in well under a second. */
export const REQUEST_TIMEOUT_MS = 15_000;
/** One hung connection must leave time for another attempt: no attempt gets more than this share of the budget. */
export const ATTEMPT_SHARE_OF_BUDGET = 1 / 3;
/** Floor of an attempt's timeout, however little budget is left. */
export const MIN_ATTEMPT_MS = 1_000;
/** Attempts of one request on transient failures (5xx, dropped connections): outlasts four failures in a row. */
export const MAX_ATTEMPTS = 5;
/** Being told to slow down is not a failure: a 429 gets more attempts than other transient answers. */
export const MAX_ATTEMPTS_THROTTLED = 8;
/** Exponential backoff with full jitter: the first retry waits up to 250 ms, later ones at most 8 s. */
export const BACKOFF_BASE_MS = 250;
export const BACKOFF_CAP_MS = 8_000;
/** Rounds of delete → look up on a 500 (a missing key's delete has answered 500): as persistent as any call. */
export const DELETE_ROUNDS = 5;
/** Creates whose answer was lost before we give up; each is cleaned up before the next under a fresh name. */
export const CREATE_TRIES = 3;
/** A token this close to its expiry is renewed first: a request must not arrive with a token that just died. */
export const TOKEN_REFRESH_MARGIN_MS = 30_000;
/** Deletes in flight at once: Pinecone documents no rate limit, so start small; 429s back off every request. */
export const DELETE_CONCURRENCY = 8;
/** When (after the first look) post looks again for a key whose create was unanswered when main stopped. */
export const LATE_COMMIT_CHECKS_MS = [0, 1_500, 3_000, 4_500];
/** Looking again for a late create stops while this share of post's budget is left for the delete. */
export const LATE_COMMIT_RESERVE = 1 / 3;
/** After a cancel, how long main lets a request in flight settle (the runner sends SIGTERM 7.5 s after SIGINT). */
export const CANCEL_GRACE_MS = 5_000;
/** Keys one post step retires besides its own: state reaches post as an environment variable (≤ 128 KiB). */
export const MAX_RETIRE_PER_RUN = 100;
/** The post step's own budget: after a cancel, all post steps of a job share about 4¾ minutes. */
export const MAX_POST_BUDGET_MS = 3 * 60_000;
/**
 * A key is retired as expired only this long after its expiry: runners' clocks drift, and a fast clock must not
 * delete a key another job is still using. Time is taken from Pinecone's `Date` header when it sends one.
 */
export const EXPIRY_GRACE_MS = 5 * 60_000;
/** On a full project (403 QUOTA_EXCEEDED), expired keys of this action are deleted and the create is tried once more. */
export const CREATES_AFTER_QUOTA = 1;

/** A key's ttl unless the input says otherwise: a long job's working day; post deletes it long before, as a rule. */
export const DEFAULT_TTL_MS = 6 * 3_600_000;
/**
 * The ttl of a pull request's key (lifetime: pull-request) unless the input says otherwise: only a backstop, since
 * the run that closes the pull request deletes it, and later runs or a sweep once GitHub says it is closed. Long
 * enough that a pull request nobody pushes to for weeks keeps its preview without a scheduled renew.
 */
export const PULL_REQUEST_TTL_MS = 30 * 86_400_000;

/** One look-up of a run at GitHub waits at most this long; no answer counts the run as alive. */
export const GITHUB_LOOKUP_TIMEOUT_MS = 5_000;
/** Runs a main step asks GitHub about (through its post step); the rest wait for a later run or a sweep. */
export const MAX_RUNS_LOOKED_UP = 20;
/** Look-ups at GitHub in flight at once (a sweep asks about every run it finds). */
export const GITHUB_CONCURRENCY = 8;
/**
 * An expired key whose run GitHub says is still going is left to that run's post step, unless it expired this
 * long ago: self-hosted jobs may run for days, but a key is never kept forever on a run's word.
 */
export const ALIVE_RUN_HARD_CAP_MS = 3 * 86_400_000;

/** A server's own words in our one-line errors (Vercel's, Netlify's, GitHub's message) are cut here (base/text). */
export const OUTSIDE_WORDS_CHARS = 200;

/**
 * The keys a project is assumed to hold at most, as the broker shares them among its rules (a rule without
 * `max-live-keys` gets an equal share with the other rules of its project). Pinecone documents no maximum (a create
 * past it fails with 403 QUOTA_EXCEEDED); 20 is the quota a project was seen to fill, so the default is safe there.
 * A policy whose project's quota is known sets `max-live-keys`.
 */
export const BROKER_PROJECT_KEY_QUOTA = 20;
/** Of those, the default shares leave this many to keys the broker does not make: direct mode's, people's. */
export const BROKER_PROJECT_KEY_RESERVE = 4;
/**
 * Mints that check a project's key list before their create share one list up to this old (a revoke seen that much
 * later at worst): under load one list serves many mints. The check after a create never takes an older list.
 */
export const BROKER_KEY_LIST_MAX_AGE_MS = 1_000;
/**
 * How long the broker trusts GitHub's word that a job still runs: a job's mints within it cost one look-up, and a
 * job that ends is refused at most this late. A finished job stays finished, so that answer is kept longer.
 */
export const BROKER_JOB_ALIVE_CACHE_MS = 15_000;
export const BROKER_JOB_OVER_CACHE_MS = 600_000;
/**
 * The broker's sweep asks again about a job GitHub said still runs only this late: each live key of the broker's
 * then costs one request per replica per 5 minutes (a key of a finished job goes within about 6). 100 live keys and
 * 3 replicas: 3,600 requests an hour, under an installation's 5,000.
 */
export const BROKER_SWEEP_JOB_RECHECK_MS = 5 * 60_000;
/** Which installation holds which repository id is listed again at most this often (a sweep finds a new one later). */
export const BROKER_APP_REPOSITORIES_MAX_AGE_MS = 5 * 60_000;
/** ...and at least this often: a repository transferred or renamed is asked about under its new name. */
export const BROKER_APP_REPOSITORIES_REFRESH_MS = 60 * 60_000;
/** A listing that failed is not tried again before this: a GitHub that fails is not asked at every key. */
export const BROKER_APP_REPOSITORIES_RETRY_MS = 60_000;
/** A sweep spends at most this long waiting for GitHub; past it, expiry alone decides for the keys left. */
export const BROKER_SWEEP_GITHUB_BUDGET_MS = 10_000;
/** Jobs a sweep asks GitHub about at once: a slow GitHub holds a sweep 5 s per this many keys, not per key. */
export const BROKER_SWEEP_JOBS_AT_ONCE = 8;
/** Job answers the broker keeps before it drops the stale ones: the cache does not grow with every job it saw. */
export const BROKER_JOB_STATES_MAX = 10_000;
/** A kind of trouble with GitHub (blind, no installation, failing) is told once per this, not at every key. */
export const BROKER_GITHUB_TELL_AGAIN_MS = 3_600_000;
/** One question to GitHub (a token, a look-up) waits this long at most; past it, nothing is proved. */
export const BROKER_GITHUB_TIMEOUT_MS = 5_000;
/** A rate limit GitHub announces with a reset further off than this is waited out this long, then asked again. */
export const BROKER_GITHUB_MAX_PAUSE_MS = 3_600_000;
/** The keyless broker's time budget with Pinecone per request, unless the job says it waits less. */
export const BROKER_REQUEST_BUDGET_MS = 60_000;
/**
 * What every request of the keyless broker waits for (the shared login, a rule's project resolved by name): a
 * budget of its own, so that a hung attempt is sent again within seconds, whichever request started it.
 */
export const BROKER_SHARED_BUDGET_MS = 10_000;
/** The job tells the broker to give up this long before the job itself would: its answer still arrives in time. */
export const BROKER_ANSWER_MARGIN_MS = 1_000;
/**
 * A broker drain that takes longer than this ends anyway: Cloud Run kills 10 s after SIGTERM (Kubernetes' default
 * is 30 s), and the process still has to close its connections and say so. A mint in flight needs one request.
 */
export const BROKER_DRAIN_LIMIT_MS = 8_000;
/** A broker request's headers must arrive within this: a client that sends them slowly holds a connection for nothing. */
export const BROKER_HEADERS_TIMEOUT_MS = 5_000;
/** How often the broker looks for requests over those timeouts (Node's default, 30 s, would let one linger 35 s). */
export const BROKER_TIMEOUT_CHECK_MS = 1_000;
/** The whole request (headers and a body of at most BROKER_MAX_BODY_BYTES) must arrive within this. */
export const BROKER_REQUEST_RECEIVE_TIMEOUT_MS = 10_000;
/** An idle kept-alive connection to the broker is closed after this (the action sends two requests per step at most). */
export const BROKER_KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** A token, its exchange's parameters and a few revoke IDs fit many times over. */
export const BROKER_MAX_BODY_BYTES = 64 * 1024;
/**
 * Connections the broker holds at once, well under a process's usual 1024 file descriptors (its requests to
 * Pinecone need some). At the cap, the oldest connection that is not being answered makes room.
 */
export const BROKER_MAX_CONNECTIONS = 512;
/** One client address holds at most this many (a load balancer's address is one: keep it near the overall cap). */
export const BROKER_MAX_CONNECTIONS_PER_ADDRESS = 256;
/** A job that waits less than this cannot have a create sent and, if its answer is late, looked for. */
export const BROKER_MIN_BUDGET_MS = 2_000;
/**
 * Mints that lost a race pause before their second try for a random share of up to `attempts` times what their
 * first took (at least `min`, at most `max`): long enough, whatever Pinecone's latency, for one to list and create
 * alone.
 */
export const BROKER_RACE_RETRY_PAUSE_MS = { min: 50, max: 2_000, attempts: 3 } as const;
/** A create whose answer was lost is looked for by name within this budget of its own (the job's may be spent). */
export const BROKER_CLEANUP_BUDGET_MS = 5_000;
/** A 503 tells the caller to ask again after this many seconds: the broker has already retried Pinecone itself. */
export const BROKER_RETRY_AFTER_S = 1;
/**
 * How far an OIDC token's `exp` and `nbf` may be off the broker's clock: servers kept by NTP are within a second;
 * 5 s covers a drifting VM. Every second more is a second a copied token still mints after its job let it expire.
 */
export const OIDC_LEEWAY_S = 5;
/** An unknown `kid` fetches the issuer's JWKS again, but not more often than this. */
export const JWKS_COOLDOWN_MS = 5_000;

/**
 * A handoff secret's floor. Public logs print every handoff, so the secret is all that stands between anyone who
 * reads them and the key's value: 32 characters of at least 2 kinds (lower, upper, digits, others), and at least
 * 128 bits by our estimate once repeats, runs (`abcd`, `4321`, `qwerty`) and word-like stretches are counted at
 * what guessing them costs. `openssl rand -base64 32` (44 characters, ~260 bits) and `-hex 32` (64, ~250) pass.
 */
export const HANDOFF_SECRET_MIN_LENGTH = 32;
export const HANDOFF_SECRET_MIN_CLASSES = 2;
export const HANDOFF_SECRET_MIN_BITS = 128;
/**
 * scrypt over the handoff secret before HKDF, so that each offline guess against a printed handoff costs
 * 2^14 × 8 × 128 bytes = 16 MiB of memory and, measured on a loaded 2-core machine, 145 ms against 0.17 ms for an
 * HKDF guess (~850 times). The secret's own floor above carries most of the weight; N=2^15 took 488 ms there (its
 * 32 MiB leave the cache), too much for use's start. Paid once by the key job, by each use and by revoke: measured
 * in `npm run bench -- --only use`.
 */
export const HANDOFF_SCRYPT = { N: 2 ** 14, r: 8, p: 1, maxmem: 32 * 1024 * 1024 } as const;

/**
 * While a throwaway project is emptied, how long to wait before look number `round` (from 1): deleted indexes stay
 * `Terminating` from under a second to a minute, so the first looks come soon and later ones every second (one
 * request each: only the index list is watched).
 */
export function projectEmptyPollMs(round: number): number {
  return Math.min(1_000, 250 * 2 ** (round - 1));
}

/** Delay before retry number `attempt` (1 = first retry): uniform in [0, min(cap, base·2^(attempt-1))). */
export function backoffMs(attempt: number, random: () => number): number {
  return Math.floor(random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1)));
}

/** Retry-After is seconds or an HTTP date; `undefined` when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, nowMs: number): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Retrying makes sense for these answers: rate limits and server-side failures. */
export function isTransientStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Pinecone supports each stable API version for at least this long after its release (its versioning page). */
export const API_VERSION_SUPPORT_MONTHS = 12;
