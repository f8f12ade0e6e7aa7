// checklist.render500.ratio (DESIGN §8): the first painted render of a 500-item <fg-checklist>
// divided by the fixed floor shared/bench/bare-list.js (500 rows × 3 radios), in the same browser
// run with the same timing rule: t0 just before the element is created, done when every radio is
// in the (shadow) DOM, measured to the task posted from the next animation frame. Every item's
// controls are in the DOM (no virtualisation, no collapsed sections). The element gets its
// client, place and template as properties, so the figure is rendering and the element's own
// loading (template validation, draft lookup), not a network.
//
// checklist.tap500.ratio (DESIGN §8): with the CPU throttled 4× (CDP), the median time from a tap
// on a choice (a click on its radio) to the next painted frame in the 500-item <fg-checklist>,
// divided by the same on the floor list, in the same run. The element's tap includes what it
// does before that frame: progress, visibility, the draft save it starts.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundlePage, openPage } from '../lib/page.js';
import { compareTo } from '../lib/figure.js';
import type { FigureModule } from '../lib/figure.js';

const N = 500;
const RUNS = 7;
/** Rounds of the tap figure, each the median of 9 taps on a freshly rendered list. */
const TAP_RUNS = 5;
/** CPU slow-down of the tap figure (CDP Emulation.setCPUThrottlingRate): a slow phone. */
const TAP_THROTTLE = 4;

const page = (bareList: string): string => `
import { runBareList, untilPainted, countRadios, afterPaint } from ${JSON.stringify(bareList)};
import { createFiregridClient, defineHost, memoryDataPort } from '@firegrid/core';
import '@firegrid/elements/checklist/define';

const t = '2026-01-01T00:00:00+08:00';
const stored = { version: 1, createdAt: t, updatedAt: t, tenantId: 'bench' };
const place = { ...stored, id: '019a4b2c-0000-7000-8000-000000000001', kind: 'residential', name: '桥东小区 3 号楼',
  address: '迎泽区桥东街 18 号', gridId: '140106001001', building: { floors: 6, heightM: 18 } };

function template(n) {
  const sections = [];
  for (let s = 0; s < n / 50; s++) {
    const items = [];
    for (let i = 0; i < 50; i++) {
      const k = s * 50 + i;
      items.push({ id: 'q' + k, text: { 'zh-CN': '检查项 ' + (k + 1) + '：消防车通道、灭火器、疏散指示标志', en: 'Item ' + (k + 1) },
        basis: { doc: '《高层民用建筑消防安全管理规定》（应急管理部令第5号）', clause: '第二十八条', verified: true },
        severity: 'general', category: 'exit-blocked', evidence: { photoOnFail: true, noteOnFail: true } });
    }
    sections.push({ id: 's' + s, title: { 'zh-CN': '第 ' + (s + 1) + ' 部分' }, items });
  }
  return { ...stored, revision: 1, id: '0196a000-7e00-7000-8000-0000000000be', title: { 'zh-CN': '500 项检查表' },
    appliesTo: { kinds: ['residential'] }, sections };
}

const app = () => document.getElementById('app');

function benchClient() {
  return createFiregridClient({ host: defineHost({
    session: () => Promise.resolve({ tenantId: 'bench', user: { id: 'w', name: 'w', roles: ['grid-worker'] }, scope: ['*'], locale: 'zh-CN' }),
    data: memoryDataPort({ places: [place] }),
  }) });
}

function radiosOf(root) {
  const out = [...root.querySelectorAll('input[type=radio]')];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) out.push(...radiosOf(el.shadowRoot));
  return out;
}

const quiet = () => new Promise((r) => setTimeout(r, 60));

// One tap: t0 just before the click on a choice's radio, done after the next painted frame (the
// same rule as the render figure). Taps go to different items spread over the list, alternating
// 合格 and 不适用, each after the page has gone quiet (the element's draft save included).
async function taps(container, n, count) {
  const times = [];
  const radios = radiosOf(container);
  for (let k = 0; k < count; k++) {
    await quiet();
    const item = (37 + k * 53) % n;
    const radio = radios[item * 3 + (k % 2 === 0 ? 0 : 2)];
    const t0 = performance.now();
    radio.click();
    const t = await afterPaint();
    if (!radio.checked) throw new Error('the tap on item ' + (item + 1) + ' did not check its radio');
    times.push(t.tPaint - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
const TAPS = 9;

window.bench = {
  async floor(n) {
    const r = await runBareList(app(), n);
    if (!r.complete) throw new Error('the floor list did not render ' + n * 3 + ' radios');
    return r.toPaint;
  },
  async floorTap(n) {
    const container = app();
    const el = document.createElement('bench-floor-list');
    el.items = Array.from({ length: n }, (_, i) => ({ id: 'q' + i, title: '检查项 ' + (i + 1) + '：消防车通道、灭火器、疏散指示标志' }));
    container.appendChild(el);
    try {
      const r = await untilPainted(performance.now(), () => countRadios(container) >= n * 3);
      if (!r.complete) throw new Error('the floor list did not render ' + n * 3 + ' radios');
      return await taps(container, n, TAPS);
    } finally {
      el.remove();
    }
  },
  async checklistTap(n) {
    const container = app();
    const el = document.createElement('fg-checklist');
    el.client = benchClient();
    el.place = place;
    el.template = template(n);
    container.appendChild(el);
    try {
      const r = await untilPainted(performance.now(), () => countRadios(container) >= n * 3);
      if (!r.complete) throw new Error('fg-checklist did not render ' + n * 3 + ' radios');
      return await taps(container, n, TAPS);
    } finally {
      el.remove();
    }
  },
  async checklist(n) {
    const tpl = template(n);
    const client = benchClient();
    const container = app();
    const t0 = performance.now();
    const el = document.createElement('fg-checklist');
    el.client = client;
    el.place = place;
    el.template = tpl;
    container.appendChild(el);
    const r = await untilPainted(t0, () => countRadios(container) >= n * 3);
    const shown = el.shadowRoot ? el.shadowRoot.textContent.slice(0, 300) : '';
    el.remove();
    if (!r.complete) throw new Error('fg-checklist did not render ' + n * 3 + ' radios; it showed: ' + shown);
    return r.toPaint;
  },
};
`;

export default {
  name: 'checklist',
  async run(ctx) {
    const bareList = resolve(ctx.root, '../shared/bench/bare-list.js');
    if (!existsSync(bareList)) throw new Error(`the floor ${bareList} is missing: shared/ must sit beside the repository`);
    ctx.progress('bundling the page …');
    const script = await bundlePage(ctx.root, page(bareList), 'checklist');
    const tab = await openPage(ctx, script, { width: 412, height: 915 });
    try {
      const measure = (which: 'floor' | 'checklist'): Promise<number> => tab.call(which, N);
      ctx.progress('warming up …');
      await measure('floor');
      await measure('checklist');
      // Interleaved, so a slow spell of the machine falls on both alike.
      const floor: number[] = [];
      const element: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        ctx.progress(`run ${i + 1}/${RUNS} …`);
        floor.push(await measure('floor'));
        element.push(await measure('checklist'));
      }
      const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
      const floorMs = mid(floor);
      const elementMs = mid(element);
      const ratio = Math.round((elementMs / floorMs) * 100) / 100;

      // Taps on a slow phone: the CPU throttled 4×, the floor list and the element interleaved.
      await tab.throttle(TAP_THROTTLE);
      ctx.progress('taps: warming up …');
      await tab.call('floorTap', N);
      await tab.call('checklistTap', N);
      const floorTaps: number[] = [];
      const elementTaps: number[] = [];
      for (let i = 0; i < TAP_RUNS; i++) {
        ctx.progress(`taps: run ${i + 1}/${TAP_RUNS} …`);
        floorTaps.push(await tab.call('floorTap', N));
        elementTaps.push(await tab.call('checklistTap', N));
      }
      await tab.throttle(1);
      const floorTapMs = mid(floorTaps);
      const elementTapMs = mid(elementTaps);
      const tapRatio = Math.round((elementTapMs / floorTapMs) * 100) / 100;
      return [
        { name: 'checklist.tap500.ms', value: Math.round(elementTapMs * 10) / 10, unit: 'ms' },
        {
          name: 'checklist.tap500.ratio', value: tapRatio, unit: 'ratio',
          compare: compareTo(tapRatio, { target: 1.3, baseline: 'shared/bench/bare-list.js', baselineValue: Math.round(floorTapMs * 10) / 10 }),
        },
        { name: 'checklist.render500.ms', value: Math.round(elementMs * 10) / 10, unit: 'ms' },
        {
          name: 'checklist.render500.ratio', value: ratio, unit: 'ratio',
          compare: compareTo(ratio, { target: 1.2, baseline: 'shared/bench/bare-list.js', baselineValue: Math.round(floorMs * 10) / 10 }),
        },
      ];
    } finally {
      await tab.close();
    }
  },
} satisfies FigureModule;
