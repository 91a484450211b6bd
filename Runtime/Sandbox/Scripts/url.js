// WHATWG-style URL and URLSearchParams for the common cases Actions use (build a redirect URL,
// read query parameters). Not a full WHATWG parser.
class URLSearchParams {
  constructor(init) {
    this._list = [];
    if (typeof init === 'string') {
      for (const part of init.replace(/^\?/, '').split('&')) {
        if (!part) continue;
        const eq = part.indexOf('=');
        const decode = s => decodeURIComponent(s.replace(/\+/g, ' '));
        this._list.push(eq < 0 ? [decode(part), ''] : [decode(part.slice(0, eq)), decode(part.slice(eq + 1))]);
      }
    } else if (init && typeof init[Symbol.iterator] === 'function') {
      for (const [k, v] of init) this._list.push([String(k), String(v)]);
    } else if (init && typeof init === 'object') {
      for (const k of Object.keys(init)) this._list.push([k, String(init[k])]);
    }
  }
  append(k, v) { this._list.push([String(k), String(v)]); }
  delete(k) { this._list = this._list.filter(([n]) => n !== k); }
  get(k) { const e = this._list.find(([n]) => n === k); return e ? e[1] : null; }
  getAll(k) { return this._list.filter(([n]) => n === k).map(([, v]) => v); }
  has(k) { return this._list.some(([n]) => n === k); }
  set(k, v) { const i = this._list.findIndex(([n]) => n === k); if (i < 0) this.append(k, v); else { this._list[i] = [String(k), String(v)]; this._list = this._list.filter(([n], j) => n !== k || j === i); } }
  sort() { this._list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)); }
  forEach(fn, thisArg) { for (const [k, v] of this._list) fn.call(thisArg, v, k, this); }
  keys() { return this._list.map(([k]) => k)[Symbol.iterator](); }
  values() { return this._list.map(([, v]) => v)[Symbol.iterator](); }
  entries() { return this._list.map(e => [e[0], e[1]])[Symbol.iterator](); }
  [Symbol.iterator]() { return this.entries(); }
  get size() { return this._list.length; }
  toString() {
    const enc = s => encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()~]/g, c => '%' + c.charCodeAt(0).toString(16).toUpperCase());
    return this._list.map(([k, v]) => enc(k) + '=' + enc(v)).join('&');
  }
}

const URL_PATTERN = /^([a-zA-Z][a-zA-Z0-9+.-]*:)(?:\/\/(?:([^:@\/?#]*)(?::([^@\/?#]*))?@)?(\[[^\]]+\]|[^:\/?#]*)(?::(\d*))?)?([^?#]*)(\?[^#]*)?(#.*)?$/;
const DEFAULT_PORTS = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443', 'ftp:': '21' };

class URL {
  constructor(input, base) {
    let text = String(input).trim();
    if (base !== undefined && !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(text)) {
      const b = new URL(base);
      if (text.startsWith('//')) text = b.protocol + text;
      else if (text.startsWith('/')) text = b.origin + text;
      else if (text.startsWith('?')) text = b.origin + b.pathname + text;
      else if (text.startsWith('#')) text = b.origin + b.pathname + b.search + text;
      else text = b.origin + b.pathname.replace(/[^/]*$/, '') + text;
    }
    const m = URL_PATTERN.exec(text);
    if (!m) throw new TypeError('Invalid URL: ' + String(input));
    this.protocol = m[1].toLowerCase();
    this.username = m[2] || '';
    this.password = m[3] || '';
    this.hostname = (m[4] || '').toLowerCase();
    this.port = m[5] && m[5] !== DEFAULT_PORTS[this.protocol] ? m[5] : '';
    const special = this.protocol in DEFAULT_PORTS;
    if (special && !this.hostname) throw new TypeError('Invalid URL: ' + String(input));
    this.pathname = m[6] || (special ? '/' : '');
    this.hash = m[8] && m[8] !== '#' ? m[8] : '';
    this.searchParams = new URLSearchParams(m[7] || '');
  }
  get search() { const s = this.searchParams.toString(); return s ? '?' + s : ''; }
  set search(value) { this.searchParams = new URLSearchParams(String(value)); }
  get host() { return this.hostname + (this.port ? ':' + this.port : ''); }
  get origin() { return this.protocol + '//' + this.host; }
  get href() {
    const auth = this.username ? this.username + (this.password ? ':' + this.password : '') + '@' : '';
    return this.protocol + (this.hostname ? '//' + auth + this.host : '') + this.pathname + this.search + this.hash;
  }
  toString() { return this.href; }
  toJSON() { return this.href; }
  static canParse(input, base) { try { new URL(input, base); return true; } catch { return false; } }
}
