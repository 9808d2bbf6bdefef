// The system tools some suites run (socat makes ptys, openssl makes certificates...). scripts/setup.sh
// installs each one; a suite whose tool is missing must fail the run, naming the tool, not skip quietly.
// Locally (never on CI) KIOSK_TESTS_ALLOW_MISSING_TOOLS=1 turns that failure into a named skip.
import { execFileSync } from 'node:child_process';
import { it } from 'vitest';

export interface SystemTool {
  command: string;
  /** Arguments that make the command print its version and exit 0. */
  versionArgs: string[];
  debianPackage: string;
}

export const SYSTEM_TOOLS = {
  socat: { command: 'socat', versionArgs: ['-V'], debianPackage: 'socat' },
  openssl: { command: 'openssl', versionArgs: ['version'], debianPackage: 'openssl' },
  'systemd-analyze': { command: 'systemd-analyze', versionArgs: ['--version'], debianPackage: 'systemd' },
} satisfies Record<string, SystemTool>;

export type ToolName = keyof typeof SYSTEM_TOOLS;

export const ALLOW_MISSING_TOOLS = 'KIOSK_TESTS_ALLOW_MISSING_TOOLS';

/** `failure`: why the tool did not run when it is on the PATH (empty or absent when it is not). */
export function missingToolMessage(tool: SystemTool, failure?: string): string {
  const what = failure ? `${tool.command} does not run (\`${[tool.command, ...tool.versionArgs].join(' ')}\`: ${failure})` : `${tool.command} is missing`;
  return `${what}: install the Debian package ${tool.debianPackage} (scripts/setup.sh does)`;
}

// Per command line: null when it runs, else why not ('' when it is simply not on the PATH).
const failures = new Map<string, string | null>();
function toolFailure(tool: SystemTool): string | null {
  const key = [tool.command, ...tool.versionArgs].join('\0');
  if (!failures.has(key)) {
    try {
      execFileSync(tool.command, tool.versionArgs, { stdio: 'ignore', timeout: 10_000 });
      failures.set(key, null);
    } catch (error) {
      // Kept for the failing test's message: a tool that is there but broken is named as such.
      failures.set(key, (error as NodeJS.ErrnoException).code === 'ENOENT' ? '' : (error as Error).message);
    }
  }
  return failures.get(key) ?? null;
}

export function toolInstalled(tool: SystemTool): boolean {
  return toolFailure(tool) === null;
}

function onCi(env: NodeJS.ProcessEnv): boolean {
  return !['', '0', 'false'].includes((env.CI ?? '').toLowerCase());
}

/** True when a missing tool may skip its suites: the opt-out is set and this is not CI. */
export function maySkipMissingTools(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[ALLOW_MISSING_TOOLS] === '1' && !onCi(env);
}

/**
 * For `describe.skipIf(!requireTool('socat'))(...)` and `it.skipIf(...)`, at collection time: true when
 * the tool runs. When it does not, registers a test in its place that fails with missingToolMessage
 * (a skipped test of that name under the local opt-out) and returns false, so the suite is skipped.
 */
export function requireTool(name: ToolName | SystemTool, env: NodeJS.ProcessEnv = process.env): boolean {
  const tool = typeof name === 'string' ? SYSTEM_TOOLS[name] : name;
  const failure = toolFailure(tool);
  if (failure === null) return true;
  const message = missingToolMessage(tool, failure);
  if (maySkipMissingTools(env)) {
    it.skip(message, () => undefined);
  } else {
    it(`needs ${tool.command}`, () => {
      throw new Error(message);
    });
  }
  return false;
}
