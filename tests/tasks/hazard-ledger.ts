/**
 * The primary task of `fg-hazard-ledger`: take a transition. The grid supervisor finds the
 * reported hazard in 问题隐患清单, opens it, chooses 核实 and confirms — with the keyboard alone.
 * Done when `fg-hazard-transitioned` has fired and the stored hazard is `verified` with his
 * history entry. `exportCells` exports 问题隐患清单 as CSV with the keyboard (the 导出 menu) and returns its cells.
 */
import { createFiregridClient, defineHost, hazardCommands, memoryDataPort, newId, reporterPrivacy } from '@firegrid/core';
import type { DataPort, HazardInput, PlaceInput } from '@firegrid/core';
import '@firegrid/elements/hazard-ledger/define';
import type { HazardTransitionedDetail } from '@firegrid/elements/hazard-ledger';
import { HAZARD, ledgerSeed, supervisorSession } from '../../stories/hazard-ledger.stories.js';
import { parseCsv } from '../gates/csv.js';
import type { PrimaryTask } from './types.js';
import { waitFor } from '../support/wait.js';

interface State {
  data: DataPort;
  transitioned: HazardTransitionedDetail[];
  files: Blob[];
}

const states = new WeakMap<HTMLElement, State>();
const HOSTILE_PLACE = '019a4b2c-0000-7000-8000-00000000f002';


export const task: PrimaryTask = {
  tag: 'fg-hazard-ledger',
  name: 'take a transition',

  async mount(container, options = {}) {
    const hostile = (options.hostile ?? []).filter((s) => s.trim().length > 0);
    const seed = ledgerSeed();
    // Hostile strings arrive as what the host stores: hazard titles, descriptions, addresses and a place's name.
    const place: PlaceInput[] = hostile.length === 0 ? [] : [{
      id: HOSTILE_PLACE, kind: 'small-venue', name: hostile[0] ?? '', address: hostile[1] ?? '', gridId: '140106001001',
    }];
    const extra: HazardInput[] = hostile.map((value, i) => ({
      id: newId(), category: 'other', title: value, description: hostile[(i + 1) % hostile.length] ?? '', address: value, photos: [],
      source: 'worker', reporter: { kind: 'grid-worker', personId: 'w-0101', confidential: false }, severity: 'general',
      status: 'reported', gridId: '140106001001', ...(i % 2 === 0 ? { placeId: HOSTILE_PLACE } : {}),
    }));
    const data = memoryDataPort(
      { ...seed, places: [...(seed.places ?? []), ...place], hazards: [...(seed.hazards ?? []), ...extra] },
      { tenantId: 'demo', commands: hazardCommands({ actor: supervisorSession.user }) },
    );
    const base = defineHost({ session: () => Promise.resolve(supervisorSession), data: reporterPrivacy(data, supervisorSession.user) });
    const client = createFiregridClient({ host: options.wrapHost?.(base) ?? base });
    const el = document.createElement('fg-hazard-ledger');
    el.pageSize = 500;
    el.client = client;
    const state: State = { data, transitioned: [], files: [] };
    el.saveFile = (file) => { state.files.push(file); };
    el.addEventListener('fg-hazard-transitioned', (e) => { state.transitioned.push(e.detail); });
    container.append(el);
    await waitFor(() => el.shadowRoot?.querySelector('tbody, [role=alert]:not(:empty)') != null);
    await el.updateComplete;
    states.set(el, state);
    return el;
  },

  async run(el, keys) {
    const state = states.get(el);
    if (!state) throw new Error('hazard-ledger task: run() before mount()');
    await keys.tabTo((f) => f.getAttribute('data-hazard') === HAZARD.reported, { what: 'the reported hazard in the list', max: 200 });
    await keys.press('Enter');
    const detail = (): Element | null | undefined => el.shadowRoot?.querySelector('fg-hazard-detail');
    if (!await waitFor(() => detail()?.shadowRoot?.querySelector('[data-action="verify"]') != null)) {
      throw new Error('hazard-ledger task: the hazard did not open with a 核实 action');
    }
    await keys.tabTo((f) => f.getAttribute('data-action') === 'verify', { what: 'the 核实 action' });
    await keys.press('Enter');
    await waitFor(() => detail()?.shadowRoot?.querySelector('fg-hazard-transition-form') != null);
    await keys.tabTo((f) => f.id === 't-confirm', { what: 'the confirm button of 核实' });
    await keys.press('Enter');
    await waitFor(() => state.transitioned.length > 0);
  },

  async verify(el) {
    const state = states.get(el);
    if (!state) throw new Error('hazard-ledger task: verify() before mount()');
    const [done] = state.transitioned;
    if (done?.action !== 'verify' || done.to !== 'verified') throw new Error(`hazard-ledger task: no fg-hazard-transitioned for 核实 (got ${JSON.stringify(done)})`);
    const stored = await state.data.get('hazards', HAZARD.reported);
    if (stored?.status !== 'verified') throw new Error(`hazard-ledger task: the hazard is ${String(stored?.status)}, not verified`);
    const last = stored.history[stored.history.length - 1];
    if (last?.action !== 'verify' || last.by !== supervisorSession.user.id) throw new Error('hazard-ledger task: the history has no 核实 entry by the supervisor');
  },

  async exportCells(el, keys) {
    const state = states.get(el);
    if (!state) throw new Error('hazard-ledger task: exportCells() before mount()');
    // The exports are one menu: Enter opens it on its first item, 导出问题隐患清单 CSV.
    await keys.tabTo((f) => f.id === 'export', { what: 'the 导出 menu button', max: 200 });
    await keys.press('Enter');
    if (!await waitFor(() => (el.shadowRoot?.activeElement as HTMLElement | null)?.id === 'export-csv-problems')) {
      throw new Error('hazard-ledger task: Enter on 导出 did not focus the CSV export of 问题隐患清单');
    }
    await keys.press('Enter');
    if (!await waitFor(() => state.files.length > 0)) throw new Error('hazard-ledger task: no file was exported');
    const file = state.files[state.files.length - 1];
    return parseCsv(file === undefined ? '' : await file.text());
  },
};
