// One Action per context: `load` runs the CommonJS module once; `run` executes a handler against
// an event given as one JSON string, and the result leaves as one JSON string (`take`, or
// after `deliver` brought back what the handler awaited). Nothing else crosses the boundary.
const TRANSACTION_LIMITS = { key: 64, value: 8 * 1024, total: 16 * 1024 };
const NO_REDIRECT_PROTOCOLS = ['oauth2-resource-owner', 'oauth2-refresh-token', 'oauth2-password', 'oauth2-webauthn', 'oauth2-device-code', 'oauth2-token-exchange'];
const FACTOR_TYPES = ['otp', 'email', 'webauthn-platform', 'webauthn-roaming', 'recovery-code', 'phone', 'push', 'push-notification'];
const CACHE = { key: 64, value: 4096, total: 8192, entries: 20, ttl: 15 * 60 * 1000, maxTtl: 24 * 60 * 60 * 1000 };

// ClearScript exposes V8's promise state; with it, a handler that awaited nothing returns its
// result from the same call that ran it (one call into V8 per execution instead of two).
const PROMISE_FULFILLED = 1, PROMISE_REJECTED = 2;
const promiseState = typeof EngineInternal === 'object' && typeof EngineInternal.getPromiseState === 'function' ? EngineInternal.getPromiseState : null;
const promiseResult = promiseState && typeof EngineInternal.getPromiseResult === 'function' ? EngineInternal.getPromiseResult : null;

let current = null;
let actionModule = null;
let loadError = null;
let modules = null;
let declaredPackages = [];

const byteLength = s => utf8Encode(s).length;

function deepFreeze(root, skip) {
  const stack = [root];
  while (stack.length) {
    const o = stack.pop();
    if (o === skip) continue;
    Object.freeze(o);
    for (const k in o) {
      const v = o[k];
      if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) stack.push(v);
    }
  }
  return root;
}

function readOnlyView(target) {
  const refuse = () => false;
  return new Proxy(target, { set: refuse, defineProperty: refuse, deleteProperty: refuse, setPrototypeOf: refuse, preventExtensions: refuse });
}

// Stacks name the Action's file plainly and leave out Flowgate's own frames.
const cleanStack = stack => String(stack).split('\n').filter(line => !/flowgate:prelude|\[internal\]/.test(line)).join('\n').replace(/action(?: \[\d+\])?\.js(?: \[\d+\])?/g, 'action.js');

function describeError(e) {
  if (e instanceof Error) return { name: String(e.name || 'Error'), message: String(e.message), stack: e.stack ? cleanStack(e.stack) : null };
  return { name: 'Error', message: typeof e === 'string' ? e : inspect(e), stack: null };
}

// The tenant's records for this trigger arrive as JSON (parsed on first use: most executions never touch
// the cache); every set and delete is also recorded, and the host applies them for the next executions.
function makeCache(snapshotJson, writes) {
  let entries = null;
  const all = () => {
    if (entries === null) {
      entries = new Map();
      const records = snapshotJson ? JSON.parse(snapshotJson) : {};
      for (const k of Object.keys(records)) entries.set(k, { value: String(records[k].value), expires_at: Number(records[k].expires_at) });
    }
    return entries;
  };
  const fail = code => ({ type: 'error', code });
  const live = key => {
    const e = all().get(key);
    if (e && e.expires_at <= Date.now()) { entries.delete(key); return undefined; }
    return e;
  };
  const total = except => { let n = 0; all().forEach((e, k) => { if (k !== except && e.expires_at > Date.now()) n += byteLength(k) + byteLength(e.value); }); return n; };
  const size = () => { let n = 0; all().forEach(e => { if (e.expires_at > Date.now()) n++; }); return n; };
  return {
    get(key) { const e = live(String(key)); return e ? { value: e.value, expires_at: e.expires_at } : undefined; },
    set(key, value, options) {
      key = String(key); value = String(value);
      const opts = options || {};
      if (byteLength(key) > CACHE.key) return fail('CacheKeySizeExceeded');
      if (byteLength(value) > CACHE.value) return fail('CacheValueSizeExceeded');
      const now = Date.now();
      const candidates = [];
      if (opts.ttl !== undefined) { if (!(typeof opts.ttl === 'number' && opts.ttl > 0)) return fail('InvalidExpiry'); candidates.push(now + opts.ttl); }
      if (opts.expires_at !== undefined) { if (!(typeof opts.expires_at === 'number' && opts.expires_at > now)) return fail('InvalidExpiry'); candidates.push(opts.expires_at); }
      const expires_at = Math.min(candidates.length ? Math.min(...candidates) : now + CACHE.ttl, now + CACHE.maxTtl);
      if (!live(key) && size() >= CACHE.entries) return fail('CacheSizeExceeded');
      if (total(key) + byteLength(key) + byteLength(value) > CACHE.total) return fail('CacheSizeExceeded');
      all().set(key, { value, expires_at });
      writes.push({ key, value, expiresAt: expires_at });
      return { type: 'success', record: { value, expires_at } };
    },
    delete(key) {
      key = String(key);
      if (!live(key) || !entries.delete(key)) return fail('CacheKeyDoesNotExist');
      writes.push({ key, value: null, expiresAt: null });
      return { type: 'success' };
    },
  };
}

function makeTokens(event) {
  const sign = (input, secret) =>
    host.Hmac('sha256', base64Encode(utf8Encode(secret), false), base64Encode(utf8Encode(input), false)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const segment = obj => base64Encode(utf8Encode(JSON.stringify(obj)), true);
  const requireSecret = options => {
    if (!options || typeof options.secret !== 'string' || options.secret.length === 0) throw new TypeError('A non-empty secret is required');
  };
  const request = event.request || {};
  return {
    encode(options) {
      requireSecret(options);
      const now = Math.floor(Date.now() / 1000);
      const claims = Object.assign({ iat: now, iss: request.hostname, sub: event.user && event.user.user_id, exp: now + (options.expiresInSeconds === undefined ? 900 : options.expiresInSeconds), ip: request.ip }, options.payload || {});
      const unsigned = segment({ alg: 'HS256', typ: 'JWT' }) + '.' + segment(claims);
      return unsigned + '.' + sign(unsigned, options.secret);
    },
    validate(options) {
      requireSecret(options);
      const name = options.tokenParameterName || 'session_token';
      const query = request.query || {}, body = request.body || {};
      const token = query[name] !== undefined ? query[name] : body[name];
      if (typeof token !== 'string') throw new Error(`The '${name}' parameter is missing from the /continue request`);
      const parts = token.split('.');
      if (parts.length !== 3) throw new Error('The session token is malformed');
      const header = JSON.parse(utf8Decode(base64Decode(parts[0])));
      if (header.alg !== 'HS256') throw new Error('The session token must be signed with HS256');
      const expected = sign(parts[0] + '.' + parts[1], options.secret);
      if (expected.length !== parts[2].length || !crypto.timingSafeEqual(utf8Encode(expected), utf8Encode(parts[2]))) throw new Error('The session token signature is invalid');
      const payload = JSON.parse(utf8Decode(base64Decode(parts[1])));
      if (typeof payload.exp !== 'number' || payload.exp * 1000 <= Date.now()) throw new Error('The session token has expired');
      if (request.hostname && payload.iss !== request.hostname) throw new Error('The session token issuer does not match');
      if (event.user && payload.sub !== event.user.user_id) throw new Error('The session token subject does not match the user');
      const state = query.state !== undefined ? query.state : body.state;
      if (payload.state !== state) throw new Error('The session token state does not match the state parameter');
      return payload;
    },
  };
}

function makeContext(state, event, transactionMetadata, handlerName, cacheJson) {
  return {
    isContinue: handlerName.startsWith('onContinue'),
    redirected: false,
    rendered: false,
    cache: makeCache(cacheJson, state.cacheWrites),
    tokens: makeTokens(event),
    record(method, args) { if (current === state) state.commands.push({ method, args }); },
    checkFactor(f) {
      if (!f || typeof f !== 'object' || !FACTOR_TYPES.includes(f.type)) throw new TypeError('Invalid factor: ' + inspect(f) + '; type must be one of ' + FACTOR_TYPES.join(', '));
    },
    canRedirect() {
      const tx = event.transaction || {};
      return !(Array.isArray(tx.prompt) && tx.prompt.includes('none')) && !NO_REDIRECT_PROTOCOLS.includes(tx.protocol);
    },
    setTransactionMetadata(key, value) {
      if (!transactionMetadata) throw new Error('This transaction has no metadata');
      if (typeof key !== 'string' || key.length === 0 || key.length > TRANSACTION_LIMITS.key) throw new TypeError('Transaction metadata keys are strings of 1 to 64 characters');
      if (value === null) { delete transactionMetadata[key]; return; }
      const ok = typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isSafeInteger(value));
      if (!ok) throw new TypeError('Transaction metadata values are strings, safe integers or booleans');
      if (byteLength(String(value)) > TRANSACTION_LIMITS.value) throw new RangeError('Transaction metadata values are at most 8 KB');
      const next = Object.assign({}, transactionMetadata, { [key]: value });
      if (byteLength(JSON.stringify(next)) > TRANSACTION_LIMITS.total) throw new RangeError('Transaction metadata is at most 16 KB in total');
      transactionMetadata[key] = value;
    },
  };
}

function log(level, args) {
  const state = current;
  if (!state || state.done) return;
  if (state.logChars >= MAX_LOG_CHARS) return;
  let line = format(...args);
  if (state.logChars + line.length > MAX_LOG_CHARS) line = line.slice(0, MAX_LOG_CHARS - state.logChars) + ' [log output truncated]';
  state.logChars += line.length;
  state.logs.push(level === 'log' || level === 'info' || level === 'debug' ? line : level.toUpperCase() + ': ' + line);
}

const sandboxConsole = Object.freeze({
  log: (...a) => log('log', a), info: (...a) => log('info', a), debug: (...a) => log('debug', a),
  warn: (...a) => log('warn', a), error: (...a) => log('error', a), trace: (...a) => log('error', a),
  dir: v => log('log', [v]), table: v => log('log', [v]),
});

const BUILTINS = {
  crypto, util, buffer: { Buffer, SlowBuffer: Buffer }, url: { URL, URLSearchParams, parse: s => new URL(s), format: u => String(u) },
  events: EventEmitter, stream: Stream, process,
};

function require(name) {
  const id = String(name).replace(/^node:/, '');
  if (Object.prototype.hasOwnProperty.call(BUILTINS, id)) return BUILTINS[id];
  if (modules !== null && typeof name === 'string' && modules.provides(name)) return modules.require(name);
  const declared = declaredPackages.find(d => d.name === id);
  const e = declared
    ? new Error(`Cannot find module '${name}': the declared dependency ${declared.name}@${declared.version} is not installed`)
    : new Error(`Cannot find module '${name}': an Action can require only ${BUILTIN_NAMES}, process and its declared npm dependencies`);
  e.code = 'MODULE_NOT_FOUND';
  throw e;
}

// `manifestJson` describes the installed npm packages (see modules.js) and `packageHost` serves
// their files; both are null when the Action declares no dependencies.
function load(moduleFunction, declaredJson, manifestJson, packageHost) {
  declaredPackages = JSON.parse(declaredJson || '[]');
  modules = manifestJson ? createModules(JSON.parse(manifestJson), packageHost, BUILTINS) : null;
  const module = { exports: {}, id: '.', filename: '/action.js', loaded: false };
  try {
    moduleFunction.call(module.exports, module.exports, require, module, '/action.js', '/');
    module.loaded = true;
    actionModule = module;
    return null;
  } catch (e) {
    loadError = describeError(e);
    return JSON.stringify(loadError);
  }
}

let last = null;

function finish(state, error) {
  if (state.done) return;
  state.error = error === null ? null : describeError(error);
  let commands;
  try { commands = JSON.stringify(state.commands); } catch (e) { commands = JSON.stringify(state.commands.map(c => ({ method: c.method, args: [String(e.message)] }))); }
  const cache = state.cacheWrites.length ? ',"cache":' + JSON.stringify(state.cacheWrites) : '';
  state.result = '{"commands":' + commands + ',"logs":' + JSON.stringify(state.logs) + ',"error":' + JSON.stringify(state.error) + cache + '}';
  state.done = true;
  if (current === state) current = null;
}

function run(eventJson, secretsJson, triggerId, handlerName, cacheJson) {
  const state = { commands: [], logs: [], logChars: 0, error: null, done: false, result: null, cacheWrites: [] };
  last = state;
  current = state;
  try {
    const factory = apiFactories[triggerId];
    if (!factory) throw new Error('Unknown trigger: ' + triggerId);
    const raw = JSON.parse(eventJson);
    raw.secrets = JSON.parse(secretsJson);
    let transactionMetadata = null;
    let view;
    if (raw.transaction !== null && typeof raw.transaction === 'object') {
      transactionMetadata = Object.assign({}, raw.transaction.metadata);
      view = raw.transaction.metadata = readOnlyView(transactionMetadata);
    }
    const event = deepFreeze(raw, view);
    const api = factory(makeContext(state, event, transactionMetadata, handlerName, cacheJson));
    const handler = actionModule && actionModule.exports ? actionModule.exports[handlerName] : undefined;
    if (typeof handler !== 'function') {
      if (!handlerName.startsWith('onContinue')) throw new TypeError(`The Action does not export a function named ${handlerName}`);
      finish(state, null);
      return state.result;
    }
    const settled = Promise.resolve(handler(event, api));
    settled.then(() => finish(state, null), e => finish(state, e));
    const now = promiseState ? promiseState(settled) : 0;
    if (now === PROMISE_FULFILLED) finish(state, null);
    else if (now === PROMISE_REJECTED && promiseResult) finish(state, promiseResult(settled));
  } catch (e) {
    finish(state, e);
  }
  return state.done ? state.result : null;
}

function take() {
  return last.done ? last.result : null;
}

function deliver(id, ok, value) {
  settle(id, ok, value);
}
