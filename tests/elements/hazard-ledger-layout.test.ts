/**
 * The ledger as a desk view and on a phone (issue 17 items 4 and 6): cards below 600 px of the
 * element's own width, the table at 1280, status tags, 共 N 条 with the pager, the export menu with
 * the keyboard, masked phones with tap-to-reveal, the reference number in the detail and in `q`.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { hazardCommands, memoryDataPort, referenceOf } from '@firegrid/core';
import type { DataPort, FiregridClient, HostSession } from '@firegrid/core';
import '@firegrid/elements/hazard-ledger/define';
import type { FgHazardLedger } from '@firegrid/elements/hazard-ledger';
import { HAZARD, ledgerClient, ledgerSeed, supervisorSession, workerSession } from '../../stories/hazard-ledger.stories.js';
import { allDeep, until } from '../support/wait.js';

const containers: HTMLElement[] = [];
afterEach(() => { for (const c of containers.splice(0)) c.remove(); });

/** A ledger in a box `width` px wide (a vendor's side panel), loaded. */
async function mount(width: number | undefined, client: FiregridClient, attrs: Record<string, string> = {}): Promise<FgHazardLedger> {
  const box = document.createElement('div');
  if (width !== undefined) box.style.width = `${width}px`;
  const el = document.createElement('fg-hazard-ledger');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.client = client;
  box.append(el);
  document.body.append(box);
  containers.push(box);
  await until(() => attrs['hazard-id'] !== undefined ? q(el, '#d-title') : el.shadowRoot?.querySelector('tbody tr, #page'), 'the ledger');
  await el.updateComplete;
  return el;
}

const q = (el: Element, sel: string): HTMLElement | undefined =>
  allDeep(el.shadowRoot ?? el).find((e) => e.matches(sel)) as HTMLElement | undefined;
const need = (el: Element, sel: string): HTMLElement => {
  const found = q(el, sel);
  if (found === undefined) throw new Error(`no ${sel} in ${el.localName}`);
  return found;
};
const text = (el: Element, sel: string): string => need(el, sel).textContent.replace(/\s+/g, ' ').trim();
const rowsOf = (el: FgHazardLedger): HTMLElement[] => Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr'));
const active = (el: FgHazardLedger): string => (el.shadowRoot!.activeElement as HTMLElement | null)?.id ?? '';

/** Fails when something inside `el` scrolls sideways (a nested scroll box) or overflows `el`. */
function expectNoSidewaysScroll(el: FgHazardLedger): void {
  const width = el.getBoundingClientRect().width;
  expect(el.scrollWidth, 'the element').to.be.at.most(Math.ceil(width));
  for (const node of allDeep(el.shadowRoot!)) {
    if (!(node instanceof HTMLElement) || node.hidden) continue;
    const overflow = getComputedStyle(node).overflowX;
    if (overflow === 'auto' || overflow === 'scroll') expect.fail(`${node.localName}.${node.className} is a sideways scroll box at ${width} px`);
    const r = node.getBoundingClientRect();
    if (r.width > 0) expect(r.right, `${node.localName}.${node.className} "${node.textContent.trim().slice(0, 20)}"`).to.be.at.most(el.getBoundingClientRect().right + 0.5);
  }
}

/** A memory port without `total`, as a backend that does not count. */
function uncounted(session: HostSession): FiregridClient {
  const base = memoryDataPort(ledgerSeed(), { tenantId: 'demo', commands: hazardCommands({ actor: session.user }) });
  const list: DataPort['list'] = async (kind, query) => ({ ...await base.list(kind, query), total: undefined });
  return ledgerClient(session, { ...base, list });
}

describe('fg-hazard-ledger: phone and desk layouts', () => {
  after(async () => { await setViewport({ width: 800, height: 600 }); });

  for (const list of ['problems', 'responsibility']) {
    it(`at 390 px of its own width shows ${list} as cards: what and status of every row in view, nothing scrolls sideways`, async () => {
      const el = await mount(390, ledgerClient(supervisorSession), { list });
      const box = el.getBoundingClientRect();
      const rows = rowsOf(el);
      expect(rows.length).to.be.greaterThan(5);
      for (const tr of rows) {
        expect(getComputedStyle(tr).display).to.equal('grid');
        const what = need(tr, '.c-content button').getBoundingClientRect();
        const status = need(tr, '.c-status .tag').getBoundingClientRect();
        for (const [name, r] of [['what', what], ['status', status]] as const) {
          expect(r.left, `${name} of "${tr.textContent.trim().slice(0, 12)}"`).to.be.at.least(box.left - 0.5);
          expect(r.right, `${name} of "${tr.textContent.trim().slice(0, 12)}"`).to.be.at.most(box.left + 390.5);
        }
        // What and status lead the card; where, deadline and flags follow.
        expect(Math.abs(status.top - what.top)).to.be.below(24);
        const flags = need(tr, '.c-flags').getBoundingClientRect();
        if (flags.height > 0) expect(flags.top).to.be.at.least(what.bottom - 1);
      }
      expectNoSidewaysScroll(el);
      await expect(el).to.be.accessible();
    });
  }

  it('names the table "（可左右滚动）" only where it scrolls: a focusable region at desk widths, not the cards on a phone', async () => {
    const scrollHint = (el: FgHazardLedger): Element[] => allDeep(el.shadowRoot!).filter((e) => e.getAttribute('aria-label')?.includes('可左右滚动') === true);
    const phone = await mount(390, ledgerClient(supervisorSession));
    const cards = need(phone, '[part~="table"]');
    expect(scrollHint(phone), 'no scroll hint on a phone').to.deep.equal([]);
    expect(cards.hasAttribute('role')).to.equal(false);
    expect(cards.hasAttribute('tabindex'), 'no tab stop for a box that does not scroll').to.equal(false);
    await expect(phone).to.be.accessible();
    const desk = await mount(1280, ledgerClient(supervisorSession));
    const region = need(desk, '[part~="table"]');
    expect(region.getAttribute('role')).to.equal('region');
    expect(region.getAttribute('tabindex')).to.equal('0');
    expect(region.getAttribute('aria-label')).to.equal('问题隐患清单（可左右滚动）');
    // The panel it sits in narrows (a vendor's side panel): the cards, and the hint goes.
    await executeServerCommand('front');
    desk.parentElement!.style.width = '390px';
    await until(() => scrollHint(desk).length === 0, 'the hint gone at 390 px');
    expect(need(desk, '[part~="table"]').hasAttribute('tabindex')).to.equal(false);
    desk.parentElement!.style.width = '1280px';
    await until(() => scrollHint(desk).length === 1, 'the hint back at 1280 px');
  });

  it('in a 390 × 844 viewport the page does not scroll sideways', async () => {
    await setViewport({ width: 390, height: 844 });
    const el = await mount(undefined, ledgerClient(supervisorSession));
    expect(document.documentElement.scrollWidth).to.be.at.most(390);
    expectNoSidewaysScroll(el);
    for (const tr of rowsOf(el)) expect(need(tr, '.c-status .tag').getBoundingClientRect().right).to.be.at.most(390);
  });

  it('at 1280 shows the table: one line per row, dates and phones unwrapped, status as coloured tags', async () => {
    await setViewport({ width: 1280, height: 800 });
    const el = await mount(1280, ledgerClient(supervisorSession), { list: 'responsibility' });
    expect(getComputedStyle(el.shadowRoot!.querySelector('table')!).display).to.equal('table');
    expect(el.shadowRoot!.querySelector('thead')!.getBoundingClientRect().height).to.be.greaterThan(20);
    for (const tr of rowsOf(el)) {
      expect(getComputedStyle(tr).display).to.equal('table-row');
      for (const sel of ['.c-deadline', '.c-phone', '.c-status']) expect(getComputedStyle(need(tr, sel)).whiteSpace, sel).to.equal('nowrap');
    }
    const tones = rowsOf(el).map((tr) => [text(tr, '.c-status'), need(tr, '.c-status .tag').className, getComputedStyle(need(tr, '.c-status .tag')).color]);
    const overdue = tones.find(([t]) => t?.includes('已超期'));
    const closed = tones.find(([t]) => t === '已销号');
    expect(overdue?.[1]).to.equal('tag error');
    expect(closed?.[1]).to.equal('tag success');
    expect(overdue?.[2]).not.to.equal(closed?.[2]);
    await expect(el).to.be.accessible();
  });

  it('says 共 N 条 and pages with 第 x / y 页; without a count it says the page alone', async () => {
    const el = await mount(1280, ledgerClient(supervisorSession), { 'page-size': '4' });
    expect(text(el, '#total')).to.equal('共 13 条');
    expect(text(el, '#page')).to.equal('第 1 / 4 页');
    expect((need(el, '#prev') as HTMLButtonElement).disabled).to.equal(true);
    for (const page of [2, 3, 4]) {
      need(el, '#next').click();
      await until(() => text(el, '#page') === `第 ${page} / 4 页` && rowsOf(el)[0]?.querySelector('.c-index')?.textContent === String(page * 4 - 3), `page ${page}`);
      expect(text(el, '#total')).to.equal('共 13 条');
    }
    expect((need(el, '#next') as HTMLButtonElement).disabled).to.equal(true);
    const plain = await mount(1280, uncounted(supervisorSession), { 'page-size': '4' });
    expect(q(plain, '#total')).to.equal(undefined);
    expect(text(plain, '#page')).to.equal('第 1 页');
  });

  it('exports from one 导出 menu, with the keyboard', async () => {
    const el = await mount(1280, ledgerClient(supervisorSession));
    const files: string[] = [];
    el.saveFile = (_file, name) => { files.push(name); };
    expect(el.shadowRoot!.querySelectorAll('[id^="export"]:not([role="menuitem"]):not(#export):not(#export-menu)')).to.have.length(0);
    const button = need(el, '#export');
    const menu = need(el, '#export-menu');
    expect(menu.hidden).to.equal(true);
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => active(el) === 'export-csv-problems', 'the first item focused');
    expect([menu.hidden, button.getAttribute('aria-expanded')]).to.deep.equal([false, 'true']);
    await expect(el).to.be.accessible();
    const steps: [string, string][] = [['ArrowDown', 'export-csv-responsibility'], ['ArrowDown', 'export-xlsx'], ['ArrowDown', 'export-csv-problems'],
      ['ArrowUp', 'export-xlsx'], ['Home', 'export-csv-problems'], ['End', 'export-xlsx']];
    for (const [key, id] of steps) {
      await sendKeys({ press: key });
      expect(active(el), key).to.equal(id);
    }
    await sendKeys({ press: 'Escape' });
    await until(() => menu.hidden && active(el) === 'export', 'the menu closed, the focus on 导出');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ press: 'ArrowUp' });
    await until(() => active(el) === 'export-xlsx', 'ArrowUp opens on the last item');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Enter' });
    await until(() => files.length === 1, 'the export');
    expect(files[0]).to.match(/^整改责任清单-\d{8}\.csv$/);
    expect(menu.hidden).to.equal(true);
    expect(active(el)).to.equal('export');
    // Tab leaves the menu and closes it.
    await sendKeys({ press: 'Enter' });
    await until(() => !menu.hidden, 'the menu open again');
    await sendKeys({ press: 'Tab' });
    await until(() => menu.hidden, 'Tab closes the menu');
  });

  it('masks phones until tapped, and 查询 is the primary button', async () => {
    const el = await mount(1280, ledgerClient(supervisorSession), { list: 'responsibility' });
    expect(need(el, '#f-apply').classList.contains('primary')).to.equal(true);
    const phone = need(el, 'button.phone');
    expect(phone.textContent).to.match(/^0351-\*\*\*3456/);
    expect(phone.getAttribute('aria-pressed')).to.equal('false');
    phone.click();
    await until(() => phone.textContent.startsWith('0351-4123456'), 'the full number');
    expect(phone.getAttribute('aria-pressed')).to.equal('true');
    expect(el.shadowRoot!.activeElement === phone || document.activeElement !== phone).to.equal(true);
    phone.click();
    await until(() => phone.textContent.startsWith('0351-***3456'), 'masked again');
  });

  it('shows a public report\'s reference number in the detail, and q finds the hazard by it', async () => {
    const ref = referenceOf(HAZARD.publicTip);
    const sup = await mount(1280, ledgerClient(supervisorSession), { 'hazard-id': HAZARD.publicTip });
    const dds = Array.from(need(sup, 'fg-hazard-detail').shadowRoot!.querySelectorAll('dt')).map((dt) => [dt.textContent.trim(), dt.nextElementSibling?.textContent.replace(/\s+/g, ' ').trim()]);
    expect(dds).to.deep.include(['受理编号', ref]);
    // The supervisor may see the confidential reporter: masked, revealed by a tap.
    const finder = dds.find(([k]) => k === '发现人')?.[1] ?? '';
    expect(finder).to.contain('139****5678').and.to.contain('（保密）').and.not.to.contain('13912345678');
    const reveal = need(sup, 'button.phone[data-phone$=":reporter"]');
    reveal.click();
    await until(() => reveal.textContent.includes('13912345678'), 'the full number after a tap');
    // A worker may not: no number, nothing to reveal.
    const worker = await mount(1280, ledgerClient(workerSession), { 'hazard-id': HAZARD.publicTip });
    expect(q(worker, 'button.phone[data-phone$=":reporter"]')).to.equal(undefined);
    expect(need(worker, 'fg-hazard-detail').shadowRoot!.textContent).not.to.contain('5678');
    // 受理编号 as a resident quotes it: lowercase, no dash.
    const el = await mount(1280, ledgerClient(supervisorSession));
    const input = need(el, '#f-q') as HTMLInputElement;
    input.value = ref.replace('-', '').toLowerCase();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    need(el, '#f-apply').click();
    await until(() => rowsOf(el).length === 1, 'the one hazard');
    expect(text(el, 'tbody .c-content')).to.contain('楼道里给电动车充电');
  });
});
