// The e2e tests load the built screens (vite's dist/renderer); `npm run build:renderer` makes
// them. A missing or stale build fails at once with that advice, rather than testing old screens.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
export const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');
const SOURCES = path.join(ROOT, 'renderer');
const BUILT_FROM = /\.(tsx?|css|html|svg)$/;
const NOT_BUILT_FROM = /\.test(kit)?\.tsx?$|[\\/]fixtures[\\/]/;

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (BUILT_FROM.test(entry.name) && !NOT_BUILT_FROM.test(file)) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

export function assertRendererBuilt(): void {
  const index = path.join(RENDERER_DIR, 'index.html');
  if (!existsSync(index)) throw new Error(`the screens are not built (${index} is missing): run \`npm run build:renderer\` first`);
  if (newestSource(SOURCES) > statSync(index).mtimeMs) throw new Error('dist/renderer is older than renderer/: run `npm run build:renderer` first');
}
