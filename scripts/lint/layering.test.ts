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
    // Test support (*.testkit.ts) stays out of production code, index files included.
    ['runtime/x.ts', "import { card } from '../state-machines/fakes.testkit';\nexport const a = card;", /'..\/state-machines\/fakes.testkit' is test support/],
    ['hardware/serial/index.ts', "export { FakeSerialBinding } from './fake-binding.testkit';", /is test support \(\*\.testkit\.ts\)/],
    ['state-machines/door/x.ts', "import { card } from '../fakes.testkit';\nexport const a = card;", /is test support/],
    // Another layer is imported through its index.ts where one exists.
    ['runtime/x.ts', "import { IlsError } from '../ils/errors';\nexport const a = IlsError;", /may not bypass 'ils\/index.ts': import '..\/ils', not '..\/ils\/errors'/],
    ['runtime/cli/x.ts', "import { a } from '../../hardware/rfid/feig/reader';\nexport const b = a;", /may not bypass 'hardware\/rfid\/index.ts': import '..\/..\/hardware\/rfid'/],
    ['renderer/x.ts', "import type { KioskView } from '../state-machines/kiosk/view-types';\nexport type V = KioskView;", /may not bypass 'state-machines\/index.ts'/],
    ['runtime/x.test.ts', "import { a } from '../store/db';\nexport const b = a;", /may not bypass 'store\/index.ts'/],
    // bin/ starts the runtime; scripts/ is tooling over the runtime and the layers below; test/ may not import bin/.
    ['bin/x.js', "import { a } from '../hardware/lock';\nexport const b = a;", /'bin\/' may not import from 'hardware\/'/],
    ['bin/x.js', "import { a } from '../test/door/door-harness';\nexport const b = a;", /'bin\/' may not import from 'test\/'/],
    ['bin/x.js', "import { a } from '../state-machines/fakes.testkit';\nexport const b = a;", /is test support/],
    ['bin/x.js', "import express from 'express';\nexport const b = express;", /'bin\/' may not import the package 'express'/],
    ['scripts/x.ts', "import { a } from '../renderer/app/App';\nexport const b = a;", /'scripts\/' may not import from 'renderer\/'/],
    ['scripts/x.ts', "import { a } from '../electron/shell';\nexport const b = a;", /'scripts\/' may not import from 'electron\/'/],
    ['scripts/x.ts', "import { app } from 'electron';\nexport const b = app;", /only 'electron\/' may import 'electron'/],
    ['test/x.ts', "import { a } from '../bin/kiosk.js';\nexport const b = a;", /'test\/' may not import from 'bin\/'/],
  ])('%s: rejects %j', async (file, code, expected) => {
    const errors = await layeringErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(expected);
  });

  it.each([
    ['policy/x.ts', "import { z } from 'zod';\nexport const a = z;"],
    ['state-machines/x.ts', "import { setup } from 'xstate';\nimport { a } from '../policy';\nexport const b = [setup, a];"],
    ['runtime/x.ts', "import { a } from '../hardware/lock';\nimport { b } from '../ils';\nimport { c } from '../store/index';\nexport const d = [a, b, c];"],
    ['electron/x.ts', "import { app } from 'electron';\nimport { a } from '../runtime/start';\nexport const b = [app, a];"],
    ['renderer/x.ts', "import type { Api } from '../electron/preload';\nexport type A = Api;"],
    ['hardware/x.ts', "import { parseCpr } from '../policy';\nimport { SerialPort } from 'serialport';\nexport const a = [parseCpr, SerialPort];"],
    ['policy/x.test.ts', "import { readFileSync } from 'node:fs';\nimport { it } from 'vitest';\nexport const a = [readFileSync, it];"],
    // Inside its own layer a file imports any file; a folder of another layer without an index.ts is open.
    ['state-machines/x.ts', "import { toView } from './kiosk/view';\nexport const a = toView;"],
    ['runtime/x.ts', "import { simulators } from '../hardware/simulators';\nexport const a = simulators;"],
    // Tests import test support, from any layer they may reach, without going through an index.
    ['state-machines/door/x.test.ts', "import { card } from '../fakes.testkit';\nexport const a = card;"],
    ['runtime/x.test.ts', "import { FakeSerialBinding } from '../hardware/serial/fake-binding.testkit';\nexport const a = FakeSerialBinding;"],
    ['state-machines/checkout/x.testkit.ts', "import { card } from '../fakes.testkit';\nexport const a = card;"],
    ['bin/x.js', "import { register } from 'tsx/esm/api';\nconst { main } = await import('../runtime/cli/main.ts');\nexport const a = [register, main];"],
    ['scripts/x.ts', "import { a } from '../ils/sim/sim-ils';\nimport { b } from '../test/door/door-harness';\nimport { c } from '../state-machines/fakes.testkit';\nimport { d } from '../runtime/start';\nexport const e = [a, b, c, d];"],
    ['test/x.ts', "import { a } from '../renderer/fixtures/views.testkit';\nimport { b } from '../scripts/soak/fuzz';\nimport { c } from '../ils/sip2/codec';\nimport { d } from '../electron/shell';\nexport const e = [a, b, c, d];"],
  ])('%s: allows %j', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });

  it('still forbids a cross-layer import inside a unit test', async () => {
    const errors = await layeringErrors('policy/x.test.ts', "import { a } from '../store/db';\nexport const b = a;");
    expect(errors).toHaveLength(1);
  });
});
