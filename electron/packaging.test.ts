// Validates electron-builder.yml the way `electron-builder` itself loads it (its config loader and
// JSON schema), without packaging (that downloads Electron, which CI cannot).
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ELECTRON_MAIN, RENDERER_DIR } from '../runtime/screen-launcher';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');

interface BuilderConfig {
  extraMetadata?: { main?: string };
  files?: Array<string | { filter?: string[] }>;
  asarUnpack?: string[];
  npmRebuild?: boolean;
  electronFuses?: Record<string, boolean>;
  linux?: { target?: string[]; maintainer?: string };
  deb?: { depends?: string[] };
}

const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

async function loadConfig(): Promise<BuilderConfig> {
  return getConfig(root, path.join(root, 'electron-builder.yml'), null);
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own validation", async () => {
    const config = await loadConfig();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the validation does catch a wrong option (so passing means something)', async () => {
    const config = { ...(await loadConfig()), linux: { target: ['deb'], kioskMode: true } } as BuilderConfig;
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/Invalid configuration object[\s\S]*configuration\.linux/);
  });

  it('builds a .deb and an AppImage for Linux', async () => {
    expect((await loadConfig()).linux?.target).toEqual(['deb', 'AppImage']);
  });

  it('starts the bundled main that `kiosk start` runs, and ships the shell and the screens', async () => {
    const config = await loadConfig();
    expect(path.resolve(root, config.extraMetadata?.main ?? '')).toBe(ELECTRON_MAIN);
    const files = (config.files ?? []).flatMap((f) => (typeof f === 'string' ? [f] : (f.filter ?? [])));
    expect(files).toEqual(expect.arrayContaining([`${path.relative(root, path.dirname(ELECTRON_MAIN))}/**/*`, `${path.relative(root, RENDERER_DIR)}/**/*`]));
  });

  it('rebuilds native modules for Electron and keeps them outside the asar', async () => {
    const config = await loadConfig();
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('turns off the fuses a kiosk never needs', async () => {
    expect((await loadConfig()).electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it("keeps Electron's own .deb dependencies when adding the USB ones", async () => {
    const depends = (await loadConfig()).deb?.depends ?? [];
    expect(depends).toEqual(expect.arrayContaining(['libgtk-3-0', 'libnss3', 'libxss1', 'libuuid1', 'libusb-1.0-0', 'libudev1']));
  });
});
