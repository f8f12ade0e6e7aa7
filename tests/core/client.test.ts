import { expect } from '@open-wc/testing';
import { createFiregridClient } from '../../packages/core/src/client/client.js';
import type { FiregridClientOptions } from '../../packages/core/src/client/client.js';
import type { CommandSentEvent, FiregridEvent, RecordSubmittedEvent } from '../../packages/core/src/client/events.js';
import { FiregridError } from '../../packages/core/src/errors.js';
import { memoryDataPort } from '../../packages/core/src/host/memory-port.js';
import type { DataPort, FiregridHost, SaveOptions } from '../../packages/core/src/host/types.js';
import { newId } from '../../packages/core/src/ids.js';
import type { HazardInput, HostSession } from '../../packages/core/src/schema/index.js';

const SESSION: HostSession = { tenantId: 't1', user: { id: 'u1', name: '王伟', roles: ['grid-worker'] }, scope: ['330106'], locale: 'en' };

function hazard(over: Partial<HazardInput> = {}): HazardInput {
  return {
    id: newId(), category: 'exit-blocked', title: '楼道堆放杂物', description: '', photos: [], source: 'worker',
    reporter: { kind: 'grid-worker', personId: 'u1', confidential: false }, severity: 'general', status: 'reported', ...over,
  };
}

interface Setup {
  host: FiregridHost;
  sessionCalls: () => number;
  sink: FiregridEvent[];
  saves: SaveOptions[];
}

function setup(over: Partial<FiregridHost> = {}, session: () => HostSession = () => SESSION): Setup {
  let calls = 0;
  const sink: FiregridEvent[] = [];
  const saves: SaveOptions[] = [];
  const port = memoryDataPort({}, {
    commands: { 'hazards.transition': ({ hazardId }, ctx) => {
      const current = ctx.get('hazards', hazardId);
      if (current === null) throw new FiregridError('not-found', hazardId);
      return ctx.put('hazards', { ...current, status: 'verified' });
    } },
  });
  const data: DataPort = { ...port, save: (kind, record, options) => { saves.push(options); return port.save(kind, record, options); } };
  const host: FiregridHost = {
    session: () => { calls++; return Promise.resolve(session()); },
    data,
    events: { emit: (e) => { sink.push(e); } },
    ...over,
  };
  return { host, sessionCalls: () => calls, sink, saves };
}

const client = (host: FiregridHost, options: Partial<FiregridClientOptions> = {}) => createFiregridClient({ host, ...options });

async function rejection(promise: Promise<unknown>): Promise<FiregridError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(FiregridError);
    return error as FiregridError;
  }
  throw new Error('expected the promise to reject');
}

/** Lets the host's event sink, which is called after the current call, run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createFiregridClient: setup', () => {
  it('checks the host and the options', () => {
    expect(() => createFiregridClient({ host: { session: () => Promise.resolve(SESSION) } as unknown as FiregridHost }))
      .to.throw(FiregridError, 'host.data is missing');
    let error: unknown;
    try {
      client(setup().host, { categoryCodes: { 'fire-lane': '0301' } as never });
    } catch (e) {
      error = e;
    }
    expect((error as FiregridError).code).to.equal('config');
    expect((error as FiregridError).issues[0]?.path).to.contain('categoryCodes');
  });

  it('keeps the vendor\'s lifecycle rules for the elements, and refuses bad ones naming the path', () => {
    const rules = { rolesWhen: { major: { 'review-pass': ['grid-supervisor', 'fire-officer'] } }, separationOfDuties: false } as const;
    const c = client(setup().host, { lifecycle: rules });
    expect(c.lifecycle).to.deep.equal(rules);
    expect(Object.isFrozen(c.lifecycle)).to.equal(true);
    expect(client(setup().host).lifecycle).to.deep.equal({});
    for (const bad of [{ rolesWhen: { critical: {} } }, { rolesWhen: { major: { 'review-pass': ['chief'] } } }, { majorClosesByLift: 'no' }, { locale: 'en' }]) {
      let error: unknown;
      try {
        client(setup().host, { lifecycle: bad as never });
      } catch (e) {
        error = e;
      }
      expect((error as FiregridError | undefined)?.code, JSON.stringify(bad)).to.equal('config');
      expect((error as FiregridError).issues[0]?.path).to.contain('lifecycle');
    }
  });
});

describe('createFiregridClient: session', () => {
  it('asks the host once and caches the session', async () => {
    const s = setup();
    const c = client(s.host);
    const [a, b] = await Promise.all([c.session(), c.session()]);
    await c.session();
    expect(a).to.deep.equal(SESSION);
    expect(b).to.equal(a);
    expect(s.sessionCalls()).to.equal(1);
    await c.refreshSession();
    expect(s.sessionCalls()).to.equal(2);
  });

  it('does not cache a failed session, and validates it', async () => {
    let fail = true;
    const s = setup({}, () => {
      if (fail) return { ...SESSION, scope: 'all' } as unknown as HostSession;
      return SESSION;
    });
    const c = client(s.host, { locale: 'en' });
    const error = await rejection(c.session());
    expect(error.code).to.equal('host-response');
    expect(error.message).to.contain('host.session returned');
    fail = false;
    expect((await c.session()).user.id).to.equal('u1');
    expect(s.sessionCalls()).to.equal(2);
  });

  it('speaks the option, else the session, else zh-CN', async () => {
    const c = client(setup().host);
    expect(c.locale()).to.equal('zh-CN');
    await c.session();
    expect(c.locale()).to.equal('en');
    expect(client(setup().host, { locale: 'zh-CN' }).locale()).to.equal('zh-CN');
  });
});

describe('createFiregridClient: drafts and submit', () => {
  it('keeps incomplete drafts but refuses non-objects and drafts without an id', async () => {
    const c = client(setup().host, { locale: 'en' });
    const id = newId();
    await c.drafts.save('hazards', { id, title: 'half' });
    expect(await c.drafts.get('hazards', id)).to.deep.equal({ id, title: 'half' });
    expect((await c.drafts.list('hazards')).map((d) => d.id)).to.deep.equal([id]);
    expect((await rejection(c.drafts.save('hazards', 'text' as never))).code).to.equal('validation');
    expect((await rejection(c.drafts.save('hazards', { title: 'x' } as never))).issues[0]?.path).to.equal('id');
    expect(await c.drafts.remove('hazards', id)).to.equal(true);
    expect(await c.drafts.get('hazards', id)).to.equal(null);
  });

  it('copies drafts in and out', async () => {
    const c = client(setup().host);
    const draft = { id: newId(), title: 'a' };
    await c.drafts.save('hazards', draft);
    draft.title = 'changed';
    const read = await c.drafts.get('hazards', draft.id);
    expect(read?.title).to.equal('a');
  });

  it('keeps drafts per tenant and user', async () => {
    let user = 'u1';
    const c = client(setup({}, () => ({ ...SESSION, user: { ...SESSION.user, id: user } })).host);
    await c.drafts.save('hazards', { id: newId() });
    user = 'u2';
    await c.refreshSession();
    expect(await c.drafts.list('hazards')).to.deep.equal([]);
  });

  it('refuses an invalid record before sending, naming the field, and keeps the draft', async () => {
    const s = setup();
    const c = client(s.host, { locale: 'en' });
    const draft = hazard({ title: '' });
    await c.drafts.save('hazards', draft);
    const error = await rejection(c.submit('hazards', draft));
    expect(error.code).to.equal('validation');
    expect(error.issues.map((i) => i.path)).to.deep.equal(['title']);
    expect(error.message).to.contain('title');
    expect(s.saves).to.have.length(0);
    expect(await c.drafts.get('hazards', draft.id)).to.deep.equal(draft);
  });

  it('sends a valid record with a new key each time, removes its draft, and sends edits with their base version', async () => {
    const s = setup();
    const c = client(s.host);
    const events: string[] = [];
    c.events.on('*', (e) => events.push(e.type));
    const draft = hazard();
    await c.drafts.save('hazards', draft);
    const receipt = await c.submit('hazards', draft);
    if (receipt.kind !== 'stored') throw new Error(`expected a stored receipt, got ${receipt.kind}`);
    const saved = receipt.record;
    expect(receipt.version).to.equal(1);
    expect(saved.version).to.equal(1);
    expect(saved.tenantId).to.equal('memory');
    expect(await c.drafts.get('hazards', draft.id)).to.equal(null);
    expect(s.saves[0]).not.to.have.property('baseVersion');

    const edited = await c.submit('hazards', { ...saved, title: '已改' });
    expect(edited).to.deep.include({ kind: 'stored', version: 2 });
    expect(s.saves[1]?.baseVersion).to.equal(1);
    expect(s.saves[1]?.idempotencyKey).not.to.equal(s.saves[0]?.idempotencyKey);
    expect(events).to.deep.equal(['draft.saved', 'draft.removed', 'record.submitted', 'record.submitted']);

    const stale = await rejection(c.submit('hazards', { ...saved, title: '旧的' }));
    expect(stale.code).to.equal('conflict');
  });

  it('runs commands with a new key and emits their result', async () => {
    const c = client(setup().host);
    const saved = (await c.submit('hazards', hazard())).record;
    const seen: FiregridEvent[] = [];
    c.events.on('command.sent', (e) => seen.push(e));
    const receipt = await c.command('hazards.transition', { hazardId: saved.id, action: 'verify' });
    if (receipt.kind !== 'stored') throw new Error(`expected a stored receipt, got ${receipt.kind}`);
    expect(receipt.result?.status).to.equal('verified');
    expect(seen).to.have.length(1);
    expect(seen[0]).to.deep.include({ type: 'command.sent', name: 'hazards.transition', payload: { hazardId: saved.id, action: 'verify' } });
    expect((await rejection(c.command('hazards.delete' as never, {} as never))).code).to.equal('validation');
  });
});

describe('createFiregridClient: events', () => {
  it('forwards events to host.events with the vendor code of the hazard category', async () => {
    const s = setup();
    const c = client(s.host, { categoryCodes: { 'exit-blocked': 'CG-0302' } });
    const local: RecordSubmittedEvent[] = [];
    c.events.on('record.submitted', (e) => local.push(e));
    const mapped = (await c.submit('hazards', hazard({ category: 'exit-blocked' }))).record;
    await c.submit('hazards', hazard({ category: 'electrical' }));
    await c.command('hazards.transition', { hazardId: mapped.id, action: 'verify' });
    await settle();
    const submitted = s.sink.filter((e) => e.type === 'record.submitted');
    expect(submitted).to.have.length(2);
    expect(submitted[0]).to.include({ kind: 'hazards', externalCode: 'CG-0302' });
    expect(submitted[1]).not.to.have.property('externalCode');
    expect(local[0]?.externalCode).to.equal('CG-0302');
    expect(s.sink.find((e): e is CommandSentEvent => e.type === 'command.sent')?.externalCode).to.equal('CG-0302');
  });

  it('tolerates an event sink that throws or rejects, and reports it to onError', async () => {
    const errors: FiregridError[] = [];
    let calls = 0;
    const throwing = setup({ events: { emit: () => { calls++; throw new Error('hub down'); } } });
    const c = client(throwing.host, { onError: (e) => errors.push(e) });
    const saved = await c.submit('hazards', hazard());
    expect(saved).to.deep.include({ kind: 'stored', version: 1 });
    const rejecting = setup({ events: { emit: () => Promise.reject(new Error('hub rejected')) } });
    await client(rejecting.host, { onError: (e) => errors.push(e) }).submit('hazards', hazard());
    await settle();
    expect(calls).to.equal(1);
    expect(errors.map((e) => e.code)).to.deep.equal(['host-failure', 'host-failure']);
    expect(errors[0]?.message).to.contain('hub down');
    expect(errors[1]?.message).to.contain('hub rejected');
    // Without onError the failure is dropped, not thrown.
    await client(setup({ events: { emit: () => { throw new Error('x'); } } }).host).submit('hazards', hazard());
    await settle();
  });

  it('keeps calling the other listeners when one throws, and unsubscribes', async () => {
    const errors: FiregridError[] = [];
    const c = client(setup().host, { onError: (e) => errors.push(e) });
    const seen: string[] = [];
    c.events.on('draft.saved', () => { throw new Error('listener bug'); });
    const off = c.events.on('draft.saved', (e) => seen.push(e.id));
    const first = newId();
    await c.drafts.save('places', { id: first });
    off();
    await c.drafts.save('places', { id: newId() });
    expect(seen).to.deep.equal([first]);
    expect(errors).to.have.length(2);
    expect(errors[0]?.message).to.contain('listener bug');
  });
});
