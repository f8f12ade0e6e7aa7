/**
 * Template revisions on the reference server (DESIGN §2, §5): the backfill that gives templates
 * stored before revisions existed one (migration 7), and `firegrid-server templates sync`, which
 * brings a database's templates up to the library's revisions. Both add revisions and never
 * rewrite one: an inspection keeps pointing at the revision it was filled under.
 * @module
 */
import { createLifecycle, templateContent } from '@firegrid/core';
import type { ChecklistTemplate } from '@firegrid/core';
import { TEMPLATE_IDS, templates as library } from '@firegrid/core/templates';
import type { Db } from './db.js';
import { Service } from './service.js';
import type { Call } from './service.js';
import { Store } from './store.js';

/**
 * Migration 5's backfill: a stored template without `revision` gets the library's revision when
 * its content is the library's (a seeded, unedited template), else its record version (what the
 * checklist recorded as `templateVersion` before revisions existed); every template's current
 * revision is kept in `template_revisions`. Revisions overwritten before this migration are gone.
 */
export function backfillTemplateRevisions(db: Db): void {
  const known = new Map(library.map((t) => [t.id, t]));
  const rows = db.prepare<[], { tenant: string; id: string; version: number; body: string }>(
    "SELECT tenant, id, version, body FROM records WHERE kind = 'templates'",
  ).all();
  const update = db.prepare("UPDATE records SET body = ? WHERE tenant = ? AND kind = 'templates' AND id = ?");
  const keep = db.prepare('INSERT OR IGNORE INTO template_revisions (tenant, id, revision, body) VALUES (?, ?, ?, ?)');
  for (const r of rows) {
    const body = JSON.parse(r.body) as Record<string, unknown>;
    if (typeof body.revision !== 'number') {
      const same = known.get(r.id);
      body.revision = same !== undefined && templateContent(same) === templateContent(body) ? same.revision : r.version;
      update.run(JSON.stringify(body), r.tenant, r.id);
    }
    keep.run(r.tenant, r.id, body.revision, JSON.stringify(body));
  }
}

/** What {@link syncTemplates} did with one library template. */
export interface SyncLine {
  id: string;
  /** Its key in `TEMPLATE_IDS` (`dailyPatrol`), or the id for a template outside the library. */
  key: string;
  title: string;
  /**
   * `added` (the tenant had none), `updated` (a new revision added; the older ones kept),
   * `unchanged` (the tenant holds this revision), `newer` (the tenant holds a higher revision: its
   * own; left alone), `differs` (the tenant holds this revision number with other content: a local
   * edit that did not raise the revision; left alone, as a stored revision is never rewritten).
   */
  action: 'added' | 'updated' | 'unchanged' | 'newer' | 'differs';
  /** The library's revision. */
  revision: number;
  /** The tenant's latest revision before the sync, when it had the template. */
  held?: number;
}

const KEYS = new Map<string, string>(Object.entries(TEMPLATE_IDS).map(([k, id]) => [id, k]));

/**
 * Brings one tenant's templates up to the library's revisions: adds a template the tenant lacks
 * and a revision higher than the one it holds, through the same `PUT` rules as any write, in one
 * transaction. Running it again changes nothing (every line `unchanged`).
 * @example
 * const lines = syncTemplates(db, 'demo');   // [{ key: 'dailyPatrol', action: 'updated', held: 1, revision: 2, … }, …]
 */
export function syncTemplates(db: Db, tenant: string, options: { now?: Date; templates?: readonly ChecklistTemplate[] } = {}): SyncLine[] {
  const store = new Store(db);
  // The media folder is never touched by template writes.
  const service = new Service({ store, mediaDir: '', lifecycle: createLifecycle() });
  const call: Call = {
    principal: { tenant, user: 'firegrid-server', name: 'firegrid-server templates sync', roles: ['admin'], scope: ['*'] },
    locale: 'en', now: options.now ?? new Date(),
  };
  return store.transaction(() => (options.templates ?? library).map((t): SyncLine => {
    const line = { id: t.id, key: KEYS.get(t.id) ?? t.id, title: t.title['zh-CN'], revision: t.revision };
    const stored = store.get(tenant, 'templates', t.id);
    const held = typeof stored?.revision === 'number' ? stored.revision : undefined;
    if (stored === undefined || held === undefined || held < t.revision) {
      service.put(call, 'templates', t.id, { ...t });
      return stored === undefined ? { ...line, action: 'added' } : { ...line, action: 'updated', ...(held === undefined ? {} : { held }) };
    }
    if (held > t.revision) return { ...line, action: 'newer', held };
    return { ...line, action: templateContent(stored) === templateContent(t) ? 'unchanged' : 'differs', held };
  }));
}

/** The tenants of a database that hold templates, in order. */
export function tenantsWithTemplates(db: Db): string[] {
  return db.prepare<[], string>("SELECT DISTINCT tenant FROM records WHERE kind = 'templates' ORDER BY tenant").pluck().all();
}
