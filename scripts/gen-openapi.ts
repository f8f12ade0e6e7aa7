/**
 * Writes `packages/core/openapi.json`: the OpenAPI 3.1 document of the REST contract (DESIGN §5),
 * with every record schema generated from the zod schemas of `@firegrid/core`, so a backend team
 * in any language can generate code from the same source the SDK validates with.
 *
 * Request bodies come from the strict input schemas (`additionalProperties: false` at every
 * level: the server refuses unknown fields); response bodies from the lenient read schemas, with
 * no `additionalProperties: false` anywhere (a client ignores fields it does not know).
 *
 *   node --import tsx --conditions=source scripts/gen-openapi.ts            # write the file
 *   node --import tsx --conditions=source scripts/gen-openapi.ts --check    # exit 1 when it is stale
 *   … --out other.json                                                      # another path (tests)
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import type { OpenAPIV3_1 } from 'openapi-types';
import {
  Activity, ActivityInput, Answer, DEFAULT_TRANSITIONS, DEFAULT_ROLES_WHEN, AppliesTo, Basis, Building, ChecklistItem, ChecklistSection, ChecklistTemplate,
  ChecklistTemplateInput, Deadline, FloorCaptain, FloorCaptainInput, GeoPoint, Hazard, HazardHistoryEntry, HazardInput,
  HAZARD_ACTIONS, Inspection, InspectionInput, LocalizedText, MAX_LIMIT, MetricConfig, Page, PhotoRef, Place,
  PlaceInput, Query, Reporter, Responsible, SORTS, ScoreConfig, ScoreConfigInput, Supervision, TransitionInput,
  When, Worker, WorkerInput, createLifecycle, strictDeep,
} from '@firegrid/core';
import { CaptainImportInput, CaptainImportResult, Problem } from '@firegrid/server/conformance';
import { INDICATOR_LEVELS, IndicatorReport, RANK_LEVELS, ScoreReport } from '@firegrid/core/scoring';

// The document is built as plain JSON and checked by a real OpenAPI validator in the tests
// (tests/server/openapi.test.ts); openapi-types only names the result.
type Json = Record<string, unknown>;
type Schema = Json;
type ZodType = z.core.$ZodType;

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** Where the document is written. */
export const OPENAPI_PATH = resolve(ROOT, 'packages/core/openapi.json');

/** One resource kind as the document names it. */
interface Resource {
  kind: string;
  /** How a person calls one record and several (`['floor captain', 'floor captains']`). */
  label: readonly [string, string];
  /** Singular schema name (`Place`) and the input one (`PlaceInput`). */
  name: string;
  read: ZodType;
  input: ZodType;
  /** Singular and plural words for summaries and operation ids. */
  one: string;
  many: string;
  description: string;
  /** Query parameters that only make sense for this kind. */
  hazardFilters?: boolean;
}

const RESOURCES: readonly Resource[] = [
  {
    kind: 'places', label: ['place', 'places'], name: 'Place', read: Place, input: PlaceInput, one: 'Place', many: 'Places',
    description: 'Places: a compound, a building, a shop, a village. High-rise and old residential are computed from `building`, never stored.',
  },
  {
    kind: 'templates', label: ['checklist template', 'checklist templates'], name: 'ChecklistTemplate', read: ChecklistTemplate, input: ChecklistTemplateInput, one: 'Template', many: 'Templates',
    description: 'Checklist templates: what an inspector checks at a place, each item with the regulation or standard behind it. Item ids are unique within a template and `when` conditions refer only to items of the same template.',
  },
  {
    kind: 'inspections', label: ['inspection', 'inspections'], name: 'Inspection', read: Inspection, input: InspectionInput, one: 'Inspection', many: 'Inspections',
    description: 'One checklist filled at one place. A submitted inspection never changes; a correction is a new inspection that `supersedes` it.',
  },
  {
    kind: 'hazards', label: ['hazard', 'hazards'], name: 'Hazard', read: Hazard, input: HazardInput, one: 'Hazard', many: 'Hazards', hazardFilters: true,
    description: 'Hazards, the two lists (问题隐患清单 / 整改责任清单). `PUT` creates a hazard as `draft` or `reported` and edits its content; its status changes only through `POST /v1/hazards/{id}/transitions`. Confidential reporter details are given only to grid-supervisor, fire-officer and admin.',
  },
  {
    kind: 'captains', label: ['floor captain', 'floor captains'], name: 'FloorCaptain', read: FloorCaptain, input: FloorCaptainInput, one: 'Captain', many: 'Captains',
    description: 'Floor captains (楼长) of high-rise residential buildings, with half-open terms `[from, to)`.',
  },
  {
    kind: 'workers', label: ['grid worker', 'grid workers'], name: 'Worker', read: Worker, input: WorkerInput, one: 'Worker', many: 'Workers',
    description: 'Grid workers, the people scoring credits.',
  },
  {
    kind: 'activities', label: ['activity', 'activities'], name: 'Activity', read: Activity, input: ActivityInput, one: 'Activity', many: 'Activities',
    description: 'The facts scoring reads. The server makes most of them from records and transitions; training and publicity are recorded directly.',
  },
  {
    kind: 'score-configs', label: ['score configuration', 'score configurations'], name: 'ScoreConfig', read: ScoreConfig, input: ScoreConfigInput, one: 'ScoreConfig', many: 'ScoreConfigs',
    description: 'Scoring configurations: period, scope, metric weights (adding up to 100) and parameters.',
  },
];

/** Shared parts of the read schemas, each a component of its own. */
const READ_PARTS: Record<string, { schema: ZodType; description: string }> = {
  GeoPoint: {
    schema: GeoPoint,
    description: 'A point with its coordinate reference system. `GCJ02` is what 高德/腾讯 maps and most host bridges speak, `BD09` 百度, `CGCS2000` 天地图 and government GIS (treated as WGS84: they differ by well under a metre at grid scale). A point never travels without its `crs`.',
  },
  PhotoRef: {
    schema: PhotoRef,
    description: 'An uploaded photo as `POST /v1/media` returns it. `url` may be relative to the API; reading it needs the same bearer token. `sha256` is the lower-case hex digest of the bytes.',
  },
  LocalizedText: { schema: LocalizedText, description: 'Text for people: zh-CN always, English when someone has written it.' },
  Deadline: {
    schema: Deadline,
    description: 'A deadline: a calendar day (`2025-06-30`, which runs to the end of that day in China Standard Time, UTC+8) or an instant with an offset.',
  },
  Building: { schema: Building, description: 'What is known of a place\'s building. Height is in metres, floors are storeys above ground.' },
  Basis: { schema: Basis, description: 'The regulation or standard a requirement comes from (never a website), its clause, and whether the wording was checked against the text.' },
  When: {
    schema: When,
    description: 'When an item applies, as data: `{ place }`, `{ answer, is }`, `{ all: [...] }`, `{ any: [...] }`, `{ not }`, nested to any depth.',
  },
  AppliesTo: { schema: AppliesTo, description: 'Which places a template is for: any of `kinds`, narrowed by the computed high-rise and old-residential flags when given.' },
  ChecklistItem: { schema: ChecklistItem, description: 'One question of a checklist.' },
  ChecklistSection: { schema: ChecklistSection, description: 'A titled group of checklist items.' },
  Answer: { schema: Answer, description: 'The answer to one checklist item.' },
  Reporter: {
    schema: Reporter,
    description: 'Who reported a hazard. With `confidential: true`, `personId` and `contact` are given only to grid-supervisor, fire-officer and admin; the server leaves them out for everyone else.',
  },
  Responsible: { schema: Responsible, description: 'Who must fix a hazard (整改责任单位 / 责任人 / 联系电话).' },
  Supervision: { schema: Supervision, description: 'Government supervision of a major hazard (挂牌督办).' },
  HazardHistoryEntry: { schema: HazardHistoryEntry, description: 'One transition of the closed loop, appended by the server. `from` equals `to` for actions that change no status.' },
  MetricConfig: { schema: MetricConfig, description: 'One metric\'s weight (points out of 100) and its parameters.' },
};

const NOTE_READ = 'As the server returns it. Clients must ignore fields they do not know: a newer server or a vendor\'s extra columns may add some.';
const NOTE_INPUT = 'A `PUT` body. Unknown fields are refused at every level (400 with the path of each). `version`, `createdAt`, `updatedAt` and `tenantId` are optional and ignored, so a record exactly as `GET` returned it is accepted back.';

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const problemRef = { $ref: '#/components/schemas/Problem' } as const;

/** The variants of a discriminated union by their `type` literal, as `[Name, schema]`. */
function variantsOf(union: ZodType, prefix: string): [string, ZodType, string][] {
  const options = (union._zod.def as unknown as { options: ZodType[] }).options;
  return options.map((option) => {
    const shape = (option._zod.def as unknown as { shape: Record<string, ZodType> }).shape;
    const literal = (shape.type?._zod.def as unknown as { values: string[] } | undefined)?.values[0] ?? '';
    const pascal = literal.split(/[.-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
    return [`${prefix}${pascal}`, option, literal];
  });
}

/** Follows `_zod.def` keys down a schema (through the lazily converted shapes of `strictDeep`). */
function dig(schema: ZodType, ...keys: string[]): ZodType {
  let at: ZodType = schema;
  for (const key of keys) {
    const def = at._zod.def as unknown as Record<string, unknown>;
    const shape = def.shape as Record<string, ZodType> | undefined;
    const next = (shape !== undefined && key in shape ? shape[key] : def[key]) as ZodType | undefined;
    if (next === undefined) throw new Error(`gen-openapi: no "${key}" in a ${def.type as string} schema; the schemas changed shape`);
    at = next;
  }
  return at;
}

const SAFE = Number.MAX_SAFE_INTEGER;
const FORMATS_WITH_OWN_SYNTAX = new Set(['date-time', 'date', 'uuid']);

/**
 * Makes zod's JSON Schema fit an OpenAPI components section and code generators: no per-schema
 * `$schema`/`$id`; no `pattern` where the `format` already says it (zod's date-time regex is
 * RFC 3339 with an offset, which is `format: date-time`; Java generators put `@Pattern` on
 * `OffsetDateTime` and fail); no ±2^53 bounds that only say "a JavaScript safe integer"; and,
 * for response schemas, no `additionalProperties: false`.
 */
function tidy(node: unknown, open: boolean): unknown {
  if (Array.isArray(node)) return node.map((x) => tidy(x, open));
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === '$schema' || key === '$id') continue;
    if (key === 'pattern' && FORMATS_WITH_OWN_SYNTAX.has(String((node as Json).format))) continue;
    if (key === 'maximum' && value === SAFE) continue;
    if (key === 'minimum' && value === -SAFE) continue;
    if (key === 'additionalProperties' && value === false && open) continue;
    out[key] = tidy(value, open);
  }
  return out;
}

/** Converts every schema of a registry; ids become component names. */
function convert(entries: [string, ZodType, string?][], io: 'input' | 'output', open: boolean): Record<string, Schema> {
  const registry = z.registry<{ id: string; description?: string }>();
  for (const [id, schema, description] of entries) {
    registry.add(schema, description === undefined ? { id } : { id, description });
  }
  const { schemas } = z.toJSONSchema(registry, {
    metadata: registry,
    io,
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: 'throw',
    cycles: 'ref',
    reused: 'inline',
  });
  if ('__shared' in schemas) {
    throw new Error('gen-openapi: a recursive schema has no component name; add it to the registry');
  }
  return tidy(schemas, open) as Record<string, Schema>;
}

/** Adds the OpenAPI discriminator to a union of variant components. */
function discriminate(schema: Schema, variants: [string, ZodType, string][]): Schema {
  return {
    ...schema,
    oneOf: variants.map(([name]) => ref(name)),
    discriminator: { propertyName: 'type', mapping: Object.fromEntries(variants.map(([name, , literal]) => [literal, `#/components/schemas/${name}`])) },
  };
}

function schemas(): Record<string, Schema> {
  const readVariants = variantsOf(Activity, 'Activity');
  const inputVariants = variantsOf(ActivityInput, 'ActivityInput');
  const read: [string, ZodType, string?][] = [
    ...Object.entries(READ_PARTS).map(([id, p]): [string, ZodType, string] => [id, p.schema, p.description]),
    ...readVariants.map(([id, s, literal]): [string, ZodType, string] => [id, s, `An activity of type \`${literal}\`.`]),
    ...RESOURCES.map((r): [string, ZodType, string] => [r.name, r.read, `${r.description} ${NOTE_READ}`]),
    ...RESOURCES.map((r): [string, ZodType, string] => [`${r.name}Page`, Page(r.read), `One page of ${r.kind}; \`nextCursor\` is null on the last page; \`total\`, when sent (the reference server sends it on the first page), counts the records matching the filters across every page.`]),
    ['Problem', Problem, 'An error (RFC 9457 problem details). `errors` lists each problem found in the request with its path (`reporter.contact`, `items[3].id`). Other members may be added.'],
    ['CaptainImportResult', CaptainImportResult, 'What a captain import stored.'],
    ['IndicatorReport', IndicatorReport, 'The plan\'s indicators per unit (community, street or county) for the hazards found in a period, computed by `computeIndicators` (DESIGN §7): found, rectified, closed and overdue counts at `asOf`, and 整改率, 销号率 and 超期率 rounded half away from zero to 4 decimals (null when nothing was found).'],
    ['ScoreReport', ScoreReport, 'Scores of the workers in a scope for a period, computed by `computeScores` (DESIGN §7): per worker a 0–100 total, per metric the raw and normalised value, weight, points, an explanation in zh-CN and English, and the activity ids behind it; a rank in scope (ties broken by workerId).'],
  ];
  // The strict copies `strictDeep` makes are new schema objects, so recursive parts of the input
  // schemas are named here; everything else in them is inlined.
  const whenInput = dig(ChecklistTemplateInput, 'sections', 'element', 'items', 'element', 'when', 'innerType');
  const input: [string, ZodType, string?][] = [
    ['WhenInput', whenInput, 'A `when` condition in a request body (see `When`).'],
    ...inputVariants.map(([id, s, literal]): [string, ZodType, string] => [id, s, `An activity of type \`${literal}\` as a \`PUT\` body.`]),
    ...RESOURCES.map((r): [string, ZodType, string] => [`${r.name}Input`, r.input, `${r.description} ${NOTE_INPUT}`]),
    ['TransitionInput', strictDeep(TransitionInput), 'One action of the hazard lifecycle. Which fields an action needs is listed with the operation.'],
    ['CaptainImportInput', CaptainImportInput, 'Captains to store in one transaction: all rows or none.'],
  ];
  const out = { ...convert(read, 'output', true), ...convert(input, 'input', false) };
  out.Activity = discriminate(out.Activity ?? {}, readVariants);
  out.ActivityInput = discriminate(out.ActivityInput ?? {}, inputVariants);
  return out;
}

// ——— parameters ———

const queryShape = (Query._zod.def as unknown as { shape: Record<string, ZodType> }).shape;

/** The JSON Schema of one key of the list query, a list for keys that take one value or many. */
function queryParamSchema(key: string): { schema: Schema; many: boolean } {
  const field = queryShape[key];
  if (field === undefined) throw new Error(`gen-openapi: the list query has no "${key}"`);
  const json = tidy(z.toJSONSchema(field, { io: 'input', unrepresentable: 'throw' }), true) as Schema;
  const options = (json.anyOf ?? []) as Schema[];
  const array = options.find((o) => o.type === 'array');
  if (array) return { schema: array, many: true };
  return { schema: json, many: false };
}

const PARAM_DOCS: Record<string, { name: string; description: string }> = {
  cursor: { name: 'Cursor', description: 'The `nextCursor` of the previous page, opaque. A cursor belongs to the query that gave it: the same filters and sort.' },
  limit: { name: 'Limit', description: `Items per page, at most ${MAX_LIMIT}.` },
  q: { name: 'Q', description: 'Text search, case-insensitive, all words must match: name, title, description, address and a person\'s name. A reference number (`XXXX-XXXX`, Crockford base32 of the id\'s last 40 bits; lowercase, no dash accepted) also matches the record whose id ends with it.' },
  gridId: { name: 'GridId', description: 'Records of this grid (an OrgUnit code at the grid level). A record without a grid of its own takes the grid of its place; a worker matches through any of his grids.' },
  scope: { name: 'Scope', description: 'OrgUnit code prefixes; a record matches when its grid starts with any of them. `*` is the whole tenant. The token\'s own scope always applies as well.' },
  status: { name: 'Status', description: 'Hazard statuses; any of them matches.' },
  category: { name: 'Category', description: 'Hazard categories; any of them matches.' },
  severity: { name: 'Severity', description: 'Hazard severities; any of them matches.' },
  overdue: { name: 'Overdue', description: '`true`: open hazards past their deadline or supervision deadline (a calendar-day deadline runs to the end of that day, UTC+8). `false`: all the others.' },
  supervision: { name: 'Supervision', description: 'Hazards whose 挂牌督办 is in one of these states: `requested` (报请, not yet listed), `listed` (under supervision: `listedAt` set, `liftedAt` not), `lifted` (摘牌/销案).' },
  placeId: { name: 'PlaceId', description: 'Records of this place (a captain\'s `buildingId` counts as its place).' },
  kind: { name: 'PlaceKind', description: 'Place kinds: a place\'s own kind, the kinds a template applies to, or the kind of a record\'s place.' },
  updatedSince: { name: 'UpdatedSince', description: 'Records updated at or after this instant.' },
  assignee: { name: 'Assignee', description: 'Hazards whose assignee (`responsible.personId`) is this user id; `me` is the caller (the token\'s user).' },
  sort: {
    name: 'Sort',
    description: 'Order of the list. Without it: creation order (ids are UUIDv7), stable while records change. `updatedAt`: newest first. `deadline`: soonest first, none last. `name`: ascending by name (the title of a hazard or a template, the person of a captain), in zh-CN collation or Unicode code-point order (the reference server). `urgency` (hazards): overdue and supervised, overdue, due within 3 days, later deadline, no deadline, closed or rejected; within each, major before candidate before general, then the earlier deadline. Ties break by id, so paging never repeats or skips a record.',
  },
};

const HAZARD_ONLY = new Set(['status', 'category', 'severity', 'overdue', 'supervision', 'assignee']);

function parameters(): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [key, doc] of Object.entries(PARAM_DOCS)) {
    const { schema, many } = queryParamSchema(key);
    if (key === 'limit') schema.default = 50;
    if (key === 'sort') schema.enum = [...SORTS];
    out[doc.name] = {
      name: key,
      in: 'query',
      required: false,
      description: many ? `${doc.description} Repeat the parameter for several values (\`${key}=a&${key}=b\`); the reference server also splits commas.` : doc.description,
      schema,
      ...(many ? { style: 'form', explode: true } : {}),
    };
  }
  out.Id = {
    name: 'id', in: 'path', required: true, description: 'The record id: a UUID, made by the client (UUIDv7) so the record exists offline.',
    schema: { type: 'string', format: 'uuid' },
  };
  out.IdempotencyKey = {
    name: 'Idempotency-Key', in: 'header', required: true,
    description: 'One per write, stable across retries (the client uses its outbox entry id, a UUIDv7). A resend with the same key and the same body returns the first response again without writing; a different body under a used key gets 422.',
    schema: { type: 'string', minLength: 1, maxLength: 200 },
  };
  out.IfMatch = {
    name: 'If-Match', in: 'header', required: false,
    description: 'The version the edit started from, as the `ETag` gave it: `"3"`. When the stored version differs the write is refused with 409. Left out, the write creates or overwrites.',
    schema: { type: 'string', pattern: '^"\\d+"$' },
  };
  return out;
}

// ——— responses ———

const problemResponse = (description: string): Json => ({
  description,
  content: { 'application/problem+json': { schema: problemRef } },
});

const RESPONSES: Record<string, Json> = {
  BadRequest: problemResponse('The request is invalid: a body that fails the schema (unknown fields included), a reserved key (`__proto__`, `constructor`, `prototype`) anywhere in a body, a bad query parameter or cursor, a media digest that does not match. `errors` names each path.'),
  Unauthorized: problemResponse('No bearer token, or one that is invalid or expired.'),
  Forbidden: problemResponse('The token\'s roles or scope do not allow this (a record outside its scope may also answer 404); it replays an `Idempotency-Key` first used by a token of the same user with more roles or a wider scope; or, for a transition, a review the caller may not do: of a major or supervised hazard (`code: role-for-severity`) or of his own rectification (`code: separation-of-duties`).'),
  NotFound: problemResponse('No record with this id in the token\'s tenant (records of another tenant are never revealed).'),
  Conflict: problemResponse('The record changed since the version given in `If-Match` (read it again and reapply the edit), a submitted inspection was to be changed, or a transition is not allowed from the hazard\'s status.'),
  PayloadTooLarge: problemResponse('JSON bodies over 1 MB and media over 20 MB are refused.'),
  UnsupportedMediaType: problemResponse('The body is not labelled JSON (`Content-Type: application/json` is required on writes) or not a JPEG, PNG, WebP or GIF image (media).'),
  UnprocessableContent: problemResponse('Well-formed but refused: the `Idempotency-Key` was already used with a different body; a hazard created in a later status than `reported` or a status changed by `PUT`; a place or photo the record points to is not on the server; an activity type the server derives itself; a field a transition needs is missing. `errors` names the paths.'),
  TooManyRequests: problemResponse('Rate limited (resident tokens; every caller of `/v1/scores` and `/v1/indicators`, one budget for both). Retry after the `Retry-After` header.'),
  ServiceUnavailable: problemResponse('The server is computing as many score or indicator reports as it queues. Retry after the `Retry-After` header.'),
};

const etagHeader: Json = {
  description: 'The record\'s version in quotes (`"4"`); send it back as `If-Match`.',
  schema: { type: 'string', pattern: '^"\\d+"$' },
};

const replayedHeader: Json = {
  description: '`true` when this is the stored answer to an earlier request with the same `Idempotency-Key` (optional: the reference server sends it).',
  schema: { type: 'string', enum: ['true'] },
};

const errors = (...names: string[]): Record<string, Json> =>
  Object.fromEntries(names.map((n): [string, Json] => [STATUS_OF[n] ?? n, { $ref: `#/components/responses/${n}` }]));

const STATUS_OF: Record<string, string> = {
  BadRequest: '400', Unauthorized: '401', Forbidden: '403', NotFound: '404', Conflict: '409', PayloadTooLarge: '413',
  UnsupportedMediaType: '415', UnprocessableContent: '422', TooManyRequests: '429', ServiceUnavailable: '503',
};

const param = (name: string): Json => ({ $ref: `#/components/parameters/${name}` });
const json = (schema: Schema): Record<string, Json> => ({ 'application/json': { schema } });

// ——— paths ———

function resourcePaths(r: Resource): Json {
  const listParams = Object.entries(PARAM_DOCS)
    .filter(([key]) => r.hazardFilters === true || !HAZARD_ONLY.has(key))
    .map(([, doc]) => param(doc.name));
  const item = `/v1/${r.kind}/{id}`;
  return {
    [`/v1/${r.kind}`]: {
      get: {
        operationId: `list${r.many}`,
        tags: [r.kind],
        summary: `List ${r.label[1]}`,
        description: 'Filtered, sorted and paged by the server (never fetch everything). Only records in the token\'s tenant and scope are listed.',
        parameters: listParams,
        responses: {
          200: { description: 'One page.', content: json(ref(`${r.name}Page`)) },
          ...errors('BadRequest', 'Unauthorized', 'Forbidden'),
        },
      },
    },
    [item]: {
      parameters: [param('Id')],
      get: {
        operationId: `get${r.one}`,
        tags: [r.kind],
        summary: `Read a${/^[aeiou]/.test(r.label[0]) ? 'n' : ''} ${r.label[0]}`,
        ...(r.kind === 'templates' ? {
          description: 'The latest revision, or with `revision` the one an inspection names in `templateVersion`. The server keeps every revision it is given and never rewrites one: a `PUT` of a lower revision, or of the stored revision with other content, is refused with 409 `template-revision`.',
          parameters: [{
            name: 'revision', in: 'query', required: false,
            description: 'A content revision of the template (404 `revision-not-found`, naming the revisions held, when the server holds none by that number).',
            schema: { type: 'integer', minimum: 1 },
          }],
        } : {}),
        responses: {
          200: { description: 'The record.', headers: { ETag: etagHeader }, content: json(ref(r.name)) },
          ...errors(...(r.kind === 'templates' ? ['BadRequest' as const] : []), 'Unauthorized', 'Forbidden', 'NotFound'),
        },
      },
      put: {
        operationId: `put${r.one}`,
        tags: [r.kind],
        summary: `Create or update a${/^[aeiou]/.test(r.label[0]) ? 'n' : ''} ${r.label[0]}`,
        description: [
          'The id in the body must equal the id in the path (400 otherwise). A record exactly as `GET` returned it is accepted back: the server-managed fields (`version`, `createdAt`, `updatedAt`, `tenantId`',
          r.kind === 'hazards' ? ', `history`' : '',
          ') are ignored; fields the schema does not know are refused.',
          r.kind === 'hazards' ? ' A hazard is created as `draft` or `reported`; afterwards `PUT` edits its content, not its status (use transitions).' : '',
        ].join(''),
        parameters: [param('IdempotencyKey'), param('IfMatch')],
        requestBody: { required: true, content: json(ref(`${r.name}Input`)) },
        responses: {
          200: { description: 'Updated; `version` is one more than before.', headers: { ETag: etagHeader, 'Idempotency-Replayed': replayedHeader }, content: json(ref(r.name)) },
          201: {
            description: 'Created with `version` 1.',
            headers: { ETag: etagHeader, Location: { description: 'The record\'s URL.', schema: { type: 'string' } }, 'Idempotency-Replayed': replayedHeader },
            content: json(ref(r.name)),
          },
          ...errors('BadRequest', 'Unauthorized', 'Forbidden', 'Conflict', 'PayloadTooLarge', 'UnsupportedMediaType', 'UnprocessableContent', 'TooManyRequests'),
        },
      },
    },
  };
}

function transitionsPath(): Json {
  const rows = HAZARD_ACTIONS.map((action) => {
    const r = DEFAULT_TRANSITIONS[action];
    const from = r.from === 'open' ? 'any open' : r.from.join(', ');
    const severity = r.severity === undefined ? '' : `; severity ${r.severity.from} → ${r.severity.to}`;
    const roles = [...r.roles, ...(r.assignee === true ? ['the assignee (`responsible.personId`)'] : [])].join(', ');
    return `| \`${action}\` | ${from} → ${r.to}${severity} | ${roles} | ${r.needs.length === 0 ? '—' : r.needs.join(', ')} |`;
  });
  const needs = ['| action | from → to | default roles | needs |', '|---|---|---|---|', ...rows].join('\n');
  const reviewers = (DEFAULT_ROLES_WHEN.major['review-pass'] ?? []).join(', ');
  const listing = DEFAULT_TRANSITIONS.lift.roles.join(', ');
  const who = [
    `Who may close what: on a \`major\` hazard and on a supervised one (\`supervision.listedAt\` set, \`liftedAt\` not), \`review-pass\` and \`review-fail\` are for ${reviewers} only (403, code \`role-for-severity\`); whoever reported the rectification (the \`by\` of the last \`report-rectified\`) may not pass or fail its review (403, code \`separation-of-duties\`).`,
    `挂牌督办: \`supervise\` by a role that may only request it (报请; by default fire-officer) records \`supervision.level\`, \`authority\`, \`deadline\`, \`requestedBy\`, \`requestedAt\`; by the listing authority (the roles of \`lift\`, by default ${listing}) it sets \`listedAt\` and \`listedBy\`, taking what the body leaves out from the request. On a supervised or \`major\` hazard a passed review is recorded and leaves it \`awaiting-review\`; \`lift\` (摘牌/销案) by the listing authority, only after a passed review (409 before), closes it and sets \`supervision.liftedAt\` and \`liftedBy\`.`,
    `当场整改 and 复核不合格: \`fix-on-spot\` closes a \`general\` hazard in one step and needs \`note\`, \`before\` (the ids of photos of the hazard as found) and \`evidence\` (of the result), both kept on its history entry; it is refused (409) for a \`major-candidate\` or \`major\` hazard and for one whose supervision is requested or listed. It makes the activities \`hazard.reported\` (when it starts from \`draft\`) and \`hazard.closed\` with \`onTime: true\`, both credited to whoever ran it. \`reopen\` sends a hazard closed by \`fix-on-spot\` back to \`rectifying\` within ${String(createLifecycle().reopenDays)} days of the fix (configurable; 409 after, or for a hazard closed otherwise), storing \`responsible\`, \`deadline\` and \`measures\` as \`assign\` does.`,
    `签收, 退回, 延期, 转办, 上报上级: the assignee (the user whose id is \`responsible.personId\`) may run \`accept\`, \`return\` and \`request-extension\` whatever his roles. \`accept\` sets \`acceptedAt\` (409 when already set); \`return\` sends the task back to \`verified\` and clears \`responsible\`; \`request-extension\` records \`extensionRequest\` (\`deadline\` later than the current one, 422 otherwise; 409 while one is pending) and leaves the deadline; \`approve-extension\` moves \`deadline\` to the one asked and \`refuse-extension\` keeps it, both recording \`decision\`, \`decidedBy\`, \`decidedAt\` (409 without a pending request). \`transfer\` sets \`transfer\` and makes the department (an id of the configured list: ${createLifecycle().departments.map((d) => `\`${d.id}\``).join(', ')} by default; 422 for another) \`responsible.unit\`; \`answer-transfer\` records \`transfer.answer\` with the optional \`documentNumber\` (409 without a transfer). \`escalate\` moves \`tier\` one up (grid → community → township → county; 409 at the county).`,
    `A resident's tip-off (\`source: 'public'\`; 409 on any other hazard): \`answer-resident\` (答复举报人) stores its \`note\` as \`publicReply\` (\`text\`, \`at\`), which the resident reads on his own report; \`record-reward\` (举报奖励), from \`verified\` on, stores \`reward\` (\`due\`, \`amount\` in yuan, \`paidAt\`), confidential like the reporter: only grid supervisors, fire officers, admins and the reporter see \`reward\` and the \`record-reward\` history entries. Neither changes the status.`,
  ].join('\n\n');
  return {
    parameters: [param('Id')],
    post: {
      operationId: 'transitionHazard',
      tags: ['hazards'],
      summary: 'Run one action of the hazard lifecycle',
      description: `The \`hazards.transition\` command. The server checks the action against the hazard's status and the token's roles, appends a history entry and returns the hazard as stored: 403 for a role that may not run it, 409 from a status it does not run from, 422 naming each field it needs that is missing. A vendor may configure the roles; the defaults (DESIGN §9):\n\n${needs}\n\n${who}`,
      parameters: [param('IdempotencyKey'), param('IfMatch')],
      requestBody: { required: true, content: json(ref('TransitionInput')) },
      responses: {
        200: { description: 'The hazard after the action.', headers: { ETag: etagHeader, 'Idempotency-Replayed': replayedHeader }, content: json(ref('Hazard')) },
        ...errors('BadRequest', 'Unauthorized', 'Forbidden', 'NotFound', 'Conflict', 'PayloadTooLarge', 'UnsupportedMediaType', 'UnprocessableContent', 'TooManyRequests'),
      },
    },
  };
}

function otherPaths(): Json {
  return {
    '/v1/hazards/{id}/transitions': transitionsPath(),
    '/v1/captains:import': {
      post: {
        operationId: 'importCaptains',
        tags: ['captains'],
        summary: 'Import captains in one transaction',
        description: 'The `captains.import` command: every row is validated and stored, or none is. A refused import names the row of each problem (`rows[3].person.phone`).',
        parameters: [param('IdempotencyKey')],
        requestBody: { required: true, content: json(ref('CaptainImportInput')) },
        responses: {
          200: { description: 'Every row was stored.', content: json(ref('CaptainImportResult')) },
          ...errors('BadRequest', 'Unauthorized', 'Forbidden', 'PayloadTooLarge', 'UnsupportedMediaType', 'UnprocessableContent', 'TooManyRequests'),
        },
      },
    },
    '/v1/media': {
      post: {
        operationId: 'uploadMedia',
        tags: ['media'],
        summary: 'Upload a photo',
        description: 'The body is the image itself (the client sends JPEG, long edge at most 1600 px). `Content-Digest` carries its SHA-256 (RFC 9530); a body that does not match is refused with 400. Read the photo back through `url` with the same bearer token.',
        parameters: [
          param('IdempotencyKey'),
          {
            name: 'Content-Digest', in: 'header', required: true,
            description: 'The SHA-256 of the body, base64 between colons: `sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:`.',
            schema: { type: 'string', pattern: '^sha-256=:[A-Za-z0-9+/]{43}=:$' },
          },
        ],
        requestBody: {
          required: true,
          content: { 'image/jpeg': { schema: {} }, 'image/png': { schema: {} }, 'image/webp': { schema: {} } },
        },
        responses: {
          201: {
            description: 'Stored. `width`, `height` and the type are read from the image itself.',
            headers: { Location: { description: 'The photo\'s URL (= `url`).', schema: { type: 'string' } }, 'Idempotency-Replayed': replayedHeader },
            content: json(ref('PhotoRef')),
          },
          ...errors('BadRequest', 'Unauthorized', 'Forbidden', 'PayloadTooLarge', 'UnsupportedMediaType', 'UnprocessableContent', 'TooManyRequests'),
        },
      },
    },
    '/v1/media/{mediaId}': {
      parameters: [{ name: 'mediaId', in: 'path', required: true, description: 'The `id` of a PhotoRef.', schema: { type: 'string', minLength: 1 } }],
      get: {
        operationId: 'getMedia',
        tags: ['media'],
        summary: 'Read a photo',
        description: 'The bytes as uploaded. Needs the bearer token, like every call: an `<img>` cannot send one, so clients read photos through `DataPort.readMedia`. A photo is served by its record: to its uploader and to a caller who may read a record citing it (a hazard\'s `photos` or history `evidence`, an inspection\'s answer photos); anyone else gets 404.',
        responses: {
          200: { description: 'The image.', content: { 'image/*': { schema: {} } } },
          ...errors('Unauthorized', 'Forbidden', 'NotFound'),
        },
      },
    },
    '/v1/scores': {
      get: {
        operationId: 'getScores',
        tags: ['scores'],
        summary: 'Scores of grid workers',
        description: 'The figures, points, ranks and explanations of the client\'s engine (`computeScores`, DESIGN §7) over the stored workers, places and activities, computed in SQL (`toSql` over scoring tables kept in each write\'s transaction) without loading records into the server. With `config` a stored score configuration is used; otherwise `period` and `scope` with the example configuration of `@firegrid/core/scoring`. Periods are whole days in Asia/Shanghai; points are rounded half away from zero to 2 decimals. The evidence lists (`activityIds`, `placeIds`) are empty unless `worker` asks for one worker. Bounded before any work: a period of at most 366 days and at most 5,000 workers in scope (the reference server\'s bounds; 422 naming `period` or `scope`); rate-limited per caller (429).',
        parameters: [
          { name: 'period', in: 'query', required: false, description: 'The period to score, required without `config`: a month `2026-11`, a quarter `2026-Q1`, a year `2026`, or days `2026-11-01..2026-11-30`.', schema: { type: 'string', minLength: 1 } },
          { name: 'scope', in: 'query', required: false, description: 'An OrgUnit code prefix to score and rank within (`*` for the whole tenant); the caller\'s own scope by default. Outside the caller\'s scope: 403.', schema: { type: 'string', minLength: 1 } },
          { name: 'config', in: 'query', required: false, description: 'The id of a stored score configuration (`/v1/score-configs`); it carries its own period and scope.', schema: { type: 'string', minLength: 1 } },
          { name: 'rankBy', in: 'query', required: false, description: 'The level ranks are computed within.', schema: { type: 'string', enum: [...RANK_LEVELS] } },
          { name: 'worker', in: 'query', required: false, description: 'A worker\'s id: the report holds him alone, ranked among all in scope, with his evidence lists (404 when he is not scored in the scope).', schema: { type: 'string', minLength: 1 } },
        ],
        responses: {
          200: { description: 'The scores.', content: json(ref('ScoreReport')) },
          ...errors('BadRequest', 'Unauthorized', 'Forbidden', 'NotFound', 'UnprocessableContent', 'TooManyRequests', 'ServiceUnavailable'),
        },
      },
    },
    '/v1/indicators': {
      get: {
        operationId: 'getIndicators',
        tags: ['scores'],
        summary: 'The plan\'s indicators by community, street or county',
        description: '整改率, 销号率 and 超期率 per unit of the hazards found in `period`, as `computeIndicators` (DESIGN §7) gives them, computed in SQL over tables kept in each write\'s transaction, without loading records into the server. A hazard is found at its first `submit` (or when created reported); drafts and rejected hazards do not count; its unit is the prefix of its own grid, else its place\'s. Rectified = awaiting review or closed now; closed = closed now; overdue = open now and past its effective deadline (the earlier of the 整改时限 and a listed supervision\'s). Each rate is the count over found, 4 decimals, null when nothing was found. Units: those in scope with a place or a found hazard. Who may read: who may read scores. Bounded: a period of at most 366 days (422 naming `period`); rate-limited per caller with `/v1/scores` (429).',
        parameters: [
          { name: 'period', in: 'query', required: true, description: 'Whole days in Asia/Shanghai: a month `2026-11`, a quarter `2026-Q1`, a year `2026`, or days `2026-11-01..2026-11-30`.', schema: { type: 'string', minLength: 1 } },
          { name: 'level', in: 'query', required: false, description: 'The unit: county (6-digit code), street (乡镇/街道, 9) or community (社区/村, 12); `street` by default.', schema: { type: 'string', enum: [...INDICATOR_LEVELS] } },
          { name: 'scope', in: 'query', required: false, description: 'An OrgUnit code prefix the units lie under (`*` for the whole tenant); the caller\'s own scope by default. Outside the caller\'s scope: 403.', schema: { type: 'string', minLength: 1 } },
        ],
        responses: {
          200: { description: 'The indicators, one row per unit sorted by code.', content: json(ref('IndicatorReport')) },
          ...errors('BadRequest', 'Unauthorized', 'Forbidden', 'UnprocessableContent', 'TooManyRequests', 'ServiceUnavailable'),
        },
      },
    },
  };
}

const DESCRIPTION = `The REST contract of Firegrid (DESIGN §5): what the SDK's \`httpDataPort\` speaks and \`@firegrid/server\` serves. A vendor's backend that serves it works with every Firegrid element; check one with the conformance suite: \`npx firegrid-conformance --base-url URL --token T\`.

**Auth.** Every call needs \`Authorization: Bearer <token>\`; no token or a bad one gets 401. The token carries the tenant, the user, roles, scope (OrgUnit code prefixes, \`*\` for the whole tenant) and an expiry (\`exp\`, required: a token without one gets 401); every call checks all of them. A record of another tenant answers 404; a record outside the scope answers 403 or 404.

**Strict in, lenient out.** Request bodies are validated strictly: a field the schema does not know is refused (400, with its path in \`errors\`). Responses may carry fields this document does not list; clients ignore them. A record as \`GET\` returns it is accepted back by \`PUT\`: server-managed fields (\`version\`, \`createdAt\`, \`updatedAt\`, \`tenantId\`, a hazard's \`history\`) are ignored on input.

**Versions.** The server increments \`version\` on every write (a new record is 1) and returns it as \`ETag: "<version>"\`. An edit sends \`If-Match: "<version>"\` and gets 409 when the record moved on.

**Idempotency.** Every write carries an \`Idempotency-Key\` (one per write, stable across retries). An identical resend returns the first response and writes nothing, to a caller with at least the first caller's roles and scope (403 otherwise); a different body under a used key gets 422. A JSON body needs \`Content-Type: application/json\` (415 otherwise).

**Errors** are \`application/problem+json\` (RFC 9457) with \`type\`, \`title\`, \`status\` and, for invalid input, \`errors: [{ path, message }]\`.

**Limits.** JSON bodies over 1 MB and media over 20 MB get 413. Lists return at most ${MAX_LIMIT} items a page.

**Time.** Instants are ISO 8601 with an offset; calendar-day deadlines run to the end of that day in China Standard Time (UTC+8).`;

/** Builds the OpenAPI 3.1 document (deterministic: the same schemas give the same bytes). */
export function buildOpenApi(): OpenAPIV3_1.Document {
  return buildJson() as unknown as OpenAPIV3_1.Document;
}

function buildJson(): Json {
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'packages/core/package.json'), 'utf8')) as { version: string };
  const paths: Json = {};
  for (const r of RESOURCES) Object.assign(paths, resourcePaths(r));
  Object.assign(paths, otherPaths());
  return {
    openapi: '3.1.0',
    info: {
      title: 'Firegrid REST API',
      version: pkg.version,
      summary: 'Fire-safety records of grid governance: places, checklists, hazards, floor captains, scores.',
      description: DESCRIPTION,
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/', description: 'The API\'s origin; every path starts with /v1.' }],
    security: [{ bearerAuth: [] }],
    tags: [
      ...RESOURCES.map((r) => ({ name: r.kind, description: r.description })),
      { name: 'media', description: 'Photos, uploaded separately from the records that refer to them.' },
      { name: 'scores', description: 'Assessment of grid workers (考评) and the plan\'s indicators by unit (整改率, 销号率, 超期率).' },
    ],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http', scheme: 'bearer', bearerFormat: 'JWT',
          description: 'The reference server takes an HS256 JWT with the claims `tenant`, `sub`, `roles` and `scope` (OrgUnit code prefixes, or `*`). Other servers may use any bearer token that carries the same facts.',
        },
      },
      parameters: parameters(),
      responses: RESPONSES,
      schemas: schemas(),
    },
  };
}

/** The document as written to disk: two-space JSON with a final newline. */
export function renderOpenApi(): string {
  return `${JSON.stringify(buildOpenApi(), null, 2)}\n`;
}

function main(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { check: { type: 'boolean' }, out: { type: 'string' } } });
  const path = values.out === undefined ? OPENAPI_PATH : resolve(values.out);
  const shown = relative(process.cwd(), path) || path;
  const text = renderOpenApi();
  if (values.check === true) {
    let current: string | undefined;
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === text) {
      process.stdout.write(`${shown} is up to date\n`);
      return 0;
    }
    process.stderr.write(`${shown} is ${current === undefined ? 'missing' : 'stale'}: the schemas or the contract changed. Run \`npm run openapi\` and commit the result.\n`);
    return 1;
  }
  writeFileSync(path, text);
  process.stdout.write(`wrote ${shown}\n`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
