import type { Messages } from '../i18n.js';

/** The texts of `<fg-checklist>`, zh-CN first. */
export const MESSAGES = {
  pass: { 'zh-CN': '合格', en: 'Pass' },
  fail: { 'zh-CN': '不合格', en: 'Fail' },
  na: { 'zh-CN': '不适用', en: 'N/A' },
  unanswered: { 'zh-CN': '未检查', en: 'Not checked' },
  result: { 'zh-CN': '结果：', en: 'Result: ' },
  basis: { 'zh-CN': '依据：', en: 'Basis: ' },
  noteIs: { 'zh-CN': '情况说明：', en: 'Found: ' },
  unverified: { 'zh-CN': '（条款待核实）', en: ' (clause not verified)' },
  note: { 'zh-CN': '情况说明', en: 'What was found' },
  required: { 'zh-CN': '（必填）', en: ' (required)' },
  addPhoto: { 'zh-CN': '拍照或选择照片', en: 'Take or choose a photo' },
  uploading: { 'zh-CN': '正在上传照片…', en: 'Uploading the photo…' },
  removePhoto: { 'zh-CN': '删除照片', en: 'Remove photo' },
  photo: { 'zh-CN': '照片', en: 'Photo' },
  photos: { 'zh-CN': '照片', en: 'Photos' },
  needsAnswer: { 'zh-CN': '请选择检查结果', en: 'Choose a result' },
  needsPhoto: { 'zh-CN': '不合格项需要照片', en: 'A failed item needs a photo' },
  needsNote: { 'zh-CN': '不合格项需要情况说明', en: 'A failed item needs a note' },
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
  incomplete: { 'zh-CN': '还有 {n} 项未完成，已跳到第一项。', en: '{n} item(s) are not done yet; moved to the first.' },
  counts: { 'zh-CN': '已检查 {a}/{t} 项，不合格 {f} 项', en: '{a} of {t} checked, {f} failed' },
  hazardsMade: { 'zh-CN': '项不合格已生成隐患草稿', en: 'failed item(s) became hazard drafts' },
} satisfies Messages<string>;

/** A key of {@link MESSAGES}. */
export type MessageKey = keyof typeof MESSAGES;
