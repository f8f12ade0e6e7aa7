/**
 * The SQLite file of the reference server: `<data>/firegrid.db` in WAL mode, brought up to date by
 * numbered migrations kept in code. One generic `records` table holds every resource kind, with
 * the columns lists filter and sort on extracted at write time and indexed; `facets` holds the
 * many-valued ones (the grids a worker covers, the place kinds a template applies to).
 * @module
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import { isScoredKind, scoringWrites } from './scoring-tables.js';
import { backfillTemplateRevisions } from './templates.js';

/** An open better-sqlite3 database. */
export type Db = Database.Database;

/** One schema migration: applied once, in order of `id`, inside a transaction. */
export interface Migration {
  id: number;
  name: string;
  sql: string;
  /** Runs after `sql`, in the same transaction: a backfill that needs JavaScript (core's own row rules). */
  run?: (db: Db) => void;
}

/**
 * The migrations, oldest first. Never edit one that has shipped: add the next number.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'records, facets, idempotency keys, media',
    sql: `
      CREATE TABLE records (
        tenant        TEXT    NOT NULL,
        kind          TEXT    NOT NULL,
        id            TEXT    NOT NULL,
        version       INTEGER NOT NULL,
        status        TEXT,
        category      TEXT,
        severity      TEXT,
        severity_rank INTEGER,
        place_id      TEXT,
        owner         TEXT,
        deadline_end  INTEGER,
        deadline_sort INTEGER NOT NULL,
        supervised    INTEGER NOT NULL DEFAULT 0,
        name_text     TEXT    NOT NULL DEFAULT '',
        search_text   TEXT    NOT NULL DEFAULT '',
        updated_ms    INTEGER NOT NULL,
        body          TEXT    NOT NULL,
        PRIMARY KEY (tenant, kind, id)
      ) WITHOUT ROWID;
      CREATE INDEX records_updated  ON records (tenant, kind, updated_ms DESC, id);
      CREATE INDEX records_deadline ON records (tenant, kind, deadline_sort, id);
      CREATE INDEX records_name     ON records (tenant, kind, name_text, id);
      CREATE INDEX records_status   ON records (tenant, kind, status, id);
      CREATE INDEX records_category ON records (tenant, kind, category, id);
      CREATE INDEX records_severity ON records (tenant, kind, severity, id);
      CREATE INDEX records_place    ON records (tenant, kind, place_id, id);
      CREATE INDEX records_owner    ON records (tenant, kind, owner, id);

      CREATE TABLE facets (
        tenant TEXT NOT NULL,
        kind   TEXT NOT NULL,
        id     TEXT NOT NULL,
        facet  TEXT NOT NULL,
        value  TEXT NOT NULL,
        PRIMARY KEY (tenant, kind, id, facet, value)
      ) WITHOUT ROWID;
      CREATE INDEX facets_value ON facets (tenant, kind, facet, value, id);

      CREATE TABLE idempotency (
        tenant     TEXT    NOT NULL,
        principal  TEXT    NOT NULL,
        key        TEXT    NOT NULL,
        method     TEXT    NOT NULL,
        path       TEXT    NOT NULL,
        body_hash  TEXT    NOT NULL,
        status     INTEGER NOT NULL,
        headers    TEXT    NOT NULL,
        body       BLOB    NOT NULL,
        created_at TEXT    NOT NULL,
        PRIMARY KEY (tenant, principal, key)
      ) WITHOUT ROWID;

      CREATE TABLE media (
        tenant       TEXT    NOT NULL,
        id           TEXT    NOT NULL,
        sha256       TEXT    NOT NULL,
        bytes        INTEGER NOT NULL,
        width        INTEGER NOT NULL,
        height       INTEGER NOT NULL,
        content_type TEXT    NOT NULL,
        uploader     TEXT    NOT NULL,
        created_at   TEXT    NOT NULL,
        PRIMARY KEY (tenant, id)
      ) WITHOUT ROWID;
    `,
  },
  {
    id: 2,
    name: 'idempotency: the caller\'s roles and scope; photo facets (media served by the records citing them)',
    // A replay returns the stored reply only to a caller with at least these grants ('{}': before this column).
    // A photo is served to whoever may read a record citing it: the facet 'photo' names the citing records.
    sql: `
      ALTER TABLE idempotency ADD COLUMN grants TEXT NOT NULL DEFAULT '{}';
      INSERT OR IGNORE INTO facets (tenant, kind, id, facet, value)
        SELECT r.tenant, r.kind, r.id, 'photo', json_extract(p.value, '$.id')
        FROM records r, json_each(r.body, '$.photos') p
        WHERE r.kind = 'hazards' AND json_type(p.value, '$.id') = 'text';
      INSERT OR IGNORE INTO facets (tenant, kind, id, facet, value)
        SELECT r.tenant, r.kind, r.id, 'photo', e.value
        FROM records r, json_each(r.body, '$.history') h, json_each(h.value, '$.evidence') e
        WHERE r.kind = 'hazards' AND e.type = 'text';
      INSERT OR IGNORE INTO facets (tenant, kind, id, facet, value)
        SELECT r.tenant, r.kind, r.id, 'photo', json_extract(p.value, '$.id')
        FROM records r, json_each(r.body, '$.answers') a, json_each(a.value, '$.photos') p
        WHERE r.kind = 'inspections' AND json_type(p.value, '$.id') = 'text';
    `,
  },
  {
    id: 3,
    name: 'scoring tables (toSql\'s activities, workers, places with the tenant), filled from the stored records',
    // GET /v1/scores runs core's toSql over these; Store.write keeps them up to date in each write's
    // transaction (scoring-tables.ts). The SQL is written out here, as shipped, not generated. It may
    // run again over its own tables (a database whose migration log was rolled back): the backfill upserts.
    sql: `
      CREATE TABLE IF NOT EXISTS score_activities (tenant TEXT NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL, at_ms INTEGER NOT NULL,
        worker_id TEXT NOT NULL, grid_id TEXT NOT NULL, place_id TEXT, hazard_id TEXT, due_ms INTEGER, on_time INTEGER,
        PRIMARY KEY (tenant, id)) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS score_activities_type ON score_activities (tenant, type, at_ms);
      CREATE INDEX IF NOT EXISTS score_activities_hazard ON score_activities (tenant, hazard_id);
      CREATE INDEX IF NOT EXISTS score_activities_worker ON score_activities (tenant, worker_id);
      CREATE INDEX IF NOT EXISTS score_activities_grid ON score_activities (tenant, grid_id);
      CREATE INDEX IF NOT EXISTS score_activities_place ON score_activities (tenant, place_id);
      CREATE TABLE IF NOT EXISTS score_workers (tenant TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, name TEXT NOT NULL,
        grid_id TEXT NOT NULL, active INTEGER NOT NULL, PRIMARY KEY (tenant, id, seq)) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS score_workers_grid ON score_workers (tenant, grid_id);
      CREATE TABLE IF NOT EXISTS score_places (tenant TEXT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL, grid_id TEXT NOT NULL,
        height_m REAL, floors INTEGER, PRIMARY KEY (tenant, id)) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS score_places_grid ON score_places (tenant, grid_id);
    `,
    run: (db) => {
      // The rows of every stored activity, worker and place, by the rules Store.write applies from now on
      // (read first: better-sqlite3 runs no other statement while one is being iterated).
      const rows = db.prepare<[], { tenant: string; kind: string; body: string }>(
        "SELECT tenant, kind, body FROM records WHERE kind IN ('activities', 'workers', 'places')",
      );
      const statements = new Map<string, Statement>();
      for (const r of rows.all()) {
        if (!isScoredKind(r.kind)) continue;
        for (const s of scoringWrites('sqlite', r.tenant, r.kind, JSON.parse(r.body) as Record<string, unknown>)) {
          let st = statements.get(s.sql);
          if (st === undefined) statements.set(s.sql, st = db.prepare(s.sql));
          st.run(s.params);
        }
      }
    },
  },
  {
    id: 4,
    name: 'score_hazards: one row per hazard for the indicators (issue 21), filled from the stored hazards',
    // GET /v1/indicators runs core's indicatorsSql over it and score_places; Store.write keeps it up
    // to date in each write's transaction (scoring-tables.ts). Written out as shipped; the backfill upserts.
    sql: `
      CREATE TABLE IF NOT EXISTS score_hazards (tenant TEXT NOT NULL, id TEXT NOT NULL, grid_id TEXT, place_id TEXT, status TEXT NOT NULL,
        found_ms INTEGER, due_ms INTEGER, PRIMARY KEY (tenant, id)) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS score_hazards_found ON score_hazards (tenant, found_ms);
    `,
    run: (db) => {
      const rows = db.prepare<[], { tenant: string; body: string }>("SELECT tenant, body FROM records WHERE kind = 'hazards'");
      let st: Statement | undefined;
      for (const r of rows.all()) {
        for (const s of scoringWrites('sqlite', r.tenant, 'hazards', JSON.parse(r.body) as Record<string, unknown>)) {
          st ??= db.prepare(s.sql);
          st.run(s.params);
        }
      }
    },
  },
  {
    id: 5,
    name: 'assignee facets: GET /v1/hazards?assignee= (issue 19), filled from the stored hazards',
    // Store.write adds the facet 'assignee' (responsible.personId) of every hazard it writes.
    sql: `
      INSERT OR IGNORE INTO facets (tenant, kind, id, facet, value)
        SELECT r.tenant, r.kind, r.id, 'assignee', json_extract(r.body, '$.responsible.personId')
        FROM records r
        WHERE r.kind = 'hazards' AND json_type(r.body, '$.responsible.personId') = 'text';
    `,
  },
  {
    id: 6,
    name: 'score_activities: an assessor\'s entry (issue 20) — scheme line, points in hundredths, reason, who entered it; score_workers: post',
    // No backfill: assessment.entered and a worker's post did not exist before this migration.
    sql: `
      ALTER TABLE score_activities ADD COLUMN item TEXT;
      ALTER TABLE score_activities ADD COLUMN points_c INTEGER;
      ALTER TABLE score_activities ADD COLUMN reason TEXT;
      ALTER TABLE score_activities ADD COLUMN by_id TEXT;
      ALTER TABLE score_workers ADD COLUMN post TEXT;
    `,
  },
  {
    id: 7,
    name: 'template_revisions: every revision of every template (issue 23), filled from the stored templates',
    // GET /v1/templates/{id}?revision=N reads it; Store.keepRevision adds a template's new revision in
    // its write's transaction. A template stored before revisions existed gets one here (templates.ts).
    sql: `
      CREATE TABLE IF NOT EXISTS template_revisions (tenant TEXT NOT NULL, id TEXT NOT NULL, revision INTEGER NOT NULL,
        body TEXT NOT NULL, PRIMARY KEY (tenant, id, revision)) WITHOUT ROWID;
    `,
    run: backfillTemplateRevisions,
  },
];

/** The file name of the database inside the data folder. */
export const DB_FILE = 'firegrid.db';

/**
 * Opens (creating when needed) `<dataDir>/firegrid.db`, switches it to WAL and applies the
 * migrations it has not seen. Several processes may open the same file (a running server and
 * `firegrid-server seed`): WAL lets readers go on while one writes, and `busy_timeout` makes a
 * second writer wait instead of failing.
 * @example
 * const db = openDatabase('./.firegrid');
 */
export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DB_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  // Keeps the planner's statistics fresh enough to pick the list indexes (SQLite's advice for long-lived connections).
  db.pragma('optimize = 0x10002');
  return db;
}

/** Applies every migration newer than the database; returns the ids applied. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const done: number[] = [];
  const seen = db.prepare('SELECT 1 FROM migrations WHERE id = ?');
  for (const m of [...migrations].sort((a, b) => a.id - b.id)) {
    // Checked inside the write lock: a second process starting at the same moment waits, then skips.
    const ran = db.transaction(() => {
      if (seen.get(m.id) !== undefined) return false;
      db.exec(m.sql);
      m.run?.(db);
      db.prepare('INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)').run(m.id, m.name, new Date().toISOString());
      return true;
    }).immediate();
    if (ran) done.push(m.id);
  }
  return done;
}
