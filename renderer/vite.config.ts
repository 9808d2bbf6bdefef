// Vite builds the screens into dist/renderer (served by browser mode and loaded by Electron).
// A plain object, not defineConfig: the renderer layer imports only React (see the lint rule).
// The output obeys the screens' CSP: one module script and one stylesheet, nothing inline.
const here = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default {
  root: here,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: `${here}../dist/renderer`,
    emptyOutDir: true,
    target: 'chrome120',
    // No inlined data: URLs or polyfill snippets: everything is a file the CSP allows.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: false,
  },
};
