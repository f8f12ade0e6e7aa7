/**
 * The outbox in IndexedDB: reading entries in order, picking what can be sent now, and the
 * transactions that record an outcome. No network work ever happens inside these transactions
 * (DESIGN §4): a transaction that waits on the network is committed by the browser half-way.
 * @module
 */
import type { IDBPDatabase } from 'idb';
import { OutboxEntry } from './types.js';
import type { OfflineDB } from './db.js';

/**
 * The rows that are outbox entries this version can read, checked (IndexedDB is a trust
 * boundary). A row this version cannot read is left where it is (never deleted): a newer version wrote it.
 */
export function parsedEntries(rows: readonly unknown[]): OutboxEntry[] {
  const entries: OutboxEntry[] = [];
  for (const row of rows) {
    const parsed = OutboxEntry.safeParse(row);
    if (parsed.success) entries.push(parsed.data);
  }
  return entries;
}

/** The entries in the order they were made (entries of one record go in this order), read in one transaction. */
export async function loadEntries(db: IDBPDatabase<OfflineDB>): Promise<OutboxEntry[]> {
  return parsedEntries(await db.getAllFromIndex('outbox', 'bySeq'));
}

/**
 * What can be sent now: the first entry of each group (entries of one record go one at a time,
 * in order), when it is pending and its backoff is over (or `force`). A rejected or conflicted
 * entry holds back the later entries of its record until a person has dealt with it.
 */
export function dueEntries(entries: readonly OutboxEntry[], nowMs: number, force: boolean): OutboxEntry[] {
  const seen = new Set<string>();
  const due: OutboxEntry[] = [];
  for (const entry of entries) {
    if (seen.has(entry.group)) continue;
    seen.add(entry.group);
    if (entry.state !== 'pending') continue;
    if (!force && entry.nextAttemptAt !== undefined && entry.nextAttemptAt > nowMs) continue;
    due.push(entry);
  }
  return due;
}

/** The earliest time (epoch ms) one of the entries that head their group may be retried; undefined when none waits. */
export function nextAttemptOf(entries: readonly OutboxEntry[]): number | undefined {
  const seen = new Set<string>();
  let next: number | undefined;
  for (const entry of entries) {
    if (seen.has(entry.group)) continue;
    seen.add(entry.group);
    if (entry.state !== 'pending') continue;
    const at = entry.nextAttemptAt ?? 0;
    if (next === undefined || at < next) next = at;
  }
  return next;
}

/**
 * Updates an entry unless a person removed it meanwhile (it was discarded, edited or resolved
 * while its request was on the way). Returns the entry as stored, or undefined.
 */
export async function updateEntry(
  db: IDBPDatabase<OfflineDB>,
  id: string,
  change: (entry: OutboxEntry) => OutboxEntry,
): Promise<OutboxEntry | undefined> {
  const tx = db.transaction('outbox', 'readwrite');
  const parsed = OutboxEntry.safeParse(await tx.store.get(id));
  let next: OutboxEntry | undefined;
  if (parsed.success) {
    next = change(parsed.data);
    await tx.store.put(next);
  }
  await tx.done;
  return next;
}

/** The entries of one group (one record), in order. */
export async function groupEntries(db: IDBPDatabase<OfflineDB>, group: string): Promise<OutboxEntry[]> {
  return parsedEntries(await db.getAllFromIndex('outbox', 'byGroup', group)).sort((a, b) => a.seq - b.seq);
}
