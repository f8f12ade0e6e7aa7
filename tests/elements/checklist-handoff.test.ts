import { expect, fixture, html } from '@open-wc/testing';
import type { FiregridClient, Hazard } from '@firegrid/core';
import { createFiregridClient, newId, reportedFromDraft } from '@firegrid/core';
import { offlineBackend } from '@firegrid/core/offline';
import '@firegrid/elements/checklist/define';
import type { FgChecklist } from '@firegrid/elements/checklist';
import { HIGH_RISE, SMALL, choose, itemEl, settled, setup } from './checklist-fixtures.js';
import { until } from '../support/wait.js';

// Inspection → hazard handoff: after submit each failed item is a hazard draft listed with 上报 /
// 不上报; 上报 submits it as `reported` (editable first); report-failed="auto" reports them all.
const root = (el: FgChecklist): ShadowRoot => el.shadowRoot!;

async function submitWithTwoFailures(
  mode?: string, clientOf?: (s: ReturnType<typeof setup>) => FiregridClient,
): Promise<{ el: FgChecklist; s: ReturnType<typeof setup>; reported: Hazard[] }> {
  const s = setup();
  const client = clientOf?.(s) ?? s.client;
  const reported: Hazard[] = [];
  const el = await fixture<FgChecklist>(html`<fg-checklist .client=${client} place-id=${HIGH_RISE.id} template-id=${SMALL.id}
    report-failed=${mode ?? 'ask'} @fg-hazard-submit=${(e: CustomEvent<{ hazard: Hazard }>) => { reported.push(e.detail.hazard); }}></fg-checklist>`);
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
  await until(() => root(el).querySelector('[part=handoff]'), 'the handoff');
  await settled(el);
  return { el, s, reported };
}

const drafts = (el: FgChecklist): HTMLElement[] => [...root(el).querySelectorAll<HTMLElement>('[data-draft]')];

describe('fg-checklist: inspection → hazard handoff', () => {
  it('core: a draft becomes a reported hazard with its category, place, note, photos and basis, after edits', () => {
    const draft: Hazard = {
      id: '019a4b2c-0000-7000-8000-0000000000d1', version: 0, createdAt: '2026-03-01T01:30:00Z', updatedAt: '2026-03-01T01:30:00Z', tenantId: 'demo',
      category: 'fire-door', title: '防火门常闭', description: '木楔顶开', placeId: HIGH_RISE.id, gridId: HIGH_RISE.gridId, address: HIGH_RISE.address,
      photos: [{ id: 'p1', url: 'm/p1', sha256: 'a'.repeat(64), width: 4, height: 3, bytes: 9 }], source: 'inspection', inspectionId: '019a4b2c-0000-7000-8000-0000000000e1',
      itemId: 'doors', basis: { doc: 'GB 25201-2010', clause: '5.2', verified: true }, reporter: { kind: 'grid-worker', personId: 'w-0101', confidential: false },
      severity: 'general', status: 'draft', history: [],
    };
    const h = reportedFromDraft(draft, { title: '  ', description: ' 三楼防火门被顶开 ', category: 'other' });
    expect(h).to.include({ status: 'reported', title: '防火门常闭', description: '三楼防火门被顶开', category: 'other', placeId: HIGH_RISE.id, itemId: 'doors', source: 'inspection' });
    expect(h.basis).to.deep.equal(draft.basis);
    expect(h.photos).to.deep.equal(draft.photos);
    expect('version' in h || 'history' in h || 'createdAt' in h).to.equal(false);
  });

  it('lists each failed item with 上报 and 不上报, and the event still carries the drafts', async () => {
    const { el } = await submitWithTwoFailures();
    expect(drafts(el)).to.have.length(2);
    for (const d of drafts(el)) {
      expect(d.querySelector('button.report')!.textContent.trim()).to.equal('上报');
      expect(d.querySelector('button.dismiss')!.textContent.trim()).to.equal('不上报');
    }
    await expect(el).to.be.accessible();
  });

  it('上报 submits the edited draft as reported; it appears in the data and the draft is gone', async () => {
    const { el, s, reported } = await submitWithTwoFailures();
    const first = drafts(el)[0]!;
    const title = first.querySelector<HTMLInputElement>('input')!;
    title.value = '3 楼防火门被木楔顶开';
    title.dispatchEvent(new Event('input', { bubbles: true }));
    await settled(el);
    drafts(el)[0]!.querySelector<HTMLButtonElement>('button.report')!.click();
    await until(() => drafts(el)[0]!.dataset.state === 'reported', 'reported');
    expect(reported).to.have.length(1);
    const stored = await s.data.get('hazards', reported[0]!.id);
    expect(stored).to.include({ status: 'reported', title: '3 楼防火门被木楔顶开', category: 'fire-door', description: '三楼防火门用木楔顶开', placeId: HIGH_RISE.id, itemId: 'doors' });
    expect(stored!.basis).to.not.equal(undefined);
    const left = await s.client.drafts.list('hazards');
    expect(left.map((d) => d.id)).not.to.include(reported[0]!.id);
    expect(left).to.have.length(1);
  });

  it('上报 offline says the hazard is kept on the device, from the receipt', async () => {
    const offline = (s: ReturnType<typeof setup>) => createFiregridClient({
      host: s.host, backend: offlineBackend({ prefix: `fg-test-handoff-${newId()}`, autoSync: false, persist: false }),
    });
    const { el, s, reported } = await submitWithTwoFailures('ask', offline);
    drafts(el)[0]!.querySelector<HTMLButtonElement>('button.report')!.click();
    await until(() => drafts(el)[0]!.dataset.state === 'queued', 'queued');
    expect(drafts(el)[0]!.textContent).to.contain('已保存在本机');
    expect(reported).to.have.length(1);
    expect(await s.data.get('hazards', reported[0]!.id), 'not sent yet').to.equal(null);
  });

  it('不上报 drops the draft and reports nothing', async () => {
    const { el, s, reported } = await submitWithTwoFailures();
    drafts(el)[1]!.querySelector<HTMLButtonElement>('button.dismiss')!.click();
    await until(() => drafts(el)[1]!.dataset.state === 'dismissed', 'dismissed');
    expect(reported).to.have.length(0);
    expect(await s.client.drafts.list('hazards')).to.have.length(1);
    expect((await s.data.list('hazards', {})).items).to.have.length(0);
  });

  it('report-failed="auto" reports every failed item at once', async () => {
    const { el, s, reported } = await submitWithTwoFailures('auto');
    await until(() => drafts(el).every((d) => d.dataset.state === 'reported'), 'all reported');
    expect(reported).to.have.length(2);
    const stored = (await s.data.list('hazards', {})).items;
    expect(stored.map((h) => [h.itemId, h.status]).sort()).to.deep.equal([['cutoff', 'reported'], ['doors', 'reported']]);
    expect(await s.client.drafts.list('hazards')).to.have.length(0);
  });

  it('report-failed="off" leaves the drafts to the host', async () => {
    const s = setup();
    const el = await fixture<FgChecklist>(html`<fg-checklist .client=${s.client} place-id=${HIGH_RISE.id} template-id=${SMALL.id} report-failed="off"></fg-checklist>`);
    await settled(el);
    choose(el, 'exits', 'pass');
    choose(el, 'doors', 'pass');
    choose(el, 'shed', 'pass');
    choose(el, 'cutoff', 'fail');
    await settled(el);
    root(el).querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await until(() => root(el).textContent.includes('已提交'), 'submitted');
    await settled(el);
    expect(root(el).querySelector('[part=handoff]')).to.equal(null);
    expect(await s.client.drafts.list('hazards')).to.have.length(1);
  });
});
