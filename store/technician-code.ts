// The technician code is kept only as a slow salted hash (scrypt, the PIN format), never in clear.
// Wrong codes are counted like wrong PINs (PinAttempts) under a pseudo card of their own, so the
// lock-out survives restarts and a technician's guesses never slow patrons at the door.
import { DEFAULT_PIN_COST, hashPin, type ScryptCost, verifyPin } from './crypto/pin-hash';

/** What a technician types: 6 to 12 digits. */
export const TECHNICIAN_CODE_PATTERN = /^\d{6,12}$/;

export function isTechnicianCode(code: string): boolean {
  return TECHNICIAN_CODE_PATTERN.test(code);
}

/** `scrypt$N$r$p$salt$hash` for site.json's `technicianCodeHash`; refuses anything but 6-12 digits. */
export async function hashTechnicianCode(code: string, cost: ScryptCost = DEFAULT_PIN_COST): Promise<string> {
  if (!isTechnicianCode(code)) throw new RangeError('a technician code is 6 to 12 digits');
  return hashPin(code, cost);
}

/** True only for the code that made `encoded`. A code that is not 6-12 digits is wrong without hashing. */
export async function verifyTechnicianCode(code: string, encoded: string): Promise<boolean> {
  if (!isTechnicianCode(code)) return false;
  return verifyPin(code, encoded);
}

/** The pseudo card number whose key counts this place's wrong technician codes and locks them out. */
export function technicianPseudoCard(place: string): string {
  return `technician:${place}`;
}
