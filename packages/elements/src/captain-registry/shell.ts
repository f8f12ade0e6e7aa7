// The registry's first screen — its texts, the toolbar and the frame of the list — which paints
// before the view, the captain rules and the data have come (DESIGN §8: `registry.render1000.ms`).
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale, Place } from '@firegrid/core';
import { fill, type Messages } from '../i18n.js';
import { message } from '../styles.js';
import type { ExportFormat } from './io.js';
import type { WorkController } from './work.js';
import type { RegistryView } from './view.js';

/** The texts of the first screen: everything else comes with the view. */
export const SHELL = {
  title: { 'zh-CN': '消防安全楼长', en: 'Fire-safety floor captains' },
  publicTitle: { 'zh-CN': '消防安全楼长公示', en: 'Fire-safety floor captains' },
  search: { 'zh-CN': '搜索楼栋或楼长姓名', en: 'Search buildings or captains' },
  searching: { 'zh-CN': '正在搜索…', en: 'Searching…' },
  results: { 'zh-CN': '找到 {n} 栋', en: '{n} found' },
  loading: { 'zh-CN': '正在加载楼栋和楼长…', en: 'Loading buildings and captains…' },
  noClient: { 'zh-CN': '没有找到 Firegrid 客户端：请把元素放在 <fg-provider> 内，或设置它的 client 属性。', en: 'No Firegrid client: put the element inside <fg-provider> or set its client property.' },
  list: { 'zh-CN': '高层住宅楼栋及楼长', en: 'High-rise residential buildings and their captains' },
  exportCsv: { 'zh-CN': '导出 CSV', en: 'Export CSV' },
  exportXlsx: { 'zh-CN': '导出 Excel', en: 'Export Excel' },
  importFile: { 'zh-CN': '导入 CSV / Excel', en: 'Import CSV / Excel' },
  undo: { 'zh-CN': '撤销', en: 'Undo' },
} as const satisfies Messages<string>;
/** A key of {@link SHELL}. */
export type ShellKey = keyof typeof SHELL;

/** A text of the first screen in `locale`. */
export const shellText = (key: ShellKey, locale: Locale, values?: Record<string, string | number>): string => fill(SHELL[key][locale], values);

/** What the import button accepts. */
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the toolbar does. */
export interface ToolbarOptions {
  locale: Locale;
  manage: boolean;
  /** Data or view still coming: the tools wait. */
  waiting: boolean;
  working: boolean;
  q: string;
  search: (e: Event) => void;
  exportAs: (format: ExportFormat) => void;
  /** A file was chosen for import. */
  file: (file: File) => void;
}

/** Search, and in manage mode export and import. */
export function renderToolbar(o: ToolbarOptions): TemplateResult {
  const t = (key: ShellKey): string => shellText(key, o.locale);
  return html`<div class="tools" part="toolbar">
    <div class="field search">
      <label for="search">${t('search')}</label>
      <input id="search" type="search" autocomplete="off" .value=${o.q} @input=${o.search} aria-describedby="search-status" ?disabled=${o.waiting}>
    </div>
    ${o.manage ? html`
      <button type="button" id="export-csv" @click=${() => { o.exportAs('csv'); }} ?disabled=${o.waiting}>${t('exportCsv')}</button>
      <button type="button" id="export-xlsx" @click=${() => { o.exportAs('xlsx'); }} ?disabled=${o.waiting}>${t('exportXlsx')}</button>
      <label class="file">${t('importFile')}<input type="file" id="import-file" accept=${ACCEPT} @change=${(e: Event) => {
        const input = e.target as HTMLInputElement;
        const file = input.files?.[0];
        // Cleared so that choosing the same file again (after fixing it) reads it again.
        input.value = '';
        if (file !== undefined) o.file(file);
      }} ?disabled=${o.waiting || o.working}></label>` : nothing}
  </div>`;
}

/** Renders a long list's rows as they scroll into view (the virtualizer's directive). */
export type Virtualize = (options: {
  items: Place[]; scroller: boolean; keyFunction: (b: Place) => string; renderItem: (b: Place, i: number) => TemplateResult;
}) => unknown;

/** Rows shown while the virtualizer of a long list loads: the first screen. */
const FIRST_SCREEN_ROWS = 24;

/**
 * The list of buildings: whole when short; virtualised when long, with its first screen shown
 * while the virtualizer loads. The two are different templates, so switching replaces the list.
 */
export function renderList(v: RegistryView, shown: Place[], long: boolean, virtualize: Virtualize | undefined,
  renderRow: (v: RegistryView, b: Place, i: number) => TemplateResult): TemplateResult {
  const label = shellText('list', v.locale);
  const hidden = shown.length === 0;
  return virtualize === undefined
    ? html`<div class="list whole" part="list" role="list" aria-label=${label} ?hidden=${hidden} tabindex="0">${
      (long ? shown.slice(0, FIRST_SCREEN_ROWS) : shown).map((b, i) => renderRow(v, b, i))}</div>`
    : html`<div class="list" part="list" role="list" aria-label=${label} ?hidden=${hidden} tabindex="0">${virtualize({
      items: shown,
      scroller: true,
      keyFunction: (b: Place) => b.id,
      renderItem: (b: Place, i: number) => renderRow(v, b, i),
    })}</div>`;
}

/**
 * What was done, in the notice that takes focus; after an ended term, with 撤销 beside it. A write
 * queued on the device has its note before it (待发送（n）, 已发送, 服务器未接受), until the next write.
 */
export function renderNotice(work: WorkController, locale: Locale): TemplateResult {
  const undo = work.undo;
  return html`${work.syncNote?.() ?? nothing}${message(work.noticeTone, work.notice === '' ? '' : html`${work.notice}${undo === undefined ? nothing
    : html` <button type="button" id="undo" ?disabled=${work.working} @click=${() => { void work.undoEnd(undo); }}>${shellText('undo', locale)}</button>`}`,
  { id: 'notice', focusable: true })}`;
}
