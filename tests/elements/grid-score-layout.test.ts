/**
 * The score on a phone and at a desk (issue 17 items 4 and 6): below 600 px of the element's own
 * width the ranking is stacked rows with rank and total in view and nothing scrolls sideways;
 * the breakdown is a compact table, one row per metric.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '@firegrid/elements/define';
import type { FgGridScore } from '@firegrid/elements/grid-score';
import { scoreClient, scoreWorld } from '../../stories/grid-score.stories.js';
import { settle } from '../gates/dom.js';

const world = scoreWorld();

// One period, no trend: the layout is what these tests look at, and the trend is 6× the scoring work.
async function mount(width: number, view: 'worker' | 'scope'): Promise<FgGridScore> {
  // The element itself is the fixture (a wrapper <div> would make open-wc wait for an animation
  // frame, which a background test tab never gets); its own width is what the container query reads.
  const el = await fixture<FgGridScore>(html`<fg-grid-score view=${view} rank-by="community" trend="1" .client=${scoreClient(world)}></fg-grid-score>`);
  el.style.width = `${width}px`;
  await el.ready;
  await settle(el);
  return el;
}

const all = (el: FgGridScore, sel: string): HTMLElement[] => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];

/** Fails when something inside `el` is a sideways scroll box or reaches past its right edge. */
function expectNoSidewaysScroll(el: FgGridScore): void {
  const box = el.getBoundingClientRect();
  expect(el.scrollWidth).to.be.at.most(Math.ceil(box.width));
  for (const node of all(el, '*')) {
    const overflow = getComputedStyle(node).overflowX;
    if (overflow === 'auto' || overflow === 'scroll') expect.fail(`${node.localName}.${node.className} scrolls sideways at ${box.width} px`);
    const r = node.getBoundingClientRect();
    if (r.width > 0) expect(r.right, `${node.localName}.${node.className}`).to.be.at.most(box.right + 0.5);
  }
}

describe('fg-grid-score: phone and desk layouts', () => {
  it('at 390 px stacks the ranking: rank and total of every worker in view, nothing scrolls sideways', async () => {
    const el = await mount(390, 'scope');
    const box = el.getBoundingClientRect();
    const rows = all(el, 'tbody tr');
    expect(rows.length).to.be.greaterThan(2);
    for (const tr of rows) {
      for (const sel of ['td.rank', 'td.total', 'td.name button']) {
        const r = tr.querySelector(sel)!.getBoundingClientRect();
        expect(r.left, `${sel} of ${tr.dataset.worker ?? ''}`).to.be.at.least(box.left - 0.5);
        expect(r.right, `${sel} of ${tr.dataset.worker ?? ''}`).to.be.at.most(box.right + 0.5);
      }
      // Rank, name and total share the first line.
      const rank = tr.querySelector('td.rank')!.getBoundingClientRect();
      const total = tr.querySelector('td.total')!.getBoundingClientRect();
      expect(Math.abs(rank.bottom - total.bottom)).to.be.below(12);
    }
    // The sort buttons stay reachable.
    for (const b of all(el, 'th button')) expect(b.getBoundingClientRect().right).to.be.at.most(box.right + 0.5);
    expectNoSidewaysScroll(el);
    await expect(el).to.be.accessible();
  });

  it('at 390 px the breakdown is stacked rows, inside the element', async () => {
    const el = await mount(390, 'worker');
    all(el, 'button[part="details-toggle"]')[0]?.click();
    await settle(el);
    expectNoSidewaysScroll(el);
    await expect(el).to.be.accessible();
  });

  it('at 1280 the breakdown is a compact table, one line per metric, and the ranking a table', async () => {
    const el = await mount(1280, 'worker');
    const table = el.shadowRoot!.querySelector<HTMLTableElement>('table[part="breakdown"]')!;
    expect(getComputedStyle(table).display).to.equal('table');
    const metrics = all(el, 'tr[part="metric"]');
    expect(metrics.length).to.be.greaterThan(3);
    for (const tr of metrics) {
      const cells = [...tr.children].map((c) => c.getBoundingClientRect());
      expect(cells.map((c) => Math.round(c.top))).to.deep.equal(cells.map(() => Math.round(cells[0]!.top)));
      // Compact: a metric row is at most a few lines high, not a card.
      expect(tr.getBoundingClientRect().height).to.be.below(120);
    }
    const scope = await mount(1280, 'scope');
    expect(getComputedStyle(all(scope, 'tbody tr')[0]!).display).to.equal('table-row');
  });
});
