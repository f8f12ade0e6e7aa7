// Builds the example pages (a vendor's host page) against the workspace sources.
import { defineConfig, defaultClientConditions } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2021',
    rollupOptions: { input: { index: fileURLToPath(new URL('./index.html', import.meta.url)) } },
  },
  logLevel: 'warn',
});
