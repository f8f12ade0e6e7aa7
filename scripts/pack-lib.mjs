// Packs @firegrid/core and @firegrid/elements as a vendor receives them (`npm pack` of the built
// `dist`) and installs the tarballs into a throwaway app with npm, from the cache `npm ci` filled.
// Shared by the consumer-bundler gate (`scripts/consumers.mjs`), the byte budgets
// (`tests/node/bytes-budget.node.test.ts`) and the bench's byte figures. Types: `pack-lib.d.mts`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The packages a vendor installs, with the workspace folder each is packed from. */
export const PACKED = Object.freeze([
  { name: '@firegrid/core', dir: 'packages/core' },
  { name: '@firegrid/elements', dir: 'packages/elements' },
]);

/** Runs a command without a shell; throws with its output when it fails. */
function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (r.error) throw new Error(`${cmd} ${args.join(' ')} could not start: ${r.error.message}`);
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${r.status}:\n${(r.stderr || r.stdout).trim().slice(-4000)}`);
  }
  return r.stdout;
}

/**
 * `npm pack`s every package of {@link PACKED} from its built `dist` into `dest`.
 * @param {string} dest an existing folder
 * @param {{ root?: string }} [options] the repository (default: this one)
 * @returns {Record<string, string>} the tarball path by package name
 * @throws {Error} naming the package when its `dist` has not been built
 */
export function packFiregrid(dest, options = {}) {
  const root = options.root ?? repoRoot;
  for (const { name, dir } of PACKED) {
    if (!existsSync(join(root, dir, 'dist', 'index.js'))) {
      throw new Error(`${name} has no ${dir}/dist/index.js: build it first (\`npx rollup -c\` or \`npm run build\`)`);
    }
  }
  const out = run('npm', ['pack', '--json', '--pack-destination', dest, ...PACKED.flatMap((p) => ['--workspace', p.name])], root);
  /** @type {{ name: string, filename: string }[]} */
  const packed = JSON.parse(out.slice(out.indexOf('[')));
  const tarballs = Object.fromEntries(packed.map((p) => [p.name, join(dest, p.filename)]));
  for (const { name } of PACKED) {
    if (tarballs[name] === undefined || !existsSync(tarballs[name])) throw new Error(`npm pack wrote no tarball for ${name}`);
  }
  return tarballs;
}

/**
 * Makes `app` an npm project depending on the tarballs and installs them (and their dependencies)
 * with `npm install --prefer-offline --no-audit --no-fund`: from the cache when it has them, from
 * the registry otherwise.
 * @param {string} app the app folder (created when missing)
 * @param {Record<string, string>} tarballs from {@link packFiregrid}
 */
export function installTarballs(app, tarballs) {
  mkdirSync(app, { recursive: true });
  const dependencies = Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`]));
  writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'firegrid-consumer', private: true, type: 'module', dependencies }, null, 2)}\n`);
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], app);
}

/**
 * Packs the packages, installs them into a fresh temporary app and returns it; `dispose()`
 * removes the folder.
 * @param {{ root?: string, prefix?: string }} [options]
 * @returns {{ dir: string, app: string, tarballs: Record<string, string>, dispose(): void }}
 */
export function packedInstall(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), options.prefix ?? 'firegrid-packed-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    const tarballs = packFiregrid(dir, options);
    const app = join(dir, 'app');
    installTarballs(app, tarballs);
    return { dir, app, tarballs, dispose };
  } catch (err) {
    dispose();
    throw err;
  }
}
