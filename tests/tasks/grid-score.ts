/**
 * The primary task of `fg-grid-score`: open a score breakdown. A grid supervisor looks at the
 * ranking of a community, opens one worker's breakdown and the evidence of his coverage points —
 * with the keyboard alone. Done when `fg-score-select` named that worker, the element shows his
 * breakdown, and the coverage evidence is open with the explanation of its points.
 */
import '@firegrid/elements/grid-score/define';
import { FgGridScore } from '@firegrid/elements/grid-score';
import { scoreClient, scoreMe, scoreWorld } from '../../stories/grid-score.stories.js';
import type { PrimaryTask } from './types.js';

interface State {
  /** The worker the task opens: the second of the ranking who is not the signed-in user. */
  target: string;
  /** His name as the ranking shows it. */
  name: string;
  selected: string[];
}

const states = new WeakMap<HTMLElement, State>();

function asScore(el: HTMLElement): FgGridScore {
  if (!(el instanceof FgGridScore)) throw new Error(`grid-score task: expected <fg-grid-score>, got <${el.localName}>`);
  return el;
}

function rankingRows(el: FgGridScore): HTMLTableRowElement[] {
  return [...(el.shadowRoot?.querySelectorAll<HTMLTableRowElement>('tbody tr[data-worker]') ?? [])];
}

export const task: PrimaryTask = {
  tag: 'fg-grid-score',
  name: 'open a score breakdown',

  async mount(container, options = {}) {
    const hostile = (options.hostile ?? []).filter((s) => s.trim().length > 0);
    const world = scoreWorld();
    // Hostile strings arrive as what the host stores: workers' and places' names.
    if (hostile.length > 0) {
      world.workers.forEach((w, i) => { w.name = hostile[i % hostile.length] ?? w.name; });
      world.places.forEach((p, i) => { p.name = hostile[(i + 3) % hostile.length] ?? p.name; });
    }
    const me = scoreMe(world);
    const client = scoreClient(world, options.wrapHost === undefined ? {} : { wrapHost: options.wrapHost });
    const el = document.createElement('fg-grid-score');
    el.client = client;
    el.view = 'scope';
    el.rankBy = 'community';
    const state: State = { target: '', name: '', selected: [] };
    el.addEventListener('fg-score-select', (e) => { state.selected.push(e.detail.workerId); });
    states.set(el, state);
    container.append(el);
    await el.ready;
    const other = rankingRows(el).map((r) => r.dataset.worker ?? '').filter((id) => id !== '' && id !== me.id);
    state.target = other[1] ?? other[0] ?? '';
    state.name = el.shadowRoot?.querySelector(`button.link[data-worker="${state.target}"]`)?.textContent.trim() ?? '';
    return el;
  },

  async run(el, keys) {
    const state = states.get(el);
    if (!state) throw new Error('grid-score task: run() before mount()');
    if (state.target === '') throw new Error('grid-score task: the ranking shows no other worker to open');
    await keys.tabTo((f) => f instanceof HTMLButtonElement && f.dataset.worker === state.target, { what: "the worker's name in the ranking" });
    await keys.press('Enter');
    await asScore(el).updateComplete;
    await keys.tabTo((f) => f instanceof HTMLButtonElement && f.getAttribute('part') === 'details-toggle' && f.dataset.metric === 'coverage', {
      what: 'the 依据 button of 巡查覆盖',
    });
    await keys.press('Enter');
    await asScore(el).updateComplete;
  },

  async verify(el) {
    const state = states.get(el);
    if (!state) throw new Error('grid-score task: verify() before mount()');
    const score = asScore(el);
    await score.updateComplete;
    if (state.selected.join() !== state.target) {
      throw new Error(`grid-score task: fg-score-select named [${state.selected.join(', ')}], not the worker opened (${state.target})`);
    }
    if (score.view !== 'worker') throw new Error(`grid-score task: the element shows the ${score.view} view, not the breakdown`);
    const root = score.shadowRoot;
    const toggle = root?.querySelector<HTMLButtonElement>('button[part="details-toggle"][data-metric="coverage"]');
    if (toggle?.getAttribute('aria-expanded') !== 'true') throw new Error('grid-score task: the coverage evidence is not open');
    const panel = root?.getElementById(toggle.getAttribute('aria-controls') ?? '');
    if (!panel || panel.hidden || panel.textContent.trim() === '') throw new Error('grid-score task: the coverage evidence is empty or hidden');
    const metric = root?.querySelector('[part="metric"][data-metric="coverage"] .explanation')?.textContent ?? '';
    if (!/巡查覆盖 \d+\/\d+ 处场所 \([\d.]+%\) × 30 = [\d.]+ 分|网格内没有本期需巡查的场所/.test(metric)) {
      throw new Error(`grid-score task: the coverage explanation reads "${metric}"`);
    }
    const title = root?.getElementById('title')?.textContent ?? '';
    if (state.name === '' || !title.includes(state.name)) throw new Error(`grid-score task: the breakdown is titled "${title}", not for ${state.name}`);
  },
};
