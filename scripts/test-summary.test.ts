// The closing summary of `npm test` (scripts/test-summary.js), fed small vitest JSON reports.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '..');
const SCRIPT = path.join(ROOT, 'scripts', 'test-summary.js');
const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-test-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Status = 'passed' | 'failed' | 'skipped' | 'pending' | 'todo' | 'disabled';

/** A vitest JSON report with one file per entry of `files`: [file, [[describe, title, status]...]]. */
function report(files: [string, [string, string, Status][]][]) {
  const all = files.flatMap(([, tests]) => tests.map(([, , status]) => status));
  const count = (...statuses: Status[]) => all.filter((s) => statuses.includes(s)).length;
  return {
    numTotalTests: all.length,
    numPassedTests: count('passed'),
    numFailedTests: count('failed'),
    numPendingTests: count('skipped', 'pending'),
    numTodoTests: count('todo'),
    numFailedTestSuites: 0,
    success: count('failed') === 0,
    testResults: files.map(([name, tests]) => ({
      name: path.join(ROOT, name),
      status: tests.some(([, , s]) => s === 'failed') ? 'failed' : 'passed',
      message: '',
      assertionResults: tests.map(([suite, title, status]) => ({
        ancestorTitles: [suite],
        fullName: `${suite} ${title}`,
        title,
        status,
        failureMessages: [],
      })),
    })),
  };
}

let n = 0;
function summarize(json: unknown, env: Record<string, string | undefined> = {}) {
  const file = path.join(dir, `report-${++n}.json`);
  writeFileSync(file, JSON.stringify(json));
  const environment: NodeJS.ProcessEnv = { ...process.env, CI: undefined, ...env };
  for (const key of Object.keys(environment)) if (environment[key] === undefined) delete environment[key];
  const run = spawnSync(process.execPath, [SCRIPT, file], { encoding: 'utf8', env: environment, cwd: ROOT });
  return { status: run.status, out: run.stdout + run.stderr };
}

const PASSING: [string, [string, string, Status][]] = ['test/a.test.ts', [['a', 'works', 'passed']]];
const SKIPPING: [string, [string, string, Status][]] = ['test/hardware/pin-pad.test.ts', [
  ['serial PIN pad over a pty', 'passes digits in order', 'skipped'],
  ['serial PIN pad over a pty', 'keeps working after a replug', 'todo'],
]];

describe('test-summary.js', () => {
  it('exits 0 with the plain closing line when every test passed', () => {
    const { status, out } = summarize(report([PASSING]));
    expect(out).toContain('tests: 1 passed, 0 failed');
    expect(status).toBe(0);
  });

  it('exits 1 when a test failed', () => {
    const { status, out } = summarize(report([PASSING, ['test/b.test.ts', [['b', 'breaks', 'failed']]]]));
    expect(out).toContain('tests: 1 passed, 1 failed');
    expect(status).toBe(1);
  });

  it('lists every skipped and todo test by file and name', () => {
    const { status, out } = summarize(report([PASSING, SKIPPING]));
    expect(out).toContain('tests: 1 passed, 0 failed, 2 skipped');
    expect(out).toContain('test/hardware/pin-pad.test.ts: serial PIN pad over a pty > passes digits in order (skipped)');
    expect(out).toContain('test/hardware/pin-pad.test.ts: serial PIN pad over a pty > keeps working after a replug (todo)');
    expect(status).toBe(0);
  });

  it('fails the run on CI (CI=true) when any test was skipped, naming it', () => {
    const { status, out } = summarize(report([PASSING, SKIPPING]), { CI: 'true' });
    expect(out).toContain('passes digits in order');
    expect(out).toMatch(/skipped on CI/);
    expect(status).toBe(1);
  });

  it('passes on CI when nothing was skipped', () => {
    expect(summarize(report([PASSING]), { CI: 'true' }).status).toBe(0);
  });

  it('exits 1 when the report is missing or no test ran', () => {
    expect(summarize(report([])).status).toBe(1);
    const missing = spawnSync(process.execPath, [SCRIPT, path.join(dir, 'none.json')], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no vitest report');
  });
});
