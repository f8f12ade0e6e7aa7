/**
 * Template revisions on the reference server (issue 23 item 3): every revision kept,
 * `GET /v1/templates/{id}?revision=N`, lists of the latest, saves that never rewrite a stored
 * revision, migration 7 on a database made before it, and `firegrid-server templates sync` and
 * `seed` on a real SQLite file.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { newId, templateContent } from '@firegrid/core';
import { TEMPLATE_IDS, templates } from '@firegrid/core/templates';
import { DB_FILE, MIGRATIONS, Store, migrate, openDatabase, seedDemo, syncTemplates } from '@firegrid/server';
import { hazard, inspection, place, problemOf, startTestServer, template } from './helpers.js';
import type { TestServer } from './helpers.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'packages', 'server', 'src', 'cli.ts');

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FIREGRID_SECRET;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=source', CLI, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Rec = Record<string, unknown>;
const EN = { 'accept-language': 'en' };

describe('GET /v1/templates/{id}?revision=N and saves of revisions', () => {
  let s: TestServer;
  let admin: string;
  const first = template({ title: { 'zh-CN': '第一版' } });
  const second = { ...first, revision: 2, title: { 'zh-CN': '第二版' } };
  before(async () => {
    s = await startTestServer();
    admin = await s.token();
    assert.equal((await s.put(`/v1/templates/${first.id}`, first, admin)).status, 201);
    const p = place();
    assert.equal((await s.put(`/v1/places/${p.id}`, p, admin)).status, 201);
    // An inspection filled under revision 1 …
    const i = inspection(first.id, p.id, { templateVersion: 1 });
    assert.equal((await s.put(`/v1/inspections/${i.id}`, i, admin)).status, 201);
    // … then revision 2 arrives.
    assert.equal((await s.put(`/v1/templates/${first.id}`, second, admin)).status, 200);
  });
  after(() => s.close());

  it('returns the latest without ?revision, and each kept revision with it', async () => {
    const latest = (await s.request('GET', `/v1/templates/${first.id}`, { token: admin })).json as Rec;
    assert.deepEqual([latest.revision, latest.version, (latest.title as Rec)['zh-CN']], [2, 2, '第二版']);
    const old = await s.request('GET', `/v1/templates/${first.id}?revision=1`, { token: admin });
    assert.equal(old.status, 200);
    const body = old.json as Rec;
    assert.deepEqual([body.revision, body.version, (body.title as Rec)['zh-CN']], [1, 1, '第一版']);
    assert.equal(old.headers.get('etag'), '"1"');
    const same = (await s.request('GET', `/v1/templates/${first.id}?revision=2`, { token: admin })).json as Rec;
    assert.deepEqual(same, latest);
    // A worker (any role of the tenant) reads old revisions too: the checklist opens a draft's.
    const worker = await s.token({ roles: ['grid-worker'], scope: ['330106'] });
    assert.equal((await s.request('GET', `/v1/templates/${first.id}?revision=1`, { token: worker })).status, 200);
  });

  it('answers 404 naming the revisions it holds, and 400 for a bad or misplaced revision', async () => {
    const missing = problemOf(await s.request('GET', `/v1/templates/${first.id}?revision=3`, { token: admin, headers: EN }), 404);
    assert.equal(missing.type.endsWith('revision-not-found'), true);
    assert.match(missing.detail, /has no revision 3 \(revisions held: 1, 2\)/);
    const unknown = await s.request('GET', `/v1/templates/${newId()}?revision=1`, { token: admin });
    assert.equal(unknown.status, 404);
    for (const bad of ['0', 'abc', '1.5', '-1']) {
      const p = problemOf(await s.request('GET', `/v1/templates/${first.id}?revision=${bad}`, { token: admin, headers: EN }), 400);
      assert.match(p.detail, /revision must be one positive integer/);
    }
    const twice = problemOf(await s.request('GET', `/v1/templates/${first.id}?revision=1&revision=2`, { token: admin, headers: EN }), 400);
    assert.match(twice.detail, /one positive integer/);
    const other = problemOf(await s.request('GET', `/v1/places/${newId()}?revision=1`, { token: admin, headers: EN }), 400);
    assert.match(other.detail, /Only templates have revisions/);
  });

  it('lists the latest revision only', async () => {
    const page = (await s.request('GET', '/v1/templates', { token: admin })).json as { items: Rec[] };
    const mine = page.items.filter((t) => t.id === first.id);
    assert.deepEqual(mine.map((t) => t.revision), [2]);
  });

  it('never rewrites a stored revision: other content under it, or an older revision, is refused with 409', async () => {
    const rewrite = problemOf(await s.put(`/v1/templates/${first.id}`, { ...second, title: { 'zh-CN': '悄悄改了' } }, admin, EN), 409);
    assert.match(rewrite.detail, /Revision 2 of the template .* is stored with other content; .* \(3 or more\)/);
    assert.deepEqual(rewrite.errors?.map((e) => e.path), ['revision']);
    const older = problemOf(await s.put(`/v1/templates/${first.id}`, { ...first, title: { 'zh-CN': '旧版改写' } }, admin, EN), 409);
    assert.match(older.detail, /is at revision 2; revision 1 is older/);
    const kept = (await s.request('GET', `/v1/templates/${first.id}?revision=1`, { token: admin })).json as Rec;
    assert.equal((kept.title as Rec)['zh-CN'], '第一版');
    // The same revision with the same content is an ordinary save.
    assert.equal((await s.put(`/v1/templates/${first.id}`, second, admin)).status, 200);
    // A gap is fine: revisions need not be consecutive.
    assert.equal((await s.put(`/v1/templates/${first.id}`, { ...second, revision: 5, title: { 'zh-CN': '第五版' } }, admin)).status, 200);
    const held = problemOf(await s.request('GET', `/v1/templates/${first.id}?revision=4`, { token: admin, headers: EN }), 404);
    assert.match(held.detail, /revisions held: 1, 2, 5/);
  });
});

describe('a hazard from an inspection under an older revision', () => {
  it('takes the severity its item has under the inspection\'s revision, not the latest', async () => {
    const s = await startTestServer();
    try {
      const admin = await s.token();
      const gw = await s.token({ user: 'worker-1', roles: ['grid-worker'], scope: ['330106001001'] });
      // Revision 1's q1 is a major-hazard candidate; revision 2 makes it general.
      const base = template();
      const first = { ...base, sections: base.sections.map((sec) => ({ ...sec, items: sec.items.map((i) => ({ ...i, severity: 'major-candidate' as const })) })) };
      const second = { ...base, revision: 2 };
      assert.equal((await s.put(`/v1/templates/${first.id}`, first, admin)).status, 201);
      const p = place({ kind: 'residential' });
      assert.equal((await s.put(`/v1/places/${p.id}`, p, admin)).status, 201);
      const i = inspection(first.id, p.id, { templateVersion: 1, inspectorId: 'worker-1', answers: { q1: { result: 'fail', note: '堵塞' } } });
      assert.equal((await s.put(`/v1/inspections/${i.id}`, i, gw)).status, 201);
      assert.equal((await s.put(`/v1/templates/${first.id}`, second, admin)).status, 200);
      const h = hazard({ source: 'inspection', inspectionId: i.id, itemId: 'q1', severity: 'major-candidate', placeId: p.id, status: 'draft' });
      const res = await s.put(`/v1/hazards/${h.id}`, h, gw);
      assert.equal(res.status, 201, res.text);
      // An inspection under revision 2 cites a general item: the candidate is refused.
      const j = inspection(first.id, p.id, { templateVersion: 2, inspectorId: 'worker-1', answers: { q1: { result: 'fail', note: '堵塞' } } });
      assert.equal((await s.put(`/v1/inspections/${j.id}`, j, gw)).status, 201);
      const h2 = hazard({ source: 'inspection', inspectionId: j.id, itemId: 'q1', severity: 'major-candidate', placeId: p.id, status: 'draft' });
      problemOf(await s.put(`/v1/hazards/${h2.id}`, h2, gw), 422);
    } finally {
      await s.close();
    }
  });
});

/** A database at migration 6 (before revisions) holding templates as they were stored then. */
function databaseBeforeRevisions(dir: string, rows: { tenant: string; t: Rec; version: number }[]): void {
  const db = new Database(join(dir, DB_FILE));
  migrate(db, MIGRATIONS.filter((m) => m.id < 7));
  const insert = db.prepare(`INSERT INTO records (tenant, kind, id, version, deadline_sort, updated_ms, body)
    VALUES (?, 'templates', ?, ?, 0, 0, ?)`);
  for (const r of rows) {
    const body: Rec = { ...r.t, version: r.version, tenantId: r.tenant };
    delete body.revision;
    insert.run(r.tenant, r.t.id, r.version, JSON.stringify(body));
  }
  db.close();
}

describe('migration 7 and `firegrid-server templates sync` on a real SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'firegrid-revisions-'));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const daily = templates.find((t) => t.id === TEMPLATE_IDS.dailyPatrol)!;
  const old = templates.find((t) => t.id === TEMPLATE_IDS.oldResidential)!;
  // As a server seeded with an older library holds it: other content, record version 1.
  const oldStored = { ...old, title: { 'zh-CN': '老旧小区（旧库）' } } as Rec;
  const vendor = { ...template(), revision: undefined } as Rec;

  it('gives each stored template a revision: the library\'s when the content is the library\'s, else its record version', () => {
    databaseBeforeRevisions(dir, [
      { tenant: 'cz', t: daily, version: 1 },
      { tenant: 'cz', t: oldStored, version: 1 },
      { tenant: 'cz', t: vendor, version: 4 },
    ]);
    const db = openDatabase(dir);
    try {
      const store = new Store(db);
      assert.equal(store.get('cz', 'templates', daily.id)?.revision, daily.revision);
      assert.equal(store.get('cz', 'templates', old.id)?.revision, 1);
      assert.equal(store.get('cz', 'templates', String(vendor.id))?.revision, 4);
      assert.deepEqual(store.templateRevisions('cz', old.id), [1]);
      assert.equal((store.templateRevision('cz', String(vendor.id), 4)?.title as Rec)['zh-CN'], '高层住宅消防检查');
    } finally {
      db.close();
    }
  });

  it('adds what the library has newer, prints it, keeps the old revision, and changes nothing the second time', () => {
    const first = cli(['templates', 'sync', '--data', dir]);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /Templates of tenant "cz"/);
    assert.match(first.stdout, new RegExp(`unchanged +dailyPatrol .*revision ${daily.revision}`));
    assert.match(first.stdout, new RegExp(`updated +oldResidential .*revision 1 → ${old.revision}; revision 1 kept`));
    assert.match(first.stdout, new RegExp(`${templates.length - 2} added, 1 updated, 1 left alone`));
    const db = openDatabase(dir);
    try {
      const store = new Store(db);
      assert.equal(store.get('cz', 'templates', old.id)?.revision, old.revision);
      assert.deepEqual(store.templateRevisions('cz', old.id), [1, old.revision]);
      assert.equal((store.templateRevision('cz', old.id, 1)?.title as Rec)['zh-CN'], '老旧小区（旧库）');
      assert.equal(templateContent(store.get('cz', 'templates', old.id) as Rec), templateContent(old));
      // The vendor's own template is not the library's: untouched.
      assert.equal(store.get('cz', 'templates', String(vendor.id))?.revision, 4);
    } finally {
      db.close();
    }
    const again = cli(['templates', 'sync', '--database', join(dir, DB_FILE)]);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, new RegExp(`0 added, 0 updated, ${templates.length} left alone`));
    assert.doesNotMatch(again.stdout, /^ +(added|updated) /m);
  });

  it('leaves alone a newer revision and one whose content differs under the library\'s number, and says why', () => {
    const db = openDatabase(dir);
    try {
      syncTemplates(db, 'local', { templates: [{ ...daily, revision: daily.revision + 5 }, { ...old, revision: old.revision, title: { 'zh-CN': '本地改过' } }] });
      const lines = syncTemplates(db, 'local');
      const byKey = new Map(lines.map((l) => [l.key, l]));
      assert.deepEqual({ ...byKey.get('dailyPatrol'), title: '' }, { id: daily.id, key: 'dailyPatrol', title: '', action: 'newer', revision: daily.revision, held: daily.revision + 5 });
      assert.equal(byKey.get('oldResidential')?.action, 'differs');
      assert.equal((new Store(db).get('local', 'templates', old.id)?.title as Rec)['zh-CN'], '本地改过');
    } finally {
      db.close();
    }
    const out = cli(['templates', 'sync', '--data', dir, '--tenant', 'local']);
    assert.equal(out.status, 0, out.stderr);
    assert.match(out.stdout, /left alone +dailyPatrol .*newer than the library's/);
    assert.match(out.stdout, /left alone +oldResidential .*other content than the library's/);
  });

  it('refuses a wrong subcommand, an empty database without --tenant, and --data and --database that differ', () => {
    const empty = mkdtempSync(join(tmpdir(), 'firegrid-revisions-empty-'));
    try {
      const none = cli(['templates', 'sync', '--data', empty]);
      assert.equal(none.status, 2);
      assert.match(none.stderr, /holds no templates yet; name the tenant to give them to with --tenant/);
      const made = cli(['templates', 'sync', '--data', empty, '--tenant', 'new-county']);
      assert.equal(made.status, 0, made.stderr);
      assert.match(made.stdout, new RegExp(`${templates.length} added, 0 updated, 0 left alone`));
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    const wrong = cli(['templates', 'push']);
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /templates takes the subcommand "sync", not "push"/);
    const both = cli(['templates', 'sync', '--data', dir, '--database', '/elsewhere']);
    assert.equal(both.status, 2);
    assert.match(both.stderr, /two names for the data folder/);
  });
});

describe('seed and revisions', () => {
  it('stores the library at its revisions; inspections record the revision; a second seed adds nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'firegrid-revisions-seed-'));
    try {
      const now = new Date('2026-03-01T10:00:00+08:00');
      const first = seedDemo(dir, { now });
      assert.equal(first.created.templates, templates.length);
      const db = openDatabase(dir);
      try {
        const store = new Store(db);
        for (const t of templates) assert.equal(store.get(first.tenant, 'templates', t.id)?.revision, t.revision, t.id);
        const rows = db.prepare("SELECT body FROM records WHERE tenant = ? AND kind = 'inspections'").pluck().all(first.tenant) as string[];
        assert.ok(rows.length > 0);
        for (const r of rows) {
          const i = JSON.parse(r) as { templateId: string; templateVersion: number };
          assert.equal(i.templateVersion, templates.find((t) => t.id === i.templateId)?.revision);
        }
      } finally {
        db.close();
      }
      assert.equal(seedDemo(dir, { now }).created.templates, undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
