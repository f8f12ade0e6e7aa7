/**
 * Checks of template revisions (DESIGN §2, §5; issue 23): a server keeps every revision of a
 * template, serves one with `GET /v1/templates/{id}?revision=N` (404 for one it does not hold),
 * lists the latest, and never rewrites a stored revision.
 * @module
 */
import { create, expectRecord, get, list, put } from '../context.js';
import type { Ctx, Rec } from '../context.js';
import { templateRecord } from '../fixtures.js';
import { described, expect, preview } from '../http.js';
import { expectProblem } from '../problem.js';
import type { Check } from './types.js';

/** `GET /v1/templates/{id}?revision=N`. */
function revisionOf(ctx: Ctx, id: string, revision: number | string): ReturnType<Ctx['api']['request']> {
  return ctx.api.request('GET', `/v1/templates/${encodeURIComponent(id)}?revision=${encodeURIComponent(String(revision))}`, { token: ctx.token });
}

const title = (t: object): string => String(((t as { title?: Record<string, unknown> }).title)?.['zh-CN']);

const revisions: Check = {
  name: 'templates: ?revision=N serves each stored revision, old ones stay readable, lists show the latest',
  async run(ctx) {
    const first = { ...templateRecord(`一致性测试 ${ctx.tag} 模板 第1版`), revision: 1 };
    await create(ctx, 'templates', first);
    const second = { ...first, revision: 2, title: { 'zh-CN': `一致性测试 ${ctx.tag} 模板 第2版` } };
    const saved = expectRecord(await put(ctx, 'templates', second), 'templates', 200, 'PUT of revision 2 of a stored template');
    expect(saved.revision === 2, () => `the PUT of revision 2 returned revision ${String(saved.revision)}`);

    const latest = expectRecord(await get(ctx, 'templates', first.id), 'templates', 200, 'GET of the template without ?revision');
    expect(latest.revision === 2 && title(latest) === title(second), () =>
      `GET without ?revision returned revision ${String(latest.revision)} "${title(latest)}", expected the latest, revision 2`);
    const old = expectRecord(await revisionOf(ctx, first.id, 1), 'templates', 200, 'GET ?revision=1 after revision 2 was stored', false);
    expect(old.revision === 1 && title(old) === title(first), () =>
      `GET ?revision=1 returned revision ${String(old.revision)} "${title(old)}": the old revision must stay readable as it was stored`);
    const two = expectRecord(await revisionOf(ctx, first.id, 2), 'templates', 200, 'GET ?revision=2 (the latest)', false);
    expect(two.revision === 2, () => `GET ?revision=2 returned revision ${String(two.revision)}`);
    expectProblem(await revisionOf(ctx, first.id, 3), 404, 'GET ?revision=3 of a template that holds revisions 1 and 2');

    const page = await list(ctx, 'templates', { q: `一致性测试 ${ctx.tag} 模板`, limit: 50 });
    expect(page.status === 200, () => `GET /v1/templates answered ${described(page)}: ${preview(page)}`);
    const mine = ((page.json as { items?: Rec[] } | undefined)?.items ?? []).filter((t) => t.id === first.id);
    expect(mine.length === 1 && mine[0]?.revision === 2, () =>
      `the list holds ${mine.length} entries of the template (revisions ${mine.map((t) => String(t.revision)).join(', ')}); expected one, the latest (2)`);
    return `template ${first.id}: revisions 1 and 2`;
  },
};

const neverRewritten: Check = {
  name: 'templates: a stored revision is never rewritten (other content under it, or an older one → 409)',
  async run(ctx) {
    const first = { ...templateRecord(`一致性测试 ${ctx.tag} 模板 不改写`), revision: 1 };
    await create(ctx, 'templates', first);
    const second = { ...first, revision: 2, title: { 'zh-CN': `一致性测试 ${ctx.tag} 模板 不改写 第2版` } };
    expectRecord(await put(ctx, 'templates', second), 'templates', 200, 'PUT of revision 2');
    expectProblem(await put(ctx, 'templates', { ...second, title: { 'zh-CN': '同一版本号下改了内容' } }), 409,
      'PUT of revision 2 again with other content');
    expectProblem(await put(ctx, 'templates', { ...first, title: { 'zh-CN': '改写旧版本' } }), 409,
      'PUT of revision 1 (older than the stored 2) with other content');
    const old = expectRecord(await revisionOf(ctx, first.id, 1), 'templates', 200, 'GET ?revision=1 after the refused rewrite', false);
    expect(title(old) === title(first), () => `revision 1 now reads "${title(old)}": a refused PUT rewrote it`);
    return 'both refused; revision 1 as stored';
  },
};

/** The checks of template revisions, in the order they run. */
export const TEMPLATE_CHECKS: readonly Check[] = [revisions, neverRewritten];
