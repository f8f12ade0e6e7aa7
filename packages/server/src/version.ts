/**
 * The version of `@firegrid/server`, as `GET /v1/health` and the CLI report it.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';

let cachedVersion: string | undefined;

/** The version of `@firegrid/server` (from its package.json). */
export function serverVersion(): string {
  if (cachedVersion !== undefined) return cachedVersion;
  // src/ and dist/ sit one level below the package root, rollup's dist/chunks/ two.
  for (const rel of ['../package.json', '../../package.json']) {
    const file = new URL(rel, import.meta.url);
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === '@firegrid/server' && pkg.version !== undefined) return (cachedVersion = pkg.version);
  }
  return (cachedVersion = '0.0.0');
}
