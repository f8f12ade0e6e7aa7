import { expect, fixture, html } from '@open-wc/testing';
import { createFiregridClient, defineHost, hazardCommands, memoryDataPort, newId } from '@firegrid/core';
import { offlineBackend } from '@firegrid/core/offline';
import type { ChecklistTemplate, DataPort, FiregridClient, Hazard } from '@firegrid/core';
import '@firegrid/elements/checklist/define';
import type { FgChecklist } from '@firegrid/elements/checklist';
import { HIGH_RISE, OFFICE, SESSION, SMALL, choose, itemEl, png, settled } from './checklist-fixtures.js';
import { until } from '../support/wait.js';

// Issue 19 item 4: the checklist's failed-item list offers 当场整改 per item — photos before (the
// item's own) and after, a note — through core's client (`client.hazards.fixFailedItem`: the draft
// stored, then the `fix-on-spot` command); never for a major candidate.
const root = (el: FgChecklist): ShadowRoot => el.shadowRoot!;
const drafts = (el: FgChecklist): HTMLElement[] => [...root(el).querySelectorAll<HTMLElement>('[data-draft]')];
const draftOf = (el: FgChecklist, itemId: string, data: Map<string, string>): HTMLElement => {
  const d = drafts(el).find((x) => data.get(x.dataset.draft ?? '') === itemId);
  if (d === undefined) throw new Error(`no draft of ${itemId}`);
  return d;
};

/** SMALL with its 'cutoff' item a major candidate. */
const template: ChecklistTemplate = {
  ...SMALL,
  sections: SMALL.sections.map((s) => ({ ...s, items: s.items.map((i) => (i.id === 'cutoff' ? { ...i, severity: 'major-candidate' as const } : i)) })),
};

async function submitted(offline = false): Promise<{ el: FgChecklist; data: DataPort; client: FiregridClient; items: Map<string, string> }> {
  const data = memoryDataPort({ places: [HIGH_RISE, OFFICE], templates: [template] }, { tenantId: 'demo', commands: hazardCommands({ actor: SESSION.user }) });
  const client = createFiregridClient({
    host: defineHost({ session: () => Promise.resolve(SESSION), data, media: { capture: async () => [await png()] } }),
    ...(offline ? { backend: offlineBackend({ prefix: `fg-test-fix-${newId()}`, autoSync: false, persist: false }) } : {}),
  });
  const el = await fixture<FgChecklist>(html`<fg-checklist .client=${client} place-id=${HIGH_RISE.id} template-id=${template.id} report-failed="ask"></fg-checklist>`);
  await settled(el);
  choose(el, 'exits', 'pass');
  choose(el, 'doors', 'fail');
  choose(el, 'shed', 'pass');
  choose(el, 'cutoff', 'fail');
  await settled(el);
  const note = itemEl(el, 'doors').querySelector('textarea')!;
  note.value = '三楼防火门用木楔顶开';
  note.dispatchEvent(new Event('input', { bubbles: true }));
  await settled(el);
  root(el).querySelector<HTMLButtonElement>('[part=submit]')!.click();
  await until(() => drafts(el).length === 2, 'the handoff');
  await settled(el);
  const items = new Map<string, string>();
  for (const d of await client.drafts.list('hazards')) items.set(d.id, (d as Hazard).itemId ?? '');
  return { el, data, client, items };
}

describe('fg-checklist: 当场整改 per failed item', () => {
  it('fixes a general item on the spot with photos before and after and a note: closed, through the fix-on-spot command', async () => {
    const { el, data, client, items } = await submitted();
    const door = draftOf(el, 'doors', items);
    const id = door.dataset.draft!;
    door.querySelector<HTMLButtonElement>('button.fix')!.click();
    await until(() => draftOf(el, 'doors', items).querySelector('[part=fix]'), 'the fix form');
    await expect(el).to.be.accessible();
    // Nothing is sent without the photos and the note.
    draftOf(el, 'doors', items).querySelector<HTMLButtonElement>('button.fix-confirm')!.click();
    await until(() => (draftOf(el, 'doors', items).querySelector('[role=alert]')?.textContent ?? '').includes('整改前'), 'the refusal');
    expect(await data.get('hazards', id)).to.equal(null);
    const fixed = draftOf(el, 'doors', items);
    fixed.querySelector<HTMLButtonElement>('[id$=-add-before]')!.click();
    await until(() => draftOf(el, 'doors', items).querySelector('[data-photos=before] legend')?.textContent.includes('（1）'), 'a photo before');
    draftOf(el, 'doors', items).querySelector<HTMLButtonElement>('[id$=-add-after]')!.click();
    await until(() => draftOf(el, 'doors', items).querySelector('[data-photos=after] legend')?.textContent.includes('（1）'), 'a photo after');
    const note = draftOf(el, 'doors', items).querySelector<HTMLTextAreaElement>('[id$=-fix-note]')!;
    note.value = '当场拔掉木楔，防火门已关闭';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    draftOf(el, 'doors', items).querySelector<HTMLButtonElement>('button.fix-confirm')!.click();
    await until(() => draftOf(el, 'doors', items).dataset.state === 'fixed', 'fixed');
    expect(draftOf(el, 'doors', items).textContent).to.contain('已当场整改');
    const stored = (await data.get('hazards', id))!;
    expect([stored.status, stored.itemId, stored.source]).to.deep.equal(['closed', 'doors', 'inspection']);
    const entry = stored.history.at(-1)!;
    expect([entry.action, entry.from, entry.by, entry.note]).to.deep.equal(['fix-on-spot', 'draft', 'w-0101', '当场拔掉木楔，防火门已关闭']);
    expect([entry.before?.length, entry.evidence?.length]).to.deep.equal([1, 1]);
    expect((await client.drafts.list('hazards')).map((d) => d.id)).not.to.include(id);
  });

  it('offline, the fix is kept on the device (the hazard and its fix-on-spot queued in that order) and sent by sync', async () => {
    const { el, data, client, items } = await submitted(true);
    const id = draftOf(el, 'doors', items).dataset.draft!;
    draftOf(el, 'doors', items).querySelector<HTMLButtonElement>('button.fix')!.click();
    await until(() => draftOf(el, 'doors', items).querySelector('[part=fix]'), 'the fix form');
    draftOf(el, 'doors', items).querySelector<HTMLButtonElement>('[id$=-add-before]')!.click();
    await until(() => draftOf(el, 'doors', items).querySelector('[data-photos=before] legend')?.textContent.includes('（1）'), 'a photo before');
    draftOf(el, 'doors', items).querySelector<HTMLButtonElement>('[id$=-add-after]')!.click();
    await until(() => draftOf(el, 'doors', items).querySelector('[data-photos=after] legend')?.textContent.includes('（1）'), 'a photo after');
    const note = draftOf(el, 'doors', items).querySelector<HTMLTextAreaElement>('[id$=-fix-note]')!;
    note.value = '当场关闭防火门';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    draftOf(el, 'doors', items).querySelector<HTMLButtonElement>('button.fix-confirm')!.click();
    await until(() => draftOf(el, 'doors', items).dataset.state === 'fixedQueued', 'kept on the device');
    expect(draftOf(el, 'doors', items).textContent).to.contain('保存在本机');
    expect(await data.get('hazards', id), 'not sent yet').to.equal(null);
    await client.offline!.sync({ force: true });
    expect((await data.get('hazards', id))?.status).to.equal('closed');
    const entry = (await data.get('hazards', id))!.history.at(-1)!;
    expect([entry.action, entry.before?.length, entry.evidence?.length]).to.deep.equal(['fix-on-spot', 1, 1]);
  });

  it('offers no 当场整改 for a major candidate, and core refuses it before sending anything', async () => {
    const { el, client, data, items } = await submitted();
    const major = draftOf(el, 'cutoff', items);
    expect(major.querySelector('button.fix')).to.equal(null);
    expect(major.textContent).to.contain('不能当场整改');
    const draft = (await client.drafts.list('hazards')).find((d) => d.id === major.dataset.draft) as Hazard;
    let code = '';
    try {
      await client.hazards.fixFailedItem(draft, { note: '已处理', before: ['p1'], evidence: ['p2'] });
    } catch (e) {
      code = (e as { code: string }).code;
    }
    expect(code).to.equal('transition');
    expect(await data.get('hazards', draft.id)).to.equal(null);
  });
});
