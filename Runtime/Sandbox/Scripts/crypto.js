// The `crypto` subset Flowgate provides. Digests and HMACs are computed by the host (one call per
// digest), so secrets and large inputs never need a JavaScript implementation of SHA-2.
const HASHES = ['md5', 'sha1', 'sha256', 'sha384', 'sha512'];
const normalizeAlgorithm = alg => {
  const a = String(alg).toLowerCase().replace(/-/g, '');
  if (!HASHES.includes(a)) throw new Error('Digest method not supported: ' + alg);
  return a;
};

class Hash {
  constructor(alg, key) { this._alg = normalizeAlgorithm(alg); this._key = key; this._chunks = []; }
  update(data, encoding) { this._chunks.push(Buffer.from(toBytes(data, encoding))); return this; }
  digest(encoding) {
    const data = base64Encode(Buffer.concat(this._chunks), false);
    const out = Buffer.from(this._key === undefined ? host.Digest(this._alg, data) : host.Hmac(this._alg, this._key, data), 'base64');
    return encoding ? out.toString(encoding) : out;
  }
}

const randomBytes = (size, callback) => {
  if (!Number.isInteger(size) || size < 0 || size > 65536) throw new RangeError('randomBytes size must be an integer between 0 and 65536');
  const buf = Buffer.from(host.Random(size), 'base64');
  if (typeof callback === 'function') { callback(null, buf); return undefined; }
  return buf;
};

const crypto = {
  createHash: alg => new Hash(alg),
  createHmac: (alg, key) => new Hash(alg, base64Encode(toBytes(key), false)),
  randomBytes,
  randomUUID() {
    const b = randomBytes(16);
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    const h = b.toString('hex');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  },
  randomInt(min, max) {
    if (max === undefined) { max = min; min = 0; }
    const b = randomBytes(6);
    const n = b.reduce((acc, x) => acc * 256 + x, 0);
    return min + (n % (max - min));
  },
  timingSafeEqual(a, b) {
    if (a.length !== b.length) throw new RangeError('Input buffers must have the same byte length');
    let diff = 0;
    for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
    return diff === 0;
  },
  getHashes: () => HASHES.slice(),
};
