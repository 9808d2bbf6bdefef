// The version diagnostics and the test print show is the package's own, read in one place.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readVersion, VERSION } from './version';

const ROOT = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

describe('the kiosk version', () => {
  it("is package.json's version", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });

  it('is found from a bundle below the app root (dist/electron/), not only from runtime/', () => {
    expect(readVersion(path.join(ROOT, 'dist', 'electron'))).toBe(VERSION);
    expect(readVersion('/')).toBeNull();
  });

  it('is not kept as a copy anywhere else in runtime/ or electron/ (a copy goes stale at the next release)', () => {
    const copies = [...sources(path.join(ROOT, 'runtime')), ...sources(path.join(ROOT, 'electron'))].filter((file) =>
      /\bVERSION\s*=\s*['"]\d+\.\d+\.\d+/.test(readFileSync(file, 'utf8')),
    );
    expect(copies.map((file) => path.relative(ROOT, file))).toEqual([]);
  });
});
