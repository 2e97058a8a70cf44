import js from '@eslint/js';
import globals from 'globals';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      'packages/web/src/api/schema.gen.ts',
      '**/node_modules/**',
      'test-output/**',
      'bench-output/**',
      'data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Every regular expression runs in linear time: no input can make one backtrack for minutes.
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The domain stays pure: no I/O in core (tests may read the repository's files).
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts', 'packages/core/src/test-support/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'http', 'kysely', 'react', '@prongsai/server'],
              message: 'packages/core is pure: no I/O',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'Buffer', message: 'packages/core is pure: use Uint8Array' }, 'process'],
    },
  },
  {
    // Handlers validate, call one service method and present: no SQL, no repository, no authorisation.
    files: ['packages/server/src/**/routes.ts', 'packages/server/src/**/*-routes.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['kysely', '**/db/*', '**/repository.js', '**/*-repository.js'],
              allowTypeImports: true,
              message: 'a route calls a service: SQL and repositories belong to services',
            },
            {
              group: ['**/auth/policy.js'],
              importNames: ['authorize', 'policies'],
              message: 'a route calls a service, which authorises through the policy',
            },
          ],
        },
      ],
    },
  },
  {
    // Repositories hold SQL only: no HTTP errors, no policy, no use case.
    files: ['packages/server/src/**/repository.ts', 'packages/server/src/**/*-repository.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/http/*', '**/auth/policy.js', '**/service.js', '**/*-service.js'],
              allowTypeImports: true,
              message: 'a repository holds SQL only: its service authorises, throws and audits',
            },
          ],
        },
      ],
    },
  },
);
