// Shared setup of the fg-checklist tests: a memory host with a few places and the library's templates.
import { createFiregridClient, defineHost, memoryDataPort } from '@firegrid/core';
import type { ChecklistTemplate, DataPort, FiregridClient, FiregridHost, HostSession, MediaPort, Place } from '@firegrid/core';
import { dailyPatrol, highRiseResidential } from '@firegrid/core/templates';
import type { FgChecklist } from '@firegrid/elements/checklist';

export const SESSION: HostSession = {
  tenantId: 'demo', user: { id: 'w-0101', name: '李建国', roles: ['grid-worker'] }, scope: ['140106001001'], locale: 'zh-CN',
};

const t = '2026-01-01T00:00:00+08:00';
const stored = { version: 1, createdAt: t, updatedAt: t, tenantId: 'demo' };

export const HIGH_RISE: Place = {
  ...stored, id: '019a4b2c-0000-7000-8000-000000000001', kind: 'residential', name: '桥东小区 3 号楼',
  address: '迎泽区桥东街 18 号', gridId: '140106001001', building: { floors: 18, heightM: 54, households: 144, yearBuilt: 2012 },
};
export const OFFICE: Place = {
  ...stored, id: '019a4b2c-0000-7000-8000-000000000004', kind: 'public-building', name: '柳巷街道办事处',
  address: '迎泽区柳巷南路 1 号', gridId: '140106001001', building: { floors: 4, heightM: 16 },
};

/** A small template: two sections, a conditional item, evidence rules of every kind. */
export const SMALL: ChecklistTemplate = {
  ...stored,
  revision: 1,
  id: '0196a000-7e00-7000-8000-0000000000b1',
  title: { 'zh-CN': '楼道快速检查', en: 'Quick stairwell check' },
  appliesTo: { kinds: ['residential'] },
  sections: [
    { id: 's1', title: { 'zh-CN': '疏散', en: 'Evacuation' }, items: [
      { id: 'exits', text: { 'zh-CN': '疏散通道畅通', en: 'Escape routes clear' }, severity: 'general', category: 'exit-blocked',
        basis: { doc: '《高层民用建筑消防安全管理规定》（应急管理部令第5号）', clause: '第二十八条', verified: true },
        evidence: { photoOnFail: true, noteOnFail: true } },
      { id: 'doors', text: { 'zh-CN': '常闭式防火门保持常闭', en: 'Fire doors kept shut' }, severity: 'general', category: 'fire-door',
        basis: { doc: '《高层民用建筑消防安全管理规定》（应急管理部令第5号）', clause: '第二十八条', verified: true },
        evidence: { photoOnFail: false, noteOnFail: true } },
    ] },
    { id: 's2', title: { 'zh-CN': '电动自行车', en: 'E-bikes' }, items: [
      { id: 'shed', text: { 'zh-CN': '集中充电场所防火分隔', en: 'Charging area fire-separated' }, severity: 'general',
        basis: { doc: 'GB 35181-2025《重大火灾隐患判定规则》', verified: false }, evidence: { photoOnFail: false, noteOnFail: false },
        hint: { 'zh-CN': '没有的选“不适用”', en: 'Choose N/A where there is none' } },
      { id: 'cutoff', text: { 'zh-CN': '充满自动断电', en: 'Chargers cut off when full' }, severity: 'general', category: 'electrical',
        basis: { doc: '《高层民用建筑消防安全管理规定》（应急管理部令第5号）', clause: '第三十七条', verified: true },
        evidence: { photoOnFail: false, noteOnFail: false }, when: { not: { answer: 'shed', is: 'na' } } },
    ] },
  ],
};

export interface Setup {
  client: FiregridClient;
  data: DataPort;
  host: FiregridHost;
}

/** A client over a memory host. `templates` are stored in the host (none: the element falls back to the library). */
export function setup(options: {
  templates?: readonly ChecklistTemplate[];
  data?: (port: DataPort) => DataPort;
  media?: MediaPort;
  session?: HostSession;
} = {}): Setup {
  const port = memoryDataPort({ places: [HIGH_RISE, OFFICE], templates: options.templates ?? [SMALL, highRiseResidential, dailyPatrol] }, { tenantId: 'demo' });
  const data = options.data?.(port) ?? port;
  const session = options.session ?? SESSION;
  const host = defineHost({ session: () => Promise.resolve(session), data, ...(options.media !== undefined && { media: options.media }) });
  return { client: createFiregridClient({ host }), data, host };
}

/** Waits until the element has loaded and rendered (its loader runs over a few microtasks). */
export async function settled(el: FgChecklist): Promise<void> {
  // The loading code is a lazily imported chunk: on a loaded machine it can take longer than a
  // few tasks, so also wait (up to 15 s) until the loading status has gone.
  const loading = (): boolean => /正在加载检查表|Loading the checklist/.test(el.shadowRoot?.querySelector('[role=status]')?.textContent ?? '');
  const end = performance.now() + 15_000;
  for (let i = 0; i < 10 || (loading() && performance.now() < end); i++) {
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, i < 10 ? 0 : 16));
  }
}

/** A real PNG of the given size. */
export function png(width = 40, height = 30): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#c62828';
  g.fillRect(0, 0, width, height);
  return new Promise((resolve) => { canvas.toBlob((b) => { resolve(b!); }, 'image/png'); });
}

/** The shadow root's element for an item id. */
export const itemEl = (el: FgChecklist, id: string): HTMLElement =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[data-item]')].find((x) => x.dataset.item === id)!;

/** Clicks the radio of an item. */
export function choose(el: FgChecklist, id: string, result: 'pass' | 'fail' | 'na'): void {
  itemEl(el, id).querySelector<HTMLInputElement>(`input[value=${result}]`)!.click();
}
