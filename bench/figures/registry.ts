// registry.render1000.ms and registry.render100000.ms (DESIGN §8): the first painted screen of
// <fg-captain-registry> with 1,000 and with 100,000 high-rise residential buildings (80% with a
// captain), target 100k ≤ 2 × 1k + 5 ms. Same timing rule as the other render figures
// (shared/bench/bare-list.js `untilPainted`): t0 just before the element is created, done when the
// coverage and the first screen of rows are in the shadow DOM, measured to the task posted from
// the next animation frame. The buildings and captains are given as properties (made before t0,
// and passed through JSON as records arrive from a server),
// so the figure is the element — coverage, gaps-first ordering, the virtualised list — not a
// network. Medians of 7 runs, the two sizes interleaved.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundlePage, openPage } from '../lib/page.js';
import { compareTo } from '../lib/figure.js';
import type { FigureModule } from '../lib/figure.js';

const SIZES = [1_000, 100_000] as const;
const RUNS = 7;
/** Rows that make the first screen (the list is 44em tall; rows are about 4em). */
const FIRST_SCREEN = 8;

const page = (bareList: string): string => `
import { untilPainted } from ${JSON.stringify(bareList)};
import '@firegrid/elements/captain-registry/define';

const t = '2026-01-01T00:00:00+08:00';
const stored = { version: 1, createdAt: t, updatedAt: t, tenantId: 'bench' };
const COMPOUNDS = ['桥东小区', '柳巷花园', '迎泽苑', '双塔西街小区', '南宫公寓', '青年路小区', '朝阳新村', '五一广场公寓'];
const hex = (n, w) => n.toString(16).padStart(w, '0');

function world(n) {
  const places = [];
  const captains = [];
  for (let i = 0; i < n; i++) {
    const id = '019a4b2c-0001-7000-8000-' + hex(i, 12);
    const c = COMPOUNDS[i % COMPOUNDS.length];
    places.push({ ...stored, id, kind: 'residential', name: c + ' ' + (Math.floor(i / COMPOUNDS.length) + 1) + ' 号楼',
      address: '迎泽区' + c, gridId: '140106' + String(i % 100).padStart(6, '0') + '001',
      building: { floors: 18 + (i % 15), heightM: 54 + (i % 15) * 3, households: 72 + (i % 9) * 12 } });
    const spot = (i * 37) % 100;
    if (spot >= 80) continue;
    captains.push({ ...stored, id: '019a4b2c-0002-7000-8000-' + hex(i, 12), buildingId: id,
      person: { id: 'p' + i, name: '李芳' + (i % 97), phone: '138' + String(10000000 + i).slice(-8) },
      duties: ['巡查楼道', '劝阻电动自行车入户'], term: { from: '2025-06-01' },
      ...(spot < 60 ? { publicisedAt: '2025-06-10T10:00:00+08:00' } : {}) });
  }
  // Records reach a host as JSON: parsed strings, as a server or IndexedDB gives them.
  return JSON.parse(JSON.stringify({ places, captains }));
}

const worlds = {};
const app = () => document.getElementById('app');

window.bench = {
  prepare(n) { worlds[n] ??= world(n); return worlds[n].places.length; },
  async registry(n) {
    const w = worlds[n] ??= world(n);
    const container = app();
    const want = Math.min(${FIRST_SCREEN}, n);
    const t0 = performance.now();
    const el = document.createElement('fg-captain-registry');
    el.buildings = w.places;
    el.captains = w.captains;
    container.appendChild(el);
    const r = await untilPainted(t0, () => {
      const root = el.shadowRoot;
      return root !== null && root.querySelector('[part~="coverage"]') !== null && root.querySelectorAll('[part~="row"]').length >= want;
    });
    const shown = el.shadowRoot ? el.shadowRoot.textContent.slice(0, 300) : '';
    el.remove();
    if (!r.complete) throw new Error('fg-captain-registry did not show ' + want + ' rows; it showed: ' + shown);
    return r.toPaint;
  },
};
`;

export default {
  name: 'registry',
  async run(ctx) {
    const bareList = resolve(ctx.root, '../shared/bench/bare-list.js');
    if (!existsSync(bareList)) throw new Error(`the timing rule ${bareList} is missing: shared/ must sit beside the repository`);
    ctx.progress('bundling the page …');
    const script = await bundlePage(ctx.root, page(bareList), 'registry');
    const tab = await openPage(ctx, script, { width: 1024, height: 900 });
    try {
      const call = (fn: 'prepare' | 'registry', n: number): Promise<number> => tab.call(fn, n);
      for (const n of SIZES) {
        ctx.progress(`making ${n.toLocaleString('en')} buildings …`);
        await call('prepare', n);
      }
      ctx.progress('warming up …');
      for (const n of SIZES) await call('registry', n);
      const times = new Map<number, number[]>(SIZES.map((n) => [n, []]));
      for (let i = 0; i < RUNS; i++) {
        ctx.progress(`run ${i + 1}/${RUNS} …`);
        for (const n of SIZES) times.get(n)?.push(await call('registry', n));
      }
      const mid = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
      const round = (x: number): number => Math.round(x * 10) / 10;
      const small = round(mid(times.get(SIZES[0]) ?? []));
      const large = round(mid(times.get(SIZES[1]) ?? []));
      return [
        { name: 'registry.render1000.ms', value: small, unit: 'ms' },
        {
          name: 'registry.render100000.ms', value: large, unit: 'ms',
          compare: compareTo(large, { target: round(2 * small + 5), baseline: 'registry.render1000.ms', baselineValue: small }),
        },
      ];
    } finally {
      await tab.close();
    }
  },
} satisfies FigureModule;
