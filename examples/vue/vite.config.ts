// Vite's vue-ts template config with the one setting Firegrid needs: tags starting with `fg-` are
// custom elements, so Vue's template compiler leaves them to the browser instead of looking for
// Vue components. Plus a dev proxy to the examples' server (examples/tools/serve.mjs on port 5174).
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('fg-') } } })],
  server: { proxy: { '/api': 'http://127.0.0.1:5174', '/token': 'http://127.0.0.1:5174' } },
});
