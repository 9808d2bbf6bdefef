// An experiment for the start-up and memory figures: the `kiosk` CLI bundled by esbuild into one
// ES module (npm packages left external), run by plain Node instead of tsx compiling on the fly.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Builds dist/bench-bundle/kiosk.mjs (dist/ is ignored by git) and returns its path. */
export async function bundleKiosk(): Promise<string> {
  const dir = path.join(ROOT, 'dist', 'bench-bundle');
  await build({
    entryPoints: [path.join(ROOT, 'runtime/cli/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: path.join(dir, 'main.mjs'),
    logLevel: 'warning',
  });
  const entry = path.join(dir, 'kiosk.mjs');
  writeFileSync(entry, "const { main } = await import('./main.mjs');\nprocess.exitCode = await main(process.argv.slice(2));\n");
  return entry;
}
