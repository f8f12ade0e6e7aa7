// fg-checklist and template revisions (issue 23 item 3): a draft opens under the revision it was
// started with, not the latest, and says a newer one exists; a new inspection uses the latest.
import { expect, fixture, html } from '@open-wc/testing';
import { FiregridError, createFiregridClient, defineHost, memoryDataPort, startInspection } from '@firegrid/core';
import type { DataPort } from '@firegrid/core';
import { offlineBackend } from '@firegrid/core/offline';
import type { ChecklistTemplate, FiregridClient, Inspection } from '@firegrid/core';
import { dailyPatrol } from '@firegrid/core/templates';
import '@firegrid/elements/checklist/define';
import type { FgChecklist } from '@firegrid/elements/checklist';
import { HIGH_RISE, OFFICE, SESSION, SMALL, choose, settled, setup } from './checklist-fixtures.js';
import { WAIT_MS, until } from '../support/wait.js';

/** The worker's first draft once `ok` holds for it (the checklist saves answers as it goes). */
async function savedDraft(client: FiregridClient, ok: (d: { answers?: Inspection['answers']; templateVersion?: number }) => boolean, what: string): Promise<{ templateVersion?: number }> {
  const end = performance.now() + WAIT_MS;
  for (;;) {
    const d = (await client.drafts.list('inspections'))[0];
    if (d !== undefined && ok(d)) return d;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 16));
  }
}

/** Revision 2 of SMALL: another title, and the e-bike section replaced by one new item. */
const SMALL_2: ChecklistTemplate = {
  ...SMALL, revision: 2, title: { 'zh-CN': '楼道快速检查（第二版）', en: 'Quick stairwell check (2)' },
  sections: [SMALL.sections[0]!, {
    id: 's3', title: { 'zh-CN': '消火栓', en: 'Hydrants' }, items: [{
      id: 'hydrant', text: { 'zh-CN': '室内消火栓箱内水带、水枪齐全', en: 'Hose and nozzle in the hydrant cabinet' }, severity: 'general',
      category: 'hydrant-no-water', basis: { doc: 'GB 25201-2010', verified: false }, evidence: { photoOnFail: true, noteOnFail: true },
    }],
  }],
};

const root = (el: FgChecklist) => el.shadowRoot!;
const title = (el: FgChecklist) => root(el).querySelector('h2')?.textContent;
const items = (el: FgChecklist) => [...root(el).querySelectorAll<HTMLElement>('[data-item]')].map((x) => x.dataset.item);
const note = (el: FgChecklist) => root(el).querySelector('[part~=revision]')?.textContent.trim();

function draftUnder(template: ChecklistTemplate, placeId: string, revision = template.revision): Inspection {
  return { ...startInspection({ template, place: { id: placeId }, inspectorId: SESSION.user.id, tenantId: 'demo', now: new Date() }), templateVersion: revision };
}

async function mount(client: FiregridClient, templateId: string, placeId = HIGH_RISE.id, locale = 'zh-CN'): Promise<FgChecklist> {
  const el = await fixture<FgChecklist>(html`<fg-checklist .client=${client} locale=${locale} place-id=${placeId} template-id=${templateId}></fg-checklist>`);
  await settled(el);
  await until(() => title(el), 'the checklist to show its title');
  return el;
}

describe('fg-checklist: template revisions', () => {
  it('opens a draft started under revision 1 with revision 1, and says revision 2 exists', async () => {
    const { client } = setup({ templates: [SMALL, SMALL_2] });
    await client.drafts.save('inspections', { ...draftUnder(SMALL, HIGH_RISE.id), answers: { shed: { result: 'pass' } } });
    const el = await mount(client, SMALL.id);
    expect(title(el)).to.equal('楼道快速检查');
    expect(items(el)).to.include.members(['exits', 'doors', 'shed', 'cutoff']);
    expect(items(el)).to.not.include('hydrant');
    expect(note(el)).to.equal('本次检查按检查表第 1 版填写；该检查表已有第 2 版，新的检查将使用第 2 版。');
    // Answering keeps the draft under its revision.
    choose(el, 'exits', 'pass');
    const saved = await savedDraft(client, (d) => d.answers?.exits !== undefined, 'the draft to be saved');
    expect(saved.templateVersion).to.equal(1);
  });

  it('says it in English too', async () => {
    const { client } = setup({ templates: [SMALL, SMALL_2] });
    await client.drafts.save('inspections', draftUnder(SMALL, HIGH_RISE.id));
    const el = await mount(client, SMALL.id, HIGH_RISE.id, 'en');
    expect(note(el)).to.equal('This inspection follows revision 1 of the checklist; revision 2 exists, and new inspections use it.');
  });

  it('starts a new inspection under the latest revision, with no note', async () => {
    const { client } = setup({ templates: [SMALL, SMALL_2] });
    const el = await mount(client, SMALL.id);
    expect(title(el)).to.equal('楼道快速检查（第二版）');
    expect(items(el)).to.include('hydrant');
    expect(note(el)).to.equal(undefined);
    choose(el, 'exits', 'pass');
    const saved = await savedDraft(client, (d) => d.answers?.exits !== undefined, 'the new draft to be saved');
    expect(saved.templateVersion).to.equal(2);
  });

  it('opens a submitted inspection (inspection-id) under its revision', async () => {
    const { client, data } = setup({ templates: [SMALL, SMALL_2] });
    const answers = { exits: { result: 'pass' }, doors: { result: 'pass' }, shed: { result: 'na' } } as const;
    const submitted = await data.save('inspections', { ...draftUnder(SMALL, HIGH_RISE.id), answers, state: 'submitted', submittedAt: new Date().toISOString() },
      { idempotencyKey: crypto.randomUUID() });
    const el = await fixture<FgChecklist>(html`<fg-checklist .client=${client} inspection-id=${submitted.id}></fg-checklist>`);
    await settled(el);
    await until(() => title(el), 'the inspection to show');
    expect(title(el)).to.equal('楼道快速检查');
    expect(note(el)).to.contain('第 1 版');
  });

  it('continues a draft under the latest when the host cannot serve its revision (the built-in library), and says so', async () => {
    const { client } = setup({ templates: [] });
    await client.drafts.save('inspections', draftUnder(dailyPatrol, OFFICE.id, dailyPatrol.revision - 1));
    const el = await mount(client, dailyPatrol.id, OFFICE.id);
    expect(title(el)).to.equal(dailyPatrol.title['zh-CN']);
    expect(note(el)).to.equal(`本草稿开始时用的检查表第 ${dailyPatrol.revision - 1} 版已无法读取，现按第 ${dailyPatrol.revision} 版继续填写；已填的答案按检查项保留。`);
    const first = dailyPatrol.sections[0]!.items[0]!.id;
    choose(el, first, 'pass');
    const saved = await savedDraft(client, (d) => d.answers?.[first] !== undefined, 'the draft to be saved');
    expect(saved.templateVersion).to.equal(dailyPatrol.revision);
  });

  it('offline, with a newer revision cached, opens a draft under the revision it started with (kept on the device)', async () => {
    const store = memoryDataPort({ places: [HIGH_RISE, OFFICE], templates: [SMALL] }, { tenantId: 'demo' });
    const net = { down: false };
    const lost = () => Promise.reject(new FiregridError('network', 'no signal'));
    const data: DataPort = {
      ...store,
      list: (kind, query) => (net.down ? lost() : store.list(kind, query)),
      get: (kind, id, options) => (net.down ? lost() : store.get(kind, id, options)),
    };
    const prefix = `test-checklist-revisions-${crypto.randomUUID()}`;
    const client = createFiregridClient({ host: defineHost({ session: () => Promise.resolve(SESSION), data }), backend: offlineBackend({ prefix, autoSync: false }) });
    try {
      // Online: the worker opens the place and the checklist (revision 1) and leaves a draft.
      await client.data.get('places', HIGH_RISE.id);
      await client.data.get('templates', SMALL.id);
      await client.drafts.save('inspections', { ...draftUnder(SMALL, HIGH_RISE.id), answers: { shed: { result: 'pass' } } });
      // Revision 2 arrives and the device caches it as the latest.
      await store.save('templates', SMALL_2, { idempotencyKey: crypto.randomUUID() });
      expect((await client.data.list('templates', {})).items.map((t) => t.revision)).to.deep.equal([2]);
      net.down = true;
      const el = await mount(client, SMALL.id);
      expect(title(el)).to.equal('楼道快速检查');
      expect(items(el)).to.not.include('hydrant');
      expect(note(el)).to.equal('本次检查按检查表第 1 版填写；该检查表已有第 2 版，新的检查将使用第 2 版。');
    } finally {
      await client.offline?.close();
      const dbs = await indexedDB.databases();
      await Promise.all(dbs.filter((d) => d.name?.startsWith(`${prefix}/`) === true).map((d) => new Promise((resolve) => {
        const request = indexedDB.deleteDatabase(d.name!);
        request.onsuccess = request.onerror = request.onblocked = resolve;
      })));
    }
  });
});
