// Validation once per boundary (issue 16, item 6; DESIGN §2): one hazard is parsed with a hazard
// schema once when it enters the client (`client.submit`, on its way to the outbox) and once when
// it comes back from the network (the server's answer to the outbox's PUT) — not again by each
// layer in between (the validated host, the offline backend). The count is taken on the schema
// objects themselves: every parse, top-level or nested in a page, runs their `_zod.run`.
import { expect } from '@open-wc/testing';
import { createFiregridClient, defineHost, memoryBackend, newId } from '../../packages/core/src/index.js';
import type { HazardInput, HostSession } from '../../packages/core/src/index.js';
import { RECORD_INPUT_SCHEMAS, RECORD_SCHEMAS } from '../../packages/core/src/schema/index.js';
import { httpDataPort } from '../../packages/core/src/http.js';
import { offlineBackend } from '../../packages/core/src/offline.js';

const SESSION: HostSession = { tenantId: 't1', user: { id: 'u1', name: '李建国', roles: ['grid-worker'] }, scope: ['140106001001'], locale: 'zh-CN' };

interface Runnable { _zod: { run: (payload: { value: unknown }, ctx: unknown) => unknown } }

/** Counts runs of the hazard schemas on values with `id`, until `restore` is called. */
function countParses(id: string): { count: () => number; reset: () => void; restore: () => void } {
  let n = 0;
  const schemas = [...new Set<unknown>([RECORD_SCHEMAS.hazards, RECORD_INPUT_SCHEMAS.hazards])] as Runnable[];
  const originals = schemas.map((s) => s._zod.run);
  schemas.forEach((s, i) => {
    const run = originals[i]!;
    s._zod.run = (payload, ctx) => {
      const v = payload.value as { id?: unknown } | null;
      if (typeof v === 'object' && v !== null && v.id === id) n++;
      return run.call(s._zod, payload, ctx);
    };
  });
  return {
    count: () => n,
    reset: () => { n = 0; },
    restore: () => { schemas.forEach((s, i) => { s._zod.run = originals[i]!; }); },
  };
}

/** A server on `fetch`: PUT /v1/hazards/:id answers 201 with the stored record. */
function server(): { fetch: typeof fetch; puts: number } {
  const state = { puts: 0, fetch: undefined as unknown as typeof fetch };
  state.fetch = async (input, init = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (init.method === 'PUT' && url.includes('/v1/hazards/')) {
      state.puts++;
      const body = JSON.parse(await new Response(init.body).text()) as HazardInput;
      const at = '2026-03-02T10:00:00+08:00';
      return new Response(JSON.stringify({ ...body, version: 1, createdAt: at, updatedAt: at, tenantId: 't1', history: [] }), {
        status: 201, headers: { 'content-type': 'application/json', etag: '"1"' },
      });
    }
    return new Response(JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404 }), { status: 404, headers: { 'content-type': 'application/problem+json' } });
  };
  return state;
}

const hazard = (): HazardInput => ({
  id: newId(), category: 'exit-blocked', title: '楼道堆放杂物', description: '一楼楼道', photos: [], source: 'worker',
  reporter: { kind: 'grid-worker', personId: 'u1', confidential: false }, severity: 'general', status: 'reported',
});

describe('validation once per boundary', () => {
  it('offline: one parse from client.submit to the outbox, one on the way back from the network', async () => {
    const s = server();
    const data = httpDataPort({ baseUrl: 'https://api.example.cn/firegrid', fetch: (...a) => s.fetch(...a) });
    const client = createFiregridClient({
      host: defineHost({ session: () => Promise.resolve(SESSION), data }),
      backend: offlineBackend({ prefix: `fg-test-parses-${newId()}`, autoSync: false, persist: false }),
    });
    await client.session();
    const h = hazard();
    const parses = countParses(h.id);
    try {
      const receipt = await client.submit('hazards', h);
      expect(receipt.kind).to.equal('queued');
      expect(parses.count(), 'parses from client.submit to the outbox').to.equal(1);
      parses.reset();
      const status = await client.offline!.sync();
      expect(status.pending).to.have.length(0);
      expect(s.puts).to.equal(1);
      expect(parses.count(), 'parses of the server\'s answer').to.equal(1);
    } finally {
      parses.restore();
      await client.purge();
    }
  });

  it('online: one parse on the way in, one on the way back', async () => {
    const s = server();
    const data = httpDataPort({ baseUrl: 'https://api.example.cn/firegrid', fetch: (...a) => s.fetch(...a) });
    const client = createFiregridClient({ host: defineHost({ session: () => Promise.resolve(SESSION), data }), backend: memoryBackend });
    await client.session();
    const h = hazard();
    const parses = countParses(h.id);
    try {
      const receipt = await client.submit('hazards', h);
      expect(receipt).to.deep.include({ kind: 'stored', version: 1 });
      expect(parses.count(), 'one parse in, one of the answer').to.equal(2);
    } finally {
      parses.restore();
    }
  });

  it('a port that does not parse its answers is still checked by the client', async () => {
    const client = createFiregridClient({
      host: defineHost({
        session: () => Promise.resolve(SESSION),
        data: {
          list: () => Promise.resolve({ items: [], nextCursor: null }), get: () => Promise.resolve(null),
          save: (_k, r) => Promise.resolve({ ...r, version: 'one' } as never),
          command: () => Promise.resolve({} as never), uploadMedia: () => Promise.reject(new Error('no')), readMedia: () => Promise.reject(new Error('no')),
        },
      }),
    });
    const error = await client.submit('hazards', hazard()).then(() => undefined, (e: unknown) => e as { code: string });
    expect(error?.code).to.equal('host-response');
  });
});
