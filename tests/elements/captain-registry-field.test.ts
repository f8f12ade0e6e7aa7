// Issue 17 for the registry: phone layouts by the element's own width, no blank scroll, elder and
// public sizes, one button order, masked phones with tap-to-reveal, and undo after ending a term.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { maskPhone } from '@firegrid/core';
import type { FiregridClient, FloorCaptain } from '@firegrid/core';
import '@firegrid/elements/captain-registry/define';
import type { CaptainEndEvent, CaptainSaveEvent, FgCaptainRegistry } from '@firegrid/elements/captain-registry';
import { captainClient, captainImportCsv, captainOrgUnits, captainWorld, type CaptainWorld } from '../../stories/captain-registry.stories.js';
import { until } from '../support/wait.js';

const root = (el: FgCaptainRegistry): ShadowRoot => el.shadowRoot!;
const rows = (el: FgCaptainRegistry): HTMLElement[] => [...root(el).querySelectorAll<HTMLElement>('[part~="row"]')];
const px = (v: string): number => parseFloat(v);

async function mount(world: CaptainWorld, attrs: { mode?: 'manage' | 'public'; elder?: boolean; width?: string } = {}, client?: FiregridClient): Promise<FgCaptainRegistry> {
  const el = await fixture<FgCaptainRegistry>(html`<fg-captain-registry style=${attrs.width === undefined ? '' : `width:${attrs.width}`}
    .client=${client ?? captainClient(world)} .orgUnits=${captainOrgUnits} mode=${attrs.mode ?? 'manage'} ?elder=${attrs.elder === true}></fg-captain-registry>`);
  await until(() => rows(el).length > 0, 'the first rows');
  return el;
}

async function openDialog(el: FgCaptainRegistry, row: HTMLElement, action: string): Promise<HTMLDialogElement> {
  row.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!.click();
  return until(() => {
    const d = root(el).querySelector<HTMLDialogElement>('#editor');
    return d?.open === true && d.querySelector('h2') !== null ? d : undefined;
  }, `the ${action} dialog`);
}

describe('fg-captain-registry in the field (issue 17)', () => {
  afterEach(async () => { await setViewport({ width: 800, height: 600 }); });

  it('at 1280 × 800 the page does not scroll past the registry into blank space', async () => {
    await setViewport({ width: 1280, height: 800 });
    const el = await mount(captainWorld({ buildings: 40, covered: 0.55, unposted: 0.3 }));
    await until(() => rows(el).length > 30, 'every row');
    const bottom = el.getBoundingClientRect().bottom + window.scrollY;
    // The list scrolls inside its own box; nothing of it may stretch the page below the element.
    expect(document.documentElement.scrollHeight, 'page height').to.be.at.most(Math.ceil(bottom) + 16);
    const list = root(el).querySelector<HTMLElement>('[part~="list"]')!;
    expect(list.scrollHeight, 'the list itself scrolls').to.be.greaterThan(list.clientHeight);
  });

  it('the import preview is a table at 1280 and stacked cards below 600 px of the element\'s own width, with no nested scroll box', async () => {
    await setViewport({ width: 1280, height: 800 });
    const world = captainWorld({ buildings: 30, covered: 0.5 });
    const wide = await mount(world);
    await wide.importFile(new File([captainImportCsv(world)], '楼长导入.csv', { type: 'text/csv' }));
    const wideCell = await until(() => root(wide).querySelector<HTMLElement>('[part~="preview"] td.phone'), 'the preview');
    expect(getComputedStyle(wideCell).display).to.equal('table-cell');
    expect(getComputedStyle(root(wide).querySelector('[part~="preview"] thead')!).position).to.not.equal('absolute');

    // A 390 px side panel on a wide screen: the element's width decides, not the viewport.
    const narrow = await mount(world, { width: '390px' });
    await narrow.importFile(new File([captainImportCsv(world)], '楼长导入.csv', { type: 'text/csv' }));
    const preview = await until(() => root(narrow).querySelector<HTMLElement>('[part~="preview"]'), 'the preview');
    const row = preview.querySelector<HTMLElement>('tbody tr')!;
    const cells = [...row.querySelectorAll<HTMLElement>('td')];
    expect(getComputedStyle(cells[0]!).display).to.equal('grid');
    // Cells stack: each starts below the one before, and is nearly the card's width.
    for (let i = 1; i < cells.length; i++) expect(cells[i]!.getBoundingClientRect().top).to.be.at.least(cells[i - 1]!.getBoundingClientRect().bottom - 1);
    for (const cell of cells) expect(cell.getBoundingClientRect().width).to.be.greaterThan(row.getBoundingClientRect().width * 0.8);
    // Each value line is labelled, and a phone is on one line (not squeezed to a character per line).
    expect(getComputedStyle(cells[3]!, '::before').content).to.equal('"电话"');
    const phone = cells[3]!;
    expect(phone.getBoundingClientRect().height).to.be.below(px(getComputedStyle(phone).lineHeight) * 1.6);
    const scroll = preview.querySelector<HTMLElement>('.scroll')!;
    expect(getComputedStyle(scroll).overflowY).to.equal('visible');
    expect(narrow.scrollWidth, 'no sideways scroll').to.be.at.most(390);
    await expect(narrow).to.be.accessible();
  });

  it('public mode and elder mode use 20 px text and 56 px targets', async () => {
    const world = captainWorld({ buildings: 12, covered: 0.6 });
    for (const attrs of [{ mode: 'public' as const }, { elder: true }]) {
      const el = await mount(world, attrs);
      const label = JSON.stringify(attrs);
      expect(px(getComputedStyle(root(el).querySelector('.base')!).fontSize), label).to.equal(20);
      expect(px(getComputedStyle(rows(el)[0]!.querySelector('.name')!).fontSize), `${label} row name`).to.be.at.least(20);
      expect(root(el).querySelector<HTMLElement>('#search')!.getBoundingClientRect().height, `${label} search`).to.be.at.least(56);
      expect(root(el).querySelector<HTMLElement>('summary')!.getBoundingClientRect().height, `${label} summary`).to.be.at.least(56);
      for (const b of root(el).querySelectorAll<HTMLElement>('button')) {
        expect(b.getBoundingClientRect().height, `${label} ${b.textContent}`).to.be.at.least(56);
      }
    }
    const normal = await mount(world);
    expect(px(getComputedStyle(root(normal).querySelector('.base')!).fontSize)).to.equal(16);
  });

  it('dialog buttons: primary last on the right at ≥ 600 px; below 600 px full width, primary at the bottom; cancel ≥ 16 px away', async () => {
    const world = captainWorld({ buildings: 9, covered: 0.3 });
    await setViewport({ width: 1280, height: 800 });
    const wide = await mount(world);
    let dialog = await openDialog(wide, rows(wide)[0]!, 'register');
    let cancel = [...dialog.querySelectorAll<HTMLButtonElement>('.buttons button')].find((b) => b.type === 'button')!;
    let primary = dialog.querySelector<HTMLButtonElement>('.buttons button.primary')!;
    let c = cancel.getBoundingClientRect();
    let p = primary.getBoundingClientRect();
    expect(Math.abs(c.top - p.top), 'one row').to.be.below(2);
    expect(p.left, 'primary on the right').to.be.greaterThan(c.right);
    expect(p.left - c.right, 'gap').to.be.at.least(16);
    expect(p.right, 'right-aligned').to.be.closeTo(dialog.querySelector('.buttons')!.getBoundingClientRect().right, 1);
    dialog.close();

    await setViewport({ width: 390, height: 844 });
    const narrow = await mount(world);
    dialog = await openDialog(narrow, rows(narrow)[0]!, 'register');
    cancel = [...dialog.querySelectorAll<HTMLButtonElement>('.buttons button')].find((b) => b.type === 'button')!;
    primary = dialog.querySelector<HTMLButtonElement>('.buttons button.primary')!;
    c = cancel.getBoundingClientRect();
    p = primary.getBoundingClientRect();
    const bar = dialog.querySelector('.buttons')!.getBoundingClientRect();
    expect(p.width, 'full width').to.be.closeTo(bar.width, 1);
    expect(p.top, 'primary at the bottom').to.be.greaterThan(c.bottom);
    expect(p.top - c.bottom, 'gap').to.be.at.least(16);
    expect(getComputedStyle(dialog.querySelector('.buttons')!).position).to.equal('sticky');
    expect(p.bottom, 'in view').to.be.at.most(window.innerHeight);
    dialog.close();
  });

  it('phones are masked; a tap shows one in full in manage mode; public mode never reveals', async () => {
    const world = captainWorld({ buildings: 9, covered: 1, unposted: 0 });
    const el = await mount(world);
    const row = rows(el).find((r) => r.querySelector('button[data-action="reveal"]') !== null)!;
    const name = row.querySelector('.name')!.textContent;
    const building = world.places.find((p) => p.name === name)!;
    const captain = world.captains.find((cpt) => cpt.buildingId === building.id && cpt.term.to === undefined)!;
    for (const r of rows(el)) expect(r.textContent).to.not.match(/1[3-9]\d{9}/);
    const reveal = row.querySelector<HTMLButtonElement>('button[data-action="reveal"]')!;
    expect(reveal.textContent).to.equal(maskPhone(captain.person.phone));
    expect(reveal.getAttribute('aria-label')).to.contain(captain.person.name);
    expect(reveal.getBoundingClientRect().height).to.be.at.least(44);
    reveal.click();
    const link = await until(() => rows(el).find((r) => r.querySelector('.name')!.textContent === name)?.querySelector<HTMLAnchorElement>('a.phone'), 'the full phone');
    expect(link.textContent).to.equal(captain.person.phone);
    expect(link.href).to.equal(`tel:${captain.person.phone}`);
    // Only that one: the others stay masked.
    expect(rows(el).filter((r) => /1[3-9]\d{9}/.test(r.textContent))).to.have.length(1);
    await expect(el).to.be.accessible();

    const pub = await mount(world, { mode: 'public' });
    expect(root(pub).querySelector('[data-action="reveal"], a.phone')).to.equal(null);
  });

  it('ending a term offers 撤销, which restores the term (fg-captain-save) and the row', async () => {
    const world = captainWorld({ buildings: 5, covered: 1, unposted: 0 });
    const client = captainClient(world);
    const el = await mount(world, {}, client);
    const ends: CaptainEndEvent[] = [];
    const saves: CaptainSaveEvent[] = [];
    el.addEventListener('fg-captain-end', (e) => { ends.push(e); });
    el.addEventListener('fg-captain-save', (e) => { saves.push(e); });
    const row = rows(el)[0]!;
    const name = row.querySelector('.name')!.textContent;
    const building = world.places.find((p) => p.name === name)!;
    const dialog = await openDialog(el, row, 'end');
    const end = dialog.querySelector<HTMLInputElement>('#f-end')!;
    end.value = '2026-11-02';
    end.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => ends.length === 1, 'fg-captain-end');
    const notice = await until(() => root(el).querySelector<HTMLElement>('#notice'), 'the notice');
    const undo = await until(() => notice.querySelector<HTMLButtonElement>('#undo'), 'the undo button');
    expect(root(el).activeElement, 'focus on the notice').to.equal(notice);
    await until(() => rows(el).find((r) => r.querySelector('.name')!.textContent === name)?.classList.contains('vacant'), 'the row vacant');
    const list = async (): Promise<FloorCaptain[]> => (await client.data.list('captains', { placeId: building.id, limit: 500 })).items;
    expect((await list()).find((c) => c.id === ends[0]!.detail.captainId)!.term.to).to.equal('2026-11-02');
    undo.click();
    await until(() => saves.length === 1, 'fg-captain-save after undo');
    const restored = (await list()).find((c) => c.id === ends[0]!.detail.captainId)!;
    expect(restored.term.to).to.equal(undefined);
    expect(saves[0]!.detail.captain.id).to.equal(restored.id);
    await until(() => rows(el).find((r) => r.querySelector('.name')!.textContent === name)?.classList.contains('covered'), 'the row covered again');
    expect(notice.textContent).to.contain('已撤销');
    expect(notice.querySelector('#undo')).to.equal(null);
  });

  it('取消 on a changed form asks before dropping what was typed; an unchanged form closes at once', async () => {
    const world = captainWorld({ buildings: 9, covered: 0.3 });
    const el = await mount(world);
    const cancel = (d: HTMLDialogElement): void => { [...d.querySelectorAll<HTMLButtonElement>('.buttons button')].find((b) => b.type === 'button' && !b.id)!.click(); };
    let dialog = await openDialog(el, rows(el)[0]!, 'register');
    cancel(dialog);
    await until(() => !dialog.open, 'the unchanged form closing');

    dialog = await openDialog(el, rows(el)[0]!, 'register');
    const name = dialog.querySelector<HTMLInputElement>('#f-name')!;
    name.value = '赵海燕';
    name.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    cancel(dialog);
    const ask = await until(() => root(el).querySelector<HTMLElement>('#discard-ask'), 'the question');
    expect(ask.textContent).to.contain('放弃');
    await until(() => root(el).activeElement === ask, 'focus on the question');
    expect(dialog.open).to.equal(true);
    await expect(el).to.be.accessible();
    // Esc asks too, and keeps the form.
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    await el.updateComplete;
    expect(dialog.open).to.equal(true);
    root(el).querySelector<HTMLButtonElement>('#discard-keep')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('#discard-ask')).to.equal(null);
    expect(dialog.querySelector<HTMLInputElement>('#f-name')!.value).to.equal('赵海燕');
    cancel(dialog);
    (await until(() => root(el).querySelector<HTMLButtonElement>('#discard-drop'), 'the 放弃 button')).click();
    await until(() => !dialog.open, 'the form dropped');
  });
});
