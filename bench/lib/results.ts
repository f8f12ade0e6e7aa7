// Reads and writes bench/results.json (DESIGN §8), checked against the schema both ways.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { Results } from './figure.js';

function check(value: unknown, what: string): Results {
  const r = Results.safeParse(value, { error: en().localeError });
  if (r.success) return r.data;
  throw new Error(`${what} does not fit bench/lib/figure.ts Results:\n${z.prettifyError(r.error)}`);
}

/**
 * Writes results as indented JSON with a trailing newline, creating the directory if needed.
 * @throws {Error} when `results` does not fit the schema (nothing is written then)
 */
export function writeResults(file: string, results: Results): void {
  const valid = check(results, 'results');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(valid, null, 2)}\n`);
}

/**
 * Reads a results file written by {@link writeResults}.
 * @throws {Error} naming the file when it is not valid JSON or does not fit the schema
 */
export function readResults(file: string): Results {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file} is not readable JSON: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  return check(json, file);
}
