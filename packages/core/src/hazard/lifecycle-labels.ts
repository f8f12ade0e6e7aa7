/**
 * The hazard lifecycle's words in both locales: the action and history labels a ledger shows, the
 * labels of the input paths a refusal names, and {@link lifecycleText}, the helpers one message
 * is written with — built per call from the caller's locale, so one lifecycle speaks every language.
 * @module
 */
import { HAZARD_STATUS_LABELS } from '../names.js';
import type { HazardAction, HazardStatus, HistoryAction, Locale } from '../names.js';
import type { HazardHistoryEntry } from '../schema/hazard.js';
import { ROLE_LABELS, inSentence } from '../labels.js';
import type { Labels } from '../labels.js';

/** zh-CN and English labels of the hazard actions, for buttons and messages. */
export const HAZARD_ACTION_LABELS: Readonly<Record<HazardAction, Labels>> = {
  submit: { 'zh-CN': '上报', en: 'Submit' },
  verify: { 'zh-CN': '核实', en: 'Verify' },
  reject: { 'zh-CN': '驳回', en: 'Reject' },
  assign: { 'zh-CN': '交办', en: 'Assign' },
  start: { 'zh-CN': '开始整改', en: 'Start rectification' },
  'report-rectified': { 'zh-CN': '整改完成，申请复查', en: 'Report rectified, ask for review' },
  'review-pass': { 'zh-CN': '复查通过', en: 'Pass review' },
  'review-fail': { 'zh-CN': '复查不通过', en: 'Fail review' },
  'fix-on-spot': { 'zh-CN': '当场整改', en: 'Fix on the spot' },
  reopen: { 'zh-CN': '复核不合格', en: 'Reopen (re-check failed)' },
  'extend-deadline': { 'zh-CN': '调整整改时限', en: 'Change the deadline' },
  'flag-major': { 'zh-CN': '标记疑似重大火灾隐患', en: 'Flag as major candidate' },
  'confirm-major': { 'zh-CN': '集体讨论判定', en: 'Confirm major hazard (collective determination)' },
  'dismiss-major': { 'zh-CN': '排除重大火灾隐患', en: 'Dismiss major candidate' },
  supervise: { 'zh-CN': '挂牌督办', en: 'List for supervision' },
  lift: { 'zh-CN': '摘牌销案', en: 'Lift supervision' },
  accept: { 'zh-CN': '签收', en: 'Accept' },
  return: { 'zh-CN': '退回', en: 'Return (mis-dispatched)' },
  'request-extension': { 'zh-CN': '申请延期', en: 'Request extension' },
  'approve-extension': { 'zh-CN': '同意延期', en: 'Approve extension' },
  'refuse-extension': { 'zh-CN': '不同意延期', en: 'Refuse extension' },
  transfer: { 'zh-CN': '转办', en: 'Transfer to department' },
  'answer-transfer': { 'zh-CN': '部门反馈', en: "Record department's answer" },
  escalate: { 'zh-CN': '上报上级', en: 'Escalate' },
  'answer-resident': { 'zh-CN': '答复举报人', en: 'Answer the resident' },
  'record-reward': { 'zh-CN': '举报奖励', en: 'Record the reward' },
};

/**
 * zh-CN and English labels of what a history entry records: the hazard actions, and `edit` (a save
 * that changed the hazard's content).
 */
export const HISTORY_ACTION_LABELS: Readonly<Record<HistoryAction, Labels>> = {
  ...HAZARD_ACTION_LABELS,
  edit: { 'zh-CN': '修改', en: 'Edited' },
};

/**
 * What a history entry did, for a list: the action's label, and for an `edit` the fields it
 * changed.
 * @example historyActionText({ action: 'edit', fields: ['description', 'title'] }, 'zh-CN'); // '修改（description、title）'
 */
export function historyActionText(entry: Pick<HazardHistoryEntry, 'action' | 'fields'>, locale: Locale): string {
  const label = HISTORY_ACTION_LABELS[entry.action][locale];
  const fields = entry.fields ?? [];
  if (fields.length === 0) return label;
  return locale === 'zh-CN' ? `${label}（${fields.join('、')}）` : `${label} (${fields.join(', ')})`;
}

const PATH_LABELS: Readonly<Record<string, Labels>> = {
  action: { 'zh-CN': '操作', en: 'action' },
  reason: { 'zh-CN': '理由', en: 'reason' },
  note: { 'zh-CN': '说明', en: 'note' },
  deadline: { 'zh-CN': '整改时限', en: 'deadline' },
  'responsible.unit': { 'zh-CN': '责任单位', en: 'responsible unit' },
  'responsible.person': { 'zh-CN': '责任人', en: 'responsible person' },
  'responsible.phone': { 'zh-CN': '联系电话', en: 'responsible phone' },
  measures: { 'zh-CN': '整改措施', en: 'measures' },
  evidence: { 'zh-CN': '照片', en: 'evidence photos' },
  before: { 'zh-CN': '整改前照片', en: 'photos before the fix' },
  'supervision.level': { 'zh-CN': '督办级别', en: 'supervision level' },
  'supervision.deadline': { 'zh-CN': '督办期限', en: 'supervision deadline' },
  'supervision.authority': { 'zh-CN': '挂牌督办机关', en: 'listing authority' },
  majorRuleSet: { 'zh-CN': '判定依据版本', en: 'GB 35181 edition' },
  department: { 'zh-CN': '转办部门', en: 'department' },
  documentNumber: { 'zh-CN': '文号', en: 'document number' },
  'responsible.personId': { 'zh-CN': '承办人账号', en: 'assignee user id' },
  reward: { 'zh-CN': '举报奖励', en: 'reward' },
  'reward.due': { 'zh-CN': '是否给予奖励', en: 'reward due' },
  'reward.amount': { 'zh-CN': '奖励金额', en: 'reward amount' },
  'reward.paidAt': { 'zh-CN': '发放日期', en: 'reward paid on' },
};

const AFTER_LABEL: Labels = { 'zh-CN': '整改后照片', en: 'photos after the fix' };

/** The helpers a refusal message is written with, in one locale. */
export interface LifecycleText {
  readonly locale: Locale;
  /** Whether the message is Chinese (zh-CN). */
  readonly zh: boolean;
  /** Items joined as the locale lists them (`、` or `, `). */
  readonly list: (items: readonly string[]) => string;
  /** The label of an input path (`responsible.unit` → 责任单位); on `fix-on-spot`, `evidence` reads as the photos after the fix. */
  readonly pathLabel: (path: string, action?: HazardAction) => string;
  readonly statusLabel: (status: HazardStatus) => string;
  readonly actionLabel: (action: HazardAction) => string;
  /** A role's label as it reads in a sentence; a host role the table does not know, as it came. */
  readonly roleLabel: (role: string) => string;
}

/**
 * The message helpers of one locale.
 * @example lifecycleText('en').list(['reason', 'note']);   // 'reason, note'
 */
export function lifecycleText(locale: Locale): LifecycleText {
  const zh = locale === 'zh-CN';
  return {
    locale,
    zh,
    list: (items) => items.join(zh ? '、' : ', '),
    pathLabel: (p, action) => {
      const base = p.replace(/\[\d+\]$/, '');
      // On an on-the-spot fix the evidence is the photo of the result, beside the one before.
      const label = (action === 'fix-on-spot' && base === 'evidence' ? AFTER_LABEL : PATH_LABELS[base])?.[locale];
      return label === undefined ? p : base === p ? label : `${label} ${p.slice(base.length)}`;
    },
    statusLabel: (s) => HAZARD_STATUS_LABELS[s][locale],
    actionLabel: (a) => HAZARD_ACTION_LABELS[a][locale],
    roleLabel: (x) => {
      const labels = (ROLE_LABELS as Readonly<Record<string, Labels | undefined>>)[x];
      return labels === undefined ? x : inSentence(labels, locale);
    },
  };
}
