import { LitElement, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { FiregridError, HAZARD_CATEGORIES, HAZARD_CATEGORY_CODES, autosave, newId } from '@firegrid/core/base';
import type { Autosave } from '@firegrid/core/base';
import type { DirectoryPlace, FiregridClient, Hazard, HazardCategory, Locale } from '@firegrid/core';
import { ClientController } from '../client-controller.js';
import { baseStyles, message } from '../styles.js';
import type { MessageTone } from '../styles.js';
import { hazardAccent, reportStyles } from './hazard-report.styles.js';
import {
  FIELD_ORDER, emptyFields, fieldOfPath, fieldsOf, reportOf, t, validate,
} from './form.js';
import type { FieldErrors, FieldName, ReportFields, ReportMode } from './form.js';
import { PhotoUrls, captureFromHost, keepPhoto } from './photos.js';
import { contactSection, photoSection, whereSection } from './sections.js';
import { locatePoint, searchPlaces } from './host-io.js';
import { errorText, userError } from '../errors.js';

/** Detail of `fg-hazard-submit`: the hazard as the client accepted it (queued or stored). */
export interface HazardSubmitDetail {
  hazard: Hazard;
}

// Record ids are UUIDs (DESIGN §2); a regex rather than the schema keeps zod out of this element's bytes.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reports one fire hazard: category, description, photos (the host's camera bridge or the
 * browser's), where it is — a place from the host's directory, an address, a point from the host's
 * map or the device with its CRS kept — and, for residents, an optional contact kept confidential.
 *
 * What is typed is kept as a draft through `client.drafts` and comes back after a reload; the
 * report goes out through `client.submit`, so with the offline backend it is queued on the device
 * and sent when the network returns. In `mode="public"` (a resident's tip-off) the form is simpler
 * and elder-friendly: 20 px text and 56 px targets.
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
 * @fires {CustomEvent<Record<string, never>>} fg-hazard-cancel - The person cancelled; the draft was discarded.
 * @csspart base - The form.
 * @csspart header - The heading.
 * @csspart photos - The photo fieldset.
 * @csspart where - The location fieldset.
 * @csspart contact - The contact fieldset (public mode).
 * @csspart field-error - The message under a field that needs attention.
 * @csspart error - The alert with what went wrong (validation summary, a refused submit).
 * @csspart actions - The submit and cancel buttons.
 * @cssprop [--fg-hazard-accent=var(--fg-color-primary)] - The submit button's colour.
 */
export class FgHazardReport extends LitElement {
  static override styles = [baseStyles, hazardAccent, reportStyles];

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
  /** The tone of `status`: success once stored, warning while queued on the device, info otherwise. */
  @state() private statusTone: MessageTone = 'info';
  @state() private ready = false;
  @state() private submitting = false;
  @state() private photosBusy = 0;
  @state() private photoProblem: string | undefined;
  @state() private locating = false;
  @state() private locationError = '';
  @state() private query = '';
  @state() private results: DirectoryPlace[] | undefined;
  @state() private searching = false;
  @state() private placeError = '';

  @query('#file') private fileInput?: HTMLInputElement;

  private readonly fg = new ClientController(this);
  private readonly photoUrls = new PhotoUrls(() => { this.requestUpdate(); });
  private hazardId = newId();
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
        this.photoUrls.clear();
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
  private async restore(client: FiregridClient): Promise<void> {
    void this.saver?.stop();
    this.ready = false;
    let draft = null;
    try {
      draft = await client.hazards.resumeReport(this.mode, this.draftId);
    } catch (e) {
      this.alert = await userError(this, e, this.fg.locale);
    }
    if (client !== this.fg.client) return;
    this.saver = autosave(client.drafts, 'hazards', { delayMs: 400, onError: (e) => { void userError(this, e, this.fg.locale, 'write').then((m) => { this.alert = m; }); } });
    if (draft !== null) {
      this.hazardId = draft.id;
      this.fields = fieldsOf(draft, this.mode);
      this.status = t('draftRestored', this.fg.locale);
      this.statusTone = 'info';
      const placeId = draft.placeId;
      if (placeId !== undefined) {
        client.data.get('places', placeId).then((p) => {
          if (p !== null && this.fields.placeId === placeId) this.fields = { ...this.fields, placeName: p.name };
        }, (e: unknown) => {
          // The id stays in the report; the person is told why its name is missing.
          void userError(this, e, this.fg.locale).then((m) => { this.alert = m; });
        });
      }
    } else {
      this.hazardId = this.draftId ?? newId();
      this.fields = emptyFields(this.mode);
    }
    this.ready = true;
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

  private focusField(name: FieldName): void {
    const id = { category: 'category', description: 'description', photos: 'add-photo', address: 'address', contactPhone: 'contact-phone' }[name];
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  private readonly onSubmit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const client = this.fg.client;
    if (this.submitting || client === undefined || this.fg.session === undefined || !this.ready) return;
    this.attempted = true;
    this.errors = this.check();
    const bad = FIELD_ORDER.filter((f) => this.errors[f] !== undefined);
    if (this.photosBusy > 0) bad.push('photos');
    if (bad.length > 0) {
      this.alert = this.photosBusy > 0 ? t('processing', this.fg.locale) : t('fix', this.fg.locale, { n: bad.length });
      this.status = '';
      await this.updateComplete;
      const first = bad[0];
      if (first !== undefined) this.focusField(first);
      return;
    }
    this.submitting = true;
    this.alert = '';
    this.status = t('submitting', this.fg.locale);
    this.statusTone = 'info';
    try {
      await this.saver?.flush();
      const receipt = await client.hazards.report(reportOf(this.hazardId, this.fields, this.mode));
      const saved = receipt.record;
      this.reset();
      const queued = receipt.kind === 'queued';
      this.status = t(queued ? 'queued' : 'submitted', this.fg.locale, { title: saved.title });
      this.statusTone = queued ? 'warning' : 'success';
      this.dispatchEvent(new CustomEvent<HazardSubmitDetail>('fg-hazard-submit', { detail: { hazard: saved }, bubbles: true, composed: true }));
    } catch (error) {
      // Nothing typed is lost: the form keeps it, and the draft was saved before sending.
      this.status = '';
      this.alert = await userError(this, error, this.fg.locale, 'write');
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
    this.hazardId = newId();
    this.fields = emptyFields(this.mode);
    this.errors = {};
    this.attempted = false;
    this.photoProblem = undefined;
    this.results = undefined;
    this.query = '';
    this.locationError = '';
    this.photoUrls.clear();
  }

  private readonly onCancel = async (): Promise<void> => {
    const client = this.fg.client;
    const ui = client?.host.ui;
    if (ui?.confirm !== undefined && this.fields.description.trim() !== '') {
      const zh = this.fg.locale === 'zh-CN';
      if (!await ui.confirm(zh ? '放弃这条未提交的上报？' : 'Discard this unsent report?')) return;
    }
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
  };

  // ---- photos ----

  private readonly onAddPhoto = (): void => {
    const client = this.fg.client;
    if (client === undefined || this.photosBusy > 0) return;
    if (this.fields.photos.length >= this.maxPhotos) {
      this.photoProblem = t('tooMany', this.fg.locale, { n: this.maxPhotos });
      return;
    }
    // The browser opens a file chooser only from the click itself, so no await before it.
    if (client.host.media === undefined) {
      this.fileInput?.click();
      return;
    }
    captureFromHost(client).then((blobs) => this.addPhotos(blobs ?? []), (e: unknown) => { void userError(this, e, this.fg.locale, 'write').then((m) => { this.photoProblem = m; }); });
  };

  private readonly onFiles = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    input.value = '';
    void this.addPhotos(files);
  };

  private async addPhotos(blobs: Blob[]): Promise<void> {
    const client = this.fg.client;
    if (client === undefined || blobs.length === 0) return;
    const room = Math.max(0, this.maxPhotos - this.fields.photos.length);
    this.photoProblem = blobs.length > room ? t('tooMany', this.fg.locale, { n: this.maxPhotos }) : undefined;
    this.photosBusy++;
    try {
      for (const blob of blobs.slice(0, room)) {
        try {
          const ref = await keepPhoto(client, blob, this.fg.locale);
          this.set({ photos: [...this.fields.photos, ref] });
        } catch (error) {
          this.photoProblem = await userError(this, error, this.fg.locale, 'write');
        }
      }
    } finally {
      this.photosBusy--;
    }
  }

  private readonly onRemovePhoto = (index: number): void => {
    const gone = this.fields.photos[index];
    if (gone !== undefined) this.photoUrls.drop(gone.id);
    this.set({ photos: this.fields.photos.filter((_, i) => i !== index) });
    this.photoProblem = undefined;
    void this.updateComplete.then(() => { this.focusField('photos'); });
  };

  // ---- where ----

  private readonly onLocate = async (): Promise<void> => {
    if (this.locating) return;
    this.locating = true;
    this.locationError = '';
    try {
      this.set({ location: await locatePoint(this.fg.client, this.fg.locale) });
    } catch (e) {
      this.locationError = await userError(this, e, this.fg.locale);
    } finally {
      this.locating = false;
    }
  };

  private readonly onPick = async (): Promise<void> => {
    const geo = this.fg.client?.host.geo;
    if (geo === undefined || !('pick' in geo)) return;
    this.locationError = '';
    try {
      const point = await geo.pick?.(this.fields.location === undefined ? undefined : { initial: this.fields.location });
      if (point !== null && point !== undefined) this.set({ location: point });
    } catch (e) {
      this.locationError = await userError(this, e, this.fg.locale);
    }
  };

  private readonly onSearch = async (): Promise<void> => {
    const client = this.fg.client;
    const q = this.query.trim();
    if (client === undefined || this.searching || q === '') return;
    this.searching = true;
    this.placeError = '';
    try {
      this.results = await searchPlaces(client, q);
    } catch (e) {
      this.placeError = await userError(this, e, this.fg.locale);
    } finally {
      this.searching = false;
    }
  };

  private readonly onChoose = (p: DirectoryPlace): void => {
    // A directory id that is not a record id cannot be a placeId; the name goes into the address.
    const known = UUID.test(p.id);
    const address = this.fields.address.trim() !== '' ? this.fields.address : [known ? '' : p.name, p.address ?? ''].filter((s) => s !== '').join(' ');
    this.set({ placeId: known ? p.id : undefined, placeName: p.name, gridId: p.gridId, address });
    this.results = undefined;
    void this.updateComplete.then(() => { this.focusField('address'); });
  };

  // ---- render ----

  override render(): TemplateResult {
    const locale = this.fg.locale;
    const client = this.fg.client;
    if (client === undefined) return message('error', t('noClient', locale), { part: 'error' });
    if (!this.ready) return html`${message('info', this.fg.error === undefined ? t('loading', locale) : '')}
      ${message('error', this.fg.error === undefined ? '' : errorText(this, this.fg.error, locale), { part: 'error' })}`;
    const f = this.fields;
    const pub = this.mode === 'public';
    const err = this.errors;
    return html`
      <form part="base" novalidate @submit=${this.onSubmit} aria-busy=${this.submitting ? 'true' : 'false'}>
        <h2 part="header">${t(pub ? 'titlePublic' : 'titleWorker', locale)}</h2>
        ${pub ? html`<p class="intro">${t('introPublic', locale)}</p>` : nothing}
        ${message('error', this.alert, { part: 'error' })}
        <div class="field">
          <label for="category">${t('category', locale)} <span class="required" aria-hidden="true">*</span></label>
          <select id="category" aria-required="true" aria-invalid=${err.category ? 'true' : 'false'} aria-describedby=${err.category ? 'category-error' : nothing}
            @change=${(e: Event) => { this.set({ category: (e.target as HTMLSelectElement).value as HazardCategory | '' }); }}>
            <option value="" ?selected=${f.category === ''}>${t('choose', locale)}</option>
            ${HAZARD_CATEGORY_CODES.map((c) => html`<option value=${c} ?selected=${f.category === c}>${HAZARD_CATEGORIES[c][locale]}</option>`)}
          </select>
          <p id="category-error" class="error" part="field-error">${err.category ?? ''}</p>
        </div>
        <div class="field">
          <label for="description">${t('description', locale)} <span class="required" aria-hidden="true">*</span></label>
          <p id="description-hint" class="hint">${t('descriptionHint', locale)}</p>
          <textarea id="description" aria-required="true" aria-invalid=${err.description ? 'true' : 'false'}
            aria-describedby=${err.description ? 'description-hint description-error' : 'description-hint'} .value=${f.description}
            @input=${(e: Event) => { this.set({ description: (e.target as HTMLTextAreaElement).value }); }}></textarea>
          <p id="description-error" class="error" part="field-error">${err.description ?? ''}</p>
        </div>
        ${photoSection({
          locale, photos: f.photos, max: this.maxPhotos, busy: this.photosBusy > 0, error: err.photos ?? this.photoProblem,
          urlOf: (ref) => this.photoUrls.url(client, ref), onAdd: this.onAddPhoto, onRemove: this.onRemovePhoto, onFiles: this.onFiles,
        })}
        ${whereSection({
          locale, mode: this.mode, placeName: f.placeName, hasPlace: f.placeId !== undefined || f.placeName !== '',
          canSearch: true, canPick: client.host.geo !== undefined && 'pick' in client.host.geo, query: this.query, results: this.results,
          searching: this.searching, address: f.address, location: f.location, locating: this.locating, error: err.address,
          placeError: this.placeError, locationError: this.locationError,
          onQuery: (e) => { this.query = (e.target as HTMLInputElement).value; },
          onQueryKey: (e) => { if (e.key === 'Enter') { e.preventDefault(); void this.onSearch(); } },
          onSearch: () => { void this.onSearch(); }, onChoose: this.onChoose,
          onClearPlace: () => { this.set({ placeId: undefined, placeName: '', gridId: undefined }); void this.updateComplete.then(() => { this.renderRoot.querySelector<HTMLElement>('#place-q')?.focus(); }); },
          onAddress: (e) => { this.set({ address: (e.target as HTMLInputElement).value }); },
          onLocate: () => { void this.onLocate(); }, onPick: () => { void this.onPick(); },
          onClearLocation: () => { this.set({ location: undefined }); void this.updateComplete.then(() => { this.renderRoot.querySelector<HTMLElement>('#locate')?.focus(); }); },
        })}
        ${pub ? contactSection({
          locale, name: f.contactName, phone: f.contactPhone, confidential: f.confidential, error: err.contactPhone,
          onName: (e) => { this.set({ contactName: (e.target as HTMLInputElement).value }); },
          onPhone: (e) => { this.set({ contactPhone: (e.target as HTMLInputElement).value }); },
          onConfidential: (e) => { this.set({ confidential: (e.target as HTMLInputElement).checked }); },
        }) : nothing}
        <div class="actions" part="actions">
          <button type="submit" class="primary" id="submit" aria-disabled=${this.submitting ? 'true' : 'false'}>${t(pub ? 'submitPublic' : 'submitWorker', locale)}</button>
          <button type="button" id="cancel" @click=${() => { void this.onCancel(); }}>${t('cancel', locale)}</button>
        </div>
        ${message(this.statusTone, this.status)}
      </form>`;
  }
}
