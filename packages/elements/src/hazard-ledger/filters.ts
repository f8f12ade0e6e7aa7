/**
 * The ledger's filter bar: text search and grid applied on demand, selects and the overdue switch
 * at once. The filters' state and query are in ./query.ts.
 * @module
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { HAZARD_CATEGORIES, HAZARD_CATEGORY_CODES, HAZARD_STATUSES, HAZARD_STATUS_LABELS, SEVERITIES } from '@firegrid/core/base';
import { SEVERITY_LABELS, SUPERVISION_STATE_LABELS } from '@firegrid/core/export';
import { SUPERVISION_STATES } from '@firegrid/core/hazard';
import type { Locale } from '@firegrid/core';
import type { LedgerFilters } from './query.js';
import { t } from './messages.js';

/** What the filter bar shows and does. */
export interface FilterBar {
  locale: Locale;
  filters: LedgerFilters;
  onChange: (patch: Partial<LedgerFilters>, now: boolean) => void;
  onApply: (e: Event) => void;
  onReset: () => void;
}

const value = (e: Event): string => (e.target as HTMLInputElement | HTMLSelectElement).value;

/** The filter bar: text search and grid (applied with 查询, the primary button, or Enter), selects and the overdue switch (applied at once). */
export function filterBar(s: FilterBar): TemplateResult {
  const { locale, filters: f } = s;
  return html`
    <form class="filters" part="filters" role="search" aria-label=${t('filters', locale)} @submit=${s.onApply}>
      <div class="filter wide">
        <label for="f-q">${t('search', locale)}</label>
        <input id="f-q" type="search" .value=${f.q} @input=${(e: Event) => { s.onChange({ q: value(e) }, false); }} />
      </div>
      <div class="filter">
        <label for="f-status">${t('status', locale)}</label>
        <select id="f-status" @change=${(e: Event) => { s.onChange({ status: value(e) as LedgerFilters['status'] }, true); }}>
          <option value="" ?selected=${f.status === ''}>${t('statusAll', locale)}</option>
          <option value="open" ?selected=${f.status === 'open'}>${t('statusOpen', locale)}</option>
          ${HAZARD_STATUSES.map((st) => html`<option value=${st} ?selected=${f.status === st}>${HAZARD_STATUS_LABELS[st][locale]}</option>`)}
        </select>
      </div>
      <div class="filter">
        <label for="f-category">${t('category', locale)}</label>
        <select id="f-category" @change=${(e: Event) => { s.onChange({ category: value(e) as LedgerFilters['category'] }, true); }}>
          <option value="" ?selected=${f.category === ''}>${t('any', locale)}</option>
          ${HAZARD_CATEGORY_CODES.map((c) => html`<option value=${c} ?selected=${f.category === c}>${HAZARD_CATEGORIES[c][locale]}</option>`)}
        </select>
      </div>
      <div class="filter">
        <label for="f-severity">${t('severity', locale)}</label>
        <select id="f-severity" @change=${(e: Event) => { s.onChange({ severity: value(e) as LedgerFilters['severity'] }, true); }}>
          <option value="" ?selected=${f.severity === ''}>${t('any', locale)}</option>
          ${SEVERITIES.map((v) => html`<option value=${v} ?selected=${f.severity === v}>${SEVERITY_LABELS[v][locale]}</option>`)}
        </select>
      </div>
      <div class="filter">
        <label for="f-supervision">${t('supervised', locale)}</label>
        <select id="f-supervision" @change=${(e: Event) => { s.onChange({ supervision: value(e) as LedgerFilters['supervision'] }, true); }}>
          <option value="" ?selected=${f.supervision === ''}>${t('any', locale)}</option>
          ${SUPERVISION_STATES.map((v) => html`<option value=${v} ?selected=${f.supervision === v}>${SUPERVISION_STATE_LABELS[v][locale]}</option>`)}
        </select>
      </div>
      <div class="filter">
        <label for="f-grid">${t('grid', locale)}</label>
        <input id="f-grid" type="text" inputmode="numeric" .value=${f.gridId} @input=${(e: Event) => { s.onChange({ gridId: value(e) }, false); }} />
      </div>
      <label class="check filter"><input id="f-overdue" type="checkbox" .checked=${f.overdue}
        @change=${(e: Event) => { s.onChange({ overdue: (e.target as HTMLInputElement).checked }, true); }} /><span>${t('overdueOnly', locale)}</span></label>
      <div class="row filter">
        <button type="button" id="f-reset" @click=${s.onReset}>${t('reset', locale)}</button>
        <button type="submit" id="f-apply" class="primary">${t('apply', locale)}</button>
      </div>
    </form>`;
}
