import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { FiregridError, isFiregridError } from '../../packages/core/src/errors.js';
import { newId } from '../../packages/core/src/ids.js';
import { Activity, Inspection, Page, ScoreConfig, Worker } from '../../packages/core/src/schema/index.js';
import { checkWith, formatPath, parseWith } from '../../packages/core/src/validate.js';

const NOW = '2025-03-01T09:30:00+08:00';
const worker = (): Worker => ({
  id: newId(), version: 1, createdAt: NOW, updatedAt: NOW, tenantId: 't1',
  name: '王伟', gridIds: ['330106001001001'], active: true,
});

function thrown(fn: () => unknown): FiregridError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FiregridError) return e;
    throw e;
  }
  throw new Error('expected a FiregridError, nothing was thrown');
}

describe('formatPath', () => {
  it('formats paths as a developer reads them in code', () => {
    expect(formatPath(['items', 3, 'id'])).to.equal('items[3].id');
    expect(formatPath(['answers', 'q1', 'result'])).to.equal('answers.q1.result');
    expect(formatPath(['title', 'zh-CN'])).to.equal('title["zh-CN"]');
    expect(formatPath([0, 'a'])).to.equal('[0].a');
    expect(formatPath([])).to.equal('');
    expect(formatPath([Symbol('k')])).to.equal('[Symbol(k)]');
  });
});

describe('parseWith', () => {
  const list = { items: [worker(), worker(), worker(), { ...worker(), id: undefined }], nextCursor: null };

  it('returns the parsed value, typed, with unknown keys dropped', () => {
    const w = { ...worker(), shoeSize: 43 };
    const parsed = parseWith(Worker, w);
    expect(parsed.name).to.equal('王伟');
    expect(parsed).to.not.have.property('shoeSize');
  });

  it('names what returned a value without a required key, in zh-CN by default', () => {
    const e = thrown(() => parseWith(Page(Worker), list, { what: 'host.data.list' }));
    expect(e.code).to.equal('validation');
    expect(e.message).to.equal('host.data.list 返回的 items[3] 缺少 id');
    expect(e.issues).to.deep.equal([{ path: 'items[3].id', message: '缺少必填项' }]);
  });

  it('says the same in English', () => {
    const e = thrown(() => parseWith(Page(Worker), list, { what: 'host.data.list', locale: 'en', code: 'host-response' }));
    expect(isFiregridError(e, 'host-response')).to.equal(true);
    expect(e.message).to.equal('host.data.list returned items[3] without id');
    expect(e.issues).to.deep.equal([{ path: 'items[3].id', message: 'Required' }]);
  });

  it('reads well without `what`, and for a missing key at the top', () => {
    expect(thrown(() => parseWith(Worker, { ...worker(), name: undefined })).message).to.equal('缺少 name');
    expect(thrown(() => parseWith(Worker, { ...worker(), name: undefined }, { locale: 'en' })).message).to.equal('Missing name');
    const nested = { items: [{ ...worker(), gridIds: undefined }], nextCursor: null };
    expect(thrown(() => parseWith(Page(Worker), nested, { locale: 'en' })).message).to.equal('items[0] is missing gridIds');
    expect(thrown(() => parseWith(Worker, {}, { what: 'host.data.get', locale: 'en' })).message)
      .to.match(/^host\.data\.get returned a value without id \(and \d+ more problems\)$/);
    expect(thrown(() => parseWith(Worker, {}, { what: 'host.data.get' })).message)
      .to.match(/^host\.data\.get 返回的值缺少 id（另有 \d+ 处问题）$/);
  });

  it('says so when there is no value at all', () => {
    expect(thrown(() => parseWith(Worker, undefined, { what: 'host.data.get', locale: 'en' })).message).to.equal('host.data.get returned nothing');
    expect(thrown(() => parseWith(Worker, undefined, { what: 'host.data.get' })).message).to.equal('host.data.get 没有返回值');
    expect(thrown(() => parseWith(Worker, undefined)).issues).to.deep.equal([{ path: '', message: '缺少必填项' }]);
  });

  it('treats a missing discriminator as a missing key', () => {
    const a = { id: newId(), version: 1, createdAt: NOW, updatedAt: NOW, tenantId: 't', at: NOW, workerId: 'w', gridId: 'g' };
    expect(thrown(() => parseWith(Activity, a, { what: 'host.data.get', locale: 'en' })).message)
      .to.equal('host.data.get returned a value without type');
  });

  it('uses zod’s own wording for other problems, in the locale asked for', () => {
    const bad = { ...worker(), active: 'yes' };
    const zh = thrown(() => parseWith(Worker, bad, { what: 'host.data.get' }));
    expect(zh.message).to.equal(`host.data.get 返回的 active 无效：${zh.issues[0]?.message ?? ''}`);
    expect(zh.issues[0]?.message).to.contain('期望').and.to.contain('boolean');
    const en = thrown(() => parseWith(Worker, bad, { what: 'host.data.get', locale: 'en' }));
    expect(en.message).to.equal('host.data.get returned an invalid value at active: Invalid input: expected boolean, received string');
    expect(thrown(() => parseWith(Worker, bad, { locale: 'en' })).message).to.equal('active: Invalid input: expected boolean, received string');
  });

  it('localizes Firegrid’s own refinements and keeps their paths', () => {
    const config = {
      id: newId(), version: 1, createdAt: NOW, updatedAt: NOW, tenantId: 't', name: 'Q1',
      period: { from: '2025-01-01', to: '2025-03-31' }, scope: '*',
      metrics: [{ key: 'coverage', weight: 50 }, { key: 'closure', weight: 40 }],
      visitsPerMonth: {}, deductions: { perOverdue: 1, cap: 10 },
    };
    const zh = thrown(() => parseWith(ScoreConfig, config));
    expect(zh.issues).to.deep.equal([{ path: 'metrics', message: 'metrics 的权重合计为 90，应为 100' }]);
    expect(zh.message).to.equal('metrics：metrics 的权重合计为 90，应为 100');
    const en = thrown(() => parseWith(ScoreConfig, config, { locale: 'en', what: 'score-config form' }));
    expect(en.issues).to.deep.equal([{ path: 'metrics', message: 'the weights of metrics add up to 90; they must add up to 100' }]);
  });

  it('formats record keys with non-identifier names', () => {
    const insp = {
      id: newId(), version: 0, createdAt: NOW, updatedAt: NOW, tenantId: 't', templateId: newId(), templateVersion: 1,
      placeId: newId(), inspectorId: 'u', startedAt: NOW, answers: { q1: { result: 'ok' }, 'exit-2': {} }, state: 'draft',
    };
    const e = thrown(() => parseWith(Inspection, insp, { locale: 'en' }));
    expect(e.issues.map((i) => i.path)).to.deep.equal(['answers.q1.result', 'answers["exit-2"].result']);
    expect(e.message).to.match(/^answers\.q1\.result: Invalid option: .* \(and 1 more problem\)$/);
  });
});

describe('checkWith', () => {
  it('returns the value when it passes', () => {
    const w = worker();
    expect(checkWith(Worker, w)).to.deep.equal({ ok: true, value: w });
  });

  it('returns every issue with its path when it fails', () => {
    const r = checkWith(Worker, { ...worker(), name: '', gridIds: [1] }, { locale: 'en' });
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).to.deep.equal(['name', 'gridIds[0]']);
    expect(r.message).to.match(/^name: Too small: .* \(and 1 more problem\)$/);
  });
});

describe('zod global configuration', () => {
  it('is not changed by validating in either locale', () => {
    parseWith(Worker, worker());
    checkWith(Worker, {}, { locale: 'en' });
    checkWith(Worker, {}, { locale: 'zh-CN' });
    const config = (globalThis as { __zod_globalConfig?: Record<string, unknown> }).__zod_globalConfig ?? {};
    expect(config.localeError).to.equal(undefined);
    expect(config.customError).to.equal(undefined);
    // Without a per-call map zod/mini still says only "Invalid input": nothing leaked into the realm.
    const plain = z.object({ a: z.string() }).safeParse({});
    expect(plain.error?.issues[0]?.message).to.equal('Invalid input');
  });
});
