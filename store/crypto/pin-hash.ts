// PINs are kept only as scrypt hashes with a random salt per entry. scrypt runs on libuv's
// thread pool (the async API), so hashing never blocks the event loop that drives the door.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** About 16 MB and some tens of milliseconds per hash on a kiosk PC. */
export const DEFAULT_PIN_COST: ScryptCost = { N: 16384, r: 8, p: 1 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;

function derive(pin: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const maxmem = 256 * cost.N * cost.r + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFC'), salt, KEY_BYTES, { ...cost, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `scrypt$N$r$p$<salt base64>$<hash base64>`: the cost travels with the hash. */
export async function hashPin(pin: string, cost: ScryptCost = DEFAULT_PIN_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(pin, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

function parse(encoded: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | null {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (!Number.isInteger(N) || !Number.isInteger(r) || !Number.isInteger(p)) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const key = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length === 0 || key.length !== KEY_BYTES) return null;
  return { cost: { N: N as number, r: r as number, p: p as number }, salt, key };
}

/** True only for the PIN that made `encoded`; a malformed hash matches nothing. */
export async function verifyPin(pin: string, encoded: string): Promise<boolean> {
  const parsed = parse(encoded);
  if (!parsed) return false;
  const key = await derive(pin, parsed.salt, parsed.cost);
  return timingSafeEqual(key, parsed.key);
}
