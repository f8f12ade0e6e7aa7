/**
 * Shared by the server tests: a real server on a loopback port with a real SQLite file in a
 * temporary folder, tokens, a small fetch wrapper and record fixtures.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '@firegrid/core';
import type {
  ActivityInput, ChecklistTemplateInput, FloorCaptainInput, HazardInput, InspectionInput, PlaceInput, Role, ScoreConfigInput,
  WorkerInput,
} from '@firegrid/core';
import { signToken, startServer } from '@firegrid/server';
import type { RunningServer, ServerOptions } from '@firegrid/server';

export const SECRET = 'test-secret-that-is-long-enough-0123456789';

/** Two grids of one community and one of another county, as OrgUnit codes. */
export const GRID_A = '330106001001001';
export const GRID_A2 = '330106001001002';
export const GRID_B = '330108002003001';
export const COMMUNITY_A = '330106001001';

/** A mutable clock the server reads: tests move it to make time pass. */
export class TestClock {
  ms: number;
  constructor(iso = '2026-03-02T02:00:00.000Z') {
    this.ms = Date.parse(iso);
  }
  now = (): Date => new Date(this.ms);
  /** Moves the clock forward. */
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface Who {
  tenant?: string;
  user?: string;
  roles?: Role[];
  scope?: string[];
  name?: string;
}

export interface Response {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, when it was JSON. */
  json: unknown;
}

export interface RequestOptions {
  token?: string | null;
  body?: unknown;
  raw?: Uint8Array | string;
  headers?: Record<string, string>;
}

export interface TestServer {
  url: string;
  dataDir: string;
  server: RunningServer;
  clock: TestClock;
  token(who?: Who): Promise<string>;
  request(method: string, path: string, options?: RequestOptions): Promise<Response>;
  /** A PUT with a fresh Idempotency-Key (unless headers give one). */
  put(path: string, body: unknown, token: string | null, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** A token for `who` (admin of tenant t1 with scope * by default). */
export function tokenFor(who: Who = {}, secret = SECRET): Promise<string> {
  return signToken({
    secret,
    tenant: who.tenant ?? 't1',
    user: who.user ?? 'admin-1',
    roles: who.roles ?? ['admin'],
    scope: who.scope ?? ['*'],
    ...(who.name === undefined ? {} : { name: who.name }),
  });
}

/** Starts the server on 127.0.0.1:0 with a new data folder (removed by close()). */
export async function startTestServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'firegrid-test-'));
  const clock = new TestClock();
  const server = await startServer({ port: 0, host: '127.0.0.1', secret: SECRET, now: clock.now, log: () => undefined, ...options, dataDir });
  const request = async (method: string, path: string, o: RequestOptions = {}): Promise<Response> => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token !== undefined && o.token !== null) headers.authorization = `Bearer ${o.token}`;
    let body: BodyInit | undefined;
    if (o.raw !== undefined) body = typeof o.raw === 'string' ? o.raw : new Uint8Array(o.raw);
    else if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${server.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await res.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  };
  return {
    url: server.url,
    dataDir,
    server,
    clock,
    token: (who) => tokenFor(who),
    request,
    put: (path, body, token, headers = {}) => request('PUT', path, { token, body, headers: { 'idempotency-key': newId(), ...headers } }),
    async close() {
      await server.close();
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The body of a problem response, checked for the RFC 9457 members every problem has. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: { path: string; message: string }[];
  [extra: string]: unknown;
}

/** Asserts `res` is an `application/problem+json` of `status` and returns it. */
export function problemOf(res: Response, status: number): Problem {
  if (res.status !== status) throw new Error(`expected a ${status} problem, got ${res.status}: ${res.text.slice(0, 500)}`);
  const type = res.headers.get('content-type') ?? '';
  if (!type.startsWith('application/problem+json')) throw new Error(`expected application/problem+json, got ${type}`);
  const p = res.json as Problem;
  if (typeof p.type !== 'string' || typeof p.title !== 'string' || p.status !== status || typeof p.detail !== 'string' || p.detail === '') {
    throw new Error(`not a problem document: ${res.text}`);
  }
  return p;
}

/** The paths of a problem's errors. */
export const pathsOf = (p: Problem): string[] => (p.errors ?? []).map((e) => e.path);

export const sha256b64 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('base64');

/** A minimal PNG header (signature + IHDR) of the given size, padded with `extra` bytes. */
export function fakePng(width: number, height: number, extra = 16): Uint8Array {
  const b = Buffer.alloc(33 + extra, 7);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'latin1');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return new Uint8Array(b);
}

/** Uploads a photo and returns the PhotoRef body. */
export async function upload(s: TestServer, token: string, bytes: Uint8Array = fakePng(40, 30)): Promise<{ id: string; url: string }> {
  const res = await s.request('POST', '/v1/media', {
    token, raw: bytes, headers: { 'content-type': 'image/png', 'content-digest': `sha-256=:${sha256b64(bytes)}:`, 'idempotency-key': newId() },
  });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${res.text}`);
  return res.json as { id: string; url: string };
}

// ---- fixtures -----------------------------------------------------------------------------------

export function place(over: Partial<PlaceInput> = {}): PlaceInput {
  return { id: newId(), kind: 'residential', name: '翠苑一区 3 幢', address: '杭州市西湖区翠苑一区 3 幢', gridId: GRID_A, ...over };
}

export function hazard(over: Partial<HazardInput> = {}): HazardInput {
  return {
    id: newId(), category: 'exit-blocked', title: '3 幢一楼安全出口堆放杂物', description: '一楼东侧安全出口堆放纸箱',
    gridId: GRID_A, photos: [], source: 'worker', reporter: { kind: 'grid-worker', personId: 'worker-1', confidential: false },
    severity: 'general', status: 'reported', ...over,
  };
}

export function template(over: Partial<ChecklistTemplateInput> = {}): ChecklistTemplateInput {
  return {
    id: newId(),
    revision: 1,
    title: { 'zh-CN': '高层住宅消防检查', en: 'High-rise residential check' },
    appliesTo: { kinds: ['residential'], highRise: true },
    sections: [{
      id: 's1', title: { 'zh-CN': '疏散' },
      items: [{
        id: 'q1', text: { 'zh-CN': '安全出口是否畅通' }, basis: { doc: 'GB 50016-2014', clause: '5.5.1', verified: false },
        severity: 'general', category: 'exit-blocked', evidence: { photoOnFail: true, noteOnFail: true },
      }],
    }],
    ...over,
  };
}

export function inspection(templateId: string, placeId: string, over: Partial<InspectionInput> = {}): InspectionInput {
  return {
    id: newId(), templateId, templateVersion: 1, placeId, inspectorId: 'worker-1', startedAt: '2026-03-01T09:00:00+08:00',
    answers: { q1: { result: 'pass' } }, state: 'draft', ...over,
  };
}

export function captain(buildingId: string, over: Partial<FloorCaptainInput> = {}): FloorCaptainInput {
  return {
    id: newId(), buildingId, person: { id: 'p-1', name: '李芳', phone: '13812341234' }, duties: ['每月巡查楼道'],
    term: { from: '2026-01-01' }, ...over,
  };
}

export function worker(over: Partial<WorkerInput> = {}): WorkerInput {
  return { id: newId(), name: '王伟', userId: 'worker-1', gridIds: [GRID_A], active: true, ...over };
}

export function training(workerId: string, over: Partial<ActivityInput> = {}): ActivityInput {
  return { id: newId(), type: 'training.held', at: '2026-03-01T10:00:00+08:00', workerId, gridId: GRID_A, ...over } as ActivityInput;
}

export function scoreConfig(over: Partial<ScoreConfigInput> = {}): ScoreConfigInput {
  return {
    id: newId(), name: '2026 一季度', period: { from: '2026-01-01', to: '2026-03-31' }, scope: COMMUNITY_A,
    metrics: [{ key: 'coverage', weight: 60, params: {} }, { key: 'closure', weight: 40, params: {} }],
    visitsPerMonth: { residential: 1 }, deductions: { perOverdue: 2, cap: 20 }, ...over,
  };
}
