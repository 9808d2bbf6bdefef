// PINs are kept only as scrypt hashes with a random salt per entry, peppered with a key derived
// from the installation secret: the scrypt input is HMAC-SHA256(pepper, PIN), so a data disk
// without the secret verifies no PIN at all (4 digits are 1e4 guesses, which no salt or cost
// slows down enough). scrypt runs on libuv's thread pool (the async API), so hashing never
// blocks the event loop that drives the door.
import { createHmac, hkdfSync, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** About 16 MB and some tens of milliseconds per hash on a kiosk PC. */
export const DEFAULT_PIN_COST: ScryptCost = { N: 16384, r: 8, p: 1 };

/** The key that peppers PIN hashes, derived from the installation secret. */
export type PinPepper = Buffer & { readonly __brand: 'PinPepper' };

const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** `scrypt$...`: scrypt of the PIN itself (before peppering; still verified, replaced on the next online verification). */
const UNPEPPERED = 'scrypt';
/** `scrypt-peppered$...`: scrypt of HMAC-SHA256(pepper, PIN). */
const PEPPERED = 'scrypt-peppered';

export function pinPepper(secret: Buffer): PinPepper {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'kiosk pin pepper v1', KEY_BYTES)) as PinPepper;
}

function derive(pin: string, pepper: PinPepper | null, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const nfc = pin.normalize('NFC');
  const input = pepper ? createHmac('sha256', pepper).update(nfc, 'utf8').digest() : nfc;
  const maxmem = 256 * cost.N * cost.r + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(input, salt, KEY_BYTES, { ...cost, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * `scrypt-peppered$N$r$p$<salt base64>$<hash base64>`: the version and cost travel with the hash.
 * Without a pepper (tests, benchmarks) it writes the older unpeppered `scrypt$...` form.
 */
export async function hashPin(pin: string, cost: ScryptCost = DEFAULT_PIN_COST, pepper?: PinPepper): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(pin, pepper ?? null, salt, cost);
  return [pepper ? PEPPERED : UNPEPPERED, cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

function parse(encoded: string): { peppered: boolean; cost: ScryptCost; salt: Buffer; key: Buffer } | null {
  const parts = encoded.split('$');
  if (parts.length !== 6 || (parts[0] !== UNPEPPERED && parts[0] !== PEPPERED)) return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (!Number.isInteger(N) || !Number.isInteger(r) || !Number.isInteger(p)) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const key = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length === 0 || key.length !== KEY_BYTES) return null;
  return { peppered: parts[0] === PEPPERED, cost: { N: N as number, r: r as number, p: p as number }, salt, key };
}

/** True only for the PIN that made `encoded`; a malformed hash, or a peppered one without its pepper, matches nothing. */
export async function verifyPin(pin: string, encoded: string, pepper?: PinPepper): Promise<boolean> {
  const parsed = parse(encoded);
  if (!parsed || (parsed.peppered && !pepper)) return false;
  const key = await derive(pin, parsed.peppered ? (pepper ?? null) : null, parsed.salt, parsed.cost);
  return timingSafeEqual(key, parsed.key);
}
