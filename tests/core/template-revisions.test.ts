/**
 * Template revisions in core (issue 23 item 3): the memory, local and HTTP ports serve a revision
 * on request (`get('templates', id, { revision })`), keep every revision they are given and never
 * rewrite one; the client refuses a port that answers another revision; an inspection records the
 * revision it is filled under; `mergeTemplates` goes by revision.
 */
import { expect } from '@open-wc/testing';
import { FiregridError } from '../../packages/core/src/errors.js';
import { newId } from '../../packages/core/src/ids.js';
import { memoryDataPort } from '../../packages/core/src/host/memory-port.js';
import { validateHost } from '../../packages/core/src/host/validated.js';
import type { DataPort } from '../../packages/core/src/host/types.js';
import { localDataPort } from '../../packages/core/src/offline/local-port.js';
import { httpDataPort } from '../../packages/core/src/http.js';
import { failedItemsToHazards, startInspection } from '../../packages/core/src/checklist/inspection.js';
import { mergeTemplates } from '../../packages/core/src/checklist/merge.js';
import { templateContent, templateRevisionRefusal } from '../../packages/core/src/rules/template-revisions.js';
import type { ChecklistTemplate, HostSession, Inspection } from '../../packages/core/src/schema/index.js';
import { createFiregridClient } from '../../packages/core/src/client/client.js';
import type { FiregridClient } from '../../packages/core/src/client/client.js';
import { offlineBackend } from '../../packages/core/src/offline.js';

const T = '2026-01-01T00:00:00+08:00';
const ID = '0196a000-7e00-7000-8000-0000000000c1';

function revision(n: number, title = `第 ${n} 版`): ChecklistTemplate {
  return {
    id: ID, version: 1, revision: n, createdAt: T, updatedAt: T, tenantId: 't1',
    title: { 'zh-CN': title }, appliesTo: { kinds: ['residential'] },
    sections: [{ id: 's1', title: { 'zh-CN': '疏散' }, items: [{
      id: `q${n}`, text: { 'zh-CN': `第 ${n} 版的检查项` }, basis: { doc: 'GB 50016-2014', verified: false },
      severity: 'general', evidence: { photoOnFail: false, noteOnFail: true },
    }] }],
  };
}

const titleOf = (t: { title: { 'zh-CN': string } } | null): string | undefined => t?.title['zh-CN'];

async function refused(p: Promise<unknown>): Promise<FiregridError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FiregridError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** The same behaviour from every port that stores templates. */
function behavesLikeAStore(name: string, make: (seed: ChecklistTemplate[]) => Promise<DataPort>): void {
  describe(`${name}: template revisions`, () => {
    it('serves the latest without a revision, each kept revision with one, and null for one it does not hold', async () => {
      const data = await make([revision(1)]);
      await data.save('templates', revision(2), { idempotencyKey: newId() });
      expect(titleOf(await data.get('templates', ID))).to.equal('第 2 版');
      const old = await data.get('templates', ID, { revision: 1 });
      expect([old?.revision, titleOf(old), old?.id]).to.deep.equal([1, '第 1 版', ID]);
      expect((await data.get('templates', ID, { revision: 2 }))?.revision).to.equal(2);
      expect(await data.get('templates', ID, { revision: 3 })).to.equal(null);
      expect(await data.get('templates', newId(), { revision: 1 })).to.equal(null);
      // A list holds the latest only.
      const page = await data.list('templates', {});
      expect(page.items.filter((t) => t.id === ID).map((t) => t.revision)).to.deep.equal([2]);
    });

    it('never rewrites a stored revision, and refuses a revision of another kind or a bad number', async () => {
      const data = await make([revision(1)]);
      await data.save('templates', revision(2), { idempotencyKey: newId() });
      const rewrite = await refused(data.save('templates', revision(2, '改了内容'), { idempotencyKey: newId() }));
      expect(rewrite.message).to.match(/Revision 2 of the template .* is stored with other content/);
      const older = await refused(data.save('templates', revision(1, '改写旧版'), { idempotencyKey: newId() }));
      expect(older.message).to.match(/is at revision 2; revision 1 is older/);
      expect(titleOf(await data.get('templates', ID, { revision: 1 }))).to.equal('第 1 版');
      // The same revision with the same content saves as any record does.
      expect((await data.save('templates', revision(2), { idempotencyKey: newId() })).revision).to.equal(2);
      expect((await refused(data.get('places', newId(), { revision: 1 }))).message).to.match(/Only templates have revisions/);
      expect((await refused(data.get('templates', ID, { revision: 0 }))).message).to.match(/positive integer/);
    });

    it('gives a hazard from an inspection the severity of its item under the inspection\'s revision, not the latest', async () => {
      // Revision 1's item q1 is a major-hazard candidate; revision 2 no longer has it.
      const first = { ...revision(1), sections: revision(1).sections.map((sec) => ({ ...sec, items: sec.items.map((i) => ({ ...i, severity: 'major-candidate' as const })) })) };
      const data = await make([first]);
      await data.save('templates', revision(2), { idempotencyKey: newId() });
      const place = { id: newId(), kind: 'residential' as const, gridId: '330106001001001', address: '西湖区文三路 88 号' };
      const inspection = await data.save('inspections', {
        ...startInspection({ template: first, place, inspectorId: 'u1', tenantId: 't1', now: new Date() }),
        answers: { q1: { result: 'fail', note: '楼道堵塞' } },
      }, { idempotencyKey: newId() });
      expect(inspection.templateVersion).to.equal(1);
      const [hazard] = failedItemsToHazards(inspection, first, place, { now: new Date() });
      expect(hazard?.severity).to.equal('major-candidate');
      const saved = await data.save('hazards', hazard!, { idempotencyKey: newId() });
      expect(saved.severity).to.equal('major-candidate');
    });
  });
}

behavesLikeAStore('memoryDataPort', (seed) => Promise.resolve(memoryDataPort({ templates: seed })));

let local = 0;
behavesLikeAStore('localDataPort', async (seed) => {
  const data = localDataPort({ name: `revisions-${Date.now()}-${local++}`, tenantId: 't1' });
  await data.clear();
  for (const t of seed) await data.save('templates', t, { idempotencyKey: newId() });
  return data;
});

describe('memoryDataPort seed: several templates of one id are its revisions', () => {
  it('keeps each, the highest as the latest, whatever the order', async () => {
    const data = memoryDataPort({ templates: [revision(3), revision(1)] });
    expect((await data.get('templates', ID))?.revision).to.equal(3);
    expect(titleOf(await data.get('templates', ID, { revision: 1 }))).to.equal('第 1 版');
  });
});

describe('httpDataPort: ?revision=N', () => {
  it('asks for the revision and reads a 404 as null', async () => {
    const urls: string[] = [];
    const fetch = (input: RequestInfo | URL): Promise<Response> => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      urls.push(url);
      if (url.endsWith('revision=1')) return Promise.resolve(new Response(JSON.stringify(revision(1)), { status: 200, headers: { 'content-type': 'application/json' } }));
      return Promise.resolve(new Response(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404 }), { status: 404, headers: { 'content-type': 'application/problem+json' } }));
    };
    const data = httpDataPort({ baseUrl: 'https://api.example.cn/fg', fetch, locale: 'en' });
    expect((await data.get('templates', ID, { revision: 1 }))?.revision).to.equal(1);
    expect(await data.get('templates', ID, { revision: 7 })).to.equal(null);
    expect(urls).to.deep.equal([`https://api.example.cn/fg/v1/templates/${ID}?revision=1`, `https://api.example.cn/fg/v1/templates/${ID}?revision=7`]);
    expect((await refused(data.get('hazards', ID, { revision: 1 }))).message).to.match(/Only templates have revisions/);
  });
});

describe('the client\'s validated host', () => {
  it('refuses a port that answers another revision than the one asked for (it ignored the option)', async () => {
    const store = memoryDataPort({ templates: [revision(1), revision(2)] });
    const ignoring: DataPort = { ...store, get: (kind, id) => store.get(kind, id) };
    const session = () => Promise.resolve({ tenantId: 't1', user: { id: 'u1', name: 'u', roles: ['grid-worker'] }, scope: ['*'], locale: 'en' });
    const data = validateHost({ session, data: ignoring } as never).data;
    const e = await refused(data.get('templates', ID, { revision: 1 }));
    expect(e.code).to.equal('host-response');
    expect(e.message).to.match(/returned revision 2 of the template .* when asked for revision 1/);
    const honest = validateHost({ session, data: store } as never).data;
    expect((await honest.get('templates', ID, { revision: 1 }))?.revision).to.equal(1);
  });
});

describe('revisions in the rules', () => {
  it('an inspection records the revision it is filled under as templateVersion, not the record version', () => {
    const t = { ...revision(4), version: 9 };
    const i = startInspection({ template: t, place: { id: newId() }, inspectorId: 'u1', tenantId: 't1', now: new Date() });
    expect(i.templateVersion).to.equal(4);
  });

  it('mergeTemplates keeps the override whose revision is the same or higher, whatever its record version', () => {
    const base = [revision(2)];
    expect(mergeTemplates(base, [{ ...revision(1, '旧覆盖'), version: 50 }])[0]?.title['zh-CN']).to.equal('第 2 版');
    expect(mergeTemplates(base, [revision(2, '同版覆盖')])[0]?.title['zh-CN']).to.equal('同版覆盖');
    expect(mergeTemplates(base, [revision(3, '新覆盖')])[0]?.title['zh-CN']).to.equal('新覆盖');
  });

  it('content is what a revision stands for: stored fields are not content', () => {
    const t = revision(2);
    expect(templateContent({ ...t, version: 8, updatedAt: '2027-01-01T00:00:00Z', tenantId: 'x' })).to.equal(templateContent(t));
    expect(templateContent({ ...t, title: { 'zh-CN': '改' } })).to.not.equal(templateContent(t));
    expect(templateRevisionRefusal(revision(3), t)).to.equal(undefined);
    expect(templateRevisionRefusal(t, undefined)).to.equal(undefined);
    expect(templateRevisionRefusal({ ...t, title: { 'zh-CN': '改' } }, t)?.status).to.equal(409);
  });
});

describe('offline reads: the revision a draft on the device was filled under (issue 23 item 3)', () => {
  const prefixes: string[] = [];
  const clients: FiregridClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.offline?.close();
    const mine = prefixes.splice(0);
    const dbs = await indexedDB.databases();
    await Promise.all(dbs.filter((d) => mine.some((p) => d.name?.startsWith(`${p}/`) === true)).map((d) => new Promise((resolve) => {
      const request = indexedDB.deleteDatabase(d.name!);
      request.onsuccess = request.onerror = request.onblocked = resolve;
    })));
  });

  /** An offline client over `store` whose reads fail with a network error while `net.down`. */
  function device(store: DataPort): { client: FiregridClient; net: { down: boolean } } {
    const net = { down: false };
    const lost = () => Promise.reject(new FiregridError('network', 'no signal'));
    const port: DataPort = {
      ...store,
      list: (kind, query) => (net.down ? lost() : store.list(kind, query)),
      get: (kind, id, options) => (net.down ? lost() : store.get(kind, id, options)),
    };
    const prefix = `test-revisions-${newId()}`;
    prefixes.push(prefix);
    const who: HostSession = { tenantId: 't1', user: { id: 'u1', name: '王伟', roles: ['grid-worker'] }, scope: ['*'], locale: 'en' };
    const session = () => Promise.resolve(who);
    const client = createFiregridClient({ host: { session, data: port }, backend: offlineBackend({ prefix, autoSync: false }) });
    clients.push(client);
    return { client, net };
  }

  const draftUnder = (template: ChecklistTemplate): Inspection =>
    startInspection({ template, place: { id: newId() }, inspectorId: 'u1', tenantId: 't1', now: new Date() });

  it('keeps the revision a draft started under when a newer one is cached, and answers it offline', async () => {
    const store = memoryDataPort({ templates: [revision(1)] });
    const { client, net } = device(store);
    const first = await client.data.get('templates', ID);
    const draft = draftUnder(first!);
    await client.drafts.save('inspections', draft);
    // The library raises the revision; the device reads the list and caches revision 2 as the latest.
    await store.save('templates', revision(2), { idempotencyKey: newId() });
    expect((await client.data.list('templates', {})).items.map((t) => t.revision)).to.deep.equal([2]);

    net.down = true;
    expect(titleOf(await client.data.get('templates', ID, { revision: 1 }))).to.equal('第 1 版');
    expect((await client.data.get('templates', ID, { revision: 2 }))?.revision).to.equal(2);
    expect((await client.data.get('templates', ID))?.revision).to.equal(2);
    expect((await refused(client.data.get('templates', ID, { revision: 3 }))).code).to.equal('network');

    // Once no draft needs revision 1, the next template read drops it.
    await client.drafts.remove('inspections', draft.id);
    net.down = false;
    await client.data.list('templates', {});
    net.down = true;
    expect((await refused(client.data.get('templates', ID, { revision: 1 }))).code).to.equal('network');
    expect((await client.data.get('templates', ID, { revision: 2 }))?.revision).to.equal(2);
  });

  it('keeps the revision of an inspection submitted offline and not yet sent', async () => {
    const store = memoryDataPort({ templates: [revision(1)] });
    const { client, net } = device(store);
    const first = await client.data.get('templates', ID);
    // autoSync is off: the submitted inspection waits in the outbox.
    await client.submit('inspections', { ...draftUnder(first!), state: 'submitted', submittedAt: new Date().toISOString() });
    await store.save('templates', revision(2), { idempotencyKey: newId() });
    await client.data.list('templates', {});
    net.down = true;
    expect(titleOf(await client.data.get('templates', ID, { revision: 1 }))).to.equal('第 1 版');
  });

  it('does not keep a replaced revision no draft needs', async () => {
    const store = memoryDataPort({ templates: [revision(1)] });
    const { client, net } = device(store);
    await client.data.get('templates', ID);
    await store.save('templates', revision(2), { idempotencyKey: newId() });
    await client.data.get('templates', ID);
    net.down = true;
    expect((await refused(client.data.get('templates', ID, { revision: 1 }))).code).to.equal('network');
  });

  it('keeps a revision read by number for a draft (it came from another device) and answers it offline', async () => {
    const store = memoryDataPort({ templates: [revision(1), revision(2)] });
    const { client, net } = device(store);
    await client.data.get('templates', ID);
    await client.drafts.save('inspections', { ...draftUnder(revision(2)), templateVersion: 1 });
    expect((await client.data.get('templates', ID, { revision: 1 }))?.revision).to.equal(1);
    net.down = true;
    expect(titleOf(await client.data.get('templates', ID, { revision: 1 }))).to.equal('第 1 版');
  });
});
