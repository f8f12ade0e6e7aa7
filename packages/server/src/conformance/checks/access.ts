/**
 * Checks that need more than the main token: scope (a grid worker of one grid), role (a
 * transition his role may not run), confidential reporters, another tenant, and CORS.
 * @module
 */
import type { PhotoRef } from '@firegrid/core';
import { create, expectPage, expectRecord, expectSameIds, get, list, put, transition, walk } from '../context.js';
import type { Ctx, Rec } from '../context.js';
import { hazardRecord, jpegBytes } from '../fixtures.js';
import { described, expect, preview } from '../http.js';
import { expectProblem } from '../problem.js';
import { step } from './hazards.js';
import { postMedia, uploadPhoto } from './media.js';
import type { Check } from './types.js';

/** The limited token; the check's `needs` guarantees it is there. */
const limitedOf = (ctx: Ctx): string => {
  if (ctx.tokenLimited === undefined) throw new Error('needs --token-limited');
  return ctx.tokenLimited;
};

/** A hazard in the limited token's grid and one outside it, made with the main token. */
function gridPair(ctx: Ctx): Promise<{ w: string; inside: Rec; outside: Rec }> {
  return ctx.once('grid-pair', async () => {
    const w = `${ctx.tag}pair`;
    const inside = await create(ctx, 'hazards', hazardRecord({ title: `一致性测试 ${w} 本网格`, gridId: ctx.grid }));
    const outside = await create(ctx, 'hazards', hazardRecord({ title: `一致性测试 ${w} 其他网格`, gridId: ctx.otherGrid }));
    return { w, inside, outside };
  });
}

const scopeList: Check = {
  name: 'scope: lists leave out other grids (limited token)',
  needs: ['tokenLimited'],
  async run(ctx) {
    const token = limitedOf(ctx);
    const { w, inside } = await gridPair(ctx);
    expectSameIds((await walk(ctx, 'hazards', { q: w }, 50, token)).items, [inside], `the limited token listing q=${w}`);
    const asked = await list(ctx, 'hazards', { q: w, gridId: ctx.otherGrid }, token);
    if (asked.status === 200) {
      const page = expectPage(asked, 'hazards', `gridId=${ctx.otherGrid} with the limited token`);
      expect(page.items.length === 0, () => `asking for gridId=${ctx.otherGrid} with the limited token listed ${page.items.length} hazards of that grid`);
    } else {
      expectProblem(asked, 403, `gridId=${ctx.otherGrid} with the limited token`);
    }
    return `only ${ctx.grid}; gridId=${ctx.otherGrid} → ${asked.status === 200 ? 'empty page' : '403'}`;
  },
};

const scopeRecord: Check = {
  name: 'scope: a record outside the grid → 403 or 404 (limited token)',
  needs: ['tokenLimited'],
  async run(ctx) {
    const token = limitedOf(ctx);
    const { inside, outside } = await gridPair(ctx);
    expectRecord(await get(ctx, 'hazards', inside.id, token), 'hazards', 200, 'the limited token reading a hazard of its own grid');
    const read = expectProblem(await get(ctx, 'hazards', outside.id, token), [403, 404], 'the limited token reading a hazard of another grid');
    const edit = expectProblem(await put(ctx, 'hazards', { ...outside, description: 'changed by another grid' }, { token, ifMatch: outside.version }), [403, 404],
      'the limited token editing a hazard of another grid');
    const fresh = hazardRecord({ title: `一致性测试 ${ctx.tag} 越界新建`, gridId: ctx.otherGrid });
    const made = expectProblem(await put(ctx, 'hazards', fresh, { token }), [403, 404], 'the limited token creating a hazard in another grid');
    const after = expectRecord(await get(ctx, 'hazards', outside.id), 'hazards', 200, 'the outside hazard, read with the main token');
    expect(after.version === outside.version, () => `the refused edit changed the outside hazard to version ${after.version}`);
    const absent = await get(ctx, 'hazards', fresh.id);
    expect(absent.status === 404, () => `the refused create was stored anyway (${described(absent)})`);
    return `read ${read.status}, edit ${edit.status}, create ${made.status}`;
  },
};

const roleDenied: Check = {
  name: 'role: a transition the role may not run → 403 problem (limited token)',
  needs: ['tokenLimited'],
  async run(ctx) {
    const token = limitedOf(ctx);
    const draft = await create(ctx, 'hazards', hazardRecord({ title: `一致性测试 ${ctx.tag} 网格员提交`, gridId: ctx.grid, status: 'draft' }));
    // The same token may run what its role allows, so the refusal below is about the role.
    const reported = await step(ctx, draft, { action: 'submit' }, 'reported', token);
    expectProblem(await transition(ctx, reported.id, { action: 'verify' }, { token }), 403, 'verify by a grid worker (grid-supervisor and fire-officer only)');
    const after = expectRecord(await get(ctx, 'hazards', reported.id), 'hazards', 200, 'reading it back');
    expect(after.status === 'reported' && after.version === reported.version, () => `the refused verify changed the hazard: ${String(after.status)} v${after.version}`);
    return 'submit allowed, verify refused';
  },
};

const confidential: Check = {
  name: 'confidential reporter: hidden from a grid worker (limited token)',
  needs: ['tokenLimited'],
  async run(ctx) {
    const token = limitedOf(ctx);
    const hazard = await create(ctx, 'hazards', hazardRecord({ title: `一致性测试 ${ctx.tag}secret 匿名举报`, gridId: ctx.grid, confidential: true }));
    const full = expectRecord(await get(ctx, 'hazards', hazard.id), 'hazards', 200, 'the main token reading it');
    const shown = (rec: Rec): Record<string, unknown> => (rec.reporter ?? {}) as Record<string, unknown>;
    expect(shown(full).personId === 'conformance-reporter', () =>
      `the main token (admin) should see the confidential reporter; got reporter ${JSON.stringify(full.reporter)}`);
    const seen = expectRecord(await get(ctx, 'hazards', hazard.id, token), 'hazards', 200, 'the limited token reading it');
    const leaked = (rec: Rec): boolean => shown(rec).personId !== undefined || shown(rec).contact !== undefined;
    expect(!leaked(seen), () => `a grid worker got the confidential reporter's details: ${JSON.stringify(seen.reporter)}`);
    const listed = (await walk(ctx, 'hazards', { q: `${ctx.tag}secret` }, 50, token)).items;
    expectSameIds(listed, [hazard], 'the limited token listing it');
    expect(!listed.some(leaked), () => `the list gave a grid worker the confidential reporter's details: ${JSON.stringify(listed[0]?.reporter)}`);
    return 'personId and contact left out in GET and list';
  },
};

const otherTenant: Check = {
  name: 'tenant: another tenant\'s records → 404',
  needs: ['tokenOtherTenant'],
  async run(ctx) {
    const token = ctx.tokenOtherTenant ?? '';
    const { w, inside } = await gridPair(ctx);
    expectProblem(await get(ctx, 'hazards', inside.id, token), 404, 'the other tenant reading a hazard of the first');
    const page = await walk(ctx, 'hazards', { q: w }, 50, token);
    expect(page.items.length === 0, () => `the other tenant's list shows ${page.items.length} hazards of the first tenant`);
    expectProblem(await transition(ctx, inside.id, { action: 'verify' }, { token }), [403, 404], 'the other tenant running a transition on it');
    const ref = await uploadPhoto(ctx);
    const media = await ctx.api.request('GET', ctx.api.resolve(ref.url), { token, headers: { accept: 'image/*' } });
    expectProblem(media, 404, 'the other tenant reading the first tenant\'s photo');
    const after = expectRecord(await get(ctx, 'hazards', inside.id), 'hazards', 200, 'the hazard, read by its own tenant');
    expect(after.version === inside.version, () => `the other tenant changed the hazard (version ${after.version})`);
    return 'read, list, transition and photo';
  },
};

const PREFLIGHT_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'if-match'];

const cors: Check = {
  name: 'cors: an allowed origin may send the contract\'s headers',
  needs: ['origin'],
  async run(ctx) {
    const origin = ctx.origin ?? '';
    const preflight = await ctx.api.request('OPTIONS', '/v1/hazards/00000000-0000-7000-8000-000000000000', {
      token: null,
      headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': PREFLIGHT_HEADERS.join(', ') },
    });
    expect(preflight.status >= 200 && preflight.status < 300, () => `the preflight answered ${described(preflight)}: ${preview(preflight)}`);
    const allowOrigin = preflight.headers.get('access-control-allow-origin');
    expect(allowOrigin === origin || allowOrigin === '*', () => `the preflight's Access-Control-Allow-Origin is ${allowOrigin ?? '(none)'}, expected ${origin}`);
    const methods = (preflight.headers.get('access-control-allow-methods') ?? '').toLowerCase();
    expect(methods.includes('put') || methods.includes('*'), () => `Access-Control-Allow-Methods "${methods}" does not allow PUT`);
    const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(',').map((h) => h.trim());
    const missing = PREFLIGHT_HEADERS.filter((h) => !allowed.includes(h) && !allowed.includes('*'));
    expect(missing.length === 0, () => `Access-Control-Allow-Headers does not allow ${missing.join(', ')}`);
    const media = await ctx.api.request('OPTIONS', '/v1/media', {
      token: null,
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, content-digest, idempotency-key' },
    });
    const mediaHeaders = (media.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    expect(mediaHeaders.includes('content-digest') || mediaHeaders.includes('*'), () => `the preflight of POST /v1/media does not allow Content-Digest (got "${mediaHeaders}")`);
    const real = await list(ctx, 'hazards', { limit: 1 });
    const withOrigin = await ctx.api.request('GET', '/v1/hazards?limit=1', { token: ctx.token, headers: { origin } });
    expect(real.status === 200 && withOrigin.headers.get('access-control-allow-origin') !== null, () =>
      `a GET from ${origin} got no Access-Control-Allow-Origin (${described(withOrigin)})`);
    const stranger = await ctx.api.request('OPTIONS', '/v1/hazards', {
      token: null,
      headers: { origin: 'https://not-allowed.firegrid.invalid', 'access-control-request-method': 'GET' },
    });
    const strangerOrigin = stranger.headers.get('access-control-allow-origin');
    expect(strangerOrigin !== 'https://not-allowed.firegrid.invalid', 'an origin that is not allowed was let in');
    return `${origin} allowed with ${PREFLIGHT_HEADERS.join(', ')}, content-digest; a stranger is not`;
  },
};

/** Checks that need the optional tokens or an origin, in the order they run. */
const mediaByRecord: Check = {
  name: 'media: a photo is served by its record — to its uploader and to readers of a record citing it, not to other grids (limited token)',
  needs: ['tokenLimited'],
  async run(ctx) {
    const token = limitedOf(ctx);
    const uploaded = async (note: string, by: string): Promise<PhotoRef> => {
      const reply = await postMedia(ctx, jpegBytes(`${ctx.tag} ${note}`), { token: by });
      expect(reply.status === 201 || reply.status === 200, () => `uploading a photo: ${described(reply)}: ${preview(reply)}`);
      return reply.json as PhotoRef;
    };
    const read = (ref: PhotoRef, by: string) => ctx.api.request('GET', ctx.api.resolve(ref.url), { token: by, headers: { accept: 'image/*' } });
    const outside = await uploaded('other grid', ctx.token);
    const inside = await uploaded('own grid', ctx.token);
    expectProblem(await read(outside, token), [403, 404], 'the limited token reading a photo no record cites yet, uploaded by someone else');
    await create(ctx, 'hazards', { ...hazardRecord({ title: `一致性测试 ${ctx.tag} 照片 其他网格`, gridId: ctx.otherGrid }), photos: [outside] });
    await create(ctx, 'hazards', { ...hazardRecord({ title: `一致性测试 ${ctx.tag} 照片 本网格`, gridId: ctx.grid }), photos: [inside] });
    expectProblem(await read(outside, token), [403, 404], 'the limited token reading the photo of a hazard of another grid');
    const own = await read(inside, token);
    expect(own.status === 200, () => `the limited token reading the photo of a hazard of its own grid: ${described(own)}: ${preview(own)}`);
    const mine = await uploaded('mine', token);
    const back = await read(mine, token);
    expect(back.status === 200, () => `the limited token reading its own upload (before any record cites it): ${described(back)}`);
    return 'other grid refused, own grid and own upload served';
  },
};

export const ACCESS_CHECKS: readonly Check[] = [scopeList, scopeRecord, roleDenied, confidential, otherTenant, mediaByRecord, cors];
