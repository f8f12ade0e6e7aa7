// fg-hazard-report after a submit and around it (issue 17): the result screen, offline as one
// behaviour, 取消 that asks first, the photo uploader by keyboard, and the one button order.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { createFiregridClient, memoryDataPort, newId, referenceOf } from '@firegrid/core';
import { httpDataPort } from '@firegrid/core/http';
import type { DataPort, FiregridClient, Hazard } from '@firegrid/core';
import { offlineBackend } from '@firegrid/core/offline';
import '@firegrid/elements/hazard-report/define';
import type { FgHazardReport } from '@firegrid/elements/hazard-report';
import { demoSeed } from '../../examples/demo-data.js';
import { QueuedResult, RefusedResult, reportClient, reportHost, residentSession } from '../../stories/hazard-report.stories.js';
import { render } from 'lit';
import type { TemplateResult } from 'lit';
import { until } from '../support/wait.js';
import { ERROR, SUCCESS, WARNING, refusingHttpPort } from '../support/queued.js';

async function settled(el: HTMLElement): Promise<void> {
  for (let i = 0; i < 8; i++) {
    await (el as Partial<FgHazardReport>).updateComplete;
    await new Promise((r) => setTimeout(r, 0));
  }
}
const $ = (el: HTMLElement, sel: string): HTMLElement => {
  const found = el.shadowRoot!.querySelector<HTMLElement>(sel);
  if (found === null) throw new Error(`no ${sel} in ${el.localName}`);
  return found;
};
const text = (el: HTMLElement): string => el.shadowRoot!.textContent;
const value = (el: HTMLElement, sel: string): string => ($(el, sel) as HTMLInputElement).value;

async function mount(client: FiregridClient, options: { mode?: 'public'; width?: number } = {}): Promise<FgHazardReport> {
  // These tests follow the focus (the result, the dialog's safe choice, back to 取消): a background
  // test page moves no focus, so each starts with its page in front.
  await executeServerCommand('front');
  // The element itself is the fixture: open-wc waits an animation frame for a plain wrapper <div>,
  // and a background test tab gets none (the run hung). Its own width is what the layout reads.
  const el = await fixture<FgHazardReport>(options.mode === 'public'
    ? html`<fg-hazard-report mode="public" .client=${client}></fg-hazard-report>`
    : html`<fg-hazard-report .client=${client}></fg-hazard-report>`);
  el.style.width = `${options.width ?? 700}px`;
  await until(() => el.shadowRoot!.querySelector('form') !== null, 'the form');
  await settled(el);
  return el;
}
function choose(el: HTMLElement, sel: string, v: string): void {
  const s = $(el, sel) as HTMLSelectElement;
  s.value = v;
  s.dispatchEvent(new Event('change', { bubbles: true }));
}
function type(el: HTMLElement, sel: string, v: string): void {
  const f = $(el, sel) as HTMLInputElement;
  f.value = v;
  f.dispatchEvent(new Event('input', { bubbles: true }));
}
function fill(el: HTMLElement, description = '楼道堆放杂物堵住安全出口'): void {
  choose(el, '#category', 'exit-blocked');
  type(el, '#description', description);
  type(el, '#address', '桥东小区 3 号楼一层');
}
const submitted = (el: HTMLElement): Hazard[] => {
  const seen: Hazard[] = [];
  el.addEventListener('fg-hazard-submit', (e) => { seen.push(e.detail.hazard); });
  return seen;
};

/** A memory port whose writes fail as a lost connection does while `down` (through the HTTP port, so with fetch's own English). */
function flakyPort(): { port: DataPort; setDown: (down: boolean) => void } {
  const base = memoryDataPort(demoSeed);
  const offline = httpDataPort({ baseUrl: 'https://grid.example.cn/api', fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
  let down = true;
  return {
    port: {
      ...base,
      save: (kind, record, o) => (down ? offline.save(kind, record, o) : base.save(kind, record, o)),
      uploadMedia: (blob, meta, o) => (down ? offline.uploadMedia(blob, meta, o) : base.uploadMedia(blob, meta, o)),
    },
    setDown: (d) => { down = d; },
  };
}

describe('fg-hazard-report: the result screen', () => {
  it('shows 已上报 with what happens next, moves focus to it, and 继续上报 opens an empty form', async () => {
    const data = memoryDataPort(demoSeed);
    const el = await mount(reportClient({ data }));
    const seen = submitted(el);
    const records: Hazard[] = [];
    el.addEventListener('fg-hazard-records', (e) => { records.push(e.detail.hazard); });
    fill(el);
    $(el, '#submit').click();
    await until(() => el.shadowRoot!.querySelector('#result-title') !== null, 'the result');
    await until(() => el.shadowRoot!.activeElement?.id === 'result', 'focus on the result');
    expect($(el, '#result-title').textContent).to.equal('已上报');
    expect(getComputedStyle($(el, '#result-title')).color).to.equal(SUCCESS);
    expect(el.shadowRoot!.querySelector('.result-icon')).to.not.equal(null);
    expect(text(el)).to.contain('网格长会核实');
    expect(text(el)).to.contain('楼道堆放杂物堵住安全出口');
    // A worker's report has no reference number: he finds it in the ledger.
    expect(el.shadowRoot!.querySelector('#reference')).to.equal(null);
    await expect(el).to.be.accessible();
    $(el, '#records').click();
    expect(records.map((h) => h.id)).to.deep.equal([seen[0]!.id]);
    $(el, '#again').click();
    await until(() => el.shadowRoot!.querySelector('form') !== null, 'the form again');
    await settled(el);
    expect(value(el, '#description')).to.equal('');
    expect(el.shadowRoot!.activeElement?.id).to.equal('category');
  });

  it('gives a resident the reference number of his report, derived from its id', async () => {
    const el = await mount(reportClient({ session: residentSession }), { mode: 'public' });
    const seen = submitted(el);
    fill(el, '小区东门消防通道被私家车堵住');
    $(el, '#submit').click();
    await until(() => el.shadowRoot!.querySelector('#reference') !== null, 'the reference number');
    expect($(el, '#reference').textContent).to.equal(referenceOf(seen[0]!.id));
    expect($(el, '#reference').textContent).to.match(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect($(el, '#result-title').textContent).to.equal('举报已提交');
    expect(text(el)).to.contain('受理编号');
    await expect(el).to.be.accessible();
  });
});

describe('fg-hazard-report: offline is one behaviour', () => {
  it('with the offline client: 待发送（n） in the warning tone with what happens next, then 已发送 once synced', async () => {
    const { port, setDown } = flakyPort();
    const client = createFiregridClient({
      host: reportHost({ data: port, session: residentSession }),
      backend: offlineBackend({ prefix: `fg-test-result-${newId()}`, autoSync: false, persist: false }),
    });
    const el = await mount(client, { mode: 'public' });
    const seen = submitted(el);
    // "Queued" comes from the submit's receipt: an outbox that never answers a status read does not hold the result up.
    const offline = client.offline!;
    const realStatus = offline.status.bind(offline);
    offline.status = () => new Promise(() => undefined);
    fill(el);
    $(el, '#submit').click();
    await until(() => el.shadowRoot!.querySelector('#result-title') !== null, 'the result');
    expect($(el, '#result-title').textContent).to.equal('待发送（1）');
    offline.status = realStatus;
    expect(getComputedStyle($(el, '#result-title')).color).to.equal(WARNING);
    expect(text(el)).to.contain('有网络时会自动发送');
    // The reference number exists before the report reaches a server.
    expect($(el, '#reference').textContent).to.equal(referenceOf(seen[0]!.id));
    await expect(el).to.be.accessible();
    // A second report: the count is the device's, as the host reads it.
    $(el, '#again').click();
    await until(() => el.shadowRoot!.querySelector('form') !== null, 'the form again');
    await settled(el);
    fill(el, '三楼走廊私拉电线给电动车充电');
    $(el, '#submit').click();
    await until(() => el.shadowRoot!.querySelector('#result-title')?.textContent === '待发送（2）', '待发送（2）');
    expect((await realStatus()).pending).to.have.length(2);
    // The network is back: the outbox sends, and the result says so.
    setDown(false);
    await offline.sync({ force: true });
    await until(() => el.shadowRoot!.querySelector('#result-title')?.textContent === '已发送', '已发送');
    expect(getComputedStyle($(el, '#result-title')).color).to.equal(SUCCESS);
    expect(await port.get('hazards', seen[1]!.id)).to.not.equal(null);
  });

  it('without the offline layer: keeps the form, says 未发送，网络恢复后重试 in no red and no English, and 重试 sends it', async () => {
    const { port, setDown } = flakyPort();
    const el = await mount(reportClient({ data: port }));
    const seen = submitted(el);
    fill(el);
    $(el, '#submit').click();
    await until(() => el.shadowRoot!.querySelector('[part~="unsent"]') !== null, 'the unsent message');
    await settled(el);
    const unsent = $(el, '[part~="unsent"]');
    expect(unsent.textContent).to.contain('未发送，网络恢复后重试');
    expect(unsent.getAttribute('role')).to.equal('status');
    expect(getComputedStyle(unsent).color).to.equal(WARNING);
    for (const node of el.shadowRoot!.querySelectorAll('[role=alert]')) expect(node.textContent.trim(), 'no alert').to.equal('');
    for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('p, div, span, strong')) {
      if (node.textContent.trim() !== '' && node.offsetParent !== null && node.closest('.required') === null) expect(getComputedStyle(node).color, node.textContent).to.not.equal(ERROR);
    }
    expect(text(el)).not.to.match(/Failed to fetch|network|fetch/i);
    // Nothing typed is lost.
    expect(value(el, '#description')).to.equal('楼道堆放杂物堵住安全出口');
    expect(value(el, '#address')).to.equal('桥东小区 3 号楼一层');
    expect($(el, '#submit').textContent.trim()).to.equal('重试');
    expect(seen).to.have.length(0);
    await expect(el).to.be.accessible();
    setDown(false);
    $(el, '#submit').click();
    await until(() => el.shadowRoot!.querySelector('#result-title') !== null, 'the result after 重试');
    expect($(el, '#result-title').textContent).to.equal('已上报');
    expect(await port.get('hazards', seen[0]!.id)).to.not.equal(null);
  });
});

/**
 * A memory port whose writes fail as a lost connection does while `down`, and once up are refused
 * by the server (422 through the HTTP port, naming a field in the server's words) while `refuse`.
 */
function refusingPort(): { port: DataPort; setDown: (down: boolean) => void; setRefuse: (refuse: boolean) => void } {
  const flaky = flakyPort();
  const refusing = refusingHttpPort('description: too short', 'description', '描述至少需要 10 个字');
  let refuse = true;
  return {
    port: { ...flaky.port, save: (kind, record, o) => (refuse ? refusing.save(kind, record, o) : flaky.port.save(kind, record, o)) },
    setDown: (d) => { flaky.setDown(d); },
    setRefuse: (r) => { refuse = r; },
  };
}

describe('fg-hazard-report: a queued report the server refuses', () => {
  it('stops saying 待发送, says 服务器未接受 and why in the error tone, and 修改后重新提交 brings the report back', async () => {
    const { port, setDown, setRefuse } = refusingPort();
    const client = createFiregridClient({
      host: reportHost({ data: port }),
      backend: offlineBackend({ prefix: `fg-test-refused-${newId()}`, autoSync: false, persist: false }),
    });
    const el = await mount(client);
    const seen = submitted(el);
    let errors = 0;
    el.addEventListener('fg-error', () => { errors++; });
    fill(el, '楼道堆物');
    $(el, '#submit').click();
    await until(() => el.shadowRoot!.querySelector('#result-title')?.textContent === '待发送（1）', '待发送（1）');
    // The network is back; the server refuses the report.
    setDown(false);
    await client.offline!.sync({ force: true });
    await until(() => el.shadowRoot!.querySelector('#result-title')?.textContent === '服务器未接受', '服务器未接受');
    await until(() => el.shadowRoot!.querySelector('#result-why')?.textContent.includes('描述至少需要 10 个字') === true, 'the reason');
    const why = $(el, '#result-why').textContent;
    expect(why).to.contain('服务器没有接受提交的内容');
    expect(why).not.to.match(/POST|\/v1|422|Unprocessable|too short/);
    expect(getComputedStyle($(el, '#result-title')).color).to.equal(ERROR);
    expect(text(el)).not.to.contain('待发送');
    expect(text(el)).to.contain('填写的内容没有丢失');
    expect(errors, 'the host hears of it once').to.equal(1);
    await until(() => el.shadowRoot!.activeElement?.id === 'result', 'focus on the refusal');
    // Kept in the outbox until the person acts, with the reason.
    expect((await client.offline!.status()).failed.map((e) => e.id)).to.have.length(1);
    await expect(el).to.be.accessible();
    // 修改后重新提交: the report is back in the form as typed, the server's reason beside the field.
    $(el, '#edit').click();
    await until(() => el.shadowRoot!.querySelector('form') !== null, 'the form again');
    await until(() => value(el, '#description') === '楼道堆物', 'the description typed');
    expect(value(el, '#address')).to.equal('桥东小区 3 号楼一层');
    await until(() => text(el).includes('描述至少需要 10 个字'), 'the field error');
    expect((await client.offline!.status()).failed).to.have.length(0);
    // Corrected and sent again: stored this time, under the same id.
    setRefuse(false);
    type(el, '#description', '楼道堆放杂物堵住安全出口，已影响疏散');
    $(el, '#submit').click();
    await until(() => el.shadowRoot!.querySelector('#result-title')?.textContent === '待发送（1）', '待发送 again');
    await client.offline!.sync({ force: true });
    await until(() => el.shadowRoot!.querySelector('#result-title')?.textContent === '已发送', '已发送');
    expect(seen.map((h) => h.id)).to.deep.equal([seen[0]!.id, seen[0]!.id]);
    expect((await port.get('hazards', seen[0]!.id))?.description).to.equal('楼道堆放杂物堵住安全出口，已影响疏散');
  });
});

describe('fg-hazard-report: the QueuedResult story', () => {
  it('shows the same queued result and reference number on every render', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    try {
      render((QueuedResult.render as () => TemplateResult)(), host);
      const el = host.querySelector('fg-hazard-report')!;
      await until(() => el.shadowRoot?.querySelector('#reference') ?? null, 'the reference number');
      expect($(el, '#reference').textContent).to.equal(referenceOf('019a4b2c-0000-7000-8000-0000000a1b2c'));
      expect($(el, '#result-title').textContent).to.equal('待发送（1）');
    } finally {
      host.remove();
    }
  });
});

describe('fg-hazard-report: the RefusedResult story', () => {
  it('shows 服务器未接受 with why', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    try {
      render((RefusedResult.render as () => TemplateResult)(), host);
      const el = host.querySelector('fg-hazard-report')!;
      await until(() => el.shadowRoot?.querySelector('#result-why')?.textContent.includes('描述至少需要 15 个字'), 'the reason');
      expect($(el, '#result-title').textContent).to.equal('服务器未接受');
    } finally {
      host.remove();
    }
  });
});

describe('fg-hazard-report: 取消 asks before it deletes what was typed', () => {
  it('keeps everything on 继续填写 and discards on 放弃; an empty form cancels at once', async () => {
    const client = reportClient();
    const el = await mount(client);
    let cancels = 0;
    el.addEventListener('fg-hazard-cancel', () => { cancels++; });
    $(el, '#add-photo').click();
    await until(() => el.shadowRoot!.querySelectorAll('.photo-remove').length === 1, 'the photo');
    type(el, '#description', '要取消的内容');
    $(el, '#cancel').click();
    const dialog = $(el, '#confirm') as HTMLDialogElement;
    await until(() => dialog.open, 'the confirmation');
    expect(dialog.textContent).to.contain('放弃这条未提交的上报');
    expect(dialog.textContent).to.contain('1 张照片');
    expect(el.shadowRoot!.activeElement?.id, 'the safe choice has focus').to.equal('keep');
    await expect(el).to.be.accessible();
    $(el, '#keep').click();
    await until(() => !dialog.open, 'the dialog closed');
    await settled(el);
    expect(cancels).to.equal(0);
    expect(value(el, '#description')).to.equal('要取消的内容');
    expect(el.shadowRoot!.querySelectorAll('.photo-remove')).to.have.length(1);
    expect(el.shadowRoot!.activeElement?.id).to.equal('cancel');
    $(el, '#cancel').click();
    await until(() => dialog.open, 'the confirmation again');
    $(el, '#discard').click();
    await until(() => cancels === 1, 'fg-hazard-cancel');
    await settled(el);
    expect(value(el, '#description')).to.equal('');
    expect(el.shadowRoot!.querySelectorAll('.photo-remove')).to.have.length(0);
    expect(dialog.open).to.equal(false);
    $(el, '#cancel').click();
    await until(() => cancels === 2, 'a second fg-hazard-cancel, without asking');
    expect(dialog.open).to.equal(false);
  });

  it('asks through the host\'s ui.confirm when the host has one', async () => {
    const asked: unknown[][] = [];
    let answer = false;
    const base = reportHost();
    const client = createFiregridClient({ host: { ...base, ui: { confirm: (...args: unknown[]) => { asked.push(args); return Promise.resolve(answer); } } } });
    const el = await mount(client);
    let cancels = 0;
    el.addEventListener('fg-hazard-cancel', () => { cancels++; });
    type(el, '#description', '要取消的内容');
    $(el, '#cancel').click();
    await until(() => asked.length === 1, 'the host asked');
    await settled(el);
    expect(asked[0]).to.deep.equal(['已填写的文字和 0 张照片会被删除，不能恢复。', { title: '放弃这条未提交的上报？', confirmLabel: '放弃', cancelLabel: '继续填写' }]);
    expect(cancels).to.equal(0);
    expect(value(el, '#description')).to.equal('要取消的内容');
    expect(($(el, '#confirm') as HTMLDialogElement).open, 'no second dialog').to.equal(false);
    answer = true;
    $(el, '#cancel').click();
    await until(() => cancels === 1, 'fg-hazard-cancel');
    await settled(el);
    expect(value(el, '#description')).to.equal('');
  });
});

describe('fg-hazard-report: the photo uploader', () => {
  it('removes photos with the keyboard from corner buttons of at least 44 px, keeping focus in the tiles', async () => {
    const el = await mount(reportClient());
    for (let n = 1; n <= 2; n++) {
      $(el, '#add-photo').click();
      await until(() => el.shadowRoot!.querySelectorAll('.photo-tile img').length === n, `photo ${n}`);
    }
    expect($(el, '#photos-count').textContent).to.equal('2/9 张');
    const remove = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.photo-remove')];
    expect(remove.map((b) => b.getAttribute('aria-label'))).to.deep.equal(['删除照片 1', '删除照片 2']);
    const tile = remove[0]!.closest('li')!.getBoundingClientRect();
    const box = remove[0]!.getBoundingClientRect();
    expect(box.width).to.be.at.least(44);
    expect(box.height).to.be.at.least(44);
    // In the tile's top corner (the end side).
    expect(Math.round(box.top)).to.equal(Math.round(tile.top));
    expect(Math.round(box.right)).to.equal(Math.round(tile.right));
    await expect(el).to.be.accessible();
    remove[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.querySelectorAll('.photo-remove').length === 1, 'one photo left');
    await settled(el);
    expect(el.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal('删除照片 1');
    await sendKeys({ press: 'Space' });
    await until(() => el.shadowRoot!.querySelectorAll('.photo-remove').length === 0, 'no photo left');
    await settled(el);
    expect(el.shadowRoot!.activeElement?.id).to.equal('add-photo');
    expect($(el, '#photos-count').textContent).to.equal('0/9 张');
  });

  it('says the limit on the add tile and refuses more', async () => {
    const el = await fixture<FgHazardReport>(html`<fg-hazard-report max-photos="1" .client=${reportClient()}></fg-hazard-report>`);
    await until(() => el.shadowRoot!.querySelector('form') !== null, 'the form');
    $(el, '#add-photo').click();
    await until(() => el.shadowRoot!.querySelectorAll('.photo-tile img').length === 1, 'the photo');
    await settled(el);
    expect($(el, '#add-photo').getAttribute('aria-disabled')).to.equal('true');
    $(el, '#add-photo').click();
    await settled(el);
    expect($(el, '#photos-error').textContent).to.equal('最多只能添加 1 张照片');
    expect(el.shadowRoot!.querySelectorAll('.photo-tile img')).to.have.length(1);
  });
});

describe('fg-hazard-report: one button order', () => {
  it('at 600 px and wider: primary last on the right, 取消 before it at least 16 px away', async () => {
    const el = await mount(reportClient(), { width: 700 });
    const form = $(el, 'form').getBoundingClientRect();
    const submit = $(el, '#submit').getBoundingClientRect();
    const cancel = $(el, '#cancel').getBoundingClientRect();
    expect(Math.abs(submit.right - form.right)).to.be.below(1);
    expect(Math.round(cancel.top)).to.equal(Math.round(submit.top));
    expect(submit.left - cancel.right).to.be.at.least(16);
    expect(submit.width).to.be.below(form.width / 2);
    expect(getComputedStyle($(el, '#submit')).position).to.equal('static');
  });

  it('below 600 px (the element\'s width, not the screen\'s): one full-width primary that sticks to the bottom', async () => {
    const el = await mount(reportClient(), { width: 390 });
    const submitEl = $(el, '#submit');
    const form = $(el, 'form').getBoundingClientRect();
    expect(Math.abs(submitEl.getBoundingClientRect().width - form.width)).to.be.below(1);
    expect(getComputedStyle(submitEl).position).to.equal('sticky');
    // The form is longer than the screen: at the top of the page the primary is already in view, at the bottom.
    window.scrollTo(0, 0);
    await settled(el);
    expect(form.height).to.be.greaterThan(window.innerHeight);
    const stuck = submitEl.getBoundingClientRect();
    expect(stuck.bottom).to.be.at.most(window.innerHeight);
    expect(stuck.bottom).to.be.at.least(window.innerHeight - 24);
    // Scrolled to the end: 取消 sits above it, full width too, at least 16 px away.
    window.scrollTo(0, document.documentElement.scrollHeight);
    await settled(el);
    const cancel = $(el, '#cancel').getBoundingClientRect();
    const submit = submitEl.getBoundingClientRect();
    expect(submit.top - cancel.bottom).to.be.at.least(16);
    expect(Math.abs(cancel.width - form.width)).to.be.below(1);
    window.scrollTo(0, 0);
  });
});
