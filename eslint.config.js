// Lint for Clashless: typescript-eslint and eslint-plugin-svelte, plus the architecture's import
// boundaries, so a wrong-way import fails `npm test` instead of waiting for a review:
// - src/shared is pure: no electron, no node:*, no better-sqlite3, no DOM, and it imports no
//   process folder;
// - the renderer imports only from src/shared (its own folder aside): no electron, no node:*;
// - only src/main/index.ts, window.ts, ipc.ts and the preload import electron (everything else in
//   the main process is testable in plain Node);
// - SQL lives in src/main/store (issue #14): elsewhere in main, the CLI and the browser host there is
//   no better-sqlite3 import (`import type { Database }` to pass the connection along is fine) and
//   no `.prepare(`, `.pragma(` or `db.exec(` call: the services orchestrate, the store runs the SQL;
// - nothing imports the renderer.
import js from '@eslint/js';
import globals from 'globals';
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';

const ELECTRON = { name: 'electron', message: 'Only src/main/index.ts, window.ts, ipc.ts and the preload may import electron.' };
const NODE_BUILTINS = { group: ['node:*'], message: 'This layer runs outside Node: no node:* modules.' };
const SQLITE = { name: 'better-sqlite3', message: 'SQL lives in src/main/store.' };
const SQL_IN_STORE = 'SQL lives in src/main/store: call a function of the store module that owns the table.';
const RENDERER = { group: ['**/renderer/**'], message: 'Nothing imports the renderer; share code through src/shared.' };
const PROCESS_FOLDERS = {
  group: ['**/main/**', '**/cli/**', '**/web/**', '**/preload/**'],
  message: 'src/shared and the renderer import only from src/shared.'
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'tmp/**', 'tests/fixtures/peer/**', 'tests/fixtures/real/**', 'tests/fuzz/corpus/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // The strict compiler already checks these, with better messages.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Tests and parsers use `any` at trust boundaries they then check.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-control-regex': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }]
    }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    rules: {
      // The state classes replace whole values in $state.raw fields and never mutate a Map or Set
      // that the UI reads; the plain Maps and Sets here are caches and derived lookups.
      'svelte/prefer-svelte-reactivity': 'off'
    }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] }
    }
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [ELECTRON, SQLITE], patterns: [NODE_BUILTINS, RENDERER, PROCESS_FOLDERS] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require']
    }
  },
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.svelte'],
    rules: {
      'no-restricted-imports': ['error', { paths: [ELECTRON, SQLITE], patterns: [NODE_BUILTINS, PROCESS_FOLDERS] }]
    }
  },
  {
    files: ['src/main/**/*.ts', 'src/cli/**/*.ts', 'src/web/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/window.ts', 'src/main/ipc.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [ELECTRON], patterns: [RENDERER] }]
    }
  },
  {
    files: ['src/main/**/*.ts', 'src/cli/**/*.ts', 'src/web/**/*.ts'],
    ignores: ['src/main/store/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [{ ...SQLITE, message: SQL_IN_STORE, allowTypeImports: true }] }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name=/^(prepare|pragma)$/]", message: SQL_IN_STORE },
        { selector: "CallExpression[callee.object.name='db'][callee.property.name='exec']", message: SQL_IN_STORE }
      ]
    }
  },
  {
    files: ['src/main/index.ts', 'src/main/window.ts', 'src/main/ipc.ts', 'src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [RENDERER] }]
    }
  }
);
