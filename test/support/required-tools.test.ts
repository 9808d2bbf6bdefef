// A suite that needs a missing system tool fails, naming the tool and its Debian package; it skips
// only under the local opt-out, and never on CI. Proven on a real vitest run of a small test file.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALLOW_MISSING_TOOLS, SYSTEM_TOOLS, missingToolMessage, toolInstalled } from './required-tools';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const VITEST = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
// Inside the project, so the fixture's `import 'vitest'` resolves; test-output/ is in no include.
const dir = mkdtempSync(path.join(ROOT, 'test-output', 'required-tools-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ABSENT = { command: 'kiosk-no-such-tool', versionArgs: ['--version'], debianPackage: 'kiosk-no-such-package' };

// Its own config: otherwise vitest walks up to the project's, whose include misses this folder.
writeFileSync(path.join(dir, 'vitest.config.mjs'), "export default { test: { include: ['*.test.ts'] } };\n");
writeFileSync(path.join(dir, 'needs-absent-tool.test.ts'), `
import { describe, it } from 'vitest';
import { requireTool } from ${JSON.stringify(path.join(import.meta.dirname, 'required-tools.ts'))};
describe.skipIf(!requireTool(${JSON.stringify(ABSENT)}))('a suite over the tool', () => {
  it('uses the tool', () => {});
});
`);

interface Assertion { title: string; status: string; failureMessages: string[] }

/** Runs vitest on the fixture folder with exactly `env` for CI and the opt-out. */
function runFixture(env: Record<string, string>) {
  const report = path.join(dir, `report-${Object.keys(env).join('-') || 'plain'}.json`);
  const environment: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!('CI' in env)) delete environment.CI;
  if (!(ALLOW_MISSING_TOOLS in env)) delete environment[ALLOW_MISSING_TOOLS];
  const run = spawnSync(process.execPath, [VITEST, 'run', '--root', dir, '--config', path.join(dir, 'vitest.config.mjs'), '--reporter=json', `--outputFile.json=${report}`], {
    cwd: dir, encoding: 'utf8', env: environment, timeout: 60_000,
  });
  const json = JSON.parse(readFileSync(report, 'utf8')) as { testResults: { assertionResults: Assertion[] }[] };
  return { status: run.status, tests: json.testResults.flatMap((r) => r.assertionResults) };
}

describe('required system tools', () => {
  it('names the missing tool and the Debian package that brings it', () => {
    expect(missingToolMessage(SYSTEM_TOOLS.socat)).toBe('socat is missing: install the Debian package socat (scripts/setup.sh does)');
    expect(missingToolMessage(SYSTEM_TOOLS['systemd-analyze'])).toContain('the Debian package systemd');
  });

  it('finds a tool on the PATH and not one that is absent', () => {
    expect(toolInstalled({ command: process.execPath, versionArgs: ['--version'], debianPackage: 'nodejs' })).toBe(true);
    expect(toolInstalled(ABSENT)).toBe(false);
    expect(toolInstalled({ command: process.execPath, versionArgs: ['-e', 'process.exit(3)'], debianPackage: 'nodejs' })).toBe(false);
  });

  it('says so when a tool is there but does not run', () => {
    expect(missingToolMessage(SYSTEM_TOOLS.openssl, 'Command failed: openssl version')).toBe(
      'openssl does not run (`openssl version`: Command failed: openssl version): install the Debian package openssl (scripts/setup.sh does)');
  });

  it('fails the suite, naming the tool, when the tool is missing', () => {
    const { status, tests } = runFixture({});
    expect(status).not.toBe(0);
    const failed = tests.filter((t) => t.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.failureMessages.join('\n')).toContain('kiosk-no-such-tool is missing: install the Debian package kiosk-no-such-package');
    expect(tests.find((t) => t.title === 'uses the tool')?.status).toBe('skipped');
  }, 60_000);

  it(`skips it, naming the tool, under ${ALLOW_MISSING_TOOLS}=1 off CI`, () => {
    const { status, tests } = runFixture({ [ALLOW_MISSING_TOOLS]: '1' });
    expect(status).toBe(0);
    expect(tests.filter((t) => t.status === 'failed')).toEqual([]);
    expect(tests.some((t) => t.status === 'skipped' && t.title.includes('kiosk-no-such-tool is missing'))).toBe(true);
  }, 60_000);

  it(`still fails it on CI (CI=true), whatever ${ALLOW_MISSING_TOOLS} says`, () => {
    const { status, tests } = runFixture({ [ALLOW_MISSING_TOOLS]: '1', CI: 'true' });
    expect(status).not.toBe(0);
    expect(tests.filter((t) => t.status === 'failed')).toHaveLength(1);
  }, 60_000);
});

describe('scripts/setup.sh', () => {
  // Its lines read: need 'command -v <command>' <debian package>
  const needs = [...readFileSync(path.join(ROOT, 'scripts', 'setup.sh'), 'utf8').matchAll(/^need 'command -v (\S+)' (\S+)$/gm)]
    .map(([, command, debianPackage]) => `${command} ${debianPackage}`);

  it.each(Object.values(SYSTEM_TOOLS))('installs $command (Debian package $debianPackage) when it is missing', (tool) => {
    expect(needs).toContain(`${tool.command} ${tool.debianPackage}`);
  });
});
