// client.hazards (issue 16, item 1): a hazard is built in core — from the report form's fields and
// from a failed checklist item — with one reporter-kind rule for both, and the element only
// collects input. These tests pin what the builders decide.
import { expect } from '@open-wc/testing';
import { createFiregridClient, defineHost, memoryDataPort, newId, reporterKindOf } from '../../packages/core/src/index.js';
import type { FiregridClient, HazardReport } from '../../packages/core/src/index.js';
import { FiregridError } from '../../packages/core/src/errors.js';
import type { DataPort } from '../../packages/core/src/host/types.js';
import type { HostSession, Place, PhotoRef } from '../../packages/core/src/schema/index.js';
import { highRiseResidential } from '../../packages/core/src/templates.js';

const WORKER: HostSession = { tenantId: 'demo', user: { id: 'w-0101', name: '李建国', roles: ['grid-worker'] }, scope: ['140106001001'], locale: 'zh-CN' };
/** Roles listed supervisor first: the finding is still credited to the grid worker he is. */
const BOTH: HostSession = { ...WORKER, user: { ...WORKER.user, roles: ['grid-supervisor', 'grid-worker'] }, scope: ['140106001001', '140106001002'] };
const RESIDENT: HostSession = { tenantId: 'demo', user: { id: 'r-0001', name: '张先生', roles: ['resident'] }, scope: [], locale: 'zh-CN' };
const t = '2026-01-01T00:00:00+08:00';
const PLACE: Place = {
  id: '019a4b2c-0000-7000-8000-000000000001', version: 1, createdAt: t, updatedAt: t, tenantId: 'demo', kind: 'residential',
  name: '桥东小区 3 号楼', address: '迎泽区桥东街 18 号', gridId: '140106001001', building: { floors: 18, heightM: 54 },
};
const PHOTO: PhotoRef = { id: 'm1', url: '/v1/media/m1', sha256: 'b'.repeat(64), width: 800, height: 600, bytes: 10 };

function setup(session: HostSession, data: DataPort = memoryDataPort({ places: [PLACE] })): FiregridClient {
  return createFiregridClient({ host: defineHost({ session: () => Promise.resolve(session), data }), now: () => new Date('2026-03-02T09:00:00+08:00') });
}

const report = (patch: Partial<HazardReport> = {}): HazardReport => ({
  id: newId(), source: 'worker', category: 'exit-blocked', description: '  3 号楼一楼安全出口堆放纸箱\n已拍照  ', photos: [PHOTO],
  address: ' 桥东小区 3 号楼 ', ...patch,
});

describe('client.hazards: from the report form', () => {
  it('builds a reported general hazard: reporter from the session, title from the first line, text trimmed, the worker\'s only grid', () => {
    const client = setup(WORKER);
    const r = report();
    const h = client.hazards.fromReport(r, WORKER);
    expect(h).to.deep.equal({
      id: r.id, category: 'exit-blocked', title: '3 号楼一楼安全出口堆放纸箱', description: '3 号楼一楼安全出口堆放纸箱\n已拍照',
      photos: [PHOTO], source: 'worker', reporter: { kind: 'grid-worker', personId: 'w-0101', confidential: false },
      severity: 'general', status: 'reported', gridId: '140106001001', address: '桥东小区 3 号楼',
    });
    // A scope of more than one grid gives no grid; a place's grid always wins.
    expect(client.hazards.fromReport(r, BOTH)).not.to.have.property('gridId');
    expect(client.hazards.fromReport({ ...r, gridId: '140106002003' }, WORKER).gridId).to.equal('140106002003');
  });

  it('fills the defaults: category other, the category\'s label as title, a long line shortened to 40 characters', () => {
    const client = setup(WORKER);
    const bare = client.hazards.fromReport({ id: newId(), source: 'worker', location: { lng: 112.56, lat: 37.87, crs: 'GCJ02' } }, WORKER);
    expect(bare).to.include({ category: 'other', title: '', description: '', severity: 'general', status: 'reported' });
    expect(bare.photos).to.deep.equal([]);
    expect(bare).not.to.have.property('address');
    expect(client.hazards.fromReport(report({ description: '' }), WORKER).title).to.equal('安全出口、疏散通道堵塞');
    const long = client.hazards.fromReport(report({ description: '楼'.repeat(60) }), WORKER).title;
    expect(Array.from(long)).to.have.length(40);
    expect(long.endsWith('…')).to.equal(true);
  });

  it('a resident\'s tip-off: reporter resident, contact joined, confidential unless he says otherwise', () => {
    const client = setup(RESIDENT);
    const tip = report({ source: 'public', contactName: ' 张先生 ', contactPhone: '13912345678' });
    const h = client.hazards.fromReport(tip, RESIDENT);
    expect(h.source).to.equal('public');
    expect(h.reporter).to.deep.equal({ kind: 'resident', personId: 'r-0001', contact: '张先生 13912345678', confidential: true });
    expect(client.hazards.fromReport({ ...tip, confidential: false }, RESIDENT).reporter.confidential).to.equal(false);
    // A worker's report never carries a contact, nor is it confidential.
    expect(client.hazards.fromReport({ ...tip, source: 'worker' }, WORKER).reporter).to.deep.equal({ kind: 'grid-worker', personId: 'w-0101', confidential: false });
  });

  it('keeps the draft as typed, reports it with a receipt, removes the draft, and resumes only this source\'s reports', async () => {
    const data = memoryDataPort({ places: [PLACE] });
    const client = setup(WORKER, data);
    const r = report({ category: undefined, description: '半句话 ' });
    const draft = client.hazards.draftOf(r, WORKER);
    expect(draft).to.include({ id: r.id, status: 'draft', description: '半句话 ', address: ' 桥东小区 3 号楼 ' });
    expect(draft).not.to.have.property('category');
    await client.drafts.save('hazards', draft);
    expect(await client.hazards.resumeReport('public')).to.equal(null);
    const back = await client.hazards.resumeReport('worker');
    expect(back).to.deep.include({ id: r.id, source: 'worker', description: '半句话 ', address: ' 桥东小区 3 号楼 ', photos: [PHOTO] });
    expect(back?.category).to.equal(undefined);
    expect(await client.hazards.resumeReport('worker', r.id)).to.deep.include({ id: r.id });
    expect(await client.hazards.resumeReport('worker', newId())).to.equal(null);

    const receipt = await client.hazards.report({ ...r, category: 'exit-blocked' });
    expect(receipt).to.deep.include({ kind: 'stored', version: 1 });
    expect(receipt.record).to.include({ id: r.id, status: 'reported', category: 'exit-blocked', title: '半句话' });
    expect(await data.get('hazards', r.id)).to.deep.equal(receipt.record);
    expect(await client.drafts.get('hazards', r.id)).to.equal(null);
  });

  it('a contact survives the draft: name and phone come back apart', async () => {
    const client = setup(RESIDENT);
    const tip = report({ source: 'public', contactName: '王阿姨', contactPhone: '139-1234-5678', confidential: false });
    await client.drafts.save('hazards', client.hazards.draftOf(tip, RESIDENT));
    expect(await client.hazards.resumeReport('public')).to.deep.include({ contactName: '王阿姨', contactPhone: '139-1234-5678', confidential: false });
  });

  it('refuses an invalid report before sending, naming the field', async () => {
    const saves: string[] = [];
    const port = memoryDataPort({ places: [PLACE] });
    const client = setup(WORKER, { ...port, save: (k, rec, o) => { saves.push(k); return port.save(k, rec, o); } });
    const error = await client.hazards.report(report({ placeId: 'not-a-uuid' })).then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(FiregridError);
    expect((error as FiregridError).issues.map((i) => i.path)).to.include('placeId');
    expect(saves).to.deep.equal([]);
  });
});

describe('client.hazards: from a failed checklist item', () => {
  const TEMPLATE = highRiseResidential;
  const ITEMS = TEMPLATE.sections.flatMap((s) => s.items);

  async function submitted(client: FiregridClient, fail: string[]) {
    let insp = await client.inspections.start(TEMPLATE, PLACE);
    for (const item of ITEMS) {
      if (item.when !== undefined) continue;
      insp = await client.inspections.answer(insp, TEMPLATE, item.id, fail.includes(item.id)
        ? { result: 'fail', note: '现场发现问题', photos: [PHOTO] }
        : { result: item.id === 'ebike-area-separated' ? 'na' : 'pass' });
    }
    return client.inspections.submit(insp, TEMPLATE, PLACE);
  }

  it('makes one draft per failed item with the item\'s category, basis, severity, note, photos and the place', async () => {
    const client = setup(WORKER);
    const { inspection, hazardDrafts } = await submitted(client, ['fire-lane-no-parking']);
    const again = await client.hazards.fromFailedItems(inspection, TEMPLATE, PLACE);
    expect(again.map((h) => ({ ...h, id: '' }))).to.deep.equal(hazardDrafts.map((h) => ({ ...h, id: '' })));
    expect(hazardDrafts).to.have.length(1);
    expect(hazardDrafts[0]).to.deep.include({
      category: 'fire-lane-blocked', status: 'draft', source: 'inspection', inspectionId: inspection.id, itemId: 'fire-lane-no-parking',
      description: '现场发现问题', photos: [PHOTO], placeId: PLACE.id, gridId: PLACE.gridId, address: PLACE.address, severity: 'general',
    });
  });

  it('credits the finding with the same reporter kind as the report form', async () => {
    const client = setup(BOTH);
    const { hazardDrafts } = await submitted(client, ['fire-lane-no-parking']);
    const fromForm = client.hazards.fromReport(report(), BOTH).reporter;
    expect(hazardDrafts[0]?.reporter).to.deep.equal({ kind: 'grid-worker', personId: 'w-0101', confidential: false });
    expect(hazardDrafts[0]?.reporter.kind).to.equal(fromForm.kind);
    for (const roles of [['fire-officer'], ['admin', 'unit-manager'], ['government'], ['resident'], []] as const) {
      const session = { ...WORKER, user: { ...WORKER.user, roles: [...roles] } };
      const formKind = setup(session).hazards.fromReport(report(), session).reporter.kind;
      const itemKind = (await setup(session).hazards.fromFailedItems((await submitted(client, ['fire-lane-no-parking'])).inspection, TEMPLATE, PLACE))[0]?.reporter.kind;
      expect([formKind, itemKind], roles.join(',')).to.deep.equal([reporterKindOf(roles, 'worker'), reporterKindOf(roles, 'worker')]);
    }
    expect(reporterKindOf(['admin', 'unit-manager'], 'inspection')).to.equal('unit-manager');
    expect(reporterKindOf([], 'inspection')).to.equal('grid-worker');
    expect(reporterKindOf(['grid-worker'], 'public')).to.equal('resident');
  });

  it('reports a failed item\'s draft with the person\'s edits (receipt, draft gone) or drops it', async () => {
    const data = memoryDataPort({ places: [PLACE] });
    const client = setup(WORKER, data);
    const { hazardDrafts } = await submitted(client, ['fire-lane-no-parking', 'ebike-not-parked-indoors']);
    const [first, second] = hazardDrafts;
    const receipt = await client.hazards.reportFailedItem(first!, { title: ' 东门消防车道被占 ', description: ' 两辆私家车 ' });
    expect(receipt.kind).to.equal('stored');
    expect(receipt.record).to.include({ id: first!.id, status: 'reported', title: '东门消防车道被占', description: '两辆私家车', itemId: 'fire-lane-no-parking' });
    expect(await data.get('hazards', first!.id)).to.deep.equal(receipt.record);
    await client.hazards.dismissFailedItem(second!);
    expect(await client.drafts.list('hazards')).to.deep.equal([]);
    expect(await data.get('hazards', second!.id)).to.equal(null);
  });
});
