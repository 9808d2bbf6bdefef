// ESLint rule that enforces the import arrows of docs/ARCHITECTURE.md.
// A file's layer is its top-level folder; each layer lists what it may import. Two more rules:
// another layer is imported through its index.ts where one exists, and test support
// (`*.testkit.ts`) is imported only by tests, test/ and scripts/.
import { existsSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

const LAYERS = ['renderer', 'electron', 'runtime', 'state-machines', 'policy', 'hardware', 'ils', 'store', 'test', 'scripts', 'bin'];

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/**
 * layers: project layers a file may import at run time.
 * typeLayers: layers it may import with `import type` only.
 * node: may import Node built-ins.
 * packages: 'any' or an allow-list of npm package names.
 * internals: may import any file of another layer; without it, an import from another layer goes
 *   through that layer's index.ts where one exists (the outermost index.ts above the file).
 * testSupport: every file may import test support (`*.testkit.ts`); elsewhere only tests may.
 * Only `electron/` may import the `electron` package.
 */
export const RULES = {
  renderer: { layers: ['renderer'], typeLayers: ['electron', 'state-machines', 'policy'], node: false, packages: ['react', 'react-dom', 'react/jsx-runtime'] },
  electron: { layers: ['electron', 'runtime'], typeLayers: ['state-machines', 'policy'], node: true, packages: 'any', electron: true },
  runtime: { layers: ['runtime', 'state-machines', 'policy', 'hardware', 'ils', 'store'], typeLayers: [], node: true, packages: 'any' },
  'state-machines': { layers: ['state-machines', 'policy'], typeLayers: [], node: false, packages: ['xstate', 'zod'] },
  policy: { layers: ['policy'], typeLayers: [], node: false, packages: ['zod'] },
  hardware: { layers: ['hardware', 'policy'], typeLayers: [], node: true, packages: 'any' },
  ils: { layers: ['ils', 'policy'], typeLayers: [], node: true, packages: 'any' },
  store: { layers: ['store', 'policy'], typeLayers: [], node: true, packages: 'any' },
  // Cross-layer integration and end-to-end tests, and their fixtures: every layer, its internals
  // included, and the tooling in scripts/ they drive (soak, bench rigs). Not bin/: tests spawn it.
  test: { layers: ['test', 'scripts', 'renderer', 'electron', 'runtime', 'state-machines', 'policy', 'hardware', 'ils', 'store'], typeLayers: [], node: true, packages: 'any', internals: true, testSupport: true },
  // Tooling (bench, soak, fuzz, lint, test summary): the runtime, the layers below it and test
  // support, internals included; never the screens or the Electron shell.
  scripts: { layers: ['scripts', 'runtime', 'state-machines', 'policy', 'hardware', 'ils', 'store', 'test'], typeLayers: [], node: true, packages: 'any', internals: true, testSupport: true },
  // The `kiosk` command only starts the runtime's CLI.
  bin: { layers: ['bin', 'runtime'], typeLayers: [], node: true, packages: ['tsx'] },
};

// Unit tests sit beside the code; they may also use Node, test tooling and shared fixtures,
// but never reach into a layer the code itself may not import.
const TEST_PACKAGES = ['vitest', 'fast-check', '@xstate/graph', 'xstate/graph', 'playwright-core', 'happy-dom', 'axe-core'];
const TEST_FILE = /\.test(kit)?\.tsx?$/;
// Test support beside the code it serves (fakes, harnesses, models, fixtures) is named `*.testkit.ts`,
// never exported from an index.ts, and imported only by tests.
const TESTKIT = /\.testkit(\.[cm]?[jt]sx?)?$/;
const INDEX_FILES = ['index.ts', 'index.tsx', 'index.js'];

/** The layer of a file, or of an import's target (which may be a layer's folder itself). */
function layerOf(file, root, { folder = false } = {}) {
  const rel = path.relative(root, file).split(path.sep);
  if (rel.length < (folder ? 1 : 2) || rel[0] === '..' || rel[0] === '') return null;
  return LAYERS.includes(rel[0]) ? rel[0] : null;
}

function hasIndex(dir) {
  return INDEX_FILES.some((name) => existsSync(path.join(dir, name)));
}

function isDirectory(target) {
  return existsSync(target) && statSync(target).isDirectory();
}

/** The module an import names, without extension; `x/index` names the folder `x`. */
function moduleOf(target) {
  const bare = target.replace(/\.[cm]?[jt]sx?$/, '');
  return path.basename(bare) === 'index' ? path.dirname(bare) : bare;
}

/** The outermost folder with an index.ts from the layer's root down to the module (its own folder). */
function entryOf(module, root, targetLayer) {
  const layerDir = path.join(root, targetLayer);
  const parts = path.relative(layerDir, module).split(path.sep).filter(Boolean);
  const depth = isDirectory(module) ? parts.length : parts.length - 1;
  for (let i = 0; i <= depth; i++) {
    const dir = path.join(layerDir, ...parts.slice(0, i));
    if (hasIndex(dir)) return dir;
  }
  return null;
}

function packageName(source) {
  if (source.startsWith('@')) return source.split('/').slice(0, 2).join('/');
  return source.split('/')[0];
}

function checkSource(source, { file, root, layer, typeOnly, isTest }) {
  const rule = RULES[layer];
  if (!rule) return null;
  if (source.startsWith('.') || source.startsWith('/')) {
    const resolved = path.resolve(path.dirname(file), source);
    const target = layerOf(resolved, root, { folder: true });
    if (target === null) return `'${layer}/' may not import '${source}', outside the project's layers`;
    const testkit = TESTKIT.test(source);
    if (testkit && !isTest && !rule.testSupport) {
      return `'${source}' is test support (*.testkit.ts): only tests may import it, never production code`;
    }
    const allowed = rule.layers.includes(target) || (typeOnly && rule.typeLayers.includes(target)) || (isTest && target === 'test');
    if (allowed) {
      if (target === layer || rule.internals || testkit) return null;
      const module = moduleOf(resolved);
      const entry = entryOf(module, root, target);
      if (entry === null || entry === module) return null;
      const entryName = path.relative(root, entry).split(path.sep).join('/');
      const viaEntry = path.relative(path.dirname(file), entry).split(path.sep).join('/');
      return `'${layer}/' may not bypass '${entryName}/index.ts': import '${viaEntry.startsWith('.') ? viaEntry : `./${viaEntry}`}', not '${source}'`;
    }
    const typeHint = rule.typeLayers.includes(target) ? ' except with `import type`' : '';
    return `'${layer}/' may not import from '${target}/'${typeHint} (docs/ARCHITECTURE.md)`;
  }
  if (NODE_BUILTINS.has(source) || source.startsWith('node:')) {
    if (rule.node || isTest) return null;
    return `'${layer}/' is pure and may not import the Node module '${source}'`;
  }
  const pkg = packageName(source);
  if (pkg === 'electron') {
    if (rule.electron) return null;
    return `only 'electron/' may import 'electron'; '${layer}/' may not`;
  }
  if (rule.packages === 'any') return null;
  if (rule.packages.includes(pkg) || rule.packages.includes(source)) return null;
  if (isTest && (TEST_PACKAGES.includes(pkg) || TEST_PACKAGES.includes(source))) return null;
  if (typeOnly && pkg.startsWith('@types/')) return null;
  return `'${layer}/' may not import the package '${pkg}' (allowed: ${rule.packages.join(', ') || 'none'})`;
}

function isTypeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type');
}

export const layeringRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layer import arrows of docs/ARCHITECTURE.md' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: { forbidden: '{{message}}' },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = context.filename;
    const layer = layerOf(file, root);
    if (!layer || !RULES[layer]) return {};
    const isTest = TEST_FILE.test(file);
    const report = (node, source, typeOnly) => {
      if (typeof source !== 'string') return;
      const message = checkSource(source, { file, root, layer, typeOnly, isTest });
      if (message) context.report({ node, messageId: 'forbidden', data: { message } });
    };
    return {
      ImportDeclaration: (node) => report(node, node.source.value, isTypeOnly(node)),
      ExportNamedDeclaration: (node) => node.source && report(node, node.source.value, isTypeOnly(node)),
      ExportAllDeclaration: (node) => report(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && report(node, node.source.value, false),
      TSImportType: (node) => {
        const arg = node.argument?.literal ?? node.argument;
        if (arg && arg.type === 'Literal') report(node, arg.value, true);
      },
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          report(node, node.arguments[0].value, false);
        }
      },
    };
  },
};

export default { rules: { layering: layeringRule } };
