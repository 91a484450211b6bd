// Byte encodings, Buffer, TextEncoder/TextDecoder, atob/btoa: V8 alone has none of them, and
// Actions written for Node use them freely. Pure JavaScript so the hot path never leaves V8.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64_INDEX[B64.charCodeAt(i)] = i;
B64_INDEX[45] = 62; B64_INDEX[95] = 63;

function utf8Encode(text) {
  const s = String(text);
  const out = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; }
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

function utf8Decode(bytes, start = 0, end = bytes.length) {
  let s = '';
  for (let i = start; i < end;) {
    const b = bytes[i++];
    let c;
    if (b < 0x80) c = b;
    else if (b >= 0xf0) c = ((b & 7) << 18) | ((bytes[i++] & 63) << 12) | ((bytes[i++] & 63) << 6) | (bytes[i++] & 63);
    else if (b >= 0xe0) c = ((b & 15) << 12) | ((bytes[i++] & 63) << 6) | (bytes[i++] & 63);
    else if (b >= 0xc0) c = ((b & 31) << 6) | (bytes[i++] & 63);
    else c = 0xfffd;
    s += String.fromCodePoint(c);
  }
  return s;
}

function base64Encode(bytes, url) {
  let s = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    s += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
  }
  if (i < bytes.length) {
    const n = (bytes[i] << 16) | ((i + 1 < bytes.length ? bytes[i + 1] : 0) << 8);
    s += B64[n >> 18] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + '=';
  }
  return url ? s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : s;
}

function base64Decode(text) {
  const out = [];
  let bits = 0, acc = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? B64_INDEX[c] : -1;
    if (v < 0) continue;
    acc = (acc << 6) | v; bits += 6;
    if (bits >= 8) { bits -= 8; out.push((acc >> bits) & 0xff); }
  }
  return out;
}

function hexEncode(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
  return s;
}

function toBytes(value, encoding) {
  if (typeof value === 'string') {
    switch ((encoding || 'utf8').toLowerCase()) {
      case 'hex': { const out = []; for (let i = 0; i + 1 < value.length; i += 2) out.push(parseInt(value.substr(i, 2), 16)); return out; }
      case 'base64': case 'base64url': return base64Decode(value);
      case 'latin1': case 'binary': case 'ascii': return Array.from(value, ch => ch.charCodeAt(0) & 0xff);
      default: return utf8Encode(value);
    }
  }
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (Array.isArray(value)) return value;
  throw new TypeError('The first argument must be a string, Buffer, ArrayBuffer, Array, or array-like object.');
}

class Buffer extends Uint8Array {
  static from(value, encodingOrOffset, length) {
    if (value instanceof ArrayBuffer) return new Buffer(value, encodingOrOffset || 0, length === undefined ? value.byteLength - (encodingOrOffset || 0) : length);
    const bytes = toBytes(value, encodingOrOffset);
    const buf = new Buffer(bytes.length);
    buf.set(bytes);
    return buf;
  }
  static alloc(size, fill) { const b = new Buffer(size); if (fill !== undefined) b.fill(typeof fill === 'string' ? fill.charCodeAt(0) : fill); return b; }
  static allocUnsafe(size) { return new Buffer(size); }
  static allocUnsafeSlow(size) { return new Buffer(size); }
  static isBuffer(value) { return value instanceof Buffer; }
  static isEncoding(enc) { return ['utf8', 'utf-8', 'hex', 'base64', 'base64url', 'latin1', 'binary', 'ascii'].includes(String(enc).toLowerCase()); }
  static byteLength(value, encoding) { return typeof value === 'string' ? toBytes(value, encoding).length : value.byteLength; }
  static concat(list, total) {
    const size = total === undefined ? list.reduce((n, b) => n + b.length, 0) : total;
    const out = Buffer.alloc(size);
    let offset = 0;
    for (const b of list) { if (offset >= size) break; out.set(b.subarray(0, size - offset), offset); offset += b.length; }
    return out;
  }
  toString(encoding, start = 0, end = this.length) {
    const view = start === 0 && end === this.length ? this : this.subarray(start, end);
    switch ((encoding || 'utf8').toLowerCase()) {
      case 'hex': return hexEncode(view);
      case 'base64': return base64Encode(view, false);
      case 'base64url': return base64Encode(view, true);
      case 'latin1': case 'binary': case 'ascii': return Array.from(view, b => String.fromCharCode(b)).join('');
      default: return utf8Decode(view);
    }
  }
  equals(other) { if (this.length !== other.length) return false; for (let i = 0; i < this.length; i++) if (this[i] !== other[i]) return false; return true; }
  slice(start, end) { const s = this.subarray(start, end); return new Buffer(s.buffer, s.byteOffset, s.length); }
  subarray(start, end) { const s = Uint8Array.prototype.subarray.call(this, start, end); return new Buffer(s.buffer, s.byteOffset, s.length); }
  write(text, offset = 0) { const bytes = utf8Encode(text); this.set(bytes.slice(0, this.length - offset), offset); return Math.min(bytes.length, this.length - offset); }
  copy(target, targetStart = 0, sourceStart = 0, sourceEnd = this.length) {
    const bytes = this.subarray(sourceStart, Math.min(sourceEnd, sourceStart + target.length - targetStart));
    target.set(bytes, targetStart);
    return bytes.length;
  }
  compare(other) {
    for (let i = 0; i < Math.min(this.length, other.length); i++) if (this[i] !== other[i]) return this[i] < other[i] ? -1 : 1;
    return this.length === other.length ? 0 : this.length < other.length ? -1 : 1;
  }
  readUInt8(offset = 0) { return this[offset]; }
  writeUInt8(value, offset = 0) { this[offset] = value; return offset + 1; }
  toJSON() { return { type: 'Buffer', data: Array.from(this) }; }
}

class TextEncoder {
  get encoding() { return 'utf-8'; }
  encode(text = '') { return new Uint8Array(utf8Encode(text)); }
}

class TextDecoder {
  get encoding() { return 'utf-8'; }
  decode(bytes) { return bytes === undefined ? '' : utf8Decode(toBytes(bytes)); }
}

const btoa = text => base64Encode(Array.from(String(text), ch => { const c = ch.charCodeAt(0); if (c > 255) throw new Error('Invalid character'); return c; }), false);
const atob = text => base64Decode(String(text)).map(b => String.fromCharCode(b)).join('');
