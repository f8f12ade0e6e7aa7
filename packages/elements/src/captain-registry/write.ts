// The registry's work, loaded when a person first acts: the form (open, check, save), a
// replacement and an import (each in one `captains.import` transaction), ending a term and undoing
// it, marking a notice posted, and files in and out. The state it changes and the element's
// values come through the WorkController (work.ts).
import { html } from 'lit';
import type { FiregridClient, FloorCaptain, FloorCaptainInput, ImportPreview } from '@firegrid/core';
import { userError } from '../errors.js';
import { QueuedFollower, isNetworkDown, queuedNote, queuedText, refusalText } from '../queued.js';
import type { CaptainEndDetail, CaptainSaveDetail } from '../events.js';
import type { EditorKind, EditorOutcome, EditorState } from './editor.js';
import type { ExportFormat } from './io.js';
import type { MessageKey } from './messages.js';
import type { Row } from './view.js';
import type { Undo, WorkController, WorkState } from './work.js';

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
  /** The outbox entry, when the offline client queued the write on the device. */
  entryId?: string;
  /** A queued command: its records are read again once it has been sent. */
  reread?: boolean;
}

/** A captain as a device copy, for the list, while a queued `captains.import` waits to be sent. */
const provisional = (c: FloorCaptainInput, at: string, tenantId: string): FloorCaptain =>
  ({ ...c, version: c.version ?? 1, createdAt: c.createdAt ?? at, updatedAt: at, tenantId: c.tenantId ?? tenantId });

const say = async (work: WorkController, key: MessageKey, values?: Record<string, string | number>): Promise<string> =>
  (await work.o.view.load()).fmt(key, work.o.locale(), values);

const failed = (work: WorkController, e: unknown, operation: 'read' | 'write'): Promise<string> =>
  userError(work.host, e, work.o.locale(), operation);

/** The stored captains a `captains.import` answered with (`{ items }`), those that pass the read schema. */
async function imported(result: unknown): Promise<FloorCaptain[]> {
  return (await import('./io.js')).importedItems(result);
}

/** The outbox entry of a write the offline client queued on the device, for {@link Written}. */
const queuedAs = (receipt: { kind: string; entryId?: string }): { entryId?: string } =>
  receipt.kind === 'queued' && receipt.entryId !== undefined ? { entryId: receipt.entryId } : {};

/** Stores a checked form: a replacement in one `captains.import` transaction, anything else with `client.submit`. */
export async function writeOutcome(client: FiregridClient, outcome: EditorOutcome, at: string): Promise<Written> {
  if (outcome.kind === 'replace') {
    const receipt = await client.command('captains.import', { rows: [outcome.ended, outcome.started] });
    if (receipt.kind === 'queued') {
      // On the device: the list shows both terms as they will be.
      const started = provisional(outcome.started, at, outcome.ended.tenantId);
      return { saved: [outcome.ended, started], event: { type: 'fg-captain-save', detail: { captain: started } }, say: 'saved', name: started.person.name, entryId: receipt.entryId, reread: true };
    }
    const saved = await imported(receipt.result);
    // A server answers with the stored records (`items`); one that does not is read again.
    const started = saved.find((c) => c.id === outcome.started.id) ?? provisional(outcome.started, at, outcome.ended.tenantId);
    return { saved, event: { type: 'fg-captain-save', detail: { captain: started } }, say: 'saved', name: started.person.name };
  }
  const receipt = await client.submit('captains', outcome.record);
  const stored = receipt.record;
  const queued = receipt.kind === 'queued' ? { entryId: receipt.entryId } : {};
  if (outcome.kind === 'end') {
    return { saved: [stored], event: { type: 'fg-captain-end', detail: { captainId: stored.id } }, say: 'endedMsg', name: stored.person.name, undo: outcome.before, ...queued };
  }
  return { saved: [stored], event: { type: 'fg-captain-save', detail: { captain: stored } }, say: 'saved', name: stored.person.name, ...queued };
}

/** What a refused write brings back: the form as it was filled in, or the import preview. */
interface Bring {
  editor?: EditorState;
  preview?: NonNullable<WorkState['preview']>;
}

/** Moves focus to the 未发送 note inside `where` once it has rendered. */
async function focusUnsent(work: WorkController, where: string): Promise<void> {
  await work.host.updateComplete;
  work.host.shadowRoot?.querySelector<HTMLElement>(`${where} [part~="unsent"]`)?.focus();
}

/** Drops the refused write a form or a preview was brought back from, before it is sent again (it would hold back the record's later writes). */
async function dropReplaced(client: FiregridClient, replaces: string | undefined): Promise<void> {
  if (replaces !== undefined) await client.offline?.discard(replaces);
}

/**
 * Follows a write the offline client queued: its note says 待发送（n）, then 已发送; refused by
 * the server, 服务器未接受 with why, the list as it was before (`before` back, `added` gone), and
 * 修改后重新提交 opens what it `brings` back.
 */
function followQueued(work: WorkController, client: FiregridClient, entryId: string, what: string, o: {
  before: FloorCaptain[]; added: string[]; bring: Bring; reread: boolean;
}): void {
  const f = (work.follower ??= new QueuedFollower(work.host));
  const refill = (): void => {
    const entry = f.refusedEntry;
    const refused = f.refused;
    if (entry === undefined || refused === undefined) return;
    const why = refusalText(work.host, refused, work.o.locale());
    if (o.bring.editor !== undefined) {
      work.set({ editor: { ...o.bring.editor, busy: false, discarding: false, errors: {}, replaces: entry.id }, editorError: why });
    } else if (o.bring.preview !== undefined) {
      work.set({ preview: { ...o.bring.preview, replaces: entry.id } });
      work.o.fail(why);
    }
  };
  f.follow(client, entryId, {
    // A command's records are read again as the server stored them.
    sent: () => { if (o.reread) work.o.merge([]); },
    refused: () => {
      work.o.revert(o.before, o.added);
      void work.host.updateComplete.then(() => { work.host.shadowRoot?.querySelector<HTMLElement>('#sync-note')?.focus(); });
    },
  });
  const canRefill = o.bring.editor !== undefined || o.bring.preview !== undefined;
  work.set({
    syncNote: () => {
      const locale = work.o.locale();
      const refused = f.state === 'refused' ? f.refused : undefined;
      return queuedNote({
        locale, state: f.state, pending: f.pending, what, id: 'sync-note', part: 'sync',
        ...(refused === undefined ? {} : { reason: refusalText(work.host, refused, locale) }),
        ...(refused === undefined || !canRefill ? {} : {
          actions: html`<div class="row"><button type="button" class="primary" id="sync-edit" @click=${refill}>${queuedText('edit', locale)}</button></div>`,
        }),
      });
    },
  });
}

/** The captains `ids` as the list has them now (`before`), and those it does not have yet (`added`). */
function snapshot(work: WorkController, ids: readonly string[]): { before: FloorCaptain[]; added: string[] } {
  const captains = work.o.data()?.captains ?? [];
  return { before: captains.filter((c) => ids.includes(c.id)), added: ids.filter((id) => !captains.some((c) => c.id === id)) };
}

/**
 * Shows what a write did: merged, announced (`fg-captain-*`), said in the notice, focus moved to
 * it. A write queued on the device gets its note instead (see {@link followQueued}).
 */
async function done(work: WorkController, w: Written, client: FiregridClient, bring: Bring = {}): Promise<void> {
  const was = snapshot(work, w.saved.map((c) => c.id));
  work.o.merge(w.saved);
  if (w.event.type === 'fg-captain-end') work.o.fire(w.event.type, w.event.detail);
  else work.o.fire(w.event.type, w.event.detail);
  if (w.entryId !== undefined) {
    work.set({ notice: '', undo: undefined });
    followQueued(work, client, w.entryId, w.name, { ...was, bring, reread: w.reread === true });
    await work.host.updateComplete;
    work.host.shadowRoot?.querySelector<HTMLElement>('#sync-note')?.focus();
    return;
  }
  work.follower?.stop();
  const ended = w.saved[0];
  work.set({
    syncNote: undefined, notice: await say(work, w.say, { name: w.name }), noticeTone: 'success',
    undo: w.undo !== undefined && ended !== undefined ? { before: w.undo, ended } : undefined,
  });
  await work.o.focusNotice();
}

/**
 * A write outside the form (posted, undo) about the captain of `buildingId`: one at a time,
 * failures in the alert. No network and no offline layer: the row says 未发送，网络恢复后重试
 * (never red) with 重试, which calls `again`.
 */
async function run(work: WorkController, buildingId: string, again: () => void, write: (client: FiregridClient) => Promise<Written>): Promise<void> {
  const client = work.o.client();
  if (client === undefined || work.working) return;
  work.set({ working: true, unsent: undefined });
  work.o.fail('');
  try {
    await done(work, await write(client), client);
  } catch (e) {
    if (client.offline === undefined && isNetworkDown(e)) {
      // The row's note and its 重试 are the one place to send it again.
      work.set({ unsent: { buildingId, retry: again }, notice: '', undo: undefined });
      await focusUnsent(work, `[data-building="${buildingId}"]`);
    } else {
      work.o.fail(await failed(work, e, 'write'));
    }
  } finally {
    work.set({ working: false });
  }
}

/** Opens the form for a row: empty to register, filled to edit, a day to end, a new captain to replace. */
export async function openForm(work: WorkController, kind: EditorKind, row: Row): Promise<void> {
  work.set({ editorError: '', notice: '', undo: undefined });
  try {
    const [view, ui, duties] = await Promise.all([work.o.view.load(), work.o.editor.load(), work.o.dutyList()]);
    work.set({ editor: ui.openEditor(kind, row.building, row.captain, duties, view.dayOf(work.o.now())) });
  } catch (e) {
    work.o.fail(await failed(work, e, 'read'));
  }
}

/** Marks a captain's notice posted now. */
export function markPosted(work: WorkController, captain: FloorCaptain): Promise<void> {
  return run(work, captain.buildingId, () => { void markPosted(work, captain); }, async (client) => {
    const receipt = await client.submit('captains', { ...captain, publicisedAt: work.o.now().toISOString() });
    const stored = receipt.record;
    return { saved: [stored], event: { type: 'fg-captain-save', detail: { captain: stored } }, say: 'saved', name: stored.person.name, ...queuedAs(receipt) };
  });
}

/**
 * Undoes an ended term: the captain's record goes back to his term as it was (open, or its old
 * end), on top of the version the end stored.
 */
export function undoEnd(work: WorkController, undo: Undo): Promise<void> {
  const { before, ended } = undo;
  return run(work, ended.buildingId, () => { void undoEnd(work, undo); }, async (client) => {
    const record: FloorCaptainInput = { ...ended, term: { ...before.term } };
    if (before.term.to === undefined) delete record.term.to;
    const receipt = await client.submit('captains', record);
    const stored = receipt.record;
    return { saved: [stored], event: { type: 'fg-captain-save', detail: { captain: stored } }, say: 'restored', name: stored.person.name, ...queuedAs(receipt) };
  });
}

/** Checks the form and stores it; errors go to their fields (focus on the first), a refusal into the form. */
export async function saveForm(work: WorkController): Promise<void> {
  const { o } = work;
  const ed = work.editor;
  const client = o.client();
  const data = o.data();
  if (ed === undefined || data === undefined) return;
  if (client === undefined) {
    work.set({ editorError: o.noClient() });
    return;
  }
  // Both have loaded with the form: checking it answers in the same task as the click.
  const view = o.view.value ?? await o.view.load();
  const ui = o.editor.value ?? await o.editor.load();
  const outcome = ui.readEditor(ed, {
    locale: o.locale(), captains: data.captains, buildings: data.buildings, limits: o.limits() ?? view.DEFAULT_LIMITS, today: view.dayOf(o.now()),
  });
  if (!('kind' in outcome)) {
    work.set({ editor: { ...ed, errors: outcome } });
    await work.host.updateComplete;
    work.host.shadowRoot?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    return;
  }
  work.set({ editor: { ...ed, errors: {}, busy: true }, editorError: '' });
  try {
    await dropReplaced(client, ed.replaces);
    const written = await writeOutcome(client, outcome, o.now().toISOString());
    work.set({ editor: undefined });
    await done(work, written, client, { editor: { ...ed, replaces: undefined } });
  } catch (e) {
    // The form stays open with everything typed; the reason shows inside it. No network and no
    // offline layer: 未发送，网络恢复后重试 (never red), and 保存 says 重试.
    const unsent = client.offline === undefined && isNetworkDown(e);
    const editorError = unsent ? '' : await failed(work, e, 'write');
    work.set({ editor: work.editor === undefined ? undefined : { ...work.editor, busy: false, unsent }, editorError });
    if (unsent) await focusUnsent(work, '#editor');
  }
}

/** The shown rows as a CSV or .xlsx file; phones masked in public mode. */
export async function exportFile(work: WorkController, format: ExportFormat): Promise<Blob> {
  const { o } = work;
  const [io, view] = await Promise.all([o.io(), o.view.load()]);
  return io.exportRows(o.rows(view), { locale: o.locale(), maskPhones: o.maskPhones(), gridName: (code) => o.gridName(view, code) },
    format, view.fmt('fileName', o.locale()));
}

/** Exports and hands the file to the host's `saveFile`, or downloads it. */
export async function exportAs(work: WorkController, format: ExportFormat): Promise<void> {
  const { o } = work;
  o.fail('');
  try {
    const blob = await exportFile(work, format);
    const name = `${await say(work, 'fileName')}-${(await o.view.load()).dayOf(o.now())}.${format}`;
    const save = o.saveFile();
    if (save === undefined) (await o.io()).download(blob, name);
    else await save(blob, name);
  } catch (e) {
    o.fail(await failed(work, e, 'read'));
  }
}

/** Reads a CSV or .xlsx file into the import preview; `undefined` when it could not be read (the reason is shown). */
export async function importFile(work: WorkController, file: Blob & { name?: string }): Promise<ImportPreview | undefined> {
  const { o } = work;
  if (o.data() === undefined) await o.loaded();
  const data = o.data();
  const view = data === undefined ? undefined : await o.view.load().catch(() => undefined);
  if (data === undefined || view === undefined) return undefined;
  const name = file.name ?? '';
  o.fail('');
  work.set({ notice: view.fmt('reading', o.locale()), noticeTone: 'info', undo: undefined });
  try {
    const result = await (await o.io()).previewImport(file, {
      buildings: data.buildings, captains: data.captains, at: o.now(), limits: o.limits() ?? view.DEFAULT_LIMITS,
      duties: await o.dutyList(), locale: o.locale(),
    });
    work.set({ preview: { name, result } });
    return result;
  } catch (err) {
    o.fail(view.fmt('badFile', o.locale(), { name, reason: err instanceof Error ? err.message : String(err) }));
    return undefined;
  } finally {
    work.set({ notice: '', noticeTone: 'success' });
  }
}

/** Stores the previewed import in one `captains.import` transaction: every row or none. */
export async function confirmImport(work: WorkController): Promise<void> {
  const { o } = work;
  const client = o.client();
  const preview = work.preview;
  if (client === undefined || preview === undefined || work.working) return;
  work.set({ working: true });
  o.fail('');
  try {
    await dropReplaced(client, preview.replaces);
    const records = preview.result.records;
    const receipt = await client.command('captains.import', { rows: [...records] });
    if (receipt.kind === 'queued') {
      // On the device: the list shows the rows as they will be, the note what happens next.
      const at = o.now().toISOString();
      const tenantId = o.data()?.captains[0]?.tenantId ?? (await client.session()).tenantId;
      const shown = records.map((r) => provisional(r, at, tenantId));
      const was = snapshot(work, shown.map((c) => c.id));
      o.merge(shown);
      work.set({ preview: undefined, notice: '', undo: undefined });
      o.fire('fg-captain-import', { count: records.length });
      followQueued(work, client, receipt.entryId, await say(work, 'importWhat', { n: records.length }), {
        ...was, bring: { preview: { name: preview.name, result: preview.result } }, reread: true,
      });
      await work.host.updateComplete;
      work.host.shadowRoot?.querySelector<HTMLElement>('#sync-note')?.focus();
      return;
    }
    const saved = await imported(receipt.result);
    const count = saved.length > 0 ? saved.length : records.length;
    o.merge(saved);
    work.follower?.stop();
    work.set({ preview: undefined, syncNote: undefined, notice: await say(work, 'imported', { n: count }), noticeTone: 'success', undo: undefined });
    o.fire('fg-captain-import', { count });
    await o.focusNotice();
  } catch (e) {
    // No network and no offline layer: the preview stays, 未发送，网络恢复后重试 (never red), and 确认导入 says 重试.
    if (client.offline === undefined && isNetworkDown(e)) {
      if (work.preview !== undefined) work.set({ preview: { ...work.preview, unsent: true } });
      await focusUnsent(work, '[part~="preview"]');
    } else {
      o.fail(await failed(work, e, 'write'));
    }
  } finally {
    work.set({ working: false });
  }
}
