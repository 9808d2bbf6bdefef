// ESLint rule that enforces the import arrows of docs/ARCHITECTURE.md.
// A file's layer is its top-level folder; each layer lists what it may import.
import { builtinModules } from 'node:module';
import path from 'node:path';

const LAYERS = ['renderer', 'electron', 'runtime', 'state-machines', 'policy', 'hardware', 'ils', 'store', 'test', 'scripts', 'bin'];

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/**
 * layers: project layers a file may import at run time.
 * typeLayers: layers it may import with `import type` only.
 * node: may import Node built-ins.
 * packages: 'any' or an allow-list of npm package names.
 * Only `electron/` (and tooling) may import the `electron` package.
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
};

// Unit tests sit beside the code; they may also use Node, test tooling and shared fixtures,
// but never reach into a layer the code itself may not import.
const TEST_PACKAGES = ['vitest', 'fast-check', '@xstate/graph', 'xstate/graph', 'playwright-core', 'happy-dom', 'axe-core'];
const TEST_FILE = /\.test(kit)?\.tsx?$/;

function layerOf(file, root) {
  const rel = path.relative(root, file).split(path.sep);
  if (rel.length < 2 || rel[0] === '..') return null;
  return LAYERS.includes(rel[0]) ? rel[0] : null;
}

function packageName(source) {
  if (source.startsWith('@')) return source.split('/').slice(0, 2).join('/');
  return source.split('/')[0];
}

function checkSource(source, { file, root, layer, typeOnly, isTest }) {
  const rule = RULES[layer];
  if (!rule) return null;
  if (source.startsWith('.') || source.startsWith('/')) {
    const target = layerOf(path.resolve(path.dirname(file), source), root);
    if (target === null) return `'${layer}/' may not import '${source}', outside the project's layers`;
    if (rule.layers.includes(target)) return null;
    if (typeOnly && rule.typeLayers.includes(target)) return null;
    if (isTest && target === 'test') return null;
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
