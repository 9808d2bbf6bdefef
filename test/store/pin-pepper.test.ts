// PIN hashes cached before the pepper (plain `scrypt$...`) keep working offline, and the next
// online verification replaces them with a peppered hash.
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { hashPin } from '../../store/crypto/pin-hash';
import { FAST_PIN_COST, MovingClock, openTestStore, tempDir, type TempDir } from './helpers';

let tmp: TempDir;
afterEach(() => tmp.cleanup());

const patron = { cardNumber: '2512857391', pin: '8293', birthDate: null, ageBand: '18+', cardLost: false, excludedFromUnstaffed: false, blocked: false, feesDkk: null } as const;

it('an unpeppered hash from before still verifies, and is peppered at the next online verification', async () => {
  tmp = tempDir('kiosk-pepper-');
  const clock = new MovingClock();
  const store = openTestStore(tmp.dir, clock);
  await store.credentials.remember(patron);
  const raw = new Database(store.file);
  const pinHash = () => (raw.prepare('SELECT pin_hash FROM patron_credentials').get() as { pin_hash: string }).pin_hash;
  expect(pinHash()).toMatch(/^scrypt-peppered\$/);
  raw.prepare('UPDATE patron_credentials SET pin_hash = ?').run(await hashPin(patron.pin, FAST_PIN_COST)); // as an older kiosk wrote it
  expect(pinHash()).toMatch(/^scrypt\$/);
  expect((await store.credentials.verifyOffline(patron.cardNumber, patron.pin)).ok).toBe(true);
  expect((await store.credentials.verifyOffline(patron.cardNumber, '0000')).ok).toBe(false);
  await store.credentials.remember(patron);
  expect(pinHash()).toMatch(/^scrypt-peppered\$/);
  raw.close();
  store.close();
});
