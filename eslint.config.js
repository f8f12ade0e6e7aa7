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
    // What an element's first paint runs (DESIGN §8, bytes.all.initial): its class, its define and
    // the shared helpers. The main entry of core brings zod and every rule with it; these modules
    // take values from the narrow entries and load the rest with import() (see each element's
    // view, load or editor module). Types are free.
    files: [
      'packages/elements/src/*.ts',
      'packages/elements/src/*/define.ts',
      'packages/elements/src/provider/provider.ts',
      'packages/elements/src/checklist/checklist.ts',
      'packages/elements/src/hazard-report/hazard-report.ts',
      'packages/elements/src/hazard-report/form.ts',
      'packages/elements/src/hazard-report/load.ts',
      'packages/elements/src/hazard-ledger/hazard-ledger.ts',
      'packages/elements/src/captain-registry/captain-registry.ts',
      'packages/elements/src/captain-notice/captain-notice.ts',
      'packages/elements/src/grid-score/grid-score.ts',
    ],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{
          name: '@firegrid/core',
          allowTypeImports: true,
          message: 'The main entry of @firegrid/core brings zod and every rule into the first chunk: import values from a narrow entry (@firegrid/core/base, /hazard, /captains, /export) or load them with import().',
        }],
        patterns: [{
          group: ['@firegrid/core/schema', '@firegrid/core/scoring', '@firegrid/core/templates', '@firegrid/core/checklist', '@firegrid/core/http', '@firegrid/core/offline'],
          allowTypeImports: true,
          message: 'This entry is for code loaded with import(): an element\'s first paint must not need it (bytes.all.initial, DESIGN §8).',
        }],
      }],
    },
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
