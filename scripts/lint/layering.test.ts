// Proves the project's ESLint config enforces the import arrows of docs/ARCHITECTURE.md.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'local/layering').map((m) => m.message);
}

describe('layering lint rule', () => {
  it.each([
    ['policy/x.ts', "import fs from 'node:fs';\nexport const a = fs;", /pure and may not import the Node module 'node:fs'/],
    ['policy/x.ts', "import { a } from '../store/db';\nexport const b = a;", /'policy\/' may not import from 'store\/'/],
    ['state-machines/x.ts', "import { a } from '../hardware/lock';\nexport const b = a;", /may not import from 'hardware\/'/],
    ['state-machines/x.ts', "import { a } from '../ils/client';\nexport const b = a;", /may not import from 'ils\/'/],
    ['state-machines/x.ts', "import net from 'net';\nexport const b = net;", /may not import the Node module 'net'/],
    ['state-machines/x.ts', "import Database from 'better-sqlite3';\nexport const b = Database;", /may not import the package 'better-sqlite3'/],
    ['hardware/x.ts', "import { app } from 'electron';\nexport const b = app;", /only 'electron\/' may import 'electron'/],
    ['runtime/x.ts', "import { app } from 'electron';\nexport const b = app;", /only 'electron\/' may import 'electron'/],
    ['hardware/x.ts', "import { a } from '../ils/client';\nexport const b = a;", /'hardware\/' may not import from 'ils\/'/],
    ['ils/x.ts', "import { a } from '../store/db';\nexport const b = a;", /'ils\/' may not import from 'store\/'/],
    ['store/x.ts', "import { a } from '../hardware/lock';\nexport const b = a;", /'store\/' may not import from 'hardware\/'/],
    ['renderer/x.ts', "import { a } from '../runtime/config';\nexport const b = a;", /'renderer\/' may not import from 'runtime\/'/],
    ['renderer/x.ts', "import { a } from '../electron/preload';\nexport const b = a;", /except with `import type`/],
    ['renderer/x.ts', "import fs from 'node:fs';\nexport const b = fs;", /may not import the Node module/],
    ['policy/x.ts', "export const m = await import('../runtime/cli/main');", /may not import from 'runtime\/'/],
    ['policy/x.ts', "export { a } from '../ils/codec';", /may not import from 'ils\/'/],
  ])('%s: rejects %j', async (file, code, expected) => {
    const errors = await layeringErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(expected);
  });

  it.each([
    ['policy/x.ts', "import { z } from 'zod';\nexport const a = z;"],
    ['state-machines/x.ts', "import { setup } from 'xstate';\nimport { a } from '../policy/door';\nexport const b = [setup, a];"],
    ['runtime/x.ts', "import { a } from '../hardware/lock';\nimport { b } from '../ils/client';\nimport { c } from '../store/db';\nexport const d = [a, b, c];"],
    ['electron/x.ts', "import { app } from 'electron';\nimport { a } from '../runtime/start';\nexport const b = [app, a];"],
    ['renderer/x.ts', "import type { Api } from '../electron/preload';\nexport type A = Api;"],
    ['hardware/x.ts', "import { parseCpr } from '../policy/cpr';\nimport { SerialPort } from 'serialport';\nexport const a = [parseCpr, SerialPort];"],
    ['policy/x.test.ts', "import { readFileSync } from 'node:fs';\nimport { it } from 'vitest';\nexport const a = [readFileSync, it];"],
  ])('%s: allows %j', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });

  it('still forbids a cross-layer import inside a unit test', async () => {
    const errors = await layeringErrors('policy/x.test.ts', "import { a } from '../store/db';\nexport const b = a;");
    expect(errors).toHaveLength(1);
  });
});
