import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'migrations', 'playwright-report', 'test-results', '.e2e-data'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // shared/ is the contract: it may not reach into either side.
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/server/**', '**/web/**', 'node:*', 'better-sqlite3', 'fastify'] },
      ],
    },
  },
  // web/ talks to shared/ only.
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: ['**/server/**'] }],
    },
  },
  // Route files are HTTP adapters: no database access.
  {
    files: ['server/modules/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/db/**', '**/*.repository', 'drizzle-orm', 'better-sqlite3'] },
      ],
    },
  },
  // Only server/realtime talks to the socket server.
  {
    files: ['server/**/*.ts'],
    ignores: ['server/realtime/**', 'server/test/**', 'server/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['socket.io'] }],
    },
  },
);
