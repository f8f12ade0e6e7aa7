// Issue 17, item 1: one set of design tokens read by every element. A token set on the host
// changes computed styles inside the element's shadow root (nested shadow roots included), the
// government-blue theme file changes the primary colour, and elder/public mode gives 56 px
// targets and 20 px text everywhere, nested elements too.
import { expect } from '@open-wc/testing';
import { deepElements, settle } from '../gates/dom.js';
import { storiesOf } from '../gates/stories.js';
import type { StoryModule } from '../gates/stories.js';
import * as checklist from '../../stories/checklist.stories.js';
import * as report from '../../stories/hazard-report.stories.js';
import * as ledger from '../../stories/hazard-ledger.stories.js';
import * as registry from '../../stories/captain-registry.stories.js';
import * as notice from '../../stories/captain-notice.stories.js';
import * as score from '../../stories/grid-score.stories.js';
import { until } from '../support/wait.js';

interface Case { tag: string; mod: StoryModule; story: string; primary: boolean; wait?: string }

/** One story per element that shows its main screen; `primary`: something on it has the primary colour. */
const CASES: Case[] = [
  { tag: 'fg-checklist', mod: checklist, story: 'DailyPatrol', primary: true },
  { tag: 'fg-hazard-report', mod: report, story: 'Worker', primary: true },
  { tag: 'fg-hazard-ledger', mod: ledger, story: 'Supervisor', primary: true },
  { tag: 'fg-captain-registry', mod: registry, story: 'Gaps', primary: false },
  { tag: 'fg-captain-notice', mod: notice, story: 'Notice', primary: true },
  { tag: 'fg-grid-score', mod: score, story: 'WorkerScore', primary: true },
];

const PROPS = ['color', 'backgroundColor', 'borderTopColor', 'borderLeftColor', 'outlineColor', 'fontFamily'] as const;
type Snapshot = Map<Element, Record<(typeof PROPS)[number], string>>;

/** Computed colours and fonts of everything inside the element's shadow root(s). */
function snapshot(el: Element): Snapshot {
  const out: Snapshot = new Map();
  for (const node of deepElements(el)) {
    const cs = getComputedStyle(node);
    out.set(node, Object.fromEntries(PROPS.map((p) => [p, cs[p]])) as Record<(typeof PROPS)[number], string>);
  }
  return out;
}

/** What now has `value` in one of PROPS and did not before: "<tag>.<class> color". */
function changedTo(before: Snapshot, after: Snapshot, value: string): string[] {
  const hits: string[] = [];
  for (const [node, now] of after) {
    const was = before.get(node);
    for (const p of PROPS) {
      if (now[p] === value && was?.[p] !== value) hits.push(`${node.localName}.${node.getAttribute('class') ?? ''} ${p}`);
    }
  }
  return hits;
}

async function mountStory(c: Case, container: HTMLElement): Promise<HTMLElement> {
  const story = storiesOf(c.mod, `stories/${c.tag.slice(3)}.stories.ts`).find((s) => s.exportName === c.story);
  if (story === undefined) throw new Error(`stories/${c.tag.slice(3)}.stories.ts has no story ${c.story}`);
  await story.renderInto(container);
  await settle(container, { timeoutMs: 8_000 });
  const el = deepElements(container).find((e) => e.localName === c.tag);
  if (!(el instanceof HTMLElement)) throw new Error(`${c.story} rendered no <${c.tag}>`);
  const wait = c.wait ?? 'button, article, table';
  await until(() => deepElements(el).some((e) => e.matches(wait)), `${wait} in <${c.tag}>`);
  await settle(container);
  return el;
}

// A turn of the event loop, not an animation frame: a page behind the other test page gets no
// frames (web-test-runner runs two side by side), and getComputedStyle recalculates styles anyway.
const frame = (): Promise<void> => new Promise((r) => { setTimeout(r, 0); });

describe('design tokens (issue 17)', () => {
  let container: HTMLElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => { container.remove(); });

  for (const c of CASES) {
    it(`${c.tag}: tokens set on the host change what its shadow root paints`, async () => {
      const el = await mountStory(c, container);
      const tokens: [string, string][] = [
        ['--fg-color-text', 'rgb(1, 2, 3)'],
        ['--fg-font-family', 'monospace'],
        c.primary ? ['--fg-color-primary', 'rgb(4, 5, 6)'] : ['--fg-color-error', 'rgb(7, 8, 9)'],
      ];
      for (const [token, value] of tokens) {
        const before = snapshot(el);
        el.style.setProperty(token, value);
        await frame();
        const hits = changedTo(before, snapshot(el), value);
        expect(hits, `${token}: ${value} on <${c.tag}> changed nothing inside it`).to.not.deep.equal([]);
        el.style.removeProperty(token);
      }
    });
  }

  it('the default primary is #c62828 and the government-blue theme file makes it #0052d9, by tokens alone', async () => {
    const el = await mountStory(CASES[1]!, container);
    const submit = el.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!;
    expect(getComputedStyle(submit).backgroundColor).to.equal('rgb(198, 40, 40)');
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('../../packages/elements/themes/government-blue.css', import.meta.url).href;
    const loaded = new Promise((resolve, reject) => { link.onload = resolve; link.onerror = reject; });
    document.head.append(link);
    try {
      await loaded;
      await frame();
      expect(getComputedStyle(submit).backgroundColor).to.equal('rgb(0, 82, 217)');
      expect(getComputedStyle(submit).borderTopLeftRadius).to.equal('4px');
      // The theme sets custom properties only: nothing of the page itself changes.
      const sheet = link.sheet!;
      const declared = [...sheet.cssRules].flatMap((r) => [...(r as CSSStyleRule).style]);
      expect(declared.filter((p) => !p.startsWith('--fg-')), 'properties other than tokens').to.deep.equal([]);
    } finally {
      link.remove();
    }
    await frame();
    expect(getComputedStyle(submit).backgroundColor).to.equal('rgb(198, 40, 40)');
  });

  it('every element, and the ledger detail nested in the ledger, has 56 px targets and 20 px text in elder mode', async () => {
    const cases: Case[] = [...CASES, { tag: 'fg-hazard-ledger', mod: ledger, story: 'Supervised', primary: true, wait: 'fg-hazard-detail' }];
    for (const c of cases) {
      const el = await mountStory(c, container);
      el.setAttribute('elder', '');
      await frame();
      if (c.wait !== undefined) {
        const nested = deepElements(el).find((e) => e.matches(c.wait!))!;
        await until(() => deepElements(nested).some((e) => e instanceof HTMLButtonElement), `buttons in <${c.wait}>`);
      }
      const buttons = deepElements(el).filter((b): b is HTMLButtonElement => b instanceof HTMLButtonElement && b.getClientRects().length > 0);
      expect(buttons.length, `<${c.tag}> (${c.story}) shows buttons`).to.be.greaterThan(0);
      const small = buttons.filter((b) => b.getBoundingClientRect().height < 56).map((b) => `${b.getRootNode() instanceof ShadowRoot ? (b.getRootNode() as ShadowRoot).host.localName : ''} ${b.textContent.trim()}`);
      expect(small, `<${c.tag}> (${c.story}) buttons under 56 px in elder mode`).to.deep.equal([]);
      const first = el.shadowRoot!.firstElementChild!;
      expect(getComputedStyle(el).fontSize, `<${c.tag}> base text`).to.equal('20px');
      expect(parseFloat(getComputedStyle(first).fontSize)).to.be.at.least(20);
      container.replaceChildren();
    }
  });

  it('mode="public" gives the report and the registry the elder sizes', async () => {
    for (const c of [CASES[1]!, CASES[3]!]) {
      const el = await mountStory(c, container);
      el.setAttribute('mode', 'public');
      await settle(container);
      await frame();
      expect(getComputedStyle(el).fontSize, `<${c.tag} mode="public">`).to.equal('20px');
      const controls = deepElements(el).filter((b) => (b instanceof HTMLButtonElement || (b instanceof HTMLInputElement && b.type !== 'checkbox')) && b.getClientRects().length > 0);
      expect(controls.length, `<${c.tag} mode="public"> shows controls`).to.be.greaterThan(0);
      for (const b of controls) expect(b.getBoundingClientRect().height, `${b.localName}#${b.id}`).to.be.at.least(56);
      container.replaceChildren();
    }
  });
});

describe('one message component (issue 17)', () => {
  let container: HTMLElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => { container.remove(); });

  const regions = (el: Element): HTMLElement[] =>
    deepElements(el).filter((e): e is HTMLElement => e instanceof HTMLElement && /^(alert|status)$/.test(e.getAttribute('role') ?? ''));

  function check(found: HTMLElement[]): void {
    for (const r of found) {
      const tone = ['info', 'success', 'warning', 'error'].find((t) => r.classList.contains(t));
      expect(r.classList.contains('msg') && tone !== undefined, `${r.outerHTML.slice(0, 120)} is a .msg with a tone`).to.equal(true);
      expect(r.getAttribute('role'), r.outerHTML.slice(0, 120)).to.equal(tone === 'error' ? 'alert' : 'status');
      if (r.textContent.trim() !== '') {
        expect(getComputedStyle(r, '::before').content, 'the tone icon').to.not.equal('none');
        expect(getComputedStyle(r).color).to.equal(getComputedStyle(r).borderTopColor);
      }
    }
  }

  for (const c of CASES) {
    it(`${c.tag} (${c.story}): every status and alert line is the message, in its tone, with an icon`, async () => {
      check(regions(await mountStory(c, container)));
    });
    it(`${c.tag} without a client: the error is the message, role=alert, in the error tone`, async () => {
      const el = document.createElement(c.tag);
      container.append(el);
      await until(() => regions(el).some((r) => r.textContent.includes('fg-provider')), `the no-client alert of <${c.tag}>`);
      const found = regions(el);
      check(found);
      const alert = found.find((r) => r.textContent.includes('fg-provider'))!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(getComputedStyle(alert).color).to.equal('rgb(176, 0, 32)');
    });
  }
});
