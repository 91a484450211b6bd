// console formatting and the `util` built-in, close enough to Node's for logs.
function inspect(value, depth = 2, seen = []) {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string': return seen.length ? "'" + value + "'" : value;
    case 'undefined': return 'undefined';
    case 'function': return '[Function: ' + (value.name || 'anonymous') + ']';
    case 'bigint': return value + 'n';
    case 'symbol': return value.toString();
    case 'object': break;
    default: return String(value);
  }
  if (value instanceof Error) return value.stack || value.name + ': ' + value.message;
  if (value instanceof Date) return isNaN(value) ? 'Invalid Date' : value.toISOString();
  if (seen.includes(value)) return '[Circular]';
  if (depth < 0) return Array.isArray(value) ? '[Array]' : '[Object]';
  const next = seen.concat([value]);
  const item = v => (typeof v === 'string' ? "'" + v + "'" : inspect(v, depth - 1, next));
  if (Array.isArray(value)) return value.length ? '[ ' + value.map(item).join(', ') + ' ]' : '[]';
  const keys = Object.keys(value);
  if (keys.length === 0) return '{}';
  return '{ ' + keys.map(k => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : "'" + k + "'") + ': ' + item(value[k])).join(', ') + ' }';
}

function format(...args) {
  let first = args.length && typeof args[0] === 'string' ? args.shift() : null;
  if (first !== null) {
    first = first.replace(/%[sdifjoO%]/g, spec => {
      if (spec === '%%') return '%';
      if (!args.length) return spec;
      const v = args.shift();
      switch (spec) {
        case '%s': return typeof v === 'string' ? v : inspect(v, 1);
        case '%d': case '%i': return String(spec === '%i' ? parseInt(v) : Number(v));
        case '%f': return String(parseFloat(v));
        case '%j': try { return JSON.stringify(v); } catch { return '[Circular]'; }
        default: return inspect(v, 2, [null]);
      }
    });
  }
  return (first === null ? [] : [first]).concat(args.map(a => inspect(a))).join(' ');
}

const util = {
  format, inspect,
  promisify: fn => (...args) => new Promise((resolve, reject) => fn(...args, (err, value) => (err ? reject(err) : resolve(value)))),
  inherits(ctor, superCtor) { Object.setPrototypeOf(ctor.prototype, superCtor.prototype); Object.setPrototypeOf(ctor, superCtor); },
  isDeepStrictEqual: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  types: { isPromise: v => v instanceof Promise, isDate: v => v instanceof Date, isRegExp: v => v instanceof RegExp },
  TextEncoder, TextDecoder,
};
