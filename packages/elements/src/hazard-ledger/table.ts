/**
 * One page of a list as a table: the cells of `twoListTable` (the same the export writes, so the
 * screen and the file never disagree), the hazard's text as the button that opens it, the status
 * as a coloured tag, phones masked until tapped, and the overdue, due-soon and supervision flags.
 * Below 600 px of the element's own width (a container query) each row is a card: what, status,
 * where, deadline and flags first, the rest after, and nothing scrolls sideways.
 * @module
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { TWO_LIST_COLUMNS, canSeeReporter, deadlineText, reporterName, supervisionText } from '@firegrid/core/export';
import { isDueSoon, isOverdue, isSupervised } from '@firegrid/core/hazard';
import { tipOffClocks } from '@firegrid/core';
import { maskPhone } from '@firegrid/core/captains';
import type { Hazard, Locale, TipOffClockOptions, TwoList, TwoListContext, TwoListTable } from '@firegrid/core';
import { t } from './messages.js';

/** What the table shows and does. */
export interface TableView {
  locale: Locale;
  list: TwoList;
  hazards: readonly Hazard[];
  table: TwoListTable;
  /** 序号 of the first row (pages continue the numbering). */
  first: number;
  now: Date;
  dueSoonDays: number;
  /** The vendor's tip-off clocks (`client.tipOffClocks`). */
  clocks: TipOffClockOptions;
  /** Who looks and the names known, for 发现人. */
  ctx: TwoListContext;
  /** Phones the person tapped to see in full, by {@link phoneKey}. */
  revealed: ReadonlySet<string>;
  onOpen: (hazard: Hazard) => void;
  onReveal: (key: string) => void;
  /**
   * The table scrolls sideways: the element is 600 px wide or more. Only then is it a focusable
   * region named "…（可左右滚动）"; the cards below that scroll nowhere, and say nothing of it.
   */
  scrolls: boolean;
}

/**
 * A contact with every phone number in it masked (`张先生 139****5678`): the words around a
 * number stay, so a masked contact still says who it is.
 */
export const maskContact = (text: string): string => text.replace(/(?:\+?86[\s-]?)?\d[\d\s-]{5,}\d/g, (n) => maskPhone(n));

/** The key of one phone shown: the hazard and which phone. */
export const phoneKey = (h: Pick<Hazard, 'id'>, which: 'responsible' | 'reporter'): string => `${h.id}:${which}`;

/**
 * A phone, masked (`138****5678`) until tapped: a toggle button, so the full number is one
 * deliberate tap away and the focus stays where it was.
 */
export function phone(number: string, key: string, revealed: ReadonlySet<string>, locale: Locale, onReveal: (key: string) => void): TemplateResult {
  const open = revealed.has(key);
  return html`<button type="button" class="phone" data-phone=${key} aria-pressed=${open ? 'true' : 'false'}
    @click=${() => { onReveal(key); }}>${open ? number : maskContact(number)}<span class="visually-hidden">${t('revealPhone', locale)}</span></button>`;
}

/**
 * 发现人 as the list shows it: as `finderText` (the export) has it, but a contact is masked — a
 * confidential reporter's without a way to reveal it here (his full number is never shown beside
 * （保密） in a list; the detail reveals it to those who may see him), anyone else's until tapped.
 */
function finderCell(h: Hazard, v: TableView): TemplateResult | string {
  const { ctx, locale } = v;
  const r = h.reporter;
  const name = reporterName(h, { viewer: ctx.viewer, sources: ctx.people, locale });
  if (!canSeeReporter(r, ctx.viewer)) return name;
  const contact = r.contact?.trim() ?? '';
  const secret = r.confidential ? t('confidential', locale) : '';
  if (contact === '') return `${name}${secret}`;
  return html`${name} ${r.confidential ? html`<span class="nowrap">${maskContact(contact)}</span>`
    : phone(contact, phoneKey(h, 'reporter'), v.revealed, locale, v.onReveal)}${secret}`;
}

/** The tone of a hazard's status tag. */
function tone(h: Hazard, now: Date): string {
  if (isOverdue(h, now)) return 'error';
  switch (h.status) {
    case 'closed': return 'success';
    case 'assigned': case 'rectifying': return 'warning';
    case 'draft': case 'rejected': return 'muted';
    default: return 'info';
  }
}

/** The flags of a resident's tip-off whose clocks ran out (core's `tipOffClocks`, at read). */
const TIP_OFF_FLAGS = {
  check: { 'zh-CN': '超期未核查', en: 'Site check overdue' },
  answer: { 'zh-CN': '超期未答复', en: 'Answer overdue' },
} as const;

/**
 * The flags of a hazard: overdue, due soon, a tip-off's site check and answer overdue (超期未核查,
 * 超期未答复, by the vendor's `clocks`), 挂牌督办 with its state (requested, listed, lifted).
 */
export function flagsOf(h: Hazard, now: Date, locale: Locale, dueSoonDays: number, clocks: TipOffClockOptions): TemplateResult {
  const overdue = isOverdue(h, now);
  const tip = tipOffClocks(h, now, clocks);
  return html`${overdue ? html`<span class="flag overdue">${t('overdue', locale)}</span>` : nothing}${
    tip?.siteCheckOverdue === true ? html`<span class="flag overdue" data-clock="check">${TIP_OFF_FLAGS.check[locale]}</span>` : nothing}${
    tip?.answerOverdue === true ? html`<span class="flag overdue" data-clock="answer">${TIP_OFF_FLAGS.answer[locale]}</span>` : nothing}${
    !overdue && isDueSoon(h, now, dueSoonDays) ? html`<span class="flag soon">${t('dueSoon', locale)}</span>` : nothing}${
    h.supervision === undefined ? nothing : html`<span class="flag ${isSupervised(h) ? 'supervised' : 'supervision'}">${supervisionText(h, locale)}</span>`}`;
}

/**
 * The table, in a region that scrolls sideways only at desk widths (focusable, so the keyboard
 * scrolls it, and named with （可左右滚动）); cards below 600 px, in a plain block.
 */
export function ledgerTable(v: TableView): TemplateResult {
  const { locale, table } = v;
  const columns = TWO_LIST_COLUMNS[v.list].columns;
  return html`
    <div class="scroller" part="table" tabindex=${v.scrolls ? '0' : nothing} role=${v.scrolls ? 'region' : nothing}
      aria-label=${v.scrolls ? t('scrollTable', locale, { title: table.title }) : nothing}>
      <table>
        <caption class="visually-hidden">${table.title}</caption>
        <thead><tr>${table.header.map((h) => html`<th scope="col">${h}</th>`)}<th scope="col">${t('flags', locale)}</th></tr></thead>
        <tbody>
          ${table.rows.map((row, i) => {
            const h = v.hazards[i];
            if (h === undefined) return nothing;
            return html`<tr part="row" class=${isOverdue(h, v.now) ? 'is-overdue' : ''}>
              ${row.map((cell, c) => {
                const key = columns[c]?.key ?? '';
                const label = table.header[c] ?? '';
                switch (key) {
                  case 'index': return html`<td class="c-index">${v.first + i}</td>`;
                  case 'content': return html`<td class="c-content" part="title"><button type="button" class="link" data-hazard=${h.id}
                    @click=${() => { v.onOpen(h); }}>${cell}</button></td>`;
                  case 'status': case 'progress': return html`<td class="c-status"><span part="status" class="tag ${tone(h, v.now)}">${cell}</span></td>`;
                  case 'finder': return html`<td class="c-finder" data-label=${label}>${finderCell(h, v)}</td>`;
                  case 'phone': return html`<td class="c-phone" data-label=${label}>${cell === ''
                    ? '' : phone(String(cell), phoneKey(h, 'responsible'), v.revealed, locale, v.onReveal)}</td>`;
                  default: return html`<td class="c-${key}" data-label=${label}>${cell}</td>`;
                }
              })}
              <td class="c-flags">${v.list === 'problems' && h.deadline !== undefined
                ? html`<span class="due">${t('deadline', locale, { d: deadlineText(h.deadline) })}</span>` : nothing}${flagsOf(h, v.now, locale, v.dueSoonDays, v.clocks)}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
}
