/**
 * `packages/core/openapi.json`: up to date with the schemas, valid OpenAPI 3.1 by a real
 * validator, strict on requests (no unknown field anywhere in a body) and open on responses.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPI } from 'openapi-types';
import { RESOURCE_KINDS } from '@firegrid/core';
import { OPENAPI_PATH, renderOpenApi } from '../../scripts/gen-openapi.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = 'scripts/gen-openapi.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Every object schema reachable from `schema` (a dereferenced one, which may be circular), with
 * its path: through properties, items, unions, intersections and map values.
 */
function objectSchemas(schema: unknown, path = '', seen = new Set<unknown>()): { path: string; schema: Json }[] {
  if (!isObject(schema) || seen.has(schema)) return [];
  seen.add(schema);
  const out: { path: string; schema: Json }[] = [];
  if (schema.type === 'object' || isObject(schema.properties)) out.push({ path: path === '' ? '(root)' : path, schema });
  if (isObject(schema.properties)) {
    for (const [key, value] of Object.entries(schema.properties)) out.push(...objectSchemas(value, `${path}.${key}`, seen));
  }
  if (isObject(schema.additionalProperties)) out.push(...objectSchemas(schema.additionalProperties, `${path}{}`, seen));
  if (schema.items !== undefined) out.push(...objectSchemas(schema.items, `${path}[]`, seen));
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((s, i) => out.push(...objectSchemas(s, `${path}<${key}${i}>`, seen)));
  }
  return out;
}

/**
 * Objects of a request body that would let an unknown field through. A map (`answers`, keyed by
 * item id) has a schema as `additionalProperties`: its keys are data, and its values are walked.
 */
const openObjects = (schema: unknown): string[] =>
  objectSchemas(schema)
    .filter((o) => o.schema.additionalProperties !== false && !isObject(o.schema.additionalProperties))
    .map((o) => o.path);

/** Objects of a response that would refuse an unknown field. */
const closedObjects = (schema: unknown): string[] =>
  objectSchemas(schema).filter((o) => o.schema.additionalProperties === false || o.schema.unevaluatedProperties === false).map((o) => o.path);

interface Operation { key: string; operation: Json }

function operations(doc: Json): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Json)) {
    for (const [method, operation] of Object.entries(item as Json)) {
      if (['get', 'put', 'post', 'delete', 'patch'].includes(method)) out.push({ key: `${method.toUpperCase()} ${path}`, operation: operation as Json });
    }
  }
  return out;
}

const jsonSchemaOf = (content: unknown): unknown => (isObject(content) && isObject(content['application/json']) ? content['application/json'].schema : undefined);

let onDisk: string;
let dereferenced: Json;
let tmp: string;

before(async () => {
  onDisk = readFileSync(OPENAPI_PATH, 'utf8');
  tmp = mkdtempSync(join(tmpdir(), 'firegrid-openapi-'));
  dereferenced = await SwaggerParser.dereference(JSON.parse(onDisk) as OpenAPI.Document) as unknown as Json;
});

after(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('packages/core/openapi.json', () => {
  it('is what the schemas generate today (run `npm run openapi` when this fails)', () => {
    assert.ok(onDisk === renderOpenApi(), 'packages/core/openapi.json is stale: run `npm run openapi` and commit it');
  });

  it('`gen-openapi --check` exits 0 when current and 1 when stale or missing', () => {
    const run = (out: string) => spawnSync(process.execPath, ['--import', 'tsx', '--conditions=source', SCRIPT, '--check', '--out', out], { cwd: ROOT, encoding: 'utf8' });
    const current = join(tmp, 'current.json');
    copyFileSync(OPENAPI_PATH, current);
    const ok = run(current);
    assert.equal(ok.status, 0, ok.stderr);
    const stale = join(tmp, 'stale.json');
    writeFileSync(stale, onDisk.replace('"title": "Firegrid REST API"', '"title": "Firegrid REST API (old)"'));
    const refused = run(stale);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /stale.*npm run openapi/);
    const missing = run(join(tmp, 'missing.json'));
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /missing/);
  });

  it('is valid OpenAPI 3.1 (swagger-parser)', async () => {
    // validate() dereferences the object it is given, so it gets its own copy.
    const api = await SwaggerParser.validate(JSON.parse(onDisk) as OpenAPI.Document);
    assert.equal((api as { openapi?: string }).openapi, '3.1.0');
    await assert.rejects(
      SwaggerParser.validate({ ...(JSON.parse(onDisk) as Json), info: { title: 'no version' } } as unknown as OpenAPI.Document),
      /version/,
      'the validator refuses a document without info.version',
    );
  });

  it('has every endpoint of DESIGN §5', () => {
    const keys = new Set(operations(dereferenced).map((o) => o.key));
    for (const kind of RESOURCE_KINDS) {
      for (const key of [`GET /v1/${kind}`, `GET /v1/${kind}/{id}`, `PUT /v1/${kind}/{id}`]) assert.ok(keys.has(key), `missing ${key}`);
    }
    for (const key of ['POST /v1/hazards/{id}/transitions', 'POST /v1/captains:import', 'POST /v1/media', 'GET /v1/media/{mediaId}', 'GET /v1/scores']) {
      assert.ok(keys.has(key), `missing ${key}`);
    }
    const ids = operations(dereferenced).map((o) => o.operation.operationId);
    assert.equal(new Set(ids).size, ids.length, 'operationIds are unique');
  });

  it('describes who may close what: lift, the government role, supervision from request to lift, majorRuleSet', () => {
    const found = operations(dereferenced).find((o) => o.key === 'POST /v1/hazards/{id}/transitions');
    assert.ok(found !== undefined);
    const op = found.operation;
    const text = String(op.description);
    assert.match(text, /\| `lift` \| awaiting-review → closed \| government \| note \|/);
    assert.match(text, /\| `supervise` \| any open → same \| fire-officer, government \| supervision \|/);
    assert.match(text, /separation-of-duties/);
    assert.match(text, /role-for-severity/);
    const body = jsonSchemaOf((op.requestBody as Json).content) as Json;
    const props = body.properties as Json;
    assert.ok((((props.action as Json).enum) as string[]).includes('lift'));
    assert.ok(isObject(props.majorRuleSet), 'TransitionInput.majorRuleSet');
    assert.ok(isObject(((props.supervision as Json).properties as Json).authority), 'TransitionInput.supervision.authority');
    const hazard = jsonSchemaOf((op.responses as Json)['200'] === undefined ? undefined : ((op.responses as Json)['200'] as Json).content) as Json;
    const supervision = ((hazard.properties as Json).supervision as Json).properties as Json;
    for (const key of ['authority', 'requestedBy', 'requestedAt', 'listedAt', 'listedBy', 'liftedAt', 'liftedBy']) assert.ok(isObject(supervision[key]), `Supervision.${key}`);
    assert.ok(!(((hazard.properties as Json).supervision as Json).required as string[] | undefined ?? []).includes('listedAt'), 'listedAt is optional');
    assert.ok(isObject((hazard.properties as Json).majorRuleSet), 'Hazard.majorRuleSet');
  });

  it('refuses unknown fields at every level of every request body', () => {
    let bodies = 0;
    for (const { key, operation } of operations(dereferenced)) {
      const schema = jsonSchemaOf((operation.requestBody as Json | undefined)?.content);
      if (schema === undefined) continue;
      bodies++;
      assert.deepEqual(openObjects(schema), [], `${key}: these objects of the body accept unknown fields`);
    }
    assert.equal(bodies, RESOURCE_KINDS.length + 2, 'every PUT, the transition and the captain import have a JSON body');
  });

  it('lets every response carry fields it does not list', () => {
    let responses = 0;
    for (const { key, operation } of operations(dereferenced)) {
      for (const [status, response] of Object.entries(operation.responses as Json)) {
        const content = (response as Json).content;
        if (!isObject(content)) continue;
        for (const [type, media] of Object.entries(content)) {
          if (!type.endsWith('json')) continue;
          responses++;
          assert.deepEqual(closedObjects((media as Json).schema), [], `${key} → ${status} ${type}: these objects refuse unknown fields`);
        }
      }
    }
    assert.ok(responses > 50);
  });

  it('keeps server-managed fields optional on input and required on output', () => {
    const schemas = (dereferenced.components as Json).schemas as Record<string, Json>;
    const hazard = schemas.Hazard!;
    const input = schemas.HazardInput!;
    for (const field of ['version', 'createdAt', 'updatedAt', 'tenantId', 'history']) {
      assert.ok((hazard.required as string[]).includes(field), `Hazard requires ${field}`);
      assert.ok(!(input.required as string[]).includes(field), `HazardInput does not require ${field}`);
      assert.ok(field in (input.properties as Json), `HazardInput accepts ${field} (a GET output goes back as is)`);
    }
  });

  it('would notice a loose request body or a closed response (the walkers can fail)', () => {
    const loose = {
      type: 'object', additionalProperties: false,
      properties: { a: { type: 'object', properties: {} }, m: { type: 'object', additionalProperties: { type: 'object', properties: {} } } },
    };
    assert.deepEqual(openObjects(loose), ['.a', '.m{}']);
    const closed = { type: 'object', properties: { items: { type: 'array', items: { type: 'object', additionalProperties: false } } } };
    assert.deepEqual(closedObjects(closed), ['.items[]']);
  });
});
