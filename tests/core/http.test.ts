import { expect } from '@open-wc/testing';
import { FiregridError } from '../../packages/core/src/errors.js';
import { newId } from '../../packages/core/src/ids.js';
import type { HazardInput, PhotoRef } from '../../packages/core/src/schema/index.js';
import { FiregridHttpError, codeOfStatus, httpDataPort, queryParams, retryAfterMs } from '../../packages/core/src/http.js';
import type { HttpDataPortOptions } from '../../packages/core/src/http.js';

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

type Reply = { status?: number; json?: unknown; type?: string; body?: BodyInit; headers?: Record<string, string> } | 'hang' | Error;

/** A fetch that records requests and answers from a script. */
function fakeFetch(answer: (req: Sent) => Reply) {
  const sent: Sent[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const headers = Object.fromEntries(Object.entries(init.headers as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    const body = init.body === undefined || init.body === null ? new Uint8Array() : new Uint8Array(await new Response(init.body).arrayBuffer());
    const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
    const req: Sent = { method: init.method ?? 'GET', url, headers, body };
    sent.push(req);
    const reply = answer(req);
    if (reply instanceof Error) throw reply;
    if (reply === 'hang') {
      return new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => { reject(new DOMException('The operation was aborted.', 'AbortError')); });
      });
    }
    const type = reply.type ?? (reply.json === undefined ? 'application/octet-stream' : 'application/json');
    return new Response(reply.body ?? (reply.json === undefined ? null : JSON.stringify(reply.json)), {
      status: reply.status ?? 200, headers: { 'content-type': type, ...reply.headers },
    });
  };
  return { fetch, sent };
}

const BASE = 'https://api.example.cn/firegrid';

function port(answer: (req: Sent) => Reply, options: Partial<HttpDataPortOptions> = {}) {
  const f = fakeFetch(answer);
  return { data: httpDataPort({ baseUrl: `${BASE}/`, fetch: f.fetch, locale: 'en', ...options }), sent: f.sent };
}

function hazard(over: Partial<HazardInput> = {}): HazardInput {
  return {
    id: newId(), category: 'exit-blocked', title: '楼道堆放杂物', description: '', photos: [], source: 'worker',
    reporter: { kind: 'grid-worker', personId: 'u1', confidential: false }, severity: 'general', status: 'reported', ...over,
  };
}

const stored = (h: HazardInput, version = 1) => ({
  ...h, history: [], version, createdAt: '2026-03-02T10:00:00+08:00', updatedAt: '2026-03-02T10:00:00+08:00', tenantId: 't1',
});

async function rejection(promise: Promise<unknown>): Promise<FiregridHttpError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(FiregridError);
    return error as FiregridHttpError;
  }
  throw new Error('expected the promise to reject');
}

const problem = (status: number, detail: string, extra: Record<string, unknown> = {}): Reply => ({
  status, type: 'application/problem+json', json: { type: 'urn:firegrid:problem:x', title: 'x', status, detail, ...extra },
});

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}
const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

describe('httpDataPort: requests', () => {
  it('writes with Idempotency-Key and If-Match, asking an async headers function every time', async () => {
    let token = 0;
    const h = hazard();
    const { data, sent } = port((req) => ({ status: req.headers['if-match'] === undefined ? 201 : 200, json: stored(h, 2) }), {
      headers: async () => { await Promise.resolve(); token += 1; return { Authorization: `Bearer t${token}` }; },
    });
    await data.save('hazards', h, { idempotencyKey: 'k-1' });
    await data.save('hazards', { ...h, title: '改' }, { idempotencyKey: 'k-2', baseVersion: 1 });
    expect(sent.map((r) => [r.method, r.url])).to.deep.equal([
      ['PUT', `${BASE}/v1/hazards/${h.id}`], ['PUT', `${BASE}/v1/hazards/${h.id}`],
    ]);
    expect(sent.map((r) => r.headers.authorization)).to.deep.equal(['Bearer t1', 'Bearer t2']);
    expect(sent.map((r) => r.headers['idempotency-key'])).to.deep.equal(['k-1', 'k-2']);
    expect(sent.map((r) => r.headers['if-match'])).to.deep.equal([undefined, '"1"']);
    expect(sent[0]!.headers['content-type']).to.equal('application/json');
    expect(sent[0]!.headers['accept-language']).to.equal('en');
    expect(JSON.parse(new TextDecoder().decode(sent[1]!.body))).to.deep.include({ title: '改' });
  });

  it('lists with the query of DESIGN §5 and reads one record, null when there is none', async () => {
    const h = hazard();
    const { data, sent } = port((req) => (req.url.includes('/v1/hazards?')
      ? { json: { items: [stored(h)], nextCursor: 'c2' } }
      : problem(404, 'no such hazard')));
    const page = await data.list('hazards', { status: ['reported', 'verified'], overdue: true, limit: 20, q: '楼道 杂物' });
    expect(page.nextCursor).to.equal('c2');
    expect(page.items[0]?.id).to.equal(h.id);
    const url = new URL(sent[0]!.url);
    expect(url.searchParams.get('status')).to.equal('reported,verified');
    expect(url.searchParams.get('overdue')).to.equal('true');
    expect(url.searchParams.get('limit')).to.equal('20');
    expect(url.searchParams.get('q')).to.equal('楼道 杂物');
    expect(await data.get('hazards', newId())).to.equal(null);
    expect(queryParams({ kind: ['school', 'hospital'] }).toString()).to.equal('kind=school%2Chospital');
    // Issue 19: the assignee's tasks; the server reads `me` from the token.
    expect(queryParams({ assignee: 'me', status: 'assigned' }).toString()).to.equal('assignee=me&status=assigned');
  });

  it('runs hazard transitions and captain imports at their own URLs', async () => {
    const h = hazard();
    const { data, sent } = port((req) => (req.url.endsWith('/transitions')
      ? { json: { ...stored(h, 2), status: 'verified' } }
      : { json: { count: 0, created: 0, updated: 0, items: [] } }));
    const verified = await data.command('hazards.transition', { hazardId: h.id, action: 'verify', note: '已核实', baseVersion: 1 }, { idempotencyKey: 'k-t' });
    expect((verified as { status: string }).status).to.equal('verified');
    expect(sent[0]!.url).to.equal(`${BASE}/v1/hazards/${h.id}/transitions`);
    expect(sent[0]!.headers['if-match']).to.equal('"1"');
    expect(JSON.parse(new TextDecoder().decode(sent[0]!.body))).to.deep.equal({ action: 'verify', note: '已核实' });
    expect(await data.command('captains.import', { rows: [] }, { idempotencyKey: 'k-i' })).to.deep.equal({ count: 0, created: 0, updated: 0, items: [] });
    expect(sent[1]!.url).to.equal(`${BASE}/v1/captains:import`);
    // @ts-expect-error — no hazardId: refused by the type, and by the port before anything is sent
    expect((await rejection(data.command('hazards.transition', { action: 'verify' }, { idempotencyKey: 'k' }))).code).to.equal('validation');
  });

  it('uploads photos with Content-Digest and reads them back through the port, checking their SHA-256', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    const digest = await sha256(bytes);
    const ref: PhotoRef = { id: 'm1', url: '/firegrid/v1/media/m1', sha256: hex(digest), width: 10, height: 8, bytes: bytes.length };
    let served: Uint8Array = bytes;
    const { data, sent } = port((req) => (req.method === 'POST' ? { status: 201, json: ref } : { body: new Blob([served as Uint8Array<ArrayBuffer>]), type: 'image/jpeg' }), {
      headers: { authorization: 'Bearer t' },
    });
    const uploaded = await data.uploadMedia(new Blob([bytes], { type: 'image/jpeg' }), { width: 10, height: 8 }, { idempotencyKey: 'photo-1' });
    expect(uploaded).to.deep.equal(ref);
    const post = sent[0]!;
    expect(post.url).to.equal(`${BASE}/v1/media`);
    expect(post.headers['content-digest']).to.equal(`sha-256=:${btoa(String.fromCharCode(...digest))}:`);
    expect(post.headers['content-type']).to.equal('image/jpeg');
    expect(post.headers['idempotency-key']).to.equal('photo-1');
    expect([...post.body]).to.deep.equal([...bytes]);

    const blob = await data.readMedia(ref);
    expect([...new Uint8Array(await blob.arrayBuffer())]).to.deep.equal([...bytes]);
    expect(sent[1]!.url).to.equal('https://api.example.cn/firegrid/v1/media/m1');
    expect(sent[1]!.headers.authorization).to.equal('Bearer t');
    // The server's contract path, behind a proxy that serves the API under a prefix it does not know.
    await data.readMedia({ ...ref, url: '/v1/media/m1' });
    expect(sent[2]!.url).to.equal('https://api.example.cn/firegrid/v1/media/m1');
    served = new Uint8Array([9, 9, 9]);
    const damaged = await rejection(data.readMedia(ref));
    expect(damaged.code).to.equal('host-response');
    expect(damaged.issues[0]?.path).to.equal('sha256');
    // A photo on another origin never gets the API's credentials.
    await data.readMedia({ ...ref, url: 'https://cdn.example.com/m1' }).catch(() => undefined);
    expect(sent.at(-1)!.headers.authorization).to.equal(undefined);
  });
});

describe('httpDataPort: failures', () => {
  it('maps problem+json to typed errors with the server\'s field paths', async () => {
    const h = hazard();
    const current = stored(h, 4);
    const answers: Record<string, Reply> = {
      a: problem(422, 'The hazard record was refused', { errors: [{ path: 'status', message: 'must be draft or reported' }] }),
      b: problem(409, 'someone else changed it', { currentVersion: 4, current }),
      c: problem(401, 'token expired'),
      d: problem(403, 'outside your scope'),
      e: { ...(problem(503, 'busy') as object), headers: { 'retry-after': '12' } },
      f: problem(413, 'too large'),
    };
    const { data } = port((req) => answers[req.headers['idempotency-key']!]!);
    const save = (key: string) => rejection(data.save('hazards', h, { idempotencyKey: key }));
    const rejected = await save('a');
    expect(rejected).to.be.instanceOf(FiregridHttpError);
    expect(rejected.code).to.equal('rejected');
    expect(rejected.status).to.equal(422);
    expect(rejected.issues).to.deep.equal([{ path: 'status', message: 'must be draft or reported' }]);
    expect(rejected.message).to.contain('The hazard record was refused');
    const conflict = await save('b');
    expect(conflict.code).to.equal('conflict');
    expect((conflict.problem as { current?: { version?: number } }).current?.version).to.equal(4);
    expect((await save('c')).code).to.equal('unauthorized');
    expect((await save('d')).code).to.equal('forbidden');
    const busy = await save('e');
    expect(busy.code).to.equal('network');
    expect(busy.retryAfterMs).to.equal(12_000);
    expect((await save('f')).code).to.equal('rejected');
  });

  it('fails with network when offline or too slow, aborting through an AbortSignal', async () => {
    const offline = port(() => new TypeError('Failed to fetch'));
    const down = await rejection(offline.data.list('hazards', {}));
    expect(down.code).to.equal('network');
    expect(down.status).to.equal(0);
    const slow = port(() => 'hang', { timeoutMs: 30 });
    const timeout = await rejection(slow.data.get('hazards', newId()));
    expect(timeout.code).to.equal('network');
    expect(timeout.message).to.contain('30 ms');
  });

  it('refuses malformed answers with a typed error naming the field', async () => {
    const h = hazard();
    const bad = { ...stored(h), photos: [{ id: 'm1', url: '/v1/media/m1', sha256: 'nope', width: 1, height: 1, bytes: 1 }] };
    const { data } = port((req) => (req.url.includes('/v1/places') ? { type: 'text/html', body: '<h1>Bad gateway</h1>' } : { json: bad }));
    const error = await rejection(data.get('hazards', h.id));
    expect(error.code).to.equal('host-response');
    expect(error.issues.map((i) => i.path)).to.include('photos[0].sha256');
    expect(error.message).to.contain(`GET /v1/hazards/${h.id}`);
    const html = await rejection(data.list('places', {}));
    expect(html.code).to.equal('host-response');
    expect(html.message).to.contain('text/html');
  });

  it('turns a failing headers function into unauthorized, and refuses a relative baseUrl outside a page only', async () => {
    const { data } = port(() => ({ json: {} }), { headers: () => { throw new Error('bridge not ready'); } });
    const error = await rejection(data.list('hazards', {}));
    expect(error.code).to.equal('unauthorized');
    expect(error.message).to.contain('bridge not ready');
    const relative = fakeFetch(() => ({ json: { items: [], nextCursor: null } }));
    await httpDataPort({ baseUrl: '/api', fetch: relative.fetch }).list('places', {});
    expect(relative.sent[0]!.url).to.equal(`${location.origin}/api/v1/places`);
  });

  it('maps statuses and Retry-After as DESIGN §4 needs', () => {
    expect([400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 503].map(codeOfStatus)).to.deep.equal([
      'rejected', 'unauthorized', 'forbidden', 'not-found', 'conflict', 'rejected', 'rejected', 'rejected', 'network', 'network', 'network',
    ]);
    expect(retryAfterMs('3', 0)).to.equal(3000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4000)).to.equal(6000);
    expect(retryAfterMs(null, 0)).to.equal(undefined);
  });
});
