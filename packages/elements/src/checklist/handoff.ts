/**
 * The inspection → hazard handoff (DESIGN §2): after submit, each failed item is a hazard draft,
 * listed with 上报 (report it as `reported`, after editing its title, category and note) and
 * 不上报 (drop the draft). Loaded after a submit that produced drafts, so the checklist's first
 * paint carries none of it. Core builds and reports the hazards (`client.hazards.reportFailedItem`).
 * @module
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { HAZARD_CATEGORIES, HAZARD_CATEGORY_CODES } from '@firegrid/core/base';
import type { FiregridClient, Hazard, HazardCategory, Locale, SubmitReceipt } from '@firegrid/core';
import type { fill as Fill } from '../i18n.js';
import { message } from '../styles.js';
import type { userError as UserError } from '../errors.js';

/** One failed item's draft as the handoff shows it. */
export interface HandoffItem {
  draft: Hazard;
  title: string;
  description: string;
  category: HazardCategory;
  /** `reported` once stored by the server, `queued` once on the device's outbox, `dismissed` after 不上报. */
  state: 'pending' | 'busy' | 'reported' | 'queued' | 'dismissed';
  /** Why the last 上报 failed, as the person reads it. */
  error: string;
}

/** What the handoff asks the element to do. */
export interface HandoffActions {
  report(index: number): void;
  dismiss(index: number): void;
  edit(index: number, patch: Partial<Pick<HandoffItem, 'title' | 'description' | 'category'>>): void;
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
          <div class="row">
            <button type="button" class="primary report" ?disabled=${it.state === 'busy'} @click=${() => { on.report(i); }}>${it.state === 'busy' ? M.busy[locale] : M.report[locale]}</button>
            <button type="button" class="dismiss" ?disabled=${it.state === 'busy'} @click=${() => { on.dismiss(i); }}>${M.dismiss[locale]}</button>
          </div>`
        : html`<p><strong>${it.title}</strong> · <span class="outcome">${M[it.state === 'dismissed' ? 'dismissed' : it.state === 'queued' ? 'queued' : 'reported'][locale]}</span></p>`}
      </li>`;
    })}</ol>
  </section>`;
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

  /**
   * `fill` and `userError` come from the element, which has them already: a static import here
   * would split them into chunks of their own, each an initial request (DESIGN §8).
   */
  constructor(host: ReactiveControllerHost & HTMLElement, drafts: readonly Hazard[], options: {
    client: () => FiregridClient | undefined; locale: () => Locale; auto: boolean; fill: typeof Fill; userError: typeof UserError;
  }) {
    this.host = host;
    this.client = options.client;
    this.locale = options.locale;
    this.fill = options.fill;
    this.userError = options.userError;
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
  };

  /** The list, in the element's locale. */
  render(): TemplateResult {
    return renderHandoff(this.items, this.locale(), this.actions, this.fill);
  }
}
