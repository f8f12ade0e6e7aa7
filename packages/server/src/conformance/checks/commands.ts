/**
 * Checks of `POST /v1/captains:import`, the `captains.import` command: one transaction, every
 * row or none.
 * @module
 */
import { COMMAND_MAP, FloorCaptain, checkWith, newId } from '@firegrid/core';
import { create, get } from '../context.js';
import type { Ctx } from '../context.js';
import { captainRecord, cstDate, placeRecord } from '../fixtures.js';
import { CheckFailure, described, expect, preview } from '../http.js';
import type { Reply } from '../http.js';
import { expectProblem } from '../problem.js';
import type { Check } from './types.js';

/** `POST /v1/captains:import` (the route core's command map gives `captains.import`) with `{ rows }`. */
export function importCaptains(ctx: Ctx, rows: unknown[], key: string = newId()): Promise<Reply> {
  return ctx.api.request('POST', `/v1/${COMMAND_MAP['captains.import'].route.path}`, { token: ctx.token, body: { rows }, headers: { 'idempotency-key': key } });
}

const importAll: Check = {
  name: 'captains:import: every row or none',
  async run(ctx) {
    const today = cstDate(ctx.now());
    const buildings = [];
    for (const n of [1, 2, 3]) buildings.push(await create(ctx, 'places', placeRecord(`一致性测试 ${ctx.tag} 导入 ${n} 幢`, ctx.grid)));
    const [a, b, c] = buildings.map((p) => captainRecord(p.id, '张三', today));
    if (a === undefined || b === undefined || c === undefined) throw new CheckFailure('could not make the rows');
    const bad = { ...b, person: { ...b.person, phone: 'not a phone' } };
    const refused = expectProblem(await importCaptains(ctx, [a, bad, c]), [400, 422], 'an import whose second row has an invalid phone');
    const paths = (refused.errors ?? []).map((e) => e.path);
    expect(paths.some((p) => p.includes('1') && p.includes('phone')), () =>
      `the refusal should name the row and field (rows[1].person.phone); paths: ${JSON.stringify(paths)}`);
    for (const row of [a, c]) {
      const stored = await get(ctx, 'captains', row.id);
      expect(stored.status === 404, () => `a refused import stored ${row.id} anyway (${described(stored)}): not all or none`);
    }
    const reply = await importCaptains(ctx, [a, b, c]);
    expect(reply.status === 200 || reply.status === 201, () => `a valid import of 3 rows: ${described(reply)}: ${preview(reply)}`);
    for (const row of [a, b, c]) {
      const stored = await get(ctx, 'captains', row.id);
      expect(stored.status === 200, () => `after the import, ${described(stored)}`);
      const parsed = checkWith(FloorCaptain, stored.json, { locale: 'en' });
      if (!parsed.ok) throw new CheckFailure(`the imported captain ${row.id} fails the read schema: ${parsed.message}`);
    }
    return `refused with ${refused.status} naming ${paths[0] ?? ''}; then 3 rows stored`;
  },
};

const oneCaptainPerBuilding: Check = {
  name: 'captains:import: one captain per building (terms never overlap)',
  async run(ctx) {
    const today = cstDate(ctx.now());
    const building = await create(ctx, 'places', placeRecord(`一致性测试 ${ctx.tag} 一楼一长`, ctx.grid));
    const first = captainRecord(building.id, '张三', today);
    const stored = await importCaptains(ctx, [first]);
    expect(stored.status === 200 || stored.status === 201, () => `importing the building's first captain: ${described(stored)}: ${preview(stored)}`);
    // A second captain of the same building while the first is in office: 一楼一长 forbids it.
    const rival = captainRecord(building.id, '李四', today);
    const refused = expectProblem(await importCaptains(ctx, [rival]), [400, 409, 422], 'a second captain whose term overlaps the one in office');
    const paths = (refused.errors ?? []).map((e) => e.path);
    expect(paths.some((p) => p.includes('0')), () => `the refusal should name the row (rows[0].term); paths: ${JSON.stringify(paths)}`);
    const after = await get(ctx, 'captains', rival.id);
    expect(after.status === 404, () => `the overlapping captain was stored anyway (${described(after)})`);
    // A replacement ends the old term the day the new one begins: that is allowed, in one import.
    const ended = { ...first, term: { from: today, to: cstDate(new Date(ctx.now().getTime() + 86_400_000)) } };
    const next = { ...rival, term: { from: ended.term.to } };
    const replaced = await importCaptains(ctx, [ended, next]);
    expect(replaced.status === 200 || replaced.status === 201, () => `a replacement (old term ends the day the new begins): ${described(replaced)}: ${preview(replaced)}`);
    return `an overlapping term refused with ${refused.status} naming ${paths[0] ?? ''}; a replacement stored`;
  },
};

/** Checks of commands, in the order they run. */
export const COMMAND_CHECKS: readonly Check[] = [importAll, oneCaptainPerBuilding];
