/**
 * The primary task of `fg-checklist`: fill a whole inspection and submit it with the keyboard
 * alone — pass one item, fail one with a photo (through the host's camera bridge) and a note,
 * mark a charging area "not applicable" so the item that hangs on it vanishes, pass the rest,
 * and submit. The outcome: the submitted inspection with those answers, and one hazard draft.
 */
import { createFiregridClient, defineHost, memoryDataPort } from '@firegrid/core';
import type { ChecklistTemplate, FiregridClient, HostSession, Place } from '@firegrid/core';
import '@firegrid/elements/checklist/define';
import type { FgChecklist } from '@firegrid/elements/checklist';
import type { ChecklistSubmitDetail } from '@firegrid/elements/checklist';
import type { KeyboardDriver, PrimaryTask } from './types.js';

const session: HostSession = {
  tenantId: 'demo', user: { id: 'w-0101', name: '李建国', roles: ['grid-worker'] }, scope: ['140106001001'], locale: 'zh-CN',
};
const t = '2026-01-01T00:00:00+08:00';
const stored = { version: 1, createdAt: t, updatedAt: t, tenantId: 'demo' };
const REG = '《高层民用建筑消防安全管理规定》（应急管理部令第5号）';

function place(hostile: readonly string[]): Place {
  return {
    ...stored, id: '019a4b2c-0000-7000-8000-000000000001', kind: 'residential', name: hostile[0] ?? '桥东小区 3 号楼',
    address: hostile[1] ?? '迎泽区桥东街 18 号', gridId: '140106001001', building: { floors: 18, heightM: 54 },
  };
}

function template(hostile: readonly string[]): ChecklistTemplate {
  const text = (zh: string, k: number) => ({ 'zh-CN': hostile[k] === undefined ? zh : `${hostile[k]}${zh}`, en: zh });
  return {
    ...stored,
    revision: 1,
    id: '0196a000-7e00-7000-8000-0000000000d1',
    title: text('楼道快速检查', 2),
    appliesTo: { kinds: ['residential'], highRise: true },
    sections: [
      { id: 'evacuation', title: text('疏散', 3), items: [
        { id: 'exits', text: text('疏散通道、安全出口畅通', 4), severity: 'general', category: 'exit-blocked',
          basis: { doc: REG, clause: '第二十八条', verified: true }, evidence: { photoOnFail: true, noteOnFail: true } },
        { id: 'doors', text: text('常闭式防火门保持常闭', 5), severity: 'general', category: 'fire-door',
          basis: { doc: REG, clause: '第二十八条', verified: true }, evidence: { photoOnFail: true, noteOnFail: true } },
      ] },
      { id: 'ebike', title: text('电动自行车', 6), items: [
        { id: 'charging-area', text: text('集中充电场所与建筑其他部分防火分隔', 7), severity: 'general', category: 'ebike-indoor',
          basis: { doc: REG, clause: '第三十七条', verified: true }, evidence: { photoOnFail: false, noteOnFail: true } },
        { id: 'auto-cutoff', text: text('充电设施充满自动断电', 8), severity: 'general', category: 'electrical',
          basis: { doc: REG, clause: '第三十七条', verified: true }, evidence: { photoOnFail: false, noteOnFail: true },
          when: { not: { answer: 'charging-area', is: 'na' } } },
        { id: 'lobby', text: text('门厅、楼梯间无电动自行车停放充电', 9), severity: 'general', category: 'ebike-indoor',
          basis: { doc: REG, clause: '第三十七条', verified: true }, evidence: { photoOnFail: true, noteOnFail: true } },
      ] },
    ],
  };
}

/** A 2 × 2 PNG, as a phone camera bridge would hand one over. */
async function photo(): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = 2;
  canvas.height = 2;
  return new Promise((resolve, reject) => { canvas.toBlob((b) => { if (b) resolve(b); else reject(new Error('no PNG')); }, 'image/png'); });
}

interface State {
  client: FiregridClient;
  submitted?: ChecklistSubmitDetail;
  note?: string;
}
const states = new WeakMap<HTMLElement, State>();

async function settled(el: FgChecklist): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
  }
}

/**
 * Waits until the checklist shows its items (or an alert). A fixed number of turns is not enough on a
 * loaded CI box: the place and the template arrive through the host adapter, and the gate read the
 * element while it still said 加载中 (CI run of 2026-12-07).
 */
async function rendered(el: FgChecklist): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    await settled(el);
    if (el.shadowRoot?.querySelector('[data-item], [role=alert]')) return;
    if (Date.now() > deadline) throw new Error('fg-checklist task: no item and no alert 10 s after mount');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The item id of a focused control, if it is one of the checklist's. */
const itemOf = (el: Element): string | undefined => el.closest<HTMLElement>('[data-item]')?.dataset.item;
const isRadioOf = (id: string) => (el: Element) => el instanceof HTMLInputElement && el.type === 'radio' && itemOf(el) === id;

async function answer(keys: KeyboardDriver, el: FgChecklist, id: string, result: 'pass' | 'fail' | 'na'): Promise<void> {
  // Tabbing into an unanswered radio group lands on its first radio ("合格"); arrows move and check.
  await keys.tabTo(isRadioOf(id), { what: `the radios of item ${id}` });
  if (result === 'pass') await keys.press('Space');
  if (result === 'fail') await keys.press('ArrowRight');
  // From the first radio, ArrowLeft wraps round to the last ("不适用").
  if (result === 'na') await keys.press('ArrowLeft');
  await settled(el);
}

export const task: PrimaryTask = {
  tag: 'fg-checklist',
  name: 'fill an inspection with a failed item, its photo and note, and submit it',

  async mount(container, options = {}) {
    const hostile = (options.hostile ?? []).filter((s) => s.length > 0);
    const base = defineHost({
      session: () => Promise.resolve(session),
      data: memoryDataPort({ places: [place(hostile)], templates: [template(hostile)] }, { tenantId: 'demo' }),
      media: { capture: () => photo().then((b) => [b]) },
    });
    const client = createFiregridClient({ host: options.wrapHost?.(base) ?? base });
    const el = document.createElement('fg-checklist');
    el.client = client;
    el.placeId = place([]).id;
    el.templateId = template([]).id;
    const state: State = { client };
    el.addEventListener('fg-checklist-submit', (e) => { state.submitted = e.detail; });
    container.append(el);
    await rendered(el);
    states.set(el, state);
    return el;
  },

  async run(el, keys, inputs) {
    const state = states.get(el);
    if (!state) throw new Error('fg-checklist task: run() before mount()');
    if (el.tagName !== 'FG-CHECKLIST') throw new Error('fg-checklist task: run() got another element');
    const checklist = el as unknown as FgChecklist;
    await answer(keys, checklist, 'exits', 'pass');
    await answer(keys, checklist, 'doors', 'fail');
    // The failed item asks for a photo (the host's camera bridge answers) and a note.
    await keys.tabTo((f) => f.classList.contains('add-photo') && itemOf(f) === 'doors', { what: 'the photo button of item doors' });
    await keys.press('Enter');
    await settled(checklist);
    await settled(checklist);
    await keys.tabTo((f) => f instanceof HTMLTextAreaElement && itemOf(f) === 'doors', { what: 'the note of item doors', reverse: true });
    state.note = inputs.text('note', '三楼防火门用木楔顶开，闭门器损坏');
    await keys.type(state.note);
    await settled(checklist);
    await answer(keys, checklist, 'charging-area', 'na');
    await answer(keys, checklist, 'lobby', 'pass');
    await keys.tabTo((f) => f instanceof HTMLButtonElement && f.type === 'submit', { what: 'the submit button' });
    await keys.press('Enter');
    for (let i = 0; i < 5 && state.submitted === undefined; i++) await settled(checklist);
  },

  async verify(el) {
    const state = states.get(el);
    if (!state) throw new Error('fg-checklist task: verify() before mount()');
    const done = state.submitted;
    if (!done) {
      const alert = el.shadowRoot?.querySelector('[role=alert]')?.textContent.trim() ?? '';
      throw new Error(`fg-checklist task: no fg-checklist-submit event; the element says ${JSON.stringify(alert.slice(0, 200))}`);
    }
    const a = done.inspection.answers;
    const got = Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v.result]));
    const want = { exits: 'pass', doors: 'fail', 'charging-area': 'na', lobby: 'pass' };
    if (JSON.stringify(got, Object.keys(want)) !== JSON.stringify(want) || Object.keys(got).length !== 4) {
      throw new Error(`fg-checklist task: submitted answers ${JSON.stringify(got)}, expected ${JSON.stringify(want)} (auto-cutoff hidden)`);
    }
    if (a.doors?.note !== state.note) throw new Error(`fg-checklist task: the note is ${JSON.stringify(a.doors?.note)}, expected what was typed`);
    if ((a.doors?.photos ?? []).length !== 1) throw new Error('fg-checklist task: the failed item has no photo');
    if (done.inspection.state !== 'submitted') throw new Error('fg-checklist task: the inspection is not submitted');
    const stored = await state.client.data.get('inspections', done.inspection.id);
    if (stored === null) throw new Error('fg-checklist task: the host has no record of the submitted inspection');
    const hazards = await state.client.drafts.list('hazards');
    if (done.hazardDrafts.length !== 1 || hazards.length !== 1 || hazards[0]?.itemId !== 'doors') {
      throw new Error(`fg-checklist task: expected one hazard draft for item doors, got ${JSON.stringify(hazards.map((h) => h.itemId))}`);
    }
  },
};
