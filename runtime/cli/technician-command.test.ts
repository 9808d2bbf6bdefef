import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { verifyTechnicianCode } from '../../store/index';
import { ConfigError, DEMO_TECHNICIAN_CODE, DEMO_TECHNICIAN_CODE_HASH, defaultConfig, parseConfig } from '../config';
import { type CliIo, UsageError } from './command';
import { commands } from './commands';
import { type CodeSource, runTechnicianCode } from './technician-command';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function io(): CliIo & { printed: () => string } {
  const lines: string[] = [];
  return { out: (t) => lines.push(t), err: (t) => lines.push(t), printed: () => lines.join('\n') };
}

const piped = (text: string): CodeSource => ({ interactive: false, prompt: vi.fn(), readAll: async () => text });
const typed = (...answers: string[]): CodeSource => ({ interactive: true, prompt: vi.fn(async () => answers.shift() ?? ''), readAll: vi.fn() });

function pastedHash(printed: string): string {
  const line = printed.split('\n')[0] ?? '';
  return (JSON.parse(`{${line}}`) as { technicianCodeHash: string }).technicianCodeHash;
}

describe('kiosk technician-code', () => {
  it('is registered', () => {
    expect(commands.map((c) => c.name)).toContain('technician-code');
  });

  it('prints the site.json line for a code read from standard input, never the code', async () => {
    const out = io();
    expect(await runTechnicianCode([], out, piped('73914682\n'))).toBe(0);
    expect(out.printed()).not.toContain('73914682');
    const hash = pastedHash(out.printed());
    expect(await verifyTechnicianCode('73914682', hash)).toBe(true);
    // What it prints is what the configuration accepts.
    expect(parseConfig({ library: 'hvidovre', branch: 'b', dataDir: 'd', ils: { transport: 'simulated' }, technicianCodeHash: hash }).technicianCodeHash).toBe(hash);
  });

  it('asks twice on a terminal and refuses two different codes', async () => {
    const out = io();
    expect(await runTechnicianCode([], out, typed('5551234', '5551234'))).toBe(0);
    expect(await verifyTechnicianCode('5551234', pastedHash(out.printed()))).toBe(true);
    await expect(runTechnicianCode([], io(), typed('5551234', '5551235'))).rejects.toThrow(new UsageError('the two codes differ; nothing was printed'));
  });

  it.each(['12345', '1234567890123', 'abcdef', ''])('refuses %j without repeating it', async (code) => {
    await expect(runTechnicianCode([], io(), piped(code))).rejects.toThrow(new UsageError('a technician code is 6 to 12 digits'));
  });

  it('takes no code on the command line (it would land in the shell history)', async () => {
    await expect(runTechnicianCode(['246810'], io(), piped(''))).rejects.toThrow(UsageError);
  });

  it('works as a real process with the code piped in', () => {
    const run = spawnSync(process.execPath, ['bin/kiosk.js', 'technician-code'], { cwd: ROOT, input: '864209\n', encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^"technicianCodeHash": "scrypt\$16384\$8\$1\$[^"]+"\n$/);
    expect(run.stdout + run.stderr).not.toContain('864209');
  }, 20_000);
});

describe('technician code in the configuration', () => {
  const base = { library: 'hvidovre', branch: 'b', dataDir: 'd', ils: { transport: 'simulated' } };

  it('refuses the code in clear and says how to make the hash, without quoting the code', () => {
    const error = (() => {
      try {
        parseConfig({ ...base, technicianCode: '246810' }, 'site.json');
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.message).toContain('technicianCode: a technician code in clear is not accepted: run `npx kiosk technician-code`');
    expect(error?.message).not.toContain('246810');
  });

  it.each(['246810', 'scrypt$16384$8$1$c2FsdA==$aGFzaA==', DEMO_TECHNICIAN_CODE_HASH.replace('16384', '2')])('refuses %j as a hash', (hash) => {
    expect(() => parseConfig({ ...base, technicianCodeHash: hash })).toThrow(/technicianCodeHash: an scrypt hash/);
  });

  it('the embedded default carries the hash of the demo code documented in the README', async () => {
    const config = defaultConfig('/tmp/kiosk-data');
    expect(config.technicianCodeHash).toBe(DEMO_TECHNICIAN_CODE_HASH);
    expect(await verifyTechnicianCode(DEMO_TECHNICIAN_CODE, DEMO_TECHNICIAN_CODE_HASH)).toBe(true);
  });
});
