// Pseudonymous card keys: the same card always gives the same key on this installation, and
// the card number cannot be read back from it without the installation secret.
import { createHmac } from 'node:crypto';

/** 64 hex characters: HMAC-SHA256(card number, installation secret). */
export type CardKey = string & { readonly __brand: 'CardKey' };

export type CardKeyer = (cardNumber: string) => CardKey;

/** Surrounding white space is not part of the card number (readers add CR/LF and padding), and
 * neither is letter case: library systems match card numbers without regard to it, so the PIN
 * lock and the cache's revocations must too (one key per card however it is printed). */
export function normaliseCardNumber(cardNumber: string): string {
  return cardNumber.trim().toUpperCase();
}

export function cardKeyer(secret: Buffer): CardKeyer {
  return (cardNumber) => createHmac('sha256', secret).update(normaliseCardNumber(cardNumber), 'utf8').digest('hex') as CardKey;
}

export function cardKeyToBlob(key: CardKey): Buffer {
  return Buffer.from(key, 'hex');
}

export function cardKeyFromBlob(blob: Buffer): CardKey {
  return blob.toString('hex') as CardKey;
}
