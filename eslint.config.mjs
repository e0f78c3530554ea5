// Lint config. Besides the usual TypeScript rules it enforces the layer fences of ARCHITECTURE.md:
// the renderer and shared/ never reach Node, Electron, the driver or electron/; the core never imports Electron;
// the preload carries no zod.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http', 'http2',
  'https', 'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'timers', 'tls', 'url', 'util',
  'v8', 'vm', 'worker_threads', 'zlib',
];

const browserSideFence = {
  paths: [
    { name: 'electron', message: 'The renderer and shared/ never import Electron: talk to main through window.clinic.' },
    { name: 'better-sqlite3-multiple-ciphers', message: 'Only electron/core/db opens the database driver.' },
    { name: 'electron-updater', message: 'Updates are wired in electron/main.' },
    ...NODE_BUILTINS.map((name) => ({ name, message: 'No Node modules in the renderer or shared/.' })),
  ],
  patterns: [
    { group: ['node:*'], message: 'No Node modules in the renderer or shared/.' },
    { group: ['**/electron/**', '**/electron'], message: 'The renderer and shared/ import nothing from electron/.' },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', browserSideFence] },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The core runs under plain Node: pass Electron features in as an interface.' },
            { name: 'electron-updater', message: 'The core runs under plain Node.' },
          ],
          patterns: [{ group: ['**/main/**', '**/preload/**'], message: 'The core does not depend on the Electron shell.' }],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'The preload bundle carries no schemas: validation happens in main.' }],
          patterns: [
            { regex: '/shared/contract(/index|/app)?$', allowTypeImports: true, message: 'Import only types from the contract in the preload (no zod in its bundle).' },
            { group: ['**/core/**', 'better-sqlite3-multiple-ciphers'], message: 'The preload never reaches the core or the driver.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', process: 'readonly', console: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
