import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildShell } from './build';

let dir: string;
let out: { main: string; preload: string };
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kiosk-shell-build-'));
  out = await buildShell(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the preload bundle', () => {
  it('requires nothing but electron (a sandboxed preload cannot)', async () => {
    const code = await readFile(out.preload, 'utf8');
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(code).not.toMatch(/\bimport\s*\(|^\s*import\s/m);
  });

  it('exposes exactly the contract as window.kiosk when run the way Electron runs it', async () => {
    const code = await readFile(out.preload, 'utf8');
    const exposed: Array<[string, Record<string, unknown>]> = [];
    const sent: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (name: string, api: Record<string, unknown>) => exposed.push([name, api]) },
      ipcRenderer: { send: (...args: unknown[]) => sent.push(args), on: () => undefined, removeListener: () => undefined },
    };
    const module = { exports: {} };
    runInNewContext(code, { module, exports: module.exports, require: (name: string) => (name === 'electron' ? electron : undefined) });
    expect(exposed.map(([name, api]) => [name, Object.keys(api).sort()])).toEqual([['kiosk', ['onView', 'send']]]);
    const api = exposed[0]?.[1] as { send(event: unknown): void };
    api.send({ type: 'BORROW' });
    expect(sent).toEqual([['kiosk:event', { type: 'BORROW' }]]);
  });
});

describe('the main bundle', () => {
  it('imports only electron, Node built-ins and packages the app ships (dependencies, not devDependencies)', async () => {
    const code = await readFile(out.main, 'utf8');
    const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '..', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const specifiers = [...code.matchAll(/(?:from\s*|import\s*\(\s*|require\(\s*)["']([^"'./][^"']*)["']/g)].map((m) => m[1] ?? '');
    const packageOf = (s: string) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : (s.split('/')[0] ?? s));
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const unshipped = specifiers.filter((s) => s !== 'electron' && !builtins.has(s) && !(packageOf(s) in pkg.dependencies));
    expect(specifiers).toContain('electron');
    expect(unshipped).toEqual([]);
  });
});
