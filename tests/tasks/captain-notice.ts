/**
 * The primary task of `fg-captain-notice`: print the notice of a building. A grid worker opens
 * the notice (公示牌) of a building with a captain and prints it — with the keyboard alone. Done
 * when the browser's print was asked for while the notice showed the captain's name and phone and
 * the tip-off QR code. (What the printout looks like on A4 and A5 is checked by
 * tests/node/captain-notice-print.node.test.ts.)
 */
import { activeCaptain } from '@firegrid/core';
import type { FloorCaptain } from '@firegrid/core';
import '@firegrid/elements/captain-notice/define';
import { captainClient, captainNow, captainWorld } from '../../stories/captain-registry.stories.js';
import { noticeBuildingId } from '../../stories/captain-notice.stories.js';
import type { PrimaryTask } from './types.js';

interface State {
  captain: FloorCaptain;
  printed: number;
  restore: () => void;
}

const states = new WeakMap<HTMLElement, State>();

export const task: PrimaryTask = {
  tag: 'fg-captain-notice',
  name: 'print the notice of a building',

  async mount(container, options = {}) {
    const hostile = (options.hostile ?? []).filter((s) => s.trim().length > 0);
    const world = captainWorld();
    const captain = activeCaptain(world.captains, noticeBuildingId, captainNow);
    const building = world.places.find((p) => p.id === noticeBuildingId);
    if (captain === undefined || building === undefined) throw new Error('captain-notice task: the story world has no captain for the notice building');
    // Hostile strings arrive as what the host stores: the building's name and address, the captain's name, his duties.
    if (hostile.length > 0) {
      building.name = hostile[0] ?? building.name;
      building.address = hostile[1] ?? building.address;
      captain.person.name = hostile[2] ?? captain.person.name;
      captain.duties = hostile.slice(3, 12);
      if (captain.duties.length === 0) captain.duties = [hostile[0] ?? '巡查'];
    }
    const client = captainClient(world, options.wrapHost === undefined ? {} : { wrapHost: options.wrapHost });
    const el = document.createElement('fg-captain-notice');
    el.client = client;
    el.buildingId = noticeBuildingId;
    // The browser's print dialog cannot be driven from a test; count the requests instead.
    const original = window.print.bind(window);
    const state: State = { captain, printed: 0, restore: () => { window.print = original; } };
    window.print = () => { state.printed++; };
    states.set(el, state);
    container.append(el);
    await el.ready;
    return el;
  },

  async run(el, keys) {
    if (!states.has(el)) throw new Error('captain-notice task: run() before mount()');
    await keys.tabTo((f) => f.getAttribute('part') === 'print', { what: 'the 打印公示牌 button' });
    await keys.press('Enter');
    await new Promise((r) => setTimeout(r, 50));
  },

  async verify(el) {
    const state = states.get(el);
    if (!state) throw new Error('captain-notice task: verify() before mount()');
    state.restore();
    if (state.printed !== 1) throw new Error(`captain-notice task: print was asked for ${state.printed} times, not once`);
    const sheet = el.shadowRoot?.querySelector('[part~="sheet"]');
    const text = sheet?.textContent ?? '';
    if (!text.includes(state.captain.person.name) || !text.includes(state.captain.person.phone)) {
      throw new Error("captain-notice task: the printed sheet does not show the captain's name and phone");
    }
    if (sheet?.querySelector('[part~="qr"] svg path') == null) throw new Error('captain-notice task: the sheet has no tip-off QR code');
    await Promise.resolve();
  },
};
