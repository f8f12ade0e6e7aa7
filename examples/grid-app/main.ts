// The demo grid app's entry: register the Firegrid elements and the shell, and the service worker
// that keeps the shell working offline after the first load (sw.ts).
import '@firegrid/elements/define';
import './app.js';

if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register('/sw.js').catch((e: unknown) => {
    // Without it the app still works online; offline it would not load. Say so once, in the console.
    console.warn('离线外壳未能注册 · the offline shell did not register:', e);
  });
}
