// The installation secret can live outside the data folder (a root-only file, or a systemd
// credential), so a stolen data disk holds no key: no card number can be recomputed from a card
// key and no PIN verified against a cached hash. Through openStore and the real `kiosk door`.
import { spawn } from 'node:child_process';
import { scryptSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exportForOfficer, generateOfficerKeyPair, type StoreWarning } from '../../store/index';
import { doorBench, type DoorBench, JsonLinesProcess, type LogLine, present, startIlsSim } from '../door/door-harness';
import { MovingClock, openTestStore, tempDir, type TempDir } from '../store/helpers';

const ROOT = path.resolve(import.meta.dirname, '../..');
const KIOSK = path.join(ROOT, 'bin/kiosk.js');
const SECRET_HEX = /^[0-9a-f]{64}$/;
const facts = { birthDate: '1985-12-25', ageBand: null, cardLost: false, excludedFromUnstaffed: false, blocked: false, feesDkk: 0 } as const;
const PATRON = { ...facts, cardNumber: '2512857391', pin: '8293' };

/** Every file under the data folder, as bytes. */
function filesUnder(dir: string): Array<[string, Buffer]> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e): [string, Buffer] => [path.join(e.parentPath, e.name), readFileSync(path.join(e.parentPath, e.name))]);
}

/** The secret, in any form it could be written (hex text, raw bytes), anywhere under `dir`. */
function filesHoldingSecret(dir: string, secretHex: string): string[] {
  const forms = [Buffer.from(secretHex, 'utf8'), Buffer.from(secretHex, 'hex'), Buffer.from(secretHex.toUpperCase(), 'utf8')];
  return filesUnder(dir)
    .filter(([, bytes]) => forms.some((f) => bytes.includes(f)))
    .map(([name]) => name);
}

/** What a thief of the data disk does: find the scrypt hashes and try PINs with scrypt alone. */
function pinsVerifiableFromBytes(dir: string, candidates: string[]): string[] {
  const all = Buffer.concat(filesUnder(dir).map(([, b]) => b)).toString('latin1');
  const hashes = [...all.matchAll(/\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]{24})\$([A-Za-z0-9+/=]{44})/g)];
  expect(hashes.length).toBeGreaterThan(0); // control: the thief does find the cached hashes
  const found: string[] = [];
  for (const [, N, r, p, salt, hash] of hashes) {
    const cost = { N: Number(N), r: Number(r), p: Number(p), maxmem: 256 * Number(N) * Number(r) + 2 ** 20 };
    for (const pin of candidates) {
      if (scryptSync(pin, Buffer.from(salt!, 'base64'), 32, cost).equals(Buffer.from(hash!, 'base64'))) found.push(pin);
    }
  }
  return found;
}

describe('the installation secret at a configured place (openStore)', () => {
  let tmp: TempDir;
  let dataDir: string;
  let keyDir: string;
  const clock = new MovingClock('2026-03-02T10:00:00Z');
  afterEach(() => {
    delete process.env.CREDENTIALS_DIRECTORY;
    tmp.cleanup();
  });
  const setup = () => {
    tmp = tempDir('kiosk-secret-');
    dataDir = path.join(tmp.dir, 'data');
    keyDir = path.join(tmp.dir, 'keys');
    mkdirSync(keyDir, { mode: 0o700 });
  };

  it('is created there (0600) and not in the data folder; the data folder then verifies no PIN', async () => {
    setup();
    const secretFile = path.join(keyDir, 'kiosk-secret');
    const store = openTestStore(dataDir, clock, { secretFile });
    await store.credentials.remember(PATRON);
    store.close();
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    const hex = readFileSync(secretFile, 'utf8').trim();
    expect(hex).toMatch(SECRET_HEX);
    expect(readdirSync(dataDir)).not.toContain('installation-secret');
    expect(filesHoldingSecret(dataDir, hex)).toEqual([]);
    expect(pinsVerifiableFromBytes(dataDir, [PATRON.pin, '0000', '1234'])).toEqual([]);
    // With the secret in its place, the cached credential still works.
    const again = openTestStore(dataDir, clock, { secretFile });
    expect((await again.credentials.verifyOffline(PATRON.cardNumber, PATRON.pin)).ok).toBe(true);
    again.close();
  });

  it('moves an existing secret from the data folder there, so cached credentials stay valid', async () => {
    setup();
    const before = openTestStore(dataDir, clock);
    await before.credentials.remember(PATRON);
    before.close();
    const oldHex = readFileSync(path.join(dataDir, 'installation-secret'), 'utf8').trim();
    const secretFile = path.join(keyDir, 'kiosk-secret');
    const warnings: StoreWarning[] = [];
    const after = openTestStore(dataDir, clock, { secretFile, onWarning: (w) => warnings.push(w) });
    try {
      expect(readFileSync(secretFile, 'utf8').trim()).toBe(oldHex);
      expect(statSync(secretFile).mode & 0o777).toBe(0o600);
      expect(existsSync(path.join(dataDir, 'installation-secret'))).toBe(false);
      expect(warnings.map((w) => w.code)).toContain('secret-moved');
      expect((await after.credentials.verifyOffline(PATRON.cardNumber, PATRON.pin)).ok).toBe(true);
    } finally {
      after.close();
    }
  });

  it('refuses to start when the data folder holds a different secret than the configured one', () => {
    setup();
    openTestStore(dataDir, clock).close();
    const secretFile = path.join(keyDir, 'kiosk-secret');
    writeFileSync(secretFile, `${'ab'.repeat(32)}\n`, { mode: 0o600 });
    expect(() => openTestStore(dataDir, clock, { secretFile })).toThrow(/holds a different installation secret/);
  });

  it('deletes the data folder copy when it is the same secret as the configured one', () => {
    setup();
    openTestStore(dataDir, clock).close();
    const secretFile = path.join(keyDir, 'kiosk-secret');
    writeFileSync(secretFile, readFileSync(path.join(dataDir, 'installation-secret')), { mode: 0o600 });
    openTestStore(dataDir, clock, { secretFile }).close();
    expect(existsSync(path.join(dataDir, 'installation-secret'))).toBe(false);
  });

  it('narrows a configured secret readable by others to 0600, and says so', () => {
    setup();
    const secretFile = path.join(keyDir, 'kiosk-secret');
    writeFileSync(secretFile, `${'cd'.repeat(32)}\n`);
    chmodSync(secretFile, 0o644);
    const warnings: StoreWarning[] = [];
    openTestStore(dataDir, clock, { secretFile, onWarning: (w) => warnings.push(w) }).close();
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    expect(warnings.map((w) => w.code)).toContain('secret-permissions-fixed');
  });

  it('never replaces a configured file that does not hold a secret', () => {
    setup();
    const secretFile = path.join(keyDir, 'kiosk-secret');
    writeFileSync(secretFile, 'c2VjcmV0IGluIGJhc2U2NA==\n', { mode: 0o600 });
    expect(() => openTestStore(dataDir, clock, { secretFile })).toThrow(/does not hold an installation secret.*64 hex/);
    expect(readFileSync(secretFile, 'utf8')).toBe('c2VjcmV0IGluIGJhc2U2NA==\n');
  });

  it('fails clearly when the configured file cannot be created', () => {
    setup();
    writeFileSync(path.join(tmp.dir, 'not-a-folder'), '');
    expect(() => openTestStore(dataDir, clock, { secretFile: path.join(tmp.dir, 'not-a-folder', 'secret') })).toThrow(/cannot create the installation secret .*not-a-folder\/secret/);
  });

  it("the officer's export neither needs the secret nor makes one beside the data", () => {
    setup();
    const officer = generateOfficerKeyPair();
    const secretFile = path.join(keyDir, 'kiosk-secret');
    const store = openTestStore(dataDir, clock, { secretFile, accessLog: { officerPublicKey: officer.publicKeyBase64 } });
    store.accessLog.record({ door: 'front', decision: 'allowed', reason: 'ok', cardNumber: PATRON.cardNumber });
    store.close();
    const configFile = path.join(tmp.dir, 'site.json');
    writeFileSync(configFile, JSON.stringify({ dataDir: 'data', secretFile: 'keys/kiosk-secret', accessLog: { officerPublicKey: officer.publicKeyBase64 } }));
    const keyFile = path.join(tmp.dir, 'officer.key');
    writeFileSync(keyFile, officer.privateKeyPem, { mode: 0o600 });
    chmodSync(secretFile, 0o000); // the officer's account cannot read the door's secret
    const { entries } = exportForOfficer({ configFile, privateKeyFile: keyFile, exportedBy: 'test', clock });
    expect(entries.map((e) => e.identities)).toEqual([[{ role: 'patron', cardNumber: PATRON.cardNumber }]]);
    expect(readdirSync(dataDir)).not.toContain('installation-secret');
  });

  it('reads a systemd credential, and never creates one', async () => {
    setup();
    const creds = path.join(tmp.dir, 'credentials');
    mkdirSync(creds);
    writeFileSync(path.join(creds, 'kiosk-secret'), `${'ef'.repeat(32)}\n`, { mode: 0o400 });
    process.env.CREDENTIALS_DIRECTORY = creds;
    const store = openTestStore(dataDir, clock, { secretFile: 'credential:kiosk-secret' });
    await store.credentials.remember(PATRON);
    store.close();
    expect(readdirSync(dataDir)).not.toContain('installation-secret');
    expect(pinsVerifiableFromBytes(dataDir, [PATRON.pin])).toEqual([]);
    expect(() => openTestStore(dataDir, clock, { secretFile: 'credential:missing-one' })).toThrow(/credential missing-one.*LoadCredentialEncrypted/s);
    expect(existsSync(path.join(creds, 'missing-one'))).toBe(false);
    delete process.env.CREDENTIALS_DIRECTORY;
    expect(() => openTestStore(dataDir, clock, { secretFile: 'credential:kiosk-secret' })).toThrow(/CREDENTIALS_DIRECTORY is not set/);
  });
});

describe('the installation secret outside the data folder, through `kiosk door`', () => {
  const OPEN_AT = '2026-11-20T10:00:00+01:00';
  const ADULT = { id: '0103801001', pin: '1234' };
  let ils: { proc: JsonLinesProcess; port: number };
  const benches: DoorBench[] = [];
  beforeAll(async () => {
    ils = await startIlsSim();
  }, 30_000);
  afterAll(async () => {
    await ils?.proc.stop();
    for (const bench of benches) await bench.close();
  });

  function door(bench: DoorBench, env: NodeJS.ProcessEnv = {}): JsonLinesProcess {
    const child = spawn(process.execPath, [KIOSK, 'door', '--config', bench.configFile, '--clock', OPEN_AT], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new JsonLinesProcess(child);
  }

  async function enterOnce(bench: DoorBench, proc: JsonLinesProcess): Promise<LogLine> {
    await proc.next((l) => l.event === 'door.ready', 15_000);
    const since = proc.lines.length;
    await present(bench, ADULT.id, ADULT.pin);
    const verdict = await proc.next((l) => l.event === 'door.attempt', 8000, since);
    await new Promise((resolve) => setTimeout(resolve, 500)); // the background credential refresh
    expect(await proc.stop()).toBe(0);
    return verdict;
  }

  it('with secretFile (relative to the config file): no secret and no verifiable PIN in the data folder', async () => {
    const bench = await doorBench(ils.port, 500, { secretFile: 'keys/installation-secret' });
    benches.push(bench);
    mkdirSync(path.join(bench.dir, 'keys'), { mode: 0o700 });
    expect(await enterOnce(bench, door(bench))).toMatchObject({ decision: 'allowed' });
    const dataDir = path.join(bench.dir, 'data');
    const secretFile = path.join(bench.dir, 'keys/installation-secret');
    const hex = readFileSync(secretFile, 'utf8').trim();
    expect(readdirSync(dataDir)).not.toContain('installation-secret');
    expect(filesHoldingSecret(dataDir, hex)).toEqual([]);
    expect(pinsVerifiableFromBytes(dataDir, [ADULT.pin])).toEqual([]);
    // Control: with the secret, the door's own cache does verify the PIN.
    const store = openTestStore(dataDir, new MovingClock(OPEN_AT), { secretFile });
    try {
      expect((await store.credentials.verifyOffline(ADULT.id, ADULT.pin)).ok).toBe(true);
    } finally {
      store.close();
    }
  }, 40_000);

  it('with secretFile "credential:<name>": reads $CREDENTIALS_DIRECTORY, refuses to start when it is missing', async () => {
    const bench = await doorBench(ils.port, 500, { secretFile: 'credential:kiosk-secret' });
    benches.push(bench);
    const creds = path.join(bench.dir, 'creds');
    mkdirSync(creds, { mode: 0o700 });
    const missing = door(bench, { CREDENTIALS_DIRECTORY: creds });
    expect(await missing.exited).not.toBe(0);
    expect(missing.text.join('\n')).toMatch(/credential kiosk-secret/);
    expect(existsSync(path.join(creds, 'kiosk-secret'))).toBe(false);

    const hex = 'a1'.repeat(32);
    writeFileSync(path.join(creds, 'kiosk-secret'), `${hex}\n`, { mode: 0o400 });
    expect(await enterOnce(bench, door(bench, { CREDENTIALS_DIRECTORY: creds }))).toMatchObject({ decision: 'allowed' });
    const dataDir = path.join(bench.dir, 'data');
    expect(filesHoldingSecret(dataDir, hex)).toEqual([]);
    expect(pinsVerifiableFromBytes(dataDir, [ADULT.pin])).toEqual([]);
  }, 40_000);
});
