import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions } from 'vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  viteFinal(c) {
    c.resolve ??= {};
    c.resolve.conditions = ['source', ...defaultClientConditions];
    c.optimizeDeps ??= {};
    // Dev only: without this Storybook loads a second lit-html through lit/directive-helpers.js.
    c.optimizeDeps.include = [...(c.optimizeDeps.include ?? []), 'lit/directive-helpers.js'];
    return c;
  },
};
export default config;
