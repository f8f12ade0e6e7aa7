// What a person does in the registry beyond looking — the form, saving, undoing an ended term,
// marking a notice posted, importing and exporting — and the state it shows: the open form, the
// notice (with its 撤销), the import preview, and whether a write is under way. The work itself
// is in write.ts, loaded when a person first acts: the first screen carries only this state.
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { CaptainLimits, FiregridClient, FloorCaptain, ImportPreview, Locale, Place } from '@firegrid/core';
import type { MessageTone } from '../styles.js';
import { userError } from '../errors.js';
import type { CaptainEndDetail, CaptainImportDetail, CaptainSaveDetail } from '../events.js';
import type { EditorKind, EditorState } from './editor.js';
import type { ExportFormat } from './io.js';
import type { LazyModule } from './lazy.js';
import type { Row } from './view.js';
import type * as View from './view.js';
import type * as Editor from './editor.js';
import type * as Write from './write.js';
import type * as Io from './io.js';
import type { QueuedFollower } from '../queued.js';

type ViewModule = typeof View;
type WriteModule = typeof Write;

/** The events the registry fires, by name. */
export interface RegistryEvents {
  'fg-captain-save': CaptainSaveDetail;
  'fg-captain-end': CaptainEndDetail;
  'fg-captain-import': CaptainImportDetail;
}

/** What the work reads from the element: always current values, so getters. */
export interface WorkOptions {
  client: () => FiregridClient | undefined;
  locale: () => Locale;
  now: () => Date;
  data: () => { buildings: readonly Place[]; captains: readonly FloorCaptain[] } | undefined;
  /** Waits for a load in progress (an import chosen before the list came). */
  loaded: () => Promise<unknown>;
  /** The shown rows, for exports. */
  rows: (view: ViewModule) => Row[];
  limits: () => CaptainLimits | undefined;
  dutyList: () => Promise<string[]>;
  maskPhones: () => boolean;
  gridName: (view: ViewModule, code: string) => string;
  saveFile: () => ((file: Blob, name: string) => void | Promise<void>) | undefined;
  view: LazyModule<ViewModule>;
  editor: LazyModule<typeof Editor>;
  write: LazyModule<WriteModule>;
  io: () => Promise<typeof Io>;
  /** Puts stored captains into the list (reads it again when `saved` is empty). */
  merge: (saved: readonly FloorCaptain[]) => void;
  /** Takes a refused write out of the list: the captains `before` it back, those it `added` gone. */
  revert: (before: readonly FloorCaptain[], added: readonly string[]) => void;
  fire: <K extends keyof RegistryEvents>(type: K, detail: RegistryEvents[K]) => void;
  /** Shows a failure in the alert (`''` clears it). */
  fail: (text: string) => void;
  /** Moves focus to the notice once it has rendered. */
  focusNotice: () => Promise<void>;
  /** What to say when there is no client to save with. */
  noClient: () => string;
}

/** An ended term the notice offers to undo: the captain before, and as stored after. */
export interface Undo { before: FloorCaptain; ended: FloorCaptain }

/**
 * A one-tap write (标记已公示, 撤销) a client without the offline layer could not send because the
 * network is down: its row says 未发送，网络恢复后重试 with 重试, which sends it again.
 */
export interface UnsentWrite { buildingId: string; retry: () => void }

/** The state the registry's work shows. */
export interface WorkState {
  /** The open form, if any. */
  editor: EditorState | undefined;
  /** Why the form's save failed. */
  editorError: string;
  notice: string;
  noticeTone: MessageTone;
  undo: Undo | undefined;
  /** The import preview; `replaces`: the outbox entry of the refused import it was brought back from. */
  preview: { name: string; result: ImportPreview; replaces?: string; unsent?: boolean } | undefined;
  /** A write outside the form is under way. */
  working: boolean;
  /** A one-tap write that could not be sent (no network, no offline layer), shown in its row. */
  unsent: UnsentWrite | undefined;
  /**
   * The note of a write the offline client queued, shown in place of the notice: 待发送（n）,
   * 已发送, or 服务器未接受 with why and 修改后重新提交.
   */
  syncNote: (() => TemplateResult) | undefined;
}

/** The registry's writes and files, and the state they show. */
export class WorkController implements ReactiveController, WorkState {
  editor: EditorState | undefined;
  editorError = '';
  notice = '';
  noticeTone: MessageTone = 'success';
  undo: Undo | undefined;
  preview: WorkState['preview'];
  working = false;
  unsent: UnsentWrite | undefined;
  syncNote: (() => TemplateResult) | undefined;
  /** Follows the last queued write (made with the write module, which brings it). */
  follower: QueuedFollower | undefined;

  constructor(readonly host: ReactiveControllerHost & HTMLElement, readonly o: WorkOptions) {
    host.addController(this);
  }

  hostConnected(): void {
    // The work starts from the person's actions only.
  }

  /** Changes the state shown and renders again. */
  set(patch: Partial<WorkState>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  /** Runs `job` with the write module (loading it once); a failure to load it goes to the alert. */
  private async withWrite<R>(job: (w: WriteModule) => Promise<R>): Promise<R | undefined> {
    let w: WriteModule;
    try {
      w = this.o.write.value ?? await this.o.write.load();
    } catch (e) {
      this.o.fail(await userError(this.host, e, this.o.locale()));
      return undefined;
    }
    return job(w);
  }

  /**
   * 取消, Esc or the dialog closing: a changed form asks first (the dialog stays open), an
   * unchanged one closes; a form being saved stays.
   */
  readonly close = (e?: Event): void => {
    const ed = this.editor;
    if (ed === undefined) return;
    if (ed.busy || ed.discarding === true || this.o.editor.value?.isChanged(ed) === true) {
      // Kept open; a dialog the browser closed anyway (a second Esc) opens again on this update.
      e?.preventDefault();
      this.set({ editor: ed.busy ? ed : { ...ed, discarding: true } });
      if (!ed.busy) void this.host.updateComplete.then(() => { this.host.shadowRoot?.querySelector<HTMLElement>('#discard-ask')?.focus(); });
      return;
    }
    this.set({ editor: undefined });
  };

  /** The answer to the question: drop the form, or go back to it. */
  discard(drop: boolean): void {
    if (this.editor === undefined) return;
    this.set({ editor: drop ? undefined : { ...this.editor, discarding: false } });
  }

  change(patch: Partial<EditorState>): void {
    if (this.editor !== undefined) this.set({ editor: { ...this.editor, ...patch } });
  }

  cancelPreview(): void {
    this.set({ preview: undefined });
  }

  open(kind: EditorKind, row: Row): Promise<void> {
    return this.withWrite(async (w) => w.openForm(this, kind, row)).then(() => undefined);
  }

  markPosted(captain: FloorCaptain): Promise<void> {
    return this.withWrite(async (w) => w.markPosted(this, captain)).then(() => undefined);
  }

  undoEnd(undo: Undo): Promise<void> {
    return this.withWrite(async (w) => w.undoEnd(this, undo)).then(() => undefined);
  }

  /** Checks the form and stores it; errors go to their fields, a refusal into the form. */
  save(): Promise<void> {
    return this.withWrite(async (w) => w.saveForm(this)).then(() => undefined);
  }

  /** The shown rows as a CSV or .xlsx file; phones masked in public mode. */
  async exportFile(format: ExportFormat): Promise<Blob> {
    return (await this.o.write.load()).exportFile(this, format);
  }

  exportAs(format: ExportFormat): Promise<void> {
    return this.withWrite(async (w) => w.exportAs(this, format)).then(() => undefined);
  }

  /** Reads a file into the import preview; see the element's `importFile`. */
  importFile(file: Blob & { name?: string }): Promise<ImportPreview | undefined> {
    return this.withWrite((w) => w.importFile(this, file));
  }

  /** Stores the previewed import in one transaction. */
  confirmImport(): Promise<void> {
    return this.withWrite(async (w) => w.confirmImport(this)).then(() => undefined);
  }
}
