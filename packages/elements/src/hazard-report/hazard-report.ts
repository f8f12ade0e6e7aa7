import { LitElement, adoptStyles, html, nothing } from 'lit';
import type { CSSResultOrNative, PropertyValues, TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { FiregridError, autosave } from '@firegrid/core/base';
import type { Autosave } from '@firegrid/core/base';
import type { Draft, FiregridClient, Hazard, Locale } from '@firegrid/core';
import { ClientController } from '../client-controller.js';
import { baseStyles, message } from '../styles.js';
import type { MessageTone } from '../styles.js';
import { hazardAccent } from './hazard-report.styles.js';
import { FIELD_ORDER, emptyFields, fieldOfPath, reportOf, t, validate } from './form.js';
import type { FieldErrors, FieldName, ReportFields, ReportMode } from './form.js';
import { freshReport, openReport, placeName } from './load.js';
// The form (its view, the photo and location controllers, their styles) comes in a lazy chunk,
// loaded with the data: the first paint is a loading line that needs none of it (./ui.ts).
import type * as Ui from './ui.js';
import type { PhotoField } from '../photos/field.js';
import type { WhereField } from './where.js';
import type * as After from './result.js';
import type { ResultState } from './result.js';
import { errorText, userError } from '../errors.js';

let uiLoad: Promise<typeof Ui> | undefined;
/** Imports the form's chunk once per page; a failed load (a dropped connection) is tried again next time. */
const loadUi = (): Promise<typeof Ui> => (uiLoad ??= import('./ui.js').catch((e: unknown) => {
  uiLoad = undefined;
  throw e;
}));

/** Detail of `fg-hazard-submit`: the hazard as the client accepted it (queued or stored). */
export interface HazardSubmitDetail {
  hazard: Hazard;
}

/** Detail of `fg-hazard-records`: the hazard just reported, whose record the person asked to see. */
export interface HazardRecordsDetail {
  hazard: Hazard;
}

/**
 * Reports one fire hazard: category, description, photos (the host's camera bridge or the
 * browser's), where it is — a place from the host's directory, an address, a point from the host's
 * map or the device with its CRS kept — and, for residents, an optional contact kept confidential.
 *
 * What is typed is kept as a draft through `client.drafts` and comes back after a reload; the
 * report goes out through `client.submit`. After a submit the form gives way to a result: an
 * icon, a title, what happens next, a resident's reference number (受理编号, from the record id, so
 * it exists offline too), and 继续上报 / 查看记录; focus moves to it. With the offline backend the
 * report is queued on the device: the result says 待发送（n） in the warning tone and turns into
 * 已发送 once the outbox has sent it; should the server refuse it then, the result says
 * 服务器未接受 with the reason, and 修改后重新提交 brings the report back into the form (from the
 * outbox, through `client.offline.edit`), the fields the server named marked. With a client without the offline layer, a submit that fails
 * because the network is down keeps the form as filled, says 未发送，网络恢复后重试 and offers 重试.
 * 取消 asks before it deletes typed text or photos (the host's `ui.confirm`, else a dialog).
 * In `mode="public"` (a resident's tip-off) the form is simpler and elder-friendly: 20 px text
 * and 56 px targets.
 *
 * Buttons follow the one order of the elements (`../button-bar.ts`): primary last, on the right
 * when the element is 600 px wide or more; below that one full-width primary sticks to the bottom.
 *
 * Locale, first match wins: the element's `locale` (property or attribute); the nearest
 * `<fg-provider>`'s `locale`; the session's `locale`; zh-CN. `lang` attributes are not read.
 *
 * Theming: the design tokens (docs/elements.md#design-tokens) and the custom properties below. `elder` and `mode="public"` use the elder sizes.
 *
 * @summary Reports one hazard, offline-first, with photos and a location.
 * @tag fg-hazard-report
 * @fires {CustomEvent<FgErrorDetail>} fg-error - Something failed. The person is told what happened and what to do in his language; `detail` has the technical message (HTTP method, path, ids), the code and status, for the host's logs.
 * @fires {CustomEvent<HazardSubmitDetail>} fg-hazard-submit - The person submitted a valid report; `detail.hazard` as the client accepted it.
 * @fires {CustomEvent<Record<string, never>>} fg-hazard-cancel - The person cancelled (and confirmed, when something was typed); the draft was discarded.
 * @fires {CustomEvent<HazardRecordsDetail>} fg-hazard-records - The person pressed 查看记录 on the result: the host shows the records (its ledger, a resident's own reports) at `detail.hazard`.
 * @csspart base - The form.
 * @csspart header - The heading.
 * @csspart photos - The photo fieldset.
 * @csspart photo-tile - One photo's tile.
 * @csspart photo-remove - The remove button in a photo tile's corner.
 * @csspart photo-add - The add tile, with the count.
 * @csspart where - The location fieldset.
 * @csspart contact - The contact fieldset (public mode).
 * @csspart field-error - The message under a field that needs attention.
 * @csspart error - The alert with what went wrong (validation summary, a refused submit).
 * @csspart actions - The button bar (the form's submit and cancel; the result's next actions).
 * @csspart unsent - The message of a report not sent because the network is down.
 * @csspart result - The result after a submit.
 * @csspart result-title - Its title (已上报, 待发送（n）, 已发送, 服务器未接受).
 * @csspart result-why - Why the server refused a queued report.
 * @csspart reference - A resident's reference number (受理编号).
 * @csspart confirm - The dialog that asks before 取消 deletes what was typed.
 * @cssprop [--fg-hazard-accent=var(--fg-color-primary)] - The submit button's colour.
 */
export class FgHazardReport extends LitElement {
  // The form's and the result's sheets are adopted when their chunks arrive (see adopt()).
  static override styles = [baseStyles, hazardAccent];

  /** The Firegrid client; the nearest `<fg-provider>`'s when unset. */
  @property({ attribute: false }) client: FiregridClient | undefined;
  /** The locale to speak (`zh-CN` or `en`); wins over the provider's and the session's. */
  @property() locale: Locale | undefined;
  /** `worker` for staff, `public` for a resident's tip-off (simpler, larger, confidential contact). */
  @property({ reflect: true }) mode: ReportMode = 'worker';
  /** Larger text (20 px) and targets (56 px); always on in public mode. */
  @property({ type: Boolean, reflect: true }) elder = false;
  /** Id of the draft to open; otherwise the latest unsent report of this mode is restored. */
  @property({ attribute: 'draft-id' }) draftId: string | undefined;
  /** Most photos one report may carry. */
  @property({ type: Number, attribute: 'max-photos' }) maxPhotos = 9;
  /** Refuse a report without a photo. */
  @property({ type: Boolean, attribute: 'require-photo' }) requirePhoto = false;

  @state() private fields: ReportFields = emptyFields('worker');
  @state() private errors: FieldErrors = {};
  @state() private alert = '';
  @state() private status = '';
  @state() private statusTone: MessageTone = 'info';
  @state() private ready = false;
  @state() private submitting = false;
  /** The last submit failed because the network is down (no offline layer): 未发送 and 重试. */
  @state() private unsent = false;
  /** The submitted report, while its result is shown. */
  @state() private result: { hazard: Hazard; state: ResultState } | undefined;
  /** The result, the confirmation and the offline texts (./result.js), once loaded. */
  @state() private nextMod: typeof After | undefined;
  /** Why the form's chunk (./ui.js) could not be loaded, in the person's language. */
  @state() private uiError = '';

  @query('#confirm') private confirmDialog?: HTMLDialogElement;

  private readonly fg = new ClientController(this);
  private afterLoad: Promise<typeof After> | undefined;
  private queued: After.QueuedFollower | undefined;
  /** The form's module (./ui.js) and the controllers made from it, once it has loaded; `ready` implies it. */
  private ui: { mod: typeof Ui; photos: PhotoField; where: WhereField } | undefined;
  /** Sheets adopted after the static ones, as their chunks arrive. */
  private readonly lateStyles: CSSResultOrNative[] = [];
  private hazardId = freshReport('worker').id;
  private attempted = false;
  private restoredFor: FiregridClient | undefined;
  private saver: Autosave<'hazards'> | undefined;

  constructor() {
    super();
    // Leaving the page saves what is scheduled; coming back restores the draft again.
    this.addController({
      hostDisconnected: () => {
        void this.saver?.stop();
        this.saver = undefined;
        this.restoredFor = undefined;
      },
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const client = this.fg.client;
    if (client !== undefined && this.fg.session !== undefined && this.restoredFor !== client) {
      this.restoredFor = client;
      void this.restore(client);
    }
    if (changed.has('mode') && !this.ready) this.fields = emptyFields(this.mode);
    // Another draft asked for after the first one was opened.
    if (changed.has('draftId') && client !== undefined && this.restoredFor === client && this.ready) void this.restore(client);
  }

  /** Opens the draft asked for, or the latest unsent report of this mode, or a new one. */
  private async restore(client: FiregridClient, draftId = this.draftId): Promise<void> {
    void this.saver?.stop();
    this.ready = false;
    this.uiError = '';
    let opened = freshReport(this.mode, draftId);
    // The form's chunk loads while the draft is read.
    const ui = loadUi();
    try {
      opened = await openReport(client, this.mode, draftId);
    } catch (e) {
      this.alert = await userError(this, e, this.fg.locale);
    }
    try {
      this.useUi(await ui);
    } catch (e) {
      if (client === this.fg.client) this.uiError = await userError(this, e, this.fg.locale);
      return;
    }
    if (client !== this.fg.client) return;
    this.saver = autosave(client.drafts, 'hazards', { delayMs: 400, onError: (e) => { void userError(this, e, this.fg.locale, 'write').then((m) => { this.alert = m; }); } });
    this.hazardId = opened.id;
    this.fields = opened.fields;
    if (opened.restored) {
      this.status = t('draftRestored', this.fg.locale);
      this.statusTone = 'info';
    }
    const placeId = opened.fields.placeId;
    if (placeId !== undefined) {
      placeName(client, placeId).then((name) => {
        if (name !== undefined && this.fields.placeId === placeId) this.fields = { ...this.fields, placeName: name };
      }, (e: unknown) => {
        // The id stays in the report; the person is told why its name is missing.
        void userError(this, e, this.fg.locale).then((m) => { this.alert = m; });
      });
    }
    this.ready = true;
    // What a submit shows next is loaded now, while the form is filled: offline it is already here.
    this.loadAfter().catch(() => undefined);
  }

  /** Takes the form's module: its controllers and its sheets. */
  private useUi(ui: typeof Ui): void {
    if (this.ui !== undefined) return;
    this.ui = {
      mod: ui,
      photos: new ui.PhotoField(this, {
        client: () => this.fg.client, locale: () => this.fg.locale, max: () => this.maxPhotos,
        get: () => this.fields.photos, set: (photos) => { this.set({ photos }); },
      }),
      where: new ui.WhereField(this, {
        client: () => this.fg.client, locale: () => this.fg.locale, fields: () => this.fields, set: (patch) => { this.set(patch); },
      }),
    };
    this.adopt(ui.buttonBarStyles, ui.photoUploaderStyles, ui.reportStyles);
  }

  /** Adds sheets of a lazy chunk after the element's own (and those adopted before). */
  private adopt(...sheets: CSSResultOrNative[]): void {
    this.lateStyles.push(...sheets);
    adoptStyles(this.renderRoot as ShadowRoot, [...FgHazardReport.elementStyles, ...this.lateStyles]);
  }

  private loadAfter(): Promise<typeof After> {
    return this.afterLoad ??= import('./result.js').then((m) => {
      this.adopt(m.resultStyles);
      return (this.nextMod = m);
    }, (e: unknown) => {
      this.afterLoad = undefined;
      throw e;
    });
  }

  /** Keeps a change: in the form, in the draft, and re-checked once a submit was tried. */
  private set(patch: Partial<ReportFields>): void {
    this.fields = { ...this.fields, ...patch };
    const session = this.fg.session;
    const client = this.fg.client;
    if (!this.submitting && session !== undefined && client !== undefined) {
      this.saver?.update(client.hazards.draftOf(reportOf(this.hazardId, this.fields, this.mode), session));
    }
    if (this.attempted) this.errors = this.check();
  }

  private check(): FieldErrors {
    return validate(this.fields, { mode: this.mode, requirePhoto: this.requirePhoto, locale: this.fg.locale });
  }

  private focus$(id: string): void {
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  private focusField(name: FieldName): void {
    this.focus$({ category: 'category', description: 'description', photos: 'add-photo', address: 'address', contactPhone: 'contact-phone' }[name]);
  }

  private readonly onSubmit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const client = this.fg.client;
    const ui = this.ui;
    if (this.submitting || client === undefined || this.fg.session === undefined || !this.ready || ui === undefined) return;
    const locale = this.fg.locale;
    this.attempted = true;
    this.errors = this.check();
    const bad = FIELD_ORDER.filter((f) => this.errors[f] !== undefined);
    const busy = ui.photos.busy > 0;
    if (busy) bad.push('photos');
    if (bad.length > 0) {
      this.alert = busy ? ui.mod.PHOTO_MESSAGES.processing[locale] : t('fix', locale, { n: bad.length });
      this.status = '';
      this.unsent = false;
      await this.updateComplete;
      const first = bad[0];
      if (first !== undefined) this.focusField(first);
      return;
    }
    this.submitting = true;
    this.alert = '';
    this.unsent = false;
    this.status = t('submitting', locale);
    this.statusTone = 'info';
    try {
      await this.saver?.flush();
      const receipt = await client.hazards.report(reportOf(this.hazardId, this.fields, this.mode));
      this.reset();
      this.status = '';
      this.result = { hazard: receipt.record, state: receipt.kind };
      const after = await this.loadAfter().catch(() => undefined);
      if (after !== undefined && receipt.kind === 'queued') {
        (this.queued ??= new after.QueuedFollower(this)).follow(client, receipt.entryId, {
          // Refused after it was queued: the result says so and why; focus goes to it.
          refused: () => { void this.updateComplete.then(() => { this.focus$('result'); }); },
        });
      }
      this.dispatchEvent(new CustomEvent<HazardSubmitDetail>('fg-hazard-submit', { detail: { hazard: receipt.record }, bubbles: true, composed: true }));
      await this.updateComplete;
      this.focus$('result');
    } catch (error) {
      // Nothing typed is lost: the form keeps it, and the draft was saved before sending.
      this.status = '';
      const shown = await userError(this, error, locale, 'write');
      if ((await this.loadAfter().catch(() => undefined))?.isNetworkDown(error) === true) {
        // Not a failure of the person's report: it waits for the network, as the outbox would.
        this.unsent = true;
        return;
      }
      this.alert = shown;
      if (error instanceof FiregridError) {
        const errors: FieldErrors = { ...this.errors };
        for (const issue of error.issues) {
          const field = fieldOfPath(issue.path);
          if (field !== undefined) errors[field] ??= issue.message;
        }
        this.errors = errors;
      }
    } finally {
      this.submitting = false;
    }
  };

  private reset(): void {
    this.hazardId = freshReport(this.mode).id;
    this.fields = emptyFields(this.mode);
    this.errors = {};
    this.attempted = false;
    this.unsent = false;
    this.ui?.photos.reset();
    this.ui?.where.reset();
  }

  private readonly onAgain = async (): Promise<void> => {
    this.queued?.stop();
    this.result = undefined;
    await this.updateComplete;
    this.focus$('category');
  };

  /** 修改后重新提交: the refused report leaves the outbox for the drafts and opens in the form, with why it was refused. */
  private readonly onEdit = async (): Promise<void> => {
    const client = this.fg.client;
    const queued = this.queued;
    const entryId = queued?.refusedEntry?.id;
    const refused = queued?.refused;
    if (client?.offline === undefined || entryId === undefined || refused === undefined) return;
    const locale = this.fg.locale;
    let draftId: string;
    try {
      const draft = await client.offline.edit(entryId) as Draft<'hazards'>;
      // It was submitted as reported: a draft again, so the form opens it as one.
      if (draft.status !== 'draft') await client.drafts.save('hazards', { ...draft, status: 'draft' });
      draftId = draft.id;
    } catch (e) {
      this.alert = await userError(this, e, locale, 'write');
      return;
    }
    queued?.stop();
    this.result = undefined;
    await this.restore(client, draftId);
    const after = await this.loadAfter().catch(() => undefined);
    this.alert = after === undefined ? '' : after.refusalText(this, refused, locale);
    this.attempted = true;
    const errors: FieldErrors = { ...this.check() };
    for (const issue of refused.issues) {
      const field = fieldOfPath(issue.path);
      if (field !== undefined) errors[field] ??= issue.message;
    }
    this.errors = errors;
    await this.updateComplete;
    const first = FIELD_ORDER.find((f) => errors[f] !== undefined);
    this.focusField(first ?? 'category');
  };

  private readonly onRecords = (): void => {
    const hazard = this.result?.hazard;
    if (hazard !== undefined) this.dispatchEvent(new CustomEvent<HazardRecordsDetail>('fg-hazard-records', { detail: { hazard }, bubbles: true, composed: true }));
  };

  /** Something typed or taken that 取消 would delete. */
  private typed(): boolean {
    const f = this.fields;
    return [f.description, f.address, f.contactName, f.contactPhone].some((s) => s.trim() !== '') || f.photos.length > 0 || f.location !== undefined;
  }

  private readonly onCancel = async (): Promise<void> => {
    if (!this.typed()) {
      await this.discard();
      return;
    }
    const after = await this.loadAfter();
    const ui = this.fg.client?.host.ui;
    if (ui?.confirm !== undefined) {
      if (await ui.confirm(...after.discardPrompt(this.fg.locale, this.fields.photos.length))) await this.discard();
      return;
    }
    await this.updateComplete;
    this.confirmDialog?.showModal();
  };

  private readonly onDiscard = (): void => {
    this.confirmDialog?.close('discard');
    void this.discard();
  };

  private readonly onConfirmClosed = (): void => {
    // Kept: back to the button that asked.
    if (this.confirmDialog?.returnValue !== 'discard') this.focus$('cancel');
  };

  private async discard(): Promise<void> {
    const client = this.fg.client;
    await this.saver?.flush();
    try {
      await client?.drafts.remove('hazards', this.hazardId);
    } catch (e) {
      this.alert = await userError(this, e, this.fg.locale, 'write');
      return;
    }
    this.reset();
    this.alert = '';
    this.status = '';
    this.dispatchEvent(new CustomEvent<Record<string, never>>('fg-hazard-cancel', { detail: {}, bubbles: true, composed: true }));
  }

  // ---- render ----

  override render(): TemplateResult {
    const locale = this.fg.locale;
    const client = this.fg.client;
    if (client === undefined) return message('error', t('noClient', locale), { part: 'error' });
    const ui = this.ui;
    if (!this.ready || ui === undefined) {
      const error = this.fg.error === undefined ? this.uiError : errorText(this, this.fg.error, locale);
      return html`${message('info', error === '' ? t('loading', locale) : '')}
      ${message('error', error, { part: 'error' })}`;
    }
    const r = this.result;
    const after = this.nextMod;
    if (r !== undefined) {
      // Only when ./result.js could not be loaded at all: the title, still in the state's tone.
      if (after === undefined) return message(r.state === 'queued' ? 'warning' : 'success', r.hazard.title, { id: 'result', focusable: true });
      const q = this.queued;
      const state = r.state === 'queued' && q !== undefined ? q.state : r.state;
      const reason = state === 'refused' && q?.refused !== undefined ? after.refusalText(this, q.refused, locale) : undefined;
      return after.resultView({
        locale, mode: this.mode, hazard: r.hazard, state, pending: q?.pending, ...(reason === undefined ? {} : { reason }),
        onAgain: () => { void this.onAgain(); }, onRecords: this.onRecords, onEdit: () => { void this.onEdit(); },
      });
    }
    const unsent = this.unsent ? after?.unsentView(locale) : undefined;
    const f = this.fields;
    return html`${ui.mod.formView({
      locale, mode: this.mode, fields: f, errors: this.errors, alert: this.alert, status: this.status, statusTone: this.statusTone,
      submitting: this.submitting, unsent: unsent?.note, retry: unsent?.retry, photoProblem: ui.photos.problem,
      photos: ui.photos.options(), where: ui.where.options(),
      onCategory: (category) => { this.set({ category }); },
      onDescription: (description) => { this.set({ description }); },
      onSubmit: (e) => { void this.onSubmit(e); },
      onCancel: () => { void this.onCancel(); },
      contact: {
        onName: (e) => { this.set({ contactName: (e.target as HTMLInputElement).value }); },
        onPhone: (e) => { this.set({ contactPhone: (e.target as HTMLInputElement).value }); },
        onConfidential: (e) => { this.set({ confidential: (e.target as HTMLInputElement).checked }); },
      },
    })}${after?.confirmView(locale, f.photos.length, this.onConfirmClosed, this.onDiscard) ?? nothing}`;
  }
}
