// What a person does in the registry beyond looking — the form, saving, undoing an ended term,
// marking a notice posted, importing and exporting — with the state it shows: the open form, the
// notice (with its 撤销), the import preview, and whether a write is under way.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CaptainLimits, FiregridClient, FloorCaptain, ImportPreview, Locale, Place } from '@firegrid/core';
import type { MessageTone } from '../styles.js';
import { userError } from '../errors.js';
import type { CaptainEndDetail, CaptainImportDetail, CaptainSaveDetail } from '../events.js';
import type { EditorKind, EditorState } from './editor.js';
import type { ExportFormat } from './io.js';
import type { LazyModule } from './lazy.js';
import type { MessageKey } from './messages.js';
import { shellText } from './shell.js';
import type { Row } from './view.js';
import type { Written } from './write.js';
import type * as View from './view.js';
import type * as Editor from './editor.js';
import type * as Write from './write.js';
import type * as Io from './io.js';

type ViewModule = typeof View;
type EditorModule = typeof Editor;
type WriteModule = typeof Write;
type IoModule = typeof Io;

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
  editor: LazyModule<EditorModule>;
  write: () => Promise<WriteModule>;
  io: () => Promise<IoModule>;
  /** Puts stored captains into the list (reads it again when `saved` is empty). */
  merge: (saved: readonly FloorCaptain[]) => void;
  fire: <K extends keyof RegistryEvents>(type: K, detail: RegistryEvents[K]) => void;
  /** Shows a failure in the alert. */
  fail: (text: string) => void;
  /** Moves focus to the notice once it has rendered. */
  focusNotice: () => Promise<void>;
}

/** An ended term the notice offers to undo: the captain before, and as stored after. */
export interface Undo { before: FloorCaptain; ended: FloorCaptain }

/** The registry's writes and files, and the state they show. */
export class WorkController implements ReactiveController {
  /** The open form, if any. */
  editor: EditorState | undefined;
  /** Why the form's save failed. */
  editorError = '';
  notice = '';
  noticeTone: MessageTone = 'success';
  undo: Undo | undefined;
  preview: { name: string; result: ImportPreview } | undefined;
  /** A write outside the form is under way. */
  working = false;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement, private readonly o: WorkOptions) {
    host.addController(this);
  }

  hostConnected(): void {
    // The work starts from the person's actions only.
  }

  private set(patch: Partial<Pick<WorkController, 'editor' | 'editorError' | 'notice' | 'noticeTone' | 'undo' | 'preview' | 'working'>>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  private say = async (key: MessageKey, values?: Record<string, string | number>): Promise<string> =>
    (await this.o.view.load()).fmt(key, this.o.locale(), values);

  private async failed(e: unknown, operation: 'read' | 'write'): Promise<string> {
    return userError(this.host, e, this.o.locale(), operation);
  }

  setNotice(notice: string, noticeTone: MessageTone = 'success', undo?: Undo): void {
    this.set({ notice, noticeTone, undo });
  }

  async open(kind: EditorKind, row: Row): Promise<void> {
    this.set({ editorError: '' });
    this.setNotice('');
    try {
      const [view, ui, duties] = await Promise.all([this.o.view.load(), this.o.editor.load(), this.o.dutyList()]);
      this.set({ editor: ui.openEditor(kind, row.building, row.captain, duties, view.dayOf(this.o.now())) });
    } catch (e) {
      this.o.fail(await this.failed(e, 'read'));
    }
  }

  readonly close = (): void => {
    if (this.editor?.busy !== true) this.set({ editor: undefined });
  };

  change(patch: Partial<EditorState>): void {
    if (this.editor !== undefined) this.set({ editor: { ...this.editor, ...patch } });
  }

  /** Shows what a write did: merged, announced (`fg-captain-*`), said in the notice, focus moved to it. */
  private async done(w: Written): Promise<void> {
    this.o.merge(w.saved);
    if (w.event.type === 'fg-captain-end') this.o.fire(w.event.type, w.event.detail);
    else this.o.fire(w.event.type, w.event.detail);
    const ended = w.saved[0];
    this.setNotice(await this.say(w.say, { name: w.name }), 'success', w.undo !== undefined && ended !== undefined ? { before: w.undo, ended } : undefined);
    await this.o.focusNotice();
  }

  /** A write outside the form (posted, undo): one at a time, failures in the alert. */
  private async run(write: (w: WriteModule, client: FiregridClient) => Promise<Written>): Promise<void> {
    const client = this.o.client();
    if (client === undefined || this.working) return;
    this.set({ working: true });
    this.o.fail('');
    try {
      await this.done(await write(await this.o.write(), client));
    } catch (e) {
      this.o.fail(await this.failed(e, 'write'));
    } finally {
      this.set({ working: false });
    }
  }

  markPosted(captain: FloorCaptain): Promise<void> {
    return this.run((w, client) => w.writePosted(client, captain, this.o.now().toISOString()));
  }

  undoEnd(undo: Undo): Promise<void> {
    return this.run((w, client) => w.writeUndoEnd(client, undo.before, undo.ended));
  }

  /** Checks the form and stores it; errors go to their fields, a refusal into the form. */
  async save(): Promise<void> {
    const ed = this.editor;
    const client = this.o.client();
    const data = this.o.data();
    if (ed === undefined || data === undefined) return;
    if (client === undefined) {
      this.set({ editorError: shellText('noClient', this.o.locale()) });
      return;
    }
    // Both have loaded with the form: checking it answers in the same task as the click.
    const view = this.o.view.value ?? await this.o.view.load();
    const ui = this.o.editor.value ?? await this.o.editor.load();
    const outcome = ui.readEditor(ed, {
      locale: this.o.locale(), captains: data.captains, buildings: data.buildings, limits: this.o.limits() ?? view.DEFAULT_LIMITS, today: view.dayOf(this.o.now()),
    });
    if (!('kind' in outcome)) {
      this.set({ editor: { ...ed, errors: outcome } });
      await this.host.updateComplete;
      this.host.shadowRoot?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.set({ editor: { ...ed, errors: {}, busy: true }, editorError: '' });
    try {
      const written = await (await this.o.write()).writeOutcome(client, outcome, this.o.now().toISOString());
      this.set({ editor: undefined });
      await this.done(written);
    } catch (e) {
      // The form stays open with everything typed; the reason shows inside it.
      const editorError = await this.failed(e, 'write');
      this.set({ editor: this.editor === undefined ? undefined : { ...this.editor, busy: false }, editorError });
    }
  }

  /** The shown rows as a CSV or .xlsx file; phones masked in public mode. */
  async exportFile(format: ExportFormat): Promise<Blob> {
    const [io, view] = await Promise.all([this.o.io(), this.o.view.load()]);
    return io.exportRows(this.o.rows(view), {
      locale: this.o.locale(), maskPhones: this.o.maskPhones(), gridName: (code) => this.o.gridName(view, code),
    }, format, view.fmt('fileName', this.o.locale()));
  }

  async exportAs(format: ExportFormat): Promise<void> {
    this.o.fail('');
    try {
      const blob = await this.exportFile(format);
      const name = `${await this.say('fileName')}-${(await this.o.view.load()).dayOf(this.o.now())}.${format}`;
      const save = this.o.saveFile();
      if (save === undefined) (await this.o.io()).download(blob, name);
      else await save(blob, name);
    } catch (e) {
      this.o.fail(await this.failed(e, 'read'));
    }
  }

  /** Reads a file into the import preview; see the element's `importFile`. */
  async importFile(file: Blob & { name?: string }): Promise<ImportPreview | undefined> {
    if (this.o.data() === undefined) await this.o.loaded();
    const data = this.o.data();
    const view = data === undefined ? undefined : await this.o.view.load().catch(() => undefined);
    if (data === undefined || view === undefined) return undefined;
    const name = file.name ?? '';
    this.o.fail('');
    this.setNotice(view.fmt('reading', this.o.locale()), 'info');
    try {
      const result = await (await this.o.io()).previewImport(file, {
        buildings: data.buildings, captains: data.captains, at: this.o.now(), limits: this.o.limits() ?? view.DEFAULT_LIMITS,
        duties: await this.o.dutyList(), locale: this.o.locale(),
      });
      this.set({ preview: { name, result } });
      return result;
    } catch (err) {
      this.o.fail(view.fmt('badFile', this.o.locale(), { name, reason: err instanceof Error ? err.message : String(err) }));
      return undefined;
    } finally {
      this.setNotice('');
    }
  }

  cancelPreview(): void {
    this.set({ preview: undefined });
  }

  /** Stores the previewed import in one transaction. */
  async confirmImport(): Promise<void> {
    const client = this.o.client();
    const preview = this.preview;
    if (client === undefined || preview === undefined || this.working) return;
    this.set({ working: true });
    this.o.fail('');
    try {
      const { saved, count } = await (await this.o.write()).writeImport(client, preview.result.records);
      this.o.merge(saved);
      this.set({ preview: undefined });
      this.setNotice(await this.say('imported', { n: count }));
      this.o.fire('fg-captain-import', { count });
      await this.o.focusNotice();
    } catch (e) {
      this.o.fail(await this.failed(e, 'write'));
    } finally {
      this.set({ working: false });
    }
  }
}
