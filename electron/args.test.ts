import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShellArgs, ShellArgsError, shellPaths } from './args';

describe('parseShellArgs', () => {
  it('reads --config, --clock and --dev among Chromium switches and the script path', () => {
    expect(parseShellArgs(['dist/electron/main.mjs', '--no-sandbox-for-nothing', '--config', '/etc/kiosk/site.json', '--clock', '2026-03-29T01:59:00+01:00', '--dev'], false)).toEqual({
      configFile: '/etc/kiosk/site.json',
      clockStart: new Date('2026-03-29T00:59:00Z'),
      development: true,
    });
  });

  it('uses the embedded default and production settings when given nothing', () => {
    expect(parseShellArgs([], false)).toEqual({ development: false });
  });

  it('never allows devtools in a packaged app', () => {
    expect(parseShellArgs(['--dev'], true).development).toBe(false);
  });

  it('refuses a clock that is not a time', () => {
    expect(() => parseShellArgs(['--clock', 'tomorrow'], false)).toThrow(new ShellArgsError('--clock tomorrow is not an ISO time'));
  });
});

describe('shellPaths', () => {
  it('finds the preload beside the bundled main and the renderer beside dist/electron', () => {
    expect(shellPaths('file:///opt/kiosk/resources/app.asar/dist/electron/main.mjs')).toEqual({
      preloadPath: path.normalize('/opt/kiosk/resources/app.asar/dist/electron/preload.cjs'),
      rendererDir: path.normalize('/opt/kiosk/resources/app.asar/dist/renderer'),
    });
  });
});
