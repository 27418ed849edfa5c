import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-output/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The engine is pure: hosts hand it grids. Dependencies point inward (faces -> hosts -> engine).
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'react', 'react-dom', '@fluentui/*', '@microsoft/office-js', 'exceljs', 'jszip'], message: 'src/engine must stay pure (no Node, DOM, Office, React or file libraries).' },
            { group: ['**/hosts/**', '**/faces/**', '**/office/**'], message: 'The engine must not depend on hosts or faces.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/hosts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/faces/**', 'react', 'react-dom', '@fluentui/*'], message: 'Hosts must not depend on faces.' }] }],
    },
  },
);
