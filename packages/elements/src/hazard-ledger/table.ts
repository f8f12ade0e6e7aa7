/**
 * One page of a list as a table: the cells of `twoListTable` (the same the export writes, so the
 * screen and the file never disagree), the hazard's text as the button that opens it, and the
 * overdue, due-soon and supervision flags.
 * @module
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { supervisionText } from '@firegrid/core/export';
import { isDueSoon, isOverdue, isSupervised } from '@firegrid/core/hazard';
import type { Hazard, Locale, TwoList, TwoListTable } from '@firegrid/core';
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
  onOpen: (hazard: Hazard) => void;
}

/** The flags of a hazard: overdue, due soon, 挂牌督办 with its state (requested, listed, lifted). */
export function flagsOf(h: Hazard, now: Date, locale: Locale, dueSoonDays: number): TemplateResult {
  const overdue = isOverdue(h, now);
  return html`${overdue ? html`<span class="flag overdue">${t('overdue', locale)}</span>` : nothing}${
    !overdue && isDueSoon(h, now, dueSoonDays) ? html`<span class="flag soon">${t('dueSoon', locale)}</span>` : nothing}${
    h.supervision === undefined ? nothing : html`<span class="flag ${isSupervised(h) ? 'supervised' : 'supervision'}">${supervisionText(h, locale)}</span>`}`;
}

/** The table, in a scrolling region that keeps every column reachable at 200 % zoom. */
export function ledgerTable(v: TableView): TemplateResult {
  const { locale, table } = v;
  const content = v.list === 'problems' ? 4 : 1;
  return html`
    <div class="scroller" part="table" tabindex="0" role="region" aria-label=${t('scrollTable', locale, { title: table.title })}>
      <table>
        <caption class="visually-hidden">${table.title}</caption>
        <thead><tr>${table.header.map((h) => html`<th scope="col">${h}</th>`)}<th scope="col">${t('flags', locale)}</th></tr></thead>
        <tbody>
          ${table.rows.map((row, i) => {
            const h = v.hazards[i];
            if (h === undefined) return nothing;
            return html`<tr part="row" class=${isOverdue(h, v.now) ? 'is-overdue' : ''}>
              ${row.map((cell, c) => (c === 0
                ? html`<td class="num">${v.first + i}</td>`
                : c === content
                  ? html`<td class="content"><button type="button" class="link" data-hazard=${h.id}
                      @click=${() => { v.onOpen(h); }}>${cell}</button></td>`
                  : html`<td>${cell}</td>`))}
              <td class="flags">${flagsOf(h, v.now, locale, v.dueSoonDays)}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
}
