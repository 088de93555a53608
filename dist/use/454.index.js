export const id = 454;
export const ids = [454];
export const modules = {

/***/ 454:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  keyForRerun: () => (/* binding */ keyForRerun)
});

// EXTERNAL MODULE: ./src/rules/names.ts
var names = __webpack_require__(603);
// EXTERNAL MODULE: ./src/base/policy.ts
var policy = __webpack_require__(531);
// EXTERNAL MODULE: ./src/base/errors.ts
var errors = __webpack_require__(758);
;// CONCATENATED MODULE: ./src/journal/create-once.ts
// A create that is not idempotent (a key, a project), sent so that a lost answer never leaves two things or one
// behind: every name is in the journal before it is sent, a lost answer is looked into (`recover`), and the create
// is sent again under a fresh name, at most CREATE_TRIES times.


async function createOnce(create) {
    const { events, log } = create;
    let lost = '';
    for (let attempt = 1; attempt <= policy/* CREATE_TRIES */.Nf; attempt++) {
        const name = create.nextName();
        events.sending(name);
        log.info(create.announce(name));
        try {
            const made = await create.send(name);
            events.made(create.idOf(made), name);
            return { made, name };
        }
        catch (error) {
            if (!(error instanceof errors/* OutcomeUnknownError */.Do)) {
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
    throw new errors/* ActionError */.lZ(`Could not create the ${create.thing}: Pinecone's answer was lost ${policy/* CREATE_TRIES */.Nf} times (last: ${lost}). Try again later.`);
}

;// CONCATENATED MODULE: ./src/keys/create.ts


async function createExactlyOnce(api, journal, log, random, request) {
    const { made, name } = await createOnce({
        thing: 'API key',
        short: 'key',
        events: journal.creates('key'),
        log,
        nextName: () => (0,names/* buildKeyName */.Zy)(request.base, request.owner, request.expiresAt, (0,names/* newNonce */.Yd)((max) => Math.floor(random() * max))),
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
async function removeByName(api, projectId, name, log) {
    const strays = (await api.listKeys(projectId)).filter((key) => key.name === name);
    for (const stray of strays) {
        await api.deleteKey(stray.id);
        log.info(`Deleted key ${stray.id}, made by the lost request: its secret never reached us.`);
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(598);
// EXTERNAL MODULE: ./src/crypto/derivations.ts
var derivations = __webpack_require__(755);
;// CONCATENATED MODULE: ./src/crypto/state-seal.ts
// The seal of one job's journal (journal/journal.ts): an HMAC-SHA256 keyed with HKDF from the client secret and
// bound to this repository, run, attempt, job and step, so that state another step forged is refused.


const { label, version } = derivations/* DERIVATIONS */.R.state;
/** The seal of one job's state: what binds it to the client secret and to this job. */
function sealFor(clientSecret, env) {
    // The step too (GITHUB_ACTION): two uses of the action in one job never take each other's journal. Matrix legs
    // share all of these: main seals a journal of its own before anything can fail (runtime/define-step.ts).
    const context = ['GITHUB_REPOSITORY', 'GITHUB_RUN_ID', 'GITHUB_RUN_ATTEMPT', 'GITHUB_JOB', 'GITHUB_ACTION'].map((name) => env[name] ?? '');
    const key = Buffer.from((0,external_node_crypto_.hkdfSync)('sha256', clientSecret, label, `${version}\n${context.join('\n')}`, 32));
    return (text) => (0,external_node_crypto_.createHmac)('sha256', key).update(text).digest();
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

const STATE_NAME = 'journal';
const VERSION = 'v2';
/** Main's side: each method is one event, saved before the request it protects is sent. */
class Journal {
    store;
    seal;
    record;
    constructor(store, seal, projectId, cleanup) {
        this.store = store;
        this.seal = seal;
        this.record = { projectId, cleanup, slots: {} };
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
    return { projectId: record.projectId, of: (kind) => planOf(record.slots[kind]) };
}

// EXTERNAL MODULE: ./src/api/transport.ts + 1 modules
var transport = __webpack_require__(18);
;// CONCATENATED MODULE: ./src/api/admin-errors.ts
// What Pinecone's answers mean: gone, a misdirected URL, and for errors what they mean for the user, one
// line each with what to check, the secrets redacted before any other shaping (a server may echo a secret).


/** The organization holds as many projects as its plan allows: the caller may make room and try once more. */
class ProjectLimitError extends errors/* ActionError */.lZ {
}
/** The project holds as many keys as its quota allows: the caller may make room and try once more. */
class QuotaError extends errors/* ActionError */.lZ {
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
            return new errors/* ActionError */.lZ(`Pinecone's login at ${this.config.authUrl} answered ${(0,transport/* describeStatus */.Wn)(status)}: that is not Pinecone's token endpoint; check the auth-url input.`);
        if (status === 400 || status === 401 || status === 403) {
            return new errors/* ActionError */.lZ(`Pinecone rejected the service account credentials (${answered}): check the client-id and client-secret inputs (or PINECONE_CLIENT_ID / PINECONE_CLIENT_SECRET).`);
        }
        return this.unavailable(response, 'log in');
    }
    api(response, what, projectId) {
        const { status } = response;
        const code = this.errorCode(response);
        const answered = `HTTP ${status}${code}`;
        const project = projectId ? `project ${projectId}` : 'the project';
        if (isMisdirected(response, !projectId))
            return new errors/* ActionError */.lZ(`Pinecone's Admin API at ${this.config.apiUrl} answered ${(0,transport/* describeStatus */.Wn)(status)} to "${what}": that is not the Admin API; check the api-url input.`);
        if (status === 401)
            return new errors/* ActionError */.lZ(`Pinecone did not accept the service account's access token (${answered}) to ${what}: check that the service account still exists.`);
        if (status === 403 && code.includes('QUOTA_EXCEEDED')) {
            return new QuotaError(`Pinecone refused to ${what}: ${project} holds as many API keys as its quota allows (${answered}). Delete keys you no longer need; the sweep sub-action removes expired ones this action made.`, answered);
        }
        if (status === 403)
            return new errors/* ActionError */.lZ(`The service account may not ${what} in ${project} (${answered}): add it to the project as Project owner (console: project → Manage → Access → Service accounts).`);
        if (status === 404 && projectId)
            return new errors/* ActionError */.lZ(`Pinecone found no ${project} (${answered}) to ${what}: check the project input, and that the service account was added to that project.`);
        if (status >= 500 || status === 429)
            return this.unavailable(response, what);
        return new errors/* ActionError */.lZ(`Pinecone refused to ${what} (${answered}): ${this.excerpt(response)}`);
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
            return new errors/* ActionError */.lZ(`The service account may not create projects (HTTP 403${code}): give it the organization role that creates projects (Organization owner, or a service account with that right), or use project instead of new-project.`);
        return this.api(response, 'create a project');
    }
    unavailable(response, what) {
        return new errors/* ActionError */.lZ(`Pinecone is unavailable: it answered ${(0,transport/* describeStatus */.Wn)(response.status)}${this.errorCode(response)} when asked to ${what}, also after retries ("${this.excerpt(response)}"). Try again later.`);
    }
    /** `" QUOTA_EXCEEDED"` from Pinecone's error shape, `" access_denied"` from OAuth's, else `""`; redacted first. */
    errorCode(response) {
        const error = (0,transport/* parseBody */.OG)(response)?.['error'];
        const code = typeof error === 'object' && error !== null ? error['code'] : error;
        return typeof code === 'string' ? ` ${this.secrets.redact(code).replace(/[^\w.*-]/g, '')}` : '';
    }
    /** A short, masked piece of an error answer: a proxy's HTML page shows up as text, not a crash. */
    excerpt(response) {
        const body = (0,transport/* parseBody */.OG)(response);
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
    return response.body.trim() === '' || (0,transport/* parseBody */.OG)(response) !== undefined;
}

// EXTERNAL MODULE: ./src/api/preconnect.ts + 1 modules
var preconnect = __webpack_require__(465);
;// CONCATENATED MODULE: ./src/api/admin-api.ts
// The one module that knows Pinecone's Admin API: paths, headers, shapes, quirks, and what its errors mean for
// the user. Quirks (docs/PINECONE.md): create answers 200 (spec: 201), delete 202, deleting
// a missing key may answer 500, names are not unique, tokens expire and are never refreshed.
// What its errors mean for the user is in admin-errors.ts.





const AUDIENCE = 'https://api.pinecone.io/'; // the trailing slash matters

class AdminApi {
    config;
    requester;
    secrets;
    localNow;
    clock;
    preconnect;
    token;
    /** One login at a time: parallel requests that find the token expiring share the fresh one. */
    loggingIn;
    errors;
    constructor(config, requester, secrets, localNow, clock, preconnect) {
        this.config = config;
        this.requester = requester;
        this.secrets = secrets;
        this.localNow = localNow;
        this.clock = clock;
        this.preconnect = preconnect;
        this.errors = new AdminErrors(config, secrets);
    }
    /** Logs in; meanwhile opens the connections that `upcoming` (sent right after the login) will use. */
    async login(upcoming = {}) {
        const oneHost = new URL(this.config.apiUrl).origin === new URL(this.config.authUrl).origin;
        this.preconnect.open(this.config.apiUrl, (0,preconnect/* connectionsFor */.l)(upcoming, oneHost));
        await this.freshToken();
    }
    freshToken() {
        this.loggingIn ??= this.requestToken().finally(() => (this.loggingIn = undefined));
        return this.loggingIn;
    }
    async requestToken() {
        const { clientId, clientSecret, authUrl, apiVersion } = this.config;
        const response = await this.requester.send({
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
        if (!(0,transport/* isSuccess */.oJ)(response))
            throw this.errors.login(response);
        const body = (0,transport/* parseBody */.OG)(response);
        const token = body?.['access_token'];
        if (typeof token === 'string')
            this.secrets.add(token);
        const lifetime = Number(body?.['expires_in']); // documented as a number; a string of digits is read too
        if (typeof token !== 'string' || token === '' || !(lifetime > 0)) {
            throw new errors/* ActionError */.lZ(`Pinecone's login answered HTTP ${response.status} without an access token; check the auth-url input (${authUrl}).`);
        }
        this.token = { value: token, expiresAt: this.localNow() + lifetime * 1000 };
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
        if (!(0,transport/* isSuccess */.oJ)(response))
            throw this.errors.projectCreate(response);
        const project = (0,transport/* parseBody */.OG)(response);
        if (!isProject(project))
            throw new errors/* OutcomeUnknownError */.Do(`project create answered ${(0,transport/* describeStatus */.Wn)(response.status)} in an unexpected shape`);
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
        if ((0,transport/* isSuccess */.oJ)(response))
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
        if (!(0,transport/* isSuccess */.oJ)(response))
            throw this.errors.api(response, what, projectId);
        // A 2xx means the key exists; if its answer is unreadable we hold no ID and no secret: let the caller clean up.
        const body = (0,transport/* parseBody */.OG)(response);
        const value = body?.['value'];
        if (typeof value === 'string' && value !== '')
            this.secrets.add(value);
        const key = body?.['key'];
        if (typeof value !== 'string' || value === '' || !isApiKey(key)) {
            throw new errors/* OutcomeUnknownError */.Do(`create answered ${(0,transport/* describeStatus */.Wn)(response.status)} in an unexpected shape`);
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
     * Renames a key and sets its roles; its secret stays. Idempotent, so it is retried like a read; when no answer
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
            if (error instanceof errors/* CancelledError */.cc || !(error instanceof errors/* ActionError */.lZ || error instanceof errors/* OutcomeUnknownError */.Do))
                throw error;
            failure = error;
        }
        // No usable answer: the rename may have been made all the same.
        const current = await this.json({ what: `look up API key ${id}`, method: 'GET', url });
        if (isApiKey(current) && current.name === change.name)
            return current;
        throw failure instanceof Error
            ? failure
            : new errors/* ActionError */.lZ(`Pinecone's answer to "${what}" is not an API key; check the api-url input.`);
    }
    /** Resolves when the key is gone, whether we deleted it or it already was. */
    async deleteKey(id) {
        const what = `delete API key ${id}`;
        const url = this.url(`/admin/api-keys/${encodeURIComponent(id)}`);
        for (let round = 1;; round++) {
            const response = await this.admin({ what, method: 'DELETE', url, own5xx: true });
            if ((0,transport/* isSuccess */.oJ)(response))
                return 'deleted';
            if (isPineconeNotFound(response))
                return 'already gone';
            if (response.status < 500 || round === policy/* DELETE_ROUNDS */.YY)
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
        if (!(0,transport/* isSuccess */.oJ)(response))
            throw this.errors.api(response, call.what, projectId);
        const body = (0,transport/* parseBody */.OG)(response);
        if (!body)
            throw new errors/* ActionError */.lZ(`Pinecone answered ${(0,transport/* describeStatus */.Wn)(response.status)} to "${call.what}" with no JSON: ${this.errors.excerpt(response)}; check the api-url input (${this.config.apiUrl}).`);
        return body;
    }
    /** An Admin API call with a valid token; a 401 gets one fresh login and one more try. */
    async admin(call) {
        for (let fresh = false;; fresh = true) {
            if (!this.token || this.token.expiresAt - policy/* TOKEN_REFRESH_MARGIN_MS */.mt <= this.localNow())
                await this.freshToken();
            const headers = {
                Authorization: `Bearer ${this.token.value}`,
                Accept: 'application/json',
                'X-Pinecone-Api-Version': this.config.apiVersion,
            };
            if (call.body !== undefined)
                headers['Content-Type'] = 'application/json';
            const used = this.token;
            const response = await this.requester.send({ ...call, headers });
            if (response.status !== 401 || fresh)
                return response;
            if (this.token === used)
                this.token = undefined; // a parallel request may have renewed it already
        }
    }
}
function arrayOf(body, field, what) {
    const list = body?.[field];
    if (!Array.isArray(list))
        throw new errors/* ActionError */.lZ(`Pinecone's answer to "${what}" has no "${field}" list; check the api-url and api-version inputs.`);
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

;// CONCATENATED MODULE: ./src/api/clock.ts
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

;// CONCATENATED MODULE: ./src/api/github-api.ts
// The one module that knows GitHub's REST API: is the workflow run that made a key over? Asked off the critical
// path, once per run, with one attempt each: a failure never fails the step and never deletes on a guess.


class github_api_GitHubApi {
    config;
    transport;
    stopped;
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
        const url = `${this.config.apiUrl.replace(/\/+$/, '')}/repos/${this.config.repository}/actions/runs/${encodeURIComponent(runId)}`;
        let status;
        let headers;
        let body;
        try {
            ({ status, headers, body } = await this.transport({
                method: 'GET',
                url,
                headers: {
                    Authorization: `Bearer ${this.config.token}`,
                    Accept: 'application/vnd.github+json',
                    'X-GitHub-Api-Version': '2022-11-28',
                },
                timeoutMs: GITHUB_LOOKUP_TIMEOUT_MS,
            }));
        }
        catch {
            return 'unknown'; // no answer: the run counts as alive this time
        }
        if (status === 200) {
            const run = parseBody({ body });
            if (typeof run?.['status'] !== 'string')
                return 'unknown';
            return run['status'] === 'completed' ? 'over' : 'alive';
        }
        if (status === 404)
            return 'over';
        const limited = header(headers, 'x-ratelimit-remaining') === '0' || header(headers, 'retry-after') !== undefined;
        if ((status === 403 || status === 429) && limited)
            return (this.stopped = 'rate-limited');
        if (status === 401 || status === 403)
            return (this.stopped = 'no permission');
        return 'unknown';
    }
}
function header(headers, name) {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
}

;// CONCATENATED MODULE: ./src/api/requester.ts
// Sends one logical request: retries transient failures with backoff (numbers: base/policy.ts), keeps every attempt
// inside the step's budget, and starts nothing new once the step is cancelled. It knows HTTP, not Pinecone.



function createRequester(deps) {
    const remaining = () => deps.deadline - deps.now();
    const attemptCap = Math.min(policy/* REQUEST_TIMEOUT_MS */.j2, Math.max(policy/* MIN_ATTEMPT_MS */.iD, Math.floor(remaining() * policy/* ATTEMPT_SHARE_OF_BUDGET */.oy)));
    // A 429 pauses every request of this step, not just the one that got it: parallel deletes back off together.
    let throttledUntil = 0;
    async function wait(ms, call, last) {
        if (ms >= remaining())
            throw outOfBudget(call, last);
        await deps.sleep(ms, deps.signal);
        if (deps.signal.aborted)
            throw new errors/* CancelledError */.cc();
    }
    function outOfBudget(call, last) {
        const service = call.service ?? 'Pinecone';
        const answered = last ? ` (last attempt: ${last})` : '';
        return new errors/* ActionError */.lZ(`Ran out of time (${deps.budget}) trying to ${call.what}: ${service} did not answer in time${answered}. Try again, or raise the budget.`);
    }
    /** Resolves with the last answer (any status); throws only when no answer can be had. */
    async function send(call) {
        let last;
        for (let attempt = 1;; attempt++) {
            if (deps.signal.aborted)
                throw new errors/* CancelledError */.cc();
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
                if (!(error instanceof transport/* TransportError */.wX))
                    throw error;
                last = error.message;
                deps.debug(`${call.method} ${new URL(call.url).pathname}: ${error.message} (attempt ${attempt})`);
                if (call.once && error.outcome === 'unknown')
                    throw new errors/* OutcomeUnknownError */.Do(error.message);
                if (error.final || attempt >= policy/* MAX_ATTEMPTS */.m || remaining() <= 0) {
                    if (remaining() <= 0)
                        throw outOfBudget(call, last);
                    throw new errors/* ActionError */.lZ(`Could not reach ${call.service ?? 'Pinecone'} to ${call.what} (${error.message} after ${attempt} attempt${attempt === 1 ? '' : 's'}). Check the URL inputs and proxy settings, or try again later.`);
                }
                await wait((0,policy/* backoffMs */.jo)(attempt, deps.random), call, last);
                continue;
            }
            deps.onAnswer?.(response);
            last = (0,transport/* describeStatus */.Wn)(response.status);
            deps.debug(`${call.method} ${new URL(call.url).pathname} → ${response.status} (attempt ${attempt})`);
            if (!(0,policy/* isTransientStatus */.Dm)(response.status) || (call.own5xx && response.status >= 500))
                return response;
            // A 5xx to a create may come after the key was made; only 429 says for sure that nothing happened.
            if (call.once && response.status !== 429)
                throw new errors/* OutcomeUnknownError */.Do(last);
            // Honour Retry-After, but never come back sooner than our own backoff (Retry-After: 0 is no invitation to hammer).
            const delay = Math.max((0,policy/* retryAfterMs */.Vs)(response.headers['retry-after'], deps.now()) ?? 0, (0,policy/* backoffMs */.jo)(attempt, deps.random));
            if (response.status === 429) {
                if (attempt >= policy/* MAX_ATTEMPTS_THROTTLED */.TK)
                    return response;
                throttledUntil = Math.max(throttledUntil, deps.now() + delay);
                continue;
            }
            if (attempt >= policy/* MAX_ATTEMPTS */.m)
                return response;
            await wait(delay, call, last);
        }
    }
    /** The backoff between rounds of a loop the caller runs itself. */
    const pause = (round, what) => wait((0,policy/* backoffMs */.jo)(round, deps.random), { what });
    return { send, pause };
}

// EXTERNAL MODULE: ./src/inputs/checks.ts
var checks = __webpack_require__(272);
// EXTERNAL MODULE: ./src/inputs/durations.ts
var durations = __webpack_require__(208);
;// CONCATENATED MODULE: ./src/runtime/session.ts
// An Admin API session inside a step's time budget (the requester with its retries, the server's clock, the early
// connections of the transport), a project's control plane, and GitHub. Kept apart from step.ts so that a step that may make no request (use) loads
// none of it unless it has to.






function openApi(deps, core, connection, budgetMs, secrets) {
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
        budget: `timeout: ${(0,durations/* formatDuration */.a)(budgetMs)}`,
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
    return new GitHubApi({ apiUrl, repository, token: secrets.add(token) }, deps.transport);
}

;// CONCATENATED MODULE: ./src/keys/rerun.ts





/** A key made for a re-run lives as long as the shared key would have, and at least this long. */
const RERUN_MIN_TTL_MS = 3_600_000;
async function keyForRerun(deps, core, secrets, inputs, shared, run) {
    core.info(`This is attempt ${run.attempt} of the run; the shared key was made in attempt ${shared.attempt} and may be gone. Making a key for this job, deleted when it ends.`);
    const api = openApi(deps, core, inputs.connection, inputs.timeoutMs, secrets);
    await api.login({ creates: 1 });
    const journal = new Journal(core, sealFor(inputs.clientSecret, deps.env), shared.projectId, true);
    const soonest = (0,names/* expiryAfter */.I$)(api.clock.now(), RERUN_MIN_TTL_MS).getTime();
    const expiresAt = new Date(Math.max(Date.parse(shared.expiresAt), soonest));
    const created = await createExactlyOnce(api, journal, core, deps.random, {
        projectId: shared.projectId,
        base: (0,names/* parseKeyName */.wN)(shared.name)?.base ?? 'gha-rerun',
        owner: { kind: 'job', run },
        roles: shared.roles,
        expiresAt,
    });
    return {
        value: created.value,
        id: created.key.id,
        name: created.name,
        projectId: shared.projectId,
        roles: shared.roles,
        expiresAt: expiresAt.toISOString(),
    };
}


/***/ })

};
