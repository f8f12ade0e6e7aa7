// Vite's react-ts template config, plus a dev proxy to the examples' server (examples/tools/serve.mjs on
// port 5174: the reference backend at /api and the sign-in stand-in at /token). In your app, point
// the proxy at your own backend, or give createClient its URL.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://127.0.0.1:5174', '/token': 'http://127.0.0.1:5174' } },
});
