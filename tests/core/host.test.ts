import { expect } from '@open-wc/testing';
import { FiregridError } from '../../packages/core/src/errors.js';
import { checkHost, defineHost } from '../../packages/core/src/host/define-host.js';
import { memoryDataPort } from '../../packages/core/src/host/memory-port.js';
import type { DataPort, FiregridHost } from '../../packages/core/src/host/types.js';
import { validateHost } from '../../packages/core/src/host/validated.js';
import { newId } from '../../packages/core/src/ids.js';
import type { HostSession, PlaceInput } from '../../packages/core/src/schema/index.js';

const SESSION: HostSession = { tenantId: 't1', user: { id: 'u1', name: '王伟', roles: ['grid-worker'] }, scope: ['330106'], locale: 'en' };

function place(over: Partial<PlaceInput> = {}) {
  return {
    id: newId(), version: 1, createdAt: '2025-06-01T00:00:00Z', updatedAt: '2025-06-01T00:00:00Z', tenantId: 't1',
    kind: 'residential' as const, name: `楼 ${Math.random()}`, address: '', gridId: '330106001001001', ...over,
  };
}

/** A host whose data port answers with whatever the test puts in `answers`. */
function fakeHost(answers: Partial<Record<keyof DataPort, unknown>>, extra: Partial<FiregridHost> = {}): FiregridHost {
  const answer = (name: keyof DataPort) => () => {
    const value = answers[name];
    if (value instanceof Error) return Promise.reject(value);
    return Promise.resolve(value);
  };
  const data = {
    list: answer('list'), get: answer('get'), save: answer('save'), command: answer('command'),
    uploadMedia: answer('uploadMedia'), readMedia: answer('readMedia'),
  } as unknown as DataPort;
  return { session: () => Promise.resolve(SESSION), data, ...extra };
}

async function rejection(promise: Promise<unknown>): Promise<FiregridError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(FiregridError);
    return error as FiregridError;
  }
  throw new Error('expected the promise to reject');
}

function thrown(fn: () => unknown): FiregridError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(FiregridError);
    return error as FiregridError;
  }
  throw new Error('expected a throw');
}

describe('defineHost', () => {
  it('returns a well-formed adapter as it is', () => {
    const host = { session: () => Promise.resolve(SESSION), data: memoryDataPort(), geo: { locate: () => Promise.resolve({ lng: 1, lat: 2, crs: 'WGS84' as const }) } };
    expect(defineHost(host)).to.equal(host);
  });

  it('names every missing or wrong member in one typed error', () => {
    const bad = {
      session: 'not a function',
      data: { list() { return null; }, get: 42, save() { return null; } },
      geo: { pick: () => null },
      links: {},
      ui: { toast: true },
      events: 'hub',
    };
    const error = thrown(() => defineHost(bad as unknown as FiregridHost));
    expect(error.code).to.equal('host-invalid');
    const expected = [
      'host.session is not a function',
      'host.data.get is not a function',
      'host.data.command is missing',
      'host.data.uploadMedia is missing',
      'host.data.readMedia is missing',
      'host.geo.locate is missing',
      'host.links.tipOff is missing',
      'host.ui.toast is not a function',
      'host.events is not an object',
    ];
    for (const text of expected) expect(error.message).to.contain(text);
    expect(error.issues.map((i) => i.path)).to.deep.equal([
      'session', 'data.get', 'data.command', 'data.uploadMedia', 'data.readMedia', 'geo.locate', 'ui.toast', 'links.tipOff', 'events',
    ]);
    // Nothing that is right is reported.
    expect(error.message).not.to.contain('data.list');
    expect(error.message).not.to.contain('geo.pick');
  });

  it('reports a missing data port and a host that is not an object', () => {
    expect(checkHost({ session: () => null }).map((i) => i.message)).to.deep.equal(['host.data is missing']);
    expect(thrown(() => defineHost(null as unknown as FiregridHost)).message).to.contain('host is not an object');
  });
});

describe('validateHost', () => {
  it('names the member and the path of a malformed item', async () => {
    const items = [place(), place(), place(), place()];
    delete (items[3] as Partial<ReturnType<typeof place>>).id;
    const host = validateHost(fakeHost({ list: { items, nextCursor: null } }), { locale: 'en' });
    const error = await rejection(host.data.list('places', {}));
    expect(error.code).to.equal('host-response');
    expect(error.message).to.equal('host.data.list returned items[3] without id');
    expect(error.issues[0]?.path).to.equal('items[3].id');
  });

  it('speaks the locale asked for, read when the call happens', async () => {
    let locale: 'en' | 'zh-CN' = 'en';
    const host = validateHost(fakeHost({ list: { items: [{ ...place(), gridId: undefined }], nextCursor: null } }), { locale: () => locale });
    expect((await rejection(host.data.list('places', {}))).message).to.contain('returned items[0] without gridId');
    locale = 'zh-CN';
    expect((await rejection(host.data.list('places', {}))).message).to.contain('返回的 items[0] 缺少 gridId');
  });

  it('passes valid values, dropping fields it does not know', async () => {
    const p = { ...place(), vendorColumn: 'x' };
    const host = validateHost(fakeHost({ list: { items: [p], nextCursor: 'c2' }, get: p }));
    const page = await host.data.list('places', { limit: 10 });
    expect(page.nextCursor).to.equal('c2');
    expect(page.items[0]?.id).to.equal(p.id);
    expect(page.items[0]).not.to.have.property('vendorColumn');
    expect((await host.data.get('places', p.id))?.name).to.equal(p.name);
  });

  it('checks get, save, uploadMedia, readMedia and session', async () => {
    const p = place();
    const wrongId = validateHost(fakeHost({ get: p, save: { ...p, version: 'two' } }), { locale: 'en' });
    const other = await rejection(wrongId.data.get('places', newId()));
    expect(other.code).to.equal('host-response');
    expect(other.message).to.contain('host.data.get');
    const saved = await rejection(wrongId.data.save('places', p, { idempotencyKey: newId() }));
    expect(saved.message).to.contain('host.data.save returned');
    expect(saved.issues[0]?.path).to.equal('version');

    const media = validateHost(fakeHost({ uploadMedia: { id: 'm1', url: '/m1', sha256: 'nope', width: 1, height: 1, bytes: 1 }, readMedia: 'bytes', get: null }), { locale: 'en' });
    const upload = await rejection(media.data.uploadMedia(new Blob(['x']), { width: 1, height: 1 }, { idempotencyKey: newId() }));
    expect(upload.message).to.contain('host.data.uploadMedia returned');
    expect(upload.issues[0]?.path).to.equal('sha256');
    const read = await rejection(media.data.readMedia({ id: 'm1', url: '/m1', sha256: 'a'.repeat(64), width: 1, height: 1, bytes: 1 }));
    expect(read.code).to.equal('host-response');
    expect(read.message).to.contain('host.data.readMedia');
    expect(await media.data.get('places', newId())).to.equal(null);

    const badSession = validateHost({ ...fakeHost({}), session: () => Promise.resolve({ ...SESSION, user: { ...SESSION.user, roles: ['mayor'] } }) } as unknown as FiregridHost, { locale: 'en' });
    const session = await rejection(badSession.session());
    expect(session.code).to.equal('host-response');
    expect(session.message).to.contain('host.session returned');
    expect(session.issues[0]?.path).to.equal('user.roles[0]');
  });

  it('checks what the optional ports return', async () => {
    const host = validateHost(fakeHost({}, {
      geo: { locate: () => Promise.resolve({ lng: 120.1, lat: 30.2 } as never) },
      links: { tipOff: () => Promise.resolve('not a url') },
      ui: { confirm: () => Promise.resolve('yes' as never) },
      media: { capture: () => Promise.resolve(['file'] as never) },
      directory: { places: () => Promise.resolve([{ id: 'p1' }] as never) },
    }), { locale: 'en' });
    const geo = await rejection(host.geo!.locate());
    expect(geo.message).to.contain('host.geo.locate returned');
    expect(geo.issues[0]?.path).to.equal('crs');
    expect((await rejection(host.links!.tipOff('p1'))).message).to.contain('host.links.tipOff returned');
    expect((await rejection(host.ui!.confirm!('ok?'))).message).to.contain('host.ui.confirm returned');
    expect((await rejection(host.media!.capture())).issues[0]?.path).to.equal('[0]');
    expect((await rejection(host.directory!.places!({}))).message).to.equal('host.directory.places returned [0] without name');
  });

  it('keeps optional ports and members absent when the host has none', () => {
    const host = validateHost(fakeHost({}, { geo: { locate: () => Promise.resolve({ lng: 1, lat: 1, crs: 'GCJ02' }) }, ui: {} }));
    expect(host.geo).to.have.property('locate');
    expect(host.geo).not.to.have.property('pick');
    expect(host.ui).to.deep.equal({});
    expect(host.media).to.equal(undefined);
    expect(host.events).to.equal(undefined);
    expect(validateHost(host)).to.equal(host);
  });

  it('turns a throwing method into host-failure with the cause, but keeps a FiregridError as it is', async () => {
    const boom = new TypeError('fetch failed');
    const failing = validateHost(fakeHost({ list: boom, save: new FiregridError('conflict', 'stale') }));
    const error = await rejection(failing.data.list('places', {}));
    expect(error.code).to.equal('host-failure');
    expect(error.message).to.contain('host.data.list failed: fetch failed');
    expect(error.cause).to.equal(boom);
    const conflict = await rejection(failing.data.save('places', place(), { idempotencyKey: newId() }));
    expect(conflict.code).to.equal('conflict');
    const sync = validateHost({ ...fakeHost({}), session: () => { throw new Error('bridge not ready'); } });
    expect((await rejection(sync.session())).code).to.equal('host-failure');
  });

  it('checks a list query and the kind before the host sees them', async () => {
    let calls = 0;
    const host = validateHost({ ...fakeHost({}), data: { ...memoryDataPort(), list: () => { calls++; return Promise.resolve({ items: [], nextCursor: null }); } } }, { locale: 'en' });
    const error = await rejection(host.data.list('places', { limit: 1000 }));
    expect(error.code).to.equal('validation');
    expect(error.issues[0]?.path).to.equal('limit');
    const kind = await rejection(host.data.list('scores' as 'places', {}));
    expect(kind.code).to.equal('validation');
    expect(calls).to.equal(0);
  });
});
