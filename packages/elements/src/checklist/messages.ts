import type { Messages } from '../i18n.js';

/**
 * The texts of `<fg-checklist>` before its items are shown, zh-CN first. The items' own texts come
 * lazily with them (`ITEM_MESSAGES` in ./render.ts).
 */
export const MESSAGES = {
  passAll: { 'zh-CN': '全部合格', en: 'All pass' },
  passedN: { 'zh-CN': '已将 {n} 项记为合格，可逐项修改。', en: '{n} item(s) marked as passed; change any of them below.' },
  progress: { 'zh-CN': '检查进度', en: 'Progress' },
  submit: { 'zh-CN': '提交检查', en: 'Submit inspection' },
  submitting: { 'zh-CN': '正在提交…', en: 'Submitting…' },
  submitted: { 'zh-CN': '已提交，不能再修改', en: 'Submitted; it can no longer change' },
  saving: { 'zh-CN': '正在保存草稿…', en: 'Saving the draft…' },
  saved: { 'zh-CN': '草稿已保存，尚未提交', en: 'Draft saved, not yet submitted' },
  offline: { 'zh-CN': '离线：草稿保存在本机，联网后再提交', en: 'Offline: the draft stays on this device; submit when back online' },
  loading: { 'zh-CN': '正在加载检查表…', en: 'Loading the checklist…' },
  noClient: { 'zh-CN': '没有找到 Firegrid 客户端：请把本元素放在 <fg-provider> 内，或设置它的 client 属性。', en: 'No Firegrid client: put this element inside <fg-provider> or set its client property.' },
  choose: { 'zh-CN': '选择检查表', en: 'Choose a checklist' },
  photoFailed: { 'zh-CN': '照片未能保存，检查结果已保留：', en: 'The photo could not be saved; the answer is kept: ' },
  saveFailed: { 'zh-CN': '草稿未能保存：', en: 'The draft could not be saved: ' },
  submitFailed: { 'zh-CN': '未能提交，草稿已保留：', en: 'Not submitted; the draft is kept: ' },
  incomplete: { 'zh-CN': '还有 {n} 项未完成，请补全标红的项。', en: '{n} item(s) are not done yet; complete the ones marked red.' },
  allDone: { 'zh-CN': '全部完成，可以提交。', en: 'All done; you can submit.' },
  unsent: { 'zh-CN': '未发送，网络恢复后重试。检查结果已保留在本页。', en: 'Not sent; try again when the network is back. Your answers are kept on this page.' },
  retry: { 'zh-CN': '重试', en: 'Try again' },
  counts: { 'zh-CN': '已检查 {a}/{t} 项，不合格 {f} 项', en: '{a} of {t} checked, {f} failed' },
} satisfies Messages<string>;

/** A key of {@link MESSAGES}. */
export type MessageKey = keyof typeof MESSAGES;
