import { LitElement, adoptStyles, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { isFiregridError } from '@firegrid/core/base';
import type { Answer, ChecklistProgress, FiregridClient, Hazard, Locale, Missing } from '@firegrid/core';
import { ClientController } from '../client-controller.js';
import { styles } from './checklist.styles.js';
import { baseStyles, message } from '../styles.js';
import type { ChecklistChangeDetail, ChecklistSubmitDetail } from '../events.js';
import type { Loaded } from './load.js';
import type { Handoff } from './handoff.js';
import type { SubmitResult } from './result.js';
import type * as ResultModule from './result.js';
import { MESSAGES } from './messages.js';
import { OnlineController } from './online.js';
import type { MessageKey } from './messages.js';
import { PhotoUrls, pickPhotos, uploadPhoto } from './photos.js';
// The item rendering, its styles and texts, 全部合格 and the numbering come in a lazy chunk with
// the data: the first paint (the loading state) needs none of them.
import type * as View from './render.js';
import type { Numbering, RenderContext } from './render.js';
import { fill } from '../i18n.js';
import { errorText, userError } from '../errors.js';

type Ready = Extract<Loaded, { kind: 'ready' }>;
const NOTE_SAVE_MS = 400;


/**
 * Fills one inspection of a place on a phone: sections of pass / fail / not-applicable items, a
 * note and photos on a failed item, conditional items that appear and vanish with the answers,
 * progress, a draft saved as the worker goes (and found again after a reload), and submit. A
 * submitted inspection is shown read-only; its failed items become hazard drafts.
 *
 * Made to be finished fast outdoors: 全部合格 (whole list) and 本节全部合格 (one section) mark every
 * shown item without an answer as passed, and any item can be changed afterwards; the chosen chip
 * is filled in its state's colour; the basis (依据) of a section's items is listed once, behind a
 * tap; shown items are numbered without gaps; after a refused submit the count of what is missing
 * goes down as the worker completes items.
 *
 * After submit a result takes focus: an icon, a title such as "已提交（不合格 2 项，2 条隐患待上报）",
 * what happens next and the next actions. With the offline client (`@firegrid/core/offline`) a
 * submit without network is queued on the device: the result says 已保存在本机 with "待发送（n）"
 * (the device's unsent writes) in the warning tone, and turns to 已发送 when the outbox has sent it.
 * Should the server refuse it then, the result says 服务器未接受 and why, and 修改后重新提交 brings
 * the answers back into the form (`client.offline.edit`) to be corrected and submitted again.
 * Without an offline layer the answers stay on the page with "未发送，网络恢复后重试" and 重试 — never
 * as an error.
 *
 * The template comes from the `template` property, else `template-id`, else the one template the
 * host stores that applies to the place (the worker chooses when several apply; the built-in
 * library of `@firegrid/core/templates` is loaded on demand when the host stores none). A new
 * inspection uses the template's latest revision; an existing one (a draft, or `inspection-id`)
 * opens under the revision it was filled under (`templateVersion`, read with
 * `client.data.get('templates', id, { revision })`) and says when a newer revision exists. When the
 * host cannot serve that revision (the built-in library holds only the latest), a draft continues
 * under the latest, recording it, and says so.
 *
 * Locale, first match wins: the element's `locale` (property or attribute); the nearest
 * `<fg-provider>`'s `locale`; the session's `locale`; zh-CN. `lang` attributes are not read.
 *
 * Theming: the design tokens (docs/elements.md#design-tokens) and the custom properties below.
 *
 * @summary A fire-safety checklist for one place: answer, add evidence, submit.
 * @tag fg-checklist
 * @fires {CustomEvent<FgErrorDetail>} fg-error - Something failed. The person is told what happened and what to do in his language; `detail` has the technical message (HTTP method, path, ids), the code and status, for the host's logs.
 *
 * @fires fg-checklist-change - `{ inspectionId, answered, total, failed }` after the worker changes an answer, note or photo.
 * @fires fg-checklist-submit - `{ inspection, hazardDrafts }` after the inspection was submitted.
 * @fires {CustomEvent<{ hazard: Hazard }>} fg-hazard-submit - `{ hazard }` after a failed item's hazard was reported (上报, or all at once with `report-failed="auto"`).
 * @csspart handoff - The failed items' hazard drafts after submit, each with 上报 / 不上报 and, for a general item, 当场整改 (photos before and after, a note).
 *
 * @csspart base - The form around everything.
 * @csspart header - Title, place and progress.
 * @csspart revision - The note that the inspection follows an older revision of the checklist than the latest.
 * @csspart progress - The progress bar and counts.
 * @csspart section - One section of items.
 * @csspart item - One item (a fieldset while editable).
 * @csspart evidence - Note and photos of a failed item.
 * @csspart actions - The submit bar.
 * @csspart submit - The submit button.
 * @csspart error - The alert region for errors.
 * @csspart status - The draft / offline status line.
 * @csspart remaining - After a refused submit: how many items are still missing, counted live.
 * @csspart unsent - "未发送，网络恢复后重试" above 重试, when a submit found no network and there is no offline layer.
 * @csspart result - The result after submit: icon, title, what happens next, next actions.
 * @csspart sync - In the result of a queued submit: "待发送（n）", then "已发送"; or why the server refused it (服务器未接受).
 *
 * @cssprop [--fg-checklist-accent=var(--fg-color-primary)] - Accent: header line, progress, submit.
 * @cssprop [--fg-checklist-pass=var(--fg-color-success)] - Colour of a passed item.
 * @cssprop [--fg-checklist-fail=var(--fg-color-error)] - Colour of a failed item and of what an item lacks.
 * @cssprop [--fg-checklist-gap=var(--fg-space-3)] - Spacing between items.
 */
export class FgChecklist extends LitElement {
  static override styles = [baseStyles, styles];

  /** A client of its own; when unset, the nearest `<fg-provider>`'s is used. */
  @property({ attribute: false }) client: FiregridClient | undefined;
  /** The locale to speak (`zh-CN` or `en`); wins over the provider's and the session's. */
  @property() locale: Locale | undefined;
  /** Id of the place to inspect (read with `client.data.get('places', id)`). */
  @property({ attribute: 'place-id' }) placeId: string | undefined;
  /** Id of the template to use; when unset, the template that applies to the place. */
  @property({ attribute: 'template-id' }) templateId: string | undefined;
  /** Id of an inspection to open: a draft to continue, or a submitted one to read. */
  @property({ attribute: 'inspection-id' }) inspectionId: string | undefined;
  /** The place itself, instead of `place-id`. */
  @property({ attribute: false }) place: unknown;
  /** A template object, instead of `template-id` (validated; a bad one shows its errors). */
  @property({ attribute: false }) template: unknown;
  /** An inspection to show: a draft continues, a submitted one is read-only. */
  @property({ attribute: false }) inspection: unknown;
  /** Shows the inspection without controls. */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** Elder-friendly mode: 20 px text and 56 px targets. */
  @property({ type: Boolean, reflect: true }) elder = false;
  /**
   * What happens to the failed items' hazard drafts after submit: `ask` lists each with 上报 /
   * 不上报 (editable first); `auto` reports them all at once; `off` leaves them to the host
   * (`fg-checklist-submit` carries them either way).
   */
  @property({ attribute: 'report-failed' }) reportFailed: 'ask' | 'auto' | 'off' = 'ask';

  @state() private ready: Ready | undefined;
  @state() private answers: Record<string, Answer> = {};
  @state() private chosenId: string | undefined;
  @state() private showMissing = false;
  @state() private status: 'idle' | 'saving' | 'saved' | 'submitting' = 'idle';
  @state() private error = '';
  @state() private busy = new Set<string>();
  @state() private handoff: Handoff | undefined;
  /** What the last submit did, shown as the result at the top; undefined before a submit. */
  @state() private result: SubmitResult | undefined;
  /** The last submit could not reach the server and there is no offline layer: the form stays, with 重试. */
  @state() private unsent = false;
  /** What the last 全部合格 / 本节全部合格 did, for the status line. */
  @state() private bulkNote = '';

  @query('form') private form!: HTMLFormElement;
  @query('input[type=file]') private fileInput!: HTMLInputElement;

  private readonly fg = new ClientController(this);
  private readonly photos = new PhotoUrls(() => { this.requestUpdate(); });
  private saving: Promise<void> = Promise.resolve();
  private noteTimers = new Map<string, number>();
  private loadedFrom: Loaded | undefined;
  private stopWatching: (() => void) | undefined;
  /** The result screen's module, imported once the checklist is shown, so a submit offline finds it. */
  private resultModule: typeof ResultModule | undefined;
  // Progress and visibility of the current answers: a tap computes them once, not per render.
  private seen: { answers: Record<string, Answer>; ready: Ready; progress: ChecklistProgress; visible: (id: string) => boolean } | undefined;

  /** The item rendering (./render.ts), loaded with the first load; set before any load completes. */
  private view: typeof View | undefined;

  private readonly load = new Task(this, {
    // The locale is read, not an argument: the session's arriving must not load everything again.
    // The loading code (schemas, validation, the checklist rules) and the item rendering are
    // imported with the first load.
    task: async ([client, placeId, templateId, inspectionId, place, template, inspection, chosenId]) => {
      if (client === undefined) return undefined;
      const [{ loadChecklist }, view] = await Promise.all([import('./load.js'), import('./render.js')]);
      this.useView(view);
      return loadChecklist({ client, locale: this.fg.locale, placeId, templateId, inspectionId, place, template, inspection, chosenId });
    },
    args: () => [this.fg.client, this.placeId, this.templateId, this.inspectionId, this.place, this.template, this.inspection, this.chosenId] as const,
  });

  private readonly net = new OnlineController(this);

  /** Adds the items' styles (loaded with the item rendering) to the element's, once. */
  private useView(view: typeof View): void {
    if (this.view !== undefined) return;
    this.view = view;
    adoptStyles(this.renderRoot as ShadowRoot, [...FgChecklist.elementStyles, view.itemStyles]);
  }

  constructor() {
    super();
    // A note typed just before the app is closed or hidden is saved; object URLs are released.
    this.addController({
      hostConnected: () => { document.addEventListener('visibilitychange', this.flushNotes); },
      hostDisconnected: () => {
        this.stopWatching?.();
        this.stopWatching = undefined;
        document.removeEventListener('visibilitychange', this.flushNotes);
        this.flushNotes();
        this.photos.clear();
      },
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A choice among templates belongs to the place it was made for.
    if (changed.has('placeId') || changed.has('place')) this.chosenId = undefined;
    // Only a finished load replaces what is shown: while a new one is pending the old answers stay.
    const done = this.load.status === TaskStatus.COMPLETE || this.load.status === TaskStatus.ERROR;
    const value = this.load.status === TaskStatus.COMPLETE ? this.load.value : undefined;
    if (done && value !== this.loadedFrom) {
      this.loadedFrom = value;
      this.ready = value?.kind === 'ready' ? value : undefined;
      this.handoff = undefined;
      this.result = undefined;
      this.unsent = false;
      this.bulkNote = '';
      this.stopWatching?.();
      this.stopWatching = undefined;
      this.answers = this.ready ? { ...this.ready.inspection.answers } : {};
      this.showMissing = false;
      this.error = '';
      this.status = this.ready?.persisted === true && this.ready.inspection.state === 'draft' ? 'saved' : 'idle';
      if (this.ready !== undefined && this.resultModule === undefined) {
        import('./result.js').then((m) => { this.resultModule = m; }, () => undefined);
      }
    }
  }

  private t(key: MessageKey): string {
    return MESSAGES[key][this.fg.locale];
  }

  private get isReadonly(): boolean {
    return this.readonly || this.ready?.inspection.state === 'submitted';
  }

  /** Continuous numbers over what is shown, kept while the shown items stay. */
  private numbered: Numbering | undefined;

  /** Progress and visibility of the current answers, computed once per change of the answers. */
  private state(r: Ready): { progress: ChecklistProgress; visible: (id: string) => boolean } {
    const seen = this.seen;
    if (seen?.answers === this.answers && seen.ready === r) return seen;
    const visible = r.engine.visibility(r.template, r.place, this.answers);
    const next = { answers: this.answers, ready: r, progress: r.engine.checklistProgress(r.template, r.place, this.answers), visible };
    this.seen = next;
    return next;
  }

  override render(): TemplateResult {
    const client = this.fg.client;
    if (client === undefined) return message('error', this.t('noClient'), { part: 'error' });
    // A completed load implies the view (loaded with it); `ready` is only set from a completed load.
    const view = this.view;
    const loading = (): TemplateResult => message('info', this.t('loading'));
    return this.load.render({
      initial: loading,
      pending: () => (this.ready && view ? this.renderReady(this.ready, view) : loading()),
      error: (e) => message('error', errorText(this, e, this.fg.locale), { part: 'error' }),
      complete: (value) => (value === undefined ? html``
        : view === undefined ? loading()
        : value.kind === 'choose' ? this.renderChoice(value, view) : this.renderReady(this.ready ?? value, view)),
    });
  }

  private renderChoice(value: Extract<Loaded, { kind: 'choose' }>, { tr }: typeof View): TemplateResult {
    return html`<div part="base" class="choose">
      <h2>${this.t('choose')}</h2>
      <p class="place">${value.place.name}</p>
      ${value.choices.map((t) => html`<button type="button" @click=${() => { this.chosenId = t.id; }}>${tr(t.title, this.fg.locale)}</button>`)}
    </div>`;
  }

  private renderReady(r: Ready, view: typeof View): TemplateResult {
    const { renderSection, tr } = view;
    const locale = this.fg.locale;
    const ro = this.isReadonly;
    const { progress: p, visible } = this.state(r);
    const missing = new Map<string, Missing[]>();
    if (this.showMissing && !ro) for (const i of p.incomplete) missing.set(i.itemId, i.missing);
    this.numbered = view.numberShown(r, visible, ro, this.answers, this.numbered);
    const numbers = this.numbered.numbers;
    const ctx: RenderContext = {
      locale, readonly: ro, answers: this.answers, visible, missing, busy: this.busy, photos: this.photos, client: this.fg.client, numbers,
    };
    let start = 0;
    const sections = r.template.sections.map((s) => {
      const out = renderSection(s, start, ctx);
      start += s.items.length;
      return out;
    });
    const open = p.total - p.answered;
    return html`<form part="base" novalidate @change=${this.onChange} @input=${this.onInput} @click=${this.onClick} @keydown=${this.onKeydown} @submit=${this.onSubmit}>
      ${this.renderResult()}
      <div part="header" class="header">
        <h2>${tr(r.template.title, locale)}</h2>
        <p class="place">${r.place.name}${r.place.address === '' ? '' : ` · ${r.place.address}`}</p>
        ${r.revisionNote === undefined ? nothing : message('info', r.revisionNote, { part: 'revision' })}
        <div part="progress" class="progress">
          <progress max=${Math.max(p.total, 1)} .value=${p.answered} aria-label=${this.t('progress')}></progress>
          <span>${fill(this.t('counts'), { a: p.answered, t: p.total, f: p.failed })}</span>
          ${ro ? nothing : html`<button type="button" class="pass-all" data-pass-all aria-disabled=${open > 0 ? 'false' : 'true'}>${this.t('passAll')}</button>`}
        </div>
        ${this.renderStatus(ro)}
      </div>
      ${message('error', this.error, { part: 'error', focusable: true })}
      ${ro ? nothing : this.renderRemaining(p)}
      ${sections}
      ${ro ? nothing : html`<div part="actions" class="actions">
        ${this.unsent ? html`${message('warning', this.t('unsent'), { part: 'unsent' })}` : nothing}
        <button part="submit" class="submit primary" type="submit" ?disabled=${this.status === 'submitting'}>
          ${this.status === 'submitting' ? this.t('submitting') : this.unsent ? this.t('retry') : this.t('submit')}
        </button>
      </div>
      <input class="file" type="file" accept="image/*" capture="environment" tabindex="-1" aria-hidden="true">`}
    </form>${this.handoff?.render() ?? nothing}`;
  }

  /**
   * After a refused submit: what is still missing, counted from the answers as they are now (it
   * goes down with every item the worker completes and says so when none is left).
   */
  private renderRemaining(p: ChecklistProgress): TemplateResult {
    if (!this.showMissing) return message('warning', '', { part: 'remaining' });
    const n = p.incomplete.length;
    return message(n > 0 ? 'warning' : 'info', n > 0 ? fill(this.t('incomplete'), { n }) : this.t('allDone'), { part: 'remaining' });
  }

  /** The result of a submit (./result.ts, loaded with the checklist); focus moves to its title. */
  private renderResult(): TemplateResult | typeof nothing {
    const res = this.result;
    const m = this.resultModule;
    if (res === undefined || m === undefined) return nothing;
    const pendingHandoff = this.handoff?.items.some((x) => x.state === 'pending') === true;
    const reason = res.refused === undefined ? undefined : m.refusalText(this, res.refused, this.fg.locale);
    const canEdit = res.refused !== undefined && res.entryId !== undefined && this.fg.client?.offline !== undefined;
    return m.renderResult(res, { locale: this.fg.locale, reportFailed: this.reportFailed, pendingHandoff, fill, canEdit, ...(reason === undefined ? {} : { reason }) });
  }

  /** Lists the failed items' drafts with 上报 / 不上报, or reports them all with `report-failed="auto"`. */
  private startHandoff(drafts: readonly Hazard[]): void {
    import('./handoff.js').then((m) => {
      this.handoff = new m.Handoff(this, drafts, {
        client: () => this.fg.client, locale: () => this.fg.locale, auto: this.reportFailed === 'auto', fill, userError, pickPhotos, uploadPhoto,
      });
    }, async (e: unknown) => { this.error = await userError(this, e, this.fg.locale); });
  }

  private renderStatus(ro: boolean): TemplateResult {
    const key: MessageKey | undefined = ro ? 'submitted'
      : !this.net.online ? 'offline'
      : this.status === 'saving' ? 'saving' : this.status === 'saved' ? 'saved' : undefined;
    const text = key === undefined ? '' : this.t(key);
    return message(ro ? 'success' : this.net.online ? 'info' : 'warning', this.bulkNote === '' || ro ? text : `${this.bulkNote}${text}`, { part: 'status' });
  }

  private itemOf(target: EventTarget | null): string | undefined {
    return target instanceof Element ? target.closest<HTMLElement>('[data-item]')?.dataset.item : undefined;
  }

  private readonly onChange = (e: Event): void => {
    const target = e.target;
    const id = this.itemOf(target);
    if (id === undefined) return;
    if (target instanceof HTMLInputElement && target.type === 'radio') {
      const result = this.view?.RESULTS.find((x) => x === target.value);
      if (result === undefined) return;
      this.setAnswer(id, { ...this.answers[id], result });
    } else if (target instanceof HTMLTextAreaElement) {
      this.flushNote(id);
      this.changed();
    }
  };

  private readonly onInput = (e: Event): void => {
    const target = e.target;
    const id = this.itemOf(target);
    const prev = id === undefined ? undefined : this.answers[id];
    if (!(target instanceof HTMLTextAreaElement) || id === undefined || prev === undefined) return;
    this.answers = { ...this.answers, [id]: { ...prev, note: target.value } };
    window.clearTimeout(this.noteTimers.get(id));
    this.noteTimers.set(id, window.setTimeout(() => { this.flushNote(id); }, NOTE_SAVE_MS));
  };

  private readonly flushNotes = (): void => {
    for (const id of [...this.noteTimers.keys()]) this.flushNote(id);
    this.flushSaves();
  };

  private flushNote(id: string): void {
    const timer = this.noteTimers.get(id);
    if (timer === undefined) return;
    window.clearTimeout(timer);
    this.noteTimers.delete(id);
    this.persist([id]);
  }

  private readonly onClick = (e: Event): void => {
    const target = e.target instanceof Element ? e.target.closest('button') : null;
    if (target === null) return;
    if (target.dataset.passSection !== undefined || target.hasAttribute('data-pass-all')) {
      this.passAll(target.dataset.passSection);
      return;
    }
    const go = target.dataset.go;
    if (go === 'edit') {
      void this.editRefused();
      return;
    }
    if (go !== undefined) {
      const to = go === 'hazards'
        ? this.renderRoot.querySelector<HTMLElement>('[part=handoff] input, [part=handoff] button')
        : this.renderRoot.querySelector<HTMLElement>('[part=header] h2');
      to?.scrollIntoView({ block: 'start' });
      to?.focus();
      return;
    }
    const id = this.itemOf(target);
    if (id === undefined) return;
    // aria-disabled, not disabled, while uploading: a disabled button would drop the keyboard focus.
    if (target.hasAttribute('data-photo') && !this.busy.has(id)) void this.addPhotos(id);
    const remove = target.dataset.remove;
    const prev = this.answers[id];
    if (remove !== undefined && prev !== undefined) {
      const photos = (prev.photos ?? []).filter((_, k) => String(k) !== remove);
      this.setAnswer(id, { ...prev, photos });
      this.focusItem(id, ['photo']);
    }
  };

  private setAnswer(id: string, answer: Answer): void {
    this.answers = { ...this.answers, [id]: answer };
    this.bulkNote = '';
    this.persist([id]);
    this.changed();
  }

  /**
   * 全部合格 (a section's, or the whole list's with no id): every shown item without an answer
   * passes, and so do the items that these answers bring into view. Answered items keep their
   * answer; any item can be changed afterwards.
   */
  private passAll(sectionId: string | undefined): void {
    const r = this.ready;
    if (r === undefined || this.view === undefined || this.isReadonly) return;
    const { answers, passed } = this.view.passAll(r, this.answers, sectionId);
    if (passed.length === 0) return;
    this.answers = answers;
    this.bulkNote = fill(this.t('passedN'), { n: passed.length });
    this.persist(passed);
    this.changed();
  }

  /** Fires `fg-checklist-change`; only ever called from the worker's own input. */
  private changed(): void {
    const r = this.ready;
    if (!r) return;
    const p = this.state(r).progress;
    const detail: ChecklistChangeDetail = { inspectionId: r.inspection.id, answered: p.answered, total: p.total, failed: p.failed };
    this.dispatchEvent(new CustomEvent('fg-checklist-change', { detail, bubbles: true, composed: true }));
  }

  /**
   * Saves answers into the draft, in a task of its own right after the tap (so the chosen chip is
   * painted first; taps in between are saved together), after the saves before them, in order.
   */
  private persist(ids: readonly string[]): void {
    if (this.fg.client === undefined || this.ready === undefined) return;
    // Once a save has landed the line keeps saying so; flipping it on every tap would only flicker.
    if (this.status !== 'saved') this.status = 'saving';
    if (this.unsavedOf !== this.ready) this.flushSaves();
    this.unsavedOf = this.ready;
    for (const id of ids) this.unsaved.add(id);
    this.saveTimer ??= window.setTimeout(() => { this.flushSaves(); }, 0);
  }

  private unsaved = new Set<string>();
  private unsavedOf: Ready | undefined;
  private saveTimer: number | undefined;

  /** Starts the saves {@link persist} scheduled; `this.saving` settles when they landed. */
  private flushSaves(): void {
    window.clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const client = this.fg.client;
    const r = this.unsavedOf;
    const ids = [...this.unsaved];
    this.unsaved.clear();
    if (client === undefined || r === undefined || ids.length === 0) return;
    this.saving = this.saving.then(async () => {
      for (const id of ids) {
        const answer = this.answers[id];
        if (answer === undefined || this.ready !== r) continue;
        r.inspection = await client.inspections.answer(r.inspection, r.template, id, answer);
        r.persisted = true;
      }
      if (this.ready === r) this.status = 'saved';
    }).catch(async (e: unknown) => {
      this.status = 'idle';
      this.error = this.t('saveFailed') + await userError(this, e, this.fg.locale, 'write');
    });
  }

  private async addPhotos(id: string): Promise<void> {
    const client = this.fg.client;
    if (client === undefined) return;
    this.error = '';
    let blobs: Blob[];
    try {
      blobs = await pickPhotos(client, this.fileInput);
    } catch (e) {
      this.error = this.t('photoFailed') + await userError(this, e, this.fg.locale, 'write');
      return;
    }
    if (blobs.length === 0) return;
    this.busy = new Set(this.busy).add(id);
    try {
      for (const blob of blobs) {
        const ref = await uploadPhoto(client, blob, this.fg.locale);
        const prev = this.answers[id] ?? { result: 'fail' };
        this.setAnswer(id, { ...prev, photos: [...(prev.photos ?? []), ref] });
      }
    } catch (e) {
      this.error = this.t('photoFailed') + await userError(this, e, this.fg.locale, 'write');
    } finally {
      const busy = new Set(this.busy);
      busy.delete(id);
      this.busy = busy;
    }
  }

  // Enter on a radio would submit the form implicitly; a worker means to choose, not to submit.
  private readonly onKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.type === 'radio') e.preventDefault();
  };

  private readonly onSubmit = (e: Event): void => {
    e.preventDefault();
    void this.submit();
  };

  /**
   * 修改后重新提交 on a submit the server refused after it was queued: the inspection leaves the
   * outbox for the drafts (`client.offline.edit`) and the form opens again with every answer,
   * why it was refused in its alert; submitting it again queues the corrected inspection.
   */
  private async editRefused(): Promise<void> {
    const offline = this.fg.client?.offline;
    const r = this.ready;
    const res = this.result;
    if (offline === undefined || r === undefined || res?.entryId === undefined || res.refused === undefined) return;
    const reason = this.resultModule?.refusalText(this, res.refused, this.fg.locale) ?? '';
    try {
      const draft: typeof r.inspection = { ...await offline.edit(res.entryId) as typeof r.inspection, state: 'draft' };
      delete draft.submittedAt;
      r.inspection = draft;
      r.persisted = true;
      this.stopWatching?.();
      this.stopWatching = undefined;
      this.result = undefined;
      this.answers = { ...r.inspection.answers };
      this.status = 'idle';
      this.error = reason;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="error"]')?.focus();
    } catch (err) {
      this.error = await userError(this, err, this.fg.locale, 'write');
    }
  }

  private async submit(): Promise<void> {
    const client = this.fg.client;
    const r = this.ready;
    if (client === undefined || r === undefined || this.status === 'submitting') return;
    this.flushNotes();
    const p = r.engine.checklistProgress(r.template, r.place, this.answers);
    const first = p.incomplete[0];
    if (first !== undefined) {
      // What is missing is counted live by renderRemaining, never as a line that goes stale.
      this.showMissing = true;
      this.error = '';
      await this.updateComplete;
      this.focusItem(first.itemId, first.missing);
      return;
    }
    this.status = 'submitting';
    this.error = '';
    await this.saving;
    try {
      const { inspection, hazardDrafts, receipt } = await client.inspections.submit(r.inspection, r.template, r.place);
      r.inspection = inspection;
      r.persisted = true;
      this.answers = { ...inspection.answers };
      this.status = 'idle';
      this.unsent = false;
      this.showMissing = false;
      this.bulkNote = '';
      const failed = Object.values(inspection.answers).filter((a) => a.result === 'fail').length;
      this.result = { failed, hazards: hazardDrafts.length, entryId: receipt.kind === 'queued' ? receipt.entryId : undefined, pending: 1, sent: false };
      this.resultModule ??= await import('./result.js').catch(() => undefined);
      this.requestUpdate();
      this.stopWatching?.();
      this.stopWatching = receipt.kind === 'queued' && client.offline !== undefined
        ? this.resultModule?.watchQueued(client.offline, receipt.entryId, (pending, sent, refused) => {
          if (this.result !== undefined) this.result = { ...this.result, pending, sent, refused };
        })
        : undefined;
      const detail: ChecklistSubmitDetail = { inspection, hazardDrafts };
      this.dispatchEvent(new CustomEvent('fg-checklist-submit', { detail, bubbles: true, composed: true }));
      if (hazardDrafts.length > 0 && this.reportFailed !== 'off') this.startHandoff(hazardDrafts);
      await this.updateComplete;
      const title = this.renderRoot.querySelector<HTMLElement>('#result-title');
      title?.scrollIntoView({ block: 'start' });
      title?.focus();
    } catch (err) {
      this.status = r.persisted ? 'saved' : 'idle';
      // No network and no offline layer: the answers stay on the page, to be sent again (never red).
      if (isFiregridError(err, 'network') && client.offline === undefined) {
        this.unsent = true;
        return;
      }
      this.error = this.t('submitFailed') + await userError(this, err, this.fg.locale, 'write');
      if (isFiregridError(err, 'validation')) this.showMissing = true;
    }
  }

  private focusItem(id: string, missing: readonly Missing[]): void {
    const el = [...this.form.querySelectorAll<HTMLElement>('[data-item]')].find((x) => x.dataset.item === id);
    if (el === undefined) return;
    el.scrollIntoView({ block: 'center' });
    this.view?.focusTarget(el, missing)?.focus();
  }
}
