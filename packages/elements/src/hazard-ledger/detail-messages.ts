import type { HazardAction, Locale } from '@firegrid/core';
import type { Messages } from '../i18n.js';
import { fill } from '../i18n.js';

/** Texts of the ledger's detail and transition form, zh-CN first (loaded with them, on demand). */
export const DETAIL_MESSAGES = {
  category: { 'zh-CN': '类别', en: 'Category' },
  place: { 'zh-CN': '单位(场所)', en: 'Unit (place)' },
  address: { 'zh-CN': '地址', en: 'Address' },
  location: { 'zh-CN': '位置', en: 'Location' },
  foundAt: { 'zh-CN': '发现时间', en: 'Found at' },
  finder: { 'zh-CN': '发现人', en: 'Found by' },
  reference: { 'zh-CN': '受理编号', en: 'Reference number' },
  description: { 'zh-CN': '问题描述', en: 'Description' },
  deadline: { 'zh-CN': '整改时限', en: 'Deadline' },
  responsible: { 'zh-CN': '责任单位 / 责任人', en: 'Responsible unit / person' },
  measures: { 'zh-CN': '整改措施', en: 'Measures' },
  supervision: { 'zh-CN': '挂牌督办', en: 'Supervision' },
  supervisionText: { 'zh-CN': '{level}，{at} 挂牌{deadline}', en: '{level}, listed {at}{deadline}' },
  supervisionRequested: { 'zh-CN': '{level}，{at} 报请挂牌（待{authority}挂牌）{deadline}', en: '{level}, requested {at} (awaiting listing by {authority}){deadline}' },
  supervisionLifted: { 'zh-CN': '{level}，{at} 挂牌，{lifted} 摘牌销案', en: '{level}, listed {at}, lifted {lifted}' },
  supervisionAuthority: { 'zh-CN': '挂牌督办机关', en: 'Listing authority' },
  review: { 'zh-CN': '复查', en: 'Review' },
  awaitingLift: { 'zh-CN': '复查已通过，待挂牌督办机关摘牌销案', en: 'Review passed; awaiting the lift by the listing authority' },
  supervisionDeadline: { 'zh-CN': '，督办期限 {d}', en: ', due {d}' },
  photos: { 'zh-CN': '照片', en: 'Photos' },
  photoAlt: { 'zh-CN': '隐患照片 {n}', en: 'Hazard photo {n}' },
  history: { 'zh-CN': '办理记录', en: 'History' },
  historyEmpty: { 'zh-CN': '暂无办理记录', en: 'No transitions yet' },
  historyEntry: { 'zh-CN': '{at} {by}：{action}（{from} → {to}）', en: '{at} {by}: {action} ({from} → {to})' },
  historyEdit: { 'zh-CN': '{at} {by}：{action}', en: '{at} {by}: {action}' },
  evidenceCount: { 'zh-CN': '附照片 {n} 张', en: '{n} photo(s) attached' },
  beforeCount: { 'zh-CN': '附整改前照片 {n} 张', en: '{n} photo(s) before the fix' },
  actions: { 'zh-CN': '可办理的操作', en: 'Actions' },
  noActions: { 'zh-CN': '您的角色在当前状态下没有可办理的操作', en: 'Your roles allow no action in this status' },
  suggestTitle: { 'zh-CN': '疑似重大火灾隐患提示', en: 'Possible major fire hazard' },
  suggest: { 'zh-CN': '按 {doc}，本场所已有的隐患涉及以下判定要素，建议标记为疑似重大火灾隐患：', en: 'Under {doc}, the hazards of this place involve these elements; consider flagging a major candidate:' },
  suggestThreshold: { 'zh-CN': '已达到：{text}', en: 'Met: {text}' },
  suggestUnverified: { 'zh-CN': '（未核实）', en: ' (unverified)' },
  suggestIncomplete: { 'zh-CN': '注意：内置的 {doc} 判定要素不完整，请以标准原文为准。', en: 'Note: the built-in {doc} rule set is incomplete; check the standard itself.' },
  suggestPeople: { 'zh-CN': '是否构成重大火灾隐患，须由消防救援机构组织集体讨论判定，系统只作提示。', en: 'Whether it is a major hazard is decided by people in a collective determination; the app only suggests.' },
  superseded: { 'zh-CN': '（已废止，按发现日期适用）', en: ' (superseded; applies by the discovery date)' },
  confirm: { 'zh-CN': '确认{action}', en: 'Confirm: {action}' },
  cancel: { 'zh-CN': '取消', en: 'Cancel' },
  sending: { 'zh-CN': '正在提交…', en: 'Sending…' },
  vetoed: { 'zh-CN': '宿主应用未允许此操作', en: 'The host app did not allow this action' },
  done: { 'zh-CN': '已{action}', en: 'Done: {action}' },
  fReason: { 'zh-CN': '理由', en: 'Reason' },
  fNote: { 'zh-CN': '说明', en: 'Note' },
  fNoteOptional: { 'zh-CN': '备注（选填）', en: 'Note (optional)' },
  fNoteConfirm: { 'zh-CN': '集体研判意见（时间、参加人员、结论）', en: 'Collective determination (when, who took part, conclusion)' },
  fNoteReview: { 'zh-CN': '复查意见', en: 'Review findings' },
  fNoteRectified: { 'zh-CN': '整改情况说明', en: 'What was done' },
  fNoteFlag: { 'zh-CN': '标记理由（涉及的判定要素）', en: 'Why (the elements involved)' },
  fUnit: { 'zh-CN': '责任单位', en: 'Responsible unit' },
  fPerson: { 'zh-CN': '责任人', en: 'Responsible person' },
  fPhone: { 'zh-CN': '联系电话（选填）', en: 'Phone (optional)' },
  fDeadline: { 'zh-CN': '整改时限', en: 'Deadline' },
  fMeasures: { 'zh-CN': '整改措施', en: 'Measures' },
  fEvidence: { 'zh-CN': '整改后照片', en: 'Photos after rectification' },
  fBefore: { 'zh-CN': '整改前照片', en: 'Photos before the fix' },
  fNoteReopen: { 'zh-CN': '复核意见（不合格情况）', en: 'Re-check findings (what failed)' },
  fAddEvidence: { 'zh-CN': '添加照片', en: 'Add photo' },
  fLevel: { 'zh-CN': '督办级别', en: 'Supervision level' },
  fSupervisionDeadline: { 'zh-CN': '督办期限', en: 'Supervision deadline' },
  fAuthority: { 'zh-CN': '挂牌督办机关（如某区人民政府安委办）', en: 'Listing authority (e.g. the district safety committee office)' },
  fNoteLift: { 'zh-CN': '摘牌销案意见', en: 'Lift: findings' },
  required: { 'zh-CN': '请填写{field}', en: 'Fill in {field}' },
  fix: { 'zh-CN': '请先修正标出的内容', en: 'Fix the marked fields first' },
  editionsTitle: { 'zh-CN': '判定依据', en: 'Standard applied' },
  editionsStraddle: {
    'zh-CN': '发现日期与判定日期跨越 2025-11-01（GB 35181-2025 施行），两版标准的提示均列出，请选择本次判定适用的版本：',
    en: 'Found and determined on either side of 2025-11-01 (GB 35181-2025 in force): both editions are shown; choose the one this determination applies:',
  },
  editionHits: { 'zh-CN': '涉及判定要素：', en: 'Elements involved:' },
  publicReply: { 'zh-CN': '答复举报人', en: 'Answer to the resident' },
  publicReplyText: { 'zh-CN': '{text}（{at}）', en: '{text} ({at})' },
  siteCheckDue: { 'zh-CN': '核查期限', en: 'Site check due' },
  answerDue: { 'zh-CN': '答复期限', en: 'Answer due' },
  clockDone: { 'zh-CN': '{due}（{done} 已完成）', en: '{due} (done {done})' },
  clockOverdue: { 'zh-CN': '{due}（已超期）', en: '{due} (overdue)' },
  reward: { 'zh-CN': '举报奖励', en: 'Reward' },
  rewardNone: { 'zh-CN': '不予奖励', en: 'No reward' },
  rewardDue: { 'zh-CN': '应予奖励{amount}{paid}', en: 'Reward due{amount}{paid}' },
  rewardAmount: { 'zh-CN': ' {n} 元', en: ': ¥{n}' },
  rewardPaid: { 'zh-CN': '，{d} 已发放', en: ', paid {d}' },
  rewardUnpaid: { 'zh-CN': '，未发放', en: ', not paid yet' },
  fRewardDue: { 'zh-CN': '是否给予奖励', en: 'Reward due?' },
  fRewardYes: { 'zh-CN': '给予奖励', en: 'Yes' },
  fRewardNo: { 'zh-CN': '不予奖励', en: 'No' },
  fRewardAmount: { 'zh-CN': '奖励金额（元，选填）', en: 'Amount in yuan (optional)' },
  fRewardPaidAt: { 'zh-CN': '发放日期（选填）', en: 'Paid on (optional)' },
  fNoteAnswer: { 'zh-CN': '答复内容（举报人可见）', en: 'The answer (the resident sees it)' },
  editionNone: { 'zh-CN': '本场所的隐患未涉及本版判定要素', en: 'No element of this edition is evidenced at this place' },
  fDepartment: { 'zh-CN': '转办部门', en: 'Department' },
  fDocumentNumber: { 'zh-CN': '文号（选填）', en: 'Document number (optional)' },
  fPersonId: { 'zh-CN': '承办人账号（选填，可签收、退回、申请延期）', en: 'Assignee user id (optional: may accept, return, ask for more time)' },
  fDeadlineAsked: { 'zh-CN': '申请延至', en: 'New deadline asked for' },
  fNoteDepartment: { 'zh-CN': '部门反馈意见', en: "The department's answer" },
  accepted: { 'zh-CN': '签收时间', en: 'Accepted at' },
  extension: { 'zh-CN': '延期申请', en: 'Extension' },
  pending: { 'zh-CN': '（待审核）', en: ' (pending)' },
  approved: { 'zh-CN': '（已同意）', en: ' (approved)' },
  refused: { 'zh-CN': '（未同意）', en: ' (refused)' },
  transferred: { 'zh-CN': '转办部门', en: 'Transferred to' },
  tier: { 'zh-CN': '已上报至', en: 'Escalated to' },
  'tier-grid': { 'zh-CN': '网格', en: 'Grid' },
  'tier-community': { 'zh-CN': '社区', en: 'Community' },
  'tier-township': { 'zh-CN': '街道/乡镇', en: 'Street / township' },
  'tier-county': { 'zh-CN': '区县', en: 'County' },
  extensionAsked: { 'zh-CN': '申请延期至 {d}，理由：{reason}', en: 'Extension asked to {d}; reason: {reason}' },
} satisfies Messages<string>;

/** A key of {@link DETAIL_MESSAGES}. */
export type DetailKey = keyof typeof DETAIL_MESSAGES;

/** Replaces `{name}` placeholders. */
export function dt(key: DetailKey, locale: Locale, vars: Record<string, string | number> = {}): string {
  return fill(DETAIL_MESSAGES[key][locale], vars);
}

/** The label of the note field for an action. */
export function noteLabel(action: HazardAction, required: boolean): DetailKey {
  switch (action) {
    case 'confirm-major': return 'fNoteConfirm';
    case 'review-pass':
    case 'review-fail': return 'fNoteReview';
    case 'report-rectified':
    case 'fix-on-spot': return 'fNoteRectified';
    case 'reopen': return 'fNoteReopen';
    case 'flag-major': return 'fNoteFlag';
    case 'lift': return 'fNoteLift';
    case 'answer-transfer': return 'fNoteDepartment';
    case 'answer-resident': return 'fNoteAnswer';
    default: return required ? 'fNote' : 'fNoteOptional';
  }
}
