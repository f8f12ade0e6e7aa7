// Writes the JSON Schema (draft 2020-12) of every Firegrid record into packages/core/schemas/,
// one file per record, from the zod/mini schemas of @firegrid/core: backend teams in any language
// generate code from them. `--check` writes nothing and exits 1 naming the files that are stale.
//
//   node --import tsx --conditions=source scripts/gen-schemas.ts [--check] [--dir <path>]
//
// The files describe a record as Firegrid reads it (zod's `output`): every key known, required
// keys listed, defaults filled in. Refinements (weights summing to 100, unique item ids…) have no
// JSON Schema form and live only in the zod schemas.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as z from 'zod/mini';
import {
  Activity, ChecklistTemplate, FloorCaptain, GeoPoint, Hazard, HostSession, Inspection, OrgUnit, Place, PhotoRef,
  ScoreConfig, When, Worker,
} from '../packages/core/src/schema/index.js';

/** Default output directory, relative to the repository root. */
export const SCHEMA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../packages/core/schemas');

/** Every record that gets a file, with the description written into it. */
export const RECORDS: Record<string, { schema: z.ZodMiniType; description: string }> = {
  GeoPoint: { schema: GeoPoint, description: 'A point with its coordinate reference system (DESIGN §2).' },
  OrgUnit: { schema: OrgUnit, description: 'One unit of the administrative path 省/市/县/乡镇/社区/网格.' },
  Place: { schema: Place, description: 'A place (compound, building, shop, village): GET/PUT /v1/places.' },
  ChecklistTemplate: { schema: ChecklistTemplate, description: 'A checklist template: GET/PUT /v1/templates.' },
  Inspection: { schema: Inspection, description: 'One filled checklist: GET/PUT /v1/inspections.' },
  Hazard: { schema: Hazard, description: 'A fire hazard and its closed loop: GET/PUT /v1/hazards.' },
  FloorCaptain: { schema: FloorCaptain, description: 'A floor captain (楼长) of a building: GET/PUT /v1/captains.' },
  Worker: { schema: Worker, description: 'A grid worker (网格员): GET/PUT /v1/workers.' },
  Activity: { schema: Activity, description: 'A fact scoring reads, discriminated by type: GET/PUT /v1/activities.' },
  ScoreConfig: { schema: ScoreConfig, description: 'A scoring configuration (weights sum to 100): GET/PUT /v1/score-configs.' },
  PhotoRef: { schema: PhotoRef, description: 'An uploaded photo as POST /v1/media returns it.' },
  HostSession: { schema: HostSession, description: 'What FiregridHost.session() returns.' },
};

// Keys inside these keywords are names chosen by the schema (property names, $defs ids), so
// their order is the declaration order; every other object has its keywords sorted.
const NAME_MAPS = new Set(['properties', '$defs', 'patternProperties', 'dependentSchemas']);

function canonical(value: unknown, keepOrder = false): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  if (!keepOrder) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v, !keepOrder && NAME_MAPS.has(k))]));
}

/** The file name and text of every schema file, in a stable order. */
export function renderSchemas(): Map<string, string> {
  // A private registry names the recursive `When` in $defs; zod's global registry is left alone.
  const metadata = z.registry<{ id: string }>();
  metadata.add(When, { id: 'When' });
  const files = new Map<string, string>();
  for (const [name, { schema, description }] of Object.entries(RECORDS)) {
    const json = z.toJSONSchema(schema, { metadata, io: 'output', target: 'draft-2020-12' });
    const doc = { ...json, $id: `${name}.json`, title: name, description };
    files.set(`${name}.json`, `${JSON.stringify(canonical(doc), null, 2)}\n`);
  }
  return files;
}

/** Names of the files in `dir` that differ from `expected`, are missing, or should not be there. */
export function staleFiles(dir: string, expected: Map<string, string>): string[] {
  const stale: string[] = [];
  for (const [file, text] of expected) {
    const path = join(dir, file);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) stale.push(file);
  }
  if (existsSync(dir)) {
    for (const file of readdirSync(dir)) if (file.endsWith('.json') && !expected.has(file)) stale.push(file);
  }
  return stale.sort();
}

/** Writes `expected` into `dir`, removing JSON files that no longer belong there. */
export function writeSchemas(dir: string, expected: Map<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(dir)) if (file.endsWith('.json') && !expected.has(file)) rmSync(join(dir, file));
  for (const [file, text] of expected) writeFileSync(join(dir, file), text);
}

function main(argv: string[]): number {
  const at = argv.indexOf('--dir');
  const dir = at >= 0 && argv[at + 1] !== undefined ? resolve(argv[at + 1] ?? '') : SCHEMA_DIR;
  const expected = renderSchemas();
  if (argv.includes('--check')) {
    const stale = staleFiles(dir, expected);
    if (stale.length > 0) {
      process.stderr.write(
        `gen-schemas: stale JSON Schema in ${dir}: ${stale.join(', ')}\n` +
        'Run `npm run schemas` and commit the result.\n',
      );
      return 1;
    }
    process.stdout.write(`gen-schemas: ${expected.size} schema files are up to date\n`);
    return 0;
  }
  writeSchemas(dir, expected);
  process.stdout.write(`gen-schemas: wrote ${expected.size} files to ${dir}\n`);
  return 0;
}

const invoked = process.argv[1];
if (invoked !== undefined && import.meta.url === pathToFileURL(resolve(invoked)).href) {
  process.exitCode = main(process.argv.slice(2));
}
