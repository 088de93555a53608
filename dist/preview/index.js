import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 770:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(218);


/***/ }),

/***/ 218:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var net = __nccwpck_require__(278);
var tls = __nccwpck_require__(756);
var http = __nccwpck_require__(611);
var https = __nccwpck_require__(692);
var events = __nccwpck_require__(434);
var assert = __nccwpck_require__(613);
var util = __nccwpck_require__(23);


exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
__webpack_unused_export__ = debug; // for test


/***/ }),

/***/ 488:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _preview_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(406);
// What ncc bundles into dist/preview/index.js: the process runs the preview sub-action's step, nothing else.

await (0,_preview_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 406:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* reexport */ run)
});

// NAMESPACE OBJECT: ./node_modules/@actions/core/lib/platform.js
var lib_platform_namespaceObject = {};
__nccwpck_require__.r(lib_platform_namespaceObject);
__nccwpck_require__.d(lib_platform_namespaceObject, {
  arch: () => (arch),
  getDetails: () => (getDetails),
  isLinux: () => (isLinux),
  isMacOS: () => (isMacOS),
  isWindows: () => (isWindows),
  platform: () => (platform)
});

// NAMESPACE OBJECT: ./node_modules/@actions/core/lib/core.js
var core_namespaceObject = {};
__nccwpck_require__.r(core_namespaceObject);
__nccwpck_require__.d(core_namespaceObject, {
  ExitCode: () => (ExitCode),
  addPath: () => (addPath),
  debug: () => (debug),
  endGroup: () => (endGroup),
  error: () => (error),
  exportVariable: () => (exportVariable),
  getBooleanInput: () => (getBooleanInput),
  getIDToken: () => (getIDToken),
  getInput: () => (getInput),
  getMultilineInput: () => (getMultilineInput),
  getState: () => (getState),
  group: () => (group),
  info: () => (info),
  isDebug: () => (isDebug),
  markdownSummary: () => (markdownSummary),
  notice: () => (notice),
  platform: () => (lib_platform_namespaceObject),
  saveState: () => (saveState),
  setCommandEcho: () => (setCommandEcho),
  setFailed: () => (setFailed),
  setOutput: () => (setOutput),
  setSecret: () => (setSecret),
  startGroup: () => (startGroup),
  summary: () => (summary),
  toPlatformPath: () => (toPlatformPath),
  toPosixPath: () => (toPosixPath),
  toWin32Path: () => (toWin32Path),
  warning: () => (warning)
});

;// CONCATENATED MODULE: ./src/base/errors.ts
// Errors a user will see: one line that says what happened and what to do. Anything else is a bug and is shown
// with its stack only under RUNNER_DEBUG.
class errors_ActionError extends Error {
}
/** An input the user must fix; thrown by the parsers directly, so a bug's TypeError is never dressed up as one. */
class errors_InputError extends errors_ActionError {
}
/**
 * The step was cancelled (SIGINT/SIGTERM) before it could finish. Each step says in its own words what follows
 * (runtime/define-step.ts), unless the error was raised with a line of its own that knows more.
 */
class errors_CancelledError extends errors_ActionError {
    known;
    constructor(message) {
        super(message ?? 'The step was cancelled before it was done.');
        this.known = message !== undefined;
    }
}
/** A create request may or may not have made a key (no answer, dropped connection, 5xx). */
class errors_OutcomeUnknownError extends Error {
}

;// CONCATENATED MODULE: ./src/base/policy.ts
// Every number that decides how hard, how long and how widely the action tries, each with its reason, and the
// backoff arithmetic that uses them. A new retry number goes here and nowhere else.
/** One request never waits longer than this for its answer: Pinecone answers in well under a second. */
const REQUEST_TIMEOUT_MS = 15_000;
/** One hung connection must leave time for another attempt: no attempt gets more than this share of the budget. */
const ATTEMPT_SHARE_OF_BUDGET = 1 / 3;
/** Floor of an attempt's timeout, however little budget is left. */
const MIN_ATTEMPT_MS = 1_000;
/** Attempts of one request on transient failures (5xx, dropped connections): outlasts four failures in a row. */
const MAX_ATTEMPTS = 5;
/** Being told to slow down is not a failure: a 429 gets more attempts than other transient answers. */
const MAX_ATTEMPTS_THROTTLED = 8;
/** Exponential backoff with full jitter: the first retry waits up to 250 ms, later ones at most 8 s. */
const BACKOFF_BASE_MS = 250;
const BACKOFF_CAP_MS = 8_000;
/** Rounds of delete → look up on a 500 (a missing key's delete has answered 500): as persistent as any call. */
const policy_DELETE_ROUNDS = 5;
/** Creates whose answer was lost before we give up; each is cleaned up before the next under a fresh name. */
const CREATE_TRIES = 3;
/** A token this close to its expiry is renewed first: a request must not arrive with a token that just died. */
const policy_TOKEN_REFRESH_MARGIN_MS = 30_000;
/** Deletes in flight at once: Pinecone documents no rate limit, so start small; 429s back off every request. */
const policy_DELETE_CONCURRENCY = 8;
/** When (after the first look) post looks again for a key whose create was unanswered when main stopped. */
const LATE_COMMIT_CHECKS_MS = (/* unused pure expression or super */ null && ([0, 1_500, 3_000, 4_500]));
/** Looking again for a late create stops while this share of post's budget is left for the delete. */
const LATE_COMMIT_RESERVE = (/* unused pure expression or super */ null && (1 / 3));
/** After a cancel, how long main lets a request in flight settle (the runner sends SIGTERM 7.5 s after SIGINT). */
const CANCEL_GRACE_MS = 5_000;
/** Keys one post step retires besides its own: state reaches post as an environment variable (≤ 128 KiB). */
const MAX_RETIRE_PER_RUN = 100;
/** The post step's own budget: after a cancel, all post steps of a job share about 4¾ minutes. */
const policy_MAX_POST_BUDGET_MS = (/* unused pure expression or super */ null && (3 * 60_000));
/**
 * A key is retired as expired only this long after its expiry: runners' clocks drift, and a fast clock must not
 * delete a key another job is still using. Time is taken from Pinecone's `Date` header when it sends one.
 */
const EXPIRY_GRACE_MS = (/* unused pure expression or super */ null && (5 * 60_000));
/** On a full project (403 QUOTA_EXCEEDED), expired keys of this action are deleted and the create is tried once more. */
const CREATES_AFTER_QUOTA = 1;
/** A key's ttl unless the input says otherwise: a long job's working day; post deletes it long before, as a rule. */
const policy_DEFAULT_TTL_MS = (/* unused pure expression or super */ null && (6 * 3_600_000));
/**
 * The ttl of a pull request's key (lifetime: pull-request) unless the input says otherwise: only a backstop, since
 * the run that closes the pull request deletes it, and later runs or a sweep once GitHub says it is closed. Long
 * enough that a pull request nobody pushes to for weeks keeps its preview without a scheduled renew.
 */
const policy_PULL_REQUEST_TTL_MS = (/* unused pure expression or super */ null && (30 * 86_400_000));
/** One look-up of a run at GitHub waits at most this long; no answer counts the run as alive. */
const policy_GITHUB_LOOKUP_TIMEOUT_MS = 5_000;
/** Runs a main step asks GitHub about (through its post step); the rest wait for a later run or a sweep. */
const MAX_RUNS_LOOKED_UP = 20;
/** Look-ups at GitHub in flight at once (a sweep asks about every run it finds). */
const GITHUB_CONCURRENCY = 8;
/**
 * An expired key whose run GitHub says is still going is left to that run's post step, unless it expired this
 * long ago: self-hosted jobs may run for days, but a key is never kept forever on a run's word.
 */
const ALIVE_RUN_HARD_CAP_MS = (/* unused pure expression or super */ null && (3 * 86_400_000));
/** A server's own words in our one-line errors (Vercel's, Netlify's, GitHub's message) are cut here (base/text). */
const OUTSIDE_WORDS_CHARS = 200;
/**
 * The keys a project is assumed to hold at most, as the broker shares them among its rules (a rule without
 * `max-live-keys` gets an equal share with the other rules of its project). Pinecone documents no maximum (a create
 * past it fails with 403 QUOTA_EXCEEDED); 20 is the quota a project was seen to fill, so the default is safe there.
 * A policy whose project's quota is known sets `max-live-keys`.
 */
const BROKER_PROJECT_KEY_QUOTA = 20;
/** Of those, the default shares leave this many to keys the broker does not make: direct mode's, people's. */
const BROKER_PROJECT_KEY_RESERVE = 4;
/**
 * Mints that check a project's key list before their create share one list up to this old (a revoke seen that much
 * later at worst): under load one list serves many mints. The check after a create never takes an older list.
 */
const BROKER_KEY_LIST_MAX_AGE_MS = 1_000;
/**
 * How long the broker trusts GitHub's word that a job still runs: a job's mints within it cost one look-up, and a
 * job that ends is refused at most this late. A finished job stays finished, so that answer is kept longer.
 */
const BROKER_JOB_ALIVE_CACHE_MS = 15_000;
const BROKER_JOB_OVER_CACHE_MS = 600_000;
/**
 * The broker's sweep asks again about a job GitHub said still runs only this late: each live key of the broker's
 * then costs one request per replica per 5 minutes (a key of a finished job goes within about 6). 100 live keys and
 * 3 replicas: 3,600 requests an hour, under an installation's 5,000.
 */
const BROKER_SWEEP_JOB_RECHECK_MS = (/* unused pure expression or super */ null && (5 * 60_000));
/** Which installation holds which repository id is listed again at most this often (a sweep finds a new one later). */
const BROKER_APP_REPOSITORIES_MAX_AGE_MS = (/* unused pure expression or super */ null && (5 * 60_000));
/** ...and at least this often: a repository transferred or renamed is asked about under its new name. */
const BROKER_APP_REPOSITORIES_REFRESH_MS = (/* unused pure expression or super */ null && (60 * 60_000));
/** A listing that failed is not tried again before this: a GitHub that fails is not asked at every key. */
const BROKER_APP_REPOSITORIES_RETRY_MS = 60_000;
/** A sweep spends at most this long waiting for GitHub; past it, expiry alone decides for the keys left. */
const BROKER_SWEEP_GITHUB_BUDGET_MS = 10_000;
/** Jobs a sweep asks GitHub about at once: a slow GitHub holds a sweep 5 s per this many keys, not per key. */
const BROKER_SWEEP_JOBS_AT_ONCE = 8;
/** Job answers the broker keeps before it drops the stale ones: the cache does not grow with every job it saw. */
const BROKER_JOB_STATES_MAX = 10_000;
/** A kind of trouble with GitHub (blind, no installation, failing) is told once per this, not at every key. */
const BROKER_GITHUB_TELL_AGAIN_MS = 3_600_000;
/** One question to GitHub (a token, a look-up) waits this long at most; past it, nothing is proved. */
const BROKER_GITHUB_TIMEOUT_MS = 5_000;
/** A rate limit GitHub announces with a reset further off than this is waited out this long, then asked again. */
const BROKER_GITHUB_MAX_PAUSE_MS = 3_600_000;
/** The keyless broker's time budget with Pinecone per request, unless the job says it waits less. */
const BROKER_REQUEST_BUDGET_MS = 60_000;
/**
 * What every request of the keyless broker waits for (the shared login, a rule's project resolved by name): a
 * budget of its own, so that a hung attempt is sent again within seconds, whichever request started it.
 */
const BROKER_SHARED_BUDGET_MS = 10_000;
/** The job tells the broker to give up this long before the job itself would: its answer still arrives in time. */
const BROKER_ANSWER_MARGIN_MS = 1_000;
/**
 * A broker drain that takes longer than this ends anyway: Cloud Run kills 10 s after SIGTERM (Kubernetes' default
 * is 30 s), and the process still has to close its connections and say so. A mint in flight needs one request.
 */
const BROKER_DRAIN_LIMIT_MS = 8_000;
/** A broker request's headers must arrive within this: a client that sends them slowly holds a connection for nothing. */
const BROKER_HEADERS_TIMEOUT_MS = 5_000;
/** How often the broker looks for requests over those timeouts (Node's default, 30 s, would let one linger 35 s). */
const BROKER_TIMEOUT_CHECK_MS = 1_000;
/** The whole request (headers and a body of at most BROKER_MAX_BODY_BYTES) must arrive within this. */
const BROKER_REQUEST_RECEIVE_TIMEOUT_MS = 10_000;
/** An idle kept-alive connection to the broker is closed after this (the action sends two requests per step at most). */
const BROKER_KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** A token, its exchange's parameters and a few revoke IDs fit many times over. */
const BROKER_MAX_BODY_BYTES = (/* unused pure expression or super */ null && (64 * 1024));
/**
 * Connections the broker holds at once, well under a process's usual 1024 file descriptors (its requests to
 * Pinecone need some). At the cap, the oldest connection that is not being answered makes room.
 */
const BROKER_MAX_CONNECTIONS = 512;
/** One client address holds at most this many (a load balancer's address is one: keep it near the overall cap). */
const BROKER_MAX_CONNECTIONS_PER_ADDRESS = 256;
/** A job that waits less than this cannot have a create sent and, if its answer is late, looked for. */
const BROKER_MIN_BUDGET_MS = 2_000;
/**
 * Mints that lost a race pause before their second try for a random share of up to `attempts` times what their
 * first took (at least `min`, at most `max`): long enough, whatever Pinecone's latency, for one to list and create
 * alone.
 */
const BROKER_RACE_RETRY_PAUSE_MS = { min: 50, max: 2_000, attempts: 3 };
/** A create whose answer was lost is looked for by name within this budget of its own (the job's may be spent). */
const BROKER_CLEANUP_BUDGET_MS = 5_000;
/** A 503 tells the caller to ask again after this many seconds: the broker has already retried Pinecone itself. */
const BROKER_RETRY_AFTER_S = 1;
/**
 * How far an OIDC token's `exp` and `nbf` may be off the broker's clock: servers kept by NTP are within a second;
 * 5 s covers a drifting VM. Every second more is a second a copied token still mints after its job let it expire.
 */
const OIDC_LEEWAY_S = 5;
/** An unknown `kid` fetches the issuer's JWKS again, but not more often than this. */
const JWKS_COOLDOWN_MS = 5_000;
/**
 * A handoff secret's floor. Public logs print every handoff, so the secret is all that stands between anyone who
 * reads them and the key's value: 32 characters of at least 2 kinds (lower, upper, digits, others), and at least
 * 128 bits by our estimate once repeats, runs (`abcd`, `4321`, `qwerty`) and word-like stretches are counted at
 * what guessing them costs. `openssl rand -base64 32` (44 characters, ~260 bits) and `-hex 32` (64, ~250) pass.
 */
const policy_HANDOFF_SECRET_MIN_LENGTH = 32;
const policy_HANDOFF_SECRET_MIN_CLASSES = 2;
const policy_HANDOFF_SECRET_MIN_BITS = 128;
/**
 * scrypt over the handoff secret before HKDF, so that each offline guess against a printed handoff costs
 * 2^14 × 8 × 128 bytes = 16 MiB of memory and, measured on a loaded 2-core machine, 145 ms against 0.17 ms for an
 * HKDF guess (~850 times). The secret's own floor above carries most of the weight; N=2^15 took 488 ms there (its
 * 32 MiB leave the cache), too much for use's start. Paid once by the key job, by each use and by revoke: measured
 * in `npm run bench -- --only use`.
 */
const HANDOFF_SCRYPT = { N: 2 ** 14, r: 8, p: 1, maxmem: 32 * 1024 * 1024 };
/**
 * While a throwaway project is emptied, how long to wait before look number `round` (from 1): deleted indexes stay
 * `Terminating` from under a second to a minute, so the first looks come soon and later ones every second (one
 * request each: only the index list is watched).
 */
function projectEmptyPollMs(round) {
    return Math.min(1_000, 250 * 2 ** (round - 1));
}
/** Delay before retry number `attempt` (1 = first retry): uniform in [0, min(cap, base·2^(attempt-1))). */
function backoffMs(attempt, random) {
    return Math.floor(random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1)));
}
/** Retry-After is seconds or an HTTP date; `undefined` when absent or unreadable. */
function policy_retryAfterMs(header, nowMs) {
    const value = Array.isArray(header) ? header[0] : header;
    if (!value)
        return undefined;
    if (/^\d+$/.test(value.trim()))
        return Number(value.trim()) * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
/** Retrying makes sense for these answers: rate limits and server-side failures. */
function isTransientStatus(status) {
    return status === 429 || status >= 500;
}
/** Pinecone supports each stable API version for at least this long after its release (its versioning page). */
const policy_API_VERSION_SUPPORT_MONTHS = 12;

;// CONCATENATED MODULE: ./src/base/text.ts
// Outside text (inputs, names from the API, server messages) in our log lines and job summaries. The runner
// reads any log line that starts with `::` or `##[` (after white space) as a command, so a line we print must
// never start one, nor carry a line break that starts a new one; a summary renders markdown and HTML.
// Secrets are redacted before this shaping (see Secrets.redact), so a secret is never altered into a form the
// runner's mask no longer recognises.

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// Characters that change how text around them reads without showing themselves: zero-width ones and the
// bidirectional overrides and isolates, which can make a name in a log or a summary read as another.
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** True when `text` holds a character that could break a log line (an input must not). */
function hasControlCharacters(text) {
    return new RegExp(CONTROL.source).test(text);
}
const shown = (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
/** Controls, line separators and invisible characters shown as `\uXXXX` (in JSON too: it reads them back). */
function showUnseen(text) {
    return text.replace(CONTROL, shown).replace(INVISIBLE, shown);
}
/**
 * One inert log line: controls and invisible characters shown as `\uXXXX`; a line that would read as a workflow command (`::` after white
 * space) is marked, and the legacy `##[` form, which the runner finds anywhere in a line, is broken up.
 */
function logLine(text) {
    const flat = showUnseen(text).replace(/##\[/g, '## [');
    return /^\s*::/.test(flat) ? `» ${flat}` : flat;
}
/**
 * Outside text as inline code in a markdown table cell: no markup, no HTML, no cell break. GitHub still renders
 * markdown inside `<code>` (links, images, emphasis), so its characters become entities too.
 */
function markdownCode(text) {
    const entity = (c) => HTML_ENTITIES[c] ?? `&#${c.charCodeAt(0)};`;
    return `<code>${logLine(text).replace(/[&<>"'|\\`*_[\]()!#~]/g, entity)}</code>`;
}
/**
 * A server's words (an error message, a name) inside one of our lines: white space and controls become single
 * spaces, and past `maxChars` the rest is cut ("…"): one line, not a page.
 */
function shortLine(text, maxChars = OUTSIDE_WORDS_CHARS) {
    const flat = text.replace(/[\s\p{Cc}]+/gu, ' ').trim();
    return flat.length > maxChars ? `${flat.slice(0, maxChars)}…` : flat;
}
/** Outside text as plain text in a markdown table cell. */
function markdownText(text) {
    // One pass: an escaped quote (`&#39;`) keeps its `#`.
    return logLine(text).replace(/[&<>"'|\\`*_[\]()!#~]/g, (c) => HTML_ENTITIES[c] ?? `\\${c}`);
}
const HTML_ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
    '|': '&#124;',
};

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/inputs/durations.ts
// Parses the durations the inputs accept: a whole number and one unit, e.g. `90s`, `30m`, `6h`, `7d`.

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
function durations_parseDuration(input, what, limits) {
    const match = /^(\d{1,6})\s*([smhd])$/i.exec(input.trim());
    if (!match) {
        throw new errors_InputError(`${what} "${input}" is not a duration: use a whole number and a unit s, m, h or d, e.g. 90s, 30m, 6h, 7d.`);
    }
    const ms = Number(match[1]) * UNIT_MS[match[2].toLowerCase()];
    if (ms < limits.min || ms > limits.max) {
        throw new errors_InputError(`${what} "${input}" is out of range: use ${durations_formatDuration(limits.min)} to ${durations_formatDuration(limits.max)}.`);
    }
    return ms;
}
/** The largest unit that divides `ms` exactly: 7d, 90s, 1500ms. */
function durations_formatDuration(ms) {
    for (const [unit, size] of Object.entries(UNIT_MS).reverse()) {
        if (ms % size === 0 && ms >= size)
            return `${ms / size}${unit}`;
    }
    return `${ms}ms`;
}

;// CONCATENATED MODULE: ./src/inputs/checks.ts
// The rules every input reader shares: required, one of, true/false, URLs, durations, names of environment
// variables; and no control characters in anything that is echoed into the log. Each problem throws an
// InputError: one line that names the input and says how to fix it.



const LOOPBACK = new Set(['localhost', '[::1]']);
const MAX_TIMEOUT_MS = 30 * 60_000;
/** `names` as the step reads them now: what main saves for post to read again (never a secret). */
function savedInputs(input, names) {
    return Object.fromEntries(names.map((name) => [name, input(name).trim()]));
}
/**
 * Post's inputs: as main read them where main saved them, else as the runner gives them now. The runner can give
 * post other inputs than main's (an action wrapped in nested composites gets the outer one's, actions/runner#2030).
 */
function savedFirst(saved, input) {
    return (name) => (saved && Object.hasOwn(saved, name) ? saved[name] : input(name));
}
/** An input as given, trimmed, refused if it holds a control character (a line break could forge a log command). */
function checks_text(input, name) {
    const value = input(name).trim();
    if (hasControlCharacters(value)) {
        throw new errors_InputError(`Input "${name}" contains a line break or another control character: give it on one line, as plain text.`);
    }
    return value;
}
function checks_required(input, name) {
    const value = checks_text(input, name);
    if (value === '')
        throw new errors_InputError(`Input "${name}" is required and empty.`);
    return value;
}
function checks_choice(input, name, options) {
    const value = checks_text(input, name).toLowerCase();
    if (!options.includes(value)) {
        throw new errors_InputError(`Input "${name}" must be ${options.join(' or ')}; got "${value}".`);
    }
    return value;
}
/** YAML 1.2 booleans, as core.getBooleanInput reads them, with a message that names the input. */
function checks_bool(input, name) {
    const value = checks_text(input, name);
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw new errors_InputError(`Input "${name}" must be true or false; got "${value}".`);
}
/** The `timeout` input: a step's whole budget. */
function checks_timeout(input) {
    return durations_parseDuration(checks_text(input, 'timeout'), 'Input "timeout"', { min: 1000, max: MAX_TIMEOUT_MS });
}
/** The one rule for every URL credentials go to: https, or http on a loopback host (tests, local emulators). */
function secureOrLoopback(url) {
    const loopback = LOOPBACK.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
    return url.protocol === 'https:' || (url.protocol === 'http:' && loopback);
}
/** https only, except loopback hosts (tests, local emulators); never credentials or redirects elsewhere. */
function checks_url(input, name) {
    const value = checks_required(input, name);
    let parsed;
    try {
        parsed = new URL(value);
    }
    catch {
        throw new errors_InputError(`Input "${name}" "${value}" is not a URL: give an absolute https:// URL.`);
    }
    if (!secureOrLoopback(parsed)) {
        throw new errors_InputError(`Input "${name}" must use https:// (http:// only for localhost, 127.0.0.1 or [::1]); got "${parsed.protocol}//${parsed.host}".`);
    }
    if (parsed.username || parsed.password)
        throw new errors_InputError(`Input "${name}" must not carry a user name or password.`);
    if (parsed.search || parsed.hash)
        throw new errors_InputError(`Input "${name}" must not have a query or fragment.`);
    return parsed.href.replace(/\/+$/, '');
}
/**
 * Names the runner, the shell, the dynamic linker or a language runtime read to decide what runs: a key written
 * there would break or hijack every later step. Each with the reason given to the user.
 */
const RESERVED_ENV = [
    [/^(GITHUB|RUNNER|ACTIONS|INPUT|STATE)_/, 'the runner sets and reads these'],
    [/^(CI|HOME|PATH|SHELL|USER|PWD|TMPDIR|TEMP|TMP)$/, 'the runner and every tool rely on it'],
    [/^(LD|DYLD)_/, 'the dynamic linker reads it to load code into every process'],
    [/^(BASH_ENV|ENV|IFS|PS4|PROMPT_COMMAND|SHELLOPTS|BASHOPTS|CDPATH|GLOBIGNORE|BASH_FUNC_.*)$/, 'the shell reads it'],
    [/^NODE_/, 'Node.js reads NODE_* variables (NODE_OPTIONS loads code into every node process)'],
    [
        /^(PYTHON\w*|PERL5\w*|PERLLIB|RUBYOPT|RUBYLIB|JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|JDK_JAVA_OPTIONS|GIT_\w+)$/,
        'a language runtime or git reads it to load code',
    ],
    [
        /^(HTTPS?_PROXY|NO_PROXY|ALL_PROXY|SSL_CERT_FILE|SSL_CERT_DIR|CURL_CA_BUNDLE|REQUESTS_CA_BUNDLE)$/,
        'it redirects or trusts network traffic',
    ],
];
function checks_envName(input, name) {
    const value = checks_text(input, name);
    if (value === '')
        return '';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) {
        throw new errors_InputError(`Input "${name}" "${value}" is not an environment variable name: use letters, digits and _ (or leave it empty to export nothing).`);
    }
    const reserved = RESERVED_ENV.find(([pattern]) => pattern.test(value.toUpperCase()));
    if (reserved) {
        throw new errors_InputError(`Input "${name}" "${value}" is reserved (${reserved[1]}): choose another name, e.g. PINECONE_API_KEY.`);
    }
    return value;
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/rules/names.ts
// The one place that builds and parses the names of what this action makes. A name is
// `<base>-eph-<expiry>-<kind><run>-<nonce>`: the base is the user's rendered template; the suffix lets any later run
// (or a sweep) tell from the name alone that this action made the key, when it expires, whether its job deletes it, and
// which run made it (the repository's numeric id, the run id and the attempt, in base 36) — and the nonce keeps
// parallel jobs apart. Names of the first format (`<base>-eph-<expiry>-<nonce>`) still parse: they carry no kind and no
// run. The keyless broker's names add the job after the run (`_<check_run_id>`); names without it still parse. A
// throwaway project's name is a key name's grammar plus `-<tag>`: a MAC of the rest under the service account's secret
// (crypto/name-tag.ts), since a sweep deletes whole projects and a name anyone could type must not be enough. Key names
// may carry the same kind of tag (`buildTaggedKeyName`), under their maker's own derivation. A key that lives as long
// as its pull request (kind `pr`, letter `p`) ends its suffix's run with `_<number>` (base 36): the pull request later
// runs and sweeps ask GitHub about.

const names_MAX_NAME_LENGTH = 80; // Pinecone's limit
/** Pinecone allows 512; beyond this a name is no longer readable in the console's project list. */
const names_MAX_PROJECT_NAME_LENGTH = 128;
const NONCE_LENGTH = 6;
const names_TAG_LENGTH = 8;
const STAMP = String.raw `(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z`;
const NAME_PATTERN = new RegExp(String.raw `^(.+)-eph-${STAMP}(?:-([jkps])(?:([0-9a-z]{1,11})\.([0-9a-z]{1,11})\.([0-9a-z]{1,4})(?:\.([0-9a-z]{3}))?(?:_([0-9a-z]{1,11}))?(?:\.r([0-9a-z]{3}))?)?(?:_([0-9a-z]{1,7}))?)?-([a-z0-9]{6})$`);
const TAGGED_PATTERN = new RegExp(`^(.+)-[a-z0-9]{${names_TAG_LENGTH}}$`);
const KIND_LETTER = { job: 'j', kept: 'k', shared: 's', pr: 'p' };
/** Keeps letters, digits, `.`, `_` and `-`; anything else becomes `-`. */
function names_sanitize(text) {
    const safe = text
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^[-.]+|[-.]+$/g, '');
    return safe === '' ? 'key' : safe;
}
function suffix(owner, stamp, nonce) {
    if ((owner.kind === 'pr') !== /^[1-9]\d{0,9}$/.test(owner.pullRequest ?? ''))
        throw new Error('a pull request number goes with kind pr, and kind pr needs one');
    const server = owner.run?.server ? `.${owner.run.server}` : '';
    const job = `${owner.run?.job ? `_${Number(owner.run.job).toString(36)}` : ''}${owner.run?.rule ? `.r${owner.run.rule}` : ''}`;
    const run = owner.run
        ? `${Number(owner.run.repositoryId).toString(36)}.${Number(owner.run.runId).toString(36)}.${owner.run.attempt.toString(36)}${server}${job}`
        : '';
    const pullRequest = owner.kind === 'pr' ? `_${Number(owner.pullRequest).toString(36)}` : '';
    return `-eph-${stamp}-${KIND_LETTER[owner.kind]}${run}${pullRequest}-${nonce}`;
}
function names_suffixLength(owner) {
    return suffix(owner, 'YYYYMMDDTHHMMSSZ', 'n'.repeat(NONCE_LENGTH)).length;
}
/** Cuts the base, never the suffix, so the whole name fits Pinecone's 80 characters. */
function buildKeyName(base, owner, expiresAt, nonce) {
    return build(base, owner, expiresAt, nonce, names_MAX_NAME_LENGTH);
}
/**
 * A key name that proves its maker: the grammar above, then `-<tag>` over all of it (as a throwaway project's), the
 * tag made by `nameTagFor(secret, 'keyName' | 'brokerKeyName')`. The base is cut, never the suffix or the tag.
 */
function buildTaggedKeyName(base, owner, expiresAt, nonce, tag) {
    const unsigned = build(base, owner, expiresAt, nonce, names_MAX_NAME_LENGTH - 1 - names_TAG_LENGTH);
    return `${unsigned}-${tag(unsigned)}`;
}
/** A key whose name carries a tag that verifies under `tag`; `undefined` for untagged names and look-alikes. */
function parseTaggedKeyName(name, tag) {
    const parsed = lookAlike(name);
    return parsed && signedBy(name, tag) ? parsed : undefined;
}
function signedBy(name, tag) {
    return tag(name.slice(0, -(1 + names_TAG_LENGTH))) === name.slice(-names_TAG_LENGTH);
}
/**
 * A key name of this action's grammar, tagged (by whichever maker) or of an earlier, untagged format: what is judged
 * by its expiry and its run (sweep, make-room, post's retirement of expired keys). Never enough to renew or replace a
 * key, which needs the maker's tag (`parseTaggedKeyName`).
 */
function parseAnyKeyName(name) {
    return parseKeyName(name) ?? lookAlike(name);
}
/** A throwaway project's name: a key name's grammar, then `-<tag>` over all of it. Never a shared project. */
function buildProjectName(base, owner, expiresAt, nonce, tag) {
    if (owner.kind === 'shared')
        throw new Error('a throwaway project belongs to its job (or is kept), never shared');
    const unsigned = build(base, owner, expiresAt, nonce, names_MAX_PROJECT_NAME_LENGTH - 1 - names_TAG_LENGTH);
    return `${unsigned}-${tag(unsigned)}`;
}
function build(base, owner, expiresAt, nonce, maxLength) {
    if (!/^[a-z0-9]{6}$/.test(nonce))
        throw new Error(`nonce must be ${NONCE_LENGTH} characters a-z0-9`);
    const cut = names_sanitize(base.slice(0, maxLength - names_suffixLength(owner)));
    const stamp = expiresAt
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}Z$/, 'Z');
    return `${cut}${suffix(owner, stamp, nonce)}`;
}
/** The expiry `ms` after `now`, in whole seconds as a name carries it: the name and the output must agree. */
function expiryAfter(now, ms) {
    return new Date(Math.ceil((now + ms) / 1000) * 1000);
}
function newNonce(randomInt) {
    let nonce = '';
    for (let i = 0; i < NONCE_LENGTH; i++)
        nonce += randomInt(36).toString(36);
    return nonce;
}
/** `undefined` for a name this action did not make (or `null`, which Pinecone may return). */
function parseKeyName(name) {
    const match = name ? NAME_PATTERN.exec(name) : null;
    if (!match)
        return undefined;
    const [, base, y, mo, d, h, mi, s, letter, repo, run, attempt, server, afterRun, rule, afterKind, nonce] = match;
    // `_<n>` after a run is the broker's job, or, in a pull request's name (letter p), its number; the number stands
    // alone where the name carries no run. Names with the one but not the other are not this action's.
    const isPr = letter === KIND_LETTER.pr;
    const pullRequest = isPr ? (afterKind ?? afterRun) : undefined;
    const job = isPr ? undefined : afterRun;
    if (isPr !== (pullRequest !== undefined) || (afterKind !== undefined && (!isPr || afterRun !== undefined)))
        return undefined;
    if (isPr && rule)
        return undefined;
    const expiresAt = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s));
    // Reject impossible dates (month 13) that the pattern lets through.
    if (expiresAt.toISOString().slice(0, 19) !== `${y}-${mo}-${d}T${h}:${mi}:${s}`)
        return undefined;
    const parsed = { base: base, expiresAt, nonce: nonce };
    if (letter)
        parsed.kind = Object.keys(KIND_LETTER).find((kind) => KIND_LETTER[kind] === letter);
    if (repo && run && attempt) {
        parsed.run = {
            repositoryId: String(parseInt(repo, 36)),
            runId: String(parseInt(run, 36)),
            attempt: parseInt(attempt, 36),
            ...(server ? { server } : {}),
            ...(job ? { job: String(parseInt(job, 36)) } : {}),
            ...(rule ? { rule } : {}),
        };
    }
    if (pullRequest)
        parsed.pullRequest = String(parseInt(pullRequest, 36));
    return parsed;
}
/**
 * A throwaway project this service account made: the name parses and its tag verifies under `tag`. `undefined`
 * for any other project, look-alikes with a wrong tag included (`lookAlike` tells them apart for the summary).
 */
function parseProjectName(name, tag) {
    const parsed = lookAlike(name);
    if (!parsed || parsed.kind === 'shared')
        return undefined;
    return signedBy(name, tag) ? parsed : undefined;
}
/** A name with a throwaway project's shape, whoever made it. */
function lookAlike(name) {
    const match = name ? TAGGED_PATTERN.exec(name) : null;
    const parsed = match ? parseKeyName(match[1]) : undefined;
    return parsed?.kind ? parsed : undefined;
}
/** The GitHub instance a run belongs to, as names carry it: `undefined` for github.com, else 3 characters a-z0-9. */
function names_serverTag(serverUrl) {
    const origin = (serverUrl || 'https://github.com').replace(/\/+$/, '').toLowerCase();
    if (origin === 'https://github.com')
        return undefined;
    return (createHash('sha256').update(origin).digest().readUInt32BE(0) % 36 ** 3).toString(36).padStart(3, '0');
}
/** Two keys made by the same attempt of the same run (legs of one matrix, or steps of one job). */
function sameRunAttempt(a, b) {
    return !!a && !!b && a.repositoryId === b.repositoryId && a.runId === b.runId && a.attempt === b.attempt;
}

;// CONCATENATED MODULE: ./src/inputs/run-context.ts
// The workflow run this step belongs to, read from the runner's variables and the event file: the values a
// key-name template can use, and the run that the key's name records. Read directly (a few lines) rather than
// through @actions/github, whose entry point also loads Octokit (~220 KiB, ~8 ms at every start).



function readRunContext(env, readFile = (path) => readFileSync(path, 'utf8')) {
    const [owner, repo] = (env['GITHUB_REPOSITORY'] ?? '').split('/');
    const payload = readEvent(env['GITHUB_EVENT_PATH'], readFile);
    const pullRequest = payload['pull_request'];
    const issue = payload['issue'];
    const pr = pullRequest?.number ?? (issue?.pull_request ? issue.number : undefined);
    const number = (name) => numberIn(env, name);
    const values = {
        owner: owner || undefined,
        repo: repo || undefined,
        workflow: env['GITHUB_WORKFLOW'] || undefined,
        job: env['GITHUB_JOB'] || undefined,
        run_id: number('GITHUB_RUN_ID'),
        run_number: number('GITHUB_RUN_NUMBER'),
        run_attempt: number('GITHUB_RUN_ATTEMPT'),
        event: env['GITHUB_EVENT_NAME'] || undefined,
        ref: env['GITHUB_REF']?.replace(/^refs\/(heads|tags|pull)\//, '') || undefined,
        sha: env['GITHUB_SHA']?.slice(0, 7) || undefined,
        pr: typeof pr === 'number' || typeof pr === 'string' ? String(pr) : undefined,
        actor: env['GITHUB_ACTOR'] || undefined,
    };
    const closesPullRequest = pullRequest !== undefined && payload['action'] === 'closed';
    return { values, run: readRun(env), closesPullRequest };
}
/** Only the run, from the runner's variables: no event file to read (it can be large), for steps that need no template. */
function readRun(env) {
    const number = (name) => numberIn(env, name);
    const repositoryId = number('GITHUB_REPOSITORY_ID');
    const runId = number('GITHUB_RUN_ID');
    if (!repositoryId || !runId)
        return undefined;
    const server = serverTag(env['GITHUB_SERVER_URL']);
    return {
        repositoryId,
        runId,
        attempt: Number(number('GITHUB_RUN_ATTEMPT') ?? '1') || 1,
        ...(server ? { server } : {}),
    };
}
/** A variable that holds a decimal number, without leading zeros; `undefined` otherwise. */
function numberIn(env, name) {
    return /^\d+$/.test(env[name] ?? '') ? String(Number(env[name])) : undefined;
}
/** The run, or an InputError that starts with `why` when this is not a workflow run. */
function runOf(run, why) {
    if (run)
        return run;
    throw new InputError(`${why}: GITHUB_REPOSITORY_ID and GITHUB_RUN_ID, which the runner sets, are missing.`);
}
/** The event's payload; `{}` when there is no event file or it is not JSON (as @actions/github reads it). */
function readEvent(path, readFile) {
    if (!path)
        return {};
    try {
        const value = JSON.parse(readFile(path));
        return typeof value === 'object' && value !== null ? value : {};
    }
    catch {
        return {};
    }
}

;// CONCATENATED MODULE: ./src/inputs/preview.ts
// The preview sub-action's inputs: the platform and its token, where the key goes there, the key step's outputs,
// and the pull request this run is for (its head branch, and whether it was just closed), from the event file.




const API_URLS = {
    vercel: 'https://api.vercel.com',
    netlify: 'https://api.netlify.com/api/v1',
};
/** The platform's token, or what is missing: fork pull requests get no secrets. */
function readPlatformCredentials(input, _env) {
    const onMissing = checks_choice(input, 'on-missing-credentials', ['fail', 'skip']);
    const token = input('token').trim();
    if (token)
        return { token, missing: undefined };
    const platform = input('platform').trim().toLowerCase();
    return { missing: `token is empty${platform ? ` (${platform})` : ''}`, onMissing };
}
function readPreviewInputs(input, _account, env, readFile = (path) => (0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8')) {
    const platform = checks_choice(input, 'platform', ['vercel', 'netlify']);
    const event = readEvent(env['GITHUB_EVENT_PATH'], readFile);
    const pr = event['pull_request'];
    const headRef = typeof pr?.head?.ref === 'string' ? pr.head.ref : env['GITHUB_HEAD_REF'] || '';
    const branch = checks_text((name) => input(name) || headRef, 'branch');
    if (branch === '')
        throw new errors_InputError('Input "branch" is empty and this run is not for a pull request: run the step on pull_request events, or give the branch whose previews get the key.');
    const need = (name, why) => {
        const value = checks_text(input, name);
        if (value === '')
            throw new errors_InputError(`Input "${name}" is required with platform: ${platform}: ${why}.`);
        return value;
    };
    const vercel = platform === 'vercel';
    const netlify = platform === 'netlify';
    return {
        platform,
        apiUrl: input('api-url').trim() ? checks_url(input, 'api-url') : API_URLS[platform],
        variable: checks_envName((name) => input(name) || 'PINECONE_API_KEY', 'variable') || 'PINECONE_API_KEY',
        project: vercel ? need('project', "give the Vercel project's ID (prj_…) or name") : '',
        teamId: vercel ? checks_text(input, 'team-id') : '',
        teamSlug: vercel ? checks_text(input, 'team-slug') : '',
        siteId: netlify ? need('site-id', "give the site's ID (Site configuration → Site details)") : '',
        accountId: netlify ? need('account-id', "give the team's slug or account ID (Team settings)") : '',
        apiKey: input('api-key').trim(),
        renewed: checks_bool((name) => input(name) || 'false', 'renewed'),
        keyName: checks_text(input, 'key-name'),
        expiresAt: checks_text(input, 'expires-at'),
        keySkipped: checks_bool((name) => input(name) || 'false', 'key-skipped'),
        redeploy: checks_bool(input, 'redeploy'),
        summary: checks_bool(input, 'summary'),
        timeoutMs: checks_timeout(input),
        branch,
        pullRequest: typeof pr?.number === 'number' ? String(pr.number) : '',
        closing: event['action'] === 'closed' && pr !== undefined,
    };
}

// EXTERNAL MODULE: external "http"
var external_http_ = __nccwpck_require__(611);
var external_http_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_http_, 2);
// EXTERNAL MODULE: external "https"
var external_https_ = __nccwpck_require__(692);
var external_https_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_https_, 2);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
// EXTERNAL MODULE: ./node_modules/tunnel/index.js
var tunnel = __nccwpck_require__(770);
;// CONCATENATED MODULE: ./src/api/undici-stub.ts
// Stands in for `undici` in the bundles (tsconfig.json `paths`, which ncc honours). @actions/http-client imports
// undici only for HttpClient.getAgentDispatcher, a fetch dispatcher for Octokit that this action never asks for;
// bundled, undici is ~90% of every bundle and ~25 ms of every step's start (actions/toolkit#1697). Our requests,
// proxied or not, go through node:http and `tunnel`, not undici.
class ProxyAgent {
    constructor() {
        throw new Error('This bundle leaves out undici: HttpClient.getAgentDispatcher is not supported.');
    }
}

;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = ['OPTIONS', 'GET', 'DELETE', 'HEAD'];
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? external_https_namespaceObject : external_http_namespaceObject;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || external_http_.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new external_https_.Agent(options) : new external_http_.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
;// CONCATENATED MODULE: ./src/api/preconnect.ts



/**
 * How many connections to open to the API while logging in. The login and the API live on different hosts in
 * production (login.pinecone.io, api.pinecone.io): every request after the login needs a connection of its own.
 * On one host, the login's connection is handed to the first request: only requests beyond one need more (and the
 * login takes one of them, hence all of them).
 */
function preconnect_connectionsFor(upcoming, oneHost) {
    const parallel = (upcoming.creates ?? 0) + (upcoming.lists ?? 0) + Math.min(upcoming.deletes ?? 0, DELETE_CONCURRENCY);
    if (oneHost && parallel <= 1)
        return 0;
    return Math.max(1, parallel);
}
function createPreconnect(agentFor) {
    const warm = new Map(); // "host:port" → connections opened before the requests that use them
    const adopted = new WeakSet();
    const adopt = (agent) => {
        if (adopted.has(agent))
            return agent;
        adopted.add(agent);
        const open = agent.createConnection.bind(agent);
        agent.createConnection = (options, callback) => {
            const sockets = warm.get(`${options.host}:${options.port}`) ?? [];
            let socket = sockets.shift();
            while (socket?.destroyed)
                socket = sockets.shift();
            return socket ? socket.ref() : open(options, callback);
        };
        return agent;
    };
    return {
        open(url, connections) {
            if (connections <= 0 || lib_getProxyUrl(url))
                return; // a tunnel agent makes connections of its own
            const target = new URL(url);
            const host = target.hostname;
            const port = Number(target.port) || (target.protocol === 'https:' ? 443 : 80);
            const agent = adopt(agentFor(url));
            // What http.Agent itself would pass.
            const defaults = agent.options;
            const options = { ...defaults, host, port, servername: (0,external_node_net_namespaceObject.isIP)(host) ? '' : host, keepAlive: true };
            const sockets = warm.get(`${host}:${port}`) ?? [];
            while (sockets.length < connections) {
                const socket = agent.createConnection(options);
                socket.on('error', () => undefined); // a failed early connection is replaced by a fresh one at request time
                socket.unref(); // an unused one must not keep the step alive
                sockets.push(socket);
            }
            warm.set(`${host}:${port}`, sockets);
        },
        dispose() {
            for (const socket of [...warm.values()].flat())
                socket.destroy();
        },
    };
}

;// CONCATENATED MODULE: ./src/api/transport.ts
// HTTP through @actions/http-client (which honours https_proxy/no_proxy), with a hard timeout per request and
// errors sorted by what they mean for a request that is not idempotent: was it sent or not?



/**
 * `not-sent`: the server cannot have acted (connection refused, no such host, the proxy refused the tunnel).
 * `unknown`: the request may have reached the server (reset, dropped, timed out).
 * `final`: trying again cannot help (the proxy wants other credentials).
 */
class TransportError extends Error {
    outcome;
    final;
    constructor(message, outcome, final = false) {
        super(message);
        this.outcome = outcome;
        this.final = final;
    }
}
/** `HTTP 502 Bad Gateway`: what a server answered, in the words a person searches for. */
function transport_describeStatus(status) {
    const reason = external_node_http_namespaceObject.STATUS_CODES[status];
    return reason ? `HTTP ${status} ${reason}` : `HTTP ${status}`;
}
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
function transport_isSuccess(response) {
    return response.status >= 200 && response.status < 300;
}
/** The answer's body as a JSON object; `undefined` for anything else (HTML from a proxy, an array, no body). */
function transport_parseBody(response) {
    try {
        const value = JSON.parse(response.body);
        return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
    }
    catch {
        return undefined;
    }
}
function createHttpTransport(userAgent) {
    // Redirects are never followed: credentials go to the configured hosts and nowhere else.
    // Retries are ours (see base/policy.ts); keep-alive lets the requests of one step share a connection.
    // Made at the first request: a step that sends none (use, most post steps of shared keys) pays nothing for it.
    // One client per scheme: a client keeps one keep-alive agent, made for the scheme of its first URL, and hands it to
    // every later URL (an https agent for http: ERR_INVALID_PROTOCOL), as when a broker on http loopback, or behind a
    // TLS proxy, is asked beside the runner's token service on the other scheme.
    const made = new Map();
    const client = (url) => {
        const scheme = new URL(url).protocol;
        const existing = made.get(scheme);
        if (existing)
            return existing;
        const fresh = new HttpClient(userAgent, [], { allowRedirects: false, allowRetries: false, keepAlive: true });
        made.set(scheme, fresh);
        return fresh;
    };
    const transport = async ({ method, url, headers, body, timeoutMs }) => {
        const proxy = lib_getProxyUrl(url);
        let timer;
        const timeout = new Promise((_, reject) => {
            timer = setTimeout(() => reject(new TransportError(`no answer within ${timeoutMs / 1000}s`, 'unknown')), timeoutMs);
        });
        try {
            const exchange = (async () => {
                const response = await client(url).request(method, url, body ?? null, headers);
                const text = await response.readBody();
                return { status: response.message.statusCode ?? 0, headers: response.message.headers, body: text };
            })();
            exchange.catch(() => undefined); // may settle after the timeout won; nobody is listening then
            const response = await Promise.race([exchange, timeout]);
            // Through a proxy, a plain-http request's 407 is the proxy's word, not Pinecone's: nothing reached Pinecone.
            if (proxy && response.status === 407)
                throw proxyError(proxy, transport_describeStatus(407), true);
            return response;
        }
        catch (error) {
            if (error instanceof TransportError)
                throw error;
            const code = error.code ?? '';
            const message = error.message;
            // `tunnel` reports every failed CONNECT (refused, 407, proxy down) as ECONNRESET with this message.
            if (proxy && /tunneling socket could not be established/.test(message)) {
                const status = /statusCode=(\d+)/.exec(message)?.[1];
                const cause = status ? transport_describeStatus(Number(status)) : (/cause=(.*)$/.exec(message)?.[1] ?? code);
                throw proxyError(proxy, cause, status === '407');
            }
            if (proxy && NOT_SENT_CODES.has(code))
                throw proxyError(proxy, code, false);
            throw new TransportError(code || message, NOT_SENT_CODES.has(code) ? 'not-sent' : 'unknown');
        }
        finally {
            clearTimeout(timer);
        }
    };
    const preconnect = createPreconnect((url) => client(url).getAgent(url));
    const dispose = () => {
        preconnect.dispose();
        for (const each of made.values())
            each.dispose();
    };
    return { transport, preconnect, dispose };
}
function proxyError(proxy, cause, final) {
    const host = URL.canParse(proxy) ? new URL(proxy).host : 'configured';
    const hint = final ? '; check the proxy credentials in https_proxy' : '';
    return new TransportError(`the proxy ${host} failed: ${cause}${hint}`, 'not-sent', final);
}

;// CONCATENATED MODULE: ./src/platforms/platform.ts
// What the preview sub-action asks of a hosting platform, whichever it is (vercel.ts, netlify.ts): one variable's
// value for one branch's previews written, looked up, and deleted, and that branch's preview built again. Each
// platform module turns its API's answers into these, and its errors into one line that says what to fix.



/** Marks a value as this action's where the platform keeps a comment: only a value carrying it is ever deleted. */
const MARKER = 'Written by pinecone-ephemeral-key/preview';
async function send(requester, service, call) {
    const headers = { Authorization: `Bearer ${call.token}`, Accept: 'application/json' };
    if (call.body !== undefined)
        headers['Content-Type'] = 'application/json';
    let response;
    try {
        response = await requester.send({
            method: call.method,
            url: call.url,
            headers,
            ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
            what: call.what,
            service,
            ...(call.once ? { once: true } : {}),
        });
    }
    catch (error) {
        if (!(error instanceof errors_OutcomeUnknownError))
            throw error;
        throw new errors_ActionError(`${service} did not answer the request to ${call.what} (${error.message}): it may or may not have started; look at the project's deployments, or push again.`);
    }
    let array;
    try {
        const parsed = JSON.parse(response.body);
        if (Array.isArray(parsed))
            array = parsed;
    }
    catch {
        array = undefined;
    }
    return { status: response.status, json: transport_parseBody(response), array, response };
}
/** A platform's 5xx after every retry: one line, the same for both. */
function serverFailure(service, what, status) {
    return new errors_ActionError(`${service} answered ${transport_describeStatus(status)} to every attempt to ${what}: it is failing on its side; try again later (its status page says when it is back).`);
}
/** Text from a platform's answer for a log line: a string, at most one short line. */
function said(value) {
    return typeof value === 'string' ? shortLine(value) : '';
}

;// CONCATENATED MODULE: ./src/platforms/netlify.ts
// The one module that knows Netlify's REST API, for a preview's key: one value of a site variable, in context
// `branch` with the branch as context_parameter (a value for that branch's branch deploys alone), set
// (PATCH /accounts/{account_id}/env/{key}, or POST /accounts/{account_id}/env when the site has no such variable),
// read and deleted by its own ID; and a branch deploy built again (POST /sites/{site_id}/builds?branch=). Deploy
// previews of pull requests read context `deploy-preview`, which every pull request shares: it is never written.



class NetlifyPlatform {
    target;
    requester;
    where;
    constructor(target, requester) {
        this.target = target;
        this.requester = requester;
        this.where = `Netlify site ${target.siteId}`;
    }
    async write(value) {
        const what = `write ${value.name} for branch ${value.branch}`;
        const one = { context: 'branch', context_parameter: value.branch, value: value.value };
        const set = await this.call({ method: 'PATCH', url: this.url(this.varPath(value.name)), what, body: one });
        if (set.status === 200 || set.status === 201)
            return { kept: set.json?.['is_secret'] === true ? 'secret' : 'plain' };
        if (set.status !== 404)
            throw this.refused(what, set.status, set.json);
        // No such variable on the site yet: made secret (readable only by code running on Netlify), with only this value.
        const variable = { key: value.name, is_secret: true, scopes: ['builds', 'functions', 'runtime'], values: [one] };
        const made = await this.call({ method: 'POST', url: this.url(this.envPath()), what, body: [variable] });
        if (made.status === 201)
            return { kept: 'secret' };
        // The variable is there after all (a create whose answer was lost, sent again; another job's): set our value.
        const again = await this.call({ method: 'PATCH', url: this.url(this.varPath(value.name)), what, body: one });
        if (again.status === 200 || again.status === 201)
            return { kept: again.json?.['is_secret'] === true ? 'secret' : 'plain' };
        throw this.refused(what, made.status, made.json);
    }
    async has(name, branch) {
        return (await this.ours(name, branch)).value !== undefined;
    }
    async remove(name, branch) {
        const { value, others } = await this.ours(name, branch);
        if (value === undefined)
            return false;
        const what = `delete ${name} for branch ${branch}`;
        // Our value was the variable's only one: the variable was made for it, and goes with it.
        const path = others === 0 ? this.varPath(name) : `${this.varPath(name)}/value/${encodeURIComponent(value)}`;
        const answer = await this.call({ method: 'DELETE', url: this.url(path), what });
        if (answer.status !== 204 && answer.status !== 404)
            throw this.refused(what, answer.status, answer.json);
        return true;
    }
    async rebuild(branch) {
        const what = `build branch ${branch} again`;
        const url = `${this.target.apiUrl}/sites/${encodeURIComponent(this.target.siteId)}/builds?${new URLSearchParams({ branch }).toString()}`;
        const answer = await this.call({ method: 'POST', url, what, once: true });
        if (answer.status !== 200 || typeof answer.json?.['id'] !== 'string')
            throw this.refused(what, answer.status, answer.json);
        return { id: answer.json['id'], url: undefined };
    }
    /** The ID of our value of `name` for `branch` (context branch, that branch), and how many values it has besides. */
    async ours(name, branch) {
        const what = `read ${name}`;
        const answer = await this.call({ method: 'GET', url: this.url(this.varPath(name)), what });
        if (answer.status === 404)
            return { value: undefined, others: 0 };
        if (answer.status !== 200)
            throw this.refused(what, answer.status, answer.json);
        const values = Array.isArray(answer.json?.['values']) ? answer.json['values'] : [];
        const mine = values.find((v) => v.context === 'branch' && v.context_parameter === branch && typeof v.id === 'string');
        return { value: mine?.id, others: values.length - (mine ? 1 : 0) };
    }
    envPath() {
        return `/accounts/${encodeURIComponent(this.target.accountId)}/env`;
    }
    varPath(name) {
        return `${this.envPath()}/${encodeURIComponent(name)}`;
    }
    url(path) {
        return `${this.target.apiUrl}${path}?${new URLSearchParams({ site_id: this.target.siteId }).toString()}`;
    }
    call(call) {
        return send(this.requester, 'Netlify', { ...call, token: this.target.token });
    }
    /** Netlify's error ({ code, message }) as one line that says what to fix. */
    refused(what, status, error) {
        if (status >= 500)
            return serverFailure('Netlify', what, status);
        const message = said(error?.['message']);
        const because = `${transport_describeStatus(status)}${message ? `: ${message}` : ''}`;
        if (status === 401)
            return new errors_ActionError(`Netlify refused the token to ${what} (${because}): give a valid Netlify personal access token as input token.`);
        if (status === 403)
            return new errors_ActionError(`Netlify forbids this token to ${what} on ${this.where} (${because}): give a token of a member of the team that owns the site.`);
        if (status === 404)
            return new errors_ActionError(`Netlify knows no ${this.where} in account ${this.target.accountId} (${because}): check inputs site-id (Site configuration → Site ID) and account-id (the team's slug).`);
        return new errors_ActionError(`Netlify refused to ${what} on ${this.where} (${because}).`);
    }
}

;// CONCATENATED MODULE: ./src/platforms/vercel.ts
// The one module that knows Vercel's REST API, for a preview's key: a branch-scoped preview variable written
// (POST /v10/projects/{idOrName}/env?upsert=true), listed (GET /v10/projects/{idOrName}/env?gitBranch=) and
// deleted (DELETE /v9/projects/{idOrName}/env/{id}); the branch's latest preview found (GET /v7/deployments)
// and deployed again (POST /v13/deployments with deploymentId). Vercel reads variables only when a deployment
// starts, so a value written after the push's own build reaches the preview only through a redeploy.



class VercelPlatform {
    target;
    requester;
    where;
    constructor(target, requester) {
        this.target = target;
        this.requester = requester;
        const team = target.teamId || target.teamSlug;
        this.where = `Vercel project ${target.project}${team ? ` (team ${team})` : ''}`;
    }
    async write(value) {
        // Sensitive values cannot be read back by anyone; a team or plan that refuses them gets an encrypted one.
        for (const type of ['sensitive', 'encrypted']) {
            const body = {
                key: value.name,
                value: value.value,
                type,
                target: ['preview'],
                gitBranch: value.branch,
                comment: value.comment,
            };
            const what = `write ${value.name} for branch ${value.branch}`;
            const answer = await this.call({ method: 'POST', url: this.url(this.envPath(), { upsert: 'true' }), what, body });
            const failed = Array.isArray(answer.json?.['failed']) ? answer.json['failed'] : [];
            const error = answer.status === 201 && failed.length > 0
                ? failed[0]?.['error']
                : answer.json?.['error'];
            if (answer.status === 201 && !error)
                return { kept: type };
            const status = answer.status === 201 ? 400 : answer.status;
            if (type === 'sensitive' && status === 400 && /sensitive/i.test(said(error?.['message'])))
                continue;
            throw this.refused(what, status, error);
        }
        throw new errors_ActionError(`Vercel refused both a sensitive and an encrypted value of ${value.name}.`);
    }
    async has(name, branch) {
        return (await this.ours(name, branch)).length > 0;
    }
    async remove(name, branch) {
        const ours = await this.ours(name, branch);
        for (const env of ours) {
            const what = `delete ${name} for branch ${branch}`;
            const answer = await this.call({
                method: 'DELETE',
                url: this.url(`/v9/projects/${encodeURIComponent(this.target.project)}/env/${encodeURIComponent(env.id)}`),
                what,
            });
            if (answer.status !== 200 && answer.status !== 404)
                throw this.refused(what, answer.status, answer.json?.['error']);
        }
        return ours.length > 0;
    }
    async rebuild(branch) {
        const find = `find the latest preview deployment of branch ${branch}`;
        const query = { projectId: this.target.project, branch, target: 'preview', limit: '1' };
        const list = await this.call({ method: 'GET', url: this.url('/v7/deployments', query), what: find });
        if (list.status !== 200)
            throw this.refused(find, list.status, list.json?.['error']);
        const [latest] = Array.isArray(list.json?.['deployments']) ? list.json['deployments'] : [];
        if (!latest || typeof latest['uid'] !== 'string')
            return undefined;
        const what = `redeploy branch ${branch}'s preview`;
        // withLatestCommit: the branch's newest commit, even when the latest deployment Vercel lists is of an older one.
        const body = {
            name: said(latest['name']) || this.target.project,
            deploymentId: latest['uid'],
            withLatestCommit: true,
        };
        const made = await this.call({ method: 'POST', url: this.url('/v13/deployments'), what, body, once: true });
        if (made.status !== 200 || typeof made.json?.['id'] !== 'string')
            throw this.refused(what, made.status, made.json?.['error']);
        const host = said(made.json['url']);
        return { id: made.json['id'], url: host ? `https://${host}` : undefined };
    }
    /** The project's values of `name` for `branch` that this action wrote: preview only, carrying our marker. */
    async ours(name, branch) {
        const what = `list the variables of branch ${branch}`;
        const answer = await this.call({ method: 'GET', url: this.url(this.envPath(), { gitBranch: branch }), what });
        if (answer.status !== 200)
            throw this.refused(what, answer.status, answer.json?.['error']);
        const envs = Array.isArray(answer.json?.['envs']) ? answer.json['envs'] : [];
        return envs.filter((env) => typeof env.id === 'string' &&
            env.key === name &&
            env.gitBranch === branch &&
            JSON.stringify(env.target) === '["preview"]' &&
            typeof env.comment === 'string' &&
            env.comment.startsWith(MARKER));
    }
    envPath() {
        return `/v10/projects/${encodeURIComponent(this.target.project)}/env`;
    }
    url(path, query = {}) {
        const team = this.target.teamId
            ? { teamId: this.target.teamId }
            : this.target.teamSlug
                ? { slug: this.target.teamSlug }
                : {};
        const search = new URLSearchParams({ ...query, ...team }).toString();
        return `${this.target.apiUrl}${path}${search ? `?${search}` : ''}`;
    }
    call(call) {
        return send(this.requester, 'Vercel', { ...call, token: this.target.token });
    }
    /** Vercel's error ({ error: { code, message } }) as one line that says what to fix. */
    refused(what, status, error) {
        if (status >= 500)
            return serverFailure('Vercel', what, status);
        const code = said(error?.['code']);
        const message = said(error?.['message']);
        const team = this.target.teamId || this.target.teamSlug;
        const noTeam = team ? '' : ' If the project belongs to a team, set team-id (or team-slug).';
        const because = `${transport_describeStatus(status)}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`;
        // Vercel answers an unknown or expired token with 403 and invalidToken: true.
        if (status === 401 || error?.['invalidToken'] === true)
            return new errors_ActionError(`Vercel refused the token to ${what} (${because}): give a valid Vercel access token as input token.`);
        if (status === 403)
            return new errors_ActionError(`Vercel forbids this token to ${what} in ${this.where} (${because}): give a token whose scope includes the team that owns the project.${noTeam}`);
        if (status === 404)
            return new errors_ActionError(`Vercel knows no ${this.where} (${because}): check input project.${noTeam}`);
        if (/limit/i.test(`${code} ${message}`))
            return new errors_ActionError(`Vercel refused to ${what}: the project is at its limit of environment variables (${because}). Delete branch variables of closed pull requests (Project Settings → Environment Variables), then push again.`);
        return new errors_ActionError(`Vercel refused to ${what} in ${this.where} (${because}).`);
    }
}

;// CONCATENATED MODULE: ./src/api/pinecone/versions.ts
// Pinecone's stable API versions this action knows, with their release dates: Pinecone supports each for at least
// 12 months after its release (docs/PINECONE.md). A step asked to use one past that window says so in one warning
// that names the newest; the default moves on before its window closes (a test fails while there is still time).

const API_VERSIONS = [
    { version: '2025-10', released: '2025-10-28' },
    { version: '2026-04', released: '2026-03-25' },
    // Assumed: its release date is not in the stored docs or specs (../shared/pinecone-admin-api/SOURCE.md). The
    // first of the month before its name, as 2026-04 came out a week before April: a warning can come early, never late.
    { version: '2026-07', released: '2026-06-01' },
];
/**
 * What every Admin API and control-plane request names unless the `api-version` input says otherwise: the newest
 * version whose spec the contract tests run against (2026-07's key and project operations are the same).
 */
const versions_DEFAULT_API_VERSION = '2026-04';
/** The newest stable version this action knows. */
const NEWEST_API_VERSION = API_VERSIONS.at(-1).version;
/** `YYYY-MM`, or `YYYY-MM.alpha` for Pinecone's preview versions. */
const versions_API_VERSION_FORMAT = /^\d{4}-(0[1-9]|1[0-2])(\.alpha)?$/;
/** The day a stable version's minimum support window ends. */
function supportEnds(released) {
    const ends = new Date(`${released}T00:00:00Z`);
    ends.setUTCMonth(ends.getUTCMonth() + API_VERSION_SUPPORT_MONTHS);
    return ends;
}
/**
 * One line when `version` is past its support window at `now`, else undefined. A stable version this action does
 * not know is taken as released on the first of the month it is named after; a preview (`.alpha`) is never judged.
 */
function versions_pastSupport(version, now) {
    if (!/^\d{4}-\d{2}$/.test(version))
        return undefined;
    const released = API_VERSIONS.find((known) => known.version === version)?.released ?? `${version}-01`;
    const ends = supportEnds(released);
    if (now < ends.getTime())
        return undefined;
    const since = ends.toISOString().slice(0, 10);
    return (`api-version ${version} (released ${released}) is past Pinecone's ${API_VERSION_SUPPORT_MONTHS}-month support ` +
        `window (since ${since}): Pinecone may stop answering it. Use api-version ${NEWEST_API_VERSION}, the newest ` +
        `this action knows, or leave it out.`);
}

;// CONCATENATED MODULE: ./src/rules/template.ts
// The user's name templates (`name`, `project-name`) rendered with the run's values into the base of a name:
// checked before any request, made safe for Pinecone, and cut to leave room for the suffix names.ts adds.



const PLACEHOLDERS = (/* unused pure expression or super */ null && ([
    'owner',
    'repo',
    'workflow',
    'job',
    'run_id',
    'run_number',
    'run_attempt',
    'event',
    'ref',
    'sha',
    'pr',
    'actor',
]));
/** The name templates' default (action.yml), and what it becomes with lifetime: pull-request. */
const JOB_TEMPLATE = 'gha-{repo}-{run_id}-{run_attempt}-{job}';
const PULL_REQUEST_TEMPLATE = 'gha-{repo}-pr{pr}-{job}';
/** Values that change at every push: a pull request's key is found again by its name, which must not hold them. */
const PER_RUN = (/* unused pure expression or super */ null && (['run_id', 'run_number', 'run_attempt', 'sha']));
/**
 * The template a pull request's key (or project) is named with: the default becomes PULL_REQUEST_TEMPLATE; one that
 * renders differently at every push is refused, since later pushes would not find the key to renew.
 */
function template_pullRequestTemplate(template, input = 'name') {
    if (template === JOB_TEMPLATE)
        return PULL_REQUEST_TEMPLATE;
    const perRun = PER_RUN.find((word) => template.includes(`{${word}}`));
    if (perRun)
        throw new InputError(`Input "${input}" uses {${perRun}}, which changes at every push: with lifetime: pull-request, later runs find the key by its name. Use a template such as preview-{repo}-pr{pr}, or leave ${input} out.`);
    return template;
}
/** Short values that identify the run: never shortened, so a long repository or job name cannot push them out. */
const KEPT_WHOLE = new Set(['run_id', 'run_number', 'run_attempt', 'pr', 'sha']);
/** Fails on an unknown placeholder before any request is made. `input`: the input the template came from. */
function template_checkTemplate(template, input = 'name') {
    if (template.trim() === '')
        throw new InputError(`Input "${input}" is empty: give a template such as gha-{repo}-{run_id}.`);
    for (const [, word] of template.matchAll(/\{([^{}]*)\}/g)) {
        if (!PLACEHOLDERS.includes(word)) {
            throw new InputError(`Input "${input}": unknown placeholder {${word}}. Valid placeholders: ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}.`);
        }
    }
}
/**
 * The template with this run's values, made safe and short enough for `owner`'s suffix. Too long: the longest
 * values (repo, job, workflow, …) are shortened first, never the run's ids. Whenever the text had to be changed,
 * a short digest of what the template rendered keeps different inputs apart (`feat/a` and `feat-a`). Room is left
 * for the tag that proves a key's maker (`buildTaggedKeyName`).
 */
function renderBase(template, values, owner) {
    return render(template, values, MAX_NAME_LENGTH - suffixLength(owner) - 1 - TAG_LENGTH, 'name');
}
/** The same for a throwaway project's name (input `project-name`), which also carries its tag. */
function renderProjectBase(template, values, owner) {
    return render(template, values, MAX_PROJECT_NAME_LENGTH - suffixLength(owner) - 1 - TAG_LENGTH, 'project-name');
}
function render(template, values, limit, input) {
    template_checkTemplate(template, input);
    const parts = template.split(/\{([a-z_]+)\}/).map((text, i) => {
        if (i % 2 === 0)
            return { text, word: undefined };
        const word = text;
        const value = values[word];
        if (value === undefined || value === '') {
            throw new InputError(word === 'pr'
                ? `Input "${input}" uses {pr}, but this run was not triggered by a pull request: use another placeholder for this event.`
                : `Input "${input}" uses {${word}}, which this run does not provide (is GITHUB_${word.toUpperCase()} set?).`);
        }
        return { text: value, word };
    });
    const rendered = parts.map((part) => part.text).join('');
    const exact = sanitize(rendered);
    if (exact === rendered && exact.length <= limit)
        return exact;
    const tag = `-${digest(rendered)}`;
    return `${fit(parts, limit - tag.length)}${tag}`;
}
/** Shortens the longest shortenable values one character at a time until the sanitised text fits `limit`. */
function fit(parts, limit) {
    const texts = parts.map((part) => part.text);
    const render = () => sanitize(texts.join(''));
    const shortenable = parts.flatMap((part, i) => (part.word && !KEPT_WHOLE.has(part.word) ? [i] : []));
    while (render().length > limit) {
        const longest = shortenable.reduce((a, b) => (texts[b].length > texts[a].length ? b : a), shortenable[0] ?? -1);
        if (longest < 0 || texts[longest].length <= 4)
            break;
        texts[longest] = texts[longest].slice(0, -1);
    }
    return sanitize(render().slice(0, limit));
}
function digest(text) {
    return (createHash('sha256').update(text).digest().readUInt32BE(0) % 36 ** 5).toString(36).padStart(5, '0');
}

;// CONCATENATED MODULE: ./src/inputs/handoff-secret.ts
// The handoff secret (share, use, revoke): a random value of its own that seals a shared key's handoff and opens
// it, and nothing else, so that the jobs that use the key never need the client secret. Every handoff is printed in
// public logs, so the key job refuses a secret that can be guessed, or that is made from the credentials.




/** A credential shorter than this inside a handoff secret may be chance (a client ID of a few letters). */
const MIN_SHARED = 8;
/** The secret that seals a shared key's handoff (share, use, revoke): opens handoffs and nothing else. */
function handoff_secret_readHandoffSecret(input, env) {
    return input('handoff-secret') || env['PINECONE_HANDOFF_SECRET'] || '';
}
/** What the use step needs instead of Pinecone credentials: the handoff secret, or what is missing. */
function readHandoffCredentials(input, env) {
    const onMissing = choice(input, 'on-missing-credentials', ['fail', 'skip']);
    const handoffSecret = handoff_secret_readHandoffSecret(input, env);
    if (handoffSecret)
        return { handoffSecret, missing: undefined };
    return { missing: 'handoff-secret (or env PINECONE_HANDOFF_SECRET) is empty', onMissing };
}
/** The handoff secret for the job that seals the handoff, or the one line that says how to make one. */
function handoff_secret_handoffSecretFor(input, env, { clientId, clientSecret }) {
    const secret = handoff_secret_readHandoffSecret(input, env);
    const make = 'Make one (openssl rand -base64 32), store it as secret PINECONE_HANDOFF_SECRET, and pass it as handoff-secret to the key, use and revoke steps.';
    if (!secret)
        throw new InputError(`Input "handoff-secret" is empty: share: true seals the handoff with a secret of its own, which the jobs that use the key get instead of the client secret. ${make}`);
    if (secret === clientSecret)
        throw new InputError(`Input "handoff-secret" is the client secret: every job that uses the key would then hold a secret that mints keys. ${make}`);
    const credential = akinTo(secret, [
        ['client secret', clientSecret],
        ['client ID', clientId],
    ]);
    if (credential)
        throw new InputError(`Input "handoff-secret" is made from the ${credential} (it contains it, is part of it, or reverses it): a handoff secret must be a random value of its own. ${make}`);
    const { length, classes, bits } = strengthOf(secret);
    if (length < HANDOFF_SECRET_MIN_LENGTH || classes < HANDOFF_SECRET_MIN_CLASSES || bits < HANDOFF_SECRET_MIN_BITS)
        throw new InputError(`Input "handoff-secret" is too easy to guess (${length} characters, ${classes} kind(s) of character, about ${bits} bits once repeats, runs and words are counted; at least ${HANDOFF_SECRET_MIN_LENGTH} characters, ${HANDOFF_SECRET_MIN_CLASSES} kinds and ${HANDOFF_SECRET_MIN_BITS} bits are needed), and every handoff is printed in public logs. ${make}`);
    return secret;
}
/** Which credential the secret is made from: containing it or contained in it, as given or reversed. */
function akinTo(secret, credentials) {
    const lower = secret.toLowerCase();
    for (const [noun, value] of credentials) {
        for (const form of [value, [...value].reverse().join('')].map((text) => text.toLowerCase())) {
            if (form.length >= MIN_SHARED && lower.includes(form))
                return noun;
            if (form.includes(lower))
                return noun;
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/inputs/lifetime.ts
// lifetime: how long the key lives. `job`: as cleanup says (the default). `pull-request`: as long as the pull request
// of the run's event: kept after the job, renewed in place at each push (with replace, made anew and the older ones
// deleted; always so for a throwaway project, which cannot be renamed), deleted when the pull request closes.


/** The events whose key can live as long as their pull request. */
const PULL_REQUEST_EVENTS = (/* unused pure expression or super */ null && (['pull_request', 'pull_request_target']));
/** `lifetime`, refused with one line on an event that is not a pull request's. */
function lifetime_readLifetime(input, env) {
    const lifetime = choice(input, 'lifetime', ['job', 'pull-request']);
    const event = env['GITHUB_EVENT_NAME'] ?? '';
    if (lifetime === 'pull-request' && !PULL_REQUEST_EVENTS.includes(event))
        throw new InputError(`Input "lifetime: pull-request" needs a pull_request event, and this run's is ${event ? `"${event}"` : 'unknown (GITHUB_EVENT_NAME is not set)'}: run the job on: pull_request (types: opened, synchronize, reopened, closed), or set lifetime: job here (a sweep ends the keys of closed pull requests).`);
    return lifetime;
}
/** How a pull request's key is kept: never with its job, renewed or replaced at each push; never shared. */
function lifetime_pullRequestKeeping(input, share, newProject) {
    if (share)
        throw new InputError('Inputs "lifetime: pull-request" and "share: true" cannot go together: a shared key ends with its workflow run. Drop share (each job of the pull request keeps its own key), or set lifetime: job.');
    const replace = bool(input, 'replace') || newProject;
    return { cleanup: false, renew: !replace, replace };
}

;// CONCATENATED MODULE: ./src/inputs/roles.ts
// Pinecone's API-key roles; permissions of several roles add up.

const ROLES = [
    'ProjectEditor',
    'ProjectViewer',
    'ControlPlaneEditor',
    'ControlPlaneViewer',
    'DataPlaneEditor',
    'DataPlaneViewer',
];
const BY_LOWER = new Map(ROLES.map((role) => [role.toLowerCase(), role]));
/** Comma- or newline-separated, case-insensitive in; canonical, de-duplicated, in input order out. */
function roles_parseRoles(input) {
    const words = input
        .split(/[,\n]/)
        .map((word) => word.trim())
        .filter((word) => word !== '');
    if (words.length === 0) {
        throw new InputError(`Input "roles" is empty: name at least one of ${ROLES.join(', ')}.`);
    }
    const roles = [];
    for (const word of words) {
        const role = BY_LOWER.get(word.toLowerCase());
        if (!role)
            throw new InputError(`Input "roles": unknown role "${word}". Valid roles: ${ROLES.join(', ')}.`);
        if (!roles.includes(role))
            roles.push(role);
    }
    return roles;
}

;// CONCATENATED MODULE: ./src/inputs/inputs.ts










const MAX_TTL_MS = (/* unused pure expression or super */ null && (90 * 86_400_000));
/** The client secret, from the input or the environment: every step masks it before reading anything else. */
function readClientSecret(input, env) {
    return input('client-secret') || env['PINECONE_CLIENT_SECRET'] || '';
}
/** The service account, or what is missing and what to do about it. */
function readCredentials(input, env) {
    const onMissing = checks_choice(input, 'on-missing-credentials', ['fail', 'skip']);
    const clientId = checks_text((name) => input(name) || env['PINECONE_CLIENT_ID'] || '', 'client-id');
    const clientSecret = readClientSecret(input, env);
    const missing = [
        clientId ? '' : 'client-id (or env PINECONE_CLIENT_ID)',
        clientSecret ? '' : 'client-secret (or env PINECONE_CLIENT_SECRET)',
    ].filter(Boolean);
    if (missing.length === 0)
        return { clientId, clientSecret, missing: undefined };
    return { missing: `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} empty`, onMissing };
}
function readConnection(input, credentials) {
    const apiUrl = url(input, 'api-url');
    const authUrl = url(input, 'auth-url');
    // @actions/http-client keeps one agent per client, for the scheme it met first: the other would fail obscurely.
    if (new URL(apiUrl).protocol !== new URL(authUrl).protocol) {
        throw new InputError(`Inputs "api-url" (${apiUrl}) and "auth-url" (${authUrl}) must use the same scheme: both https://, or both http:// for a local emulator.`);
    }
    const apiVersion = text(input, 'api-version');
    if (!API_VERSION_FORMAT.test(apiVersion)) {
        throw new InputError(`Input "api-version" "${apiVersion}" is not a Pinecone API version: use a date version such as ${DEFAULT_API_VERSION} (or ${DEFAULT_API_VERSION}.alpha), or leave it out for ${DEFAULT_API_VERSION}.`);
    }
    return { ...credentials, apiUrl, authUrl, apiVersion };
}
/** What a key is asked for with, in either mode (direct, or through the broker). */
function readKeyAsk(input, lifetime = 'job') {
    const nameTemplate = lifetime === 'pull-request' ? pullRequestTemplate(text(input, 'name')) : text(input, 'name');
    checkTemplate(nameTemplate);
    const ttl = text(input, 'ttl');
    const defaultTtl = lifetime === 'pull-request' ? PULL_REQUEST_TTL_MS : DEFAULT_TTL_MS;
    return {
        nameTemplate,
        roles: parseRoles(input('roles')), // one per line is allowed; only known role names pass
        ttlMs: ttl ? parseDuration(ttl, 'Input "ttl"', { min: 1000, max: MAX_TTL_MS }) : defaultTtl,
        exportEnv: envName(input, 'export-env'),
        timeoutMs: timeout(input),
        cleanup: bool(input, 'cleanup'),
    };
}
function readMainInputs(input, credentials, env = {}) {
    const lifetime = readLifetime(input, env);
    const ask = readKeyAsk(input, lifetime);
    const { project, newProject, projectNameTemplate } = readProjectChoice(input, lifetime);
    const share = bool(input, 'share');
    const keeping = lifetime === 'pull-request'
        ? pullRequestKeeping(input, share, newProject)
        : jobKeeping(input, ask.cleanup, share, newProject);
    return {
        ...ask,
        ...keeping,
        lifetime,
        connection: readConnection(input, credentials),
        project,
        newProject,
        projectNameTemplate,
        onCleanupError: choice(input, 'on-cleanup-error', ['fail', 'warn']),
        sweepExpired: bool(input, 'sweep-expired'),
        share,
        handoffSecret: share ? handoffSecretFor(input, env, credentials) : '',
        githubToken: input('github-token').trim(),
    };
}
/** With lifetime: job, cleanup, renew and replace as given, and what cannot go together refused. */
function jobKeeping(input, cleanup, share, newProject) {
    const renew = bool(input, 'renew');
    if (renew && (cleanup || share || newProject)) {
        throw new InputError(cleanup
            ? 'Input "renew: true" needs cleanup: false: only a key that outlives its job (a preview\'s) is renewed. Set cleanup: false, or drop renew.'
            : `Inputs "renew: true" and "${share ? 'share' : 'new-project'}: true" cannot go together: renew renames a key kept in a given project. Drop one of them.`);
    }
    if (newProject && share) {
        throw new InputError('Inputs "share: true" and "new-project: true" cannot go together: a throwaway project ends with its job, and a shared key must outlive it. Give share a project of its own (input project), or drop share.');
    }
    return { cleanup, renew, replace: bool(input, 'replace') };
}
/** An existing project (`project`) or a throwaway one (`new-project: true`), never both, never neither. */
function readProjectChoice(input, lifetime) {
    const project = text(input, 'project');
    const newProject = bool(input, 'new-project');
    if (newProject && project !== '') {
        throw new InputError(`Inputs "project" (${project}) and "new-project: true" are both given: new-project makes a throwaway project instead. Remove project, or set new-project: false to use that project.`);
    }
    if (!newProject && project === '') {
        throw new InputError('Input "project" is empty: give the ID or exact name of the project to create the key in, or set new-project: true for a throwaway project.');
    }
    const template = newProject ? text(input, 'project-name') : '';
    const projectNameTemplate = newProject && lifetime === 'pull-request' ? pullRequestTemplate(template, 'project-name') : template;
    if (newProject)
        checkTemplate(projectNameTemplate, 'project-name');
    return { project, newProject, projectNameTemplate };
}
/** The sweep sub-action's inputs. */
function readSweepInputs(input, credentials) {
    const match = text(input, 'match');
    const expiredOnly = bool(input, 'expired-only');
    if (!expiredOnly && match === '') {
        throw new InputError(`Input "match" is empty while expired-only is false: that would delete every live key and throwaway project this action made. Give a pattern such as preview-pr-42-*, or match: '*' to mean every one.`);
    }
    return {
        connection: readConnection(input, credentials),
        project: text(input, 'project'), // empty: only throwaway projects are swept
        match,
        expiredOnly,
        dryRun: bool(input, 'dry-run'),
        githubToken: input('github-token').trim(),
        timeoutMs: timeout(input),
    };
}
/** The use sub-action's inputs: the handoff, and where the key goes. */
function readUseInputs(input) {
    return { handoff: required(input, 'handoff'), exportEnv: envName(input, 'export-env') };
}
/** The revoke sub-action's inputs. */
function readRevokeInputs(input, credentials, env = {}) {
    const handoffSecret = readHandoffSecret(input, env);
    if (!handoffSecret)
        throw new InputError('Input "handoff-secret" is empty: give the revoke step the handoff secret the key job sealed the handoff with (secret PINECONE_HANDOFF_SECRET).');
    return {
        connection: readConnection(input, credentials),
        handoff: required(input, 'handoff'),
        handoffSecret,
        onCleanupError: choice(input, 'on-cleanup-error', ['fail', 'warn']),
        timeoutMs: timeout(input),
    };
}
/** What direct mode's post reads again, saved by main in its sealed journal (client-id: the one main used). */
const POST_READS = (/* unused pure expression or super */ null && (['api-url', 'auth-url', 'api-version', 'client-id', 'timeout', 'on-cleanup-error']));
/** What the post step needs: main's inputs where main saved them (savedFirst), the client secret as given now. */
function readPostInputs(input, credentials) {
    return {
        connection: readConnection(input, credentials),
        githubToken: input('github-token').trim(),
        timeoutMs: Math.min(MAX_POST_BUDGET_MS, timeout(input)),
    };
}
/** Post's own reaction to a failed delete, read before anything can fail. */
function readOnCleanupError(input) {
    return input('on-cleanup-error').trim().toLowerCase() === 'warn' ? 'warn' : 'fail';
}

;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_namespaceObject.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_namespaceObject.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_namespaceObject.appendFileSync(filePath, `${toCommandValue(message)}${external_os_namespaceObject.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_namespaceObject.EOL}${convertedValue}${external_os_namespaceObject.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/auth.js
var auth_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
//# sourceMappingURL=auth.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var oidc_utils_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_namespaceObject.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_namespaceObject.constants.R_OK | external_fs_namespaceObject.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_namespaceObject.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = _summary;
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, external_path_namespaceObject.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "assert"
var external_assert_ = __nccwpck_require__(613);
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_namespaceObject.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_namespaceObject.constants.O_RDONLY;
function exists(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return io_util_awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_namespaceObject.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_namespaceObject.dirname(filePath);
                        const upperName = external_path_namespaceObject.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_namespaceObject.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_namespaceObject.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_namespaceObject.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_namespaceObject.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_namespaceObject.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_namespaceObject.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_namespaceObject.EOL.length);
                n = s.indexOf(external_os_namespaceObject.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_namespaceObject.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_namespaceObject.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new external_string_decoder_namespaceObject.StringDecoder('utf8');
        const stderrDecoder = new external_string_decoder_namespaceObject.StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_namespaceObject.platform();
const arch = external_os_namespaceObject.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${external_path_namespaceObject.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_namespaceObject.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function debug(message) {
    issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_namespaceObject.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map
;// CONCATENATED MODULE: external "node:timers/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
;// CONCATENATED MODULE: ./src/runtime/cancel.ts
// The runner cancels a step with SIGINT, then SIGTERM 7.5 s later, then kills the process tree 2.5 s after that.
// On the first signal we start nothing new (the signal aborts), but let a request in flight settle for a few
// seconds: a create the server already received may still be carried out, and its answer tells the post step
// which key to delete. A second signal, or the end of the grace period, ends the process: state written so far stands.

function watchForCancel(deps) {
    const controller = new AbortController();
    const stop = (signal) => {
        if (controller.signal.aborted) {
            deps.log(`Received ${signal} again: stopping now.`);
            deps.exit(1);
            return;
        }
        const graceMs = deps.graceMs ?? CANCEL_GRACE_MS;
        deps.log(`Received ${signal}: starting nothing new; waiting up to ${graceMs / 1000}s for the request in flight ${deps.words.waitingFor}.`);
        controller.abort();
        setTimeout(() => {
            deps.log(`A request was still unanswered: stopping; ${deps.words.stopping}.`);
            deps.exit(1);
        }, graceMs).unref();
    };
    for (const signal of ['SIGINT', 'SIGTERM'])
        deps.process.on(signal, () => stop(signal));
    return controller.signal;
}

;// CONCATENATED MODULE: ./src/runtime/live.ts
// The real dependencies the entry files pass in: the toolkit, HTTP, the clock, timers, randomness, signals.





const USER_AGENT = 'pinecone-ephemeral-key/1';
/** `cancel`: what the step says when the runner cancels it; without it, the step is not cancellable (post). */
function liveDeps(options) {
    const { transport, preconnect, dispose } = createHttpTransport(USER_AGENT);
    const signal = options.cancel
        ? watchForCancel({ words: options.cancel, log: info, exit: (code) => process.exit(code), process })
        : new AbortController().signal;
    const deps = {
        core: core_namespaceObject,
        env: process.env,
        transport,
        preconnect,
        now: Date.now,
        sleep: (ms, abort) => (0,promises_namespaceObject.setTimeout)(ms, undefined, { signal: abort }).catch(() => undefined),
        random: Math.random,
        signal,
        // One synchronous append, as the runner reads the file after the step: core.summary's access check and
        // promise-based write cost ~2 ms of every step's start-up for nothing we need.
        writeSummary: (markdown) => {
            const file = process.env['GITHUB_STEP_SUMMARY'];
            if (file)
                (0,external_node_fs_namespaceObject.appendFileSync)(file, `${markdown}\n`);
            return Promise.resolve();
        },
    };
    return { deps, dispose };
}
/** Runs one step with the real dependencies, and lets go of its connections when it is done. */
async function live_runLive(step, options) {
    const { deps, dispose } = liveDeps(options);
    try {
        await step(deps);
    }
    finally {
        dispose();
    }
}

;// CONCATENATED MODULE: ./src/base/secrets.ts
// The one place that calls setSecret. Every secret value passes through `add` before it is used anywhere else,
// so the runner masks it in every later log line, and `redact` can scrub it from text we build ourselves
// (error excerpts) even where no runner is watching.
class Secrets {
    setSecret;
    values = new Set();
    constructor(setSecret) {
        this.setSecret = setSecret;
    }
    add(value) {
        if (value !== '' && !this.values.has(value)) {
            this.values.add(value);
            this.setSecret(value);
        }
        return value;
    }
    redact(text) {
        let out = text;
        for (const value of this.values) {
            for (const form of [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]) {
                out = out.split(form).join('***');
            }
        }
        return out;
    }
}

;// CONCATENATED MODULE: ./src/runtime/step.ts





/**
 * Every step starts here: the client secret and the handoff secret are masked before anything else is read, and every line the step
 * logs is redacted, then made inert (no workflow command can start in text that came from outside).
 */
function startStep(deps) {
    const secrets = new Secrets(deps.core.setSecret);
    secrets.add(readClientSecret(deps.core.getInput, deps.env));
    secrets.add(handoff_secret_readHandoffSecret(deps.core.getInput, deps.env));
    const safe = (write) => (message) => write(logLine(secrets.redact(message)));
    const core = {
        ...deps.core,
        info: safe(deps.core.info),
        notice: safe(deps.core.notice),
        warning: safe(deps.core.warning),
        debug: safe(deps.core.debug),
        setFailed: safe(deps.core.setFailed),
    };
    return { core, secrets };
}
/** One line when this runner's clock is far off Pinecone's: names and expiry follow Pinecone's time. */
function reportClockSkew(core, api) {
    const skew = api.clock.skewMs;
    if (Math.abs(skew) < 60_000)
        return;
    core.info(`This runner's clock is ${formatDuration(Math.round(Math.abs(skew) / 1000) * 1000)} ${skew > 0 ? 'behind' : 'ahead of'} Pinecone's: expiry times follow Pinecone's clock.`);
}
/** Fork PRs and Dependabot runs get no secrets: `skip` explains in one notice, `fail` says how to fix it. */
function missingCredentials(core, credentials, consequence, what = PINECONE_CREDENTIALS) {
    if (credentials.onMissing === 'skip') {
        core.notice(`Skipped: no ${what.noun}, as ${credentials.missing}. Expected for pull requests from forks and for Dependabot, which get no secrets; ${consequence}.`);
        core.setOutput('skipped', 'true');
        return;
    }
    throw new errors_ActionError(`Missing ${what.noun}: ${credentials.missing}. ${what.fix}; for pull requests from forks, which get no secrets, set on-missing-credentials: skip.`);
}
const PINECONE_CREDENTIALS = {
    noun: 'Pinecone credentials',
    fix: "Pass the service account's secrets as inputs",
};
/** One line for errors the user can act on; anything else is a bug: say so, stack only in debug. */
function reportFailure(core, error, report = core.setFailed) {
    if (error instanceof errors_ActionError) {
        report(error.message);
        return;
    }
    const message = error instanceof Error ? error.message : String(error);
    report(`Unexpected error: ${message}. This is a bug in the action: please report it (re-run with debug logging for details).`);
    if (error instanceof Error && error.stack)
        core.debug(error.stack);
}

;// CONCATENATED MODULE: ./src/runtime/define-step.ts
// The opening and the ending every step shares: mask the client secret and guard the log (startStep), read the
// credentials (a notice and a skip, or a clear failure, when a run has none), read the step's inputs, run its
// phases, and report a failure in one line, in the step's own words.




function defineStep(spec) {
    const runWith = async (deps) => {
        const { core, secrets } = startStep(deps);
        if (spec.opening?.(core) === 'stop')
            return;
        const input = spec.inputs?.(core, deps.env) ?? core.getInput;
        let inputs;
        const report = (line) => (spec.warns?.(input, inputs) ? core.warning : core.setFailed)(line);
        const fail = (error, explain = (message) => message) => {
            // Once the runner cancelled the step, that is why it failed, whatever request gave up first.
            if (error instanceof errors_CancelledError && error.known)
                return report(error.message);
            if (error instanceof errors_CancelledError || deps.signal.aborted)
                return report(spec.words.cancelled);
            reportFailure(core, error, (message) => report(explain(message)));
        };
        try {
            const read = spec.credentials ?? readCredentials;
            const credentials = read(input, deps.env);
            if (credentials.missing !== undefined) {
                spec.missing?.(credentials.missing);
                missingCredentials(core, credentials, spec.words.skipped, spec.words.credentials);
                return;
            }
            const { missing: _, ...account } = credentials;
            spec.begin?.(core, account, deps.env);
            inputs = spec.read(input, account, deps.env);
            await spec.run({ deps, core, secrets, account: account, inputs, fail });
        }
        catch (error) {
            fail(error, spec.failure);
        }
    };
    return { runWith, run: () => live_runLive(runWith, { cancel: spec.words.cancel }) };
}
/** One entry, two steps: `pick` chooses by the step's inputs (broker mode or direct) before either starts. */
function chooseStep(pick, cancel) {
    const runWith = (deps) => pick(deps)(deps);
    return { runWith, run: () => runLive(runWith, { cancel }) };
}

;// CONCATENATED MODULE: ./src/api/pinecone/login.ts
// The Admin API's login: OAuth 2.0 client credentials at Pinecone's token endpoint (the auth-url input), one at a
// time, its token kept until it nears expiry. An AdminApi has its own; the broker's AdminApis, one per request,
// share one (LoginCache). The token is a secret from the moment it is read.



const AUDIENCE = 'https://api.pinecone.io/'; // the trailing slash matters
/**
 * The token a login gave, and the login under way: one AdminApi's own, or shared by many (the broker opens an
 * AdminApi per request, each with its own time budget, and all of them share one login until it nears expiry).
 */
class login_LoginCache {
    token;
    /** One login at a time: parallel requests that find the token expiring share the fresh one. */
    loggingIn;
    /** Logins sent, for the broker's metrics. */
    logins = 0;
    /**
     * Where a shared login sends its requests: a budget of its own, so that a login that hangs is given up and sent
     * again quickly, whatever the request that happened to start it (every other request is waiting for it).
     * Without it, a login uses the requester of the AdminApi that starts it.
     */
    requester;
}
class login_Login {
    config;
    requester;
    errors;
    secrets;
    localNow;
    cache;
    constructor(config, requester, errors, secrets, localNow, cache) {
        this.config = config;
        this.requester = requester;
        this.errors = errors;
        this.secrets = secrets;
        this.localNow = localNow;
        this.cache = cache;
    }
    /** A token good for a request now: the cached one unless it nears expiry, else a fresh login's. */
    async token() {
        const { token } = this.cache;
        if (token && token.expiresAt - TOKEN_REFRESH_MARGIN_MS > this.localNow())
            return token.value;
        await this.fresh();
        return this.cache.token.value;
    }
    /** A token Pinecone refused (401): the next request logs in again, unless a parallel one renewed it already. */
    refused(value) {
        if (this.cache.token?.value === value)
            this.cache.token = undefined;
    }
    /** A fresh token in the cache: the login under way if there is one, else a new one. */
    fresh() {
        this.cache.loggingIn ??= this.requestToken().finally(() => (this.cache.loggingIn = undefined));
        return this.cache.loggingIn;
    }
    async requestToken() {
        const { clientId, clientSecret, authUrl, apiVersion } = this.config;
        this.cache.logins += 1;
        const requester = this.cache.requester?.() ?? this.requester;
        const response = await requester.send({
            what: 'log in',
            method: 'POST',
            url: authUrl,
            headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Pinecone-Api-Version': apiVersion },
            body: JSON.stringify({
                grant_type: 'client_credentials',
                client_id: clientId,
                client_secret: clientSecret,
                audience: AUDIENCE,
            }),
        });
        if (!isSuccess(response))
            throw this.errors.login(response);
        const body = parseBody(response);
        const token = body?.['access_token'];
        if (typeof token === 'string')
            this.secrets.add(token);
        const lifetime = Number(body?.['expires_in']); // documented as a number; a string of digits is read too
        if (typeof token !== 'string' || token === '' || !(lifetime > 0)) {
            throw new ActionError(`Pinecone's login answered HTTP ${response.status} without an access token; check the auth-url input (${authUrl}).`);
        }
        this.cache.token = { value: token, expiresAt: this.localNow() + lifetime * 1000 };
    }
}

;// CONCATENATED MODULE: ./src/api/pinecone/admin-errors.ts
// What Pinecone's answers mean: gone, a misdirected URL, and for errors what they mean for the user, one
// line each with what to check, the secrets redacted before any other shaping (a server may echo a secret).


/** The organization holds as many projects as its plan allows: the caller may make room and try once more. */
class ProjectLimitError extends (/* unused pure expression or super */ null && (ActionError)) {
}
/** The project is gone, or the service account may not work in it: nothing in it can be done. */
class ProjectUnusableError extends errors_ActionError {
    why;
    constructor(message, why) {
        super(message);
        this.why = why;
    }
}
/** The project holds as many keys as its quota allows: the caller may make room and try once more. */
class QuotaError extends errors_ActionError {
    answered;
    constructor(message, 
    /** What Pinecone answered: `HTTP 403 Forbidden QUOTA_EXCEEDED`. */
    answered) {
        super(message);
        this.answered = answered;
    }
}
class admin_errors_AdminErrors {
    config;
    secrets;
    constructor(config, secrets) {
        this.config = config;
        this.secrets = secrets;
    }
    login(response) {
        const { status } = response;
        const answered = `HTTP ${status}${this.errorCode(response)}`;
        if (isMisdirected(response, true))
            return new ActionError(`Pinecone's login at ${this.config.authUrl} answered ${describeStatus(status)}: that is not Pinecone's token endpoint; check the auth-url input.`);
        if (status === 400 || status === 401 || status === 403) {
            return new ActionError(`Pinecone rejected the service account credentials (${answered}): check the client-id and client-secret inputs (or PINECONE_CLIENT_ID / PINECONE_CLIENT_SECRET).`);
        }
        return this.unavailable(response, 'log in');
    }
    api(response, what, projectId) {
        const { status } = response;
        const code = this.errorCode(response);
        const answered = `HTTP ${status}${code}`;
        const project = projectId ? `project ${projectId}` : 'the project';
        if (isMisdirected(response, !projectId))
            return new ActionError(`Pinecone's Admin API at ${this.config.apiUrl} answered ${describeStatus(status)} to "${what}": that is not the Admin API; check the api-url input.`);
        if (status === 401)
            return new ActionError(`Pinecone did not accept the service account's access token (${answered}) to ${what}: check that the service account still exists.`);
        if (status === 403 && code.includes('QUOTA_EXCEEDED')) {
            return new QuotaError(`Pinecone refused to ${what}: ${project} holds as many API keys as its quota allows (${answered}). Delete keys you no longer need; the sweep sub-action removes expired ones this action made.`, answered);
        }
        if (status === 403) {
            const line = `The service account may not ${what} in ${project} (${answered}): add it to the project as Project owner (console: project → Manage → Access → Service accounts).`;
            return projectId ? new ProjectUnusableError(line, 'forbidden') : new ActionError(line);
        }
        if (status === 404 && projectId)
            return new ProjectUnusableError(`Pinecone found no ${project} (${answered}) to ${what}: check the project input, and that the service account was added to that project.`, 'gone');
        if (status >= 500 || status === 429)
            return this.unavailable(response, what);
        return new ActionError(`Pinecone refused to ${what} (${answered}): ${this.excerpt(response)}`);
    }
    /**
     * Creating a project: the organization's limit, and the right to create projects, each with the fix. The live
     * service's answer at the limit is not settled (403 QUOTA_EXCEEDED, or 400/422 with a message): read all three,
     * and quote Pinecone's message, which names the limit.
     */
    projectCreate(response) {
        const code = this.errorCode(response);
        const excerpt = this.excerpt(response);
        const overLimit = (response.status === 403 && code.includes('QUOTA_EXCEEDED')) ||
            ([400, 422].includes(response.status) && /limit|quota|maximum|too many/i.test(excerpt));
        if (overLimit)
            return new ProjectLimitError(`Pinecone refused to create a project: the organization holds as many projects as its plan allows (HTTP ${response.status}${code}: "${excerpt}"; Enterprise allows 100). Run the sweep sub-action, which deletes expired throwaway projects this action made, and delete projects you no longer need.`);
        if (response.status === 403)
            return new ActionError(`The service account may not create projects (HTTP 403${code}): give it the organization role that creates projects (Organization owner, or a service account with that right), or use project instead of new-project.`);
        return this.api(response, 'create a project');
    }
    unavailable(response, what) {
        return new ActionError(`Pinecone is unavailable: it answered ${describeStatus(response.status)}${this.errorCode(response)} when asked to ${what}, also after retries ("${this.excerpt(response)}"). Try again later.`);
    }
    /** `" QUOTA_EXCEEDED"` from Pinecone's error shape, `" access_denied"` from OAuth's, else `""`; redacted first. */
    errorCode(response) {
        const error = parseBody(response)?.['error'];
        const code = typeof error === 'object' && error !== null ? error['code'] : error;
        return typeof code === 'string' ? ` ${this.secrets.redact(code).replace(/[^\w.*-]/g, '')}` : '';
    }
    /** A short, masked piece of an error answer: a proxy's HTML page shows up as text, not a crash. */
    excerpt(response) {
        const body = parseBody(response);
        const error = body?.['error'];
        const description = body?.['error_description'];
        const text = typeof error === 'object' && error && 'message' in error
            ? String(error.message)
            : typeof description === 'string'
                ? description
                : response.body;
        const flat = this.secrets
            .redact(text)
            .replace(/<[^>]*>/g, ' ')
            .replace(/\s+/g, ' ')
            .trim();
        return flat.length > 160 ? `${flat.slice(0, 160)}…` : flat || '(empty answer)';
    }
}
/**
 * A redirect, a 405, or a 404 for a path that always exists (the token endpoint, the project list) or that is not
 * Pinecone's JSON: the URL input points somewhere else than the API.
 */
function isMisdirected(response, pathAlwaysExists) {
    const { status } = response;
    if (status === 404)
        return pathAlwaysExists || !isPineconeShaped(response);
    return (status >= 300 && status < 400) || status === 405;
}
/** Pinecone's own 404 (JSON, or no body): the thing is gone. Any other 404 is a wrong URL, not a deleted thing. */
function admin_errors_isPineconeNotFound(response) {
    return response.status === 404 && isPineconeShaped(response);
}
function isPineconeShaped(response) {
    return response.body.trim() === '' || parseBody(response) !== undefined;
}

;// CONCATENATED MODULE: ./src/api/pinecone/admin-api.ts
// The one module that knows Pinecone's Admin API: paths, headers, shapes, quirks, and what its errors mean for
// the user. Quirks (docs/PINECONE.md): create answers 200 (spec: 201), delete 202, deleting
// a missing key may answer 500, names are not unique, tokens expire and are never refreshed.
// What its errors mean for the user is in admin-errors.ts; its login (OAuth client credentials) is login.ts.








class admin_api_AdminApi {
    config;
    requester;
    secrets;
    clock;
    preconnect;
    errors;
    session;
    constructor(config, requester, secrets, localNow, clock, preconnect, cache = new LoginCache()) {
        this.config = config;
        this.requester = requester;
        this.secrets = secrets;
        this.clock = clock;
        this.preconnect = preconnect;
        this.errors = new AdminErrors(config, secrets);
        this.session = new Login(config, requester, this.errors, secrets, localNow, cache);
    }
    /** Logs in; meanwhile opens the connections that `upcoming` (sent right after the login) will use. */
    async login(upcoming = {}) {
        const oneHost = new URL(this.config.apiUrl).origin === new URL(this.config.authUrl).origin;
        this.preconnect.open(this.config.apiUrl, connectionsFor(upcoming, oneHost));
        await this.session.fresh();
    }
    async listProjects() {
        const body = await this.json({ what: 'list projects', method: 'GET', url: this.url('/admin/projects') });
        return arrayOf(body, 'data', 'list projects').filter(isProject);
    }
    /** Not idempotent, like a key's create: an answer that may have been lost throws OutcomeUnknownError. */
    async createProject(name) {
        const what = 'create a project';
        const response = await this.admin({
            what,
            method: 'POST',
            url: this.url('/admin/projects'),
            once: true,
            body: JSON.stringify({ name }),
        });
        if (!isSuccess(response))
            throw this.errors.projectCreate(response);
        const project = parseBody(response);
        if (!isProject(project))
            throw new OutcomeUnknownError(`project create answered ${describeStatus(response.status)} in an unexpected shape`);
        return { id: project.id, name: project.name };
    }
    /**
     * `not empty`: the project still holds indexes, collections, backups or assistants (the live service's answer is
     * undocumented: any of 400, 409, 412, 422 is read so, never as success).
     */
    async deleteProject(id) {
        const what = `delete project ${id}`;
        const response = await this.admin({
            what,
            method: 'DELETE',
            url: this.url(`/admin/projects/${encodeURIComponent(id)}`),
        });
        if (isSuccess(response))
            return 'deleted';
        if (isPineconeNotFound(response))
            return 'already gone';
        if ([400, 409, 412, 422].includes(response.status))
            return 'not empty';
        throw this.errors.api(response, what);
    }
    async createKey(projectId, name, roles) {
        const what = 'create the API key';
        const path = `/admin/projects/${encodeURIComponent(projectId)}/api-keys`;
        const response = await this.admin({
            what,
            method: 'POST',
            url: this.url(path),
            once: true,
            body: JSON.stringify({ name, roles }),
        });
        if (!isSuccess(response))
            throw this.errors.api(response, what, projectId);
        // A 2xx means the key exists; if its answer is unreadable we hold no ID and no secret: let the caller clean up.
        const body = parseBody(response);
        const value = body?.['value'];
        if (typeof value === 'string' && value !== '')
            this.secrets.add(value);
        const key = body?.['key'];
        if (typeof value !== 'string' || value === '' || !isApiKey(key)) {
            throw new OutcomeUnknownError(`create answered ${describeStatus(response.status)} in an unexpected shape`);
        }
        return { key, value };
    }
    async listKeys(projectId) {
        const what = "list the project's API keys";
        const path = `/admin/projects/${encodeURIComponent(projectId)}/api-keys`;
        const body = await this.json({ what, method: 'GET', url: this.url(path) }, projectId);
        return arrayOf(body, 'data', what).filter(isApiKey);
    }
    /**
     * Renames a key (and sets its roles, when given); its secret stays. Idempotent, so it is retried like a read; when no answer
     * came through, the key is read back: already as asked is success.
     */
    async updateKey(id, change) {
        const what = `rename API key ${id}`;
        const url = this.url(`/admin/api-keys/${encodeURIComponent(id)}`);
        let failure;
        try {
            const updated = await this.json({ what, method: 'PATCH', url, body: JSON.stringify(change) });
            if (isApiKey(updated))
                return updated;
        }
        catch (error) {
            if (error instanceof CancelledError || !(error instanceof ActionError || error instanceof OutcomeUnknownError))
                throw error;
            failure = error;
        }
        // No usable answer: the rename may have been made all the same.
        const current = await this.json({ what: `look up API key ${id}`, method: 'GET', url });
        if (isApiKey(current) && current.name === change.name)
            return current;
        throw failure instanceof Error
            ? failure
            : new ActionError(`Pinecone's answer to "${what}" is not an API key; check the api-url input.`);
    }
    /** Resolves when the key is gone, whether we deleted it or it already was. */
    async deleteKey(id) {
        const what = `delete API key ${id}`;
        const url = this.url(`/admin/api-keys/${encodeURIComponent(id)}`);
        for (let round = 1;; round++) {
            const response = await this.admin({ what, method: 'DELETE', url, own5xx: true });
            if (isSuccess(response))
                return 'deleted';
            if (isPineconeNotFound(response))
                return 'already gone';
            if (response.status < 500 || round === DELETE_ROUNDS)
                throw this.errors.api(response, what);
            // Deleting a key that no longer exists has been seen to answer 500: ask whether it is still there.
            const fetched = await this.admin({ what: `look up API key ${id}`, method: 'GET', url });
            if (isPineconeNotFound(fetched))
                return 'already gone';
            await this.requester.pause(round, what);
        }
    }
    url(path) {
        return this.config.apiUrl.replace(/\/+$/, '') + path;
    }
    async json(call, projectId) {
        const response = await this.admin(call);
        if (!isSuccess(response))
            throw this.errors.api(response, call.what, projectId);
        const body = parseBody(response);
        if (!body)
            throw new ActionError(`Pinecone answered ${describeStatus(response.status)} to "${call.what}" with no JSON: ${this.errors.excerpt(response)}; check the api-url input (${this.config.apiUrl}).`);
        return body;
    }
    /** An Admin API call with a valid token; a 401 gets one fresh login and one more try. */
    async admin(call) {
        for (let fresh = false;; fresh = true) {
            const token = await this.session.token();
            const headers = {
                Authorization: `Bearer ${token}`,
                Accept: 'application/json',
                'X-Pinecone-Api-Version': this.config.apiVersion,
            };
            if (call.body !== undefined)
                headers['Content-Type'] = 'application/json';
            const response = await this.requester.send({ ...call, headers });
            if (response.status !== 401 || fresh)
                return response;
            this.session.refused(token);
        }
    }
}
function arrayOf(body, field, what) {
    const list = body?.[field];
    if (!Array.isArray(list))
        throw new ActionError(`Pinecone's answer to "${what}" has no "${field}" list; check the api-url and api-version inputs.`);
    return list;
}
function isProject(value) {
    const project = value;
    return typeof project?.['id'] === 'string' && typeof project['name'] === 'string';
}
function isApiKey(value) {
    const key = value;
    return (typeof key?.['id'] === 'string' &&
        (typeof key['name'] === 'string' || key['name'] === null) &&
        Array.isArray(key['roles']));
}

;// CONCATENATED MODULE: ./src/api/github/github-errors.ts
// What GitHub's error answers mean, for every client of its REST API here (the action's look-ups, the broker's
// App): its own errors are JSON with a `message` (a proxy's or a wrong base URL's 404 is not), and a rate limit is
// a 403 or 429 with `x-ratelimit-remaining: 0` (until `x-ratelimit-reset`) or with `retry-after`.

/** GitHub's error shape, in an answer's parsed body: an object with a `message`. */
function github_errors_isGitHubError(body) {
    return typeof body?.['message'] === 'string';
}
/**
 * How long GitHub asks to be left alone, in ms from `now`, when the answer is a rate limit it announces; `undefined`
 * otherwise. A limit that says no time (a reset or retry-after that is not a number) is a minute, as GitHub asks.
 */
function github_errors_rateLimitWaitMs(status, headers, now) {
    if (status !== 403 && status !== 429)
        return undefined;
    const reset = Number(header(headers, 'x-ratelimit-reset')) * 1000;
    const retryAfter = header(headers, 'retry-after');
    if (header(headers, 'x-ratelimit-remaining') === '0')
        return reset > 0 ? reset - now : 60_000;
    if (retryAfter !== undefined)
        return retryAfterMs(retryAfter, now) || 60_000; // seconds, or an HTTP date
    return undefined;
}
function header(headers, name) {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
}

;// CONCATENATED MODULE: ./src/api/github/github-api.ts
// The one module that knows GitHub's REST API: is the workflow run that made a key over, is the pull request a key
// lives for closed? Asked off the critical path, once per run or pull request, with one attempt each: a failure
// never fails the step and never deletes on a guess.



class github_api_GitHubApi {
    config;
    transport;
    stopped;
    /** Whether this token and URL can see this step's own run: asked once, at the first 404. */
    seesOwnRun;
    constructor(config, transport) {
        this.config = config;
        this.transport = transport;
        if (!config.token)
            this.stopped = 'no token';
    }
    /** Why asking stopped, if it did: the caller says so once and falls back to expiry. */
    get unavailable() {
        return this.stopped;
    }
    async runState(runId) {
        if (this.stopped)
            return this.stopped;
        const answer = await this.lookUp(`actions/runs/${encodeURIComponent(runId)}`);
        return this.judge(answer, (run) => {
            if (typeof run['status'] !== 'string')
                return 'unknown';
            return run['status'] === 'completed' ? 'over' : 'alive';
        });
    }
    /** `over`: closed or merged (or unknown to GitHub); `alive`: open; `unknown`: no answer (it counts as open). */
    async pullRequestState(number) {
        if (this.stopped)
            return this.stopped;
        const answer = await this.lookUp(`pulls/${encodeURIComponent(number)}`);
        return this.judge(answer, (pull) => {
            if (typeof pull['state'] !== 'string')
                return 'unknown';
            return pull['state'] === 'closed' ? 'over' : 'alive';
        });
    }
    async judge(answer, read) {
        if (!answer)
            return 'unknown'; // no answer: it counts as alive this time
        const { status, headers, body } = answer;
        if (status === 200) {
            const parsed = parseBody({ body });
            return parsed ? read(parsed) : 'unknown';
        }
        if (status === 404) {
            // GitHub answers 404, not 403, where a token cannot see a repository, and a proxy or a wrong base answers 404
            // in a shape of its own: a run is gone only on GitHub's own error, from a place that can see this step's run.
            if (!isGitHubError(parseBody({ body })))
                return 'unknown';
            this.seesOwnRun ??= this.lookUp(`actions/runs/${encodeURIComponent(this.config.ownRunId)}`).then((own) => own?.status === 200);
            if (await this.seesOwnRun)
                return 'over';
            return (this.stopped = 'blind');
        }
        if (rateLimitWaitMs(status, headers, Date.now()) !== undefined)
            return (this.stopped = 'rate-limited');
        if (status === 401 || status === 403)
            return (this.stopped = 'no permission');
        return 'unknown';
    }
    /** `path` under the repository: `actions/runs/{id}`, `pulls/{number}`. */
    async lookUp(path) {
        const url = `${this.config.apiUrl.replace(/\/+$/, '')}/repos/${this.config.repository}/${path}`;
        try {
            return await this.transport({
                method: 'GET',
                url,
                headers: {
                    Authorization: `Bearer ${this.config.token}`,
                    Accept: 'application/vnd.github+json',
                    'X-GitHub-Api-Version': '2022-11-28',
                },
                timeoutMs: GITHUB_LOOKUP_TIMEOUT_MS,
            });
        }
        catch {
            return undefined;
        }
    }
}

;// CONCATENATED MODULE: ./src/api/requester.ts
// Sends one logical request: retries transient failures with backoff (numbers: base/policy.ts), keeps every attempt
// inside the step's budget, and starts nothing new once the step is cancelled. It knows HTTP, not Pinecone.



function createRequester(deps) {
    const remaining = () => deps.deadline - deps.now();
    const attemptCap = Math.min(REQUEST_TIMEOUT_MS, Math.max(MIN_ATTEMPT_MS, Math.floor(remaining() * ATTEMPT_SHARE_OF_BUDGET)));
    // A 429 pauses every request of this step, not just the one that got it: parallel deletes back off together.
    let throttledUntil = 0;
    async function wait(ms, call, last) {
        if (ms >= remaining())
            throw outOfBudget(call, last);
        await deps.sleep(ms, deps.signal);
        if (deps.signal.aborted)
            throw new errors_CancelledError();
    }
    function outOfBudget(call, last) {
        const service = call.service ?? 'Pinecone';
        const answered = last ? ` (last attempt: ${last})` : '';
        return new errors_ActionError(`Ran out of time (${deps.budget}) trying to ${call.what}: ${service} did not answer in time${answered}. Try again, or raise the budget.`);
    }
    /** Resolves with the last answer (any status); throws only when no answer can be had. */
    async function send(call) {
        let last;
        for (let attempt = 1;; attempt++) {
            if (deps.signal.aborted)
                throw new errors_CancelledError();
            if (throttledUntil > deps.now())
                await wait(throttledUntil - deps.now(), call, last);
            const timeoutMs = Math.min(attemptCap, remaining());
            if (timeoutMs <= 0)
                throw outOfBudget(call, last);
            let response;
            try {
                response = await deps.transport({ ...call, timeoutMs });
            }
            catch (error) {
                if (!(error instanceof TransportError))
                    throw error;
                last = error.message;
                deps.debug(`${call.method} ${new URL(call.url).pathname}: ${error.message} (attempt ${attempt})`);
                if (call.once && error.outcome === 'unknown')
                    throw new errors_OutcomeUnknownError(error.message);
                if (error.final || attempt >= MAX_ATTEMPTS || remaining() <= 0) {
                    if (remaining() <= 0)
                        throw outOfBudget(call, last);
                    throw new errors_ActionError(`Could not reach ${call.service ?? 'Pinecone'} to ${call.what} (${error.message} after ${attempt} attempt${attempt === 1 ? '' : 's'}). Check the URL inputs and proxy settings, or try again later.`);
                }
                await wait(backoffMs(attempt, deps.random), call, last);
                continue;
            }
            deps.onAnswer?.(response);
            last = transport_describeStatus(response.status);
            deps.debug(`${call.method} ${new URL(call.url).pathname} → ${response.status} (attempt ${attempt})`);
            if (!isTransientStatus(response.status) || (call.own5xx && response.status >= 500))
                return response;
            // A 5xx to a create may come after the key was made; only 429 says for sure that nothing happened.
            if (call.once && response.status !== 429)
                throw new errors_OutcomeUnknownError(last);
            // Honour Retry-After, but never come back sooner than our own backoff (Retry-After: 0 is no invitation to hammer).
            const delay = Math.max(policy_retryAfterMs(response.headers['retry-after'], deps.now()) ?? 0, backoffMs(attempt, deps.random));
            if (response.status === 429) {
                if (attempt >= MAX_ATTEMPTS_THROTTLED)
                    return response;
                throttledUntil = Math.max(throttledUntil, deps.now() + delay);
                continue;
            }
            if (attempt >= MAX_ATTEMPTS)
                return response;
            await wait(delay, call, last);
        }
    }
    /** The backoff between rounds of a loop the caller runs itself. */
    const pause = (round, what) => wait(backoffMs(round, deps.random), { what });
    /** What is left of the budget, in ms: a server we ask to act for us (the broker) is told to stop before we do. */
    return { send, pause, remaining };
}

;// CONCATENATED MODULE: ./src/runtime/session.ts
// An Admin API session inside a step's time budget (the requester with its retries, the server's clock, the early
// connections of the transport), a project's control plane, and GitHub. Kept apart from step.ts so that a step that may
// make no request (use) loads none of it unless it has to.







/** Pinecone's Admin API for one step; one warning first when its api-version is past Pinecone's support window. */
function openApi(deps, core, connection, budgetMs, secrets) {
    const late = pastSupport(connection.apiVersion, deps.now());
    if (late)
        core.warning(late);
    const clock = new ServerClock(deps.now);
    const requester = openRequester(deps, core, budgetMs, (response) => clock.observe(response.headers));
    return new AdminApi(connection, requester, secrets, deps.now, clock, deps.preconnect);
}
/** A requester inside `budgetMs` from now (`onAnswer`: sees every answer, e.g. for the server's clock). */
function openRequester(deps, core, budgetMs, onAnswer) {
    return createRequester({
        transport: deps.transport,
        now: deps.now,
        sleep: deps.sleep,
        random: deps.random,
        debug: core.debug,
        signal: deps.signal,
        deadline: deps.now() + budgetMs,
        budget: `timeout: ${durations_formatDuration(budgetMs)}`,
        ...(onAnswer ? { onAnswer } : {}),
    });
}
/**
 * GitHub's REST API for this step, with the job's token (masked), at GITHUB_API_URL (GHES included); `undefined`
 * outside a workflow run. The URL must be https (http only on loopback, for tests) like every other URL.
 */
function openGitHub(deps, token, secrets) {
    const apiUrl = deps.env['GITHUB_API_URL'] || 'https://api.github.com';
    const repository = deps.env['GITHUB_REPOSITORY'] ?? '';
    if (!/^[\w.-]+\/[\w.-]+$/.test(repository))
        return undefined;
    try {
        url(() => apiUrl, 'GITHUB_API_URL');
    }
    catch {
        return undefined;
    }
    const ownRunId = deps.env['GITHUB_RUN_ID'] ?? '';
    return new GitHubApi({ apiUrl, repository, token: secrets.add(token), ownRunId }, deps.transport);
}

;// CONCATENATED MODULE: ./src/steps/preview/preview.ts
// The preview sub-action, after the key step on pull_request events: a new key is written to the platform as a
// value for the pull request's branch alone, and that branch's preview built again to read it; a key renewed in
// place keeps its value, so nothing is written; when the pull request closes, the value we wrote is deleted (the
// key step's post deletes the key after this step, so the platform never holds a value whose key is gone).








const previewStep = defineStep({
    words: {
        skipped: 'no key was delivered to the preview',
        cancelled: 'The preview step was cancelled before it was done: the next push writes the key again if it is missing, and closing the pull request deletes what was written.',
        cancel: {
            waitingFor: 'to learn whether the platform took it',
            stopping: 'the next run of this step finds what the platform holds',
        },
        credentials: {
            noun: 'platform token',
            fix: 'Pass a Vercel or Netlify access token, from a secret, as input token',
        },
    },
    opening: (core) => {
        for (const name of ['written', 'deleted'])
            core.setOutput(name, 'false');
        return undefined;
    },
    credentials: readPlatformCredentials,
    read: readPreviewInputs,
    run: async ({ deps, core, secrets, account, inputs }) => {
        secrets.add(account.token);
        secrets.add(inputs.apiKey);
        const platform = openPlatform(deps, core, inputs, account.token);
        const { variable, branch } = inputs;
        if (inputs.closing) {
            const deleted = await platform.remove(variable, branch);
            core.setOutput('deleted', String(deleted));
            core.info(deleted
                ? `Deleted ${variable} for branch ${branch} from ${platform.where}; its key goes next (the key step's post, or the sweep).`
                : `No value of ${variable} for branch ${branch} that this action wrote on ${platform.where}: nothing to delete.`);
            return;
        }
        if (inputs.keySkipped) {
            core.notice(`Skipped: the key step made no key (its credentials were missing), so ${variable} was not written.`);
            core.setOutput('skipped', 'true');
            return;
        }
        if (inputs.renewed)
            return keepRenewed(core, platform, inputs);
        if (inputs.apiKey === '')
            throw new errors_InputError('Input "api-key" is empty and "renewed" is not true: pass the key step\'s outputs (api-key: ${{ steps.key.outputs.api-key }}, renewed: ${{ steps.key.outputs.renewed }}).');
        const comment = `${MARKER} for branch ${branch}${inputs.pullRequest ? ` (pull request #${inputs.pullRequest})` : ''}: key ${inputs.keyName || 'unnamed'}`;
        const { kept } = await platform.write({ name: variable, value: inputs.apiKey, branch, comment });
        core.setOutput('written', 'true');
        core.info(`Wrote ${variable} (${kept}) for branch ${branch}'s previews on ${platform.where}.`);
        if (kept === 'plain')
            core.warning(`${variable} on ${platform.where} is not a secret variable, so the team can read the key in Netlify's UI and API: delete the variable and let this step make it (secret), or mark it secret.`);
        let rebuilt;
        if (inputs.redeploy) {
            const build = await platform.rebuild(branch);
            rebuilt = build?.id;
            core.setOutput('redeploy-id', build?.id ?? '');
            core.info(build
                ? `Building branch ${branch}'s preview again so that it reads the new key: ${build.id}${build.url ? ` (${build.url})` : ''}.`
                : `No deployment of branch ${branch} yet: the platform's own build of this push reads ${variable}.`);
        }
        if (inputs.summary)
            await deps.writeSummary(summaryOf(inputs, platform, rebuilt));
    },
});
/** A renewed key keeps its value: nothing is written, but a value lost on the way (a cancelled job) is said. */
async function keepRenewed(core, platform, inputs) {
    if (!(await platform.has(inputs.variable, inputs.branch)))
        throw new errors_ActionError(`${platform.where} holds no ${inputs.variable} for branch ${inputs.branch}, and the key ${inputs.keyName} was renewed in place, so its value is not known here (an earlier run stopped before writing it). Re-run this job with the key step's replace: true (the recipes' replace: \${{ github.run_attempt != '1' }} does so on a re-run), or close and reopen the pull request: either makes a new key, which this step writes.`);
    core.info(`Key ${inputs.keyName} was renewed in place: ${platform.where} already holds its value for branch ${inputs.branch}; nothing written.`);
}
function openPlatform(deps, core, inputs, token) {
    const requester = openRequester(deps, core, inputs.timeoutMs);
    const { apiUrl } = inputs;
    return inputs.platform === 'vercel'
        ? new VercelPlatform({ apiUrl, token, project: inputs.project, teamId: inputs.teamId, teamSlug: inputs.teamSlug }, requester)
        : new NetlifyPlatform({ apiUrl, token, accountId: inputs.accountId, siteId: inputs.siteId }, requester);
}
function summaryOf(inputs, platform, rebuilt) {
    const key = inputs.keyName ? markdownCode(inputs.keyName) : 'the new key';
    const expiry = inputs.expiresAt ? `, expires ${markdownCode(inputs.expiresAt)}` : '';
    return [
        '### Pinecone API key delivered to the preview',
        '',
        `${key}${expiry}: written as ${markdownCode(inputs.variable)} for branch ${markdownCode(inputs.branch)} on ${markdownCode(platform.where)}.`,
        rebuilt ? `Preview built again: ${markdownCode(rebuilt)}.` : '',
        '',
    ].join('\n');
}
const { run } = previewStep;
const runPreview = previewStep.runWith;

;// CONCATENATED MODULE: ./src/preview.ts
// The preview sub-action's step (preview/action.yml): its run(), called by src/entries/preview.ts (bundled into
// dist/preview/index.js) and by @github/local-action, which loads this file. Importing it runs nothing.



/***/ }),

/***/ 613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 23:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(488);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
