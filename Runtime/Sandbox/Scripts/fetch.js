// fetch and timers: the only ways an Action waits on the outside world. Both go to the host,
// which enforces the network policy and the execution's deadline, and answers through `settle`.
const pendingHostCalls = new Map();
let hostCallSeq = 0;
function hostCall(kind, argument) {
  const id = ++hostCallSeq;
  return new Promise((resolve, reject) => {
    pendingHostCalls.set(id, { resolve, reject });
    host.Start(id, kind, String(argument));
  });
}
function settle(id, ok, value) {
  const call = pendingHostCalls.get(id);
  if (!call) return;
  pendingHostCalls.delete(id);
  if (ok) call.resolve(value); else call.reject(new Error(value));
}
class Headers {
  constructor(init) {
    this._map = new Map();
    if (init instanceof Headers) init.forEach((v, k) => this.set(k, v));
    else if (Array.isArray(init)) init.forEach(([k, v]) => this.append(k, v));
    else if (init) Object.keys(init).forEach(k => this.append(k, init[k]));
  }
  append(k, v) { const key = String(k).toLowerCase(); const old = this._map.get(key); this._map.set(key, old === undefined ? String(v) : old + ', ' + v); }
  set(k, v) { this._map.set(String(k).toLowerCase(), String(v)); }
  get(k) { const v = this._map.get(String(k).toLowerCase()); return v === undefined ? null : v; }
  has(k) { return this._map.has(String(k).toLowerCase()); }
  delete(k) { this._map.delete(String(k).toLowerCase()); }
  forEach(fn, thisArg) { this._map.forEach((v, k) => fn.call(thisArg, v, k, this)); }
  entries() { return this._map.entries(); }
  keys() { return this._map.keys(); }
  values() { return this._map.values(); }
  [Symbol.iterator]() { return this._map.entries(); }
  toObject() { return Object.fromEntries(this._map); }
}

class Response {
  constructor(body, init = {}) {
    this._body = body === undefined || body === null ? '' : String(body);
    this.status = init.status === undefined ? 200 : init.status;
    this.statusText = init.statusText || '';
    this.headers = new Headers(init.headers);
    this.url = init.url || '';
    this.bodyUsed = false;
  }
  get ok() { return this.status >= 200 && this.status < 300; }
  async text() { this.bodyUsed = true; return this._body; }
  async json() { this.bodyUsed = true; return JSON.parse(this._body); }
  async arrayBuffer() { this.bodyUsed = true; return new Uint8Array(utf8Encode(this._body)).buffer; }
  clone() { return new Response(this._body, this); }
}

// AbortController and AbortSignal: fetch's `signal`, AbortSignal.timeout, and the libraries (axios) that cancel or
// time out requests with them.
function abortError(message, name) {
  const e = new Error(message);
  e.name = name;
  return e;
}

class AbortSignal {
  constructor() {
    this.aborted = false;
    this.reason = undefined;
    this.onabort = null;
    this._listeners = [];
  }
  addEventListener(type, listener) { if (type === 'abort' && typeof listener === 'function') this._listeners.push(listener); }
  removeEventListener(type, listener) { if (type === 'abort') this._listeners = this._listeners.filter(l => l !== listener); }
  throwIfAborted() { if (this.aborted) throw this.reason; }
  static abort(reason) { const controller = new AbortController(); controller.abort(reason); return controller.signal; }
  static timeout(ms) {
    const controller = new AbortController();
    setTimeout(() => controller.abort(abortError('The operation was aborted due to timeout', 'TimeoutError')), ms);
    return controller.signal;
  }
}

class AbortController {
  constructor() { this.signal = new AbortSignal(); }
  abort(reason) {
    const signal = this.signal;
    if (signal.aborted) return;
    signal.aborted = true;
    signal.reason = reason === undefined ? abortError('This operation was aborted', 'AbortError') : reason;
    const event = { type: 'abort', target: signal };
    if (typeof signal.onabort === 'function') signal.onabort.call(signal, event);
    for (const listener of signal._listeners.slice()) listener.call(signal, event);
  }
}

// Rejects with the signal's reason as soon as it aborts (the host's request is then left to its own deadline).
// fetch refuses a signal that is already aborted before it starts the request.
function abortable(promise, signal) {
  if (!signal || typeof signal.addEventListener !== 'function') return promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort);
    promise.then(
      v => { signal.removeEventListener('abort', onAbort); resolve(v); },
      e => { signal.removeEventListener('abort', onAbort); reject(e); });
  });
}

async function fetch(resource, init = {}) {
  init = init || {};
  if (init.signal && init.signal.aborted) throw init.signal.reason;
  const url = resource instanceof URL ? resource.href : typeof resource === 'object' && resource !== null && resource.url ? resource.url : String(resource);
  let body = init.body;
  const headers = new Headers(init.headers);
  if (body instanceof URLSearchParams) {
    if (!headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
    body = body.toString();
  } else if (body instanceof Uint8Array || body instanceof ArrayBuffer) {
    body = Buffer.from(body).toString('latin1');
  } else if (body !== undefined && body !== null && typeof body !== 'string') {
    body = String(body);
  }
  const request = { url, method: String(init.method || 'GET').toUpperCase(), headers: headers.toObject(), body: body === undefined || body === null ? null : body, timeoutMs: typeof init.timeout === 'number' ? init.timeout : 0 };
  const reply = JSON.parse(await abortable(hostCall('fetch', JSON.stringify(request)), init.signal));
  if (reply.error) { const e = new TypeError('fetch failed: ' + reply.error); e.cause = { code: reply.code }; throw e; }
  return new Response(reply.body, reply);
}

let timerSeq = 0;
const cancelledTimers = new Set();
function setTimeout(fn, ms = 0, ...args) {
  const id = ++timerSeq;
  hostCall('delay', Math.max(0, Number(ms) || 0)).then(() => { if (!cancelledTimers.delete(id) && typeof fn === 'function') fn(...args); });
  return id;
}
function clearTimeout(id) { if (id) cancelledTimers.add(id); }
const setImmediate = (fn, ...args) => setTimeout(fn, 0, ...args);
const queueMicrotask = fn => { Promise.resolve().then(fn); };
