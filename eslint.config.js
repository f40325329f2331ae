import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import globals from 'globals';

/**
 * Import bans of the library's layers. ESLint keeps one `no-restricted-imports` per file (the last config that
 * sets it wins), so each area lists every ban that applies to it.
 */
const classicZod = {
  paths: [{ name: 'zod', message: "The library is written on 'zod/mini', which a bundler can tree-shake: import from 'zod/mini'." }],
  patterns: [{ group: ['zod/v3', 'zod/v4', 'zod/v4/classic', 'zod/v4/classic/*'], message: "The library is written on 'zod/mini': import from 'zod/mini'." }],
};
const frameworkFree = { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@tanstack/*', 'react-hook-form'], message: 'src/api is framework-free.' };
const noUi = {
  group: ['**/components', '**/components/**', '**/hooks', '**/hooks/**', 'react', 'react-dom', 'react/*', 'react-dom/*', '@tanstack/*', 'react-hook-form'],
  message: 'Form schemas know no UI: src/forms imports nothing from src/components, src/hooks or React.',
};
const restrict = (...patterns) => ['error', { paths: classicZod.paths, patterns: [...classicZod.patterns, ...patterns] }];
const libraryCode = ['src/**/*.{ts,tsx}'];
const notLibraryCode = ['src/**/*.test.{ts,tsx}', 'src/**/*.test-d.{ts,tsx}', 'src/**/*.stories.tsx'];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'storybook-static',
      'examples/account-page/dist',
      // Next.js writes its build and its generated `next-env.d.ts` (which points into the build) here.
      'examples/next-storefront/.next',
      'examples/next-storefront/next-env.d.ts',
      'public',
      'src/api/generated',
      'coverage',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  reactHooks.configs.flat['recommended-latest'],
  ...pluginQuery.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@tanstack/query/prefer-query-options': 'error',
    },
  },
  {
    // Tests and stories may use classic zod where they stand for an app's own code.
    files: libraryCode,
    ignores: notLibraryCode,
    rules: { 'no-restricted-imports': restrict() },
  },
  {
    files: ['src/api/**/*.ts'],
    ignores: notLibraryCode,
    rules: { 'no-restricted-imports': restrict(frameworkFree) },
  },
  {
    files: ['src/forms/**/*.ts'],
    ignores: notLibraryCode,
    rules: { 'no-restricted-imports': restrict(noUi) },
  },
);
