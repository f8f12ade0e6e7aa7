// What the registry shows once it has data: coverage, the rows, a building's file and the import
// preview, with the captain rules and the texts they need. Loaded with the data (or as soon as
// the host gives it), so the element's first paint — title, tools and the loading line — needs
// none of it.
import { html, nothing, type TemplateResult } from 'lit';
import {
  COMMITMENT_LABELS, CAPTAIN_STATUS_LABELS, captainHistory, dayOf, maskPhone, statusIn,
} from '@firegrid/core/captains';
import type {
  CaptainIndex, CoverageOf, CoverageReport, FloorCaptain, ImportPreview, Locale, OrgUnit, Place, RegistryRow,
} from '@firegrid/core';
import type { EditorKind } from './editor.js';
import { fmt, type MessageKey } from './messages.js';
import { queuedText, unsentNote } from '../queued.js';

export {
  DEFAULT_DUTIES, DEFAULT_LIMITS, captainIndex, communityOfGrid, dayOf, dutyTexts, indexCoverage,
} from '@firegrid/core/captains';
export { fmt } from './messages.js';

/** A building with its captain in office and its status. */
export type Row = RegistryRow<Place, FloorCaptain>;

/** What the element does when a user acts in the view. */
export interface RegistryActions {
  /** The coverage breakdown was opened or closed. */
  breakdown(open: boolean): void;
  edit(kind: EditorKind, row: Row): void;
  markPosted(captain: FloorCaptain): void;
  /** A masked phone was tapped: show it in full. */
  reveal(captainId: string): void;
  openFile(building: Place): void;
  closeFile(): void;
  cancelPreview(): void;
  confirmImport(): void;
}

/** What the view reads from the element. */
export interface RegistryView {
  locale: Locale;
  /** `manage` mode: actions, full phones, commitments. */
  manage: boolean;
  index: CaptainIndex<Place, FloorCaptain>;
  /** How many buildings the list shows (all, or a search's matches). */
  shown: number;
  orgUnits: readonly OrgUnit[] | undefined;
  /** The per-grid and per-community figures, while the breakdown is open. */
  report: CoverageReport | undefined;
  /** An import or a save is under way. */
  working: boolean;
  /** Captains whose phone was tapped to show in full (manage mode). */
  revealed: ReadonlySet<string>;
  /**
   * A one-tap write (标记已公示, 撤销) not sent for want of a network, with no offline layer: the
   * row of `buildingId` says 未发送，网络恢复后重试 with 重试, which calls `retry`.
   */
  unsent?: { buildingId: string; retry: () => void } | undefined;
  on: RegistryActions;
}

const text = (v: RegistryView) => (key: MessageKey, values?: Record<string, string | number>): string => fmt(key, v.locale, values);

/** The registry row of a building in `index`: its captain in office and its status. */
export function rowOf(index: CaptainIndex<Place, FloorCaptain>, building: Place): Row {
  return { building, captain: index.captainOf.get(building.id), status: statusIn(index, building) };
}

/** The name of an OrgUnit, else its code. */
export function unitName(units: readonly OrgUnit[] | undefined, code: string): string {
  return units?.find((u) => u.code === code)?.name ?? code;
}

/** The coverage figure, the counts of gaps, and the breakdown by grid and community. */
export function renderCoverage(v: RegistryView): TemplateResult {
  const t = text(v);
  const total = v.index.total;
  const pct = (rate: number | null): string => (rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toString()}%`);
  const units = new Map((v.orgUnits ?? []).map((u) => [u.code, u.name]));
  const table = (title: MessageKey, list: readonly CoverageOf[]) => html`<table>
    <caption class="vh">${t(title)}</caption>
    <thead><tr><th scope="col">${t('colUnit')}</th><th scope="col" class="num">${t('colBuildings')}</th>
      <th scope="col" class="num">${t('colCovered')}</th><th scope="col" class="num">${t('colRate')}</th></tr></thead>
    <tbody>${list.map((g) => html`<tr><th scope="row">${units.get(g.code) ?? g.code}</th><td class="num">${g.buildings}</td>
      <td class="num">${g.covered}</td><td class="num">${pct(g.rate)}</td></tr>`)}</tbody>
  </table>`;
  const report = v.report;
  const communities = (v.orgUnits ?? []).some((u) => u.level === 'community');
  return html`<p class="coverage" part="coverage">${t('coverage')} <strong>${pct(total.rate)}</strong></p>
    <p class="hint">${total.buildings === 0 ? t('noBuildings') : t('coverageOf', { covered: total.covered, total: total.buildings })}</p>
    <ul class="counts">
      <li>${t('countVacant', { n: total.vacant })}</li>
      <li>${t('countUnposted', { n: total.unposted })}</li>
    </ul>
    ${total.buildings === 0 ? nothing : html`<details @toggle=${(e: Event) => { v.on.breakdown((e.target as HTMLDetailsElement).open); }}>
      <summary>${t(communities ? 'byCommunity' : 'byGrid')}</summary>
      ${report === undefined ? nothing : html`${report.communities.length > 0 ? table('byCommunity', report.communities) : nothing}${table('byGrid', report.grids)}`}
    </details>`}`;
}

/** What the list says when it shows no building. */
export function emptyText(v: RegistryView): string {
  return fmt(v.index.order.length === 0 ? 'noBuildings' : 'empty', v.locale);
}

/** One building of the list (the `i`th shown): name, status, captain, and in manage mode the actions. */
export function renderRow(v: RegistryView, building: Place, i: number): TemplateResult {
  const t = text(v);
  const row = rowOf(v.index, building);
  const { building: b, captain: c, status } = row;
  const { manage, locale } = v;
  const households = b.building?.households;
  // Masked (138****1234) until a worker taps it; the public never sees more.
  const phone = c === undefined ? nothing : !manage ? maskPhone(c.person.phone) : v.revealed.has(c.id)
    ? html`<a class="phone" href=${`tel:${c.person.phone}`}>${c.person.phone}</a>`
    : html`<button type="button" class="phone reveal" data-action="reveal" @click=${() => { v.on.reveal(c.id); }}
      aria-label=${t('reveal', { name: c.person.name, phone: maskPhone(c.person.phone) })}>${maskPhone(c.person.phone)}</button>`;
  const action = (kind: EditorKind | 'posted' | 'file', label: MessageKey, handler: () => void) => html`<button type="button"
    data-action=${kind} @click=${handler}>${t(label)}<span class="vh">：${b.name}</span></button>`;
  const unsent = manage && v.unsent?.buildingId === b.id ? v.unsent : undefined;
  return html`<div class="row ${status}" role="listitem" part="row" data-building=${b.id} aria-posinset=${i + 1} aria-setsize=${v.shown}>
    <div class="building">
      <span class="name">${b.name}</span><span class="badge">${CAPTAIN_STATUS_LABELS[status][locale]}</span>
      <div class="meta">${b.address}${households === undefined ? '' : ` · ${t('households', { n: households })}`} · ${unitName(v.orgUnits, b.gridId)}</div>
    </div>
    <div class="who">${c === undefined ? html`<span class="meta">${t('noCaptain')}</span>` : html`
      <div class="person"><strong>${c.person.name}</strong> ${manage ? phone : html`<span class="phone">${phone}</span>`}</div>
      <div class="meta">${t('since', { from: c.term.from })}${manage ? html` · ${c.commitment === undefined ? t('notCommitted')
        : t('committed', { method: COMMITMENT_LABELS[c.commitment.method][locale], day: dayOf(c.commitment.signedAt) })}` : nothing}${c.publicisedAt === undefined ? '' : ` · ${t('posted', { day: dayOf(c.publicisedAt) })}`}</div>`}
    </div>
    ${manage ? html`<div class="actions" part="actions">${c === undefined
      ? action('register', 'register', () => { v.on.edit('register', row); })
      : html`${action('edit', 'edit', () => { v.on.edit('edit', row); })}
        ${action('replace', 'replace', () => { v.on.edit('replace', row); })}
        ${action('end', 'end', () => { v.on.edit('end', row); })}
        ${status === 'unposted' ? action('posted', 'markPosted', () => { v.on.markPosted(c); }) : nothing}
        ${action('file', 'file', () => { v.on.openFile(b); })}`}</div>` : nothing}
    ${unsent === undefined ? nothing : html`<div class="row-unsent">${unsentNote(locale)}<button type="button" class="retry" data-action="retry"
      ?disabled=${v.working} @click=${() => { unsent.retry(); }}>${queuedText('retry', locale)}<span class="vh">：${b.name}</span></button></div>`}
  </div>`;
}

/** A building's file: every captain it has had, newest first. */
export function renderFile(v: RegistryView, b: Place, captains: readonly FloorCaptain[]): TemplateResult {
  const t = text(v);
  const history = captainHistory(captains, b.id);
  return html`<h2 id="file-title">${t('dialogFile', { building: b.name })}</h2>
    <ol class="history">${history.map((c) => html`<li>
      <strong>${c.person.name}</strong> ${c.person.phone}
      <div class="meta">${t('termRange', { from: c.term.from, to: c.term.to ?? t('present') })}</div>
      <div class="meta">${c.commitment === undefined ? t('notCommitted')
        : t('committed', { method: COMMITMENT_LABELS[c.commitment.method][v.locale], day: dayOf(c.commitment.signedAt) })}
        · ${c.publicisedAt === undefined ? t('notPosted') : t('posted', { day: dayOf(c.publicisedAt) })}</div>
      <div class="meta">${c.duties.join('；')}</div>
    </li>`)}</ol>
    <div class="buttons"><button type="button" @click=${() => { v.on.closeFile(); }}>${t('close')}</button></div>`;
}

/** The preview of an import: what each row would do, or why it cannot be stored. */
export function renderPreview(v: RegistryView, name: string, p: ImportPreview, unsent = false): TemplateResult {
  const t = text(v);
  const count = (action: string) => p.rows.filter((r) => r.action === action).length;
  const actionText = (r: ImportPreview['rows'][number]): string => {
    switch (r.action) {
      case 'create': return t('actionCreate');
      case 'replace': return t('actionReplace', { name: r.replaces ?? '' });
      case 'update': return t('actionUpdate');
      case 'unchanged': return t('actionUnchanged');
      case undefined: return '';
    }
  };
  return html`<section class="preview" part="preview" aria-labelledby="preview-title">
    <h3 id="preview-title">${t('previewTitle', { name })}</h3>
    ${p.fileIssues.map((issue) => html`<p class="error">${issue}</p>`)}
    ${p.fileIssues.length > 0 ? nothing : html`
      <p>${t('previewSummary', { rows: p.rows.length, create: count('create'), replace: count('replace'), update: count('update'), unchanged: count('unchanged'), errors: p.errorCount })}</p>
      ${p.skipped > 0 ? html`<p class="hint">${t('previewSkipped', { n: p.skipped })}</p>` : nothing}
      <div class="scroll" tabindex="0" role="region" aria-label=${t('previewRows')}><table>
        <thead><tr><th scope="col" class="num">${t('colLine')}</th><th scope="col">${t('colBuilding')}</th><th scope="col">${t('colCaptain')}</th>
          <th scope="col">${t('colPhone')}</th><th scope="col">${t('colResult')}</th></tr></thead>
        <tbody>${p.rows.map((r) => html`<tr class=${r.issues.length > 0 ? 'bad' : 'ok'}>
          <td class="num" data-label=${t('colLine')}>${r.line}</td><td part="building" data-label=${t('colBuilding')}>${r.buildingText}</td>
          <td part="captain" data-label=${t('colCaptain')}>${r.name}</td><td class="phone" data-label=${t('colPhone')}>${r.phone}</td>
          <td part="result" data-label=${t('colResult')}>${r.issues.length === 0 ? actionText(r) : html`<ul>${r.issues.map((x) => html`<li>${x.message}</li>`)}</ul>`}</td>
        </tr>`)}</tbody>
      </table></div>
      ${p.errorCount > 0 ? html`<p class="error">${t('previewBlocked')}</p>` : p.records.length === 0 ? html`<p class="hint">${t('previewNothing')}</p>` : nothing}`}
    ${unsent ? unsentNote(v.locale) : nothing}
    <div class="buttons">
      <button type="button" @click=${() => { v.on.cancelPreview(); }}>${t('cancel')}</button>
      ${p.errorCount === 0 && p.records.length > 0 ? html`<button type="button" class="primary" ?disabled=${v.working}
        @click=${() => { v.on.confirmImport(); }}>${unsent ? queuedText('retry', v.locale) : t('confirmImport', { n: p.records.length })}</button>` : nothing}
    </div>
  </section>`;
}
