/**
 * Checks of the write rules that hold whatever path a write takes (issue 14, DESIGN §5): fields an
 * action owns never change by PUT, a new hazard starts plain, every content change is in the
 * history (one `edit` entry per changing PUT), the actor comes from the token, a
 * confidential reporter stays hidden in history, lists, conflicts and activities, one worker per
 * user, one captain in office per building, and ids in one case.
 * @module
 */
import { newId } from '@firegrid/core';
import { create, expectPage, expectRecord, get, list, put, transition } from '../context.js';
import type { Ctx, Rec } from '../context.js';
import { captainRecord, cstDate, hazardRecord, inspectionRecord, placeRecord, templateRecord, workerRecord } from '../fixtures.js';
import { described, expect, preview } from '../http.js';
import { expectProblem } from '../problem.js';
import type { Check } from './types.js';

const REFUSED = [400, 403, 409, 422] as const;

/** Runs one transition with the main token and returns the hazard it answers. */
async function act(ctx: Ctx, hazard: Rec, body: Record<string, unknown>): Promise<Rec> {
  return expectRecord(await transition(ctx, hazard.id, body), 'hazards', 200, `the transition "${String(body.action)}"`);
}

/** The problem names `field` in a path, and its detail or a path message names one of `actions`. */
function namesFieldAndAction(problem: { detail?: string | undefined; errors?: { path: string; message: string }[] | undefined }, field: string, actions: readonly string[]): boolean {
  const errors = problem.errors ?? [];
  const text = `${problem.detail ?? ''} ${errors.map((e) => e.message).join(' ')}`;
  return errors.some((e) => e.path === field || e.path.startsWith(`${field}.`)) && actions.some((a) => text.includes(a));
}

const ownedFields: Check = {
  name: 'hazard fields: PUT may not change what an action owns (422 naming the field and the action)',
  async run(ctx) {
    const now = ctx.now();
    let hazard = await create(ctx, 'hazards', hazardRecord({ title: `一致性测试 ${ctx.tag} 字段归属`, gridId: ctx.grid }));
    hazard = await act(ctx, hazard, { action: 'verify' });
    hazard = await act(ctx, hazard, {
      action: 'assign', deadline: cstDate(now, 7), measures: '一致性测试', responsible: { unit: '一致性测试物业', person: '王五' },
    });
    const edits: [string, unknown, readonly string[]][] = [
      ['severity', 'major', ['confirm-major', 'flag-major']],
      ['deadline', cstDate(now, 3650), ['extend-deadline', 'assign']],
      ['responsible', { unit: '别的单位', person: '赵六' }, ['assign']],
      ['measures', '改过的措施', ['assign']],
      ['supervision', { level: 'province', listedAt: now.toISOString() }, ['supervise']],
    ];
    for (const [field, value, actions] of edits) {
      const reply = await put(ctx, 'hazards', { ...hazard, [field]: value }, { ifMatch: hazard.version });
      const problem = expectProblem(reply, 422, `a PUT that changes ${field}`);
      expect(namesFieldAndAction(problem, field, actions), () =>
        `the refusal of a PUT changing ${field} should name the field (errors[].path "${field}") and the action (${actions.join(' or ')}); got ${preview(reply)}`);
    }
    const stored = expectRecord(await get(ctx, 'hazards', hazard.id), 'hazards', 200, 'reading it back');
    expect(stored.version === hazard.version && stored.deadline === hazard.deadline && stored.severity === 'general', () =>
      `a refused PUT changed the hazard: version ${stored.version} (was ${hazard.version}), deadline ${String(stored.deadline)}, severity ${String(stored.severity)}`);
    const ok = expectRecord(await put(ctx, 'hazards', { ...hazard, title: `${String(hazard.title)} 改` }, { ifMatch: hazard.version }), 'hazards', 200,
      'a PUT that changes only the title');
    expect(ok.deadline === hazard.deadline, () => `a title edit changed the deadline to ${String(ok.deadline)}`);
    return `${edits.length} fields refused with 422; a title edit accepted`;
  },
};

const plainCreate: Check = {
  name: 'hazard create: general, no deadline, responsible, measures or supervision, empty history',
  async run(ctx) {
    const now = ctx.now();
    const base = (label: string): Rec => hazardRecord({ title: `一致性测试 ${ctx.tag} ${label}`, gridId: ctx.grid }) as unknown as Rec;
    const cases: [string, Record<string, unknown>][] = [
      ['severity major', { severity: 'major' }],
      ['severity major-candidate without a cited item', { severity: 'major-candidate' }],
      ['deadline', { deadline: cstDate(now, 30) }],
      ['responsible', { responsible: { unit: '物业', person: '王五' } }],
      ['measures', { measures: '清理' }],
      ['supervision', { supervision: { level: 'county', listedAt: now.toISOString() } }],
    ];
    for (const [label, over] of cases) {
      const body = { ...base(label), ...over };
      expectProblem(await put(ctx, 'hazards', body), REFUSED, `a new hazard with ${label}`);
      const stored = await get(ctx, 'hazards', body.id);
      expect(stored.status === 404, () => `the hazard created with ${label} was stored anyway (${described(stored)})`);
    }
    const withHistory = { ...base('带历史'), history: [{ at: now.toISOString(), by: 'someone', action: 'verify', from: 'reported', to: 'verified' }] };
    const made = expectRecord(await put(ctx, 'hazards', withHistory), 'hazards', 201, 'a new hazard whose body carries a history');
    expect(Array.isArray(made.history) && made.history.length === 0, () => `a new hazard's history should start empty; got ${JSON.stringify(made.history)}`);
    return `${cases.length} refused; history from the body ignored`;
  },
};

/** A hazard's history entries as the checks read them. */
interface Entry { at?: unknown; by?: unknown; byName?: unknown; action?: unknown; from?: unknown; to?: unknown; fields?: unknown }
const historyOf = (hazard: Rec): Entry[] => (Array.isArray(hazard.history) ? hazard.history as Entry[] : []);

const editHistory: Check = {
  name: 'hazard history: a PUT that changes content appends one edit entry (who, when, fields); one that changes nothing, none',
  async run(ctx) {
    let hazard = await create(ctx, 'hazards', hazardRecord({ title: `一致性测试 ${ctx.tag} 修改记录`, gridId: ctx.grid }));
    // The verify entry, written with the same token, says who the token's user is.
    hazard = await act(ctx, hazard, { action: 'verify' });
    const before = historyOf(hazard);
    const verify: Entry = before.at(-1) ?? {};
    const edited = expectRecord(await put(ctx, 'hazards', { ...hazard, title: `${String(hazard.title)} 改`, description: '一致性测试 补充说明' }, { ifMatch: hazard.version }),
      'hazards', 200, 'a PUT that changes the title and the description');
    const after = historyOf(edited);
    const entry: Entry | undefined = after.at(-1);
    expect(after.length === before.length + 1 && entry?.action === 'edit', () =>
      `a PUT that changes the title and the description should append one history entry with action "edit"; history went from ${before.length} to ${after.length} entries, the last ${JSON.stringify(entry)}`);
    expect(JSON.stringify(entry.fields) === JSON.stringify(['description', 'title']), () =>
      `the edit entry's fields should be ["description","title"] (the changed top-level fields, sorted); got ${JSON.stringify(entry.fields)}`);
    expect(entry.from === 'verified' && entry.to === 'verified', () => `the edit entry should keep the status (from and to "verified"); got ${String(entry.from)} → ${String(entry.to)}`);
    expect(entry.by === verify.by && entry.byName === verify.byName, () =>
      `the edit entry's by/byName should be the token's user, as on the verify entry (${String(verify.by)}/${String(verify.byName)}); got ${String(entry.by)}/${String(entry.byName)}`);
    const at = typeof entry.at === 'string' ? Date.parse(entry.at) : Number.NaN;
    const verifiedAt = typeof verify.at === 'string' ? Date.parse(verify.at) : Number.NaN;
    expect(!Number.isNaN(at) && at >= verifiedAt, () => `the edit entry's at should be the server's time, not before the verify entry (${String(verify.at)}); got ${String(entry.at)}`);
    const same = expectRecord(await put(ctx, 'hazards', edited, { ifMatch: edited.version }), 'hazards', 200, 'a PUT that changes nothing');
    expect(historyOf(same).length === after.length, () => `a PUT that changes nothing should append no history entry; history went from ${after.length} to ${historyOf(same).length} entries`);
    return 'one edit entry with its fields, by the token\'s user; none for an unchanged PUT';
  },
};

const actorFromToken: Check = {
  name: 'actor: a grid worker may not name someone else as reporter or inspector (limited token)',
  needs: ['tokenLimited'],
  async run(ctx) {
    const limited = ctx.tokenLimited ?? '';
    const someone = `conformance-other-${ctx.tag}`;
    const hazard = { ...hazardRecord({ title: `一致性测试 ${ctx.tag} 冒名`, gridId: ctx.grid }), reporter: { kind: 'grid-worker', personId: someone, confidential: false } };
    expectProblem(await put(ctx, 'hazards', hazard, { token: limited }), REFUSED, 'a grid worker filing a hazard under another reporter\'s id');
    const own = { ...hazard, id: newId(), reporter: { kind: 'grid-worker', confidential: false } };
    const made = expectRecord(await put(ctx, 'hazards', own, { token: limited }), 'hazards', 201, 'a grid worker filing a hazard without reporter.personId');
    const me = (made.reporter as { personId?: unknown }).personId;
    expect(typeof me === 'string' && me !== '' && me !== someone, () => `the server should fill reporter.personId from the token; got ${JSON.stringify(made.reporter)}`);
    // And he may not move the credit of a stored hazard to someone else.
    expectProblem(await put(ctx, 'hazards', { ...made, reporter: { ...(made.reporter as Rec), personId: someone } }, { token: limited, ifMatch: made.version }),
      REFUSED, 'a grid worker re-crediting a hazard to someone else');
    const place = await create(ctx, 'places', placeRecord(`一致性测试 ${ctx.tag} 冒名检查`, ctx.grid));
    const template = await create(ctx, 'templates', templateRecord(`一致性测试 ${ctx.tag} 冒名检查表`));
    const inspection = { ...inspectionRecord(template.id, place.id, ctx.now()), inspectorId: someone };
    expectProblem(await put(ctx, 'inspections', inspection, { token: limited }), REFUSED, 'a grid worker filing an inspection under another inspector\'s id');
    return `reporter and inspector from the token (${me})`;
  },
};

const submittedAtFromClock: Check = {
  name: 'inspection: submittedAt is the server\'s clock, never the body\'s',
  async run(ctx) {
    const place = await create(ctx, 'places', placeRecord(`一致性测试 ${ctx.tag} 提交时间`, ctx.grid));
    const template = await create(ctx, 'templates', templateRecord(`一致性测试 ${ctx.tag} 提交时间检查表`));
    const draft = await create(ctx, 'inspections', inspectionRecord(template.id, place.id, ctx.now()));
    const reply = await put(ctx, 'inspections', { ...draft, state: 'submitted', submittedAt: '2001-01-01T00:00:00+08:00' }, { ifMatch: draft.version });
    if (reply.status !== 200) {
      expectProblem(reply, REFUSED, 'submitting with a back-dated submittedAt');
      return `a back-dated submittedAt refused with ${reply.status}`;
    }
    const saved = expectRecord(reply, 'inspections', 200, 'submitting the inspection');
    const at = Date.parse(String(saved.submittedAt));
    const drift = Math.abs(at - ctx.now().getTime());
    expect(Number.isFinite(at) && drift < 10 * 60_000, () =>
      `a back-dated submittedAt (2001-01-01) was stored as ${String(saved.submittedAt)}; the server's clock should decide it`);
    return `stored ${String(saved.submittedAt)}`;
  },
};

const confidentialHistory: Check = {
  name: 'confidential history: his history entries, the 409 body and activities hide him (limited token)',
  needs: ['tokenLimited'],
  async run(ctx) {
    const limited = ctx.tokenLimited ?? '';
    // The main token reports confidentially as himself (personId from the token) and submits it:
    // the submit entry is his, and so is the find's activity.
    const body = hazardRecord({ title: `一致性测试 ${ctx.tag} 保密上报`, gridId: ctx.grid, status: 'draft' });
    const draft = await create(ctx, 'hazards', { ...body, reporter: { kind: 'grid-supervisor', contact: '13800000000', confidential: true } });
    const reported = await act(ctx, draft, { action: 'submit' });
    const me = (reported.reporter as { personId?: unknown }).personId;
    expect(typeof me === 'string' && me !== '', () => `the main token should see the reporter it filed as; got ${JSON.stringify(reported.reporter)}`);
    const secret = me;
    const leaks = (value: unknown): boolean => JSON.stringify(value).includes(JSON.stringify(secret)) || JSON.stringify(value).includes('13800000000');
    const seen = expectRecord(await get(ctx, 'hazards', reported.id, limited), 'hazards', 200, 'a grid worker reading the hazard');
    expect(!leaks(seen), () => `a grid worker got the confidential reporter (${secret}) in GET: reporter ${JSON.stringify(seen.reporter)}, history ${JSON.stringify(seen.history)}`);
    const page = expectPage(await list(ctx, 'hazards', { q: `${ctx.tag} 保密上报`, limit: 50 }, limited), 'hazards', 'a grid worker listing it');
    expect(page.items.some((h) => h.id === reported.id), 'the grid worker should list the hazard (it is in his grid)');
    expect(!page.items.some(leaks), () => `the list gave a grid worker the confidential reporter (${secret})`);
    const stale = await put(ctx, 'hazards', { ...seen, title: '过期编辑' }, { token: limited, ifMatch: draft.version });
    expectProblem(stale, 409, 'a grid worker\'s edit from a stale version');
    expect(!leaks(stale.json), () => `the 409 body gave a grid worker the confidential reporter (${secret}): ${preview(stale)}`);
    const acts = await list(ctx, 'activities', { limit: 500, gridId: ctx.grid }, limited);
    if (acts.status === 200) {
      const items = expectPage(acts, 'activities', 'a grid worker listing activities').items;
      const tied = items.filter((a) => a.hazardId === reported.id && (a.type === 'hazard.reported' || a.type === 'hazard.verified' || a.type === 'hazard.rejected'));
      expect(tied.length === 0, () => `/v1/activities ties the confidential find to its finder for a grid worker: ${JSON.stringify(tied[0])}`);
    }
    return 'GET, list, 409 and activities keep him hidden';
  },
};

const workerPerUser: Check = {
  name: 'workers: one worker record per user (a second one for the same userId is refused)',
  async run(ctx) {
    const userId = `conformance-user-${ctx.tag}`;
    await create(ctx, 'workers', { ...workerRecord(`一致性测试 ${ctx.tag} 甲`, ctx.grid), userId });
    const second = { ...workerRecord(`一致性测试 ${ctx.tag} 乙`, ctx.grid), userId };
    const problem = expectProblem(await put(ctx, 'workers', second), REFUSED, 'a second worker record for the same userId');
    expect(await get(ctx, 'workers', second.id).then((r) => r.status === 404), 'the second worker record was stored anyway');
    return `refused with ${problem.status}`;
  },
};

const captainPerBuilding: Check = {
  name: 'captains: one in office per building on PUT, as on import',
  async run(ctx) {
    const building = await create(ctx, 'places', placeRecord(`一致性测试 ${ctx.tag} 一楼一长`, ctx.grid));
    const from = cstDate(ctx.now(), -30);
    const first = await create(ctx, 'captains', captainRecord(building.id, '一致性甲', from));
    const second = captainRecord(building.id, '一致性乙', cstDate(ctx.now(), -1));
    const problem = expectProblem(await put(ctx, 'captains', second), REFUSED, 'a second captain in office for the same building');
    const ended = expectRecord(await put(ctx, 'captains', { ...first, term: { from, to: cstDate(ctx.now(), -1) } }, { ifMatch: first.version }),
      'captains', 200, 'ending the first captain\'s term');
    expect((ended.term as { to?: unknown }).to !== undefined, 'the first term should now have an end');
    await create(ctx, 'captains', second);
    return `an overlapping term refused with ${problem.status}; the successor stored once the term ended`;
  },
};

const idsOneCase: Check = {
  name: 'ids: an upper-case copy of a UUID never makes a second record',
  async run(ctx) {
    const place = await create(ctx, 'places', placeRecord(`一致性测试 ${ctx.tag} 大写`, ctx.grid));
    const upper = place.id.toUpperCase();
    const reply = await put(ctx, 'places', { ...placeRecord(`一致性测试 ${ctx.tag} 大写副本`, ctx.grid), id: upper });
    expect(reply.status !== 201, () => `PUT of the upper-case id ${upper} created a second record: ${described(reply)}`);
    if (reply.status >= 400) expectProblem(reply, [...REFUSED, 412], 'PUT of an upper-case copy of an id');
    const listed = expectPage(await list(ctx, 'places', { q: `${ctx.tag} 大写`, limit: 50 }), 'places', 'listing both names');
    const copies = listed.items.filter((p) => p.id.toLowerCase() === place.id);
    expect(copies.length === 1, () => `${copies.length} records answer to ${place.id} in any case`);
    return reply.status >= 400 ? `refused with ${reply.status}` : `the same record (${described(reply)})`;
  },
};

/** The integrity checks, in the order they run. */
export const INTEGRITY_CHECKS: readonly Check[] = [
  ownedFields, plainCreate, editHistory, actorFromToken, submittedAtFromClock, confidentialHistory, workerPerUser, captainPerBuilding, idsOneCase,
];
