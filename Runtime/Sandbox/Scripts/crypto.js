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

// Keys as Node's KeyObject: a secret's bytes stay here; an RSA or EC key is kept as PEM, which the host parses,
// signs and verifies with (jsonwebtoken, jws and jose-style code call these).
class KeyObject {
  constructor(type, secret, description) {
    this.type = type;
    this._secret = secret;
    if (description) {
      this.asymmetricKeyType = description.asymmetricKeyType;
      this.asymmetricKeyDetails = description.asymmetricKeyType === 'rsa'
        ? { modulusLength: description.modulusLength, publicExponent: 65537n }
        : { namedCurve: description.namedCurve };
      this._pem = description.pem;
    }
  }
  get symmetricKeySize() { return this.type === 'secret' ? this._secret.length : undefined; }
  export(options) {
    if (this.type === 'secret') return Buffer.from(this._secret);
    if (options && options.format && options.format !== 'pem') throw new Error(`Exporting keys as ${options.format} is not supported; use 'pem'`);
    return this._pem;
  }
  equals(other) {
    return other instanceof KeyObject && other.type === this.type
      && (this.type === 'secret' ? crypto.timingSafeEqual(this._secret, other._secret) : this._pem === other._pem);
  }
}

function hostAnswer(json) {
  const answer = JSON.parse(json);
  if (answer.error !== undefined) throw new Error(answer.error);
  return answer;
}

function asymmetricKey(input, publicHalf) {
  if (input instanceof KeyObject) {
    if (input.type === 'secret') throw new TypeError('Invalid key object type secret, expected ' + (publicHalf ? 'public.' : 'private.'));
    if (!publicHalf || input.type === 'public') return input;
    input = input._pem;
  }
  let format = 'pem';
  if (input !== null && typeof input === 'object' && !ArrayBuffer.isView(input)) {
    if (input.passphrase !== undefined) throw new Error('Encrypted private keys are not supported: pass the key unencrypted (kept in a secret).');
    format = input.format === 'jwk' ? 'jwk' : 'pem';
    input = input.key instanceof KeyObject ? input.key._pem : input.key;
  }
  const source = format === 'jwk' ? JSON.stringify(input) : typeof input === 'string' ? input : utf8Decode(toBytes(input));
  const description = hostAnswer(host.DescribeKey(source, format, publicHalf));
  return new KeyObject(description.type, undefined, description);
}

// The PEM and options of a sign/verify key argument (a PEM, a KeyObject, or { key, format, padding, dsaEncoding }).
// A PEM goes to the host as it is: signing and verifying parse it there, so describing it first would parse it twice.
function signingKey(key, publicHalf) {
  const options = key !== null && typeof key === 'object' && !(key instanceof KeyObject) && !ArrayBuffer.isView(key) ? key : {};
  const input = options === key ? key.key : key;
  const pem = typeof input === 'string' ? input
    : ArrayBuffer.isView(input) && options.format !== 'jwk' ? utf8Decode(toBytes(input))
    : input instanceof KeyObject && input.type !== 'secret' ? input._pem
    : asymmetricKey(options === key ? key : input, publicHalf)._pem;
  return { pem, pss: options.padding === 6, p1363: options.dsaEncoding === 'ieee-p1363' };
}

class Signer {
  constructor(alg) { this._alg = String(alg); this._chunks = []; }
  update(data, encoding) { this._chunks.push(Buffer.from(toBytes(data, encoding))); return this; }
  sign(key, encoding) {
    const { pem, pss, p1363 } = signingKey(key, false);
    const out = Buffer.from(hostAnswer(host.Sign(this._alg, pem, base64Encode(Buffer.concat(this._chunks), false), pss, p1363)).signature, 'base64');
    return encoding ? out.toString(encoding) : out;
  }
  verify(key, signature, encoding) {
    const { pem, pss, p1363 } = signingKey(key, true);
    const sig = typeof signature === 'string' ? Buffer.from(signature, encoding) : Buffer.from(toBytes(signature));
    return hostAnswer(host.Verify(this._alg, pem, base64Encode(Buffer.concat(this._chunks), false), base64Encode(sig, false), pss, p1363)).valid;
  }
}

const crypto = {
  createHash: alg => new Hash(alg),
  KeyObject,
  createSecretKey: (key, encoding) => new KeyObject('secret', Buffer.from(toBytes(key, encoding))),
  createPublicKey: key => asymmetricKey(key, true),
  createPrivateKey: key => {
    const k = asymmetricKey(key, false);
    if (k.type !== 'private') throw new Error('error:1E08010C:DECODER routines::unsupported (not a private key)');
    return k;
  },
  createSign: alg => new Signer(alg),
  createVerify: alg => new Signer(alg),
  sign: (alg, data, key) => new Signer(alg || 'sha256').update(data).sign(key),
  verify: (alg, data, key, signature) => new Signer(alg || 'sha256').update(data).verify(key, signature),
  constants: Object.freeze({ RSA_PKCS1_PADDING: 1, RSA_PKCS1_PSS_PADDING: 6, RSA_PSS_SALTLEN_DIGEST: -1, RSA_PSS_SALTLEN_MAX_SIGN: -2, RSA_PSS_SALTLEN_AUTO: -2 }),
  createHmac: (alg, key) => new Hash(alg, base64Encode(key instanceof KeyObject ? key._secret : toBytes(key), false)),
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
