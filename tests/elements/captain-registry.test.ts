import { expect, fixture, html } from '@open-wc/testing';
import { activeCaptain, captainHistory, findOverlaps, isFiregridError, maskPhone, memoryDataPort } from '@firegrid/core';
import type { DataPort, FiregridClient, FloorCaptain, Query } from '@firegrid/core';
import '@firegrid/elements/captain-registry/define';
import { FgCaptainRegistry } from '@firegrid/elements/captain-registry';
import type { CaptainEndEvent, CaptainImportEvent, CaptainSaveEvent } from '@firegrid/elements/captain-registry';
import { captainClient, captainImportCsv, captainNow, captainOrgUnits, captainWorld, type CaptainWorld } from '../../stories/captain-registry.stories.js';
import * as stories from '../../stories/captain-registry.stories.js';
import { until } from '../support/wait.js';


const root = (el: FgCaptainRegistry): ShadowRoot => el.shadowRoot!;
const rows = (el: FgCaptainRegistry): HTMLElement[] => [...root(el).querySelectorAll<HTMLElement>('[part~="row"]')];
const rowOf = (el: FgCaptainRegistry, name: string): HTMLElement | undefined => rows(el).find((r) => r.querySelector('.name')?.textContent === name);
const button = (row: HTMLElement, action: string): HTMLButtonElement => row.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!;

async function mount(world: CaptainWorld = captainWorld(), options: { client?: FiregridClient; mode?: 'manage' | 'public' } = {}): Promise<{ el: FgCaptainRegistry; client: FiregridClient }> {
  const client = options.client ?? captainClient(world);
  const el = await fixture<FgCaptainRegistry>(html`<fg-captain-registry .client=${client} .orgUnits=${captainOrgUnits} mode=${options.mode ?? 'manage'}></fg-captain-registry>`);
  await until(() => rows(el).length > 0, 'the first rows');
  return { el, client };
}

function type(field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
}

/** Clicks a row's action and waits for its dialog (the form's code loads on first use). */
async function openAction(el: FgCaptainRegistry, row: HTMLElement, action: string, dialog = '#editor'): Promise<HTMLDialogElement> {
  button(row, action).click();
  return until(() => {
    const d = root(el).querySelector<HTMLDialogElement>(dialog);
    return d?.open === true && d.querySelector('h2') !== null ? d : undefined;
  }, `the ${action} dialog`);
}

const dialogField = (el: FgCaptainRegistry, id: string) => root(el).querySelector<HTMLInputElement>(`#editor #${id}`)!;

async function submitEditor(el: FgCaptainRegistry): Promise<void> {
  root(el).querySelector<HTMLButtonElement>('#editor button[type="submit"]')!.click();
  await el.updateComplete;
}

function listen<T extends Event>(el: HTMLElement, type: string): T[] {
  const seen: T[] = [];
  el.addEventListener(type, (e) => { seen.push(e as T); });
  return seen;
}

async function stored(client: FiregridClient, buildingId: string): Promise<FloorCaptain[]> {
  return (await client.data.list('captains', { placeId: buildingId, limit: 500 })).items;
}

describe('fg-captain-registry', () => {
  it('is registered and lists high-rise residential buildings, gaps first, with the coverage', async () => {
    expect(customElements.get('fg-captain-registry')).to.equal(FgCaptainRegistry);
    const world = captainWorld({ buildings: 24, covered: 0.5, unposted: 0.3 });
    const { el } = await mount(world);
    const order: Record<string, number> = { vacant: 0, unposted: 1, covered: 2 };
    const statuses = rows(el).map((r) => Object.keys(order).find((s) => r.classList.contains(s)) ?? '');
    for (let i = 1; i < statuses.length; i++) expect(order[statuses[i]!]!).to.be.at.least(order[statuses[i - 1]!]!);
    expect(statuses[0]).to.equal('vacant');
    const high = world.places.filter((p) => (p.building?.floors ?? 0) >= 10).length;
    const text = root(el).querySelector('[part~="header"]')!.textContent;
    expect(text).to.match(new RegExp(`/ ${high} 栋高层住宅`));
    expect(text).to.contain('未配备楼长');
    // Low-rise buildings need no captain and are not listed.
    expect(rows(el).some((r) => r.textContent.includes('36 户'))).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows coverage per community and grid when opened', async () => {
    const { el } = await mount();
    const details = root(el).querySelector('details')!;
    expect(details.querySelector('table')).to.equal(null);
    details.open = true;
    await until(() => details.querySelector('table'), 'the breakdown table');
    expect(details.textContent).to.contain('桥东一网格');
    expect(details.textContent).to.contain('桥东社区');
    await expect(el).to.be.accessible();
  });

  it('fires no event when properties are set', async () => {
    const { el } = await mount();
    const events = [...listen(el, 'fg-captain-save'), ...listen(el, 'fg-captain-end'), ...listen(el, 'fg-captain-import')];
    el.mode = 'public';
    el.elder = true;
    el.orgUnits = [];
    el.client = captainClient(captainWorld({ covered: 1 }));
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expect(events).to.have.length(0);
  });

  it('registers a captain through the form: event with the record, stored, row updated; a bad phone keeps what was typed', async () => {
    // Few buildings, so every row is rendered even before the list has measured them.
    const world = captainWorld({ buildings: 9, covered: 0.3 });
    const { el, client } = await mount(world);
    const saves = listen<CaptainSaveEvent>(el, 'fg-captain-save');
    const row = rows(el).find((r) => r.classList.contains('vacant'))!;
    const name = row.querySelector('.name')!.textContent;
    const building = world.places.find((p) => p.name === name)!;
    await openAction(el, row, 'register');
    type(dialogField(el, 'f-name'), '赵海燕');
    type(dialogField(el, 'f-phone'), '1381234');
    await submitEditor(el);
    expect(dialogField(el, 'f-phone').getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).querySelector('#f-phone-error')!.textContent).to.contain('11 位');
    expect(dialogField(el, 'f-name').value).to.equal('赵海燕');
    expect(saves).to.have.length(0);
    await expect(el).to.be.accessible();
    type(dialogField(el, 'f-phone'), '135 1234 5678');
    type(root(el).querySelector<HTMLSelectElement>('#f-method')!, 'paper');
    type(dialogField(el, 'f-signed'), '2026-11-01');
    await el.updateComplete;
    await submitEditor(el);
    await until(() => saves.length > 0, 'fg-captain-save');
    const saved = saves[0]!.detail.captain;
    expect(saves[0]!.bubbles && saves[0]!.composed).to.equal(true);
    expect(saved).to.deep.include({ buildingId: building.id, term: { from: '2026-11-02' } });
    expect(saved.person).to.deep.include({ name: '赵海燕', phone: '13512345678' });
    expect(saved.commitment).to.deep.equal({ signedAt: '2026-11-01T00:00:00+08:00', method: 'paper' });
    expect(saved.duties).to.have.length(5);
    expect((await stored(client, building.id)).map((c) => c.id)).to.include(saved.id);
    expect(root(el).querySelector<HTMLDialogElement>('#editor')!.open).to.equal(false);
    const updated = await until(() => rowOf(el, name), 'the row');
    expect(updated.classList.contains('unposted')).to.equal(true);
    expect(updated.textContent).to.contain('赵海燕');
  });

  it('refuses a person over the limit of buildings', async () => {
    const world = captainWorld({ covered: 0.2 });
    const active = world.captains.find((c) => c.term.to === undefined)!;
    const phone = active.person.phone;
    const { el } = await mount(world);
    el.limits = { maxBuildings: 1 };
    await el.updateComplete;
    const row = rows(el).find((r) => r.classList.contains('vacant'))!;
    await openAction(el, row, 'register');
    type(dialogField(el, 'f-name'), active.person.name);
    type(dialogField(el, 'f-phone'), phone);
    await submitEditor(el);
    expect(root(el).querySelector('#f-name-error')!.textContent).to.contain('上限');
  });

  it('replaces a captain: the old term ends the day the new begins, both stay in the file', async () => {
    const world = captainWorld({ covered: 1, unposted: 0 });
    const { el, client } = await mount(world);
    const saves = listen<CaptainSaveEvent>(el, 'fg-captain-save');
    const row = rows(el)[0]!;
    const name = row.querySelector('.name')!.textContent;
    const building = world.places.find((p) => p.name === name)!;
    const before = activeCaptain(world.captains, building.id, captainNow)!;
    await openAction(el, row, 'replace');
    type(dialogField(el, 'f-name'), '新楼长');
    type(dialogField(el, 'f-phone'), '13600001111');
    type(dialogField(el, 'f-from'), '2026-11-10');
    await submitEditor(el);
    await until(() => saves.length > 0, 'fg-captain-save');
    const all = await stored(client, building.id);
    expect(findOverlaps(all)).to.deep.equal([]);
    expect(all.find((c) => c.id === before.id)!.term).to.deep.equal({ from: before.term.from, to: '2026-11-10' });
    expect(activeCaptain(all, building.id, '2026-11-10')!.person.name).to.equal('新楼长');
    expect(saves[0]!.detail.captain.person.name).to.equal('新楼长');
    expect(captainHistory(all, building.id)[0]!.person.name).to.equal('新楼长');
    // The file dialog shows every term.
    const again = await until(() => rowOf(el, name), 'the row');
    const file = await openAction(el, again, 'file', '#file');
    expect(file.open).to.equal(true);
    expect(file.textContent).to.contain('新楼长');
    expect(file.textContent).to.contain(before.person.name);
    await expect(el).to.be.accessible();
  });

  it('ends a term (fg-captain-end) and marks a notice posted (fg-captain-save)', async () => {
    const world = captainWorld({ buildings: 5, covered: 1, unposted: 1 });
    const { el, client } = await mount(world);
    const ends = listen<CaptainEndEvent>(el, 'fg-captain-end');
    const saves = listen<CaptainSaveEvent>(el, 'fg-captain-save');
    const first = rows(el)[0]!;
    const name = first.querySelector('.name')!.textContent;
    const building = world.places.find((p) => p.name === name)!;
    button(first, 'posted').click();
    await until(() => saves.length > 0, 'fg-captain-save');
    expect(saves[0]!.detail.captain.publicisedAt).to.equal(captainNow.toISOString());
    expect((await until(() => rowOf(el, name), 'row')).classList.contains('covered')).to.equal(true);
    const row = await until(() => rowOf(el, name), 'row');
    await openAction(el, row, 'end');
    type(dialogField(el, 'f-end'), '2000-01-01');
    await submitEditor(el);
    expect(root(el).querySelector('#f-end-error')!.textContent).to.not.equal('');
    type(dialogField(el, 'f-end'), '2026-11-03');
    await submitEditor(el);
    await until(() => ends.length > 0, 'fg-captain-end');
    const ended = (await stored(client, building.id)).find((c) => c.id === ends[0]!.detail.captainId)!;
    expect(ended.term.to).to.equal('2026-11-03');
  });

  it('keeps the form and shows the reason when the host refuses the save', async () => {
    const world = captainWorld({ covered: 0.3 });
    const client = captainClient(world, {
      wrapHost: (host) => ({ ...host, data: { ...host.data, save: () => Promise.reject(new Error('服务器维护中，请稍后再试')) } }),
    });
    const { el } = await mount(world, { client });
    await openAction(el, rows(el)[0]!, 'register');
    type(dialogField(el, 'f-name'), '赵海燕');
    type(dialogField(el, 'f-phone'), '13512345678');
    await submitEditor(el);
    const alert = await until(() => root(el).querySelector('#editor [role="alert"]')?.textContent.includes('服务器维护中'), 'the alert');
    expect(alert).to.equal(true);
    expect(dialogField(el, 'f-name').value).to.equal('赵海燕');
    expect(root(el).querySelector<HTMLDialogElement>('#editor')!.open).to.equal(true);
  });

  it('public mode: masked phones, no actions, no history, no import or export', async () => {
    const world = captainWorld({ covered: 1, unposted: 0 });
    const { el } = await mount(world, { mode: 'public' });
    const text = root(el).textContent;
    const phones = world.captains.map((c) => c.person.phone);
    for (const p of phones) expect(text.includes(p), p).to.equal(false);
    expect(text).to.contain(maskPhone(world.captains.find((c) => c.term.to === undefined)!.person.phone).slice(0, 7));
    expect(root(el).querySelectorAll('[part~="row"] button')).to.have.length(0);
    expect(root(el).querySelector('input[type="file"]')).to.equal(null);
    expect(text).to.not.contain('导出');
    expect(text).to.not.contain('承诺书');
    await expect(el).to.be.accessible();
  });

  it('searches through the data port\'s query (q), by building or captain name', async () => {
    const world = captainWorld({ buildings: 30, covered: 0.6 });
    const queries: Query[] = [];
    const client = captainClient(world, {
      wrapHost: (host) => ({ ...host, data: { ...host.data, list: (kind, q) => { if (q.q !== undefined) queries.push(q); return host.data.list(kind, q); } } satisfies DataPort }),
    });
    const { el } = await mount(world, { client });
    const captain = world.captains.find((c) => c.term.to === undefined)!;
    const search = root(el).querySelector<HTMLInputElement>('#search')!;
    type(search, captain.person.name);
    await until(() => rows(el).length > 0 && rows(el).every((r) => r.textContent.includes(captain.person.name)), 'the search result');
    expect(queries.some((q) => q.q === captain.person.name)).to.equal(true);
    expect(root(el).querySelector('#search-status')!.textContent).to.match(/找到 \d+ 栋/);
    type(search, '迎泽苑 1 号楼');
    await until(() => rows(el).length === 1 && rows(el)[0]!.textContent.includes('迎泽苑 1 号楼'), 'the building');
    type(search, '');
    await until(() => rows(el).length > 1, 'all rows again');
  });

  it('import: a file with bad rows and duplicates shows every problem and stores nothing', async () => {
    const world = captainWorld({ buildings: 30, covered: 0.5 });
    const { el, client } = await mount(world);
    const imports = listen<CaptainImportEvent>(el, 'fg-captain-import');
    const before = (await client.data.list('captains', { limit: 500 })).items.length;
    const preview = (await el.importFile(new File([captainImportCsv(world)], '楼长.csv', { type: 'text/csv' })))!;
    await el.updateComplete;
    expect(preview.errorCount).to.equal(4);
    const panel = root(el).querySelector('[part~="preview"]')!;
    expect(panel.textContent).to.contain('电话号码格式不对');
    expect(panel.textContent).to.contain('不存在的楼 9 号楼');
    expect(panel.textContent).to.contain('与第 2 行是同一栋楼');
    expect(panel.textContent).to.contain('"2026-13-01"不是日期');
    expect(panel.querySelectorAll('tr.bad')).to.have.length(4);
    expect([...panel.querySelectorAll('button')].some((b) => b.textContent.includes('确认导入'))).to.equal(false);
    expect((await client.data.list('captains', { limit: 500 })).items.length).to.equal(before);
    expect(imports).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('import: a valid file (GB18030 too) is stored in one command after confirming, all rows', async () => {
    const world = captainWorld({ buildings: 30, covered: 0.5 });
    const { el, client } = await mount(world);
    const imports = listen<CaptainImportEvent>(el, 'fg-captain-import');
    const vacant = rows(el).filter((r) => r.classList.contains('vacant')).slice(0, 2).map((r) => r.querySelector('.name')!.textContent);
    const csv = `楼栋,楼长,联系电话\r\n${vacant[0]},司马光明,13612345678\r\n${vacant[1]},欧阳晓雪,0351-7654321\r\n`;
    // GB18030 bytes of the file (as WPS on a Chinese Windows saves it), made by the browser's own encoder path.
    const gbBytes = await gb18030(csv);
    const preview = (await el.importFile(new File([gbBytes.buffer as ArrayBuffer], 'wps.csv')))!;
    expect(preview.errorCount).to.equal(0);
    expect(preview.rows.map((r) => r.name)).to.deep.equal(['司马光明', '欧阳晓雪']);
    await el.updateComplete;
    const confirm = [...root(el).querySelectorAll<HTMLButtonElement>('[part~="preview"] button')].find((b) => b.textContent.includes('确认导入'))!;
    confirm.click();
    await until(() => imports.length > 0, 'fg-captain-import');
    expect(imports[0]!.detail).to.deep.equal({ count: 2 });
    const all = (await client.data.list('captains', { limit: 500 })).items;
    expect(all.filter((c) => ['司马光明', '欧阳晓雪'].includes(c.person.name))).to.have.length(2);
    expect(root(el).querySelector('[part~="preview"]')).to.equal(null);
    expect(root(el).querySelector('#notice')!.textContent).to.contain('已导入 2 条');
  });

  it('import: when the command is refused nothing is stored and the preview stays', async () => {
    const world = captainWorld({ buildings: 20, covered: 0.5 });
    const data = memoryDataPort({ places: world.places, captains: world.captains }, { now: () => captainNow });
    const client = captainClient(world, { wrapHost: (host) => ({ ...host, data: { ...host.data, command: (name, payload, opts) => data.command(name, payload, opts) } }) });
    const { el } = await mount(world, { client });
    const vacant = rows(el).find((r) => r.classList.contains('vacant'))!.querySelector('.name')!.textContent;
    await el.importFile(new File([`楼栋,楼长,联系电话\n${vacant},司马光明,13612345678\n`], 'a.csv'));
    await el.updateComplete;
    [...root(el).querySelectorAll<HTMLButtonElement>('[part~="preview"] button')].find((b) => b.textContent.includes('确认导入'))!.click();
    await until(() => root(el).querySelector('[role="alert"]')!.textContent.includes('captains.import'), 'the refusal');
    expect(root(el).querySelector('[part~="preview"]')).to.not.equal(null);
  });

  it('exports CSV with a BOM and neutralised cells, and Excel loaded on demand; public exports mask phones', async () => {
    const world = captainWorld({ buildings: 8, covered: 1, unposted: 0 });
    world.places[0]!.name = '=HYPERLINK("http://evil","点我")';
    world.captains.find((c) => c.buildingId === world.places[0]!.id && c.term.to === undefined)!.person.name = '+张三';
    const { el } = await mount(world);
    const csv = await (await el.exportFile('csv')).arrayBuffer();
    const bytes = new Uint8Array(csv);
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).to.contain('序号,楼栋编号,楼栋');
    expect(text).to.contain(`"'=HYPERLINK(""http://evil"",""点我"")"`);
    expect(text).to.contain("'+张三");
    const { readSheet } = await import('read-excel-file/browser');
    const sheet = await readSheet(await el.exportFile('xlsx'));
    expect(sheet[0]![2]).to.equal('楼栋');
    const cells = sheet.flat().map(String);
    expect(cells).to.include(`'=HYPERLINK("http://evil","点我")`);
    expect(cells.some((c) => /^1[3-9]\d{9}$/.test(c))).to.equal(true);
    el.mode = 'public';
    await el.updateComplete;
    const masked = await (await el.exportFile('csv')).text();
    expect(/1[3-9]\d{9}/.test(masked)).to.equal(false);
    expect(masked).to.contain('****');
  });

  it('shows a host failure in the alert region', async () => {
    const world = captainWorld();
    const client = captainClient(world, {
      wrapHost: (host) => ({ ...host, data: { ...host.data, list: () => Promise.reject(new Error('网络中断')) } }),
    });
    const el = await fixture<FgCaptainRegistry>(html`<fg-captain-registry .client=${client}></fg-captain-registry>`);
    const alert = await until(() => root(el).querySelector('[role="alert"]')?.textContent.includes('网络中断') === true, 'the alert');
    expect(alert).to.equal(true);
    const none = await fixture<FgCaptainRegistry>(html`<fg-captain-registry locale="en"></fg-captain-registry>`);
    expect(root(none).querySelector('[role="alert"]')!.textContent).to.contain('fg-provider');
    expect(isFiregridError(new Error('x'))).to.equal(false);
  });

  it('renders a grid of up to 100 high-rise buildings whole, every row in the DOM, without the virtualizer', async () => {
    const world = captainWorld({ buildings: 112 });
    const high = world.places.filter((p) => (p.building?.floors ?? 0) >= 10).length;
    expect(high).to.be.within(90, 100);
    const el = await fixture<FgCaptainRegistry>(html`<fg-captain-registry .buildings=${world.places} .captains=${world.captains}></fg-captain-registry>`);
    await until(() => rows(el).length === high, `all ${high} rows`);
    const list = root(el).querySelector('[part~="list"]')!;
    expect(list.classList.contains('whole')).to.equal(true);
    expect(list.querySelector('[virtualizer-sizer]')).to.equal(null);
    expect(rows(el).at(-1)!.getAttribute('aria-posinset')).to.equal(String(high));
    // Searching filters the same whole list.
    const search = root(el).querySelector<HTMLInputElement>('#search')!;
    search.value = world.places[0]!.name;
    search.dispatchEvent(new Event('input'));
    await until(() => rows(el).length < high && rows(el).length > 0, 'the matches');
    expect(root(el).querySelector('[part~="list"]')!.classList.contains('whole')).to.equal(true);
  });

  it('renders a county of 100,000 buildings with a bounded DOM (scrolling to the end: tests/node/captain-registry-scale)', async () => {
    const world = captainWorld({ buildings: 100_000, covered: 0.8, grids: Array.from({ length: 100 }, (_, g) => `140106${String(g).padStart(6, '0')}001`) });
    const el = await fixture<FgCaptainRegistry>(html`<fg-captain-registry .buildings=${world.places} .captains=${world.captains}></fg-captain-registry>`);
    await until(() => rows(el).length > 0, 'the first rows');
    // The first screen shows while the virtualizer loads; then the list is virtualised.
    expect(rows(el).length).to.be.below(80);
    await until(() => root(el).querySelector('[part~="list"]:not(.whole)'), 'the virtualised list');
    await until(() => rows(el).length > 0, 'the virtualised rows');
    const high = world.places.filter((p) => (p.building?.floors ?? 0) >= 10).length;
    expect(root(el).querySelector('[part~="header"]')!.textContent).to.contain(`/ ${high} 栋`);
    expect(rows(el).length).to.be.below(80);
    expect(rows(el)[0]!.getAttribute('aria-setsize')).to.equal(String(high));
    expect(rows(el)[0]!.classList.contains('vacant')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('renders every story without errors', async () => {
    for (const [name, story] of Object.entries(stories)) {
      if (!/^[A-Z]/.test(name) || typeof story !== 'object' || !('render' in story) || name === 'County') continue;
      const rendered = (story.render as () => unknown)();
      const el = rendered instanceof HTMLElement ? await fixture(rendered) : await fixture(rendered as ReturnType<typeof html>);
      const reg = (el instanceof FgCaptainRegistry ? el : el.querySelector('fg-captain-registry'))!;
      // ImportWithErrors opens its preview at once; that preview, not the rows behind it, is what it shows.
      await until(() => rows(reg).length > 0 || root(reg).querySelector('[role="alert"]')!.textContent !== ''
        || (name === 'ImportWithErrors' && root(reg).querySelector('[part~="preview"]') !== null), `story ${name}`);
      if (name === 'ImportWithErrors') await until(() => root(reg).querySelector('[part~="preview"]'), 'the preview');
      await expect(reg).to.be.accessible();
      // A virtualised list below the fold renders no rows: take each story away before the next.
      el.remove();
    }
  });
});

/** Encodes text as GB18030 bytes (the browser has no encoder for it, so map through a decoder table). */
async function gb18030(text: string): Promise<Uint8Array> {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  // Two-byte GBK range: enough for the characters of these tests.
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else out.push(...(table.get(ch) ?? [0x3f]));
  }
  await Promise.resolve();
  return new Uint8Array(out);
}
