// Sealed boxes for the security officer: anyone with the public key can seal, only the private
// key opens. X25519 with a fresh ephemeral key per box, HKDF-SHA256, AES-256-GCM.
//   box = 0x01 | ephemeral public key (32) | nonce (12) | GCM tag (16) | ciphertext
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { StoreError } from '../errors';

const VERSION = 1;
const INFO = 'kiosk access-log sealed box v1';
const RAW_KEY_BYTES = 32;
const HEADER = 1 + RAW_KEY_BYTES + 12 + 16;

export interface OfficerPublicKey {
  key: KeyObject;
  /** 16 hex characters of SHA-256(raw public key): names the key without revealing anything. */
  id: string;
}

function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'X25519' || typeof jwk.x !== 'string') throw new StoreError('bad-officer-key', 'the officer key is not an X25519 key');
  return Buffer.from(jwk.x, 'base64url');
}

function fromRaw(raw: Buffer): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') }, format: 'jwk' });
}

function keyId(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex').slice(0, 16);
}

function describe(key: KeyObject): OfficerPublicKey {
  return { key, id: keyId(rawPublicKey(key)) };
}

/** Accepts the base64 raw key that `kiosk access-log keygen` prints, or a PEM public key. */
export function parseOfficerPublicKey(text: string): OfficerPublicKey {
  const trimmed = text.trim();
  try {
    if (trimmed.startsWith('-----BEGIN')) {
      const key = createPublicKey(trimmed);
      if (key.asymmetricKeyType !== 'x25519') throw new Error(`a ${String(key.asymmetricKeyType)} key`);
      return describe(key);
    }
    const raw = Buffer.from(trimmed, 'base64');
    if (raw.length !== RAW_KEY_BYTES || raw.toString('base64') !== trimmed) throw new Error(`not 32 bytes of base64`);
    return describe(fromRaw(raw));
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError('bad-officer-key', `the officer public key is not an X25519 public key (${(error as Error).message})`);
  }
}

export function parseOfficerPrivateKey(pem: string): KeyObject {
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'x25519') throw new Error(`a ${String(key.asymmetricKeyType)} key`);
    return key;
  } catch (error) {
    throw new StoreError('bad-officer-key', `the officer private key is not an X25519 private key in PEM (${(error as Error).message})`);
  }
}

export function publicKeyOf(privateKey: KeyObject): OfficerPublicKey {
  return describe(createPublicKey(privateKey));
}

export interface OfficerKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
  /** What goes into the configuration's `accessLog.officerPublicKey`. */
  publicKeyBase64: string;
  keyId: string;
}

export function generateOfficerKeyPair(): OfficerKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  const raw = rawPublicKey(publicKey);
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    publicKeyBase64: raw.toString('base64'),
    keyId: keyId(raw),
  };
}

function boxKey(shared: Buffer, ephemeralRaw: Buffer, recipientRaw: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeralRaw, recipientRaw]), INFO, 32));
}

/** `context` is bound to the box (GCM additional data): a box moved to another row will not open. */
export function seal(recipient: OfficerPublicKey, plaintext: Buffer, context: Buffer): Buffer {
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralRaw = rawPublicKey(ephemeral.publicKey);
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient.key });
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', boxKey(shared, ephemeralRaw, rawPublicKey(recipient.key)), nonce);
  cipher.setAAD(context);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(VERSION), ephemeralRaw, nonce, cipher.getAuthTag(), body]);
}

/** Throws when the box was not sealed to this key, was altered, or belongs to another context. */
export function openSealed(privateKey: KeyObject, box: Buffer, context: Buffer): Buffer {
  if (box.length < HEADER || box[0] !== VERSION) throw new Error('not a sealed box of a known version');
  const ephemeralRaw = box.subarray(1, 1 + RAW_KEY_BYTES);
  const nonce = box.subarray(1 + RAW_KEY_BYTES, 1 + RAW_KEY_BYTES + 12);
  const tag = box.subarray(1 + RAW_KEY_BYTES + 12, HEADER);
  const shared = diffieHellman({ privateKey, publicKey: fromRaw(Buffer.from(ephemeralRaw)) });
  const decipher = createDecipheriv('aes-256-gcm', boxKey(shared, ephemeralRaw, rawPublicKey(createPublicKey(privateKey))), nonce);
  decipher.setAAD(context);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(box.subarray(HEADER)), decipher.final()]);
}
