import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import layering from './scripts/lint/layering.js';

const root = import.meta.dirname;

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'kiosk-data/**', 'test-output/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    plugins: { local: layering },
    rules: {
      'local/layering': ['error', { root }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    // The preload's types pull Node's into the DOM compile; the screen must still never use them.
    rules: {
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', 'module', 'global', '__dirname', '__filename', 'setImmediate'].map((name) => ({
          name,
          message: 'renderer/ runs in the browser: no Node globals',
        })),
      ],
    },
  },
  {
    // Command-line entry points and tooling print to the console by design.
    files: ['runtime/cli/**/*.ts', 'scripts/**/*.{ts,js}', 'bin/**/*.js', 'test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
