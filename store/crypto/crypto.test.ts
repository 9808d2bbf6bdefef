import { createHmac } from 'node:crypto';
import { statSync, writeFileSync, chmodSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { FAST_PIN_COST, tempDir, type TempDir } from '../../test/store/helpers';
import type { StoreWarning } from '../errors';
import { cardKeyer } from './card-key';
import { loadInstallationSecret, SECRET_FILE } from './installation-secret';
import { localCipher } from './local-cipher';
import { hashPin, pinPepper, verifyPin } from './pin-hash';
import { generateOfficerKeyPair, openSealed, parseOfficerPrivateKey, parseOfficerPublicKey, publicKeyOf, seal } from './sealed-box';

let tmp: TempDir | undefined;
afterEach(() => tmp?.cleanup());

describe('installation secret', () => {
  it('is created on first start with mode 0600 and is the same on the next start', () => {
    tmp = tempDir();
    const warnings: StoreWarning[] = [];
    const first = loadInstallationSecret(tmp.dir, (w) => warnings.push(w), () => new Date());
    const file = path.join(tmp.dir, SECRET_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first).toHaveLength(32);
    expect(loadInstallationSecret(tmp.dir, (w) => warnings.push(w), () => new Date())).toEqual(first);
    expect(warnings).toEqual([]);
  });

  it('narrows permissions that let others read it, and says so', () => {
    tmp = tempDir();
    loadInstallationSecret(tmp.dir, () => undefined, () => new Date());
    const file = path.join(tmp.dir, SECRET_FILE);
    chmodSync(file, 0o644);
    const warnings: StoreWarning[] = [];
    loadInstallationSecret(tmp.dir, (w) => warnings.push(w), () => new Date());
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(warnings.map((w) => w.code)).toEqual(['secret-permissions-fixed']);
  });

  it('moves an invalid secret aside instead of overwriting it', () => {
    tmp = tempDir();
    const file = path.join(tmp.dir, SECRET_FILE);
    writeFileSync(file, 'not hex', { mode: 0o600 });
    const warnings: StoreWarning[] = [];
    const secret = loadInstallationSecret(tmp.dir, (w) => warnings.push(w), () => new Date('2026-03-02T10:00:00Z'));
    expect(secret).toHaveLength(32);
    expect(warnings[0]?.code).toBe('secret-invalid-moved-aside');
    expect(readFileSync(path.join(tmp.dir, `${SECRET_FILE}.invalid-20260302T100000Z`), 'utf8')).toBe('not hex');
    expect(readdirSync(tmp.dir).sort()).toEqual([SECRET_FILE, `${SECRET_FILE}.invalid-20260302T100000Z`]);
  });
});

describe('card keys', () => {
  it('are HMAC-SHA256 of the normalised card number with the secret', () => {
    // RFC 4231 test case 2 checks the primitive; the card number is upper-cased first.
    expect(createHmac('sha256', 'Jefe').update('what do ya want for nothing?').digest('hex')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    const key = cardKeyer(Buffer.from('Jefe'));
    expect(key('what do ya want for nothing?')).toBe(createHmac('sha256', 'Jefe').update('WHAT DO YA WANT FOR NOTHING?').digest('hex'));
  });

  it('ignore the white space a reader adds, and differ between installations', () => {
    const a = cardKeyer(Buffer.alloc(32, 1));
    const b = cardKeyer(Buffer.alloc(32, 2));
    expect(a(' 0101901234\r\n')).toBe(a('0101901234'));
    expect(a('0101901234')).not.toBe(b('0101901234'));
    expect(a('0101901234')).not.toContain('0101901234');
  });
});

describe('PIN hashes', () => {
  it('verify only the PIN that made them, with a fresh salt each time', async () => {
    const one = await hashPin('4711', FAST_PIN_COST);
    const two = await hashPin('4711', FAST_PIN_COST);
    expect(one).toMatch(/^scrypt\$256\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(one).not.toBe(two);
    expect(one).not.toContain('4711');
    expect(await verifyPin('4711', one)).toBe(true);
    expect(await verifyPin('4712', one)).toBe(false);
    expect(await verifyPin('', one)).toBe(false);
    expect(await verifyPin('47110', one)).toBe(false);
  });

  it('match nothing when the stored hash is malformed', async () => {
    expect(await verifyPin('4711', 'scrypt$x$8$1$AAAA$AAAA')).toBe(false);
    expect(await verifyPin('4711', 'plain 4711')).toBe(false);
  });

  it('reject every other PIN (property)', async () => {
    const hash = await hashPin('2580', FAST_PIN_COST);
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^\d{0,6}$/).filter((p) => p !== '2580'), async (pin) => {
        expect(await verifyPin(pin, hash)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});

describe('peppered PIN hashes (keyed with the installation secret)', () => {
  const pepper = pinPepper(Buffer.alloc(32, 3));

  it('carry their own version marker and verify only with the same secret', async () => {
    const hash = await hashPin('4711', FAST_PIN_COST, pepper);
    expect(hash).toMatch(/^scrypt-peppered\$256\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(await verifyPin('4711', hash, pepper)).toBe(true);
    expect(await verifyPin('4712', hash, pepper)).toBe(false);
    expect(await verifyPin('4711', hash, pinPepper(Buffer.alloc(32, 4)))).toBe(false);
    expect(await verifyPin('4711', hash)).toBe(false);
  });

  it('are not plain scrypt of the PIN: the hash and salt alone verify no PIN', async () => {
    const hash = await hashPin('4711', FAST_PIN_COST, pepper);
    const [, , , , salt, key] = hash.split('$');
    const { scryptSync } = await import('node:crypto');
    expect(scryptSync('4711', Buffer.from(salt ?? '', 'base64'), 32, { N: 256, r: 8, p: 1 }).toString('base64')).not.toBe(key);
    expect(await verifyPin('4711', `scrypt$256$8$1$${salt}$${key}`)).toBe(false);
  });

  it('leave older unpeppered hashes verifiable', async () => {
    const legacy = await hashPin('4711', FAST_PIN_COST);
    expect(legacy.startsWith('scrypt$')).toBe(true);
    expect(await verifyPin('4711', legacy, pepper)).toBe(true);
    expect(await verifyPin('4712', legacy, pepper)).toBe(false);
  });
});

describe('local cipher', () => {
  it('round-trips for the same purpose only', () => {
    const cipher = localCipher(Buffer.alloc(32, 7));
    const sealed = cipher.seal('0101901234', 'offline-queue patron');
    expect(sealed.includes(Buffer.from('0101901234'))).toBe(false);
    expect(cipher.open(sealed, 'offline-queue patron')).toBe('0101901234');
    expect(() => cipher.open(sealed, 'something else')).toThrow();
    expect(() => localCipher(Buffer.alloc(32, 8)).open(sealed, 'offline-queue patron')).toThrow();
  });
});

describe('sealed boxes for the security officer', () => {
  it('open only with the officer private key and the same context', () => {
    const pair = generateOfficerKeyPair();
    const officer = parseOfficerPublicKey(pair.publicKeyBase64);
    const box = seal(officer, Buffer.from('0101901234'), Buffer.from('row 1'));
    expect(box[0]).toBe(1);
    expect(box.length).toBe(1 + 32 + 12 + 16 + 10);
    expect(box.includes(Buffer.from('0101901234'))).toBe(false);
    const privateKey = parseOfficerPrivateKey(pair.privateKeyPem);
    expect(openSealed(privateKey, box, Buffer.from('row 1')).toString()).toBe('0101901234');
    expect(() => openSealed(privateKey, box, Buffer.from('row 2'))).toThrow();
    const other = parseOfficerPrivateKey(generateOfficerKeyPair().privateKeyPem);
    expect(() => openSealed(other, box, Buffer.from('row 1'))).toThrow();
    const tampered = Buffer.from(box);
    tampered[tampered.length - 1] = (tampered.at(-1) ?? 0) ^ 1;
    expect(() => openSealed(privateKey, tampered, Buffer.from('row 1'))).toThrow();
  });

  it('uses a fresh ephemeral key per box', () => {
    const officer = parseOfficerPublicKey(generateOfficerKeyPair().publicKeyBase64);
    const a = seal(officer, Buffer.from('x'), Buffer.alloc(0));
    const b = seal(officer, Buffer.from('x'), Buffer.alloc(0));
    expect(a.subarray(1, 33).equals(b.subarray(1, 33))).toBe(false);
  });

  it('accepts the public key as base64 or PEM, with the same key id', () => {
    const pair = generateOfficerKeyPair();
    expect(parseOfficerPublicKey(pair.publicKeyPem).id).toBe(pair.keyId);
    expect(parseOfficerPublicKey(pair.publicKeyBase64).id).toBe(pair.keyId);
    expect(publicKeyOf(parseOfficerPrivateKey(pair.privateKeyPem)).id).toBe(pair.keyId);
    expect(pair.keyId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('rejects keys that are not X25519 public keys with a clear error', () => {
    expect(() => parseOfficerPublicKey('hello')).toThrow(/officer public key is not an X25519 public key/);
    expect(() => parseOfficerPublicKey(Buffer.alloc(31).toString('base64'))).toThrow(/not 32 bytes/);
    expect(() => parseOfficerPrivateKey('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----')).toThrow(/not an X25519 private key/);
  });
});

describe('card keys ignore letter case and padding', () => {
  it('gives one key for a card number however it is printed', () => {
    const key = cardKeyer(Buffer.alloc(32, 7));
    expect(key('ab12cd34')).toBe(key(' AB12CD34\r\n'));
    expect(key('Ab12cD34')).toBe(key('AB12CD34'));
    expect(key('AB12CD35')).not.toBe(key('AB12CD34'));
  });
});
