// What the registry writes through the client, loaded when a person first saves or imports:
// a captain (registered, edited, ended, his notice posted), a replacement and an import (both in
// one `captains.import` transaction), and undoing an ended term. The element shows the results.
import type { FiregridClient, FloorCaptain, FloorCaptainInput } from '@firegrid/core';
import type { CaptainEndDetail, CaptainSaveDetail } from '../events.js';
import type { EditorOutcome } from './editor.js';
import { importedItems } from './io.js';
import type { MessageKey } from './messages.js';

/** What a write did, for the element to show. */
export interface Written {
  /** The stored captains to merge into the list; empty when the server did not answer with them (read the list again). */
  saved: FloorCaptain[];
  /** The event to fire. */
  event: { type: 'fg-captain-save'; detail: CaptainSaveDetail } | { type: 'fg-captain-end'; detail: CaptainEndDetail };
  /** The message to show, with the captain's name. */
  say: MessageKey;
  name: string;
  /** The captain as he was before his term was ended: what 撤销 restores. */
  undo?: FloorCaptain;
}

/** Stores a saved form: a replacement in one `captains.import` transaction, anything else with `client.submit`. */
export async function writeOutcome(client: FiregridClient, outcome: EditorOutcome, at: string): Promise<Written> {
  if (outcome.kind === 'replace') {
    const receipt = await client.command('captains.import', { rows: [outcome.ended, outcome.started] });
    const saved = importedItems(receipt.kind === 'stored' ? receipt.result : undefined);
    // A server answers with the stored records (`items`); one that does not is read again.
    const started = saved.find((c) => c.id === outcome.started.id)
      ?? { ...outcome.started, version: 1, createdAt: at, updatedAt: at, tenantId: outcome.ended.tenantId };
    return { saved, event: { type: 'fg-captain-save', detail: { captain: started } }, say: 'saved', name: started.person.name };
  }
  const stored = (await client.submit('captains', outcome.record)).record;
  if (outcome.kind === 'end') {
    return { saved: [stored], event: { type: 'fg-captain-end', detail: { captainId: stored.id } }, say: 'endedMsg', name: stored.person.name, undo: outcome.before };
  }
  return { saved: [stored], event: { type: 'fg-captain-save', detail: { captain: stored } }, say: 'saved', name: stored.person.name };
}

/** Marks a captain's notice posted now. */
export async function writePosted(client: FiregridClient, captain: FloorCaptain, at: string): Promise<Written> {
  const stored = (await client.submit('captains', { ...captain, publicisedAt: at })).record;
  return { saved: [stored], event: { type: 'fg-captain-save', detail: { captain: stored } }, say: 'saved', name: stored.person.name };
}

/**
 * Undoes an ended term: the captain's record goes back to his term as it was (open, or its old
 * end), on top of the version the end stored.
 */
export async function writeUndoEnd(client: FiregridClient, before: FloorCaptain, ended: FloorCaptain): Promise<Written> {
  const record: FloorCaptainInput = { ...ended, term: { ...before.term } };
  if (before.term.to === undefined) delete record.term.to;
  const stored = (await client.submit('captains', record)).record;
  return { saved: [stored], event: { type: 'fg-captain-save', detail: { captain: stored } }, say: 'restored', name: stored.person.name };
}

/** Stores an import in one `captains.import` transaction; `count` is what was written. */
export async function writeImport(client: FiregridClient, rows: readonly FloorCaptainInput[]): Promise<{ saved: FloorCaptain[]; count: number }> {
  const receipt = await client.command('captains.import', { rows: [...rows] });
  const saved = importedItems(receipt.kind === 'stored' ? receipt.result : undefined);
  return { saved, count: saved.length > 0 ? saved.length : rows.length };
}
