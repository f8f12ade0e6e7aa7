// The demo's service worker: the app shell works offline after the first load (issue 24 item 2).
// It caches the shell — the page, its scripts, styles and theme — when it installs, answers the
// shell from that cache (the page itself from the network first, so a restarted demo shows its new
// build), and never touches `/api/`: the data goes through the Firegrid offline client (drafts and
// the outbox in IndexedDB), which queues what a worker does offline and sends it when the network
// returns. Signing in needs the network. `scripts/demo.mjs` builds this file with the shell's file
// list and a version (a hash of the bundle) defined, so a new build installs a new cache and the
// old one is deleted.
/// <reference lib="webworker" />

declare const FIREGRID_SHELL: readonly string[];
declare const FIREGRID_SHELL_VERSION: string;

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `firegrid-demo-shell-${FIREGRID_SHELL_VERSION}`;

sw.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(FIREGRID_SHELL);
    await sw.skipWaiting();
  })());
});

sw.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('firegrid-demo-shell-') && name !== CACHE) await caches.delete(name);
    }
    // Control the page that registered us at once: it is offline-ready without a reload.
    await sw.clients.claim();
  })());
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== sw.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    // The page: the network first (a new build shows at once), the cached page when offline.
    event.respondWith(fetch(request).catch(async () => (await caches.match('/', { cacheName: CACHE })) ?? Response.error()));
    return;
  }
  event.respondWith((async () => (await caches.match(request, { cacheName: CACHE })) ?? fetch(request))());
});
