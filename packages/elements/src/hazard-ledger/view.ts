// The ledger's list view — the two lists' switch, the filter bar, the export buttons, the table
// and the pager — with the two-list columns and the texts they need. Loaded with the first page
// of hazards, so the element's first paint, its loading line, needs none of it.
import { html, nothing, type TemplateResult } from 'lit';
import { DEFAULT_DUE_SOON_DAYS } from '@firegrid/core/hazard';
import { TWO_LISTS, TWO_LIST_COLUMNS, twoListTable } from '@firegrid/core/export';
import type { Hazard, Locale, TipOffClockOptions, TwoList, TwoListContext } from '@firegrid/core';
import { filterBar } from './filters.js';
import { t } from './messages.js';
import type { LedgerFilters } from './query.js';
import { ledgerTable } from './table.js';
import { message } from '../styles.js';

export { TWO_LISTS, twoListTable } from '@firegrid/core/export';
import { flagStyles, ledgerStyles } from './hazard-ledger.styles.js';

/** The list view's styles, added to the element's when the view loads. */
export const listStyles = [flagStyles, ledgerStyles];
export { t } from './messages.js';
export { gridWorkerOf, loadPeople, peopleSources } from './people.js';

/** What the list view reads from the element. */
export interface LedgerView {
  locale: Locale;
  list: TwoList;
  filters: LedgerFilters;
  items: readonly Hazard[];
  page: number;
  pageSize: number;
  hasNext: boolean;
  /** How many match across every page, when the data port counts (`Page.total`). */
  total: number | undefined;
  loading: boolean;
  alert: string;
  message: string;
  exporting: boolean;
  /** Whether the export menu is open. */
  menu: boolean;
  /** Phones tapped to show in full. */
  revealed: ReadonlySet<string>;
  ctx: TwoListContext;
  /** The element is 600 px wide or more: the table scrolls sideways (below, cards). */
  wide: boolean;
  /** The vendor's tip-off clocks (`client.tipOffClocks`). */
  clocks: TipOffClockOptions;
}

/** What a user's action in the list view asks of the element. */
export interface LedgerActions {
  pickList: (list: TwoList) => void;
  changeFilters: (patch: Partial<LedgerFilters>, now: boolean) => void;
  apply: (e: Event) => void;
  reset: () => void;
  exportLists: (format: 'csv' | 'xlsx', list?: TwoList) => void;
  /** Opens (`true`) or closes the export menu; `focus` says which item gets the focus once open. */
  toggleMenu: (open: boolean, focus?: 'first' | 'last' | 'button') => void;
  open: (hazard: Hazard) => void;
  reveal: (key: string) => void;
  prev: () => void;
  next: () => void;
}

/** Arrow keys, Home and End move between the items of an open menu; Escape closes it (WAI-ARIA menu button). */
function menuKeys(e: KeyboardEvent, on: LedgerActions): void {
  const items = Array.from((e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('[role="menuitem"]'));
  const at = items.indexOf(e.target as HTMLElement);
  const go = (i: number): void => { e.preventDefault(); items[(i + items.length) % items.length]?.focus(); };
  switch (e.key) {
    case 'ArrowDown': go(at + 1); break;
    case 'ArrowUp': go(at - 1); break;
    case 'Home': go(0); break;
    case 'End': go(items.length - 1); break;
    case 'Escape': e.preventDefault(); on.toggleMenu(false, 'button'); break;
    case 'Tab': on.toggleMenu(false); break;
    default:
  }
}

/** The export menu button: both lists as CSV, both as one Excel workbook. */
function exportMenu(v: LedgerView, on: LedgerActions): TemplateResult {
  const { locale } = v;
  const busy = v.exporting ? 'true' : 'false';
  const pick = (format: 'csv' | 'xlsx', list?: TwoList) => (): void => { on.toggleMenu(false, 'button'); on.exportLists(format, list); };
  return html`<div class="menu" @focusout=${(e: FocusEvent) => {
    if (v.menu && !(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) on.toggleMenu(false);
  }}>
    <button type="button" id="export" aria-haspopup="menu" aria-expanded=${v.menu ? 'true' : 'false'} aria-controls="export-menu" aria-disabled=${busy}
      @click=${() => { on.toggleMenu(!v.menu, 'first'); }}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') { e.preventDefault(); on.toggleMenu(true, e.key === 'ArrowDown' ? 'first' : 'last'); }
      }}>${t('export', locale)}<span aria-hidden="true">▾</span></button>
    <div id="export-menu" role="menu" aria-labelledby="export" ?hidden=${!v.menu} @keydown=${(e: KeyboardEvent) => { menuKeys(e, on); }}>
      ${TWO_LISTS.map((l) => html`<button type="button" role="menuitem" tabindex="-1" id=${`export-csv-${l}`} aria-disabled=${busy}
        @click=${pick('csv', l)}>${t('exportCsv', locale, { list: TWO_LIST_COLUMNS[l].title[locale] })}</button>`)}
      <button type="button" role="menuitem" tabindex="-1" id="export-xlsx" aria-disabled=${busy} @click=${pick('xlsx')}>${t('exportXlsx', locale)}</button>
    </div>
  </div>`;
}

/** 共 N 条 and the pager: previous, 第 x / y 页, next. */
function pager(v: LedgerView, on: LedgerActions): TemplateResult {
  const { locale } = v;
  const pages = v.total === undefined ? undefined : Math.max(1, Math.ceil(v.total / v.pageSize));
  return html`<nav class="pager" aria-label=${t('pages', locale)}>
    ${v.total === undefined ? nothing : html`<span id="total">${t('total', locale, { n: v.total })}</span>`}
    <button type="button" id="prev" ?disabled=${v.page === 0} @click=${() => { on.prev(); }}>${t('prev', locale)}</button>
    <span id="page">${pages === undefined ? t('page', locale, { page: v.page + 1 }) : t('pageOf', locale, { page: v.page + 1, pages })}</span>
    <button type="button" id="next" ?disabled=${!v.hasNext} @click=${() => { on.next(); }}>${t('next', locale)}</button>
  </nav>`;
}

/** The list view of one page of hazards. */
export function renderLedger(v: LedgerView, on: LedgerActions): TemplateResult {
  const { locale } = v;
  const table = twoListTable(v.list, v.items, v.ctx);
  return html`<div class="base" part="base">
    <div class="toolbar">
      <h2>${t('title', locale)}</h2>
      <div class="row lists" role="group" aria-label=${t('lists', locale)}>
        ${TWO_LISTS.map((l) => html`<button type="button" id=${`list-${l}`} aria-pressed=${v.list === l ? 'true' : 'false'}
          @click=${() => { on.pickList(l); }}>${TWO_LIST_COLUMNS[l].title[locale]}</button>`)}
        ${exportMenu(v, on)}
      </div>
    </div>
    ${filterBar({ locale, filters: v.filters, onChange: on.changeFilters, onApply: on.apply, onReset: on.reset })}
    ${message('error', v.alert, { part: 'error' })}
    ${message('info', v.loading ? t('loading', locale) : v.message !== '' ? v.message : v.items.length === 0 ? t('empty', locale) : '')}
    ${v.items.length === 0 ? nothing : ledgerTable({
      locale, list: v.list, hazards: v.items, table, first: v.page * v.pageSize + 1, now: v.ctx.now,
      dueSoonDays: DEFAULT_DUE_SOON_DAYS, clocks: v.clocks, ctx: v.ctx, revealed: v.revealed, onOpen: on.open, onReveal: on.reveal, scrolls: v.wide,
    })}
    ${pager(v, on)}
  </div>`;
}
