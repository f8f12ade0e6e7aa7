// `npm test`: the full gate. Runs every step in order, stops at the first failure, and ends with
// a table of step times and one closing line `N passed, N failed` over the browser and Node tests
// and the consumer builds (one per bundler), and the screenshots of the stories.
import { spawn } from 'node:child_process';

const steps = [
  ['manifest', 'npm run analyze --silent'],
  ['typecheck', 'npm run typecheck --silent'],
  ['lint', 'npm run lint --silent'],
  ['build', 'npx rollup -c --silent'],
  ['consumers', 'node scripts/consumers.mjs'],
  ['es-check', 'npm run es-check --silent'],
  ['browser tests', 'npm run test:browser --silent'],
  ['node tests', 'npm run test:node --silent'],
  ['storybook', 'npx storybook build --quiet'],
  // Visual regression and the 390 px layout check over the build above (issue 17 item 8).
  ['screenshots', 'node scripts/screenshots.mjs'],
];

const only = process.argv.slice(2);
// eslint-disable-next-line no-control-regex
const strip = (s) => s.replace(/\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g, '');

/** Runs one step, streaming its output; resolves with its exit code and the tail of its output. */
function run(cmd) {
  return new Promise((resolve) => {
    const child = spawn(cmd, { shell: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let tail = '';
    const keep = (chunk) => { tail = (tail + strip(chunk.toString())).slice(-20000); };
    child.stdout.on('data', (c) => { process.stdout.write(c); keep(c); });
    child.stderr.on('data', (c) => { process.stderr.write(c); keep(c); });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), tail }));
  });
}

/** Test counts from a step's output: web-test-runner's `N passed, N failed` or node's `ℹ pass N`. */
function counts(tail) {
  const wtr = [...tail.matchAll(/(\d+) passed, (\d+) failed/g)].pop();
  if (wtr) return { passed: Number(wtr[1]), failed: Number(wtr[2]) };
  const pass = [...tail.matchAll(/ℹ pass (\d+)/g)].pop();
  const fail = [...tail.matchAll(/ℹ fail (\d+)/g)].pop();
  if (pass || fail) return { passed: Number(pass?.[1] ?? 0), failed: Number(fail?.[1] ?? 0) };
  return null;
}

const rows = [];
let passed = 0, failed = 0, exit = 0;
for (const [name, cmd] of steps) {
  if (only.length && !only.includes(name)) continue;
  process.stderr.write(`\n▶ ${name}: ${cmd}\n`);
  const t0 = Date.now();
  const r = await run(cmd);
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  const c = counts(r.tail);
  const counted = name === 'browser tests' || name === 'node tests' || name === 'consumers' || name === 'screenshots';
  if (c && counted) { passed += c.passed; failed += c.failed; }
  rows.push([name, r.code === 0 ? 'ok' : `FAILED (exit ${r.code})`, `${secs} s`, c && counted ? `${c.passed} passed, ${c.failed} failed` : '']);
  if (r.code !== 0) { exit = r.code; if (c === null || c.failed === 0) failed += 1; break; }
}

const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
console.log('\nGate summary');
for (const r of rows) console.log(`  ${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${r[2].padStart(w[2])}  ${r[3]}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(exit);
