// Browser tests in Debian's Chromium (never a test tool's own browser download).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export default {
  files: ['tests/{core,elements,e2e,gates}/**/*.test.ts', '!**/*.node.test.ts'],
  rootDir: '.',
  nodeResolve: { exportConditions: ['source', 'development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
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
