import type { Locale } from '@firegrid/core';
import type { Messages } from '../i18n.js';

/** The registry's texts; `{name}` marks a value filled in by {@link fmt}. */
export const MESSAGES = {
  coverage: { 'zh-CN': '楼长落实率', en: 'Captain coverage' },
  coverageOf: { 'zh-CN': '{covered} / {total} 栋高层住宅已明确楼长并公示', en: '{covered} of {total} high-rise residential buildings have a captain with the notice posted' },
  noBuildings: { 'zh-CN': '没有需要配备楼长的高层住宅', en: 'No high-rise residential buildings here' },
  countVacant: { 'zh-CN': '未配备楼长 {n} 栋', en: 'No captain: {n}' },
  countUnposted: { 'zh-CN': '未公示 {n} 栋', en: 'Notice not posted: {n}' },
  byGrid: { 'zh-CN': '按网格查看落实率', en: 'Coverage by grid' },
  byCommunity: { 'zh-CN': '按社区查看落实率', en: 'Coverage by community' },
  colUnit: { 'zh-CN': '单位', en: 'Unit' },
  colBuildings: { 'zh-CN': '高层住宅', en: 'Buildings' },
  colCovered: { 'zh-CN': '已落实', en: 'Covered' },
  colRate: { 'zh-CN': '落实率', en: 'Rate' },
  empty: { 'zh-CN': '没有符合条件的楼栋', en: 'No buildings match' },
  households: { 'zh-CN': '{n} 户', en: '{n} households' },
  noCaptain: { 'zh-CN': '尚未明确楼长', en: 'No captain yet' },
  since: { 'zh-CN': '{from} 起任', en: 'since {from}' },
  committed: { 'zh-CN': '已签承诺书（{method}，{day}）', en: 'Commitment signed ({method}, {day})' },
  notCommitted: { 'zh-CN': '未签承诺书', en: 'No signed commitment' },
  posted: { 'zh-CN': '{day} 已公示', en: 'Notice posted {day}' },
  register: { 'zh-CN': '登记楼长', en: 'Register captain' },
  edit: { 'zh-CN': '编辑', en: 'Edit' },
  replace: { 'zh-CN': '更换楼长', en: 'Replace' },
  end: { 'zh-CN': '结束任期', en: 'End term' },
  markPosted: { 'zh-CN': '标记已公示', en: 'Mark notice posted' },
  file: { 'zh-CN': '档案', en: 'File' },
  reading: { 'zh-CN': '正在读取文件…', en: 'Reading the file…' },
  badFile: { 'zh-CN': '无法读取文件"{name}"：{reason}', en: 'Could not read "{name}": {reason}' },
  fileName: { 'zh-CN': '消防安全楼长', en: 'floor-captains' },
  previewTitle: { 'zh-CN': '导入预览：{name}', en: 'Import preview: {name}' },
  previewSummary: { 'zh-CN': '共 {rows} 行：新登记 {create}，更换 {replace}，更新 {update}，无变化 {unchanged}；有错误 {errors} 行', en: '{rows} rows: {create} new, {replace} replacements, {update} updates, {unchanged} unchanged; {errors} with errors' },
  previewRows: { 'zh-CN': '逐行检查结果', en: 'Row by row' },
  previewSkipped: { 'zh-CN': '另有 {n} 行没有楼长，已跳过', en: '{n} rows name no captain and were skipped' },
  previewBlocked: { 'zh-CN': '请先在文件中改正有错误的行，再重新选择文件：导入要么全部成功，要么一行都不导入。', en: 'Fix the rows with errors in the file and choose it again: an import stores every row or none.' },
  previewNothing: { 'zh-CN': '文件中没有需要导入的变化。', en: 'Nothing in the file needs importing.' },
  colLine: { 'zh-CN': '行', en: 'Row' },
  colBuilding: { 'zh-CN': '楼栋', en: 'Building' },
  colCaptain: { 'zh-CN': '楼长', en: 'Captain' },
  colPhone: { 'zh-CN': '电话', en: 'Phone' },
  colResult: { 'zh-CN': '结果', en: 'Result' },
  actionCreate: { 'zh-CN': '新登记', en: 'New' },
  actionReplace: { 'zh-CN': '更换（原楼长{name}离任）', en: 'Replaces {name}' },
  actionUpdate: { 'zh-CN': '更新', en: 'Update' },
  actionUnchanged: { 'zh-CN': '无变化', en: 'Unchanged' },
  confirmImport: { 'zh-CN': '确认导入 {n} 条记录', en: 'Import {n} records' },
  cancel: { 'zh-CN': '取消', en: 'Cancel' },
  imported: { 'zh-CN': '已导入 {n} 条记录', en: '{n} records imported' },
  saved: { 'zh-CN': '已保存：{name}', en: 'Saved: {name}' },
  endedMsg: { 'zh-CN': '{name}的任期已结束', en: "{name}'s term has ended" },
  dialogRegister: { 'zh-CN': '登记楼长：{building}', en: 'Register the captain of {building}' },
  dialogEdit: { 'zh-CN': '编辑楼长：{building}', en: 'Edit the captain of {building}' },
  dialogReplace: { 'zh-CN': '更换楼长：{building}', en: 'Replace the captain of {building}' },
  dialogEnd: { 'zh-CN': '结束任期：{building}', en: 'End the term at {building}' },
  dialogFile: { 'zh-CN': '楼长档案：{building}', en: 'Captains of {building}' },
  replacing: { 'zh-CN': '现任楼长{name}的任期将在新楼长上任当天结束，档案保留。', en: "{name}'s term ends the day the new captain begins; the file keeps it." },
  fieldName: { 'zh-CN': '楼长姓名', en: "Captain's name" },
  fieldPhone: { 'zh-CN': '联系电话', en: 'Phone' },
  phoneHint: { 'zh-CN': '手机或带区号的座机，将在公示牌上公布', en: 'Mobile, or landline with area code; shown on the notice' },
  fieldFrom: { 'zh-CN': '任期开始日期', en: 'Term begins' },
  fieldEnd: { 'zh-CN': '离任日期', en: 'Leaves office on' },
  endHint: { 'zh-CN': '从这一天起不再担任楼长；档案保留。', en: 'From this day on he is no longer captain; the file keeps the term.' },
  duties: { 'zh-CN': '楼长职责', en: 'Duties' },
  extraDuties: { 'zh-CN': '其他职责（每行一条）', en: 'Other duties (one per line)' },
  commitment: { 'zh-CN': '履职承诺书', en: 'Signed commitment' },
  commitNone: { 'zh-CN': '尚未签署', en: 'Not signed yet' },
  commitPaper: { 'zh-CN': '纸质', en: 'Paper' },
  commitElectronic: { 'zh-CN': '电子', en: 'Electronic' },
  signedOn: { 'zh-CN': '签署日期', en: 'Signed on' },
  postedCheck: { 'zh-CN': '公示牌已在楼内显著位置张贴', en: 'The notice is posted in a prominent place' },
  postedOn: { 'zh-CN': '张贴日期', en: 'Posted on' },
  save: { 'zh-CN': '保存', en: 'Save' },
  confirmEnd: { 'zh-CN': '结束任期', en: 'End term' },
  close: { 'zh-CN': '关闭', en: 'Close' },
  saving: { 'zh-CN': '正在保存…', en: 'Saving…' },
  needName: { 'zh-CN': '请填写楼长姓名', en: "Enter the captain's name" },
  needDuty: { 'zh-CN': '请至少选择一项职责', en: 'Choose at least one duty' },
  needDay: { 'zh-CN': '请选择日期', en: 'Choose a day' },
  fromAfter: { 'zh-CN': '应晚于现任楼长的上任日期 {day}', en: "Must be after the current captain's first day, {day}" },
  endAfter: { 'zh-CN': '应晚于上任日期 {day}', en: 'Must be after the first day, {day}' },
  overBuildings: { 'zh-CN': '{name}已负责 {n} 栋楼，再登记将超过每人 {max} 栋的上限', en: '{name} already has {n} buildings; another would pass the limit of {max}' },
  overHouseholds: { 'zh-CN': '{name}将负责 {n} 户，超过每人 {max} 户的上限', en: '{name} would have {n} households, over the limit of {max}' },
  termRange: { 'zh-CN': '{from} 至 {to}', en: '{from} to {to}' },
  present: { 'zh-CN': '今', en: 'now' },
  notPosted: { 'zh-CN': '未公示', en: 'Notice not posted' },
} as const satisfies Messages<string>;

/** A key of {@link MESSAGES}. */
export type MessageKey = keyof typeof MESSAGES;

/**
 * The text of `key` in `locale` with `{name}` placeholders filled in.
 * @example
 * fmt('households', 'zh-CN', { n: 144 }); // '144 户'
 */
export function fmt(key: MessageKey, locale: Locale, values: Readonly<Record<string, string | number>> = {}): string {
  return MESSAGES[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = values[name];
    return v === undefined ? whole : String(v);
  });
}
