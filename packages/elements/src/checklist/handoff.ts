/**
 * The inspection → hazard handoff (DESIGN §2): after submit, each failed item is a hazard draft,
 * listed with 上报 (report it as `reported`, after editing its title, category and note) and
 * 不上报 (drop the draft) and, for a general item, 当场整改 (fix it on the spot: photos before — the
 * item's own — and after, and a note; refused for a major candidate). Loaded after a submit that
 * produced drafts, so the checklist's first paint carries none of it. Core builds, reports and
 * fixes the hazards (`client.hazards.reportFailedItem`, `fixFailedItem`).
 * @module
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { HAZARD_CATEGORIES, HAZARD_CATEGORY_CODES } from '@firegrid/core/base';
import type { FiregridClient, Hazard, HazardCategory, Locale, PhotoRef, SubmitReceipt } from '@firegrid/core';
import type { pickPhotos as PickPhotos, uploadPhoto as UploadPhoto } from './photos.js';
import type { fill as Fill } from '../i18n.js';
import { message } from '../styles.js';
import type { userError as UserError } from '../errors.js';

/** One failed item's draft as the handoff shows it. */
export interface HandoffItem {
  draft: Hazard;
  title: string;
  description: string;
  category: HazardCategory;
  /**
   * `reported` once stored by the server, `queued` once on the device's outbox, `dismissed` after
   * 不上报, `fixed` after 当场整改 (`fixedQueued` while on the outbox).
   */
  state: 'pending' | 'busy' | 'reported' | 'queued' | 'dismissed' | 'fixed' | 'fixedQueued';
  /** 当场整改 open: its photos before and after and its note. */
  fix?: { before: PhotoRef[]; after: PhotoRef[]; note: string };
  /** Why the last 上报 failed, as the person reads it. */
  error: string;
}

/** What the handoff asks the element to do. */
export interface HandoffActions {
  report(index: number): void;
  dismiss(index: number): void;
  edit(index: number, patch: Partial<Pick<HandoffItem, 'title' | 'description' | 'category'>>): void;
  /** Opens (or closes) the 当场整改 form of an item. */
  toggleFix(index: number): void;
  /** Adds photos before or after the fix. */
  addPhotos(index: number, key: 'before' | 'after'): void;
  fixNote(index: number, note: string): void;
  fix(index: number): void;
}

const M = {
  heading: { 'zh-CN': '检查发现的隐患', en: 'Hazards found' },
  intro: { 'zh-CN': '每个不合格项已生成一条隐患草稿。核对后逐条上报，或选择不上报。', en: 'Each failed item became a hazard draft. Check each one, then report it or drop it.' },
  title: { 'zh-CN': '标题', en: 'Title' },
  category: { 'zh-CN': '类别', en: 'Category' },
  description: { 'zh-CN': '情况说明', en: 'Description' },
  photos: { 'zh-CN': '照片 {n} 张', en: '{n} photo(s)' },
  report: { 'zh-CN': '上报', en: 'Report' },
  dismiss: { 'zh-CN': '不上报', en: 'Do not report' },
  busy: { 'zh-CN': '正在上报…', en: 'Reporting…' },
  reported: { 'zh-CN': '已上报', en: 'Reported' },
  queued: { 'zh-CN': '已保存在本机，联网后自动上报', en: 'Saved on this device; sent when online' },
  dismissed: { 'zh-CN': '未上报', en: 'Not reported' },
  fixOnSpot: { 'zh-CN': '当场整改', en: 'Fix on the spot' },
  fixMajor: { 'zh-CN': '疑似重大火灾隐患不能当场整改，须上报核实', en: 'A major candidate cannot be fixed on the spot: report it' },
  before: { 'zh-CN': '整改前照片', en: 'Photos before the fix' },
  after: { 'zh-CN': '整改后照片', en: 'Photos after the fix' },
  addPhoto: { 'zh-CN': '添加照片', en: 'Add photo' },
  fixNote: { 'zh-CN': '整改情况说明', en: 'What was done' },
  fixConfirm: { 'zh-CN': '确认当场整改', en: 'Confirm the fix' },
  fixNeeds: { 'zh-CN': '当场整改须有整改前、整改后照片和整改情况说明', en: 'A fix on the spot needs photos before and after, and a note' },
  fixed: { 'zh-CN': '已当场整改（已销号）', en: 'Fixed on the spot (closed)' },
  fixedQueued: { 'zh-CN': '已当场整改，保存在本机，联网后自动提交', en: 'Fixed on the spot; saved on this device, sent when online' },
} as const;

/** The handoff items of a submit's hazard drafts. */
export const handoffItems = (drafts: readonly Hazard[]): HandoffItem[] =>
  drafts.map((draft) => ({ draft, title: draft.title, description: draft.description, category: draft.category, state: 'pending', error: '' }));

/** Reports one item through core: the draft becomes a `reported` hazard with the person's edits. */
export const reportItem = (client: FiregridClient, item: HandoffItem): Promise<SubmitReceipt<'hazards'>> =>
  client.hazards.reportFailedItem(item.draft, { title: item.title, description: item.description, category: item.category });

/** Drops one item's draft. */
export const dismissItem = (client: FiregridClient, item: HandoffItem): Promise<void> => client.hazards.dismissFailedItem(item.draft);

/** The list of drafts, each editable until it is reported or dropped. */
export function renderHandoff(items: readonly HandoffItem[], locale: Locale, on: HandoffActions, fill: typeof Fill): TemplateResult {
  return html`<section part="handoff" class="handoff" aria-labelledby="handoff-title">
    <h3 id="handoff-title">${M.heading[locale]}</h3>
    <p class="hint">${M.intro[locale]}</p>
    <ol class="drafts">${items.map((it, i) => {
      const open = it.state === 'pending' || it.state === 'busy';
      const id = `h${i}`;
      return html`<li class="draft" data-draft=${it.draft.id} data-state=${it.state}>
        ${open ? html`
          <label for="${id}-title">${M.title[locale]}</label>
          <input id="${id}-title" class="note" .value=${it.title} ?disabled=${it.state === 'busy'}
            @input=${(e: Event) => { on.edit(i, { title: (e.target as HTMLInputElement).value }); }}>
          <label for="${id}-category">${M.category[locale]}</label>
          <select id="${id}-category" class="note" ?disabled=${it.state === 'busy'}
            @change=${(e: Event) => { on.edit(i, { category: (e.target as HTMLSelectElement).value as HazardCategory }); }}>
            ${HAZARD_CATEGORY_CODES.map((c) => html`<option value=${c} ?selected=${it.category === c}>${HAZARD_CATEGORIES[c][locale]}</option>`)}
          </select>
          <label for="${id}-description">${M.description[locale]}</label>
          <textarea id="${id}-description" class="note" .value=${it.description} ?disabled=${it.state === 'busy'}
            @input=${(e: Event) => { on.edit(i, { description: (e.target as HTMLTextAreaElement).value }); }}></textarea>
          ${it.draft.photos.length === 0 ? nothing : html`<p class="hint">${fill(M.photos[locale], { n: it.draft.photos.length })}</p>`}
          ${message('error', it.error)}
          ${it.fix === undefined ? nothing : renderFix(it, id, i, locale, on)}
          <div class="row">
            <button type="button" class="primary report" ?disabled=${it.state === 'busy'} @click=${() => { on.report(i); }}>${it.state === 'busy' ? M.busy[locale] : M.report[locale]}</button>
            ${it.draft.severity === 'general'
              ? html`<button type="button" class="fix" aria-expanded=${it.fix === undefined ? 'false' : 'true'} ?disabled=${it.state === 'busy'}
                @click=${() => { on.toggleFix(i); }}>${M.fixOnSpot[locale]}</button>`
              : nothing}
            <button type="button" class="dismiss" ?disabled=${it.state === 'busy'} @click=${() => { on.dismiss(i); }}>${M.dismiss[locale]}</button>
          </div>
          ${it.draft.severity === 'general' ? nothing : html`<p class="hint major">${M.fixMajor[locale]}</p>`}`
        : html`<p><strong>${it.title}</strong> · <span class="outcome">${M[it.state === 'busy' || it.state === 'pending' ? 'reported' : it.state][locale]}</span></p>`}
      </li>`;
    })}</ol>
  </section>`;
}

/** The 当场整改 form of one item: photos before (the item's own, and more) and after, the note, the confirm button. */
function renderFix(it: HandoffItem, id: string, i: number, locale: Locale, on: HandoffActions): TemplateResult {
  const fix = it.fix ?? { before: [], after: [], note: '' };
  const photos = (key: 'before' | 'after', refs: readonly PhotoRef[]): TemplateResult => html`<fieldset class="fix-photos" data-photos=${key}>
    <legend>${M[key][locale]}（${refs.length}）</legend>
    <button type="button" id="${id}-add-${key}" aria-label="${M.addPhoto[locale]}（${M[key][locale]}）" ?disabled=${it.state === 'busy'}
      @click=${() => { on.addPhotos(i, key); }}>${M.addPhoto[locale]}</button>
    <input id="${id}-file-${key}" type="file" accept="image/*" multiple hidden tabindex="-1" aria-label=${M.addPhoto[locale]}>
  </fieldset>`;
  return html`<div class="fix-form" part="fix">
    ${photos('before', fix.before)}
    ${photos('after', fix.after)}
    <label for="${id}-fix-note">${M.fixNote[locale]}</label>
    <textarea id="${id}-fix-note" class="note" .value=${fix.note} ?disabled=${it.state === 'busy'}
      @input=${(e: Event) => { on.fixNote(i, (e.target as HTMLTextAreaElement).value); }}></textarea>
    <button type="button" class="primary fix-confirm" ?disabled=${it.state === 'busy'} @click=${() => { on.fix(i); }}>${M.fixConfirm[locale]}</button>
  </div>`;
}

/**
 * The handoff of one submit: its items and what 上报 / 不上报 do. The element only asks for it
 * after a submit with drafts and renders it; everything else happens here, in the lazy chunk.
 */
export class Handoff {
  items: HandoffItem[];
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly client: () => FiregridClient | undefined;
  private readonly locale: () => Locale;
  private readonly fill: typeof Fill;
  private readonly userError: typeof UserError;
  private readonly pickPhotos: typeof PickPhotos | undefined;
  private readonly uploadPhoto: typeof UploadPhoto | undefined;

  /**
   * `fill` and `userError` come from the element, which has them already: a static import here
   * would split them into chunks of their own, each an initial request (DESIGN §8).
   */
  constructor(host: ReactiveControllerHost & HTMLElement, drafts: readonly Hazard[], options: {
    client: () => FiregridClient | undefined; locale: () => Locale; auto: boolean; fill: typeof Fill; userError: typeof UserError;
    /** For 当场整改's photos (the element's, so no chunk of their own). */
    pickPhotos?: typeof PickPhotos; uploadPhoto?: typeof UploadPhoto;
  }) {
    this.host = host;
    this.client = options.client;
    this.locale = options.locale;
    this.fill = options.fill;
    this.userError = options.userError;
    this.pickPhotos = options.pickPhotos;
    this.uploadPhoto = options.uploadPhoto;
    this.items = handoffItems(drafts);
    if (options.auto) this.items.forEach((_, i) => { void this.report(i); });
  }

  private patch(i: number, patch: Partial<HandoffItem>): void {
    this.items = this.items.map((x, j) => (j === i ? { ...x, ...patch } : x));
    this.host.requestUpdate();
  }

  private async report(i: number): Promise<void> {
    const client = this.client();
    const item = this.items[i];
    if (client === undefined || item?.state !== 'pending') return;
    this.patch(i, { state: 'busy', error: '' });
    try {
      const receipt = await reportItem(client, item);
      this.patch(i, { state: receipt.kind === 'queued' ? 'queued' : 'reported' });
      this.host.dispatchEvent(new CustomEvent('fg-hazard-submit', { detail: { hazard: receipt.record }, bubbles: true, composed: true }));
    } catch (e) {
      this.patch(i, { state: 'pending', error: await this.userError(this.host, e, this.locale(), 'write') });
    }
  }

  private async addPhotos(i: number, key: 'before' | 'after'): Promise<void> {
    const client = this.client();
    const input = this.host.shadowRoot?.querySelector<HTMLInputElement>(`#h${i}-file-${key}`);
    if (client === undefined || input === null || input === undefined || this.pickPhotos === undefined || this.uploadPhoto === undefined) return;
    try {
      const blobs = await this.pickPhotos(client, input);
      for (const blob of blobs) {
        const ref = await this.uploadPhoto(client, blob, this.locale());
        const fix = this.items[i]?.fix;
        if (fix !== undefined) this.patch(i, { fix: { ...fix, [key]: [...fix[key], ref] } });
      }
    } catch (e) {
      this.patch(i, { error: await this.userError(this.host, e, this.locale(), 'write') });
    }
  }

  /** 当场整改 through core (`client.hazards.fixFailedItem`): the draft stored, then `fix-on-spot`. */
  private async fix(i: number): Promise<void> {
    const client = this.client();
    const item = this.items[i];
    const fix = item?.fix;
    if (client === undefined || item?.state !== 'pending' || fix === undefined) return;
    if (fix.before.length === 0 || fix.after.length === 0 || fix.note.trim() === '') {
      this.patch(i, { error: M.fixNeeds[this.locale()] });
      return;
    }
    this.patch(i, { state: 'busy', error: '' });
    try {
      const receipt = await client.hazards.fixFailedItem(item.draft, {
        note: fix.note, before: fix.before.map((p) => p.id), evidence: fix.after.map((p) => p.id),
        edits: { title: item.title, description: item.description, category: item.category },
      });
      this.patch(i, { state: receipt.kind === 'queued' ? 'fixedQueued' : 'fixed' });
    } catch (e) {
      this.patch(i, { state: 'pending', error: await this.userError(this.host, e, this.locale(), 'write') });
    }
  }

  private readonly actions: HandoffActions = {
    report: (i) => { void this.report(i); },
    dismiss: (i) => {
      const client = this.client();
      const item = this.items[i];
      if (client === undefined || item?.state !== 'pending') return;
      dismissItem(client, item).then(
        () => { this.patch(i, { state: 'dismissed' }); },
        async (e: unknown) => { this.patch(i, { error: await this.userError(this.host, e, this.locale(), 'write') }); },
      );
    },
    edit: (i, patch) => { this.patch(i, patch); },
    toggleFix: (i) => {
      const item = this.items[i];
      if (item === undefined) return;
      // The item's own photos show the hazard as found: they are the photos before the fix.
      this.patch(i, { fix: item.fix === undefined ? { before: [...item.draft.photos], after: [], note: '' } : undefined, error: '' });
    },
    addPhotos: (i, key) => { void this.addPhotos(i, key); },
    fixNote: (i, note) => {
      const fix = this.items[i]?.fix;
      if (fix !== undefined) this.patch(i, { fix: { ...fix, note } });
    },
    fix: (i) => { void this.fix(i); },
  };

  /** The list, in the element's locale. */
  render(): TemplateResult {
    return renderHandoff(this.items, this.locale(), this.actions, this.fill);
  }
}
