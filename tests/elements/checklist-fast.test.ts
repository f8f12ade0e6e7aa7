// Issue 17 items 2, 3 and 5 for fg-checklist: a checklist a worker finishes fast (全部合格 with
// per-item override, chips in their state's colour, the basis once per section, continuous
// numbers, a live remaining count), one offline behaviour (待发送 → 已发送; 未发送 with 重试, never
// red) and a result after submit with focus on it.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendMouse, resetMouse } from '@web/test-runner-commands';
import { FiregridError, createFiregridClient, defineHost, memoryDataPort, newId } from '@firegrid/core';
import { offlineBackend } from '@firegrid/core/offline';
import type { DataPort } from '@firegrid/core';
import { dailyPatrol, highRiseResidential } from '@firegrid/core/templates';
import '@firegrid/elements/checklist/define';
import type { FgChecklist, ChecklistSubmitDetail } from '@firegrid/elements/checklist';
import { HIGH_RISE, OFFICE, SESSION, SMALL, choose, itemEl, settled, setup } from './checklist-fixtures.js';
import { until } from '../support/wait.js';

async function mount(client = setup().client, template = SMALL.id, place = HIGH_RISE.id): Promise<FgChecklist> {
  const el = await fixture<FgChecklist>(html`<fg-checklist .client=${client} place-id=${place} template-id=${template}></fg-checklist>`);
  await settled(el);
  return el;
}

const root = (el: FgChecklist) => el.shadowRoot!;
const part = (el: FgChecklist, name: string) => root(el).querySelector<HTMLElement>(`[part~=${name}]`);
const checked = (el: FgChecklist, id: string) => itemEl(el, id).querySelector<HTMLInputElement>('input:checked')?.value;
const shown = (el: FgChecklist) => [...root(el).querySelectorAll<HTMLElement>('[data-item]')].filter((x) => !x.hidden);

/** One tap: a real pointer click (through the browser's input pipeline) at the centre of `target`. */
let taps = 0;
async function tap(target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
  taps++;
}

/** WCAG contrast of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string): number => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((x) => {
      const v = Number(x) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

afterEach(async () => { await resetMouse(); });

describe('fg-checklist: finished fast (issue 17 item 5)', () => {
  it('finishes the daily patrol of a non-high-rise unit, every item passing, in at most 3 taps', async () => {
    expect(OFFICE.building?.heightM).to.be.below(24);
    const { client, data } = setup();
    const el = await mount(client, dailyPatrol.id, OFFICE.id);
    const items = shown(el).length;
    expect(items, 'the patrol shows its items').to.be.greaterThan(10);
    taps = 0;
    await tap(root(el).querySelector('[data-pass-all]')!);
    await until(() => shown(el).every((x) => checked(el, x.dataset.item!) === 'pass'), 'every shown item passed');
    const seen = oneEvent(el, 'fg-checklist-submit');
    await tap(part(el, 'submit')!);
    const { detail } = (await seen) as CustomEvent<ChecklistSubmitDetail>;
    expect(taps, 'taps to finish').to.be.at.most(3);
    expect(Object.values(detail.inspection.answers).map((a) => a.result)).to.deep.equal(Array(items).fill('pass'));
    expect(detail.hazardDrafts).to.have.length(0);
    expect(await data.get('inspections', detail.inspection.id)).to.not.equal(null);
    const title = await until(() => root(el).querySelector('#result-title'), 'the result');
    expect(title.textContent).to.equal('已提交（全部合格）');
    await until(() => root(el).activeElement === title, 'focus on the result');
  });

  it('本节全部合格 passes the section\'s unanswered items only; any item can be changed afterwards', async () => {
    const { client } = setup();
    const el = await mount(client);
    choose(el, 'doors', 'fail');
    await settled(el);
    root(el).querySelector<HTMLButtonElement>('[data-pass-section=s1]')!.click();
    await settled(el);
    expect([checked(el, 'exits'), checked(el, 'doors'), checked(el, 'shed'), checked(el, 'cutoff')]).to.deep.equal(['pass', 'fail', undefined, undefined]);
    expect(part(el, 'status')!.textContent).to.contain('已将 1 项记为合格，可逐项修改');
    choose(el, 'exits', 'na');
    await settled(el);
    expect(checked(el, 'exits')).to.equal('na');
    root(el).querySelector<HTMLButtonElement>('[data-pass-all]')!.click();
    await settled(el);
    expect([checked(el, 'exits'), checked(el, 'doors'), checked(el, 'shed'), checked(el, 'cutoff')]).to.deep.equal(['na', 'fail', 'pass', 'pass']);
    let draft = (await client.drafts.list('inspections'))[0];
    for (let i = 0; i < 100 && draft?.answers?.cutoff === undefined; i++) {
      await new Promise((r) => setTimeout(r, 20));
      draft = (await client.drafts.list('inspections'))[0];
    }
    expect(Object.fromEntries(Object.entries(draft?.answers ?? {}).map(([k, a]) => [k, a.result]))).to.deep.equal({ exits: 'na', doors: 'fail', shed: 'pass', cutoff: 'pass' });
    expect(root(el).querySelector('[data-pass-all]')!.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('chips: borders ≥ 3:1 against the surface, the chosen chip filled, the dot in the state\'s colour', async () => {
    const el = await mount();
    choose(el, 'exits', 'pass');
    choose(el, 'doors', 'fail');
    await settled(el);
    const surface = getComputedStyle(el).backgroundColor;
    for (const chip of itemEl(el, 'shed').querySelectorAll('label.choice')) {
      expect(contrast(getComputedStyle(chip).borderTopColor, surface), chip.textContent).to.be.at.least(3);
    }
    const pass = itemEl(el, 'exits').querySelector('label.choice.pass')!;
    const fail = itemEl(el, 'doors').querySelector('label.choice.fail')!;
    const green = getComputedStyle(pass).borderTopColor;
    expect(contrast(green, surface)).to.be.at.least(3);
    expect(getComputedStyle(pass).backgroundColor, 'filled').to.not.equal(surface);
    expect(getComputedStyle(pass.querySelector('input')!).accentColor, 'a green dot in the green chip').to.equal(green);
    expect(getComputedStyle(fail.querySelector('input')!).accentColor).to.equal(getComputedStyle(fail).borderTopColor);
    expect(green).to.not.equal(getComputedStyle(fail).borderTopColor);
  });

  it('shows the basis once per section behind a tap, not under every item', async () => {
    const el = await mount(setup().client, highRiseResidential.id);
    const sections = [...root(el).querySelectorAll<HTMLElement>('section[part=section]')].filter((s) => !s.hidden);
    const bases = root(el).querySelectorAll('details.basis');
    expect(bases.length).to.equal(sections.length);
    for (const d of bases) expect((d as HTMLDetailsElement).open).to.equal(false);
    for (const item of shown(el)) expect(item.querySelector('.basis'), item.dataset.item).to.equal(null);
    expect(bases[0]!.textContent).to.match(/第 [\d、–]+ 项/);
  });

  it('numbers the shown items continuously (no gap where a conditional item is hidden)', async () => {
    const el = await mount(setup().client, dailyPatrol.id, OFFICE.id);
    const all = dailyPatrol.sections.flatMap((s) => s.items).length;
    const numbers = shown(el).map((x) => x.querySelector('.n')!.textContent.replace('.', ''));
    expect(numbers.length).to.be.below(all);
    expect(numbers).to.deep.equal(numbers.map((_, i) => String(i + 1)));
  });

  it('counts what is missing live after a refused submit, down to none', async () => {
    const el = await mount();
    choose(el, 'exits', 'pass');
    choose(el, 'doors', 'fail');
    await settled(el);
    part(el, 'submit')!.click();
    await settled(el);
    expect(part(el, 'remaining')!.textContent).to.contain('还有 3 项未完成');
    choose(el, 'shed', 'na');
    await settled(el);
    expect(part(el, 'remaining')!.textContent).to.contain('还有 1 项未完成');
    const note = itemEl(el, 'doors').querySelector('textarea')!;
    note.value = '防火门被木楔顶开';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    await settled(el);
    expect(part(el, 'remaining')!.textContent).to.equal('全部完成，可以提交。');
    expect(root(el).querySelector('[role=alert]')?.textContent ?? '').to.equal('');
  });
});

describe('fg-checklist: result and offline (issue 17 items 2–3)', () => {
  it('after submit: icon, title with failed items and hazards, what happens next, next actions, focus on it', async () => {
    const { client } = setup();
    const el = await mount(client);
    choose(el, 'exits', 'pass');
    choose(el, 'doors', 'fail');
    choose(el, 'shed', 'pass');
    choose(el, 'cutoff', 'fail');
    await settled(el);
    const note = itemEl(el, 'doors').querySelector('textarea')!;
    note.value = '三楼防火门用木楔顶开';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    await settled(el);
    part(el, 'submit')!.click();
    const title = await until(() => root(el).querySelector<HTMLElement>('#result-title'), 'the result');
    expect(title.textContent).to.equal('已提交（不合格 2 项，2 条隐患待上报）');
    await until(() => root(el).activeElement === title, 'focus on the result');
    const result = part(el, 'result')!;
    expect(result.querySelector('.result-icon')!.textContent).to.equal('✓');
    expect(result.querySelector('.next')!.textContent).to.contain('逐条核对后上报');
    const go = await until(() => result.querySelector<HTMLButtonElement>('[data-go=hazards]'), 'the 上报隐患 action');
    expect(result.querySelector('[data-go=record]')!.textContent).to.contain('查看记录');
    go.click();
    expect(root(el).activeElement?.closest('[part=handoff]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('offline client: queues, shows 待发送（n） (not success green), then 已发送 once synced', async () => {
    let online = false;
    const port = memoryDataPort({ places: [HIGH_RISE, OFFICE], templates: [SMALL] }, { tenantId: 'demo' });
    const data: DataPort = { ...port, save: (kind, record, o) => (online ? port.save(kind, record, o) : Promise.reject(new FiregridError('network', 'The network is unreachable'))) };
    const host = defineHost({ session: () => Promise.resolve(SESSION), data });
    const client = createFiregridClient({ host, backend: offlineBackend({ prefix: `fg-test-fast-${newId()}`, autoSync: false, persist: false }) });
    try {
      const el = await mount(client);
      root(el).querySelector<HTMLButtonElement>('[data-pass-all]')!.click();
      await settled(el);
      part(el, 'submit')!.click();
      const sync = await until(() => part(el, 'sync'), 'the sync line');
      await until(() => sync.textContent === '待发送（1）', '待发送（1）');
      expect(sync.classList.contains('warning')).to.equal(true);
      expect(root(el).querySelector('#result-title')!.textContent).to.contain('已保存在本机');
      expect(root(el).querySelector('[role=alert]')?.textContent ?? '').to.equal('');
      expect(root(el).textContent).to.not.match(/network|unreachable/i);
      online = true;
      await client.offline!.sync({ force: true });
      await until(() => part(el, 'sync')?.textContent === '已发送', '已发送');
      expect(part(el, 'sync')!.classList.contains('success')).to.equal(true);
      expect(root(el).querySelector('#result-title')!.textContent).to.equal('已提交（全部合格）');
    } finally {
      await client.offline!.close();
    }
  });

  it('offline client, refused by the server once sent: stops saying 待发送, says 服务器未接受 and why, the record kept on the device', async () => {
    let online = false;
    const port = memoryDataPort({ places: [HIGH_RISE, OFFICE], templates: [SMALL] }, { tenantId: 'demo' });
    const refused = new FiregridError('rejected', 'PUT /v1/inspections/… failed (422): answers: stale template', { issues: [{ path: 'templateVersion', message: '检查表已更新，请按新版本重新检查' }] });
    Object.assign(refused, { status: 422 });
    const data: DataPort = { ...port, save: () => Promise.reject(online ? refused : new FiregridError('network', 'The network is unreachable')) };
    const host = defineHost({ session: () => Promise.resolve(SESSION), data });
    const client = createFiregridClient({ host, backend: offlineBackend({ prefix: `fg-test-fast-refused-${newId()}`, autoSync: false, persist: false }) });
    try {
      const el = await mount(client);
      const errors: unknown[] = [];
      el.addEventListener('fg-error', (e) => { errors.push(e); });
      root(el).querySelector<HTMLButtonElement>('[data-pass-all]')!.click();
      await settled(el);
      part(el, 'submit')!.click();
      await until(() => part(el, 'sync')?.textContent === '待发送（1）', '待发送（1）');
      online = true;
      await client.offline!.sync({ force: true });
      await until(() => root(el).querySelector('#result-title')?.textContent === '服务器未接受', '服务器未接受');
      const sync = await until(() => (part(el, 'sync')?.textContent.includes('检查表已更新') === true ? part(el, 'sync') : undefined), 'the reason');
      expect(sync.classList.contains('error')).to.equal(true);
      expect(sync.textContent).to.contain('服务器没有接受提交的内容');
      expect(root(el).textContent).to.not.match(/待发送|PUT|422|stale/);
      expect(part(el, 'result')!.textContent).to.contain('检查记录没有丢失');
      expect(errors, 'the host hears of it once').to.have.length(1);
      expect((await client.offline!.status()).failed).to.have.length(1);
    } finally {
      await client.offline!.close();
    }
  });

  it('refused after it was queued: 修改后重新提交 opens the answers again with why, and the corrected inspection is queued and sent', async () => {
    let mode: 'down' | 'refuse' | 'ok' = 'down';
    const port = memoryDataPort({ places: [HIGH_RISE, OFFICE], templates: [SMALL] }, { tenantId: 'demo' });
    const refused = new FiregridError('rejected', 'PUT /v1/inspections/… failed (422): answers: stale template', { issues: [{ path: 'templateVersion', message: '检查表已更新，请按新版本重新检查' }] });
    Object.assign(refused, { status: 422 });
    const data: DataPort = {
      ...port,
      save: (k, r, o) => (mode === 'ok' ? port.save(k, r, o) : Promise.reject(mode === 'refuse' ? refused : new FiregridError('network', 'The network is unreachable'))),
    };
    const client = createFiregridClient({ host: defineHost({ session: () => Promise.resolve(SESSION), data }), backend: offlineBackend({ prefix: `fg-test-fast-edit-${newId()}`, autoSync: false, persist: false }) });
    try {
      const el = await mount(client);
      root(el).querySelector<HTMLButtonElement>('[data-pass-all]')!.click();
      await settled(el);
      part(el, 'submit')!.click();
      await until(() => part(el, 'sync')?.textContent === '待发送（1）', '待发送（1）');
      mode = 'refuse';
      await client.offline!.sync({ force: true });
      const edit = await until(() => root(el).querySelector<HTMLButtonElement>('[data-go="edit"]') ?? undefined, '修改后重新提交');
      expect(edit.textContent.trim()).to.equal('修改后重新提交');
      await until(() => part(el, 'sync')?.textContent.includes('检查表已更新') === true, 'the reason');
      edit.click();
      // The form again, every answer kept, why in its alert; the refused write has left the outbox.
      await until(() => part(el, 'submit') !== null, 'the form again');
      expect(root(el).querySelector('#result-title')).to.equal(null);
      expect(checked(el, 'exits')).to.equal('pass');
      expect(part(el, 'error')!.textContent).to.contain('检查表已更新');
      expect(root(el).activeElement).to.equal(part(el, 'error'));
      expect(root(el).textContent).to.not.match(/PUT|422|stale/);
      expect((await client.offline!.status()).failed).to.have.length(0);
      // Corrected (an answer changed) and submitted again: queued, then sent.
      choose(el, 'exits', 'pass');
      await settled(el);
      const seen = oneEvent(el, 'fg-checklist-submit');
      part(el, 'submit')!.click();
      const { detail } = (await seen) as CustomEvent<ChecklistSubmitDetail>;
      await until(() => part(el, 'sync')?.textContent === '待发送（1）', '待发送 again');
      mode = 'ok';
      await client.offline!.sync({ force: true });
      await until(() => part(el, 'sync')?.textContent === '已发送', '已发送');
      const stored = await port.get('inspections', detail.inspection.id);
      expect(stored?.state).to.equal('submitted');
      expect((await client.offline!.status()).failed).to.have.length(0);
    } finally {
      await client.offline!.close();
    }
  });

  it('no offline layer: keeps the answers, says 未发送，网络恢复后重试 (not red), and 重试 sends them', async () => {
    let online = false;
    const { client, data } = setup({ data: (p): DataPort => ({ ...p, save: (k, r, o) => (online ? p.save(k, r, o) : Promise.reject(new FiregridError('network', 'The network is unreachable'))) }) });
    const el = await mount(client);
    root(el).querySelector<HTMLButtonElement>('[data-pass-all]')!.click();
    await settled(el);
    part(el, 'submit')!.click();
    const unsent = await until(() => (part(el, 'unsent')?.textContent.includes('未发送，网络恢复后重试') === true) && part(el, 'unsent'), 'the unsent line');
    expect(unsent.classList.contains('warning')).to.equal(true);
    expect(root(el).querySelector('[role=alert]')?.textContent ?? '').to.equal('');
    expect(root(el).textContent).to.not.match(/network|unreachable/i);
    expect(checked(el, 'exits')).to.equal('pass');
    expect(part(el, 'submit')!.textContent.trim()).to.equal('重试');
    online = true;
    const seen = oneEvent(el, 'fg-checklist-submit');
    part(el, 'submit')!.click();
    const { detail } = (await seen) as CustomEvent<ChecklistSubmitDetail>;
    expect(await data.get('inspections', detail.inspection.id)).to.not.equal(null);
    await until(() => root(el).querySelector('#result-title'), 'the result');
    expect(part(el, 'unsent')).to.equal(null);
  });
});
