import type { Locale } from '@firegrid/core';
import type { Messages } from '../i18n.js';
import { fill } from '../i18n.js';

/** Texts of `<fg-hazard-ledger>` and its detail, zh-CN first. */
export const MESSAGES = {
  title: { 'zh-CN': '隐患台账', en: 'Hazard ledger' },
  lists: { 'zh-CN': '清单', en: 'List' },
  filters: { 'zh-CN': '筛选', en: 'Filters' },
  search: { 'zh-CN': '搜索（标题、描述、地址、受理编号）', en: 'Search (title, description, address, reference number)' },
  status: { 'zh-CN': '状态', en: 'Status' },
  statusAll: { 'zh-CN': '全部', en: 'All' },
  statusOpen: { 'zh-CN': '未办结', en: 'Open' },
  grid: { 'zh-CN': '网格编码', en: 'Grid code' },
  category: { 'zh-CN': '类别', en: 'Category' },
  severity: { 'zh-CN': '等级', en: 'Severity' },
  any: { 'zh-CN': '不限', en: 'Any' },
  overdueOnly: { 'zh-CN': '只看已超期', en: 'Overdue only' },
  apply: { 'zh-CN': '查询', en: 'Search' },
  reset: { 'zh-CN': '重置', en: 'Reset' },
  flags: { 'zh-CN': '标记', en: 'Flags' },
  overdue: { 'zh-CN': '已超期', en: 'Overdue' },
  dueSoon: { 'zh-CN': '即将到期', en: 'Due soon' },
  supervised: { 'zh-CN': '挂牌督办', en: 'Supervised' },
  loading: { 'zh-CN': '正在加载…', en: 'Loading…' },
  empty: { 'zh-CN': '没有符合条件的隐患', en: 'No hazards match' },
  total: { 'zh-CN': '共 {n} 条', en: '{n} in all' },
  pageOf: { 'zh-CN': '第 {page} / {pages} 页', en: 'Page {page} of {pages}' },
  page: { 'zh-CN': '第 {page} 页', en: 'Page {page}' },
  deadline: { 'zh-CN': '期限 {d}', en: 'Due {d}' },
  confidential: { 'zh-CN': '（保密）', en: ' (confidential)' },
  revealPhone: { 'zh-CN': '（点按显示完整号码）', en: ' (tap to show the full number)' },
  pages: { 'zh-CN': '分页', en: 'Pages' },
  prev: { 'zh-CN': '上一页', en: 'Previous page' },
  next: { 'zh-CN': '下一页', en: 'Next page' },
  scrollTable: { 'zh-CN': '{title}（可左右滚动）', en: '{title} (scrolls sideways)' },
  export: { 'zh-CN': '导出', en: 'Export' },
  exportCsv: { 'zh-CN': '导出{list} CSV', en: 'Export {list} as CSV' },
  exportXlsx: { 'zh-CN': '导出两个清单 Excel', en: 'Export both lists as Excel' },
  exporting: { 'zh-CN': '正在导出…', en: 'Exporting…' },
  exported: { 'zh-CN': '已导出 {n} 条：{file}', en: 'Exported {n} rows: {file}' },
} satisfies Messages<string>;

/** A key of {@link MESSAGES}. */
export type MessageKey = keyof typeof MESSAGES;

/** Replaces `{name}` placeholders. */
export function t(key: MessageKey, locale: Locale, vars: Record<string, string | number> = {}): string {
  return fill(MESSAGES[key][locale], vars);
}
