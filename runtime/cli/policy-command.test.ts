import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { type CliIo } from './command';
import { main } from './main';

async function kiosk(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await main(['policy', ...argv], io);
  return { code, out: out.join(''), err: err.join(''), json: () => JSON.parse(out.join('')) as Record<string, unknown> };
}

describe('kiosk policy fee', () => {
  it.each([
    ['ballerup', '30', '8', { amountDkk: 120 }],
    ['ballerup', '15', '31', { amountDkk: 100 }],
    ['koebenhavn', '17', '8', { amountDkk: 55 }],
    ['koebenhavn', '18', '7', { amountDkk: 20 }],
    ['hvidovre', '30', '8', { amountDkk: null, source: 'ils' }],
    ['gladsaxe', '30', '8', { amountDkk: null, source: 'ils' }],
    ['lolland', '30', '8', { amountDkk: null, source: 'ils' }],
  ])('%s, age %s, %s days late', async (library, age, days, expected) => {
    const r = await kiosk('fee', library, '--age', age, '--days-late', days);
    expect(r.code).toBe(0);
    expect(r.json()).toEqual(expected);
  });
});

describe('kiosk policy door', () => {
  it('Lolland at 06:59 and 07:00 Copenhagen time', async () => {
    expect((await kiosk('door', 'lolland', '--age', '30', '--at', '2025-01-10T06:59')).json()).toMatchObject({ allowed: false, reason: 'outside-hours' });
    expect((await kiosk('door', 'lolland', '--age', '30', '--at', '2025-01-10T07:00+01:00')).json()).toMatchObject({ allowed: true, reason: 'allowed' });
    expect((await kiosk('door', 'lolland', '--age', '30', '--at', '2025-07-10T05:00:00Z')).json()).toMatchObject({ allowed: true });
  });
  it('a 12-year-old in København: refused alone, allowed accompanied', async () => {
    expect((await kiosk('door', 'koebenhavn', '--age', '12', '--at', '2025-01-10T12:00')).json()).toMatchObject({ allowed: false, reason: 'under-age-alone' });
    expect((await kiosk('door', 'københavn', '--age', '12', '--at', '2025-01-10T12:00', '--accompanied')).json()).toMatchObject({
      allowed: true, reason: 'allowed-accompanied',
    });
  });
  it('card lost and excluded', async () => {
    expect((await kiosk('door', 'hvidovre', '--age', '40', '--at', '2025-01-10T12:00', '--card-lost')).json()).toMatchObject({ allowed: false, reason: 'card-lost' });
    expect((await kiosk('door', 'gladsaxe', '--age', '40', '--at', '2025-01-10T12:00', '--excluded')).json()).toMatchObject({ allowed: false, reason: 'excluded' });
  });
});

describe('kiosk policy renew', () => {
  it('Hvidovre: late renewal from the renewal day', async () => {
    const r = await kiosk('renew', 'hvidovre', '--renewals', '1', '--due', '2025-03-01', '--at', '2025-03-05T10:00');
    expect(r.json()).toMatchObject({ allowed: true, reason: 'ok-late-fee', newDueDate: '2025-04-05' });
  });
  it('København: reserved, and interlibrary after due', async () => {
    expect((await kiosk('renew', 'koebenhavn', '--renewals', '0', '--due', '2025-03-01', '--at', '2025-02-20T10:00', '--reserved')).json())
      .toMatchObject({ allowed: false, reason: 'reserved', newDueDate: null });
    expect((await kiosk('renew', 'koebenhavn', '--renewals', '0', '--due', '2025-03-01', '--at', '2025-03-02T10:00', '--interlibrary')).json())
      .toMatchObject({ allowed: false, reason: 'interlibrary-after-due-date' });
  });
});

describe('kiosk policy show', () => {
  it.each(['ballerup', 'koebenhavn', 'hvidovre', 'gladsaxe', 'lolland'])('%s: the whole profile, defaults listed', async (library) => {
    const r = await kiosk('show', library);
    expect(r.code).toBe(0);
    const json = r.json() as { library: string; defaults: string[]; profile: { id: string } };
    expect(json.library).toBe(library);
    expect(json.profile.id).toBe(library);
    expect(json.defaults).toContain('kiosk.offline');
  });
  it('marks the default hours where the text gives none', async () => {
    const json = (await kiosk('show', 'ballerup')).json() as { defaults: string[]; profile: { door: { hours: { status: string; note: string } } } };
    expect(json.defaults).toContain('door.hours');
    expect(json.profile.door.hours.note).toContain('07:00-22:00');
  });
  it('applies a site file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-policy-'));
    const file = path.join(dir, 'site.json');
    writeFileSync(file, JSON.stringify({ hours: { '*': { sat: [{ open: '10:00', close: '14:00' }] } } }));
    const json = (await kiosk('show', 'gladsaxe', '--site', file)).json() as { siteOverrides: string[] };
    expect(json.siteOverrides).toEqual(['door.hours']);
    writeFileSync(file, JSON.stringify({ hours: { '*': { sat: [{ open: '10', close: '14:00' }] } } }));
    const bad = await kiosk('show', 'gladsaxe', '--site', file);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('overrides.hours.*.sat.0.open');
  });
});

describe('kiosk policy: bad input exits 2 with a message', () => {
  it.each([
    [['fee', 'aarhus', '--age', '30', '--days-late', '1'], "unknown library 'aarhus'"],
    [['fee', 'ballerup', '--age', 'thirty', '--days-late', '1'], '--age must be a whole number'],
    [['fee', 'ballerup', '--age', '-3', '--days-late', '1'], '--age'],
    [['fee', 'ballerup', '--age', '30'], '--days-late is required'],
    [['door', 'lolland', '--age', '30', '--at', 'tomorrow'], '--at must be an ISO time'],
    [['door', 'lolland', '--age', '30', '--at', '2025-02-30T10:00'], '--at must be an ISO time'],
    [['renew', 'lolland', '--renewals', '0', '--due', '2025-02-30', '--at', '2025-02-01T10:00'], 'due date must be a real date'],
    [['renew', 'lolland', '--renewals', '0', '--due', '2025-02-10', '--at', '2025-02-01T10:00', '--material', 'vinyl'], '--material must be one of'],
    [['fee', 'ballerup', '--age', '30', '--days-late', '1', '--colour', 'red'], "Unknown option '--colour'"],
    [['guess', 'ballerup'], "unknown policy question 'guess'"],
    [[], 'name a question'],
    [['show'], 'name a library'],
  ])('%j', async (argv, message) => {
    const r = await kiosk(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(message);
  });
});

describe('the real kiosk command', () => {
  it('node bin/kiosk.js policy fee ballerup --age 30 --days-late 8', async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/kiosk.js', 'policy', 'fee', 'ballerup', '--age', '30', '--days-late', '8'], {
      cwd: root,
      timeout: 15_000,
    });
    expect(JSON.parse(stdout)).toEqual({ amountDkk: 120 });
  });
  it('exits 2 on bad input', async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const run = promisify(execFile)(process.execPath, ['bin/kiosk.js', 'policy', 'fee', 'nowhere', '--age', '1', '--days-late', '1'], { cwd: root, timeout: 15_000 });
    await expect(run).rejects.toMatchObject({ code: 2 });
  });
});
