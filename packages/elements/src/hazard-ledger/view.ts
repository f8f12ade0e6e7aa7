// The ledger's list view — the two lists' switch, the filter bar, the export buttons, the table
// and the pager — with the two-list columns and the texts they need. Loaded with the first page
// of hazards, so the element's first paint, its loading line, needs none of it.
import { html, nothing, type TemplateResult } from 'lit';
import { DEFAULT_DUE_SOON_DAYS } from '@firegrid/core/hazard';
import { TWO_LISTS, TWO_LIST_COLUMNS, twoListTable } from '@firegrid/core/export';
import type { Hazard, Locale, TwoList, TwoListContext } from '@firegrid/core';
import { filterBar } from './filters.js';
import { t } from './messages.js';
import type { LedgerFilters } from './query.js';
import { ledgerTable } from './table.js';
import { message } from '../styles.js';

export { TWO_LISTS, twoListTable } from '@firegrid/core/export';
export { t } from './messages.js';
export { loadPeople, peopleSources } from './people.js';

/** What the list view reads from the element. */
export interface LedgerView {
  locale: Locale;
  list: TwoList;
  filters: LedgerFilters;
  items: readonly Hazard[];
  page: number;
  pageSize: number;
  hasNext: boolean;
  loading: boolean;
  alert: string;
  message: string;
  exporting: boolean;
  ctx: TwoListContext;
}

/** What a user's action in the list view asks of the element. */
export interface LedgerActions {
  pickList: (list: TwoList) => void;
  changeFilters: (patch: Partial<LedgerFilters>, now: boolean) => void;
  apply: (e: Event) => void;
  reset: () => void;
  exportLists: (format: 'csv' | 'xlsx', list?: TwoList) => void;
  open: (hazard: Hazard) => void;
  prev: () => void;
  next: () => void;
}

/** The list view of one page of hazards. */
export function renderLedger(v: LedgerView, on: LedgerActions): TemplateResult {
  const { locale } = v;
  const table = twoListTable(v.list, v.items, v.ctx);
  const busy = v.exporting ? 'true' : 'false';
  return html`<div class="base" part="base">
    <div class="toolbar">
      <h2>${t('title', locale)}</h2>
      <div class="row lists" role="group" aria-label=${t('lists', locale)}>
        ${TWO_LISTS.map((l) => html`<button type="button" id=${`list-${l}`} aria-pressed=${v.list === l ? 'true' : 'false'}
          @click=${() => { on.pickList(l); }}>${TWO_LIST_COLUMNS[l].title[locale]}</button>`)}
      </div>
    </div>
    ${filterBar({ locale, filters: v.filters, onChange: on.changeFilters, onApply: on.apply, onReset: on.reset })}
    <div class="exports" role="group" aria-label=${t('export', locale)}>
      ${TWO_LISTS.map((l) => html`<button type="button" id=${`export-csv-${l}`} aria-disabled=${busy}
        @click=${() => { on.exportLists('csv', l); }}>${t('exportCsv', locale, { list: TWO_LIST_COLUMNS[l].title[locale] })}</button>`)}
      <button type="button" id="export-xlsx" aria-disabled=${busy} @click=${() => { on.exportLists('xlsx'); }}>${t('exportXlsx', locale)}</button>
    </div>
    ${message('error', v.alert, { part: 'error' })}
    ${message('info', v.loading ? t('loading', locale) : v.message !== '' ? v.message
      : v.items.length === 0 ? t('empty', locale) : t('count', locale, { page: v.page + 1, n: v.items.length }))}
    ${v.items.length === 0 ? nothing : ledgerTable({
      locale, list: v.list, hazards: v.items, table, first: v.page * v.pageSize + 1, now: v.ctx.now,
      dueSoonDays: DEFAULT_DUE_SOON_DAYS, onOpen: on.open,
    })}
    <nav class="pager" aria-label=${t('pages', locale)}>
      <button type="button" id="prev" ?hidden=${v.page === 0} @click=${() => { on.prev(); }}>${t('prev', locale)}</button>
      <button type="button" id="next" ?hidden=${!v.hasNext} @click=${() => { on.next(); }}>${t('next', locale)}</button>
    </nav>
  </div>`;
}
