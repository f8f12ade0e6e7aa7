// Browser tests in Debian's Chromium (never a test tool's own browser download).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * `executeServerCommand('front')`: brings the test's page to the front (see below).
 * `executeServerCommand('tap', { x, y })`: a touch tap at viewport coordinates, sent through CDP
 * (puppeteer's touchscreen: Input.dispatchTouchEvent), as a finger on a phone would.
 * `executeServerCommand('fail-requests', { match })`: the page's requests whose URL contains
 * `match` fail as a dropped connection does (a lazy chunk that cannot load); `{ match: null }` ends it.
 */
/** The URL part whose requests fail, per page (`fail-requests`). */
const failing = new WeakMap();

async function failRequests(session, match) {
  if (session.browser.type !== 'puppeteer') throw new Error(`fail-requests: needs Chromium over puppeteer, not ${session.browser.type}`);
  const page = session.browser.getPage(session.id);
  if (!failing.has(page)) {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      const part = failing.get(page);
      if (typeof part === 'string' && request.url().includes(part)) void request.abort('internetdisconnected');
      else void request.continue();
    });
  }
  failing.set(page, match);
  return true;
}

const tapPlugin = {
  name: 'fg-tap',
  async executeCommand({ command, payload, session }) {
    if (command === 'fail-requests') return failRequests(session, payload?.match ?? null);
    if (command !== 'tap' && command !== 'front') return undefined;
    if (session.browser.type !== 'puppeteer') throw new Error(`${command}: needs Chromium over puppeteer, not ${session.browser.type}`);
    const page = session.browser.getPage(session.id);
    // `front`: this test page becomes the visible one of the two side by side, so it gets frames
    // (requestAnimationFrame) and hit-tested input; the other page's tests must not need either.
    if (command === 'front') await page.bringToFront();
    else await page.touchscreen.tap(payload.x, payload.y);
    return true;
  },
};

export default {
  files: ['tests/{core,elements,e2e,gates}/**/*.test.ts', '!**/*.node.test.ts'],
  rootDir: '.',
  nodeResolve: { exportConditions: ['source', 'development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), tapPlugin],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox', '--headless', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
          '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
          // Two test pages run side by side; neither may be throttled as a background tab (rAF stalls).
          '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  concurrency: 2,
  testFramework: { config: { timeout: 20000 } },
};
