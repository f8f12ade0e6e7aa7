import { expect } from '@open-wc/testing';
import { createFiregridClient, defineHost, memoryDataPort } from '../../packages/core/src/index.js';
import type { FiregridClient, FiregridEvent } from '../../packages/core/src/index.js';
import { FiregridError } from '../../packages/core/src/errors.js';
import type { DataPort } from '../../packages/core/src/host/types.js';
import type { HostSession, Place } from '../../packages/core/src/schema/index.js';
import { highRiseResidential } from '../../packages/core/src/templates.js';

const SESSION: HostSession = { tenantId: 'demo', user: { id: 'w-0101', name: '李建国', roles: ['grid-worker'] }, scope: ['140106'], locale: 'zh-CN' };
const t = '2026-01-01T00:00:00+08:00';
const PLACE: Place = {
  id: '019a4b2c-0000-7000-8000-000000000001', version: 1, createdAt: t, updatedAt: t, tenantId: 'demo', kind: 'residential',
  name: '桥东小区 3 号楼', address: '迎泽区桥东街 18 号', gridId: '140106001001', building: { floors: 18, heightM: 54 },
};
const TEMPLATE = highRiseResidential;
const ITEMS = TEMPLATE.sections.flatMap((s) => s.items);
const PHOTO = { id: 'm1', url: '/v1/media/m1', sha256: 'b'.repeat(64), width: 800, height: 600, bytes: 10 };

function setup(data: DataPort = memoryDataPort({ places: [PLACE] }), session: HostSession = SESSION): { client: FiregridClient; events: FiregridEvent[] } {
  const client = createFiregridClient({ host: defineHost({ session: () => Promise.resolve(session), data }), now: () => new Date('2026-03-02T09:00:00+08:00') });
  const events: FiregridEvent[] = [];
  client.events.on('*', (e) => { events.push(e); });
  return { client, events };
}

async function rejection(p: Promise<unknown>): Promise<FiregridError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(FiregridError);
    return e as FiregridError;
  }
  throw new Error('expected a rejection');
}

/** Answers every shown item: pass, except the ids given as fail (with note and photo). */
async function fill(client: FiregridClient, fail: string[] = []) {
  let insp = await client.inspections.start(TEMPLATE, PLACE);
  for (const item of ITEMS) {
    const result = fail.includes(item.id) ? 'fail' : item.id === 'ebike-area-separated' ? 'na' : 'pass';
    if (item.when !== undefined) continue;
    insp = await client.inspections.answer(insp, TEMPLATE, item.id, result === 'fail' ? { result, note: '现场发现问题', photos: [PHOTO] } : { result });
  }
  return insp;
}

describe('client.inspections', () => {
  it('starts a draft for the signed-in worker and saves it through client.drafts', async () => {
    const { client, events } = setup();
    const d = await client.inspections.start(TEMPLATE, PLACE);
    expect(d).to.include({ inspectorId: 'w-0101', tenantId: 'demo', state: 'draft', templateId: TEMPLATE.id, templateVersion: TEMPLATE.revision });
    expect(await client.drafts.get('inspections', d.id)).to.deep.equal(d);
    expect(events.map((e) => e.type)).to.deep.equal(['draft.saved']);
  });

  it('saves every answer as the draft, and resume finds the newest draft of this template and place', async () => {
    const { client } = setup();
    expect(await client.inspections.resume(TEMPLATE.id, PLACE.id)).to.equal(null);
    const d = await client.inspections.start(TEMPLATE, PLACE);
    const a = await client.inspections.answer(d, TEMPLATE, 'fire-lane-no-parking', { result: 'pass' });
    const back = await client.inspections.resume(TEMPLATE.id, PLACE.id);
    expect(back?.answers).to.deep.equal({ 'fire-lane-no-parking': { result: 'pass' } });
    expect(back?.id).to.equal(a.id);
    expect(await client.inspections.resume(TEMPLATE.id, '019a4b2c-0000-7000-8000-0000000000ff')).to.equal(null);
  });

  it('does not resume another user’s draft, nor a draft that no longer fits the schema', async () => {
    const data = memoryDataPort({ places: [PLACE] });
    const { client } = setup(data);
    const d = await client.inspections.start(TEMPLATE, PLACE);
    await client.drafts.save('inspections', { ...d, inspectorId: 'someone-else' });
    expect(await client.inspections.resume(TEMPLATE.id, PLACE.id)).to.equal(null);
    await client.drafts.save('inspections', { ...d, startedAt: 'yesterday' });
    expect(await client.inspections.resume(TEMPLATE.id, PLACE.id)).to.equal(null);
  });

  it('refuses to submit an incomplete inspection before sending anything', async () => {
    const saves: string[] = [];
    const port = memoryDataPort({ places: [PLACE] });
    const { client } = setup({ ...port, save: (k, r, o) => { saves.push(k); return port.save(k, r, o); } });
    const d = await client.inspections.start(TEMPLATE, PLACE);
    const e = await rejection(client.inspections.submit(d, TEMPLATE, PLACE));
    expect(e.code).to.equal('validation');
    expect(e.issues[0]?.path).to.equal(`answers.${ITEMS[0]!.id}`);
    expect(saves).to.deep.equal([]);
    expect(await client.drafts.get('inspections', d.id)).to.not.equal(null);
  });

  it('submits: the record is stored, the draft removed, and each failed item saved as a hazard draft', async () => {
    const data = memoryDataPort({ places: [PLACE] });
    const { client, events } = setup(data);
    const filled = await fill(client, ['fire-lane-no-parking', 'ebike-not-parked-indoors']);
    const { inspection, hazardDrafts } = await client.inspections.submit(filled, TEMPLATE, PLACE);
    expect(inspection).to.include({ state: 'submitted', version: 1 });
    expect(await data.get('inspections', inspection.id)).to.deep.equal(inspection);
    expect(await client.drafts.get('inspections', inspection.id)).to.equal(null);
    expect(hazardDrafts.map((h) => [h.itemId, h.category, h.status, h.source])).to.deep.equal([
      ['fire-lane-no-parking', 'fire-lane-blocked', 'draft', 'inspection'],
      ['ebike-not-parked-indoors', 'ebike-indoor', 'draft', 'inspection'],
    ]);
    expect(hazardDrafts[0]?.ruleRefs).to.deep.equal(['GB35181-2017:7.1.1', 'GB35181-2025:fire-lane-blocked']);
    expect(hazardDrafts[0]?.reporter).to.deep.equal({ kind: 'grid-worker', personId: 'w-0101', confidential: false });
    const stored = await client.drafts.list('hazards');
    expect(stored.map((h) => h.id).sort()).to.deep.equal(hazardDrafts.map((h) => h.id).sort());
    expect(events.some((e) => e.type === 'record.submitted' && e.kind === 'inspections')).to.equal(true);
    // A submitted inspection never changes.
    const again = await rejection(client.inspections.answer(inspection, TEMPLATE, 'fire-lane-no-parking', { result: 'pass' }));
    expect(again.code).to.equal('validation');
  });

  it('keeps the draft when the host fails to store the submission', async () => {
    const port = memoryDataPort({ places: [PLACE] });
    const { client } = setup({ ...port, save: () => Promise.reject(new FiregridError('network', 'offline')) });
    const filled = await fill(client);
    const e = await rejection(client.inspections.submit(filled, TEMPLATE, PLACE));
    expect(e.code).to.equal('network');
    expect((await client.drafts.get('inspections', filled.id))?.answers).to.deep.equal(filled.answers);
    expect(await client.drafts.list('hazards')).to.deep.equal([]);
  });

  it('starts a correction that supersedes a submitted inspection', async () => {
    const { client } = setup();
    const { inspection } = await client.inspections.submit(await fill(client), TEMPLATE, PLACE);
    const c = await client.inspections.start(TEMPLATE, PLACE, { supersedes: inspection });
    expect(c.supersedes).to.equal(inspection.id);
    expect(c.answers).to.deep.equal(inspection.answers);
    const e = await rejection(client.inspections.start(TEMPLATE, PLACE, { supersedes: c }));
    expect(e.code).to.equal('validation');
  });
});
