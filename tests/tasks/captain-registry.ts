/**
 * The primary task of `fg-captain-registry`: register a captain. A grid worker finds the first
 * building without a captain (gaps come first), opens 登记楼长, types the captain's name and phone
 * and saves — with the keyboard alone. Done when `fg-captain-save` has fired and the captain is
 * stored for that building with what was typed. `exportCells` exports the registry as CSV with the
 * keyboard and returns its cells.
 */
import type { DataPort, FloorCaptain, Place } from '@firegrid/core';
import '@firegrid/elements/captain-registry/define';
import { captainClient, captainNow, captainOrgUnits, captainWorld } from '../../stories/captain-registry.stories.js';
import { parseCsv } from '../gates/csv.js';
import type { PrimaryTask } from './types.js';
import { waitFor } from '../support/wait.js';

interface State {
  data: DataPort;
  saved: FloorCaptain[];
  files: Blob[];
  typed: { name?: string; phone?: string };
  /** The building the task registers a captain for: the first row, a gap. */
  building?: Place;
}

const states = new WeakMap<HTMLElement, State>();


export const task: PrimaryTask = {
  tag: 'fg-captain-registry',
  name: 'register a captain',

  async mount(container, options = {}) {
    const hostile = (options.hostile ?? []).filter((s) => s.trim().length > 0);
    const world = captainWorld({ buildings: 16, covered: 0.5 });
    // Hostile strings arrive as what the host stores: building names and addresses, captains' names.
    hostile.forEach((value, i) => {
      const place = world.places[i % world.places.length];
      if (place === undefined) return;
      if (i < world.places.length) place.name = value;
      else place.address = value;
    });
    hostile.forEach((value, i) => {
      const captain = world.captains[i % Math.max(1, world.captains.length)];
      if (captain !== undefined && i < world.captains.length) captain.person.name = value;
    });
    const client = captainClient(world, options.wrapHost === undefined ? {} : { wrapHost: options.wrapHost });
    const data = client.data;
    const el = document.createElement('fg-captain-registry');
    el.client = client;
    el.orgUnits = captainOrgUnits;
    const state: State = { data, saved: [], files: [], typed: {} };
    el.saveFile = (file) => { state.files.push(file); };
    el.addEventListener('fg-captain-save', (e) => { state.saved.push(e.detail.captain); });
    container.append(el);
    await waitFor(() => el.shadowRoot?.querySelector('[part~="row"], [role=alert]:not(:empty)') != null);
    await el.updateComplete;
    // The first row is the first gap: the building the worker registers a captain for.
    const first = el.shadowRoot?.querySelector('[part~="row"].vacant .name')?.textContent;
    state.building = world.places.find((p) => p.name === first);
    states.set(el, state);
    return el;
  },

  async run(el, keys, inputs) {
    const state = states.get(el);
    if (!state) throw new Error('captain-registry task: run() before mount()');
    await keys.tabTo((f) => f.getAttribute('data-action') === 'register', { what: 'the 登记楼长 button of the first gap', max: 80 });
    await keys.press('Enter');
    if (!await waitFor(() => el.shadowRoot?.querySelector<HTMLDialogElement>('#editor')?.open === true)) {
      throw new Error('captain-registry task: 登记楼长 did not open the form');
    }
    await keys.tabTo((f) => f.id === 'f-name', { what: "the captain's name" });
    state.typed.name = inputs.text('name', '赵海燕');
    await keys.type(state.typed.name);
    await keys.tabTo((f) => f.id === 'f-phone', { what: 'the phone' });
    state.typed.phone = inputs.text('phone', '135 1234 5678');
    await keys.type(state.typed.phone);
    await keys.tabTo((f) => f.getAttribute('type') === 'submit' && f.closest('#editor') !== null, { what: 'the 保存 button' });
    await keys.press('Enter');
    await waitFor(() => state.saved.length > 0);
  },

  async verify(el) {
    const state = states.get(el);
    if (!state) throw new Error('captain-registry task: verify() before mount()');
    const [saved] = state.saved;
    if (saved === undefined) {
      const alert = el.shadowRoot?.querySelector('#editor [role=alert]')?.textContent ?? '';
      const field = [...(el.shadowRoot?.querySelectorAll('#editor .error') ?? [])].map((e) => e.textContent).join(' ');
      throw new Error(`captain-registry task: no fg-captain-save event; the form says ${JSON.stringify((alert + field).slice(0, 160))}`);
    }
    if (saved.buildingId !== state.building?.id) throw new Error('captain-registry task: the captain is not for the first gap');
    const stored = (await state.data.list('captains', { placeId: saved.buildingId, limit: 500 })).items.find((c) => c.id === saved.id);
    if (stored === undefined) throw new Error('captain-registry task: the captain was not stored');
    if (stored.person.name !== state.typed.name?.trim()) throw new Error('captain-registry task: the stored name is not what was typed');
    if (stored.term.from !== '2026-11-02' || stored.term.to !== undefined) throw new Error(`captain-registry task: the term is ${JSON.stringify(stored.term)}, expected from today (${captainNow.toISOString()})`);
  },

  async exportCells(el, keys) {
    const state = states.get(el);
    if (!state) throw new Error('captain-registry task: exportCells() before mount()');
    await keys.tabTo((f) => f.id === 'export-csv', { what: 'the CSV export' });
    await keys.press('Enter');
    if (!await waitFor(() => state.files.length > 0)) throw new Error('captain-registry task: no file was exported');
    const file = state.files[state.files.length - 1];
    return parseCsv(file === undefined ? '' : await file.text());
  },
};
