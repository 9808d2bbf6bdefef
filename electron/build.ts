// Bundles the Electron entry points (Electron runs JavaScript, not our TypeScript):
//   dist/electron/main.mjs    the main process with the runtime; npm packages stay external
//                             (electron-builder ships them, native ones rebuilt for Electron)
//   dist/electron/preload.cjs the sandboxed preload: one self-contained CommonJS file that
//                             requires nothing but 'electron' (a sandboxed preload can't)
// Run: npx tsx electron/build.ts [outDir]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUT_DIR = path.join(root, 'dist', 'electron');

export async function buildShell(outDir: string = DEFAULT_OUT_DIR): Promise<{ main: string; preload: string }> {
  const main = path.join(outDir, 'main.mjs');
  const preload = path.join(outDir, 'preload.cjs');
  const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning', legalComments: 'none' } as const;
  await Promise.all([
    build({
      ...common,
      entryPoints: [path.join(root, 'electron', 'main.ts')],
      outfile: main,
      format: 'esm',
      packages: 'external',
      // Bundled CommonJS helpers may still call require(); give the ES module one.
      banner: { js: "import { createRequire as __kioskRequire } from 'node:module'; const require = __kioskRequire(import.meta.url);" },
    }),
    build({
      ...common,
      entryPoints: [path.join(root, 'electron', 'preload.ts')],
      outfile: preload,
      format: 'cjs',
      external: ['electron'],
    }),
  ]);
  return { main, preload };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildShell(process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_OUT_DIR);
  process.stdout.write(`built ${path.relative(root, out.main)} and ${path.relative(root, out.preload)}\n`);
}
