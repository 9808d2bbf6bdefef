// Runs the Electron security scanner (@doyensec/electronegativity) over the shell's sources as part
// of `vitest run`: any finding above LOW fails, and every LOW finding must be one we accepted in
// electron/README.md ("Accepted scanner findings").
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

interface Finding {
  id: string;
  file: string;
  severity: { value: number; name: string };
  confidence: { name: string };
}
interface ScanResult {
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
  issues: Finding[];
}
type Run = (options: Record<string, unknown>) => Promise<ScanResult>;

const run = createRequire(import.meta.url)('@doyensec/electronegativity') as Run;
const electronVersion = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;
const LOW = 1;

/** LOW findings reviewed and accepted; each is explained in electron/README.md. */
const ACCEPTED_LOW = [
  // The CSP is built by a function (runtime/browser/csp.ts) so the scanner can't read it; its content is tested in csp.test.ts.
  { id: 'CSP_GLOBAL_CHECK', file: 'lockdown.ts' },
];

/** Findings suppressed in the source with an `eng-disable` comment, each reviewed (electron/README.md). */
const INLINE_SUPPRESSED = ['PRELOAD_JS_CHECK'];

// Fetches Electron's release list from GitHub: needs the network and changes by the day.
const EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];

async function scan(input: string): Promise<ScanResult> {
  // The scanner tries to fetch translations and says so on stdout; keep the test output clean.
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    return await run({ input, electronVersionOverride: electronVersion, excludeFromScan: EXCLUDED, isRelative: true });
  } finally {
    log.mockRestore();
  }
}

let sources: string;
let canary: string;
beforeAll(async () => {
  // The shell's own code only: tests build fakes whose options the scanner would rightly flag.
  sources = await mkdtemp(path.join(tmpdir(), 'kiosk-scan-'));
  const shellDir = import.meta.dirname;
  for (const name of await readdir(shellDir)) {
    if (name.endsWith('.ts') && !name.endsWith('.test.ts')) await cp(path.join(shellDir, name), path.join(sources, name));
  }
  canary = await mkdtemp(path.join(tmpdir(), 'kiosk-scan-canary-'));
  await writeFile(
    path.join(canary, 'main.js'),
    "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });\n",
  );
}, 60_000);
afterAll(async () => {
  await rm(sources, { recursive: true, force: true });
  await rm(canary, { recursive: true, force: true });
});

describe('electronegativity', () => {
  it('is silenced in the source only for the reviewed checks', async () => {
    const suppressed: string[] = [];
    for (const name of await readdir(sources)) {
      const text = await readFile(path.join(sources, name), 'utf8');
      for (const match of text.matchAll(/eng-disable[ \t]+([\w \t,]+)/g)) suppressed.push(...(match[1] ?? '').trim().split(/[ \t,]+/));
    }
    expect(suppressed).toEqual(INLINE_SUPPRESSED);
  });

  it('finds the insecure options in a canary app (so a clean result means something)', async () => {
    const result = await scan(canary);
    const serious = new Set(result.issues.filter((i) => i.severity.value > LOW).map((i) => i.id));
    expect([...serious].sort()).toEqual(
      expect.arrayContaining([
        'CONTEXT_ISOLATION_JS_CHECK',
        'LIMIT_NAVIGATION_GLOBAL_CHECK',
        'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
        'SANDBOX_JS_CHECK',
        'WEB_SECURITY_JS_CHECK',
      ]),
    );
  }, 60_000);

  it('parses every shell source and reports nothing above LOW, and only accepted LOW findings', async () => {
    const result = await scan(sources);
    expect(result.errors.filter((e) => !e.tolerable)).toEqual([]);
    const summary = result.issues.map((i) => ({ id: i.id, file: path.basename(i.file), severity: i.severity.name }));
    expect(summary.filter((i) => i.severity !== 'LOW' && i.severity !== 'INFORMATIONAL')).toEqual([]);
    expect(summary.filter((i) => i.severity === 'LOW').map(({ id, file }) => ({ id, file }))).toEqual(ACCEPTED_LOW);
  }, 60_000);
});
