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

/***/ 719:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(584);
// What ncc bundles into dist/main/index.js: the process runs the main step, nothing else.

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 584:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* reexport */ run)
});

// NAMESPACE OBJECT: ./node_modules/@actions/core/lib/platform.js
var platform_namespaceObject = {};
__nccwpck_require__.r(platform_namespaceObject);
__nccwpck_require__.d(platform_namespaceObject, {
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
  platform: () => (platform_namespaceObject),
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

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/crypto/derivations.ts
// Every key this action derives from a secret (the client secret, or the handoff secret), in one table: what it
// protects, and the HKDF label (salt, or the start of the info for the handoff, whose salt is random) that keeps it
// apart from the others. A new derivation gets a row here; a test checks that no label is another's or starts
// another's.
const DERIVATIONS = {
    /** The seal of main's journal for post (crypto/state-seal.ts): HKDF salt, info `v1` + the job's context. */
    state: { label: 'pinecone-ephemeral-key/state', version: 'v1' },
    /** The tag of throwaway project names (crypto/name-tag.ts): HKDF salt, info `v1`. */
    projectName: { label: 'pinecone-ephemeral-key/project-name', version: 'v1' },
    /** The tag of API key names made by the action's direct mode (crypto/name-tag.ts): HKDF salt, info `v1`. */
    keyName: { label: 'pinecone-ephemeral-key/key-name', version: 'v1' },
    /**
     * The tag of API key names the keyless broker makes (crypto/name-tag.ts): HKDF salt, info `v1`. Apart from direct
     * mode's, so that a broker and direct-mode jobs sharing one service account never take each other's keys for their own.
     */
    brokerKeyName: { label: 'pinecone-ephemeral-key/broker-key-name', version: 'v1' },
    /**
     * A shared key's handoff (crypto/handoff.ts), from the handoff secret (not the client secret, which the jobs
     * that use the key never hold): scrypt (HANDOFF_SCRYPT in base/policy.ts: each offline guess against a printed
     * handoff costs memory and time) under a random salt, then HKDF with that salt, info `pek3 handoff` + repository
     * and run. `pek2` (HKDF alone) is no longer read.
     */
    handoff: { label: 'pek3 handoff', version: 'pek3' },
    /**
     * The proof a handoff carries that the key job made it (crypto/handoff.ts): HKDF salt, info `v1`; from the client
     * secret, which the key and revoke jobs hold and the jobs that use the key do not, so that a job holding only the
     * handoff secret cannot forge a handoff that names another key for revoke to delete.
     */
    handoffProof: { label: 'pinecone-ephemeral-key/handoff-proof', version: 'v1' },
    /**
     * The keyless broker's revoke ticket (crypto/revoke-ticket.ts): HKDF salt, info `v1`; from the client secret,
     * which only the broker holds, so that any replica can check a ticket another one issued.
     */
    revokeTicket: { label: 'pinecone-ephemeral-key/broker-revoke', version: 'v1' },
};

;// CONCATENATED MODULE: ./src/crypto/name-tag.ts
// The tag that proves a name was made with this service account's secret: a throwaway project's, a direct-mode key's,
// or a broker key's, each under its own derivation (DERIVATIONS), so that one never passes for another. A sweep deletes
// whole projects, with every index in them: a name that anyone could type (by hand, or by copying the pattern) must not
// be enough. HMAC-SHA256 under a key derived with HKDF from the client secret, cut to 8 characters (41 bits): a
// look-alike made without the secret is refused, and a guess costs a project create each. Not bound to the repository:
// any repository using the same service account may sweep its expired projects.


const TAG_SPACE = 36n ** 8n;
function nameTagFor(clientSecret, purpose = 'projectName') {
    const { label, version } = DERIVATIONS[purpose];
    const key = Buffer.from((0,external_node_crypto_namespaceObject.hkdfSync)('sha256', clientSecret, label, version, 32));
    return (unsigned) => ((0,external_node_crypto_namespaceObject.createHmac)('sha256', key).update(unsigned).digest().readBigUInt64BE(0) % TAG_SPACE).toString(36).padStart(8, '0');
}

;// CONCATENATED MODULE: ./src/base/errors.ts
// Errors a user will see: one line that says what happened and what to do. Anything else is a bug and is shown
// with its stack only under RUNNER_DEBUG.
class ActionError extends Error {
}
/** An input the user must fix; thrown by the parsers directly, so a bug's TypeError is never dressed up as one. */
class errors_InputError extends ActionError {
}
/**
 * The step was cancelled (SIGINT/SIGTERM) before it could finish. Each step says in its own words what follows
 * (runtime/define-step.ts), unless the error was raised with a line of its own that knows more.
 */
class CancelledError extends ActionError {
    known;
    constructor(message) {
        super(message ?? 'The step was cancelled before it was done.');
        this.known = message !== undefined;
    }
}
/** A create request may or may not have made a key (no answer, dropped connection, 5xx). */
class OutcomeUnknownError extends Error {
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
const DELETE_ROUNDS = 5;
/** Creates whose answer was lost before we give up; each is cleaned up before the next under a fresh name. */
const CREATE_TRIES = 3;
/** A token this close to its expiry is renewed first: a request must not arrive with a token that just died. */
const TOKEN_REFRESH_MARGIN_MS = 30_000;
/** Deletes in flight at once: Pinecone documents no rate limit, so start small; 429s back off every request. */
const DELETE_CONCURRENCY = 8;
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
const EXPIRY_GRACE_MS = 5 * 60_000;
/** On a full project (403 QUOTA_EXCEEDED), expired keys of this action are deleted and the create is tried once more. */
const CREATES_AFTER_QUOTA = 1;
/** A key's ttl unless the input says otherwise: a long job's working day; post deletes it long before, as a rule. */
const DEFAULT_TTL_MS = 6 * 3_600_000;
/**
 * The ttl of a pull request's key (lifetime: pull-request) unless the input says otherwise: only a backstop, since
 * the run that closes the pull request deletes it, and later runs or a sweep once GitHub says it is closed. Long
 * enough that a pull request nobody pushes to for weeks keeps its preview without a scheduled renew.
 */
const PULL_REQUEST_TTL_MS = 30 * 86_400_000;
/** One look-up of a run at GitHub waits at most this long; no answer counts the run as alive. */
const GITHUB_LOOKUP_TIMEOUT_MS = 5_000;
/** Runs a main step asks GitHub about (through its post step); the rest wait for a later run or a sweep. */
const MAX_RUNS_LOOKED_UP = 20;
/** Look-ups at GitHub in flight at once (a sweep asks about every run it finds). */
const GITHUB_CONCURRENCY = 8;
/**
 * An expired key whose run GitHub says is still going is left to that run's post step, unless it expired this
 * long ago: self-hosted jobs may run for days, but a key is never kept forever on a run's word.
 */
const ALIVE_RUN_HARD_CAP_MS = 3 * 86_400_000;
/** A server's own words in our one-line errors (Vercel's, Netlify's, GitHub's message) are cut here (base/text). */
const policy_OUTSIDE_WORDS_CHARS = 200;
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
const HANDOFF_SECRET_MIN_LENGTH = 32;
const HANDOFF_SECRET_MIN_CLASSES = 2;
const HANDOFF_SECRET_MIN_BITS = 128;
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
function retryAfterMs(header, nowMs) {
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
const API_VERSION_SUPPORT_MONTHS = 12;

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
function text_markdownCode(text) {
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
function text_markdownText(text) {
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

;// CONCATENATED MODULE: ./src/inputs/durations.ts
// Parses the durations the inputs accept: a whole number and one unit, e.g. `90s`, `30m`, `6h`, `7d`.

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
function parseDuration(input, what, limits) {
    const match = /^(\d{1,6})\s*([smhd])$/i.exec(input.trim());
    if (!match) {
        throw new errors_InputError(`${what} "${input}" is not a duration: use a whole number and a unit s, m, h or d, e.g. 90s, 30m, 6h, 7d.`);
    }
    const ms = Number(match[1]) * UNIT_MS[match[2].toLowerCase()];
    if (ms < limits.min || ms > limits.max) {
        throw new errors_InputError(`${what} "${input}" is out of range: use ${formatDuration(limits.min)} to ${formatDuration(limits.max)}.`);
    }
    return ms;
}
/** The largest unit that divides `ms` exactly: 7d, 90s, 1500ms. */
function formatDuration(ms) {
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
    return parseDuration(checks_text(input, 'timeout'), 'Input "timeout"', { min: 1000, max: MAX_TIMEOUT_MS });
}
/** The one rule for every URL credentials go to: https, or http on a loopback host (tests, local emulators). */
function secureOrLoopback(url) {
    const loopback = LOOPBACK.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
    return url.protocol === 'https:' || (url.protocol === 'http:' && loopback);
}
/** https only, except loopback hosts (tests, local emulators); never credentials or redirects elsewhere. */
function url(input, name) {
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
const DEFAULT_API_VERSION = '2026-04';
/** The newest stable version this action knows. */
const NEWEST_API_VERSION = API_VERSIONS.at(-1).version;
/** `YYYY-MM`, or `YYYY-MM.alpha` for Pinecone's preview versions. */
const API_VERSION_FORMAT = /^\d{4}-(0[1-9]|1[0-2])(\.alpha)?$/;
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
function pastSupport(version, now) {
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

const MAX_NAME_LENGTH = 80; // Pinecone's limit
/** Pinecone allows 512; beyond this a name is no longer readable in the console's project list. */
const MAX_PROJECT_NAME_LENGTH = 128;
const NONCE_LENGTH = 6;
const TAG_LENGTH = 8;
const STAMP = String.raw `(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z`;
const NAME_PATTERN = new RegExp(String.raw `^(.+)-eph-${STAMP}(?:-([jkps])(?:([0-9a-z]{1,11})\.([0-9a-z]{1,11})\.([0-9a-z]{1,4})(?:\.([0-9a-z]{3}))?(?:_([0-9a-z]{1,11}))?(?:\.r([0-9a-z]{3}))?)?(?:_([0-9a-z]{1,7}))?)?-([a-z0-9]{6})$`);
const TAGGED_PATTERN = new RegExp(`^(.+)-[a-z0-9]{${TAG_LENGTH}}$`);
const KIND_LETTER = { job: 'j', kept: 'k', shared: 's', pr: 'p' };
/** Keeps letters, digits, `.`, `_` and `-`; anything else becomes `-`. */
function sanitize(text) {
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
function suffixLength(owner) {
    return suffix(owner, 'YYYYMMDDTHHMMSSZ', 'n'.repeat(NONCE_LENGTH)).length;
}
/** Cuts the base, never the suffix, so the whole name fits Pinecone's 80 characters. */
function buildKeyName(base, owner, expiresAt, nonce) {
    return build(base, owner, expiresAt, nonce, MAX_NAME_LENGTH);
}
/**
 * A key name that proves its maker: the grammar above, then `-<tag>` over all of it (as a throwaway project's), the
 * tag made by `nameTagFor(secret, 'keyName' | 'brokerKeyName')`. The base is cut, never the suffix or the tag.
 */
function buildTaggedKeyName(base, owner, expiresAt, nonce, tag) {
    const unsigned = build(base, owner, expiresAt, nonce, MAX_NAME_LENGTH - 1 - TAG_LENGTH);
    return `${unsigned}-${tag(unsigned)}`;
}
/** A key whose name carries a tag that verifies under `tag`; `undefined` for untagged names and look-alikes. */
function parseTaggedKeyName(name, tag) {
    const parsed = lookAlike(name);
    return parsed && signedBy(name, tag) ? parsed : undefined;
}
function signedBy(name, tag) {
    return tag(name.slice(0, -(1 + TAG_LENGTH))) === name.slice(-TAG_LENGTH);
}
/**
 * A key name of this action's grammar, tagged (by whichever maker) or of an earlier, untagged format: what is judged
 * by its expiry and its run (sweep, make-room, post's retirement of expired keys). Never enough to renew or replace a
 * key, which needs the maker's tag (`parseTaggedKeyName`).
 */
function names_parseAnyKeyName(name) {
    return parseKeyName(name) ?? lookAlike(name);
}
/** A throwaway project's name: a key name's grammar, then `-<tag>` over all of it. Never a shared project. */
function buildProjectName(base, owner, expiresAt, nonce, tag) {
    if (owner.kind === 'shared')
        throw new Error('a throwaway project belongs to its job (or is kept), never shared');
    const unsigned = build(base, owner, expiresAt, nonce, MAX_PROJECT_NAME_LENGTH - 1 - TAG_LENGTH);
    return `${unsigned}-${tag(unsigned)}`;
}
function build(base, owner, expiresAt, nonce, maxLength) {
    if (!/^[a-z0-9]{6}$/.test(nonce))
        throw new Error(`nonce must be ${NONCE_LENGTH} characters a-z0-9`);
    const cut = sanitize(base.slice(0, maxLength - suffixLength(owner)));
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
function serverTag(serverUrl) {
    const origin = (serverUrl || 'https://github.com').replace(/\/+$/, '').toLowerCase();
    if (origin === 'https://github.com')
        return undefined;
    return ((0,external_node_crypto_namespaceObject.createHash)('sha256').update(origin).digest().readUInt32BE(0) % 36 ** 3).toString(36).padStart(3, '0');
}
/** Two keys made by the same attempt of the same run (legs of one matrix, or steps of one job). */
function sameRunAttempt(a, b) {
    return !!a && !!b && a.repositoryId === b.repositoryId && a.runId === b.runId && a.attempt === b.attempt;
}

;// CONCATENATED MODULE: ./src/rules/template.ts
// The user's name templates (`name`, `project-name`) rendered with the run's values into the base of a name:
// checked before any request, made safe for Pinecone, and cut to leave room for the suffix names.ts adds.



const PLACEHOLDERS = [
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
];
/** The name templates' default (action.yml), and what it becomes with lifetime: pull-request. */
const JOB_TEMPLATE = 'gha-{repo}-{run_id}-{run_attempt}-{job}';
const PULL_REQUEST_TEMPLATE = 'gha-{repo}-pr{pr}-{job}';
/** Values that change at every push: a pull request's key is found again by its name, which must not hold them. */
const PER_RUN = ['run_id', 'run_number', 'run_attempt', 'sha'];
/**
 * The template a pull request's key (or project) is named with: the default becomes PULL_REQUEST_TEMPLATE; one that
 * renders differently at every push is refused, since later pushes would not find the key to renew.
 */
function pullRequestTemplate(template, input = 'name') {
    if (template === JOB_TEMPLATE)
        return PULL_REQUEST_TEMPLATE;
    const perRun = PER_RUN.find((word) => template.includes(`{${word}}`));
    if (perRun)
        throw new errors_InputError(`Input "${input}" uses {${perRun}}, which changes at every push: with lifetime: pull-request, later runs find the key by its name. Use a template such as preview-{repo}-pr{pr}, or leave ${input} out.`);
    return template;
}
/** Short values that identify the run: never shortened, so a long repository or job name cannot push them out. */
const KEPT_WHOLE = new Set(['run_id', 'run_number', 'run_attempt', 'pr', 'sha']);
/** Fails on an unknown placeholder before any request is made. `input`: the input the template came from. */
function checkTemplate(template, input = 'name') {
    if (template.trim() === '')
        throw new errors_InputError(`Input "${input}" is empty: give a template such as gha-{repo}-{run_id}.`);
    for (const [, word] of template.matchAll(/\{([^{}]*)\}/g)) {
        if (!PLACEHOLDERS.includes(word)) {
            throw new errors_InputError(`Input "${input}": unknown placeholder {${word}}. Valid placeholders: ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}.`);
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
    checkTemplate(template, input);
    const parts = template.split(/\{([a-z_]+)\}/).map((text, i) => {
        if (i % 2 === 0)
            return { text, word: undefined };
        const word = text;
        const value = values[word];
        if (value === undefined || value === '') {
            throw new errors_InputError(word === 'pr'
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
    return ((0,external_node_crypto_namespaceObject.createHash)('sha256').update(text).digest().readUInt32BE(0) % 36 ** 5).toString(36).padStart(5, '0');
}

;// CONCATENATED MODULE: ./src/inputs/secret-strength.ts
// How hard a secret is to guess, estimated the way a guesser would attack it: a stretch that repeats earlier text,
// a run of neighbours (`abcd`, `4321`, `qwerty`) or a word-like stretch of letters costs a few bits, not a few bits
// per character. A random value (openssl rand) loses almost nothing; `passwordpassword…` or `aaaa…` loses nearly
// everything. Pure; the floor is in base/policy.ts.
const KEYBOARD_ROWS = ['`1234567890-=', 'qwertyuiop[]\\', "asdfghjkl;'", 'zxcvbnm,./'];
/** What guessing a word-like stretch costs: a pick from a large list of words (2^16), whatever its length. */
const WORD_BITS = 16;
const MIN_REPEAT = 4;
const MIN_RUN = 3;
const MIN_WORD = 4;
function strengthOf(secret) {
    const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];
    const sizes = [26, 26, 10, 33];
    const present = kinds.map((kind) => kind.test(secret));
    const alphabet = sizes.reduce((sum, size, i) => sum + (present[i] ? size : 0), 0);
    const perChar = Math.log2(Math.max(alphabet, 2));
    let bits = 0;
    for (let i = 0; i < secret.length;) {
        const repeat = repeatAt(secret, i);
        const run = runAt(secret, i);
        const word = wordAt(secret, i);
        const stretch = Math.max(repeat, run, word);
        if (stretch === 0) {
            bits += perChar;
            i += 1;
        }
        else if (stretch === repeat) {
            bits += Math.log2(i + 1) + Math.log2(repeat); // where it starts, how long
            i += repeat;
        }
        else if (stretch === run) {
            bits += perChar + Math.log2(run) + 1; // its first character, length, direction
            i += run;
        }
        else {
            bits += WORD_BITS;
            i += word;
        }
    }
    return { length: secret.length, classes: present.filter(Boolean).length, bits: Math.floor(bits) };
}
/** The longest stretch at `i` (at least MIN_REPEAT) that appeared before it; 0 when none. */
function repeatAt(text, i) {
    let best = 0;
    for (let from = 0; from < i; from++) {
        let length = 0;
        while (i + length < text.length && text[from + length] === text[i + length])
            length++;
        best = Math.max(best, length);
    }
    // One character over and over (`aaaa`): a repeat of the one before it, from the second on.
    let same = 1;
    while (i + same < text.length && text[i + same] === text[i])
        same++;
    const runOfOne = same >= MIN_REPEAT ? same : 0;
    return Math.max(best >= MIN_REPEAT ? best : 0, runOfOne);
}
/** The longest run of neighbours at `i`: code points a step apart (`abc`, `321`) or keys along a row (`qwe`). */
function runAt(text, i) {
    const neighbours = (a, b) => {
        const step = b.toLowerCase().charCodeAt(0) - a.toLowerCase().charCodeAt(0);
        if (step === 1 || step === -1)
            return true;
        return KEYBOARD_ROWS.some((row) => {
            const at = row.indexOf(a.toLowerCase());
            return at >= 0 && (row[at + 1] === b.toLowerCase() || row[at - 1] === b.toLowerCase());
        });
    };
    let length = 1;
    while (i + length < text.length && neighbours(text[i + length - 1], text[i + length]))
        length++;
    return length >= MIN_RUN ? length : 0;
}
/** A word-like stretch at `i`: at least MIN_WORD letters of one case, or a capital and lower case after it. */
function wordAt(text, i) {
    const match = /^(?:[a-z]+|[A-Z][a-z]+|[A-Z]+)/.exec(text.slice(i));
    const length = match?.[0].length ?? 0;
    return length >= MIN_WORD ? length : 0;
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
function handoffSecretFor(input, env, { clientId, clientSecret }) {
    const secret = handoff_secret_readHandoffSecret(input, env);
    const make = 'Make one (openssl rand -base64 32), store it as secret PINECONE_HANDOFF_SECRET, and pass it as handoff-secret to the key, use and revoke steps.';
    if (!secret)
        throw new errors_InputError(`Input "handoff-secret" is empty: share: true seals the handoff with a secret of its own, which the jobs that use the key get instead of the client secret. ${make}`);
    if (secret === clientSecret)
        throw new errors_InputError(`Input "handoff-secret" is the client secret: every job that uses the key would then hold a secret that mints keys. ${make}`);
    const credential = akinTo(secret, [
        ['client secret', clientSecret],
        ['client ID', clientId],
    ]);
    if (credential)
        throw new errors_InputError(`Input "handoff-secret" is made from the ${credential} (it contains it, is part of it, or reverses it): a handoff secret must be a random value of its own. ${make}`);
    const { length, classes, bits } = strengthOf(secret);
    if (length < HANDOFF_SECRET_MIN_LENGTH || classes < HANDOFF_SECRET_MIN_CLASSES || bits < HANDOFF_SECRET_MIN_BITS)
        throw new errors_InputError(`Input "handoff-secret" is too easy to guess (${length} characters, ${classes} kind(s) of character, about ${bits} bits once repeats, runs and words are counted; at least ${HANDOFF_SECRET_MIN_LENGTH} characters, ${HANDOFF_SECRET_MIN_CLASSES} kinds and ${HANDOFF_SECRET_MIN_BITS} bits are needed), and every handoff is printed in public logs. ${make}`);
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
const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];
/** `lifetime`, refused with one line on an event that is not a pull request's. */
function readLifetime(input, env) {
    const lifetime = checks_choice(input, 'lifetime', ['job', 'pull-request']);
    const event = env['GITHUB_EVENT_NAME'] ?? '';
    if (lifetime === 'pull-request' && !PULL_REQUEST_EVENTS.includes(event))
        throw new errors_InputError(`Input "lifetime: pull-request" needs a pull_request event, and this run's is ${event ? `"${event}"` : 'unknown (GITHUB_EVENT_NAME is not set)'}: run the job on: pull_request (types: opened, synchronize, reopened, closed), or set lifetime: job here (a sweep ends the keys of closed pull requests).`);
    return lifetime;
}
/** How a pull request's key is kept: never with its job, renewed or replaced at each push; never shared. */
function pullRequestKeeping(input, share, newProject) {
    if (share)
        throw new errors_InputError('Inputs "lifetime: pull-request" and "share: true" cannot go together: a shared key ends with its workflow run. Drop share (each job of the pull request keeps its own key), or set lifetime: job.');
    const replace = checks_bool(input, 'replace') || newProject;
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
function parseRoles(input) {
    const words = input
        .split(/[,\n]/)
        .map((word) => word.trim())
        .filter((word) => word !== '');
    if (words.length === 0) {
        throw new errors_InputError(`Input "roles" is empty: name at least one of ${ROLES.join(', ')}.`);
    }
    const roles = [];
    for (const word of words) {
        const role = BY_LOWER.get(word.toLowerCase());
        if (!role)
            throw new errors_InputError(`Input "roles": unknown role "${word}". Valid roles: ${ROLES.join(', ')}.`);
        if (!roles.includes(role))
            roles.push(role);
    }
    return roles;
}

;// CONCATENATED MODULE: ./src/inputs/inputs.ts










const MAX_TTL_MS = 90 * 86_400_000;
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
        throw new errors_InputError(`Inputs "api-url" (${apiUrl}) and "auth-url" (${authUrl}) must use the same scheme: both https://, or both http:// for a local emulator.`);
    }
    const apiVersion = checks_text(input, 'api-version');
    if (!API_VERSION_FORMAT.test(apiVersion)) {
        throw new errors_InputError(`Input "api-version" "${apiVersion}" is not a Pinecone API version: use a date version such as ${DEFAULT_API_VERSION} (or ${DEFAULT_API_VERSION}.alpha), or leave it out for ${DEFAULT_API_VERSION}.`);
    }
    return { ...credentials, apiUrl, authUrl, apiVersion };
}
/** What a key is asked for with, in either mode (direct, or through the broker). */
function readKeyAsk(input, lifetime = 'job') {
    const nameTemplate = lifetime === 'pull-request' ? pullRequestTemplate(checks_text(input, 'name')) : checks_text(input, 'name');
    checkTemplate(nameTemplate);
    const ttl = checks_text(input, 'ttl');
    const defaultTtl = lifetime === 'pull-request' ? PULL_REQUEST_TTL_MS : DEFAULT_TTL_MS;
    return {
        nameTemplate,
        roles: parseRoles(input('roles')), // one per line is allowed; only known role names pass
        ttlMs: ttl ? parseDuration(ttl, 'Input "ttl"', { min: 1000, max: MAX_TTL_MS }) : defaultTtl,
        exportEnv: checks_envName(input, 'export-env'),
        timeoutMs: checks_timeout(input),
        cleanup: checks_bool(input, 'cleanup'),
    };
}
function readMainInputs(input, credentials, env = {}) {
    const lifetime = readLifetime(input, env);
    const ask = readKeyAsk(input, lifetime);
    const { project, newProject, projectNameTemplate } = readProjectChoice(input, lifetime);
    const share = checks_bool(input, 'share');
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
        onCleanupError: checks_choice(input, 'on-cleanup-error', ['fail', 'warn']),
        sweepExpired: checks_bool(input, 'sweep-expired'),
        share,
        handoffSecret: share ? handoffSecretFor(input, env, credentials) : '',
        githubToken: input('github-token').trim(),
    };
}
/** With lifetime: job, cleanup, renew and replace as given, and what cannot go together refused. */
function jobKeeping(input, cleanup, share, newProject) {
    const renew = checks_bool(input, 'renew');
    if (renew && (cleanup || share || newProject)) {
        throw new errors_InputError(cleanup
            ? 'Input "renew: true" needs cleanup: false: only a key that outlives its job (a preview\'s) is renewed. Set cleanup: false, or drop renew.'
            : `Inputs "renew: true" and "${share ? 'share' : 'new-project'}: true" cannot go together: renew renames a key kept in a given project. Drop one of them.`);
    }
    if (newProject && share) {
        throw new errors_InputError('Inputs "share: true" and "new-project: true" cannot go together: a throwaway project ends with its job, and a shared key must outlive it. Give share a project of its own (input project), or drop share.');
    }
    return { cleanup, renew, replace: checks_bool(input, 'replace') };
}
/** An existing project (`project`) or a throwaway one (`new-project: true`), never both, never neither. */
function readProjectChoice(input, lifetime) {
    const project = checks_text(input, 'project');
    const newProject = checks_bool(input, 'new-project');
    if (newProject && project !== '') {
        throw new errors_InputError(`Inputs "project" (${project}) and "new-project: true" are both given: new-project makes a throwaway project instead. Remove project, or set new-project: false to use that project.`);
    }
    if (!newProject && project === '') {
        throw new errors_InputError('Input "project" is empty: give the ID or exact name of the project to create the key in, or set new-project: true for a throwaway project.');
    }
    const template = newProject ? checks_text(input, 'project-name') : '';
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
const POST_READS = ['api-url', 'auth-url', 'api-version', 'client-id', 'timeout', 'on-cleanup-error'];
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

;// CONCATENATED MODULE: ./src/inputs/broker.ts
// Broker mode (keyless): the action asks an organization's broker for the key with the job's GitHub OIDC token,
// and holds no Pinecone credential at all. Its credentials are the broker's URL and the job's right to ask GitHub
// for an OIDC token (`permissions: id-token: write`); what it may get is the broker's policy, not these inputs.




/** The broker's URL, when the step is in broker mode (the only input read before the mode is chosen). */
function brokerUrlOf(input) {
    return input('broker-url').trim();
}
/** Broker mode's credentials, or what is missing (no id-token permission: a fork's pull request, Dependabot). */
function readBrokerCredentials(input, env) {
    const onMissing = checks_choice(input, 'on-missing-credentials', ['fail', 'skip']);
    const brokerUrl = url(input, 'broker-url');
    if (input('client-id').trim() || input('client-secret').trim())
        throw new errors_InputError('Inputs "broker-url" and "client-id"/"client-secret" are both given: with a broker, the job holds no Pinecone credential. Remove client-id and client-secret (and the secrets behind them), or remove broker-url.');
    const audience = checks_text(input, 'broker-audience') || brokerUrl;
    const idTokenUrl = env['ACTIONS_ID_TOKEN_REQUEST_URL'] ?? '';
    const idTokenRequestToken = env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'] ?? '';
    if (!idTokenUrl || !idTokenRequestToken)
        return {
            missing: 'the job may not ask GitHub for an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set)',
            onMissing,
        };
    return { brokerUrl, audience, idTokenUrl, idTokenRequestToken, missing: undefined };
}
/** What broker mode does not do, each refused with one line (the broker's policy decides the rest). */
const NOT_IN_BROKER_MODE = {
    share: 'share a key with the run (each job asks the broker for its own)',
    'new-project': 'make throwaway projects (a rule names the project)',
    renew: 'renew a key in place (ask for a new one with the ttl you need)',
    replace: 'replace older keys (the broker sweeps expired keys itself)',
};
function readBrokerMainInputs(input) {
    for (const [name, what] of Object.entries(NOT_IN_BROKER_MODE))
        if (checks_bool(input, name))
            throw new errors_InputError(`Input "${name}: true" is not available with broker-url: the broker does not ${what}. Remove ${name}, or remove broker-url.`);
    if (checks_choice(input, 'lifetime', ['job', 'pull-request']) === 'pull-request')
        throw new errors_InputError('Input "lifetime: pull-request" is not available with broker-url: the broker\'s keys end with their job or their ttl. Set lifetime: job (or remove it), or give this job a service account instead of broker-url.');
    const onCleanupError = checks_choice(input, 'on-cleanup-error', ['fail', 'warn']); // checked here: post reads it again
    return { ...readKeyAsk(input), project: checks_text(input, 'project'), onCleanupError };
}
/**
 * What broker mode's post reads again, saved by main in its record: where the OIDC token goes and for whom, the
 * budget, cleanup. Main refused client-id and client-secret, so post reads none either.
 */
const BROKER_POST_READS = ['broker-url', 'broker-audience', 'timeout', 'cleanup', 'on-cleanup-error'];
const NO_CLIENT_CREDENTIALS = { 'client-id': '', 'client-secret': '' };
/** Post's budget in broker mode (the same as main's, at most 3m), and whether the key outlives the job. */
function readBrokerPostInputs(input) {
    return { timeoutMs: Math.min(MAX_POST_BUDGET_MS, timeout(input)), cleanup: bool(input, 'cleanup') };
}

;// CONCATENATED MODULE: ./src/rules/liveness.ts


/** What GitHub is asked about for a pull request's keys, where a run's id would be: `#<number>`. */
const pullRequestSubject = (number) => `#${number}`;
/** The pull request's number in a subject, `undefined` for a run's id. */
const pullRequestOf = (subject) => (subject.startsWith('#') ? subject.slice(1) : undefined);
/**
 * The run (or `#<number>`: the pull request) to ask GitHub about for this key, if GitHub can tell anything about
 * it: only this repository's, on this GitHub instance (another instance's ids mean other repositories).
 */
function liveness_askableRun(parsed, here) {
    const run = parsed.run;
    if (!run || !here.repositoryId || run.repositoryId !== here.repositoryId || run.server !== here.server)
        return undefined;
    if (parsed.kind === 'pr' && parsed.pullRequest)
        return pullRequestSubject(parsed.pullRequest);
    if (run.runId === here.runId)
        return undefined;
    return parsed.kind === 'job' || parsed.kind === 'shared' ? run.runId : undefined;
}
/** GitHub's answer about the key's run, as a verdict; `undefined` when GitHub was not asked (expiry decides). */
function verdictByRun(parsed, state, now) {
    if (state === undefined)
        return undefined;
    if (parsed.kind === 'pr')
        return verdictByPullRequest(parsed, state, now);
    if (state === 'over')
        return { remove: true, why: 'its run is over' };
    if (parsed.expiresAt.getTime() + ALIVE_RUN_HARD_CAP_MS <= now)
        return { remove: true, why: 'expired more than 3 days ago, though its run is still going' };
    return {
        remove: false,
        why: state === 'alive' ? 'its run is still going' : 'GitHub did not answer: its run counts as alive',
    };
}
/** A pull request's key: closed (or gone), it goes; past its expiry it goes anyway (the ttl is the backstop). */
function verdictByPullRequest(parsed, state, now) {
    if (state === 'over')
        return { remove: true, why: 'its pull request is closed' };
    if (parsed.expiresAt.getTime() + EXPIRY_GRACE_MS <= now)
        return { remove: true, why: 'expired' };
    return {
        remove: false,
        why: state === 'alive' ? 'its pull request is open' : 'GitHub did not answer: its pull request counts as open',
    };
}
/** Post's decision once GitHub has answered (`lookups` undefined: GitHub could not be asked, expiry as before). */
function settle(candidates, lookups, now, parse = names_parseAnyKeyName) {
    const retire = [];
    const spared = [];
    for (const candidate of candidates) {
        const parsed = parse(candidate.name);
        const verdict = candidate.runId && lookups && parsed ? verdictByRun(parsed, lookups.get(candidate.runId), now) : undefined;
        if (candidate.why === 'run over' || (candidate.why === 'pull request closed' && candidate.runId)) {
            // A live key goes only on GitHub's word that its run is over (its pull request closed); else it stays, said.
            if (verdict?.remove)
                retire.push(candidate);
            else
                spared.push({
                    ...candidate,
                    because: verdict?.why ?? `GitHub could not be asked whether ${unasked(candidate)}`,
                });
        }
        else if (!verdict || verdict.remove) {
            retire.push(candidate);
        }
        else {
            spared.push({ ...candidate, because: verdict.why });
        }
    }
    return { retire, spared };
}
function unasked(candidate) {
    return candidate.why === 'run over' ? 'its run is over' : 'its pull request is closed';
}

;// CONCATENATED MODULE: ./src/rules/glob.ts
// Globs on key names: `*` matches any run of characters, `?` one, everything else is literal, against the whole
// name. Matched without backtracking (a regular expression of many stars backtracks exponentially): the pattern's
// literal pieces are found left to right, each at its first place, which is the match if there is one. The work is
// bounded by the name's length times the pattern's.
function globMatches(glob, name) {
    const pieces = glob.split('*');
    const first = pieces[0];
    if (pieces.length === 1)
        return name.length === first.length && matchesAt(first, name, 0);
    const last = pieces[pieces.length - 1];
    if (name.length < first.length + last.length)
        return false;
    if (!matchesAt(first, name, 0) || !matchesAt(last, name, name.length - last.length))
        return false;
    let from = first.length;
    const end = name.length - last.length;
    for (const piece of pieces.slice(1, -1)) {
        const at = findFrom(piece, name, from, end);
        if (at < 0)
            return false;
        from = at + piece.length;
    }
    return true;
}
/** `piece` (with `?` for any character) at position `at` of `name`. */
function matchesAt(piece, name, at) {
    for (let i = 0; i < piece.length; i++) {
        if (piece[i] !== '?' && piece[i] !== name[at + i])
            return false;
    }
    return true;
}
/** The first position from `from` where `piece` fits entirely before `end`, or -1. */
function findFrom(piece, name, from, end) {
    for (let at = from; at + piece.length <= end; at++)
        if (matchesAt(piece, name, at))
            return at;
    return -1;
}

;// CONCATENATED MODULE: ./src/rules/sweep-plan.ts




/** Expired for sure: past its expiry by more than any runner's clock may be off. */
function isExpired(parsed, now) {
    return parsed.expiresAt.getTime() + EXPIRY_GRACE_MS <= now;
}
/** The runs (and pull requests, `#<number>`) GitHub can tell about among `keys`, each once. */
function runsToAsk(keys, here, parse = parseAnyKeyName) {
    const runs = new Set();
    for (const key of keys) {
        const parsed = parse(key.name);
        const runId = parsed && askableRun(parsed, here);
        if (runId)
            runs.add(runId);
    }
    return [...runs];
}
/** `liveness`: what GitHub said about the runs of this repository's keys (absent: expiry alone decides). */
function planSweep(keys, filter, liveness, parse = names_parseAnyKeyName) {
    const verdicts = [];
    let foreign = 0;
    let otherRepositories = 0;
    for (const key of keys) {
        const parsed = parse(key.name);
        if (!parsed) {
            foreign += 1;
            continue;
        }
        const here = liveness?.here;
        const elsewhere = parsed.run && (parsed.run.repositoryId !== here?.repositoryId || parsed.run.server !== here.server);
        if (here?.repositoryId && elsewhere)
            otherRepositories += 1;
        const expired = isExpired(parsed, filter.now);
        const runId = liveness && liveness_askableRun(parsed, liveness.here);
        const byRun = runId ? verdictByRun(parsed, liveness.lookups.get(runId), filter.now) : undefined;
        if (filter.match && !globMatches(filter.match, key.name)) {
            verdicts.push({ item: key, parsed, remove: false, why: `does not match ${filter.match}` });
        }
        else if (filter.expiredOnly && byRun) {
            verdicts.push({ item: key, parsed, ...byRun });
        }
        else if (filter.expiredOnly && !expired) {
            const justNow = parsed.expiresAt.getTime() <= filter.now;
            verdicts.push({
                item: key,
                parsed,
                remove: false,
                why: justNow ? 'expired less than 5 minutes ago' : 'not expired yet',
            });
        }
        else {
            verdicts.push({ item: key, parsed, remove: true, why: expired ? 'expired' : 'matches (expired-only: false)' });
        }
    }
    return { verdicts, foreign, otherRepositories };
}
/**
 * An earlier expiry; at the same second (names carry whole seconds), an earlier attempt of the same run: a re-run
 * made within the second its first attempt did still replaces that attempt's key.
 */
function olderThan(other, own, ownRun) {
    const a = other.expiresAt.getTime();
    const b = own.expiresAt.getTime();
    if (a !== b)
        return a < b;
    return (!!other.run &&
        !!ownRun &&
        other.run.runId === ownRun.runId &&
        other.run.repositoryId === ownRun.repositoryId &&
        other.run.attempt < ownRun.attempt);
}
/**
 * Keys that the main step's post should delete besides its own: this action's expired keys (`sweep-expired`), keys
 * of finished runs of this repository (asked of GitHub by post), and with `replace`, older keys whose name carries
 * the same base as the new key's and that `ours` proves made by the same maker (a name anyone could type is left to
 * its expiry) — older meaning an earlier expiry (`olderThan`), so a newer key made by a concurrent run is never
 * replaced by an older one, and never a key made by the same attempt of the same run (the legs of a matrix render
 * the same base). At most MAX_RUNS_LOOKED_UP runs are to be asked about, those of expired keys first.
 */
function keysToRetire(keys, own, options, parse = names_parseAnyKeyName, ours = parse) {
    const ownParsed = parse(own.name);
    const here = { repositoryId: own.run?.repositoryId, runId: own.run?.runId, server: own.run?.server };
    const found = [];
    for (const key of keys) {
        const parsed = parse(key.name);
        if (!parsed || key.name === own.name || key.id === own.id)
            continue;
        const runId = liveness_askableRun(parsed, here);
        const name = key.name;
        if (options.sweepExpired && isExpired(parsed, options.now)) {
            // A pull request's key goes at its expiry whatever GitHub says: nothing to ask.
            const ask = runId && parsed.kind !== 'pr' ? { runId } : {};
            found.push({ id: key.id, name, why: 'expired', ...ask });
        }
        else if (options.replace &&
            ownParsed &&
            ours(name) &&
            parsed.base === ownParsed.base &&
            parsed.pullRequest === ownParsed.pullRequest && // another pull request's key is never this one's older copy
            olderThan(parsed, ownParsed, own.run) &&
            !sameRunAttempt(parsed.run, own.run)) {
            found.push({ id: key.id, name, why: 'replaced' });
        }
        else if (options.sweepExpired && runId) {
            found.push({ id: key.id, name, why: parsed.kind === 'pr' ? 'pull request closed' : 'run over', runId });
        }
    }
    const asked = new Set();
    const live = (c) => c.why === 'run over' || c.why === 'pull request closed';
    for (const candidate of [...found.filter((c) => c.why === 'expired'), ...found.filter(live)]) {
        if (candidate.runId && asked.size < MAX_RUNS_LOOKED_UP)
            asked.add(candidate.runId);
    }
    // Beyond the bound: an expired key goes by its expiry as before; a live one waits for a later run or a sweep.
    return found.flatMap((candidate) => {
        if (!candidate.runId || asked.has(candidate.runId))
            return [candidate];
        if (live(candidate))
            return [];
        const { runId: _, ...byExpiry } = candidate;
        return [byExpiry];
    });
}
/**
 * What the event that closes pull request `number` ends: this action's things made for it (kind pr) in this
 * repository, on this GitHub instance. Taken on the event's word: GitHub is not asked.
 */
function ofClosedPullRequest(items, here, number, 
/** Proves a name ours (the kind's tag): on the event's word alone, nothing else is deleted. */
ours) {
    return items.flatMap((item) => {
        const parsed = ours(item.name);
        const run = parsed?.run;
        const thisRepository = run && run.repositoryId === here.repositoryId && run.server === here.server;
        return thisRepository && parsed.kind === 'pr' && parsed.pullRequest === number
            ? [{ id: item.id, name: item.name, why: 'pull request closed' }]
            : [];
    });
}

;// CONCATENATED MODULE: ./src/journal/retirement.ts
// What main finds, beside its create, for the post step to retire: this action's expired keys (`sweep-expired`),
// older keys of the same rendered name (`replace`), keys of finished runs — and with `new-project: true` the same
// for throwaway projects. The look runs in parallel with the create and only ever warns when it fails.




const settled = (promise) => promise.then((value) => ({ value }), (error) => ({ error }));
const unwrap = (outcome) => {
    if ('error' in outcome)
        throw outcome.error;
    return outcome.value;
};
/** Things of one kind (`what`: keys by default) for post to delete, and one line that says so. */
function planRetirement(log, listed, ask, what = { name: 'key', parse: names_parseAnyKeyName }) {
    if ('error' in listed) {
        const message = listed.error instanceof Error ? listed.error.message : String(listed.error);
        log.warning(`Could not look for expired ${what.name}s of this action to delete (${message}); the next run or a sweep will.`);
        return [];
    }
    const candidates = keysToRetire(listed.value, ask.own, ask, what.parse, what.ours);
    const retire = ask.canAskGitHub ? candidates : candidates.flatMap(byExpiryAlone);
    if (retire.length === 0)
        return retire;
    const count = (why) => retire.filter((key) => key.why === why).length;
    const base = what.parse(ask.own.name)?.base ?? ask.own.name;
    const later = retire.length > MAX_RETIRE_PER_RUN ? ` (${MAX_RETIRE_PER_RUN} now, the rest in later runs or a sweep)` : '';
    const asking = askingGitHub(retire, what.name);
    const found = [
        count('expired') ? `${count('expired')} expired ${what.name}(s)` : '',
        count('replaced') ? `${count('replaced')} older ${what.name}(s) named ${base} (replace: true)` : '',
        count('run over') ? `${count('run over')} ${what.name}(s) of other runs of this repository` : '',
        count('pull request closed') ? `${count('pull request closed')} ${what.name}(s) of pull requests` : '',
    ].filter(Boolean);
    log.info(`Found ${found.join(' and ')} made by this action; the post step deletes them${asking}${later}.`);
    return retire.slice(0, MAX_RETIRE_PER_RUN);
}
/** Without a github-token a live key of another run cannot be proven done, and an expired one goes by its expiry. */
function byExpiryAlone(candidate) {
    if (candidate.why === 'run over' || candidate.why === 'pull request closed')
        return [];
    const { runId: _, ...byExpiry } = candidate;
    return [byExpiry];
}
/** What post does with GitHub's word (steps/common/ask-github.ts), said before it is asked. */
function askingGitHub(retire, noun) {
    const rules = [
        retire.some((each) => each.why === 'run over')
            ? `a ${noun} of another run goes only if GitHub says its run is over`
            : '',
        retire.some((each) => each.why === 'pull request closed' && each.runId)
            ? `a ${noun} of another pull request goes only if GitHub says it is closed`
            : '',
        retire.some((each) => each.why === 'expired' && each.runId && !pullRequestOf(each.runId))
            ? `an expired ${noun} stays while GitHub says its run is still going or does not answer`
            : '',
    ].filter(Boolean);
    return rules.length > 0 ? `, asking GitHub first: ${rules.join('; ')}` : '';
}

;// CONCATENATED MODULE: ./src/journal/journal.ts
// What main hands to post, owned here alone: main records named events, post reads a plan derived from them.
// It travels as one state value, rewritten at every event: the runner keeps the last value saved and reads the
// state file even after a crash or a kill, so each event is a checkpoint post can act on. Never a secret: post
// logs in again and addresses keys by ID.
// Any earlier step can forge state (a `STATE_journal=…` line in $GITHUB_ENV reaches post like state main saved,
// unless main saved it itself), and post deletes keys on its word. So the value is sealed: an HMAC-SHA256 over it,
// keyed with HKDF from the client secret and bound to this repository, run, attempt and job. A value that does
// not verify is ignored; only the service account's secret, which can mint keys anyway, can forge one.
// It also carries main's inputs that post reads again (`inputs`): the runner may hand post other inputs than
// main's (an action wrapped in nested composites gets the outer one's, actions/runner#2030), and post would then
// log in elsewhere, or as another account.

const STATE_NAME = 'journal';
const VERSION = 'v3';
/** Main's side: each method is one event, saved before the request it protects is sent. */
class Journal {
    store;
    seal;
    record;
    constructor(store, seal, projectId, cleanup, inputs) {
        this.store = store;
        this.seal = seal;
        this.record = { projectId, cleanup, ...(inputs ? { inputs } : {}), slots: {} };
        this.save();
    }
    /** The events of one kind of create (the key, or a throwaway project), each saved before what it protects. */
    creates(kind) {
        const slot = this.slot(kind);
        const saveWith = (inFlight) => {
            slot.inFlight = inFlight;
            this.save();
        };
        return {
            sending: (name) => {
                slot.names.push(name);
                saveWith(name);
            },
            noneMade: (name) => {
                slot.names = slot.names.filter((n) => n !== name);
                saveWith('');
            },
            lost: () => saveWith(''),
            made: (id, name) => {
                slot.made = { id, name };
                saveWith('');
            },
        };
    }
    /** The job's keys are made in this project from now on (a throwaway project, once made). */
    keysIn(projectId) {
        this.record.projectId = projectId;
        this.save();
    }
    /** Handed to the other jobs of the run: from now on the run's, not this job's. */
    shared(kind) {
        this.slot(kind).shared = true;
        this.save();
    }
    retireLater(kind, items) {
        this.slot(kind).retire = items;
        this.save();
    }
    slot(kind) {
        return (this.record.slots[kind] ??= { names: [], inFlight: '', retire: [] });
    }
    save() {
        const body = Buffer.from(JSON.stringify(this.record)).toString('base64url');
        const text = `${VERSION}.${body}`;
        this.store.saveState(STATE_NAME, `${text}.${this.seal(text).toString('base64url')}`);
    }
}
/** True when main left anything at all (or something posing as main did). */
function hasJournal(store) {
    return store.getState(STATE_NAME) !== '';
}
/** Post's side: the plan, or `undefined` when the state does not verify (forged, or sealed with another secret). */
function readPlan(store, seal) {
    const [version, body, mac, ...rest] = store.getState(STATE_NAME).split('.');
    if (version !== VERSION || !body || !mac || rest.length > 0)
        return undefined;
    const expected = seal(`${version}.${body}`);
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return undefined;
    const record = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    const planOf = (slot) => {
        if (!slot)
            return { own: undefined, orphans: [], lateCreate: undefined, retire: [] };
        const fate = slot.shared ? 'shared' : record.cleanup ? 'delete' : 'keep';
        return {
            own: slot.made ? { ...slot.made, fate } : undefined,
            orphans: slot.names.filter((name) => name !== slot.made?.name),
            lateCreate: slot.inFlight || undefined,
            retire: slot.retire,
        };
    };
    return { projectId: record.projectId, inputs: record.inputs, of: (kind) => planOf(record.slots[kind]) };
}

;// CONCATENATED MODULE: ./src/journal/broker-journal.ts
const broker_journal_STATE_NAME = 'broker';
const broker_journal_VERSION = 1;
/** Main's side: each event saved before the request it protects. */
class BrokerJournal {
    store;
    record;
    constructor(store, inputs) {
        this.store = store;
        this.record = { unanswered: [], ...(inputs ? { inputs } : {}) };
        this.save();
    }
    /** The events of one mint, named by the nonce of the key's name. */
    mints() {
        return {
            sending: (nonce) => this.change(() => this.record.unanswered.push(nonce)),
            noneMade: (nonce) => this.change(() => this.forget(nonce)),
            // The step revoked what the lost answer may have made; post asks once more, for a late commit.
            lost: () => undefined,
            made: (id, nonce) => this.change(() => {
                this.forget(nonce);
                this.record.made = { id, name: nonce };
            }),
        };
    }
    /** The key's full name (post names it in its lines) and its revoke ticket, once known. */
    named(name, ticket) {
        const made = this.record.made;
        if (made)
            this.change(() => Object.assign(made, { name, ...(ticket ? { ticket } : {}) }));
    }
    forget(nonce) {
        this.record.unanswered = this.record.unanswered.filter((each) => each !== nonce);
    }
    change(apply) {
        apply();
        this.save();
    }
    save() {
        this.store.saveState(broker_journal_STATE_NAME, JSON.stringify({ v: broker_journal_VERSION, ...this.record }));
    }
}
/** Post's side: what main recorded, or `undefined` when it saved nothing readable (it made nothing). */
function readBrokerRecord(store) {
    const raw = store.getState(broker_journal_STATE_NAME);
    if (!raw)
        return undefined;
    try {
        const value = JSON.parse(raw);
        if (value.v !== broker_journal_VERSION || !Array.isArray(value.unanswered))
            return undefined;
        const nonces = value.unanswered.filter((nonce) => typeof nonce === 'string' && /^[a-z0-9]{6}$/.test(nonce));
        const made = value.made && typeof value.made.id === 'string' && typeof value.made.name === 'string' ? value.made : undefined;
        const inputs = stringsOnly(value.inputs);
        return { unanswered: nonces, ...(made ? { made } : {}), ...(inputs ? { inputs } : {}) };
    }
    catch {
        return undefined;
    }
}
function stringsOnly(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return undefined;
    const entries = Object.entries(value);
    return entries.every(([, each]) => typeof each === 'string') ? Object.fromEntries(entries) : undefined;
}

;// CONCATENATED MODULE: ./src/journal/mode.ts
// Which mode main ran in (direct, or through a broker), saved before main reads anything else: post runs the same
// mode even when the runner hands it other inputs than main's (an action wrapped in nested composites gets the
// outer one's, actions/runner#2030). In broker mode an empty record of main's own is saved with it, so that no
// `STATE_broker` another step writes to $GITHUB_ENV can reach post (the state a step saved itself wins).

const mode_STATE_NAME = 'mode';
/** Main's first act. */
function saveMode(store, mode) {
    store.saveState(mode_STATE_NAME, mode);
    if (mode === 'broker')
        new BrokerJournal(store);
}
/** The mode main saved, or `undefined` when main saved none (it never ran). */
function modeOf(store) {
    const mode = store.getState(mode_STATE_NAME);
    return mode === 'direct' || mode === 'broker' ? mode : undefined;
}

;// CONCATENATED MODULE: ./src/crypto/state-seal.ts
// The seal of one job's journal (journal/journal.ts): an HMAC-SHA256 keyed with HKDF from the client secret and
// bound to this repository, run, attempt, job and step, so that state another step forged is refused.


const { label, version } = DERIVATIONS.state;
/** The seal of one job's state: what binds it to the client secret and to this job. */
function sealFor(clientSecret, env) {
    // The step too (GITHUB_ACTION): two uses of the action in one job never take each other's journal. Matrix legs
    // share all of these: main seals a journal of its own before anything can fail (runtime/define-step.ts).
    const context = ['GITHUB_REPOSITORY', 'GITHUB_RUN_ID', 'GITHUB_RUN_ATTEMPT', 'GITHUB_JOB', 'GITHUB_ACTION'].map((name) => env[name] ?? '');
    const key = Buffer.from((0,external_node_crypto_namespaceObject.hkdfSync)('sha256', clientSecret, label, `${version}\n${context.join('\n')}`, 32));
    return (text) => (0,external_node_crypto_namespaceObject.createHmac)('sha256', key).update(text).digest();
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
function connectionsFor(upcoming, oneHost) {
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
function describeStatus(status) {
    const reason = external_node_http_namespaceObject.STATUS_CODES[status];
    return reason ? `HTTP ${status} ${reason}` : `HTTP ${status}`;
}
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
function isSuccess(response) {
    return response.status >= 200 && response.status < 300;
}
/** The answer's body as a JSON object; `undefined` for anything else (HTML from a proxy, an array, no body). */
function parseBody(response) {
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
                throw proxyError(proxy, describeStatus(407), true);
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
                const cause = status ? describeStatus(Number(status)) : (/cause=(.*)$/.exec(message)?.[1] ?? code);
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

;// CONCATENATED MODULE: ./src/api/pinecone/admin-errors.ts
// What Pinecone's answers mean: gone, a misdirected URL, and for errors what they mean for the user, one
// line each with what to check, the secrets redacted before any other shaping (a server may echo a secret).


/** The organization holds as many projects as its plan allows: the caller may make room and try once more. */
class ProjectLimitError extends ActionError {
}
/** The project is gone, or the service account may not work in it: nothing in it can be done. */
class ProjectUnusableError extends ActionError {
    why;
    constructor(message, why) {
        super(message);
        this.why = why;
    }
}
/** The project holds as many keys as its quota allows: the caller may make room and try once more. */
class QuotaError extends ActionError {
    answered;
    constructor(message, 
    /** What Pinecone answered: `HTTP 403 Forbidden QUOTA_EXCEEDED`. */
    answered) {
        super(message);
        this.answered = answered;
    }
}
class AdminErrors {
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
function isPineconeNotFound(response) {
    return response.status === 404 && isPineconeShaped(response);
}
function isPineconeShaped(response) {
    return response.body.trim() === '' || parseBody(response) !== undefined;
}

;// CONCATENATED MODULE: ./src/kinds/key.ts




function keyKind(
/** The Admin API session, opened on first use (post decides what to do before it opens one). */
api, log, projectId, 
/** Direct mode's key-name tag (`nameTagFor(clientSecret, 'keyName')`), derived on first use. */
tag, list) {
    const listKeys = list ?? (() => api().listKeys(projectId()));
    const explain = (error, keys, now) => {
        const plan = planSweep(keys, { match: '', expiredOnly: true, now });
        const ours = plan.verdicts.map((v) => v.item.name).slice(0, 5);
        const more = plan.verdicts.length > ours.length ? `, and ${plan.verdicts.length - ours.length} more` : '';
        return new ActionError(`Pinecone refused to create the API key: project ${projectId()} holds ${keys.length} API keys, as many as its quota allows (${error.answered}). ` +
            `${plan.verdicts.length} of them were made by this action and none has expired${ours.length ? ` (${ours.join(', ')}${more})` : ''}; ${plan.foreign} were made otherwise. ` +
            'Delete keys you no longer need in the Pinecone console, or give this action a shorter ttl.');
    };
    return {
        name: 'key',
        noun: 'API key',
        parse: names_parseAnyKeyName,
        ours: (name) => parseTaggedKeyName(name, tag()),
        holds: [],
        list: listKeys,
        remove: (key) => api().deleteKey(key.id),
        deleteOwn: async (key) => {
            log.info(`Deleting API key ${key.name} (${key.id}).`);
            const result = await api().deleteKey(key.id);
            log.info(result === 'deleted' ? `Deleted API key ${key.name}.` : `API key ${key.name} was already gone.`);
        },
        kept: (key, fate) => fate === 'shared'
            ? `Keeping API key ${key.name} (${key.id}): it was handed to the workflow run (share: true), so the revoke job deletes it, or a sweep once it has expired.`
            : names_parseAnyKeyName(key.name)?.kind === 'pr'
                ? `Keeping API key ${key.name} (${key.id}) for pull request #${names_parseAnyKeyName(key.name).pullRequest} (lifetime: pull-request): the run that closes it deletes the key.`
                : `Keeping API key ${key.name} (${key.id}): cleanup is false, so a sweep deletes it once it has expired.`,
        notDeleted: (key, message) => `Could not delete API key ${key.name} (${key.id}) in project ${projectId() || '(unknown)'}: ${message} Delete it by hand in the Pinecone console (project → API keys), or run the sweep sub-action.`,
        room: {
            isFull: (error) => error instanceof QuotaError,
            withoutSweep: (error) => `${error.message} With sweep-expired: true (the default) this action deletes its own expired keys to make room.`,
            making: (count) => `The project is full: deleting ${count} expired key(s) this action made, then trying again.`,
            noneExpired: (error, keys, now) => explain(error, keys, now),
            spared: (error, count) => new ActionError(`Pinecone refused to create the API key: project ${projectId()} holds as many API keys as its quota allows (${error.answered}), and the ${count} expired key(s) of this action in it belong to runs still going, whose post steps delete them. Delete keys you no longer need in the Pinecone console, or try again once those runs are done.`),
            stillFull: async (error, now) => explain(error, await listKeys(), now),
        },
        sweep: {
            needsProject: true,
            outputs: { deleted: 'deleted', ids: 'deleted-ids', remaining: 'remaining' },
            census: (keys, plan, going) => `Project ${projectId()} has ${keys.length} key(s): ${plan.verdicts.length} made by this action, ${plan.foreign} not (never touched). ${going}.`,
            summary: (_keys, plan, deleted) => ({
                lead: `${deleted} deleted; ${plan.verdicts.length - deleted} key(s) made by this action left; ${plan.foreign} key(s) not made by this action, never touched.` +
                    (plan.otherRepositories
                        ? ` ${plan.otherRepositories} of this action's keys were made in other repositories: left to their expiry.`
                        : ''),
                column: 'Key',
            }),
        },
    };
}

;// CONCATENATED MODULE: ./src/api/pinecone/control-plane.ts
// The one module that knows Pinecone's control plane: what is inside a project (indexes, collections, backups,
// assistants), listed and deleted with a project API key (`Api-Key`), at the same base URL as the Admin API
// (assistants under /assistant). Facts: docs/PINECONE.md (inside a project) and Pinecone's
// db_control and assistant_control specs. An index with deletion protection refuses to be deleted (403) until it is
// turned off; one a collection is being made from refuses with 412; a deleted index stays `Terminating` a while.



class ControlPlane {
    apiUrl;
    apiVersion;
    projectKey;
    requester;
    constructor(apiUrl, apiVersion, 
    /** A key of the project with ControlPlaneEditor (or ProjectEditor); masked by whoever made it. */
    projectKey, requester) {
        this.apiUrl = apiUrl;
        this.apiVersion = apiVersion;
        this.projectKey = projectKey;
        this.requester = requester;
    }
    async listIndexes() {
        const list = await this.list('/indexes', 'indexes', 'list the project’s indexes');
        return list.flatMap((item) => {
            const index = item;
            if (typeof index.name !== 'string')
                return [];
            return [
                {
                    name: index.name,
                    deletionProtection: index.deletion_protection === 'enabled',
                    terminating: index.status?.state === 'Terminating',
                },
            ];
        });
    }
    async disableDeletionProtection(name) {
        const what = `turn deletion protection off for index ${name}`;
        const response = await this.send({
            what,
            method: 'PATCH',
            url: this.url(`/indexes/${encodeURIComponent(name)}`),
            body: JSON.stringify({ deletion_protection: 'disabled' }),
        });
        if (!isSuccess(response) && !isPineconeNotFound(response))
            throw this.error(response, what);
    }
    deleteIndex(name) {
        return this.delete(`/indexes/${encodeURIComponent(name)}`, `delete index ${name}`);
    }
    async listCollections() {
        return names(await this.list('/collections', 'collections', 'list the project’s collections'));
    }
    deleteCollection(name) {
        return this.delete(`/collections/${encodeURIComponent(name)}`, `delete collection ${name}`);
    }
    /** Every backup of the project, following the pagination. */
    async listBackups() {
        const ids = [];
        for (let token = undefined, page = 0; page < 1000; page++) {
            const query = token ? `?paginationToken=${encodeURIComponent(token)}` : '';
            const body = await this.json(`/backups${query}`, 'list the project’s backups');
            const data = body['data'];
            if (!Array.isArray(data))
                throw this.shapeError('list the project’s backups', 'data');
            for (const backup of data) {
                const id = backup.backup_id;
                if (typeof id === 'string')
                    ids.push(id);
            }
            token = body['pagination']?.next;
            if (typeof token !== 'string' || token === '')
                return ids;
        }
        return ids;
    }
    deleteBackup(id) {
        return this.delete(`/backups/${encodeURIComponent(id)}`, `delete backup ${id}`);
    }
    async listAssistants() {
        return names(await this.list('/assistant/assistants', 'assistants', 'list the project’s assistants'));
    }
    deleteAssistant(name) {
        return this.delete(`/assistant/assistants/${encodeURIComponent(name)}`, `delete assistant ${name}`);
    }
    async delete(path, what) {
        const response = await this.send({ what, method: 'DELETE', url: this.url(path) });
        if (isSuccess(response))
            return 'deleted';
        if (isPineconeNotFound(response))
            return 'already gone';
        if (response.status === 403 && /deletion protection/i.test(response.body))
            return 'protected';
        if (response.status === 412)
            return 'busy';
        throw this.error(response, what);
    }
    async list(path, field, what) {
        const list = (await this.json(path, what))[field];
        if (!Array.isArray(list))
            throw this.shapeError(what, field);
        return list;
    }
    async json(path, what) {
        const response = await this.send({ what, method: 'GET', url: this.url(path) });
        if (!isSuccess(response))
            throw this.error(response, what);
        const body = parseBody(response);
        if (!body)
            throw this.shapeError(what, 'JSON');
        return body;
    }
    send(call) {
        const headers = {
            'Api-Key': this.projectKey,
            Accept: 'application/json',
            'X-Pinecone-Api-Version': this.apiVersion,
        };
        if (call.body !== undefined)
            headers['Content-Type'] = 'application/json';
        return this.requester.send({ ...call, headers });
    }
    url(path) {
        return this.apiUrl.replace(/\/+$/, '') + path;
    }
    error(response, what) {
        const status = describeStatus(response.status);
        if (response.status === 401 || response.status === 403)
            return new ActionError(`Pinecone's control plane refused to ${what} (${status}): the cleanup key needs the ControlPlaneEditor role in the project.`);
        return new ActionError(`Pinecone's control plane answered ${status} when asked to ${what}, also after retries. Try again later.`);
    }
    shapeError(what, field) {
        return new ActionError(`Pinecone's answer to "${what}" has no ${field}; check the api-url and api-version inputs.`);
    }
}
function names(list) {
    return list.flatMap((item) => {
        const name = item.name;
        return typeof name === 'string' ? [name] : [];
    });
}

;// CONCATENATED MODULE: ./src/base/pool.ts
// Runs `work` over `items` with at most `limit` in flight. Every item is tried; failures are collected, not thrown,
// so one stubborn key does not stop a sweep.
async function forEachBounded(items, limit, work) {
    const failures = [];
    let next = 0;
    const lane = async () => {
        while (next < items.length) {
            const item = items[next++];
            try {
                await work(item);
            }
            catch (error) {
                failures.push({ item, error });
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
    return failures;
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
class LoginCache {
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
class Login {
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

;// CONCATENATED MODULE: ./src/api/pinecone/admin-api.ts
// The one module that knows Pinecone's Admin API: paths, headers, shapes, quirks, and what its errors mean for
// the user. Quirks (docs/PINECONE.md): create answers 200 (spec: 201), delete 202, deleting
// a missing key may answer 500, names are not unique, tokens expire and are never refreshed.
// What its errors mean for the user is in admin-errors.ts; its login (OAuth client credentials) is login.ts.








class AdminApi {
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

;// CONCATENATED MODULE: ./src/api/pinecone/clock.ts
// Time as Pinecone's servers see it. Key names carry an expiry that other runners compare with their clocks; a
// runner whose clock is an hour off would write names that already look expired, or call live keys expired. The
// `Date` header of every answer tells the server's time to the second, so the action follows it.
/** Offsets below this are the header's own rounding and the network's delay, not a skewed clock. */
const NOISE_MS = 2_000;
class ServerClock {
    localNow;
    offsetMs = 0;
    constructor(localNow) {
        this.localNow = localNow;
    }
    /** Reads the `Date` header of an answer (seconds resolution: its second has begun, so take its middle). */
    observe(headers) {
        const header = headers['date'];
        const date = Date.parse(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''));
        if (Number.isNaN(date))
            return;
        const offset = date + 500 - this.localNow();
        this.offsetMs = Math.abs(offset) < NOISE_MS ? 0 : offset;
    }
    now = () => this.localNow() + this.offsetMs;
    /** How far this runner's clock is off the server's (positive: the runner is slow). */
    get skewMs() {
        return this.offsetMs;
    }
}

;// CONCATENATED MODULE: ./src/api/github/github-errors.ts
// What GitHub's error answers mean, for every client of its REST API here (the action's look-ups, the broker's
// App): its own errors are JSON with a `message` (a proxy's or a wrong base URL's 404 is not), and a rate limit is
// a 403 or 429 with `x-ratelimit-remaining: 0` (until `x-ratelimit-reset`) or with `retry-after`.

/** GitHub's error shape, in an answer's parsed body: an object with a `message`. */
function isGitHubError(body) {
    return typeof body?.['message'] === 'string';
}
/**
 * How long GitHub asks to be left alone, in ms from `now`, when the answer is a rate limit it announces; `undefined`
 * otherwise. A limit that says no time (a reset or retry-after that is not a number) is a minute, as GitHub asks.
 */
function rateLimitWaitMs(status, headers, now) {
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



class GitHubApi {
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
            throw new CancelledError();
    }
    function outOfBudget(call, last) {
        const service = call.service ?? 'Pinecone';
        const answered = last ? ` (last attempt: ${last})` : '';
        return new ActionError(`Ran out of time (${deps.budget}) trying to ${call.what}: ${service} did not answer in time${answered}. Try again, or raise the budget.`);
    }
    /** Resolves with the last answer (any status); throws only when no answer can be had. */
    async function send(call) {
        let last;
        for (let attempt = 1;; attempt++) {
            if (deps.signal.aborted)
                throw new CancelledError();
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
                    throw new OutcomeUnknownError(error.message);
                if (error.final || attempt >= MAX_ATTEMPTS || remaining() <= 0) {
                    if (remaining() <= 0)
                        throw outOfBudget(call, last);
                    throw new ActionError(`Could not reach ${call.service ?? 'Pinecone'} to ${call.what} (${error.message} after ${attempt} attempt${attempt === 1 ? '' : 's'}). Check the URL inputs and proxy settings, or try again later.`);
                }
                await wait(backoffMs(attempt, deps.random), call, last);
                continue;
            }
            deps.onAnswer?.(response);
            last = describeStatus(response.status);
            deps.debug(`${call.method} ${new URL(call.url).pathname} → ${response.status} (attempt ${attempt})`);
            if (!isTransientStatus(response.status) || (call.own5xx && response.status >= 500))
                return response;
            // A 5xx to a create may come after the key was made; only 429 says for sure that nothing happened.
            if (call.once && response.status !== 429)
                throw new OutcomeUnknownError(last);
            // Honour Retry-After, but never come back sooner than our own backoff (Retry-After: 0 is no invitation to hammer).
            const delay = Math.max(retryAfterMs(response.headers['retry-after'], deps.now()) ?? 0, backoffMs(attempt, deps.random));
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
        budget: `timeout: ${formatDuration(budgetMs)}`,
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

;// CONCATENATED MODULE: ./src/projects/empty.ts






/** The control plane of one project, with a key of that project (masked already), inside what is left of a budget. */
function openControlPlane(deps, core, connection, budgetMs, projectKey) {
    return new ControlPlane(connection.apiUrl, connection.apiVersion, projectKey, openRequester(deps, core, budgetMs));
}
/** What a step needs to delete throwaway projects until `deadline`; the cleanup key's value is masked first. */
function projectCleanup(deps, core, secrets, session) {
    const { api, connection, deadline } = session;
    // Named by the name module, so that a sweep recognises it if its project outlives this step.
    const expiresAt = expiryAfter(api.clock.now(), deadline - deps.now());
    const nonce = newNonce((max) => Math.floor(deps.random() * max));
    return {
        api,
        controlPlane: (key) => openControlPlane(deps, core, connection, deadline - deps.now(), secrets.add(key)),
        log: core,
        now: deps.now,
        sleep: (ms) => deps.sleep(ms, deps.signal),
        deadline,
        cleanupKeyName: buildKeyName('gha-cleanup', { kind: 'job', run: session.run }, expiresAt, nonce),
    };
}
/**
 * `revokeFirst`: the job's key, deleted before anything else when the project is not empty, so that nothing the
 * job left running can make more while the project is being emptied.
 */
async function deleteThrowawayProject(cleanup, project, revokeFirst) {
    const { api, log } = cleanup;
    const first = await api.deleteProject(project.id); // a project the job left empty goes at once, keys and all
    if (first !== 'not empty')
        return first;
    log.info(`Project ${project.name} (${project.id}) still holds resources: deleting them first.`);
    try {
        return await emptyAndDelete(cleanup, project, revokeFirst);
    }
    catch (error) {
        if (!(error instanceof ActionError) || error instanceof CancelledError)
            throw error;
        // Another sweep may have emptied and deleted it meanwhile, the cleanup key with it: then it is gone, not failed.
        const again = await api.deleteProject(project.id).catch(() => 'not empty');
        if (again === 'not empty')
            throw error;
        return again;
    }
}
async function emptyAndDelete(cleanup, project, revokeFirst) {
    const { api, log } = cleanup;
    // The job's key goes while the cleanup key is being made: both before anything in the project is touched.
    const [key] = await Promise.all([
        cleanupKey(api, project.id, cleanup.cleanupKeyName),
        revokeFirst && api.deleteKey(revokeFirst.id).then(() => log.info(`Deleted API key ${revokeFirst.name} first.`)),
    ]);
    const controlPlane = cleanup.controlPlane(key);
    const pause = async (wait, left) => {
        if (cleanup.now() + projectEmptyPollMs(wait) >= cleanup.deadline) {
            throw new ActionError(`Project ${project.name} (${project.id}) still holds ${describe(left) || 'resources Pinecone has not released yet'} and could not be deleted in time.`);
        }
        await cleanup.sleep(projectEmptyPollMs(wait));
    };
    for (let round = 1;; round++) {
        const left = await deleteContents(controlPlane, log);
        if (left.refused === 0) {
            // Deleted indexes stay listed while Terminating: only the index list is watched until they are gone.
            for (let wait = 1; left.indexes > 0; wait++) {
                await pause(wait, left);
                if (!(await controlPlane.listIndexes()).some((index) => index.terminating))
                    break;
            }
            const result = await api.deleteProject(project.id);
            if (result !== 'not empty')
                return result;
        }
        await pause(round, left);
    }
}
const describe = (left) => [
    left.indexes ? `${left.indexes} index(es) being deleted` : '',
    left.refused ? `${left.refused} refusing deletion` : '',
]
    .filter(Boolean)
    .join(' and ');
/** A key for the cleanup; a create whose answer was lost is simply tried again (the project takes its keys along). */
async function cleanupKey(api, projectId, name) {
    for (let attempt = 1;; attempt++) {
        try {
            return (await api.createKey(projectId, name, ['ControlPlaneEditor'])).value;
        }
        catch (error) {
            if (!(error instanceof OutcomeUnknownError) || attempt >= CREATE_TRIES)
                throw error;
        }
    }
}
/** One pass over the project's contents: deletes all it can, and says what is left. */
async function deleteContents(controlPlane, log) {
    const [indexes, collections, backups, assistants] = await Promise.all([
        controlPlane.listIndexes(),
        controlPlane.listCollections(),
        controlPlane.listBackups(),
        controlPlane.listAssistants(),
    ]);
    const results = [];
    const each = async (items, remove, what) => {
        const failures = await forEachBounded(items, DELETE_CONCURRENCY, async (item) => {
            const result = await remove(item);
            results.push(result);
            if (result === 'deleted')
                log.info(`Deleted ${what(item)}.`);
        });
        if (failures.length > 0)
            throw failures[0].error;
    };
    // Each kind in parallel: Pinecone orders none of these deletes (a refusal is read and tried again next round).
    await Promise.all([
        each(indexes.filter((index) => !index.terminating), async (index) => {
            if (index.deletionProtection)
                await controlPlane.disableDeletionProtection(index.name);
            return controlPlane.deleteIndex(index.name);
        }, (index) => `index ${index.name}`),
        each(collections, (name) => controlPlane.deleteCollection(name), (name) => `collection ${name}`),
        each(backups, (id) => controlPlane.deleteBackup(id), (id) => `backup ${id}`),
        each(assistants, (name) => controlPlane.deleteAssistant(name), (name) => `assistant ${name}`),
    ]);
    const refused = results.filter((result) => result === 'busy' || result === 'protected').length;
    return { indexes: indexes.length, refused };
}

;// CONCATENATED MODULE: ./src/kinds/project.ts
// The throwaway project (new-project: true): made in the organization, emptied and deleted with everything in it,
// its keys along with it. Only a name whose tag this service account's secret reproduces is ever ours; an
// organization at its project limit refuses creates.





function projectKind(api, log, tag, cleanup, list) {
    const parse = (name) => parseProjectName(name, tag());
    /** Named like a throwaway project, but not tagged by this service account: never touched, named in the summary. */
    const lookAlikes = (projects) => projects.filter((p) => lookAlike(p.name) && !parse(p.name)).map((p) => p.name);
    return {
        name: 'project',
        noun: 'project',
        parse,
        ours: parse,
        holds: ['key'],
        list: list ?? (() => api().listProjects()),
        remove: (project) => deleteThrowawayProject(cleanup(), project),
        deleteOwn: async (project, inside) => {
            const ownKey = inside[0];
            log.info(`Deleting throwaway project ${project.name} (${project.id}) with everything in it.`);
            const result = await deleteThrowawayProject(cleanup(), project, ownKey);
            log.info(result === 'deleted'
                ? `Deleted project ${project.name}${ownKey ? ` and API key ${ownKey.name} in it` : ''}.`
                : `Project ${project.name} was already gone.`);
        },
        kept: (project, _fate, inside) => {
            const kept = `Keeping throwaway project ${project.name} (${project.id}) and API key ${inside[0]?.name ?? '(none)'}`;
            const pullRequest = parse(project.name)?.pullRequest;
            return pullRequest
                ? `${kept} for pull request #${pullRequest} (lifetime: pull-request): the run that closes it deletes the project.`
                : `${kept}: cleanup is false, so a sweep deletes the project once it has expired.`;
        },
        notDeleted: (project, message) => `Could not delete throwaway project ${project.name} (${project.id}), which holds the job's key: ${message} Delete the project in the Pinecone console, or run the sweep sub-action, which empties and deletes expired throwaway projects.`,
        room: {
            isFull: (error) => error instanceof ProjectLimitError,
            withoutSweep: (error) => `${error.message} With sweep-expired: true (the default) this action first deletes its own expired throwaway projects.`,
            making: (count) => `The organization is at its project limit: deleting ${count} expired throwaway project(s) this action made, then trying again.`,
            noneExpired: (error) => new ActionError(`${error.message} None of them is an expired throwaway project of this service account.`),
            spared: (error, count) => new ActionError(`${error.message} The ${count} expired throwaway project(s) of this service account belong to runs still going, whose post steps delete them.`),
            stillFull: (error) => Promise.resolve(error),
        },
        sweep: {
            needsProject: false,
            // A service account that sees only its projects' keys may not list the organization's projects.
            refused: (message) => `Could not list the organization's projects (${message}): throwaway projects were not swept this time.`,
            outputs: { deleted: 'deleted-projects', ids: 'deleted-project-ids', remaining: 'remaining-projects' },
            census: (projects, plan, going) => {
                const others = lookAlikes(projects).length;
                return `The organization has ${projects.length} project(s): ${plan.verdicts.length} throwaway project(s) this service account made, ${projects.length - plan.verdicts.length} not (never touched${others ? `, ${others} of them named like throwaway projects but not tagged by this service account` : ''}). ${going}.`;
            },
            summary: (projects, plan, deleted) => {
                const others = lookAlikes(projects);
                return {
                    heading: '#### Throwaway projects',
                    lead: `${deleted} deleted; ${plan.verdicts.length - deleted} throwaway project(s) of this service account left; ${plan.foreign} other project(s), never touched.` +
                        (others.length
                            ? ` Named like throwaway projects but not tagged by this service account, so never touched: ${others.map((name) => text_markdownCode(name)).join(', ')}.`
                            : ''),
                    column: 'Project',
                };
            },
        },
    };
}

;// CONCATENATED MODULE: ./src/kinds/kinds.ts



function kindsFor(context) {
    const { api, log } = context;
    let tag;
    // Derived from the client secret on first use: a step that reads no project name needs no HKDF.
    const tagOnce = () => (tag ??= nameTagFor(context.clientSecret));
    let cleanup;
    // One cleanup (one cleanup key's name) for every project this step deletes, made when the first is.
    const cleanupOnce = () => (cleanup ??= context.cleanup());
    let keyTag;
    const key = keyKind(api, log, context.projectId, () => (keyTag ??= nameTagFor(context.clientSecret, 'keyName')));
    const project = projectKind(api, log, tagOnce, cleanupOnce, context.listProjects);
    return { key, project, all: [key, project] };
}

;// CONCATENATED MODULE: ./src/kinds/make-room.ts
// A create that finds no room (a project full of keys, an organization at its project limit) would keep failing
// while expired things of this action hold the room: with sweep-expired, delete those now and try once more.
// Without it, every job would fail before it made anything, so no post step would ever clean up.





async function createMakingRoom(create, kind, room) {
    try {
        return await create();
    }
    catch (error) {
        if (!kind.room.isFull(error))
            throw error;
        if (!room.sweepExpired)
            throw new ActionError(kind.room.withoutSweep(error));
        const listed = await kind.list();
        const candidates = listed.flatMap((item) => {
            const parsed = kind.parse(item.name);
            if (!parsed || !isExpired(parsed, room.now()))
                return [];
            const runId = liveness_askableRun(parsed, room.here);
            return [{ id: item.id, name: item.name, why: 'expired', ...(runId ? { runId } : {}) }];
        });
        if (candidates.length === 0)
            throw kind.room.noneExpired(error, listed, room.now());
        const { retire: expired, spared } = await room.judge(candidates, kind);
        if (expired.length === 0)
            throw kind.room.spared(error, spared.length);
        room.log.info(kind.room.making(expired.length));
        const failures = await forEachBounded(expired, DELETE_CONCURRENCY, async (item) => {
            await kind.remove(item);
            room.log.info(`Deleted expired ${kind.noun} ${item.name} (${item.id}).`);
        });
        if (failures.length === expired.length)
            throw failures[0].error;
        try {
            return await create();
        }
        catch (again) {
            if (kind.room.isFull(again))
                throw await kind.room.stillFull(again, room.now());
            throw again;
        }
    }
}

;// CONCATENATED MODULE: ./src/journal/create-once.ts
// A create that is not idempotent (a key, a project), sent so that a lost answer never leaves two things or one
// behind: every name is in the journal before it is sent, a lost answer is looked into (`recover`), and the create
// is sent again under a fresh name, at most CREATE_TRIES times.


async function createOnce(create) {
    const { events, log } = create;
    let lost = '';
    for (let attempt = 1; attempt <= CREATE_TRIES; attempt++) {
        const name = create.nextName();
        events.sending(name);
        log.info(create.announce(name));
        try {
            const made = await create.send(name);
            events.made(create.idOf(made), name);
            return { made, name };
        }
        catch (error) {
            if (!(error instanceof OutcomeUnknownError)) {
                events.noneMade(name);
                throw error;
            }
            lost = error.message;
            log.warning(`The answer to the create request was lost (${error.message}); checking whether the ${create.short} was made.`);
            const found = await create.recover(name);
            if (found !== undefined) {
                events.made(create.idOf(found), name);
                return { made: found, name };
            }
            events.lost();
        }
    }
    throw new ActionError(`Could not create the ${create.thing}: Pinecone's answer was lost ${CREATE_TRIES} times (last: ${lost}). Try again later.`);
}

;// CONCATENATED MODULE: ./src/projects/create.ts


async function createProjectExactlyOnce(api, journal, log, random, request) {
    const { made, name } = await createOnce({
        thing: 'project',
        short: 'project',
        events: journal.creates('project'),
        log,
        nextName: () => {
            const nonce = newNonce((max) => Math.floor(random() * max));
            return buildProjectName(request.base, request.owner, request.expiresAt, nonce, request.tag);
        },
        // Not the whole name before it is made: one who watches the live log and makes a project of that name first
        // would have it adopted after a lost answer. Its nonce and tag are shown once it exists.
        announce: (name) => `Creating project ${name.replace(/-[a-z0-9]{6}-[a-z0-9]{8}$/, '-…')} (expires ${request.expiresAt.toISOString()}).`,
        send: async (name) => {
            const project = await api.createProject(name);
            log.info(`Created project ${name} (${project.id}).`);
            return project;
        },
        idOf: (project) => project.id,
        recover: async (name) => {
            const found = (await api.listProjects()).find((project) => project.name === name);
            if (found)
                log.info(`Project ${name} (${found.id}) was made: using it.`);
            return found;
        },
    });
    return { id: made.id, name };
}

;// CONCATENATED MODULE: ./src/projects/resolve.ts

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
async function resolveProject(api, project, log, listing) {
    if (UUID.test(project))
        return { id: project };
    const projects = await (listing ?? api.listProjects());
    const matches = projects.filter((candidate) => candidate.name === project);
    const known = (list) => list.map((p) => `"${p.name}" (${p.id})`).join(', ') || 'none';
    if (matches.length === 1) {
        log.info(`Project "${project}" is ${matches[0].id}.`);
        return matches[0];
    }
    if (matches.length === 0) {
        throw new ActionError(`No project named "${project}" is visible to the service account. Projects it can see: ${known(projects)}. Give the project's exact name or its ID.`);
    }
    throw new ActionError(`Several projects are named "${project}": ${known(matches)}. Give the project ID instead.`);
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
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
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
async function runLive(step, options) {
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
    throw new ActionError(`Missing ${what.noun}: ${credentials.missing}. ${what.fix}; for pull requests from forks, which get no secrets, set on-missing-credentials: skip.`);
}
const PINECONE_CREDENTIALS = {
    noun: 'Pinecone credentials',
    fix: "Pass the service account's secrets as inputs",
};
/** One line for errors the user can act on; anything else is a bug: say so, stack only in debug. */
function reportFailure(core, error, report = core.setFailed) {
    if (error instanceof ActionError) {
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
            if (error instanceof CancelledError && error.known)
                return report(error.message);
            if (error instanceof CancelledError || deps.signal.aborted)
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
    return { runWith, run: () => runLive(runWith, { cancel: spec.words.cancel }) };
}
/** One entry, two steps: `pick` chooses by the step's inputs (broker mode or direct) before either starts. */
function chooseStep(pick, cancel) {
    const runWith = (deps) => pick(deps)(deps);
    return { runWith, run: () => runLive(runWith, { cancel }) };
}

;// CONCATENATED MODULE: ./src/api/broker-api.ts
// The one module that knows the keyless broker's HTTP API (src/broker/server.ts): a token exchange (RFC 8693) that
// trades the job's OIDC token for a key, and a revoke. A mint is not idempotent: an answer that may have been
// lost throws OutcomeUnknownError, and the caller revokes by the name's nonce before it asks again.



const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ID_TOKEN = 'urn:ietf:params:oauth:token-type:id_token';
const API_KEY = 'urn:pinecone:params:oauth:token-type:api-key';
class BrokerApi {
    url;
    requester;
    secrets;
    constructor(url, requester, secrets) {
        this.url = url;
        this.requester = requester;
        this.secrets = secrets;
    }
    async mint(subjectToken, ask) {
        const form = new URLSearchParams({
            grant_type: TOKEN_EXCHANGE,
            subject_token: subjectToken,
            subject_token_type: ID_TOKEN,
            requested_token_type: API_KEY,
            scope: ask.roles.join(' '),
            ttl: ask.ttl,
            name: ask.name,
            job: ask.job,
            nonce: ask.nonce,
            cleanup: String(ask.cleanup),
            budget_ms: this.budget(),
            ...(ask.project ? { project: ask.project } : {}),
        });
        const response = await this.post('/token', form, 'get an API key from the broker', true);
        const body = parseBody(response);
        const value = body?.['access_token'];
        if (isSuccess(response) && typeof value === 'string' && value !== '')
            this.secrets.add(value);
        if (!isSuccess(response)) {
            // The broker's own refusal (policy, token, Pinecone's answer) is definite; anything else may have made a key.
            if (response.status < 500 || (response.status !== 503 && typeof body?.['error'] === 'string'))
                throw this.refused(response, 'gave no key');
            throw new OutcomeUnknownError(this.description(response));
        }
        const text = (name) => (typeof body?.[name] === 'string' ? body[name] : '');
        if (typeof value !== 'string' || !value || !text('key_id') || !text('key_name') || !text('project_id'))
            throw new OutcomeUnknownError(`the broker answered ${describeStatus(response.status)} in an unexpected shape`);
        return {
            value,
            ticket: text('revoke_ticket'),
            id: text('key_id'),
            name: text('key_name'),
            projectId: text('project_id'),
            projectName: text('project_name') || undefined,
            roles: text('scope').split(' ').filter(Boolean),
            expiresAt: text('expires_at'),
        };
    }
    /** Deletes this run's keys by ID or by nonce; IDs already gone count as deleted. */
    async revoke(subjectToken, ask) {
        const form = new URLSearchParams({ subject_token: subjectToken });
        form.append('budget_ms', this.budget());
        if (ask.ticket)
            form.append('ticket', ask.ticket);
        for (const id of ask.keyIds)
            form.append('key_id', id);
        for (const nonce of ask.nonces)
            form.append('nonce', nonce);
        const response = await this.post('/revoke', form, 'delete the key through the broker', false);
        if (!isSuccess(response))
            throw this.refused(response, 'deleted nothing');
        const body = parseBody(response);
        const ids = (name) => Array.isArray(body?.[name]) ? body[name].filter((id) => typeof id === 'string') : [];
        return { deleted: ids('deleted'), gone: ids('gone'), refused: ids('refused') };
    }
    /** What is left of the step's budget, less a margin: the broker gives up (and we may ask again) before we do. */
    budget() {
        return String(Math.max(0, Math.floor(this.requester.remaining() - BROKER_ANSWER_MARGIN_MS)));
    }
    post(path, form, what, once) {
        return this.requester.send({
            what,
            service: 'the broker',
            method: 'POST',
            url: `${this.url}${path}`,
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
            body: form.toString(),
            once,
            own5xx: once,
        });
    }
    refused(response, outcome) {
        return new ActionError(`The broker ${outcome}: ${this.description(response)}`);
    }
    /** The broker's one line, or the status and the start of whatever answered instead (a proxy's page). */
    description(response) {
        const line = parseBody(response)?.['error_description'];
        if (typeof line === 'string' && line !== '')
            return this.secrets.redact(line);
        const excerpt = this.secrets.redact(response.body.replace(/\s+/g, ' ').slice(0, 120));
        return `${describeStatus(response.status)}${excerpt ? `: ${excerpt}` : ''}; check the broker-url input.`;
    }
}

;// CONCATENATED MODULE: ./src/api/github/github-oidc.ts
// The runner's OIDC token service, spoken as core.getIDToken speaks it (ACTIONS_ID_TOKEN_REQUEST_URL with
// `audience` in the query, the request token as a bearer, `{"value": jwt}` back), but through the step's own
// requester: inside its time budget, cancellable, retried like any read, and counted with the other round trips.


/** A fresh OIDC token of this job for `audience`, masked before anything else sees it. */
async function requestIdToken(requester, source, audience, secrets) {
    const bearer = secrets.add(source.idTokenRequestToken);
    const url = `${source.idTokenUrl}&audience=${encodeURIComponent(audience)}`;
    const response = await requester.send({
        what: 'get an OIDC token for the broker',
        service: 'GitHub',
        method: 'GET',
        url: source.idTokenUrl.includes('?') ? url : url.replace('&', '?'),
        headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' },
    });
    const value = parseBody(response)?.['value'];
    if (response.status === 200 && typeof value === 'string' && value !== '')
        return secrets.add(value);
    throw new ActionError(`GitHub did not give this job an OIDC token (${describeStatus(response.status)}): the job needs permissions: id-token: write.`);
}

;// CONCATENATED MODULE: ./src/keys/outputs.ts
function handOver(core, key, exportEnv, said) {
    core.setOutput('api-key', key.value);
    describeKey(core, key);
    if (exportEnv)
        core.exportVariable(exportEnv, key.value);
    const where = exportEnv ? `output api-key and env ${exportEnv}` : 'output api-key';
    core.info(`${said.how} API key ${key.name} (${key.id}); its value is masked and available as ${where}. ${said.fate}`);
}
/** A key renewed in place (renew: true): everything but its value, which Pinecone shows only when a key is made. */
function handOverRenewed(core, key, exportEnv, fate) {
    describeKey(core, key);
    const not = exportEnv ? `output api-key and env ${exportEnv} are not set` : 'output api-key is not set';
    core.info(`Renewed API key ${key.name} (${key.id}) in place until ${key.expiresAt}: it keeps its value, which Pinecone shows only when a key is made, so ${not}; whatever holds the value goes on working. ${fate}`);
}
function describeKey(core, key) {
    core.setOutput('key-id', key.id);
    core.setOutput('key-name', key.name);
    core.setOutput('project-id', key.projectId);
    core.setOutput('roles', key.roles.join(','));
    core.setOutput('expires-at', key.expiresAt);
    core.setOutput('skipped', 'false');
}

;// CONCATENATED MODULE: ./src/steps/keyless/words.ts
/** Broker mode's credential is the job's right to an OIDC token. */
const OIDC_PERMISSION = {
    noun: 'permission to ask GitHub for an OIDC token',
    fix: 'Add permissions: id-token: write to the job (or the workflow); the broker trades that token for the key',
};

;// CONCATENATED MODULE: ./src/steps/common/summary.ts
// Job summaries: what a person needs to find a key again, never its secret. Every piece of outside text (names
// from the API, project names) is escaped: a summary renders markdown and HTML.

function renderKeySummary(key) {
    const project = key.projectName
        ? `${text_markdownText(key.projectName)} (${text_markdownCode(key.projectId)})`
        : text_markdownCode(key.projectId);
    return [
        '### Pinecone API key',
        '',
        '| | |',
        '|---|---|',
        `| Name | ${text_markdownCode(key.name)} |`,
        `| ID | ${text_markdownCode(key.id)} |`,
        `| Project | ${project} |`,
        `| Roles | ${key.roles.join(', ')} |`,
        `| Expires | ${key.expiresAt} |`,
        '',
        key.fate,
        '',
    ].join('\n');
}
function renderSweepSummary(report) {
    const lines = [`### Pinecone key sweep${report.dryRun ? ' (dry run)' : ''}`, ''];
    for (const { heading, lead, column, plan, deleted } of report.sections) {
        lines.push(...(heading ? [heading, ''] : []), lead, '', ...table(column, plan, deleted, report.dryRun));
    }
    return lines.join('\n');
}
function table(what, plan, deleted, dryRun) {
    const rows = plan.verdicts.map((v) => {
        const action = deleted.has(v.item.id)
            ? 'deleted'
            : v.remove
                ? dryRun
                    ? 'would delete'
                    : 'not deleted (error)'
                : 'kept';
        const cells = [markdownCode(v.item.name ?? ''), markdownCode(v.item.id), v.parsed.expiresAt.toISOString(), action];
        return `| ${cells.join(' | ')} | ${markdownText(v.why)} |`;
    });
    return rows.length ? [`| ${what} | ID | Expires | Action | Why |`, '|---|---|---|---|---|', ...rows, ''] : [];
}

;// CONCATENATED MODULE: ./src/steps/keyless/main.ts
// Main in broker mode (keyless): a fresh OIDC token from GitHub, traded at the organization's broker for a key
// within its policy. The job holds no Pinecone credential; each mint's nonce is in the journal before the request
// leaves, so post can revoke by it if the answer never came, and a lost answer is revoked before asking again.














const brokerMainStep = defineStep({
    words: {
        skipped: 'no key was created',
        cancelled: 'The step was cancelled before the key was handed over; the post step asks the broker to delete anything it made.',
        credentials: OIDC_PERMISSION,
    },
    credentials: readBrokerCredentials,
    // main.ts saved an empty record of this step's own before anything was read (journal/mode.ts).
    begin: (core, _account, env) => {
        if (env['PINECONE_CLIENT_SECRET'])
            core.warning("This job's environment holds PINECONE_CLIENT_SECRET, which broker mode does not use: with a broker no job needs the service account's secret. Remove it from the job's env (and the workflow's).");
    },
    read: (input) => readBrokerMainInputs(input),
    run: async ({ deps, core, secrets, account, inputs }) => {
        const requester = openRequester(deps, core, inputs.timeoutMs);
        const broker = new BrokerApi(account.brokerUrl, requester, secrets);
        const journal = new BrokerJournal(core, savedInputs(core.getInput, BROKER_POST_READS));
        const ttl = formatDuration(inputs.ttlMs);
        core.info(`Asking GitHub for this job's OIDC token (audience ${account.audience}) to trade at the broker ${account.brokerUrl}.`);
        deps.preconnect.open(account.brokerUrl, 1); // its handshake while GitHub answers
        const subject = await requestIdToken(requester, account, account.audience, secrets);
        const ask = {
            roles: inputs.roles,
            ttl,
            project: inputs.project,
            name: inputs.nameTemplate,
            job: deps.env['GITHUB_JOB'] ?? '',
            cleanup: inputs.cleanup,
        };
        const { made: key } = await createOnce({
            thing: 'API key',
            short: 'key',
            events: journal.mints(),
            log: core,
            nextName: () => newNonce((max) => Math.floor(deps.random() * max)),
            announce: (nonce) => `Asking the broker for an API key with roles ${inputs.roles.join(', ')} for ${ttl} (nonce ${nonce}).`,
            send: (nonce) => broker.mint(subject, { ...ask, nonce }),
            idOf: (made) => made.id,
            recover: async (nonce) => {
                await broker.revoke(subject, { keyIds: [], nonces: [nonce] });
                return undefined;
            },
        });
        journal.named(key.name, key.ticket);
        if (deps.signal.aborted)
            throw new CancelledError(`The step was cancelled; the post step asks the broker to delete key ${key.name} (${key.id}).`);
        const fate = inputs.cleanup
            ? {
                log: 'The post step asks the broker to delete it when the job ends.',
                summary: 'The post step asks the broker to delete this key when the job ends.',
            }
            : {
                log: `It is kept after the job (cleanup: false) until the broker's sweep deletes it after ${key.expiresAt}.`,
                summary: "This key is kept after the job (`cleanup: false`): the broker's sweep deletes it once it has expired.",
            };
        const { ticket: _ticket, ...handed } = key;
        handOver(core, handed, inputs.exportEnv, { how: 'Got', fate: fate.log });
        if (key.projectName)
            core.setOutput('project-name', key.projectName);
        core.setOutput('renewed', 'false');
        const { value: _, ...shown } = handed;
        await deps.writeSummary(renderKeySummary({ ...shown, fate: fate.summary }));
    },
});
const runBrokerMain = brokerMainStep.runWith;

;// CONCATENATED MODULE: ./src/steps/direct/fates.ts
function fateOf(kind, inThrowawayProject) {
    return inThrowawayProject ? PROJECT_FATE[kind === 'job' || kind === 'pr' ? kind : 'kept'] : FATE[kind];
}
const FATE = {
    job: {
        log: () => 'The post step deletes it when the job ends.',
        summary: 'The post step deletes this key when the job ends.',
    },
    kept: {
        log: (expiresAt) => `It is kept after the job (cleanup: false) until a sweep deletes it after ${expiresAt}.`,
        summary: 'This key is kept after the job (`cleanup: false`): a sweep deletes it once it has expired.',
    },
    pr: {
        log: (expiresAt) => `It lives as long as its pull request (lifetime: pull-request): later pushes renew it in place (or replace it, with replace: true); the post step of the run that closes the pull request deletes it (a sweep, after ${expiresAt} at the latest).`,
        summary: 'This key lives as long as its **pull request** (`lifetime: pull-request`): later pushes renew it in place (or replace it, with `replace: true`), and the post step of the run that closes the pull request deletes it.',
    },
    shared: {
        log: () => 'It is shared with the workflow run (share: true): output handoff carries it, encrypted, to other jobs; the revoke job deletes it, or a sweep once it has expired.',
        summary: 'This key is **shared with the workflow run** (`share: true`): other jobs get it from the `handoff` output with the `use` sub-action; the `revoke` job deletes it, or a sweep once it has expired.',
    },
};
/** A key in a throwaway project ends with its project. */
const PROJECT_FATE = {
    pr: {
        log: () => 'It lives with its throwaway project as long as its pull request (lifetime: pull-request): the next push replaces the project, and the post step of the run that closes the pull request deletes it.',
        summary: 'This key lives in a **throwaway project** kept as long as its pull request (`lifetime: pull-request`): the next push replaces it, and the run that closes the pull request deletes it, with everything in it.',
    },
    job: {
        log: () => 'The post step deletes it with its throwaway project, and everything in the project, when the job ends.',
        summary: 'This key lives in a **throwaway project** (`new-project: true`): the post step deletes the project, with every index, collection, backup and assistant in it, when the job ends.',
    },
    kept: {
        log: (expiresAt) => `It is kept with its throwaway project after the job (cleanup: false) until a sweep deletes the project after ${expiresAt}.`,
        summary: 'This key lives in a **throwaway project** kept after the job (`cleanup: false`): a sweep deletes the project, with everything in it, once it has expired.',
    },
};
/** A kept key renewed in place (renew: true): it keeps its value. */
const RENEWED = {
    log: (expiresAt) => `A sweep deletes it once it has expired (${expiresAt}), unless it is renewed again.`,
    summary: 'This key was **renewed in place** (`renew: true`): it keeps the value it was made with, and a sweep deletes it once it has expired.',
};

;// CONCATENATED MODULE: ./src/inputs/run-context.ts
// The workflow run this step belongs to, read from the runner's variables and the event file: the values a
// key-name template can use, and the run that the key's name records. Read directly (a few lines) rather than
// through @actions/github, whose entry point also loads Octokit (~220 KiB, ~8 ms at every start).



function readRunContext(env, readFile = (path) => (0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8')) {
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
    throw new errors_InputError(`${why}: GITHUB_REPOSITORY_ID and GITHUB_RUN_ID, which the runner sets, are missing.`);
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

;// CONCATENATED MODULE: ./src/steps/common/ask-github.ts



const WHY = {
    'no token': 'No github-token: whether the runs that made keys are over is not asked; keys are judged by their expiry.',
    'no permission': "GitHub did not let this job read workflow runs: add `permissions: actions: read` to the workflow or the job, and `pull-requests: read` for keys with lifetime: pull-request (the github-token input is the job's GITHUB_TOKEN by default). Keys are judged by their expiry this time.",
    'rate-limited': "GitHub's rate limit for this token is used up: stopped asking whether runs are over; keys are judged by their expiry this time.",
    blind: "GitHub answered 404 for a run of this repository but does not show this step's own run either: the token cannot see the repository (a private one needs permissions: actions: read), or GITHUB_API_URL points elsewhere. A 404 from there proves nothing, so keys are judged by their expiry this time.",
};
async function askGitHub(github, runIds, core) {
    const lookups = new Map();
    if (runIds.length === 0)
        return lookups;
    if (!github)
        return undefined;
    await forEachBounded(runIds, GITHUB_CONCURRENCY, async (runId) => {
        const pullRequest = pullRequestOf(runId);
        const state = await (pullRequest ? github.pullRequestState(pullRequest) : github.runState(runId));
        if (state === 'over' || state === 'alive' || state === 'unknown')
            lookups.set(runId, state);
    });
    const unavailable = github.unavailable;
    if (!unavailable)
        return lookups;
    (unavailable === 'no token' ? core.info : core.warning)(WHY[unavailable]);
    return undefined;
}
/** Who is retired and who spared among `candidates` of `kind`, by what GitHub said of their runs; one line per spared. */
function judgeByRuns(kind, candidates, lookups, now, core) {
    const judged = settle(candidates, lookups, now, kind.parse);
    for (const spared of judged.spared) {
        const what = spared.why === 'run over' ? `${kind.noun} of another run` : `expired ${kind.noun}`;
        core.info(`Kept ${what} ${spared.name} (${spared.id}): ${spared.because}.`);
    }
    return judged;
}

;// CONCATENATED MODULE: ./src/steps/direct/main-job.ts














/** Reads the run, renders the names (a template error fails before any request), logs in. */
async function begin(step) {
    const { deps, core, secrets, account, inputs } = step;
    const context = readRunContext(deps.env);
    const owner = ownerOf(inputs, context);
    if (inputs.share)
        runOf(context.run, 'share: true hands the key to the jobs of this workflow run');
    const keyBase = renderBase(inputs.nameTemplate, context.values, owner);
    const projectBase = inputs.newProject
        ? renderProjectBase(inputs.projectNameTemplate, context.values, owner)
        : undefined;
    const deadline = deps.now() + inputs.timeoutMs;
    const api = openApi(deps, core, inputs.connection, inputs.timeoutMs, secrets);
    const session = { api, connection: inputs.connection, deadline, run: context.run };
    const cleanup = () => projectCleanup(deps, core, secrets, session);
    const seal = sealFor(account.clientSecret, deps.env);
    // What post reads again, as read here: the client ID main logged in with, whether from the input or the env.
    const forPost = { ...savedInputs(core.getInput, POST_READS), 'client-id': account.clientId };
    const journalFor = (projectId) => new Journal(core, seal, projectId, inputs.cleanup, forPost);
    core.info(`Logging in to Pinecone as service account ${account.clientId}.`);
    // The create and, beside it, the look for things to retire: each gets a connection opened during the login.
    await api.login({ creates: 1, lists: inputs.sweepExpired || inputs.replace ? 1 : 0 });
    reportClockSkew(core, api);
    const expiresAt = expiryAfter(api.clock.now(), inputs.ttlMs); // on Pinecone's clock
    const fate = fateOf(owner.kind, inputs.newProject);
    const closes = inputs.lifetime === 'pull-request' && context.closesPullRequest;
    const keyTag = nameTagFor(account.clientSecret, 'keyName');
    const job = {
        run: context.run,
        owner,
        api,
        journalFor,
        cleanup,
        expiresAt,
        fate,
        keyBase,
        projectBase,
        closes,
        keyTag,
    };
    return { ...step, ...job, loggedInAt: api.clock.now() };
}
/** Whose the key is: the job's, kept, the run's (share), or its pull request's (lifetime: pull-request). */
function ownerOf(inputs, context) {
    const { run } = context;
    if (inputs.lifetime === 'pull-request') {
        const pullRequest = context.values.pr;
        runOf(run, 'lifetime: pull-request binds the key to a pull request of this repository');
        if (!pullRequest)
            throw new errors_InputError('Input "lifetime: pull-request" needs the pull request\'s number, and the event file (GITHUB_EVENT_PATH) names none: run the job on: pull_request, or set lifetime: job.');
        return { kind: 'pr', run, pullRequest };
    }
    return { kind: inputs.share ? 'shared' : inputs.cleanup ? 'job' : 'kept', run };
}
const lookingForRetirees = (job) => job.inputs.sweepExpired || job.inputs.replace;
/** Making room by the rules post and the sweep follow: GitHub is asked about the runs of the expired ones first. */
const roomFor = (job) => ({
    log: job.core,
    sweepExpired: job.inputs.sweepExpired,
    now: job.api.clock.now,
    here: { repositoryId: job.run?.repositoryId, runId: job.run?.runId, server: job.run?.server },
    judge: async (candidates, kind) => {
        const runIds = [...new Set(candidates.flatMap((candidate) => (candidate.runId ? [candidate.runId] : [])))];
        const github = runIds.length > 0 ? openGitHub(job.deps, job.inputs.githubToken, job.secrets) : undefined;
        const lookups = await askGitHub(github, runIds, job.core);
        return judgeByRuns(kind, candidates, lookups, job.api.clock.now(), job.core);
    },
});

;// CONCATENATED MODULE: ./src/steps/direct/main-close.ts




async function closePullRequest(job) {
    const { api, core, inputs } = job;
    core.setOutput('closed', 'true');
    if (job.projectBase === undefined) {
        const project = await resolveProject(api, inputs.project, core);
        core.setOutput('project-id', project.id);
        const keys = keyKind(() => api, core, () => project.id, () => job.keyTag);
        return findForPost(job, job.journalFor(project.id), keys);
    }
    const projects = kindsFor({
        api: () => api,
        log: core,
        clientSecret: job.account.clientSecret,
        projectId: () => '',
        cleanup: job.cleanup,
    }).project;
    return findForPost(job, job.journalFor(''), projects);
}
async function findForPost(job, journal, kind) {
    const number = job.owner.pullRequest;
    const here = { repositoryId: job.run?.repositoryId, runId: job.run?.runId, server: job.run?.server };
    const found = ofClosedPullRequest(await kind.list(), here, number, kind.ours);
    if (found.length === 0) {
        job.core.info(`Pull request #${number} is closed: no ${kind.noun} of it is left to delete; no key was created.`);
        return;
    }
    journal.retireLater(kind.name, found);
    job.core.info(`Pull request #${number} is closed: no key was created; the post step deletes its ${found.length} ${kind.noun}(s): ${found.map((item) => `${item.name} (${item.id})`).join(', ')}.`);
}

;// CONCATENATED MODULE: ./src/crypto/handoff.ts
// What a shared key's job hands to the other jobs of its run: one printable line, safe in a job output and in logs. The
// key's value is encrypted and authenticated with AES-256-GCM, its key derived with scrypt, then HKDF-SHA256, from the
// handoff secret (a secret of its own, never the client secret: the jobs that use the key run code we do not control,
// and must hold nothing that mints keys) and bound to the repository and the run; what the other jobs need in clear
// (key id, name, roles, expiry, the run and attempt) is authenticated as the cipher's associated data, so no field can
// be changed or swapped. The project id travels encrypted with the value: projects are often given from `secrets`, and
// the runner drops a job output in which its masker finds a secret, in clear or in an encoding it knows; the handoff
// must not depend on which encodings those are. A check value (an HMAC under the derived key) tells "another handoff
// secret" from "altered". The handoff's confidentiality rests on the handoff secret, which every job that uses the key
// holds, as it holds the key. So that holding it is not enough to name another key for revoke to delete, the handoff
// also carries a proof over the key and the run made with the client secret (`proofFor`), which revoke checks and `use`
// jobs cannot make.




const handoff_VERSION = DERIVATIONS.handoff.version;
const FIX = 'Pass needs.<job>.outputs.handoff of this run, unchanged.';
function sealHandoff(handoffSecret, key, value) {
    const { projectId, ...inClear } = key;
    const clear = Buffer.from(JSON.stringify(inClear)).toString('base64url');
    const salt = (0,external_node_crypto_namespaceObject.randomBytes)(16);
    const derived = deriveKey(handoffSecret, salt, key);
    const iv = (0,external_node_crypto_namespaceObject.randomBytes)(12);
    const cipher = (0,external_node_crypto_namespaceObject.createCipheriv)('aes-256-gcm', derived, iv);
    cipher.setAAD(Buffer.from(`${handoff_VERSION}.${clear}`));
    const secret = JSON.stringify({ value, projectId });
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return [handoff_VERSION, clear, salt, iv, checkValue(derived), sealed]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
}
/** The key and its value, or an InputError that says in one line what is wrong and what to do. */
function openHandoff(handoffSecret, handoff, run) {
    const parts = handoff.trim().split('.');
    if (parts[0] !== handoff_VERSION && /^pek\d+$/.test(parts[0] ?? '')) {
        throw new InputError(`Input "handoff" is of version ${parts[0]}, which this version of the action does not read: use the same version of the action in every job of the run.`);
    }
    if (parts.length !== 6 || parts[0] !== handoff_VERSION) {
        throw new InputError(`Input "handoff" is not a handoff of pinecone-ephemeral-key (malformed or cut short). ${FIX}`);
    }
    const [, clear, salt, iv, check, sealed] = parts;
    const key = readClear(clear);
    if (key.repositoryId !== run.repositoryId || key.runId !== run.runId) {
        throw new InputError(`Input "handoff" was made in another ${key.repositoryId !== run.repositoryId ? 'repository' : 'workflow run'} (run ${key.runId}): a handoff works only in the run that made it. ${FIX}`);
    }
    const derived = deriveKey(handoffSecret, Buffer.from(salt, 'base64url'), key);
    const expected = checkValue(derived);
    const given = Buffer.from(check, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new InputError('Input "handoff" was sealed with another handoff secret (or altered): give this job the same handoff-secret as the job that made the key.');
    }
    try {
        const decipher = createDecipheriv('aes-256-gcm', derived, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(`${handoff_VERSION}.${clear}`));
        const bytes = Buffer.from(sealed, 'base64url');
        if (bytes.length < 17)
            throw new Error('too short');
        decipher.setAuthTag(bytes.subarray(bytes.length - 16));
        const plain = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString('utf8');
        const { value, projectId } = JSON.parse(plain);
        return { key: { ...key, projectId }, value };
    }
    catch {
        throw new InputError(`Input "handoff" has been altered: it does not authenticate. ${FIX}`);
    }
}
function deriveKey(handoffSecret, salt, run) {
    const info = `${DERIVATIONS.handoff.label}\n${run.repositoryId}\n${run.runId}`;
    const stretched = (0,external_node_crypto_namespaceObject.scryptSync)(handoffSecret, salt, 32, HANDOFF_SCRYPT);
    return Buffer.from((0,external_node_crypto_namespaceObject.hkdfSync)('sha256', stretched, salt, info, 32));
}
/** The proof over `key` that only a holder of the client secret makes. */
function proofFor(clientSecret, key) {
    const { label, version } = DERIVATIONS.handoffProof;
    const derived = Buffer.from((0,external_node_crypto_namespaceObject.hkdfSync)('sha256', clientSecret, label, version, 32));
    const covered = [key.repositoryId, key.runId, String(key.attempt), key.keyId, key.name].join('\n');
    return (0,external_node_crypto_namespaceObject.createHmac)('sha256', derived).update(covered).digest().subarray(0, 16).toString('base64url');
}
/** Whether the handoff's proof was made with this client secret, for this very key and run. */
function provesKey(clientSecret, key) {
    const expected = Buffer.from(proofFor(clientSecret, key));
    const given = Buffer.from(key.proof);
    return given.length === expected.length && timingSafeEqual(given, expected);
}
function checkValue(derived) {
    return (0,external_node_crypto_namespaceObject.createHmac)('sha256', derived).update(`${handoff_VERSION} check`).digest().subarray(0, 12);
}
function readClear(clear) {
    let value;
    try {
        value = JSON.parse(Buffer.from(clear, 'base64url').toString('utf8'));
    }
    catch {
        value = undefined;
    }
    const key = value;
    const text = (field) => typeof key?.[field] === 'string';
    if (!key ||
        !['repositoryId', 'runId', 'keyId', 'name', 'expiresAt', 'proof'].every(text) ||
        !Number.isInteger(key.attempt) ||
        !Array.isArray(key.roles) ||
        !key.roles.every((role) => typeof role === 'string')) {
        throw new InputError(`Input "handoff" is not a handoff of pinecone-ephemeral-key (its clear part is unreadable). ${FIX}`);
    }
    return key;
}

;// CONCATENATED MODULE: ./src/keys/create.ts


async function createExactlyOnce(api, journal, log, random, request) {
    const { made, name } = await createOnce({
        thing: 'API key',
        short: 'key',
        events: journal.creates('key'),
        log,
        nextName: () => buildTaggedKeyName(request.base, request.owner, request.expiresAt, newNonce((max) => Math.floor(random() * max)), request.tag),
        announce: (name) => `Creating API key ${name} with roles ${request.roles.join(', ')} (expires ${request.expiresAt.toISOString()}).`,
        send: (name) => api.createKey(request.projectId, name, request.roles),
        idOf: (created) => created.key.id,
        recover: async (name) => {
            await removeByName(api, request.projectId, name, log);
            return undefined;
        },
    });
    return { ...made, name };
}
/** Deletes whatever a create whose answer was lost made under `name` (we never saw its secret). */
async function removeByName(api, projectId, name, log) {
    const strays = (await api.listKeys(projectId)).filter((key) => key.name === name);
    for (const stray of strays) {
        await api.deleteKey(stray.id);
        log.info(`Deleted key ${stray.id}, made by the lost request: its secret never reached us.`);
    }
}

;// CONCATENATED MODULE: ./src/keys/renew.ts

/** The renamed key and its new name; `undefined` when no key of ours is there to renew (a new key is made). */
async function renewInPlace(api, log, random, request, listed) {
    const tagged = listed.flatMap((key) => {
        const parsed = parseTaggedKeyName(key.name, request.tag);
        const ours = parsed?.base === request.base &&
            parsed.kind === request.owner.kind &&
            parsed.pullRequest === request.owner.pullRequest &&
            sameRepository(parsed.run, request.owner.run) &&
            parsed.expiresAt.getTime() > request.now;
        return ours ? [{ key, expiresAt: parsed.expiresAt.getTime() }] : [];
    });
    const newest = tagged.sort((a, b) => b.expiresAt - a.expiresAt)[0]?.key;
    const untagged = listed.filter((key) => {
        const parsed = names_parseAnyKeyName(key.name);
        return parsed?.base === request.base && !parseTaggedKeyName(key.name, request.tag);
    }).length;
    if (untagged > 0)
        log.info(`${untagged} key(s) named like ${request.base} carry no tag of this service account's direct mode (an earlier version's name, or one typed by hand): never renewed, left to their expiry.`);
    if (!newest) {
        log.info(`No live key of this action named ${request.base} to renew: creating one.`);
        return undefined;
    }
    if (!sameRoles(newest.roles, request.roles)) {
        log.info(`Not renewing API key ${newest.name} (${newest.id}): it has roles ${newest.roles.join(', ')}, not ${request.roles.join(', ')} as asked, and renew never changes a key's roles. Creating a new key; the old one is left to replace or a sweep.`);
        return undefined;
    }
    const name = buildTaggedKeyName(request.base, request.owner, request.expiresAt, newNonce((max) => Math.floor(random() * max)), request.tag);
    log.info(`Renewing API key ${newest.name} (${newest.id}) in place: renaming it ${name} (expires ${request.expiresAt.toISOString()}); its roles stay ${newest.roles.join(', ')}.`);
    return { key: await api.updateKey(newest.id, { name }), name };
}
/** Both made outside any run, or in the same repository of the same GitHub instance. */
function sameRepository(a, b) {
    if (!a || !b)
        return !a && !b;
    return a.repositoryId === b.repositoryId && a.server === b.server;
}
function sameRoles(a, b) {
    return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

;// CONCATENATED MODULE: ./src/steps/direct/main-key.ts











/** renew: true: the live key of this rendered name, renamed with the new expiry; the list it was looked for in. */
async function renewKey(job, project, journal) {
    const { api, core, deps, inputs } = job;
    const listed = await api.listKeys(project.id);
    const request = { base: job.keyBase, owner: job.owner, roles: inputs.roles, expiresAt: job.expiresAt };
    const renewing = { ...request, now: job.loggedInAt, tag: job.keyTag };
    const renamed = await renewInPlace(api, core, deps.random, renewing, listed);
    if (!renamed)
        return { listed };
    journal.creates('key').made(renamed.key.id, renamed.name); // post keeps it (cleanup: false)
    const expiresAt = job.expiresAt.toISOString();
    const key = { id: renamed.key.id, name: renamed.name, projectId: project.id, roles: renamed.key.roles, expiresAt };
    const look = {
        kind: keyKind(() => api, core, () => project.id, () => job.keyTag),
        listing: Promise.resolve({ value: listed }),
        own: () => renamed.name,
        ownId: renamed.key.id,
    };
    return { listed, renewed: { key, look } };
}
/** The key, created exactly once (making room in a full project); beside it, the look for keys to retire. */
async function createKey(job, project, journal, 
/** The project's keys, when renew has listed them already. */
listed) {
    const { api, core, deps, inputs } = job;
    const { keyBase: base, owner, expiresAt } = job;
    const request = { projectId: project.id, base, owner, roles: inputs.roles, expiresAt, tag: job.keyTag };
    // The create goes first, on the connection that is free first; the list runs beside it, adding no round trip.
    let listing;
    const keys = keyKind(() => api, core, () => project.id, () => job.keyTag, async () => (listing ? unwrap(await listing) : api.listKeys(project.id)));
    const creating = createMakingRoom(() => createExactlyOnce(api, journal, core, deps.random, request), keys, roomFor(job));
    // In a throwaway project there is nothing else to look for; its siblings are looked for beside its create.
    if (listed)
        listing = Promise.resolve({ value: listed });
    else if (lookingForRetirees(job) && !inputs.newProject)
        listing = settled(api.listKeys(project.id));
    const created = await creating;
    if (deps.signal.aborted)
        throw new CancelledError(`The step was cancelled; the post step deletes key ${created.name} (${created.key.id}).`);
    return { created, keyLook: listing && { kind: keys, listing, own: () => created.name } };
}
/** A renewed key to the job: its outputs, without a value. */
function handOverRenewedKey(job, project, key) {
    handOverRenewed(job.core, key, job.inputs.exportEnv, RENEWED.log(key.expiresAt));
    if (project.name)
        job.core.setOutput('project-name', project.name);
    job.core.setOutput('renewed', 'true');
}
function handOverKey(job, project, created) {
    const key = {
        value: created.value,
        id: created.key.id,
        name: created.name,
        projectId: project.id,
        roles: job.inputs.roles,
        expiresAt: job.expiresAt.toISOString(),
    };
    handOver(job.core, key, job.inputs.exportEnv, { how: 'Created', fate: job.fate.log(key.expiresAt) });
    if (project.name)
        job.core.setOutput('project-name', project.name);
    job.core.setOutput('renewed', 'false');
    return key;
}
/** share: true: the key, sealed for the other jobs of the run; from now on the run's, not this job's. */
function shareWithRun(job, key, journal) {
    const run = runOf(job.run, 'share: true hands the key to the jobs of this workflow run');
    const { id: keyId, projectId, name, expiresAt } = key;
    const proven = { ...run, keyId, name };
    const proof = proofFor(job.account.clientSecret, proven);
    const shared = { ...proven, projectId, roles: [...key.roles], expiresAt, proof };
    job.core.setOutput('handoff', sealHandoff(job.inputs.handoffSecret, shared, key.value));
    journal.shared('key');
}

;// CONCATENATED MODULE: ./src/steps/direct/main.ts


















const MAIN_CANCEL = {
    waitingFor: 'so the post step knows what to delete',
    stopping: 'the post step will look for the key by name',
};
const mainStep = defineStep({
    words: {
        skipped: 'no key was created',
        cancelled: 'The step was cancelled before the key was handed over; the post step deletes anything it created.',
        cancel: MAIN_CANCEL,
    },
    // A journal of this step's own from the start: state another matrix leg (same repository, run, job and step)
    // writes to $GITHUB_ENV then never reaches post in its place, even when main fails before it makes anything.
    begin: (core, account, env) => void new Journal(core, sealFor(account.clientSecret, env), '', true),
    read: readMainInputs,
    run: async (step) => {
        const job = await begin(step);
        if (job.closes)
            return closePullRequest(job);
        const { project, journal, looks } = await chooseProject(job);
        const renewal = job.inputs.renew ? await renewKey(job, project, journal) : undefined;
        if (renewal?.renewed) {
            const { key, look } = renewal.renewed;
            handOverRenewedKey(job, project, key);
            await recordRetirement(job, journal, look);
            return summarise(job, project, key, RENEWED);
        }
        const { created, keyLook } = await createKey(job, project, journal, renewal?.listed);
        const key = handOverKey(job, project, created);
        if (job.inputs.share)
            shareWithRun(job, key, journal);
        await recordRetirement(job, journal, keyLook ?? looks);
        const { value: _, ...shown } = key;
        await summarise(job, project, shown, job.fate);
    },
});
/** Broker mode (input broker-url) or direct, chosen by the inputs before either starts and saved for post. */
const chosen = chooseStep((deps) => {
    const broker = brokerUrlOf(deps.core.getInput) !== '';
    saveMode(deps.core, broker ? 'broker' : 'direct');
    return broker ? runBrokerMain : mainStep.runWith;
}, MAIN_CANCEL);
const { run } = chosen;
const runMain = chosen.runWith;
/** The given project (resolved by name if need be), or a throwaway project made exactly once for the job. */
async function chooseProject(job) {
    const { api, core, deps, inputs, account } = job;
    if (job.projectBase === undefined) {
        const project = await resolveProject(api, inputs.project, core);
        return { project, journal: job.journalFor(project.id) };
    }
    const journal = job.journalFor('');
    const { cleanup } = job;
    const projects = kindsFor({
        api: () => api,
        log: core,
        clientSecret: account.clientSecret,
        projectId: () => '',
        cleanup,
    }).project;
    const tag = nameTagFor(account.clientSecret);
    const request = { base: job.projectBase, owner: job.owner, expiresAt: job.expiresAt, tag };
    const create = () => createProjectExactlyOnce(api, journal, core, deps.random, request);
    const creating = createMakingRoom(create, projects, roomFor(job));
    // A brand-new project holds no other keys: the look is for this action's other throwaway projects.
    const listing = lookingForRetirees(job) ? settled(api.listProjects()) : undefined;
    const project = await creating;
    journal.keysIn(project.id);
    return { project, journal, looks: listing && { kind: projects, listing, own: () => project.name } };
}
/** What the look beside the create found, for post to retire. */
async function recordRetirement(job, journal, look) {
    if (!look)
        return;
    const { inputs } = job;
    // A renewed key is the one of its rendered name: the others go as with replace.
    const ask = {
        sweepExpired: inputs.sweepExpired,
        replace: inputs.replace || inputs.renew,
        now: job.loggedInAt,
        canAskGitHub: inputs.githubToken !== '',
    };
    const own = { name: look.own(), run: job.run, id: look.ownId };
    const retire = planRetirement(job.core, await look.listing, { ...ask, own }, look.kind);
    if (retire.length > 0)
        journal.retireLater(look.kind.name, retire);
}
function summarise(job, project, key, fate) {
    const summary = { ...key, roles: [...key.roles], projectName: project.name, fate: fate.summary };
    return job.deps.writeSummary(renderKeySummary(summary));
}

;// CONCATENATED MODULE: ./src/main.ts
// The main step: its run(), called by src/entries/main.ts (bundled into dist/main/index.js) and by
// @github/local-action, which loads this file (CONTRIBUTING.md). Importing it runs nothing.



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
/******/ var __webpack_exports__ = __nccwpck_require__(719);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
