// fg-captain-registry's saves and imports with the offline client (issue 17 item 2): made
// offline they say 待发送（n） in the warning tone, then 已发送 once the outbox has sent them; one
// the server refuses after it was queued says 服务器未接受 and why, the list goes back to how it
// was, and 修改后重新提交 opens the form (or the preview) again as it was filled in. A real offline
// backend (core's, over real IndexedDB) with a test-double network behind it.
import { expect, fixture, html } from '@open-wc/testing';
import { FiregridError, captainCommands, createFiregridClient, defineHost, memoryDataPort, newId } from '@firegrid/core';
import type { DataPort, FiregridClient } from '@firegrid/core';
import { offlineBackend } from '@firegrid/core/offline';
import '@firegrid/elements/captain-registry/define';
import type { FgCaptainRegistry } from '@firegrid/elements/captain-registry';
import { QueuedSave, RefusedSave, captainNow, captainOrgUnits, captainSession, captainWorld } from '../../stories/captain-registry.stories.js';
import { render } from 'lit';
import type { TemplateResult } from 'lit';
import { until } from '../support/wait.js';
import { ERROR, SUCCESS, WARNING, refusingHttpPort } from '../support/queued.js';

const root = (el: FgCaptainRegistry): ShadowRoot => el.shadowRoot!;
const rows = (el: FgCaptainRegistry): HTMLElement[] => [...root(el).querySelectorAll<HTMLElement>('[part~="row"]')];
const nameOf = (row: HTMLElement): string => row.querySelector('.name')!.textContent;
const rowNamed = (el: FgCaptainRegistry, building: string): HTMLElement | undefined => rows(el).find((r) => nameOf(r) === building);
const note = (el: FgCaptainRegistry): HTMLElement | null => root(el).querySelector('#sync-note');
function type(field: HTMLInputElement | HTMLSelectElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
}
const field = (el: FgCaptainRegistry, id: string): HTMLInputElement => root(el).querySelector<HTMLInputElement>(`#editor #${id}`)!;

/** The server behind the outbox: a memory port refusing writes (422 over HTTP, naming a field) while `refuse`. */
function server(): { data: DataPort; port: DataPort; setRefuse: (refuse: boolean) => void } {
  const world = captainWorld({ buildings: 9, covered: 0.3 });
  const data = memoryDataPort({ places: world.places, captains: world.captains, workers: world.workers }, { tenantId: 'demo', now: () => captainNow, commands: captainCommands() });
  const refusing = refusingHttpPort('person.phone: number not in service', 'person.phone', '该号码为空号，请核对楼长电话');
  let refuse = false;
  return {
    data,
    port: {
      ...data,
      save: (kind, record, o) => (refuse ? refusing.save(kind, record, o) : data.save(kind, record, o)),
      command: (name, payload, o) => (refuse ? refusing.command(name, payload, o) : data.command(name, payload, o)),
    },
    setRefuse: (r) => { refuse = r; },
  };
}

async function mount(port: DataPort): Promise<{ el: FgCaptainRegistry; client: FiregridClient; errors: unknown[] }> {
  const client = createFiregridClient({
    host: defineHost({ session: () => Promise.resolve(captainSession), data: port }),
    now: () => captainNow,
    // Not sent until the test says the network is back (sync).
    backend: offlineBackend({ prefix: `fg-test-registry-queued-${newId()}`, autoSync: false, persist: false }),
  });
  const el = await fixture<FgCaptainRegistry>(html`<fg-captain-registry .client=${client} .orgUnits=${captainOrgUnits}></fg-captain-registry>`);
  await until(() => rows(el).length > 0, 'the first rows');
  const errors: unknown[] = [];
  el.addEventListener('fg-error', (e) => { errors.push(e.detail); });
  return { el, client, errors };
}

/** Registers 赵海燕 at the first vacant building through the form; resolves with the building's name. */
async function register(el: FgCaptainRegistry): Promise<string> {
  const row = rows(el).find((r) => r.classList.contains('vacant'))!;
  const building = nameOf(row);
  row.querySelector<HTMLButtonElement>('button[data-action="register"]')!.click();
  await until(() => root(el).querySelector<HTMLDialogElement>('#editor')?.open === true && root(el).querySelector('#editor #f-name') !== null, 'the form');
  type(field(el, 'f-name'), '赵海燕');
  type(field(el, 'f-phone'), '135 1234 5678');
  await el.updateComplete;
  root(el).querySelector<HTMLButtonElement>('#editor button[type="submit"]')!.click();
  return building;
}

describe('fg-captain-registry: a save made offline', () => {
  it('says 待发送（1） in the warning tone, the row shows the captain at once, then 已发送 once sent', async () => {
    const { data, port } = server();
    const { el, client, errors } = await mount(port);
    const building = await register(el);
    await until(() => note(el)?.dataset.state === 'queued', '待发送');
    expect(note(el)!.textContent).to.contain('待发送（1）：赵海燕').and.contain('有网络时会自动发送');
    expect(getComputedStyle(note(el)!).color).to.equal(WARNING);
    expect(root(el).activeElement?.id).to.equal('sync-note');
    expect(rowNamed(el, building)!.textContent).to.contain('赵海燕');
    expect((await data.list('captains', { limit: 500 })).items.some((c) => c.person.name === '赵海燕'), 'not sent yet').to.equal(false);
    await expect(el).to.be.accessible();
    await client.offline!.sync({ force: true });
    await until(() => note(el)?.dataset.state === 'sent', '已发送');
    expect(note(el)!.textContent).to.contain('已发送：赵海燕').and.not.contain('待发送');
    expect(getComputedStyle(note(el)!).color).to.equal(SUCCESS);
    expect((await data.list('captains', { limit: 500 })).items.some((c) => c.person.name === '赵海燕')).to.equal(true);
    expect(errors).to.deep.equal([]);
  });

  it('refused after it was queued: 服务器未接受 and why, the row as it was, and 修改后重新提交 brings the form back as filled in', async () => {
    const { data, port, setRefuse } = server();
    const { el, client, errors } = await mount(port);
    const building = await register(el);
    await until(() => note(el)?.dataset.state === 'queued', '待发送');
    setRefuse(true);
    await client.offline!.sync({ force: true });
    await until(() => note(el)?.dataset.state === 'refused', '服务器未接受');
    await until(() => note(el)!.textContent.includes('该号码为空号'), 'the reason');
    const refused = note(el)!;
    expect(refused.textContent).to.contain('服务器未接受：赵海燕').and.contain('服务器没有接受提交的内容').and.contain('填写的内容没有丢失');
    expect(refused.textContent).not.to.match(/待发送|PUT|\/v1|422|Unprocessable|not in service/);
    expect(refused.getAttribute('role')).to.equal('alert');
    expect(getComputedStyle(refused).color).to.equal(ERROR);
    expect(errors, 'the host hears of it once').to.have.length(1);
    // The building is vacant again in the list; the outbox keeps the write for a person.
    await until(() => rowNamed(el, building)?.classList.contains('vacant'), 'the row as it was');
    expect(rowNamed(el, building)!.textContent).not.to.contain('赵海燕');
    expect((await client.offline!.status()).failed).to.have.length(1);
    await expect(el).to.be.accessible();
    // 修改后重新提交: the form as it was filled in, with why.
    root(el).querySelector<HTMLButtonElement>('#sync-edit')!.click();
    await until(() => root(el).querySelector<HTMLDialogElement>('#editor')?.open === true && root(el).querySelector('#editor #f-name') !== null, 'the form again');
    expect(field(el, 'f-name').value).to.equal('赵海燕');
    expect(field(el, 'f-phone').value).to.equal('135 1234 5678');
    expect(root(el).querySelector('#editor')!.textContent).to.contain('该号码为空号');
    // Corrected and saved again: the refused write leaves the outbox, the new one is sent.
    setRefuse(false);
    type(field(el, 'f-phone'), '13612345678');
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('#editor button[type="submit"]')!.click();
    await until(() => note(el)?.dataset.state === 'queued', '待发送 again');
    const status = await client.offline!.status();
    expect(status.failed).to.have.length(0);
    expect(status.pending).to.have.length(1);
    await client.offline!.sync({ force: true });
    await until(() => note(el)?.dataset.state === 'sent', '已发送');
    const stored = (await data.list('captains', { limit: 500 })).items.filter((c) => c.person.name === '赵海燕');
    expect(stored.map((c) => c.person.phone)).to.deep.equal(['13612345678']);
  });
});

describe('fg-captain-registry: an import made offline', () => {
  it('is queued (待发送), then sent; refused, the preview comes back with why', async () => {
    const { data, port, setRefuse } = server();
    const { el, client } = await mount(port);
    const vacant = rows(el).filter((r) => r.classList.contains('vacant')).slice(0, 2).map(nameOf);
    const file = new File([`楼栋,楼长,联系电话\r\n${vacant[0]},司马光明,13612345678\r\n${vacant[1]},欧阳晓雪,0351-7654321\r\n`], '楼长.csv', { type: 'text/csv' });
    const confirm = async (): Promise<void> => {
      await el.updateComplete;
      [...root(el).querySelectorAll<HTMLButtonElement>('[part~="preview"] button')].find((b) => b.textContent.includes('确认导入'))!.click();
    };
    // Refused after it was queued.
    await el.importFile(file);
    await confirm();
    await until(() => note(el)?.dataset.state === 'queued', '待发送');
    expect(note(el)!.textContent).to.contain('待发送（1）：导入 2 条记录');
    expect(rowNamed(el, vacant[0]!)!.textContent).to.contain('司马光明');
    setRefuse(true);
    await client.offline!.sync({ force: true });
    await until(() => note(el)?.dataset.state === 'refused' && note(el)!.textContent.includes('该号码为空号'), '服务器未接受 and why');
    await until(() => rowNamed(el, vacant[0]!)?.classList.contains('vacant'), 'the rows as they were');
    root(el).querySelector<HTMLButtonElement>('#sync-edit')!.click();
    await until(() => root(el).querySelector('[part~="preview"]'), 'the preview again');
    expect(root(el).querySelector('[part~="error"]')!.textContent).to.contain('该号码为空号');
    // Sent again as it is, once the server accepts it.
    setRefuse(false);
    await confirm();
    await until(() => note(el)?.dataset.state === 'queued', '待发送 again');
    expect((await client.offline!.status()).failed).to.have.length(0);
    await client.offline!.sync({ force: true });
    await until(() => note(el)?.dataset.state === 'sent', '已发送');
    const names = (await data.list('captains', { limit: 500 })).items.map((c) => c.person.name);
    expect(names).to.include.members(['司马光明', '欧阳晓雪']);
    // Read again as the server stored them.
    await until(() => rowNamed(el, vacant[1]!)?.textContent.includes('欧阳晓雪'), 'the stored rows');
  });
});

describe('fg-captain-registry: a client without the offline layer, the network down', () => {
  /** The registry over a memory port whose writes fail as a network that is down does, until `setOnline(true)`. */
  async function mountOnline(options: Parameters<typeof captainWorld>[0] = { buildings: 9, covered: 0.3 }): Promise<{ el: FgCaptainRegistry; data: DataPort; setOnline: (online: boolean) => void; errors: unknown[] }> {
    const world = captainWorld(options);
    const data = memoryDataPort({ places: world.places, captains: world.captains, workers: world.workers }, { tenantId: 'demo', now: () => captainNow, commands: captainCommands() });
    let online = false;
    const down = (): Promise<never> => Promise.reject(new FiregridError('network', 'The network is unreachable'));
    const port: DataPort = {
      ...data,
      save: (kind, record, o) => (online ? data.save(kind, record, o) : down()),
      command: (name, payload, o) => (online ? data.command(name, payload, o) : down()),
    };
    const client = createFiregridClient({ host: defineHost({ session: () => Promise.resolve(captainSession), data: port }), now: () => captainNow });
    expect(client.offline).to.equal(undefined);
    const el = await fixture<FgCaptainRegistry>(html`<fg-captain-registry .client=${client} .orgUnits=${captainOrgUnits}></fg-captain-registry>`);
    await until(() => rows(el).length > 0, 'the first rows');
    const errors: unknown[] = [];
    el.addEventListener('fg-error', (e) => { errors.push(e.detail); });
    return { el, data, setOnline: (o) => { online = o; }, errors };
  }
  const unsentIn = (el: FgCaptainRegistry, where: string): HTMLElement | undefined => root(el).querySelector<HTMLElement>(`${where} [part~="unsent"]`) ?? undefined;
  const nothingRed = (el: FgCaptainRegistry): void => {
    expect(root(el).querySelector('[part~="error"]')?.textContent ?? '', 'no alert').to.equal('');
    expect([...root(el).querySelectorAll('#editor .msg.error')].map((m) => m.textContent).join(''), 'no error in the form').to.equal('');
    expect(root(el).textContent).not.to.match(/network|unreachable/i);
  };

  it('a save keeps the form as filled, says 未发送，网络恢复后重试 (not red), and 重试 saves it once the network is back', async () => {
    const { el, data, setOnline, errors } = await mountOnline();
    const building = await register(el);
    const unsent = await until(() => unsentIn(el, '#editor'), '未发送');
    expect(unsent.textContent).to.contain('未发送，网络恢复后重试').and.contain('填写的内容都还在');
    expect(unsent.classList.contains('warning')).to.equal(true);
    expect(getComputedStyle(unsent).color).to.equal(WARNING);
    expect(root(el).activeElement, 'focus on the note').to.equal(unsent);
    nothingRed(el);
    expect(errors).to.deep.equal([]);
    expect(root(el).querySelector<HTMLDialogElement>('#editor')!.open).to.equal(true);
    expect(field(el, 'f-name').value).to.equal('赵海燕');
    expect(field(el, 'f-phone').value).to.equal('135 1234 5678');
    const save = root(el).querySelector<HTMLButtonElement>('#editor button[type="submit"]')!;
    expect(save.textContent.trim()).to.equal('重试');
    expect(rowNamed(el, building)!.classList.contains('vacant')).to.equal(true);
    expect(note(el), 'not queued: there is no outbox').to.equal(null);
    await expect(el).to.be.accessible();
    // The network is back: 重试 saves it, with the normal success.
    setOnline(true);
    save.click();
    await until(() => root(el).querySelector<HTMLDialogElement>('#editor')?.open === false, 'the form closed');
    await until(() => root(el).querySelector('#notice')?.textContent.includes('赵海燕') === true, 'the success notice');
    expect(root(el).querySelector('#notice')!.classList.contains('success')).to.equal(true);
    expect(rowNamed(el, building)!.textContent).to.contain('赵海燕');
    expect((await data.list('captains', { limit: 500 })).items.filter((c) => c.person.name === '赵海燕').map((c) => c.person.phone)).to.have.length(1);
  });

  it('an import keeps the preview, says 未发送，网络恢复后重试 (not red), and 重试 imports it once the network is back', async () => {
    const { el, data, setOnline, errors } = await mountOnline();
    const vacant = rows(el).filter((r) => r.classList.contains('vacant')).slice(0, 2).map(nameOf);
    await el.importFile(new File([`楼栋,楼长,联系电话\r\n${vacant[0]},司马光明,13612345678\r\n${vacant[1]},欧阳晓雪,0351-7654321\r\n`], '楼长.csv', { type: 'text/csv' }));
    await el.updateComplete;
    const confirm = (): HTMLButtonElement => root(el).querySelector<HTMLButtonElement>('[part~="preview"] button.primary')!;
    expect(confirm().textContent).to.contain('确认导入 2 条记录');
    confirm().click();
    const unsent = await until(() => unsentIn(el, '[part~="preview"]'), '未发送');
    expect(unsent.textContent).to.contain('未发送，网络恢复后重试');
    expect(getComputedStyle(unsent).color).to.equal(WARNING);
    expect(root(el).activeElement, 'focus on the note').to.equal(unsent);
    nothingRed(el);
    expect(errors).to.deep.equal([]);
    expect(confirm().textContent.trim()).to.equal('重试');
    expect(rowNamed(el, vacant[0]!)!.classList.contains('vacant')).to.equal(true);
    setOnline(true);
    confirm().click();
    await until(() => root(el).querySelector('[part~="preview"]') === null, 'the preview closed');
    await until(() => root(el).querySelector('#notice')?.textContent.includes('已导入 2 条记录') === true, 'the success notice');
    expect(root(el).querySelector('#notice')!.classList.contains('success')).to.equal(true);
    expect((await data.list('captains', { limit: 500 })).items.map((c) => c.person.name)).to.include.members(['司马光明', '欧阳晓雪']);
    await until(() => rowNamed(el, vacant[0]!)?.textContent.includes('司马光明'), 'the rows');
  });

  /** The 未发送 note in the row of `building`, and its 重试. */
  const rowUnsent = (el: FgCaptainRegistry, building: string): HTMLElement | undefined => rowNamed(el, building)?.querySelector<HTMLElement>('[part~="unsent"]') ?? undefined;
  const rowRetry = (el: FgCaptainRegistry, building: string): HTMLButtonElement => rowNamed(el, building)!.querySelector<HTMLButtonElement>('button[data-action="retry"]')!;
  const expectUnsentIn = async (el: FgCaptainRegistry, building: string): Promise<void> => {
    const unsent = await until(() => rowUnsent(el, building), '未发送 in the row');
    expect(unsent.textContent).to.contain('未发送，网络恢复后重试');
    expect(unsent.classList.contains('warning')).to.equal(true);
    expect(getComputedStyle(unsent).color).to.equal(WARNING);
    expect(root(el).activeElement, 'focus on the note').to.equal(unsent);
    expect(rowRetry(el, building).textContent).to.contain('重试');
    nothingRed(el);
  };

  it('标记已公示: the row says 未发送，网络恢复后重试 (not red), and its 重试 marks it once the network is back', async () => {
    const { el, data, setOnline, errors } = await mountOnline({ buildings: 9, covered: 1, unposted: 1 });
    const row = rows(el).find((r) => r.classList.contains('unposted'))!;
    const building = nameOf(row);
    row.querySelector<HTMLButtonElement>('button[data-action="posted"]')!.click();
    await expectUnsentIn(el, building);
    expect(errors).to.deep.equal([]);
    expect(rowNamed(el, building)!.classList.contains('unposted')).to.equal(true);
    await expect(el).to.be.accessible();
    setOnline(true);
    rowRetry(el, building).click();
    await until(() => root(el).querySelector('#notice')?.textContent.includes('已保存') === true, 'the success notice');
    expect(root(el).querySelector('#notice')!.classList.contains('success')).to.equal(true);
    await until(() => rowNamed(el, building)?.classList.contains('covered'), 'the row posted');
    expect(rowUnsent(el, building), 'the note gone').to.equal(undefined);
    const buildingId = rowNamed(el, building)!.dataset.building!;
    const stored = (await data.list('captains', { limit: 500 })).items.filter((c) => c.buildingId === buildingId && c.term.to === undefined);
    expect(stored.map((c) => c.publicisedAt)).to.deep.equal([captainNow.toISOString()]);
  });

  it('撤销 an ended term: the row says 未发送，网络恢复后重试 (not red), and its 重试 undoes it once the network is back', async () => {
    const { el, data, setOnline, errors } = await mountOnline({ buildings: 9, covered: 1, unposted: 0 });
    setOnline(true);
    const row = rows(el).find((r) => r.classList.contains('covered'))!;
    const building = nameOf(row);
    const buildingId = row.dataset.building!;
    row.querySelector<HTMLButtonElement>('button[data-action="end"]')!.click();
    await until(() => root(el).querySelector<HTMLDialogElement>('#editor')?.open === true && root(el).querySelector('#editor #f-end') !== null, 'the form');
    type(field(el, 'f-end'), '2026-11-03');
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('#editor button[type="submit"]')!.click();
    const undo = await until(() => root(el).querySelector<HTMLButtonElement>('#notice #undo'), '撤销');
    setOnline(false);
    undo.click();
    await expectUnsentIn(el, building);
    expect(errors).to.deep.equal([]);
    expect((await data.list('captains', { limit: 500 })).items.filter((c) => c.buildingId === buildingId && c.term.to === undefined), 'still ended').to.have.length(0);
    await expect(el).to.be.accessible();
    setOnline(true);
    rowRetry(el, building).click();
    await until(() => root(el).querySelector('#notice')?.textContent.includes('已撤销') === true, 'the success notice');
    expect(root(el).querySelector('#notice')!.classList.contains('success')).to.equal(true);
    expect(rowUnsent(el, building), 'the note gone').to.equal(undefined);
    expect((await data.list('captains', { limit: 500 })).items.filter((c) => c.buildingId === buildingId && c.term.to === undefined), 'in office again').to.have.length(1);
  });
});

describe('fg-captain-registry: 标记已公示 made offline', () => {
  it('says 待发送（1） in the warning tone, then 已发送 once sent', async () => {
    const { data, port } = server();
    const { el, client, errors } = await mount(port);
    const row = rows(el).find((r) => r.classList.contains('unposted'))!;
    const buildingId = row.dataset.building!;
    row.querySelector<HTMLButtonElement>('button[data-action="posted"]')!.click();
    await until(() => note(el)?.dataset.state === 'queued', '待发送');
    expect(note(el)!.textContent).to.contain('待发送（1）');
    expect(getComputedStyle(note(el)!).color).to.equal(WARNING);
    const posted = async (): Promise<boolean> => (await data.list('captains', { limit: 500 })).items.some((c) => c.buildingId === buildingId && c.publicisedAt === captainNow.toISOString());
    expect(await posted(), 'not sent yet').to.equal(false);
    await client.offline!.sync({ force: true });
    await until(() => note(el)?.dataset.state === 'sent', '已发送');
    expect(await posted()).to.equal(true);
    expect(errors).to.deep.equal([]);
  });
});

describe('fg-captain-registry: the QueuedSave and RefusedSave stories', () => {
  for (const [story, state, words] of [[QueuedSave, 'queued', '待发送（1）：赵海燕'], [RefusedSave, 'refused', '服务器未接受：赵海燕']] as const) {
    it(`shows ${words}`, async () => {
      const host = document.createElement('div');
      document.body.append(host);
      try {
        render((story.render as () => TemplateResult)(), host);
        const el = host.querySelector('fg-captain-registry')!;
        await until(() => note(el)?.dataset.state === state, words);
        expect(note(el)!.textContent).to.contain(words);
        if (state === 'refused') await until(() => note(el)!.textContent.includes('该号码为空号'), 'the reason');
      } finally {
        host.remove();
      }
    });
  }
});
