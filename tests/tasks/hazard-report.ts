/**
 * The primary task of `fg-hazard-report`: report a hazard. A grid worker reopens the report he
 * started (its place chosen from the host's directory), picks the category, describes what he
 * saw, adds the address and submits — with the keyboard alone. Done when `fg-hazard-submit` has
 * fired and the hazard is stored as `reported` with what was typed.
 */
import { createFiregridClient, memoryDataPort, newId } from '@firegrid/core';
import type { DataPort, Hazard, HostSession, MemorySeed } from '@firegrid/core';
import '@firegrid/elements/hazard-report/define';
import { demoSeed, demoSession } from '../../examples/demo-data.js';
import { reportHost } from '../../stories/hazard-report.stories.js';
import type { PrimaryTask } from './types.js';

interface State {
  data: DataPort;
  submitted: Hazard[];
  typed: { description?: string; address?: string };
}

const states = new WeakMap<HTMLElement, State>();
const PLACE = '019a4b2c-0000-7000-8000-00000000f001';

async function settled(el: Element): Promise<void> {
  for (let i = 0; i < 8; i++) {
    await (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete;
    await new Promise((r) => setTimeout(r, 0));
  }
}

const byId = (id: string) => (el: Element): boolean => el.id === id;

export const task: PrimaryTask = {
  tag: 'fg-hazard-report',
  name: 'report a hazard',

  async mount(container, options = {}) {
    const hostile = (options.hostile ?? []).filter((s) => s.trim().length > 0);
    const t = '2026-11-02T09:00:00+08:00';
    // The place the draft points at: its name and address come from the host's data.
    const seed: MemorySeed = {
      ...demoSeed,
      places: [...(demoSeed.places ?? []), {
        id: PLACE, version: 1, createdAt: t, updatedAt: t, tenantId: 'demo', kind: 'small-venue',
        name: hostile[0] ?? '柳巷南路 21 号 老王五金店（仓库）', address: hostile[1] ?? '迎泽区柳巷南路 21 号', gridId: '140106001001',
      }],
    };
    const data = memoryDataPort(seed);
    const session: HostSession = hostile.length === 0 ? demoSession : { ...demoSession, user: { ...demoSession.user, name: hostile[2] ?? demoSession.user.name } };
    const base = reportHost({ data, session });
    const client = createFiregridClient({ host: options.wrapHost?.(base) ?? base });
    // The worker started this report earlier: the place is chosen, the rest is to do. (A host
    // whose session is broken refuses the draft; the element must then say why, so it mounts anyway.)
    await client.drafts.save('hazards', {
      id: newId(), status: 'draft', source: 'worker', placeId: PLACE, gridId: '140106001001', description: '', address: '', photos: [],
    }).catch(() => undefined);
    const el = document.createElement('fg-hazard-report');
    el.client = client;
    const state: State = { data, submitted: [], typed: {} };
    el.addEventListener('fg-hazard-submit', (e) => { state.submitted.push(e.detail.hazard); });
    container.append(el);
    // Until the form or an alert shows (up to 10 s: a loaded CI box is slow to load the place).
    const deadline = Date.now() + 10_000;
    while (el.shadowRoot?.querySelector('form') == null && el.shadowRoot?.querySelector('[role=alert]:not(:empty)') == null && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await settled(el);
    states.set(el, state);
    return el;
  },

  async run(el, keys, inputs) {
    const state = states.get(el);
    if (!state) throw new Error('hazard-report task: run() before mount()');
    await keys.tabTo(byId('category'), { what: 'the category select' });
    // On a closed <select>, ArrowDown picks the next option: the first category.
    await keys.press('ArrowDown');
    await keys.tabTo(byId('description'), { what: 'the description' });
    state.typed.description = inputs.text('description', '五金店后门安全出口堆满纸箱，门锁住打不开');
    await keys.type(state.typed.description);
    await keys.tabTo(byId('address'), { what: 'the address' });
    state.typed.address = inputs.text('address', '后门（靠柳巷南路一侧）');
    await keys.type(state.typed.address);
    await keys.tabTo(byId('submit'), { what: 'the submit button' });
    await keys.press('Enter');
    for (let i = 0; i < 100 && state.submitted.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  },

  async verify(el) {
    const state = states.get(el);
    if (!state) throw new Error('hazard-report task: verify() before mount()');
    const [hazard] = state.submitted;
    if (hazard === undefined) {
      const alert = el.shadowRoot?.querySelector('[role=alert]')?.textContent ?? '';
      throw new Error(`hazard-report task: no fg-hazard-submit event; the form says ${JSON.stringify(alert.slice(0, 160))}`);
    }
    const stored = await state.data.get('hazards', hazard.id);
    if (stored?.status !== 'reported') throw new Error(`hazard-report task: the hazard is not stored as reported (${JSON.stringify(stored?.status)})`);
    if (stored.category !== 'fire-lane-blocked') throw new Error(`hazard-report task: category ${stored.category}, expected the first one (fire-lane-blocked)`);
    if (stored.placeId !== PLACE) throw new Error('hazard-report task: the place of the draft was lost');
    if (stored.description !== state.typed.description?.trim()) throw new Error('hazard-report task: the stored description is not what was typed');
    if (stored.address !== state.typed.address?.trim()) throw new Error('hazard-report task: the stored address is not what was typed');
  },
};
