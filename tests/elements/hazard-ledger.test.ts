import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { FiregridError, createFiregridClient, defineHost, hazardCommands, memoryDataPort, newId, reporterPrivacy } from '@firegrid/core';
import type { DataPort, FiregridClient, HazardInput, HostSession, Query } from '@firegrid/core';
import { offlineBackend } from '@firegrid/core/offline';
import readXlsxFile from 'read-excel-file/browser';
import '@firegrid/elements/hazard-ledger/define';
import { FgHazardLedger } from '@firegrid/elements/hazard-ledger';
import type { HazardTransitionDetail, HazardTransitionedDetail } from '@firegrid/elements/hazard-ledger';
import {
  HAZARD, ledgerClient, ledgerSeed, supervisorSession, workerSession,
} from '../../stories/hazard-ledger.stories.js';
import { until, allDeep } from '../support/wait.js';

async function settled(el: HTMLElement): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await (el as Partial<FgHazardLedger>).updateComplete;
    await new Promise((r) => setTimeout(r, 0));
  }
}
const deep = (el: HTMLElement, sel: string): HTMLElement | undefined =>
  allDeep(el.shadowRoot!).find((e) => e.matches(sel)) as HTMLElement | undefined;
const need = (el: HTMLElement, sel: string): HTMLElement => {
  const found = deep(el, sel);
  if (found === undefined) throw new Error(`no ${sel} in ${el.localName}`);
  return found;
};
function deepText(node: Node): string {
  let out = '';
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) out += child.textContent ?? '';
    else if (child instanceof Element) out += (child.shadowRoot ? deepText(child.shadowRoot) : '') + deepText(child);
  }
  return out;
}
const rows = (el: HTMLElement): string[][] =>
  Array.from(el.shadowRoot!.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent.trim()));

/** A memory port (lifecycle as `session`, privacy as the server), recording every list query. */
function recorded(session: HostSession, extra: HazardInput[] = []): { data: DataPort; queries: Query[]; base: DataPort } {
  const seed = ledgerSeed();
  const base = memoryDataPort({ ...seed, hazards: [...(seed.hazards ?? []), ...extra] }, { tenantId: 'demo', commands: hazardCommands({ actor: session.user }) });
  const queries: Query[] = [];
  const data: DataPort = { ...base, list: (kind, query) => { if (kind === 'hazards') queries.push(query); return base.list(kind, query); } };
  return { data, queries, base };
}

async function mount(client: FiregridClient | undefined, attrs: { list?: string; hazardId?: string; pageSize?: number } = {}): Promise<FgHazardLedger> {
  const el = await fixture<FgHazardLedger>(html`<fg-hazard-ledger .client=${client} list=${attrs.list ?? 'problems'} page-size=${attrs.pageSize ?? 20}
    hazard-id=${ifDefined(attrs.hazardId)}></fg-hazard-ledger>`);
  if (client !== undefined) {
    await until(() => attrs.hazardId !== undefined ? deep(el, '#d-title') !== undefined : el.shadowRoot!.querySelector('tbody, [role=status]:not(:empty)') !== null && !deepText(el.shadowRoot!).includes('正在加载'), 'the ledger');
  }
  await settled(el);
  return el;
}

function events(el: HTMLElement) {
  const seen = { open: [] as string[], before: [] as HazardTransitionDetail[], after: [] as HazardTransitionedDetail[] };
  el.addEventListener('fg-hazard-open', (e) => { seen.open.push(e.detail.hazardId); });
  el.addEventListener('fg-hazard-transition', (e) => { seen.before.push(e.detail); });
  el.addEventListener('fg-hazard-transitioned', (e) => { seen.after.push(e.detail); });
  return seen;
}

function fill(el: HTMLElement, sel: string, value: string): void {
  const f = (need(el, sel) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement);
  f.value = value;
  f.dispatchEvent(new Event(f instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

describe('fg-hazard-ledger: lists', () => {
  it('is registered, has its defaults and reads its attributes', async () => {
    expect(customElements.get('fg-hazard-ledger')).to.equal(FgHazardLedger);
    const el = await fixture<FgHazardLedger>(html`<fg-hazard-ledger></fg-hazard-ledger>`);
    expect([el.list, el.pageSize, el.status, el.overdue]).to.deep.equal(['problems', 20, '', false]);
    expect(deepText(el.shadowRoot!)).to.contain('fg-provider');
    const b = await fixture<FgHazardLedger>(html`<fg-hazard-ledger list="responsibility" status="open" grid-id="140106" category="electrical" severity="major" overdue page-size="5" hazard-id="x"></fg-hazard-ledger>`);
    expect([b.list, b.status, b.gridId, b.category, b.severity, b.overdue, b.pageSize, b.hazardId]).to.deep.equal(['responsibility', 'open', '140106', 'electrical', 'major', true, 5, 'x']);
  });

  it('shows what is wrong with an invalid attribute instead of loading forever', async () => {
    const { data } = recorded(workerSession);
    const client = ledgerClient(workerSession, data);
    const alertOf = async (el: FgHazardLedger): Promise<string> => until(() => {
      const text = el.shadowRoot!.querySelector('[role="alert"]')?.textContent.trim() ?? '';
      return text === '' ? undefined : text;
    }, 'an alert');
    const bad = await fixture<FgHazardLedger>(html`<fg-hazard-ledger .client=${client} list="bogus"></fg-hazard-ledger>`);
    expect(await alertOf(bad)).to.contain('list');
    await settled(bad);
    expect(deepText(bad.shadowRoot!)).not.to.contain('正在加载');
    await expect(bad).to.be.accessible();
    // Fixing the attribute loads the list.
    bad.list = 'responsibility';
    await until(() => bad.shadowRoot!.querySelector('tbody'), 'the list after the fix');
    // An invalid filter is the data port's refusal, shown without a spinner.
    const status = await fixture<FgHazardLedger>(html`<fg-hazard-ledger .client=${client} status="bogus"></fg-hazard-ledger>`);
    expect(await alertOf(status)).to.contain('status');
    await settled(status);
    expect(deepText(status.shadowRoot!)).not.to.contain('正在加载');
  });

  it('shows the problem list with the columns of DESIGN §9, most urgent first, and is accessible', async () => {
    const el = await mount(ledgerClient());
    const header = Array.from(el.shadowRoot!.querySelectorAll('thead th')).map((th) => th.textContent.trim());
    expect(header).to.deep.equal(['序号', '单位(场所)', '地址', '所属网格', '隐患内容', '依据', '类别', '等级', '发现时间', '发现人', '状态', '标记']);
    const r = rows(el);
    expect(r).to.have.length(13);
    expect(r[0]?.[4]).to.contain('消防车道被长期占用');
    expect(r[0]?.[11]).to.contain('已超期');
    expect(r[0]?.[11]).to.contain('县级挂牌督办（督办中）');
    expect(r[0]?.[7]).to.equal('重大火灾隐患');
    await expect(el).to.be.accessible();
  });

  it('shows the responsibility list of the hazards someone must fix', async () => {
    const { data, queries } = recorded(supervisorSession);
    const el = await mount(ledgerClient(supervisorSession, data), { list: 'responsibility' });
    const header = Array.from(el.shadowRoot!.querySelectorAll('thead th')).map((th) => th.textContent.trim());
    expect(header).to.deep.equal([
      '序号', '单位(场所)', '地址', '所属网格', '隐患内容', '整改措施', '责任单位', '责任人', '联系电话', '整改时限', '监管责任人', '完成情况', '挂牌督办级别', '标记',
    ]);
    expect(queries.at(-1)?.status).to.deep.equal(['assigned', 'rectifying', 'awaiting-review', 'closed']);
    // 监管责任人: the grid's worker of record (李建国 works grid 140106001001), once the worker records are read.
    await until(() => rows(el)[0]?.[10] === '李建国', 'the grid worker as 监管责任人');
    const first = rows(el)[0]!;
    expect(first.slice(5, 13)).to.deep.equal([
      '拆除违建车棚，施划禁停标线', '桥东物业', '刘经理', '0351-***3456（点按显示完整号码）', first[9]!, '李建国', '整改中（已超期）', '县级挂牌督办（督办中）',
    ]);
    // The 挂牌督办 column says where each supervision stands: requested (报请中) too.
    expect(rows(el).map((r) => r[12])).to.include('县级挂牌督办（报请中）');
    await expect(el).to.be.accessible();
  });

  it('filters and searches through the data port query, sorted by urgency', async () => {
    const { data, queries } = recorded(supervisorSession);
    const el = await mount(ledgerClient(supervisorSession, data));
    expect(queries.at(-1)).to.deep.equal({ limit: 20, sort: 'urgency' });
    fill(el, '#f-status', 'reported');
    await settled(el);
    expect(queries.at(-1)).to.include({ status: 'reported' });
    expect(rows(el).every((r) => r[10] === '已上报')).to.equal(true);
    fill(el, '#f-category', 'flammables');
    fill(el, '#f-severity', 'general');
    fill(el, '#f-grid', '140106001001');
    fill(el, '#f-q', '油漆');
    need(el, '#f-apply').click();
    await settled(el);
    expect(queries.at(-1)).to.deep.equal({ limit: 20, sort: 'urgency', status: 'reported', category: 'flammables', severity: 'general', gridId: '140106001001', q: '油漆' });
    expect(rows(el).map((r) => r[4])).to.deep.equal(['2 号库地下室存放油漆稀料']);
    need(el, '#f-reset').click();
    await settled(el);
    const overdue = (need(el, '#f-overdue') as HTMLInputElement);
    overdue.click();
    await settled(el);
    expect(queries.at(-1)).to.deep.equal({ limit: 20, sort: 'urgency', overdue: true });
    expect(rows(el).map((r) => r[4])).to.deep.equal(['桥东小区东侧消防车道被长期占用']);
    fill(el, '#f-status', 'open');
    await settled(el);
    expect(queries.at(-1)?.status).to.deep.equal(['draft', 'reported', 'verified', 'assigned', 'rectifying', 'awaiting-review']);
    need(el, '#f-reset').click();
    await settled(el);
    fill(el, '#f-supervision', 'listed');
    await settled(el);
    expect(queries.at(-1)).to.deep.equal({ limit: 20, sort: 'urgency', supervision: 'listed' });
    expect(rows(el).map((r) => r[4])).to.deep.equal(['桥东小区东侧消防车道被长期占用', '顺达仓储火灾自动报警系统瘫痪']);
    fill(el, '#f-supervision', 'requested');
    await settled(el);
    expect(rows(el).map((r) => r[4])).to.deep.equal(['柳巷南路 40 号院消防车通道未划线']);
    expect(rows(el)[0]?.[11]).to.match(/^期限 \d{4}-\d\d-\d\d县级挂牌督办（报请中）$/);
  });

  it('pages with the cursor, numbering rows across pages', async () => {
    const { data, queries } = recorded(supervisorSession);
    const el = await mount(ledgerClient(supervisorSession, data), { pageSize: 4 });
    expect(rows(el)).to.have.length(4);
    need(el, '#next').click();
    await settled(el);
    expect(queries.at(-1)?.cursor).to.be.a('string');
    expect(rows(el)[0]?.[0]).to.equal('5');
    need(el, '#next').click();
    await settled(el);
    expect(rows(el)).to.have.length(4);
    need(el, '#next').click();
    await settled(el);
    expect(rows(el)).to.have.length(1);
    expect((need(el, '#next') as HTMLButtonElement).disabled).to.equal(true);
    need(el, '#prev').click();
    await settled(el);
    need(el, '#prev').click();
    await settled(el);
    expect(rows(el)[0]?.[0]).to.equal('5');
  });

  it('reads from the device cache when the network is gone (offline backend)', async () => {
    const { base } = recorded(supervisorSession);
    let down = false;
    const port: DataPort = {
      ...base,
      list: (kind, q) => (down ? Promise.reject(new FiregridError('network', 'offline')) : base.list(kind, q)),
      get: (kind, i) => (down ? Promise.reject(new FiregridError('network', 'offline')) : base.get(kind, i)),
    };
    const client = createFiregridClient({
      host: defineHost({ session: () => Promise.resolve(supervisorSession), data: port }),
      backend: offlineBackend({ prefix: `fg-test-ledger-${newId()}`, autoSync: false, persist: false }),
    });
    const online = await mount(client);
    expect(rows(online)).to.have.length(13);
    online.remove();
    down = true;
    const offline = await mount(client);
    expect(rows(offline)).to.have.length(13);
    expect(rows(offline)[0]?.[4]).to.contain('消防车道被长期占用');
  });

  it('hides a confidential reporter from a grid worker — in the page and in what it received', async () => {
    const { data, queries } = recorded(workerSession);
    const seen: unknown[] = [];
    const privacy = reporterPrivacy(data, workerSession.user);
    const spy: DataPort = { ...privacy, list: async (k, q) => { const p = await privacy.list(k, q); seen.push(p); return p; } };
    const el = await mount(ledgerClient(workerSession, spy));
    expect(queries.length).to.be.greaterThan(0);
    const text = deepText(el.shadowRoot!);
    expect(text).to.contain('群众（保密）');
    expect(text).not.to.contain('13912345678');
    expect(JSON.stringify(seen)).not.to.contain('13912345678');
    const sup = await mount(ledgerClient(supervisorSession));
    // A supervisor sees him, his number masked: never the full number beside （保密） in the list.
    expect(deepText(sup.shadowRoot!)).to.contain('张先生 139****5678（保密）');
    expect(deepText(sup.shadowRoot!)).not.to.contain('13912345678');
  });

  it('shows a confidential reporter\'s own history entries as 群众（保密）, even when the backend sent his id', async () => {
    const secret: HazardInput = {
      id: newId(), category: 'other', title: '保密举报的隐患', description: '', photos: [], source: 'public',
      reporter: { kind: 'resident', personId: 'r-0777', contact: '13700007777', confidential: true }, severity: 'general', status: 'reported',
      gridId: '140106001001',
      history: [{ at: '2026-03-01T02:00:00.000Z', by: 'r-0777', action: 'submit', from: 'draft', to: 'reported' }],
    };
    // No reporterPrivacy: a backend that forgot to strip him, in the reporter and in the history.
    const { data } = recorded(workerSession, [secret]);
    const unstripped = createFiregridClient({ host: defineHost({ session: () => Promise.resolve(workerSession), data }) });
    const el = await mount(unstripped, { hazardId: secret.id });
    const text = deepText(el.shadowRoot!);
    expect(text).to.contain('群众（保密）');
    expect(text).not.to.contain('r-0777');
    expect(text).not.to.contain('13700007777');
  });

  it('shows an edit entry in the history: who, 修改 and the fields changed, no status change; a confidential editor stays hidden', async () => {
    const edited: HazardInput = {
      id: newId(), category: 'other', title: '改过的隐患', description: '补充', photos: [], source: 'public',
      reporter: { kind: 'resident', personId: 'r-0888', confidential: true }, severity: 'general', status: 'reported',
      gridId: '140106001001',
      history: [
        { at: '2026-03-01T02:00:00.000Z', by: 'w-0042', byName: '王伟', action: 'edit', from: 'reported', to: 'reported', fields: ['description', 'title'] },
        { at: '2026-03-01T03:00:00.000Z', by: 'r-0888', byName: '赵六', action: 'edit', from: 'reported', to: 'reported', fields: ['photos'] },
      ],
    };
    const { data } = recorded(workerSession, [edited]);
    const client = createFiregridClient({ host: defineHost({ session: () => Promise.resolve(workerSession), data }) });
    const el = await mount(client, { hazardId: edited.id });
    const items = Array.from(need(el, 'ol.history').querySelectorAll('li')).map((li) => li.textContent.replace(/\s+/g, ' ').trim());
    expect(items).to.have.length(2);
    expect(items[0]).to.contain('王伟：修改（description、title）');
    expect(items[0]).not.to.contain('→');
    expect(items[1]).to.contain('群众（保密）：修改（photos）');
    expect(deepText(el.shadowRoot!)).not.to.match(/r-0888|赵六/);
    el.remove();
  });

  it('shows no confidential reporter to any role that may not see him, in the list or the detail', async () => {
    const secret: HazardInput = {
      id: newId(), category: 'other', title: '保密举报二', description: '', photos: [], source: 'worker',
      reporter: { kind: 'grid-worker', personId: 'w-secret-9', contact: '13600009999', confidential: true }, severity: 'general', status: 'reported',
      gridId: '140106001001',
      history: [{ at: '2026-03-01T02:00:00.000Z', by: 'w-secret-9', action: 'submit', from: 'draft', to: 'reported' }],
    };
    const { data } = recorded(workerSession, [secret]);
    for (const role of ['grid-worker', 'unit-manager', 'captain', 'resident'] as const) {
      const session = { ...workerSession, user: { ...workerSession.user, id: `viewer-${role}`, roles: [role] } };
      const client = createFiregridClient({ host: defineHost({ session: () => Promise.resolve(session), data }) });
      for (const hazardId of [undefined, secret.id]) {
        const el = await mount(client, hazardId === undefined ? {} : { hazardId });
        const text = deepText(el.shadowRoot!);
        expect(text, `${role} ${hazardId === undefined ? 'list' : 'detail'}`).not.to.match(/w-secret-9|13600009999/);
        el.remove();
      }
    }
  });

  it('renders markup in hazard text as text', async () => {
    const hostile = '<img src=x onerror="window.__ledgerPwned=1"><b>粗体</b>';
    const { data } = recorded(supervisorSession, [{
      id: newId(), category: 'other', title: hostile, description: hostile, photos: [], source: 'public', address: hostile,
      reporter: { kind: 'resident', confidential: false }, severity: 'general', status: 'reported', gridId: '140106001001',
    }]);
    const el = await mount(ledgerClient(supervisorSession, data));
    expect(deepText(el.shadowRoot!)).to.contain(hostile);
    expect(allDeep(el.shadowRoot!).some((e) => e.localName === 'img' || e.localName === 'b')).to.equal(false);
    expect((window as unknown as { __ledgerPwned?: number }).__ledgerPwned).to.equal(undefined);
  });

  it('fires nothing on property sets', async () => {
    const el = await mount(ledgerClient());
    const seen = events(el);
    el.list = 'responsibility';
    el.status = 'open';
    el.hazardId = HAZARD.reported;
    await settled(el);
    await until(() => deep(el, '#d-title') !== undefined, 'the detail');
    expect(seen).to.deep.equal({ open: [], before: [], after: [] });
  });
});

describe('fg-hazard-ledger: export', () => {
  const formula = '=HYPERLINK("http://evil.example","点我")';
  const extra: HazardInput = {
    id: newId(), category: 'other', title: formula, description: '', photos: [], source: 'worker', address: '@SUM(1+1)',
    reporter: { kind: 'grid-worker', personId: 'w-0101', confidential: false }, severity: 'general', status: 'assigned', gridId: '140106001001',
    measures: '+清理', responsible: { unit: '-物业', person: '王五' }, deadline: '2099-01-01',
  };

  it('exports every matching row of a list as CSV with BOM, formula cells neutralised, the reporter hidden as on screen', async () => {
    const { data } = recorded(workerSession, [extra]);
    const el = await mount(ledgerClient(workerSession, data), { pageSize: 3 });
    const files: { file: Blob; name: string }[] = [];
    el.saveFile = (file, name) => { files.push({ file, name }); };
    need(el, '#export-csv-problems').click();
    await until(() => files.length === 1, 'the CSV');
    const { file, name } = files[0]!;
    expect(name).to.match(/^问题隐患清单-\d{8}\.csv$/);
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).to.equal('序号,单位(场所),地址,所属网格,隐患内容,依据,类别,等级,发现时间,发现人,状态');
    expect(lines).to.have.length(15);
    expect(text).to.contain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(text).to.contain("'@SUM(1+1)");
    expect(text).not.to.contain('13912345678');
    expect(text).to.contain('群众（保密）');
    expect(text).to.contain('李建国');
    expect(text).not.to.contain('w-0101');
    expect(deepText(el.shadowRoot!)).to.contain('已导出 14 条');
  });

  it('exports both lists to one Excel workbook, loaded on demand', async () => {
    const { data } = recorded(supervisorSession, [extra]);
    const el = await mount(ledgerClient(supervisorSession, data));
    const files: Blob[] = [];
    el.saveFile = (file) => { files.push(file); };
    need(el, '#export-xlsx').click();
    await until(() => files.length === 1, 'the workbook', 8000);
    const sheets = await readXlsxFile(files[0]!) as unknown as { sheet: string; data: unknown[][] }[];
    expect(sheets.map((s) => s.sheet)).to.deep.equal(['问题隐患清单', '整改责任清单']);
    expect(sheets[1]!.data[0]).to.deep.equal([
      '序号', '单位(场所)', '地址', '所属网格', '隐患内容', '整改措施', '责任单位', '责任人', '联系电话', '整改时限', '监管责任人', '完成情况', '挂牌督办级别',
    ]);
    const cells = sheets.flatMap((s) => s.data.flat()).filter((c): c is string => typeof c === 'string');
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).to.deep.equal([]);
    expect(cells).to.include(`'${formula}`);
    expect(cells).to.include("'+清理");
    expect(cells).to.include('群众·0001 张先生 13912345678（保密）');
    expect(cells).to.include('李建国');
    expect(cells).not.to.include('w-0101');
  });
});
