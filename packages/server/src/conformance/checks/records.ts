/**
 * Checks of single records: auth, create, read, round trips of every kind, strict input with
 * problem+json paths, idempotent and conflicting replays, stale versions, the body limit.
 * @module
 */
import { newId } from '@firegrid/core';
import type { ResourceKind } from '@firegrid/core';
import { create, expectRecord, get, list, put } from '../context.js';
import type { Ctx, Rec } from '../context.js';
import {
  ROUND_TRIP_KINDS, activityRecord, captainRecord, cstDate, hazardRecord, inspectionRecord, placeRecord, scoreConfigRecord,
  templateRecord, workerRecord,
} from '../fixtures.js';
import { described, expect, preview } from '../http.js';
import { expectProblem } from '../problem.js';
import type { Check } from './types.js';

/** A place in the run's grid, shared by the checks that only need one to point at. */
export function sharedPlace(ctx: Ctx): Promise<Rec> {
  return ctx.once('place', () => create(ctx, 'places', placeRecord(`一致性测试 ${ctx.tag} 1 幢`, ctx.grid)));
}

/** Expects a 404 for a record that must not exist (a refused write stored nothing). */
async function expectAbsent(ctx: Ctx, kind: ResourceKind, id: string, why: string): Promise<void> {
  const reply = await get(ctx, kind, id);
  expect(reply.status === 404, () => `${why}, yet ${described(reply)} (expected 404: nothing stored)`);
}

const auth: Check = {
  name: 'auth: no token or a bad token → 401',
  async run(ctx) {
    const place = await sharedPlace(ctx);
    expectProblem(await list(ctx, 'hazards', {}, null), 401, 'GET /v1/hazards without Authorization');
    expectProblem(await get(ctx, 'places', place.id, null), 401, 'GET of a record without Authorization');
    expectProblem(await get(ctx, 'places', place.id, 'not-a-valid-token'), 401, 'GET with a malformed bearer token');
    const tampered = `${ctx.token.slice(0, -4)}${ctx.token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    expectProblem(await get(ctx, 'places', place.id, tampered), 401, 'GET with a token whose last characters were changed');
    const unsaved = placeRecord(`一致性测试 ${ctx.tag} 无令牌`, ctx.grid);
    expectProblem(await put(ctx, 'places', unsaved, { token: null }), 401, 'PUT without Authorization');
    await expectAbsent(ctx, 'places', unsaved.id, 'a PUT without a token was refused');
    return 'list, read and write without a token, with a malformed and with a tampered one';
  },
};

const createCheck: Check = {
  name: 'create: PUT of a new id → 201, version 1, ETag "1"',
  async run(ctx) {
    const place = await sharedPlace(ctx);
    const again = expectRecord(await get(ctx, 'places', place.id), 'places', 200, 'reading the new place back');
    expect(again.version === 1 && again.name === place.name, () => `GET returned version ${again.version}, name ${String(again.name)}`);
    expect(typeof again.createdAt === 'string' && typeof again.updatedAt === 'string' && typeof again.tenantId === 'string',
      'the stored place lacks createdAt, updatedAt or tenantId');
    return `place ${place.id}`;
  },
};

const notFound: Check = {
  name: 'read: unknown id → 404 problem',
  async run(ctx) {
    expectProblem(await get(ctx, 'hazards', newId()), 404, 'GET of an id nobody stored');
    return 'GET /v1/hazards/<fresh id>';
  },
};

/** Makes a record of `kind` that the server will accept, creating what it points to first. */
async function sample(ctx: Ctx, kind: ResourceKind): Promise<{ id: string }> {
  const label = `一致性测试 ${ctx.tag}`;
  switch (kind) {
    case 'places': return placeRecord(`${label} 往返`, ctx.grid);
    case 'templates': return templateRecord(`${label} 模板`);
    case 'inspections': {
      const template = await ctx.once('template', () => create(ctx, 'templates', templateRecord(`${label} 检查模板`)));
      return inspectionRecord(template.id, (await sharedPlace(ctx)).id, ctx.now());
    }
    case 'hazards': return hazardRecord({ title: `${label} 往返隐患`, gridId: ctx.grid, placeId: (await sharedPlace(ctx)).id });
    case 'captains': {
      const building = await create(ctx, 'places', placeRecord(`${label} 楼长楼`, ctx.grid));
      return captainRecord(building.id, '李芳', cstDate(ctx.now()));
    }
    case 'workers': return workerRecord(`${label} 网格员`, ctx.grid);
    case 'activities': {
      const worker = await ctx.once('worker', () => create(ctx, 'workers', workerRecord(`${label} 网格员`, ctx.grid)));
      return activityRecord(worker.id, ctx.grid, ctx.now());
    }
    case 'score-configs': return scoreConfigRecord(`${label} 考评`, ctx.grid);
  }
}

function roundTrip(kind: ResourceKind): Check {
  return {
    name: `round trip: ${kind} (GET output accepted by PUT)`,
    async run(ctx) {
      const made = await create(ctx, kind, await sample(ctx, kind));
      const read = expectRecord(await get(ctx, kind, made.id), kind, 200, 'reading it back');
      const reply = await put(ctx, kind, read, { ifMatch: read.version });
      const saved = expectRecord(reply, kind, 200, `PUT of the record exactly as GET returned it, with If-Match "${read.version}"`);
      expect(saved.version === read.version + 1, () => `${described(reply)} returned version ${saved.version}, expected ${read.version + 1}`);
      const after = expectRecord(await get(ctx, kind, made.id), kind, 200, 'reading it after the update');
      expect(after.version === saved.version, () => `GET after the update shows version ${after.version}, the PUT answered ${saved.version}`);
      return `${made.id}: version 1 → ${saved.version}`;
    },
  };
}

const unknownFields: Check = {
  name: 'problem+json: unknown fields → 400 with their paths',
  async run(ctx) {
    const hazard = hazardRecord({ title: `一致性测试 ${ctx.tag} 未知字段`, gridId: ctx.grid });
    const body = { ...hazard, surpriseTop: 1, reporter: { ...hazard.reporter, surpriseNested: true } };
    const problem = expectProblem(await put(ctx, 'hazards', body), 400, 'PUT with unknown fields at the top and inside reporter');
    const paths = (problem.errors ?? []).map((e) => e.path);
    expect(paths.some((p) => p.includes('surpriseTop')), () =>
      `errors[] has no entry whose path names the unknown field surpriseTop; paths: ${JSON.stringify(paths)}`);
    expect(paths.some((p) => p.includes('reporter') && p.includes('surpriseNested')), () =>
      `errors[] has no entry whose path names reporter.surpriseNested; paths: ${JSON.stringify(paths)}`);
    await expectAbsent(ctx, 'hazards', hazard.id, 'the PUT was refused');
    return `type ${problem.type}, paths ${paths.join(', ')}`;
  },
};

const invalidField: Check = {
  name: 'problem+json: invalid and missing fields → 400 with their paths',
  async run(ctx) {
    const body: Record<string, unknown> & { id: string } = { ...hazardRecord({ title: 'x', gridId: ctx.grid }), category: 'not-a-category' };
    delete body.title;
    const problem = expectProblem(await put(ctx, 'hazards', body), 400, 'PUT with a bad category and no title');
    const paths = (problem.errors ?? []).map((e) => e.path);
    const names = (field: string) => (p: string): boolean => p === field || p === `/${field}` || p.endsWith(`.${field}`) || p.endsWith(`/${field}`);
    expect(paths.some(names('category')), () => `errors[] has no entry for path "category"; paths: ${JSON.stringify(paths)}`);
    expect(paths.some(names('title')), () => `errors[] has no entry for the missing "title"; paths: ${JSON.stringify(paths)}`);
    expect((problem.errors ?? []).every((e) => e.message.trim() !== ''), 'an entry of errors[] has an empty message');
    return `paths ${paths.join(', ')}`;
  },
};

const replay: Check = {
  name: 'idempotency: same key, same body → same answer, one write',
  async run(ctx) {
    const hazard = hazardRecord({ title: `一致性测试 ${ctx.tag} 重放`, gridId: ctx.grid });
    const key = newId();
    const first = await put(ctx, 'hazards', hazard, { key });
    const created = expectRecord(first, 'hazards', 201, 'the first PUT');
    const again = await put(ctx, 'hazards', hazard, { key });
    expect(again.status === first.status, () => `the replay answered ${again.status}, the first PUT ${first.status}: ${preview(again)}`);
    expect(JSON.stringify(again.json) === JSON.stringify(first.json), () => `the replay's body differs from the first answer: ${preview(again)}`);
    const stored = expectRecord(await get(ctx, 'hazards', hazard.id), 'hazards', 200, 'reading after the replay');
    expect(stored.version === 1, () => `after a replayed create the hazard is at version ${stored.version}: the replay wrote again`);
    // An update replayed after it succeeded must not turn into a conflict with its own If-Match.
    const edit = { ...hazard, description: `${hazard.description} · edited` };
    const updateKey = newId();
    const updated = expectRecord(await put(ctx, 'hazards', edit, { key: updateKey, ifMatch: 1 }), 'hazards', 200, 'an update with If-Match "1"');
    const updateAgain = await put(ctx, 'hazards', edit, { key: updateKey, ifMatch: 1 });
    expect(updateAgain.status === 200, () => `replaying the update (same key, same If-Match) answered ${described(updateAgain)}, expected the first answer, 200: ${preview(updateAgain)}`);
    expect(JSON.stringify(updateAgain.json) === JSON.stringify(updated), 'the replayed update returned another body than the first answer');
    const last = expectRecord(await get(ctx, 'hazards', hazard.id), 'hazards', 200, 'reading after the replayed update');
    expect(last.version === 2, () => `after one update and its replay the version is ${last.version}, expected 2`);
    return `create replayed as ${again.status}, update replayed as ${updateAgain.status}; version ${created.version} → ${last.version}`;
  },
};

const conflictingReplay: Check = {
  name: 'idempotency: same key, different body → 422 problem',
  async run(ctx) {
    const hazard = hazardRecord({ title: `一致性测试 ${ctx.tag} 冲突重放`, gridId: ctx.grid });
    const key = newId();
    expectRecord(await put(ctx, 'hazards', hazard, { key }), 'hazards', 201, 'the first PUT');
    const other = { ...hazard, title: `${hazard.title} (changed)` };
    expectProblem(await put(ctx, 'hazards', other, { key }), 422, 'a PUT with a used Idempotency-Key and another body');
    const stored = expectRecord(await get(ctx, 'hazards', hazard.id), 'hazards', 200, 'reading after the refused replay');
    expect(stored.title === hazard.title && stored.version === 1, () =>
      `the refused replay changed the hazard: title ${String(stored.title)}, version ${stored.version}`);
    return 'refused, nothing changed';
  },
};

const stale: Check = {
  name: 'versions: stale If-Match → 409 problem',
  async run(ctx) {
    const made = await create(ctx, 'hazards', hazardRecord({ title: `一致性测试 ${ctx.tag} 版本`, gridId: ctx.grid }));
    const v2 = expectRecord(await put(ctx, 'hazards', { ...made, description: 'first edit' }, { ifMatch: 1 }), 'hazards', 200, 'the first edit, If-Match "1"');
    expectProblem(await put(ctx, 'hazards', { ...made, description: 'second edit from version 1' }, { ifMatch: 1 }), 409,
      `an edit with If-Match "1" when the hazard is at version ${v2.version}`);
    const stored = expectRecord(await get(ctx, 'hazards', made.id), 'hazards', 200, 'reading after the conflict');
    expect(stored.description === 'first edit' && stored.version === v2.version, () =>
      `the refused edit changed the hazard (version ${stored.version}, description ${JSON.stringify(stored.description)})`);
    return `If-Match "1" refused at version ${v2.version}`;
  },
};

const tooLarge: Check = {
  name: 'limits: JSON body over 1 MB → 413 problem',
  async run(ctx) {
    const hazard = hazardRecord({ title: `一致性测试 ${ctx.tag} 过大`, gridId: ctx.grid });
    const body = { ...hazard, description: 'x'.repeat(1_200_000) };
    expectProblem(await put(ctx, 'hazards', body), 413, 'PUT of a 1.2 MB hazard');
    await expectAbsent(ctx, 'hazards', hazard.id, 'the oversized PUT was refused');
    return '1.2 MB refused';
  },
};

/** Checks of single records, in the order they run. */
const noContentType: Check = {
  name: 'problem+json: JSON body without Content-Type → 415',
  async run(ctx) {
    const hazard = hazardRecord({ title: `一致性测试 ${ctx.tag} 无类型`, gridId: ctx.grid });
    // Bytes, so that nothing labels the body on the way (fetch labels a string text/plain).
    const reply = await ctx.api.request('PUT', `/v1/hazards/${hazard.id}`, {
      token: ctx.token, body: new TextEncoder().encode(JSON.stringify(hazard)), headers: { 'idempotency-key': newId() },
    });
    expectProblem(reply, 415, 'a PUT whose JSON body has no Content-Type');
    await expectAbsent(ctx, 'hazards', hazard.id, 'the PUT without Content-Type was refused');
    return 'refused';
  },
};

const reservedKey: Check = {
  name: 'problem+json: a reserved key (an answer keyed __proto__) → 400 naming it',
  async run(ctx) {
    const template = await ctx.once('template', () => create(ctx, 'templates', templateRecord(`一致性测试 ${ctx.tag} 检查模板`)));
    const inspection = inspectionRecord(template.id, (await sharedPlace(ctx)).id, ctx.now());
    // JSON text, not an object: `{ __proto__: … }` in code would set the prototype, not a key.
    const raw = JSON.stringify(inspection).replace('"answers":{', '"answers":{"__proto__":{"result":"fail"},');
    const reply = await ctx.api.request('PUT', `/v1/inspections/${inspection.id}`, {
      token: ctx.token, body: new TextEncoder().encode(raw), headers: { 'idempotency-key': newId(), 'content-type': 'application/json' },
    });
    const problem = expectProblem(reply, 400, 'a PUT of an inspection with an answer keyed __proto__ (dropping it silently loses the answer)');
    const paths = (problem.errors ?? []).map((e) => e.path);
    expect(paths.some((p) => p.includes('answers') && p.includes('__proto__')), () =>
      `errors[] has no entry whose path names answers.__proto__; paths: ${JSON.stringify(paths)}`);
    await expectAbsent(ctx, 'inspections', inspection.id, 'the PUT with a reserved key was refused');
    return `paths ${paths.join(', ')}`;
  },
};

export const RECORD_CHECKS: readonly Check[] = [
  auth, createCheck, notFound, ...ROUND_TRIP_KINDS.map(roundTrip), unknownFields, invalidField, noContentType, reservedKey,
  replay, conflictingReplay, stale, tooLarge,
];
