// fg-hazard-ledger's transitions with the offline client (issue 17 item 2): a transition made
// offline says 待发送（n） in the warning tone, then 已发送 once the outbox has sent it; one the
// server refuses after it was queued says 服务器未接受 and why, the hazard goes back to how it
// was, and 修改后重新提交 opens the form again as it was filled in. A real offline backend (core's,
// over real IndexedDB) with a test-double network behind it.
import { expect, fixture, html } from '@open-wc/testing';
import { FiregridError, HAZARD_STATUS_LABELS, createFiregridClient, defineHost, hazardCommands, memoryDataPort, newId, reporterPrivacy } from '@firegrid/core';
import type { DataPort, FiregridClient } from '@firegrid/core';
import { offlineBackend } from '@firegrid/core/offline';
import '@firegrid/elements/hazard-ledger/define';
import type { FgHazardLedger } from '@firegrid/elements/hazard-ledger';
import { HAZARD, QueuedTransition, RefusedTransition, ledgerSeed, supervisorSession } from '../../stories/hazard-ledger.stories.js';
import { render } from 'lit';
import type { TemplateResult } from 'lit';
import { allDeep, until } from '../support/wait.js';
import { ERROR, SUCCESS, WARNING, refusingHttpPort } from '../support/queued.js';

const deep = (el: HTMLElement, sel: string): HTMLElement | undefined =>
  allDeep(el.shadowRoot!).find((e) => e.matches(sel)) as HTMLElement | undefined;
const need = (el: HTMLElement, sel: string): HTMLElement => {
  const found = deep(el, sel);
  if (found === undefined) throw new Error(`no ${sel}`);
  return found;
};
function type(el: HTMLElement, sel: string, value: string): void {
  const f = need(el, sel) as HTMLTextAreaElement;
  f.value = value;
  f.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The server behind the outbox: the ledger's memory port, refusing commands (422 over HTTP, naming a field) while `refuse`. */
function server(): { data: DataPort; port: DataPort; setRefuse: (refuse: boolean) => void } {
  const data = memoryDataPort(ledgerSeed(), { tenantId: 'demo', commands: hazardCommands({ actor: supervisorSession.user }) });
  const refusing = refusingHttpPort('note: contains a phone number', 'note', '说明中不能写手机号');
  let refuse = false;
  return {
    data,
    port: { ...data, command: (name, payload, o) => (refuse ? refusing.command(name, payload, o) : data.command(name, payload, o)) },
    setRefuse: (r) => { refuse = r; },
  };
}

async function open(port: DataPort): Promise<{ el: FgHazardLedger; client: FiregridClient; errors: unknown[] }> {
  const client = createFiregridClient({
    host: defineHost({ session: () => Promise.resolve(supervisorSession), data: reporterPrivacy(port, supervisorSession.user) }),
    // Not sent until the test says the network is back (sync).
    backend: offlineBackend({ prefix: `fg-test-ledger-queued-${newId()}`, autoSync: false, persist: false }),
  });
  const el = await fixture<FgHazardLedger>(html`<fg-hazard-ledger hazard-id=${HAZARD.reported} .client=${client}></fg-hazard-ledger>`);
  await until(() => deep(el, '#d-title') !== undefined, 'the detail');
  const errors: unknown[] = [];
  el.addEventListener('fg-error', (e) => { errors.push(e.detail); });
  return { el, client, errors };
}

async function verify(el: FgHazardLedger, note: string): Promise<void> {
  need(el, '[data-action="verify"]').click();
  await until(() => deep(el, '#t-confirm') !== undefined, 'the verify form');
  type(el, '#t-note', note);
  need(el, '#t-confirm').click();
}

const note = (el: HTMLElement): HTMLElement | undefined => deep(el, '#d-queued');
const badge = (el: HTMLElement): string => need(el, 'fg-hazard-detail').shadowRoot!.querySelector('.badge')!.textContent;

describe('fg-hazard-ledger: a transition made offline', () => {
  it('says 待发送（1） in the warning tone with what happens next, then 已发送 once the outbox has sent it', async () => {
    const { data, port } = server();
    const { el, client, errors } = await open(port);
    await verify(el, '现场核实属实');
    await until(() => note(el)?.textContent.includes('待发送（1）：核实'), '待发送（1）');
    const queued = note(el)!;
    expect(queued.dataset.state).to.equal('queued');
    expect(getComputedStyle(queued).color).to.equal(WARNING);
    expect(queued.textContent).to.contain('有网络时会自动发送');
    expect(queued.getAttribute('role')).to.equal('status');
    // What the lifecycle says it will be, until the server has it.
    expect(badge(el)).to.equal(HAZARD_STATUS_LABELS.verified['zh-CN']);
    expect((await data.get('hazards', HAZARD.reported))?.status, 'not sent yet').to.equal('reported');
    await expect(need(el, 'fg-hazard-detail')).to.be.accessible();
    // The network is back.
    await client.offline!.sync({ force: true });
    await until(() => note(el)?.dataset.state === 'sent', '已发送');
    expect(note(el)!.textContent).to.contain('已发送：核实').and.not.to.contain('待发送');
    expect(getComputedStyle(note(el)!).color).to.equal(SUCCESS);
    expect((await data.get('hazards', HAZARD.reported))?.status).to.equal('verified');
    // The hazard as the server stored it.
    await until(() => (need(el, 'fg-hazard-detail') as unknown as { hazard: { version: number } }).hazard.version > 1, 'the stored hazard');
    expect(errors).to.deep.equal([]);
  });

  it('refused after it was queued: 服务器未接受 and why, the hazard as it was, and 修改后重新提交 brings the form back as filled in', async () => {
    const { data, port, setRefuse } = server();
    const { el, client, errors } = await open(port);
    await verify(el, '现场核实属实，联系人 13912345678');
    await until(() => note(el)?.dataset.state === 'queued', '待发送');
    setRefuse(true);
    await client.offline!.sync({ force: true });
    await until(() => note(el)?.dataset.state === 'refused', '服务器未接受');
    await until(() => note(el)!.textContent.includes('说明中不能写手机号'), 'the reason');
    const refused = note(el)!;
    expect(refused.textContent).to.contain('服务器未接受：核实');
    expect(refused.textContent).to.contain('服务器没有接受提交的内容');
    expect(refused.textContent).to.contain('填写的内容没有丢失');
    expect(refused.textContent).not.to.contain('待发送');
    expect(refused.textContent).not.to.match(/POST|\/v1|422|Unprocessable|phone number/);
    expect(refused.getAttribute('role')).to.equal('alert');
    expect(getComputedStyle(refused).color).to.equal(ERROR);
    expect(errors, 'the host hears of it once').to.have.length(1);
    // Not done after all: the hazard is back as it was; the outbox keeps the write for a person.
    await until(() => badge(el) === HAZARD_STATUS_LABELS.reported['zh-CN'], 'the hazard as it was');
    expect((await client.offline!.status()).failed).to.have.length(1);
    await expect(need(el, 'fg-hazard-detail')).to.be.accessible();
    // 修改后重新提交: the form as it was filled in, with why.
    need(el, '#d-refill').click();
    await until(() => deep(el, '#t-note') !== undefined, 'the form again');
    expect((need(el, '#t-note') as HTMLTextAreaElement).value).to.equal('现场核实属实，联系人 13912345678');
    expect(need(el, 'fg-hazard-transition-form').shadowRoot!.querySelector('[part~="error"]')!.textContent).to.contain('说明中不能写手机号');
    // Corrected and sent again: the refused write leaves the outbox (it would hold the hazard's writes back).
    setRefuse(false);
    type(el, '#t-note', '现场核实属实');
    need(el, '#t-confirm').click();
    await until(() => note(el)?.dataset.state === 'queued', '待发送 again');
    const status = await client.offline!.status();
    expect(status.failed).to.have.length(0);
    expect(status.pending).to.have.length(1);
    await client.offline!.sync({ force: true });
    await until(() => note(el)?.dataset.state === 'sent', '已发送');
    const stored = await data.get('hazards', HAZARD.reported);
    expect(stored?.status).to.equal('verified');
    expect(stored?.history.at(-1)?.note).to.equal('现场核实属实');
  });
});

describe('fg-hazard-ledger: a transition made offline by a client without the offline layer', () => {
  it('keeps the form as filled, says 未发送，网络恢复后重试 (not red, no English), and 重试 sends it once the network is back', async () => {
    const data = memoryDataPort(ledgerSeed(), { tenantId: 'demo', commands: hazardCommands({ actor: supervisorSession.user }) });
    let online = false;
    const port: DataPort = {
      ...data,
      command: (name, payload, o) => (online ? data.command(name, payload, o) : Promise.reject(new FiregridError('network', 'The network is unreachable'))),
    };
    const client = createFiregridClient({ host: defineHost({ session: () => Promise.resolve(supervisorSession), data: reporterPrivacy(port, supervisorSession.user) }) });
    expect(client.offline).to.equal(undefined);
    const el = await fixture<FgHazardLedger>(html`<fg-hazard-ledger hazard-id=${HAZARD.reported} .client=${client}></fg-hazard-ledger>`);
    await until(() => deep(el, '#d-title') !== undefined, 'the detail');
    await verify(el, '现场核实属实');
    const form = need(el, 'fg-hazard-transition-form').shadowRoot!;
    const unsent = await until(() => form.querySelector<HTMLElement>('[part~="unsent"]') ?? undefined, '未发送');
    expect(unsent.textContent).to.contain('未发送，网络恢复后重试').and.contain('填写的内容都还在');
    expect(unsent.classList.contains('warning')).to.equal(true);
    expect(getComputedStyle(unsent).color).to.equal(WARNING);
    expect(form.activeElement, 'focus on the note').to.equal(unsent);
    expect(form.querySelector('[part~="error"]')?.textContent ?? '', 'nothing red').to.equal('');
    expect(form.textContent).not.to.match(/network|unreachable/i);
    // The form as filled, its button 重试; nothing stored, nothing announced as done.
    expect((need(el, '#t-note') as HTMLTextAreaElement).value).to.equal('现场核实属实');
    expect(need(el, '#t-confirm').textContent.trim()).to.equal('重试');
    expect(badge(el)).to.equal(HAZARD_STATUS_LABELS.reported['zh-CN']);
    expect(note(el)).to.equal(undefined);
    await expect(need(el, 'fg-hazard-detail')).to.be.accessible();
    // The network is back: 重试 sends it, and the ledger says what it says of any transition.
    online = true;
    need(el, '#t-confirm').click();
    await until(() => deep(el, 'fg-hazard-transition-form') === undefined, 'the form closed');
    await until(() => need(el, 'fg-hazard-detail').shadowRoot!.textContent.includes('已核实'), 'the normal success');
    expect(badge(el)).to.equal(HAZARD_STATUS_LABELS.verified['zh-CN']);
    const stored = await data.get('hazards', HAZARD.reported);
    expect(stored?.status).to.equal('verified');
    expect(stored?.history.at(-1)?.note).to.equal('现场核实属实');
  });
});

describe('fg-hazard-ledger: the QueuedTransition and RefusedTransition stories', () => {
  for (const [story, state, words] of [[QueuedTransition, 'queued', '待发送（1）：核实'], [RefusedTransition, 'refused', '服务器未接受：核实']] as const) {
    it(`shows ${words}`, async () => {
      const host = document.createElement('div');
      document.body.append(host);
      try {
        render((story.render as () => TemplateResult)(), host);
        const el = host.querySelector('fg-hazard-ledger')!;
        await until(() => note(el)?.dataset.state === state, words);
        expect(note(el)!.textContent).to.contain(words);
        if (state === 'refused') await until(() => note(el)!.textContent.includes('说明中不能写手机号'), 'the reason');
      } finally {
        host.remove();
      }
    });
  }
});
