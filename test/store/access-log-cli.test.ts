// `kiosk access-log keygen|export` against a real store file, through the command object.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accessLogCommand } from '../../runtime/cli/access-log-command';
import { type CliIo, UsageError } from '../../runtime/cli/command';
import { parseOfficerPublicKey } from '../../store/index';
import { DAY, MovingClock, openTestStore, tempDir, type TempDir } from './helpers';

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

let tmp: TempDir;
beforeEach(() => {
  tmp = tempDir('kiosk-cli-');
});
afterEach(() => tmp.cleanup());

async function keygen(): Promise<{ publicKey: string; keyFile: string }> {
  const io = captureIo();
  expect(await accessLogCommand.run(['keygen', '--out', tmp.dir], io)).toBe(0);
  const printed = JSON.parse(io.stdout.join('')) as { accessLog: { officerPublicKey: string } };
  return { publicKey: printed.accessLog.officerPublicKey, keyFile: path.join(tmp.dir, 'access-log-officer.key') };
}

/** A config as the runtime writes it (more keys than the export reads) and a log with 3 days. */
function seedLog(publicKey: string): string {
  const config = path.join(tmp.dir, 'kiosk.json');
  writeFileSync(config, JSON.stringify({ library: 'hvidovre', branch: 'Hovedbiblioteket', dataDir: 'data', ils: { transport: 'simulated' }, accessLog: { retentionDays: 30, officerPublicKey: publicKey } }));
  const clock = new MovingClock(new Date(Date.now() - 3 * DAY));
  const store = openTestStore(path.join(tmp.dir, 'data'), clock, { accessLog: { officerPublicKey: publicKey } });
  store.accessLog.record({ door: 'front', decision: 'allowed', reason: 'ok', cardNumber: '0101901234' });
  clock.advance(DAY);
  store.accessLog.record({ door: 'front', decision: 'allowed', reason: 'accompanied', cardNumber: '0101801234', companionCardNumber: '0101151234' });
  clock.advance(DAY);
  store.accessLog.record({ door: 'front', decision: 'denied', reason: 'unreadable-card' });
  store.close();
  return config;
}

describe('kiosk access-log keygen', () => {
  it('writes a 0600 private key and a public key, and prints the public key for the config', async () => {
    const { publicKey, keyFile } = await keygen();
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const pem = readFileSync(path.join(tmp.dir, 'access-log-officer.pub'), 'utf8');
    expect(parseOfficerPublicKey(pem).id).toBe(parseOfficerPublicKey(publicKey).id);
  });

  it('never overwrites an existing key', async () => {
    await keygen();
    await expect(accessLogCommand.run(['keygen', '--out', tmp.dir], captureIo())).rejects.toThrow(/already exists; move it away first/);
  });
});

describe('kiosk access-log export', () => {
  it('prints the entries as JSON lines with the identities opened, and audits the export', async () => {
    const { publicKey, keyFile } = await keygen();
    const config = seedLog(publicKey);
    const io = captureIo();
    expect(await accessLogCommand.run(['export', '--config', config, '--key', keyFile, '--by', 'Officer Jensen'], io)).toBe(0);
    const lines = io.stdout.map((l) => JSON.parse(l) as { reason: string; identities: unknown });
    expect(lines.map((l) => [l.reason, l.identities])).toEqual([
      ['ok', [{ role: 'patron', cardNumber: '0101901234' }]],
      [
        'accompanied',
        [
          { role: 'patron', cardNumber: '0101801234' },
          { role: 'companion', cardNumber: '0101151234' },
        ],
      ],
      ['unreadable-card', []],
    ]);
    expect(io.stderr.join('\n')).toMatch(/exported 3 entries; recorded as export #1 by Officer Jensen/);

    const store = openTestStore(path.join(tmp.dir, 'data'), new MovingClock(new Date()));
    expect(store.accessLogExports.list()).toEqual([expect.objectContaining({ id: 1, exportedBy: 'Officer Jensen', entryCount: 3, from: null, to: null })]);
    store.close();
  });

  it('limits the export to [--from, --to)', async () => {
    const { publicKey, keyFile } = await keygen();
    const config = seedLog(publicKey);
    const from = new Date(Date.now() - 2.5 * DAY).toISOString();
    const to = new Date(Date.now() - 1.5 * DAY).toISOString();
    const io = captureIo();
    await accessLogCommand.run(['export', '--config', config, '--key', keyFile, '--from', from, '--to', to], io);
    expect(io.stdout.map((l) => (JSON.parse(l) as { reason: string }).reason)).toEqual(['accompanied']);
  });

  it('refuses a private key that does not match the configured public key, naming both key ids', async () => {
    const { keyFile } = await keygen();
    const other = tempDir('kiosk-cli-other-');
    const io = captureIo();
    await accessLogCommand.run(['keygen', '--out', other.dir], io);
    const config = seedLog((JSON.parse(io.stdout.join('')) as { accessLog: { officerPublicKey: string } }).accessLog.officerPublicKey);
    await expect(accessLogCommand.run(['export', '--config', config, '--key', keyFile], captureIo())).rejects.toThrow(
      /the private key \(key id [0-9a-f]{16}\) does not belong to accessLog\.officerPublicKey in .*kiosk\.json \(key id [0-9a-f]{16}\)/,
    );
    other.cleanup();
  });

  it('reports bad input as usage errors (exit 2) that say what is wrong', async () => {
    const { keyFile, publicKey } = await keygen();
    const config = path.join(tmp.dir, 'bad.json');
    writeFileSync(config, JSON.stringify({ dataDir: 'data', accessLog: { retentionDays: 45 } }));
    const run = (...argv: string[]) => accessLogCommand.run(argv, captureIo());
    await expect(run('export', '--config', config, '--key', keyFile)).rejects.toThrow(UsageError);
    await expect(run('export', '--config', config, '--key', keyFile)).rejects.toThrow(/accessLog\.retentionDays: /);
    await expect(run('export', '--key', keyFile)).rejects.toThrow('--config FILE is required');
    await expect(run('export', '--config', config, '--key', keyFile, '--from', 'yesterday')).rejects.toThrow(/--from must be an ISO time/);
    await expect(run('export', '--config', config, '--key', keyFile, '--from', '2026-03-02T00:00:00Z', '--to', '2026-03-01T00:00:00Z')).rejects.toThrow(/--from must be before --to/);
    await expect(run('keygen', '--config', config)).rejects.toThrow(/--config does not apply to keygen/);
    await expect(run('rotate')).rejects.toThrow(/unknown action 'rotate'/);
    writeFileSync(config, JSON.stringify({ dataDir: 'nowhere', accessLog: { officerPublicKey: publicKey } }));
    await expect(run('export', '--config', config, '--key', keyFile)).rejects.toThrow(/there is no store database in dataDir .*nowhere/);
    writeFileSync(config, JSON.stringify({ dataDir: 'data' }));
    await expect(run('export', '--config', config, '--key', keyFile)).rejects.toThrow(/accessLog\.officerPublicKey is not set/);
    await expect(run('export', '--config', config, '--key', path.join(tmp.dir, 'missing.key'))).rejects.toThrow(/cannot read the private key file .*missing\.key: ENOENT/);
  });
});
