import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';

export default defineConfig(
  globalIgnores(['**/dist/', 'storybook-static/', 'logs/', '**/custom-elements.json', 'packages/core/schemas/', '.firegrid/']),
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['packages/*/src/**/*.ts', 'tests/**/*.ts', 'stories/**/*.ts', 'examples/**/*.ts'],
    extends: [litConfigs['flat/recommended'], wcConfigs['flat/best-practice']],
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [
        { from: 'package', package: '@open-wc/semantic-dom-diff', name: ['Equal'] },
        { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] },
      ] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
