import { LitElement, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { HAZARD_ACTION_LABELS, SUPERVISION_LEVELS, SUPERVISION_LEVEL_LABELS, checkCommandPayload, suggestMajorEditions } from '@firegrid/core';
import type {
  FiregridClient, Hazard, HazardAction, HazardStatus, Lifecycle, Locale, MajorRuleSet, MajorSuggestion, PhotoRef, PlaceKind, SupervisionLevel,
  TransitionActor, TransitionInput,
} from '@firegrid/core';
import { hazardAccent } from '../hazard-report/hazard-report.styles.js';
import { baseStyles, message } from '../styles.js';
import { PhotoUrls, captureFromHost, keepPhoto } from '../hazard-report/photos.js';
import { dt, noteLabel } from './detail-messages.js';
import type { DetailKey } from './detail-messages.js';
import { formStyles } from './hazard-ledger.styles.js';
import { userError } from '../errors.js';
import { isNetworkDown, queuedText, unsentNote } from '../queued.js';

/** Detail of the cancelable `fg-hazard-transition`, fired before a transition is sent. */
export interface HazardTransitionDetail {
  hazardId: string;
  action: HazardAction;
  from: HazardStatus;
  to: HazardStatus;
  /** The body about to be sent (`hazards.transition`). */
  input: TransitionInput;
}

/** Detail of `fg-hazard-transitioned`, fired once the transition was accepted (or queued on the device). */
export interface HazardTransitionedDetail {
  hazardId: string;
  action: HazardAction;
  from: HazardStatus;
  to: HazardStatus;
}

/** What the transition form holds: kept with a queued transition, to bring it back should the server refuse it. */
export interface TransitionValues {
  reason: string; note: string; unit: string; person: string; phone: string; deadline: string; measures: string;
  evidence: PhotoRef[]; level: SupervisionLevel | ''; supervisionDeadline: string; authority: string;
  /** Photos of the hazard as found (`fix-on-spot`: 整改前照片). */
  before: PhotoRef[];
  /** The GB 35181 edition chosen when two apply; '' = the edition in force today. */
  ruleSet: string;
  /** `transfer`: the department's id; `answer-transfer`: its document number; `assign`: the assignee's user id. */
  department: string;
  documentNumber: string;
  personId: string;
  /** `record-reward` (举报奖励): whether a reward is due ('' = not chosen), its amount in yuan, the day it was paid. */
  rewardDue: '' | 'yes' | 'no';
  rewardAmount: string;
  rewardPaidAt: string;
}
type Values = TransitionValues;
type TextKey = Exclude<keyof Values, PhotoKey | 'level' | 'department' | 'rewardDue'>;
/** The photo lists of a transition: after (`evidence`) and, for an on-the-spot fix, before. */
type PhotoKey = 'evidence' | 'before';
const EMPTY: Values = {
  reason: '', note: '', unit: '', person: '', phone: '', deadline: '', measures: '', evidence: [], level: '', supervisionDeadline: '', authority: '',
  ruleSet: '', before: [], department: '', documentNumber: '', personId: '', rewardDue: '', rewardAmount: '', rewardPaidAt: '',
};
const DETERMINATIONS: readonly HazardAction[] = ['confirm-major', 'dismiss-major'];

/** A transition the offline client queued: its outbox entry and what the form held. */
export interface QueuedTransition {
  entryId: string;
  action: HazardAction;
  values: TransitionValues;
  /** The hazard before the transition. */
  before: Hazard;
}

/** Input paths of the lifecycle → the control that edits them and its label. */
const FIELDS: Record<string, { id: string; label: DetailKey }> = {
  reason: { id: 't-reason', label: 'fReason' },
  note: { id: 't-note', label: 'fNote' },
  'responsible.unit': { id: 't-unit', label: 'fUnit' },
  'responsible.person': { id: 't-person', label: 'fPerson' },
  'responsible.phone': { id: 't-phone', label: 'fPhone' },
  deadline: { id: 't-deadline', label: 'fDeadline' },
  measures: { id: 't-measures', label: 'fMeasures' },
  before: { id: 't-add-before', label: 'fBefore' },
  evidence: { id: 't-add-evidence', label: 'fEvidence' },
  'supervision.level': { id: 't-level', label: 'fLevel' },
  'supervision.deadline': { id: 't-supervision-deadline', label: 'fSupervisionDeadline' },
  'supervision.authority': { id: 't-authority', label: 'fAuthority' },
  department: { id: 't-department', label: 'fDepartment' },
  documentNumber: { id: 't-document-number', label: 'fDocumentNumber' },
  'responsible.personId': { id: 't-person-id', label: 'fPersonId' },
  'reward.due': { id: 't-reward-due', label: 'fRewardDue' },
  'reward.amount': { id: 't-reward-amount', label: 'fRewardAmount' },
  'reward.paidAt': { id: 't-reward-paid', label: 'fRewardPaidAt' },
};

const isHazardOf = (v: unknown, id: string): v is Hazard =>
  typeof v === 'object' && v !== null && (v as { id?: unknown }).id === id && typeof (v as { status?: unknown }).status === 'string'
  && Array.isArray((v as { history?: unknown }).history);

/**
 * The form of one transition: exactly the fields the action needs, checked by the lifecycle before
 * anything is sent, then the cancelable `fg-hazard-transition`, the `hazards.transition` command
 * through the client, and `fg-hazard-transitioned`. With a client that has no offline layer, a
 * transition the network kept from being sent leaves the form as filled, says
 * 未发送，网络恢复后重试 in the warning tone (never red), and its confirm button becomes 重试.
 *
 * @internal Rendered by `<fg-hazard-ledger>`'s detail; not used on its own.
 * @tag fg-hazard-transition-form
 */
export class FgHazardTransitionForm extends LitElement {
  static override styles = [baseStyles, hazardAccent, formStyles];

  /** The client. */
  @property({ attribute: false }) client: FiregridClient | undefined;
  /** The hazard acted on. */
  @property({ attribute: false }) hazard: Hazard | undefined;
  /** The action. */
  @property({ attribute: false }) action: HazardAction = 'verify';
  /** The lifecycle (with the vendor's role matrix). */
  @property({ attribute: false }) lifecycle: Lifecycle | undefined;
  /** Who acts. */
  @property({ attribute: false }) actor: TransitionActor | undefined;
  /** The language. */
  @property({ attribute: false }) locale: Locale = 'zh-CN';
  /** Major-hazard rule sets; the built-in ones when unset. */
  @property({ attribute: false }) ruleSets: readonly MajorRuleSet[] | undefined;
  /** Rule-set elements evidenced at the hazard's place (its own `ruleRefs` and those of the place's open hazards). */
  @property({ attribute: false }) ruleRefs: readonly string[] = [];
  /** The kind of the hazard's place, for composite thresholds. */
  @property({ attribute: false }) placeKind: PlaceKind | undefined;
  /**
   * Called when the form closes: with the hazard after the transition, or undefined when
   * cancelled. A transition queued on the device comes with its outbox entry and what was filled in.
   */
  @property({ attribute: false }) onClose: ((next: Hazard | undefined, message: string, queued?: QueuedTransition) => void) | undefined;
  /** What the form opens with: a refused transition's values, brought back. */
  @property({ attribute: false }) initial: TransitionValues | undefined;
  /** Why the transition brought back was refused: the form's alert as it opens. */
  @property({ attribute: false }) refusal = '';
  /**
   * The outbox entry of the refused transition brought back: dropped from the outbox as this one
   * is sent (a refused write holds back the hazard's later writes until a person acts on it).
   */
  @property({ attribute: false }) replaces: string | undefined;

  @state() private values: Values = { ...EMPTY };
  @state() private errors: Record<string, string> = {};
  @state() private alert = '';
  @state() private busy = false;
  /** The last send failed because the network is down and there is no offline layer: 未发送 and 重试. */
  @state() private unsent = false;
  @query('#t-file') private fileInput?: HTMLInputElement;
  private readonly urls = new PhotoUrls(() => { this.requestUpdate(); });

  constructor() {
    super();
    this.addController({ hostDisconnected: () => { this.urls.clear(); } });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('initial') && this.initial !== undefined) this.values = { ...this.initial };
    if (changed.has('refusal')) this.alert = this.refusal;
    // The listing authority sees what was requested (报请) and lists it as is, or changes it.
    const asked = this.hazard?.supervision;
    if ((changed.has('hazard') || changed.has('action')) && this.action === 'supervise' && asked !== undefined && asked.listedAt === undefined) {
      this.values = { ...this.values, level: asked.level, supervisionDeadline: asked.deadline ?? '', authority: asked.authority ?? '' };
    }
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('textarea, input:not([type=file]), select, #t-confirm')?.focus();
  }

  private get needs(): readonly string[] {
    return this.lifecycle?.transitions[this.action].needs ?? [];
  }

  private set(patch: Partial<Values>): void {
    this.values = { ...this.values, ...patch };
  }

  private input(): TransitionInput {
    const v = this.values;
    const text = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());
    const needs = this.needs;
    const responsible = needs.includes('responsible') && (v.unit.trim() !== '' || v.person.trim() !== '')
      ? {
        unit: v.unit.trim(), person: v.person.trim(), ...(text(v.phone) === undefined ? {} : { phone: v.phone.trim() }),
        ...(text(v.personId) === undefined ? {} : { personId: v.personId.trim() }),
      }
      : undefined;
    return {
      action: this.action,
      ...(text(v.reason) === undefined ? {} : { reason: v.reason.trim() }),
      ...(text(v.note) === undefined ? {} : { note: v.note.trim() }),
      ...(responsible === undefined ? {} : { responsible }),
      ...(needs.includes('deadline') && v.deadline !== '' ? { deadline: v.deadline } : {}),
      ...(needs.includes('measures') && text(v.measures) !== undefined ? { measures: v.measures.trim() } : {}),
      ...(needs.includes('department') && v.department !== '' ? { department: v.department } : {}),
      ...(this.action === 'answer-transfer' && text(v.documentNumber) !== undefined ? { documentNumber: v.documentNumber.trim() } : {}),
      ...(needs.includes('before') && v.before.length > 0 ? { before: v.before.map((r) => r.id) } : {}),
      ...(needs.includes('evidence') && v.evidence.length > 0 ? { evidence: v.evidence.map((r) => r.id) } : {}),
      ...(needs.includes('reward') && v.rewardDue !== ''
        ? {
          reward: {
            due: v.rewardDue === 'yes',
            ...(v.rewardDue === 'yes' && v.rewardAmount.trim() !== '' ? { amount: Number(v.rewardAmount) } : {}),
            ...(v.rewardDue === 'yes' && v.rewardPaidAt !== '' ? { paidAt: v.rewardPaidAt } : {}),
          },
        } : {}),
      ...(needs.includes('supervision') && (v.level !== '' || v.supervisionDeadline !== '' || text(v.authority) !== undefined)
        ? {
          supervision: {
            ...(v.level === '' ? {} : { level: v.level }), ...(v.supervisionDeadline === '' ? {} : { deadline: v.supervisionDeadline }),
            ...(text(v.authority) === undefined ? {} : { authority: v.authority.trim() }),
          },
        } : {}),
    };
  }

  /** For `confirm-major` and `dismiss-major`: the suggestion under each edition of the discovery and determination dates. */
  private editions(): MajorSuggestion[] {
    const { hazard, client } = this;
    if (hazard === undefined || !DETERMINATIONS.includes(this.action)) return [];
    return suggestMajorEditions({
      ruleRefs: [...new Set([...(hazard.ruleRefs ?? []), ...this.ruleRefs])], discoveredAt: hazard.createdAt,
      determinedAt: client?.now() ?? new Date(), ...(this.placeKind === undefined ? {} : { placeKind: this.placeKind }),
    }, this.ruleSets === undefined ? {} : { ruleSets: this.ruleSets });
  }

  /** The edition recorded as `majorRuleSet`: the one chosen, else the determination day's. */
  private chosenRuleSet(): string | undefined {
    const ids = this.editions().map((s) => s.ruleSet?.id).filter((id): id is string => id !== undefined);
    return ids.includes(this.values.ruleSet) ? this.values.ruleSet : ids[ids.length - 1];
  }

  /** For `approve-extension` and `refuse-extension`: what the assignee asked for. */
  private asked(): TemplateResult | typeof nothing {
    const request = this.hazard?.extensionRequest;
    if (request === undefined || (this.action !== 'approve-extension' && this.action !== 'refuse-extension')) return nothing;
    return html`<p id="t-asked">${dt('extensionAsked', this.locale, { d: request.deadline, reason: request.reason })}</p>`;
  }

  private editionsBox(): TemplateResult | typeof nothing {
    const editions = this.editions();
    if (editions.length === 0) return nothing;
    const { locale } = this;
    const chosen = this.chosenRuleSet();
    const straddle = editions.length > 1;
    return html`<fieldset class="field editions" id="t-editions">
      <legend>${dt('editionsTitle', locale)}</legend>
      ${straddle ? html`<p>${dt('editionsStraddle', locale)}</p>` : nothing}
      ${editions.map((s) => {
        const set = s.ruleSet;
        if (set === undefined) return nothing;
        const hits = [...s.direct, ...s.unknown, ...(s.thresholds.length > 0 ? s.composite : [])];
        const label = `${set.doc}${set.inForce.until === undefined ? '' : dt('superseded', locale)}`;
        return html`<div class="edition" data-rule-set=${set.id}>
          ${straddle ? html`<label class="check"><input type="radio" name="t-rule-set" value=${set.id} .checked=${chosen === set.id}
            @change=${() => { this.set({ ruleSet: set.id }); }} /><span>${label}</span></label>` : html`<p>${label}</p>`}
          <p>${hits.length === 0 ? dt('editionNone', locale) : dt('editionHits', locale)}</p>
          ${hits.length === 0 ? nothing : html`<ul>${hits.map((el) => html`<li>${el.id.includes('.') ? `${el.id} ` : ''}${el.text[locale] ?? el.text['zh-CN']}${el.verified ? '' : dt('suggestUnverified', locale)}</li>`)}</ul>`}
          ${s.thresholds.map((th) => html`<p>${dt('suggestThreshold', locale, { text: th.text[locale] ?? th.text['zh-CN'] })}</p>`)}
        </div>`;
      })}
    </fieldset>`;
  }

  private readonly onConfirm = async (e: Event): Promise<void> => {
    e.preventDefault();
    const { client, hazard, lifecycle, actor, locale } = this;
    if (this.busy || client === undefined || hazard === undefined || lifecycle === undefined || actor === undefined) return;
    const applied = this.chosenRuleSet();
    const input = applied === undefined ? this.input() : { ...this.input(), majorRuleSet: applied };
    const verdict = lifecycle.check(hazard, input, actor, client.now());
    if (!verdict.ok) {
      const errors: Record<string, string> = {};
      for (const path of verdict.missing ?? []) errors[path] = dt('required', locale, { field: dt(FIELDS[path]?.label ?? 'fNote', locale) });
      for (const path of verdict.invalid ?? []) errors[path] = verdict.message;
      this.errors = errors;
      this.alert = Object.keys(errors).length > 0 ? dt('fix', locale) : verdict.message;
      await this.updateComplete;
      const first = Object.keys(FIELDS).find((p) => errors[p] !== undefined);
      if (first !== undefined) this.renderRoot.querySelector<HTMLElement>(`#${FIELDS[first]?.id ?? ''}`)?.focus();
      return;
    }
    this.errors = {};
    const rule = lifecycle.transitions[this.action];
    const from = hazard.status;
    // A passed review of a hazard that closes by lift (摘牌/销案) keeps it awaiting-review.
    const to = rule.to === 'same' || (this.action === 'review-pass' && lifecycle.closesByLift(hazard)) ? from : rule.to;
    const detail: HazardTransitionDetail = { hazardId: hazard.id, action: this.action, from, to, input };
    const go = this.dispatchEvent(new CustomEvent<HazardTransitionDetail>('fg-hazard-transition', { detail, bubbles: true, composed: true, cancelable: true }));
    if (!go) {
      this.alert = dt('vetoed', locale);
      return;
    }
    this.busy = true;
    this.alert = '';
    try {
      // The form's fields are the lifecycle's (vendor needs included), checked above; this types them per action.
      const payload = checkCommandPayload('hazards.transition', { hazardId: hazard.id, ...input }, { locale });
      if (this.replaces !== undefined) {
        await client.offline?.discard(this.replaces);
        this.replaces = undefined;
      }
      const receipt = await client.command('hazards.transition', payload);
      this.unsent = false;
      const result = receipt.kind === 'stored' ? receipt.result : undefined;
      // A queued command (offline) has no server answer yet: show what the lifecycle says it will be.
      const next = isHazardOf(result, hazard.id) ? result : lifecycle.apply(hazard, input, actor, client.now()).hazard;
      this.dispatchEvent(new CustomEvent<HazardTransitionedDetail>('fg-hazard-transitioned', {
        detail: { hazardId: hazard.id, action: this.action, from, to: next.status }, bubbles: true, composed: true,
      }));
      this.onClose?.(next, dt('done', locale, { action: HAZARD_ACTION_LABELS[this.action][locale] }),
        receipt.kind === 'queued' ? { entryId: receipt.entryId, action: this.action, values: { ...this.values }, before: hazard } : undefined);
    } catch (error) {
      // No network and no offline layer: the form stays as filled, to be sent again (never red).
      if (client.offline === undefined && isNetworkDown(error)) {
        this.unsent = true;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('[part~="unsent"]')?.focus();
      } else {
        this.unsent = false;
        this.alert = await userError(this, error, locale, 'write');
      }
    } finally {
      this.busy = false;
    }
  };

  private onAddPhotos(key: PhotoKey): void {
    const client = this.client;
    if (client === undefined) return;
    if (client.host.media === undefined) {
      (key === 'evidence' ? this.fileInput : this.renderRoot.querySelector<HTMLInputElement>(`#t-file-${key}`))?.click();
      return;
    }
    captureFromHost(client).then((blobs) => this.addPhotos(key, blobs ?? []), (e: unknown) => { void userError(this, e, this.locale, 'write').then((text) => { this.alert = text; }); });
  }

  private async addPhotos(key: PhotoKey, blobs: Blob[]): Promise<void> {
    const client = this.client;
    if (client === undefined) return;
    this.busy = true;
    try {
      for (const blob of blobs) this.set({ [key]: [...this.values[key], await keepPhoto(client, blob, this.locale)] });
    } catch (e) {
      this.alert = await userError(this, e, this.locale, 'write');
    } finally {
      this.busy = false;
    }
  }

  private field(path: string, control: (id: string, described: string | typeof nothing, invalid: 'true' | 'false') => TemplateResult, label: string): TemplateResult {
    const spec = FIELDS[path];
    const id = spec?.id ?? path;
    const err = this.errors[path];
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${control(id, err === undefined ? nothing : `${id}-error`, err === undefined ? 'false' : 'true')}
      <p id=${`${id}-error`} class="error" part="field-error">${err ?? ''}</p>
    </div>`;
  }

  private textarea(path: string, key: TextKey, label: string): TemplateResult {
    return this.field(path, (id, described, invalid) => html`<textarea id=${id} aria-invalid=${invalid} aria-describedby=${described}
      .value=${this.values[key]} @input=${(e: Event) => { this.set({ [key]: (e.target as HTMLTextAreaElement).value }); }}></textarea>`, label);
  }

  private line(path: string, key: TextKey, label: string, type = 'text'): TemplateResult {
    return this.field(path, (id, described, invalid) => html`<input id=${id} type=${type} aria-invalid=${invalid} aria-describedby=${described}
      .value=${this.values[key]} @input=${(e: Event) => { this.set({ [key]: (e.target as HTMLInputElement).value }); }} />`, label);
  }

  /** A photo list with its add button: `#t-add-evidence` (and `#t-file`), `#t-add-before` (and `#t-file-before`). */
  private photos(key: PhotoKey, legend: string): TemplateResult {
    const add = dt('fAddEvidence', this.locale);
    const err = this.errors[key];
    return html`<fieldset class="field">
      <legend>${legend}</legend>
      ${this.values[key].length === 0 ? nothing : html`<ul class="thumbs">${this.values[key].map((ref, i) => {
        const url = this.urls.url(this.client, ref);
        const alt = `${legend} ${i + 1}`;
        return html`<li>${url === undefined ? html`<span class="placeholder" role="img" aria-label=${alt}></span>` : html`<img src=${url} alt=${alt} />`}</li>`;
      })}</ul>`}
      <button type="button" id=${`t-add-${key}`} aria-label=${`${add}（${legend}）`} aria-describedby=${err === undefined ? nothing : `t-add-${key}-error`}
        @click=${() => { this.onAddPhotos(key); }}>${add}</button>
      <input id=${key === 'evidence' ? 't-file' : `t-file-${key}`} type="file" accept="image/*" multiple hidden tabindex="-1" aria-label=${add}
        @change=${(e: Event) => { const input = e.target as HTMLInputElement; const files = Array.from(input.files ?? []); input.value = ''; void this.addPhotos(key, files); }} />
      <p id=${`t-add-${key}-error`} class="error" part="field-error">${err ?? ''}</p>
    </fieldset>`;
  }

  override render(): TemplateResult {
    const { locale } = this;
    const needs = this.needs;
    const label = HAZARD_ACTION_LABELS[this.action][locale];
    const l = (key: DetailKey): string => dt(key, locale);
    return html`
      <form part="transition" aria-label=${label} @submit=${this.onConfirm} aria-busy=${this.busy ? 'true' : 'false'}>
        ${message('error', this.alert, { part: 'error' })}
        ${this.unsent ? unsentNote(locale) : nothing}
        ${needs.includes('reason') ? this.textarea('reason', 'reason', l('fReason')) : nothing}
        ${this.asked()}
        ${needs.includes('department') ? this.field('department', (id, described, invalid) => html`<select id=${id} aria-invalid=${invalid}
          aria-describedby=${described} @change=${(e: Event) => { this.set({ department: (e.target as HTMLSelectElement).value }); }}>
          <option value="" ?selected=${this.values.department === ''}>—</option>
          ${(this.lifecycle?.departments ?? []).map((d) => html`<option value=${d.id} ?selected=${this.values.department === d.id}>${d.label[locale]}</option>`)}
        </select>`, l('fDepartment')) : nothing}
        ${needs.includes('responsible') ? html`${this.line('responsible.unit', 'unit', l('fUnit'))}${this.line('responsible.person', 'person', l('fPerson'))}${this.line('responsible.phone', 'phone', l('fPhone'), 'tel')}${this.line('responsible.personId', 'personId', l('fPersonId'))}` : nothing}
        ${needs.includes('deadline') ? this.line('deadline', 'deadline', l(this.action === 'request-extension' ? 'fDeadlineAsked' : 'fDeadline'), 'date') : nothing}
        ${this.action === 'answer-transfer' ? this.line('documentNumber', 'documentNumber', l('fDocumentNumber')) : nothing}
        ${needs.includes('measures') ? this.textarea('measures', 'measures', l('fMeasures')) : nothing}
        ${needs.includes('supervision') ? html`
          ${this.field('supervision.level', (id, described, invalid) => html`<select id=${id} aria-invalid=${invalid} aria-describedby=${described}
            @change=${(e: Event) => { this.set({ level: (e.target as HTMLSelectElement).value as Values['level'] }); }}>
            <option value="" ?selected=${this.values.level === ''}>—</option>
            ${SUPERVISION_LEVELS.map((v) => html`<option value=${v} ?selected=${this.values.level === v}>${SUPERVISION_LEVEL_LABELS[v][locale]}</option>`)}
          </select>`, l('fLevel'))}
          ${this.line('supervision.deadline', 'supervisionDeadline', l('fSupervisionDeadline'), 'date')}
          ${this.line('supervision.authority', 'authority', l('fAuthority'))}` : nothing}
        ${needs.includes('reward') ? html`
          ${this.field('reward.due', (id, described, invalid) => html`<select id=${id} aria-invalid=${invalid} aria-describedby=${described}
            @change=${(e: Event) => { this.set({ rewardDue: (e.target as HTMLSelectElement).value as Values['rewardDue'] }); }}>
            <option value="" ?selected=${this.values.rewardDue === ''}>—</option>
            <option value="yes" ?selected=${this.values.rewardDue === 'yes'}>${l('fRewardYes')}</option>
            <option value="no" ?selected=${this.values.rewardDue === 'no'}>${l('fRewardNo')}</option>
          </select>`, l('fRewardDue'))}
          ${this.values.rewardDue === 'yes' ? html`${this.line('reward.amount', 'rewardAmount', l('fRewardAmount'), 'number')}${
            this.line('reward.paidAt', 'rewardPaidAt', l('fRewardPaidAt'), 'date')}` : nothing}` : nothing}
        ${needs.includes('before') ? this.photos('before', l('fBefore')) : nothing}
        ${needs.includes('evidence') ? this.photos('evidence', l('fEvidence')) : nothing}
        ${this.editionsBox()}
        ${this.textarea('note', 'note', l(noteLabel(this.action, needs.includes('note'))))}
        <div class="actions">
          <button type="submit" class="primary" id="t-confirm" aria-disabled=${this.busy ? 'true' : 'false'}>${this.unsent ? queuedText('retry', locale) : dt('confirm', locale, { action: label })}</button>
          <button type="button" id="t-cancel" @click=${() => { this.onClose?.(undefined, ''); }}>${l('cancel')}</button>
        </div>
        ${message('info', this.busy ? l('sending') : '')}
      </form>`;
  }
}
