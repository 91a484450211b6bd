// The Node pieces packages expect when they load, though the sandbox has no I/O: a `process` with no host
// environment in it, `events`, and the legacy `stream` base that older packages inherit from (jws). Readable and
// the other I/O streams are left out on purpose: a package that needs them fails with Node's "Cannot find module"
// and may load its browser build instead (modules.js).
function EventEmitter() {
  this._events = this._events || Object.create(null);
}
EventEmitter.prototype._listenersOf = function (name) {
  if (!this._events) this._events = Object.create(null);
  return this._events[name] || (this._events[name] = []);
};
EventEmitter.prototype.on = EventEmitter.prototype.addListener = function (name, listener) {
  if (typeof listener !== 'function') throw new TypeError('The "listener" argument must be of type function');
  this._listenersOf(name).push(listener);
  return this;
};
EventEmitter.prototype.prependListener = function (name, listener) { this._listenersOf(name).unshift(listener); return this; };
EventEmitter.prototype.once = function (name, listener) {
  const once = (...args) => { this.removeListener(name, once); listener.apply(this, args); };
  once.listener = listener;
  return this.on(name, once);
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener = function (name, listener) {
  const list = this._listenersOf(name);
  const i = list.findIndex(l => l === listener || l.listener === listener);
  if (i >= 0) list.splice(i, 1);
  return this;
};
EventEmitter.prototype.removeAllListeners = function (name) {
  if (name === undefined) this._events = Object.create(null);
  else if (this._events) delete this._events[name];
  return this;
};
EventEmitter.prototype.emit = function (name, ...args) {
  const list = this._listenersOf(name).slice();
  if (name === 'error' && list.length === 0) throw args[0] instanceof Error ? args[0] : new Error('Unhandled error. (' + args[0] + ')');
  for (const listener of list) listener.apply(this, args);
  return list.length > 0;
};
EventEmitter.prototype.listeners = function (name) { return this._listenersOf(name).map(l => l.listener || l); };
EventEmitter.prototype.listenerCount = function (name) { return this._listenersOf(name).length; };
EventEmitter.prototype.eventNames = function () { return Object.keys(this._events || {}).filter(n => this._events[n].length > 0); };
EventEmitter.prototype.setMaxListeners = function () { return this; };
EventEmitter.prototype.getMaxListeners = function () { return EventEmitter.defaultMaxListeners; };
EventEmitter.EventEmitter = EventEmitter;
EventEmitter.defaultMaxListeners = 10;
EventEmitter.once = (emitter, name) => new Promise((resolve, reject) => {
  emitter.once(name, (...args) => resolve(args));
  if (name !== 'error') emitter.once('error', reject);
});

function Stream() {
  EventEmitter.call(this);
}
Object.setPrototypeOf(Stream.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Stream, EventEmitter);
Stream.prototype.pipe = function (destination) {
  this.on('data', chunk => destination.write(chunk));
  this.on('end', () => { if (typeof destination.end === 'function') destination.end(); });
  destination.emit('pipe', this);
  return destination;
};
Stream.Stream = Stream;
// Reading one of the I/O streams fails as a missing module would, so a package that needs them can fall back to
// its browser build (modules.js), or the Action learns plainly why it cannot load.
for (const name of ['Readable', 'Writable', 'Duplex', 'Transform', 'PassThrough', 'pipeline', 'finished', 'promises']) {
  Object.defineProperty(Stream, name, {
    get() {
      const e = new Error(`Cannot find module 'stream' (stream.${name}): Actions have no I/O streams, only the legacy Stream base`);
      e.code = 'MODULE_NOT_FOUND';
      e.nodeBuiltin = 'stream';
      throw e;
    },
    enumerable: false,
  });
}

const process = {
  version: 'v22.0.0',
  versions: { node: '22.0.0' },
  release: { name: 'node' },
  platform: 'linux',
  arch: 'x64',
  env: {},
  argv: [],
  pid: 1,
  cwd: () => '/',
  nextTick: (fn, ...args) => queueMicrotask(() => fn(...args)),
  hrtime: Object.assign(() => { const ms = Date.now(); return [Math.floor(ms / 1000), (ms % 1000) * 1e6]; },
    { bigint: () => BigInt(Date.now()) * 1000000n }),
  uptime: () => 0,
  emitWarning: () => {},
  exit: () => { throw new Error('process.exit() is not available in Actions'); },
};
