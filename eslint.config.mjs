// Lint with type information: what the compiler cannot say (a promise left floating, a hook
// called conditionally, an import across a boundary of the architecture).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** What each part of the tree may not import (ARCHITECTURE.md, "Where each kind of code goes"). */
const boundaries = [
  {
    files: ['renderer/**/*.{ts,tsx}'],
    patterns: [{ group: ['**/db/**', '**/electron/**', 'electron', 'better-sqlite3*', 'node:*'], message: 'The renderer reaches the archive through api.* only (shared/ holds the contract).' }],
  },
  {
    files: ['shared/**/*.ts'],
    patterns: [
      {
        group: ['**/electron/**', '**/db/**', '**/renderer/**', 'electron'],
        allowTypeImports: true,
        message: 'shared/ is bundled into the renderer and the preload: from electron/ and db/ it takes types only.',
      },
    ],
  },
  {
    files: ['electron/services/**/*.ts', 'electron/features/**/*.ts', 'electron/workers/**/*.ts', 'electron/host/**/*.ts', 'db/**/*.ts', 'electron/api.ts', 'electron/dispatch.ts', 'electron/ipc.ts'],
    patterns: [
      { group: ['electron', 'electron/*'], message: 'Services, features and the archive never import Electron: they run under vitest and behind the loopback host.' },
      { group: ['**/renderer/**'], message: 'The main process does not import the renderer.' },
    ],
  },
  {
    files: ['db/**/*.ts'],
    patterns: [{ group: ['**/electron/**'], allowTypeImports: true, message: 'db/ owns the archive; the services call it, not the other way round.' }],
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'build/**', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false, arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': 'off',
      // Forms print full-width spaces (U+3000) on purpose: room to write by hand.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true, skipComments: true }],
    },
  },
  {
    // Migrations see the archive as it was at their step, not as db/schema.ts types it now (Kysely's convention).
    files: ['db/migrations/**/*.ts', 'db/open.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Tests read the host's JSON answers loosely.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // SQL lives in db/ (db/queries/<feature>.ts, db/open.ts): services hold the rules and call it.
    files: ['electron/services/**/*.ts', 'electron/features/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          'CallExpression[callee.property.name=/^(selectFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto|pragma|prepare)$/]',
          "TaggedTemplateExpression[tag.name='sql']",
          "MemberExpression[object.name='sql']",
        ].map((selector) => ({
          selector,
          message: 'SQL belongs in db/queries/<feature>.ts (or db/open.ts for the connection): write a small typed function there and call it.',
        })),
      ],
    },
  },
  ...boundaries.map(({ files, patterns }) => ({
    files,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
  })),
);
