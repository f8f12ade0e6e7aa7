/**
 * Messages of the offline layer, in both locales. Each says what happened and what a person can
 * do about it.
 * @module
 */

/** What an IndexedDB operation was, for `storageError`. */
export const WHAT = {
  saveDraft: (kind: string, id: string) => ({ 'zh-CN': `保存 ${kind} 草稿 ${id}`, en: `Saving the ${kind} draft ${id}` }),
  readDrafts: { 'zh-CN': '读取草稿', en: 'Reading drafts' },
  removeDraft: (kind: string, id: string) => ({ 'zh-CN': `删除 ${kind} 草稿 ${id}`, en: `Removing the ${kind} draft ${id}` }),
  queue: (what: string) => ({ 'zh-CN': `把 ${what} 放入待发送队列`, en: `Queueing ${what} for sending` }),
  photo: { 'zh-CN': '在设备上保存照片', en: 'Keeping the photo on this device' },
  outbox: { 'zh-CN': '更新待发送队列', en: 'Updating the outbox' },
  cache: { 'zh-CN': '读取离线缓存', en: 'Reading the offline cache' },
  purge: { 'zh-CN': '清除本设备上的数据', en: 'Wiping the data on this device' },
} as const;

/** Messages of the offline backend. */
export const TEXT = {
  'zh-CN': {
    draftLocked: (kind: string, id: string) => `${kind} 草稿 ${id} 正在另一个标签页中编辑；请在那个标签页中继续，或先关闭它`,
    noEntry: (id: string) => `待发送队列中没有条目 ${id}（可能已发送或已被处理）`,
    notConflict: (id: string) => `条目 ${id} 不处于冲突状态，无需解决`,
    notEditable: (id: string, state: string) => `条目 ${id} 处于 ${state} 状态；只有被拒绝或冲突的记录可以取回编辑`,
    commandNotEditable: (id: string) => `条目 ${id} 是一条命令而非记录，不能编辑；可以重试或放弃`,
    photoGone: (id: string) => `这条记录引用的照片 ${id} 已不在本设备上；请重新拍摄后再提交`,
    photoMissing: (id: string) => `照片 ${id} 不在本设备上`,
    incomplete: (id: string) => `待发送条目 ${id} 不完整，无法发送（可能由其他版本写入）；请放弃它`,
  },
  en: {
    draftLocked: (kind: string, id: string) => `The ${kind} draft ${id} is being edited in another tab; continue there, or close that tab first`,
    noEntry: (id: string) => `There is no outbox entry ${id} (it may have been sent or dealt with already)`,
    notConflict: (id: string) => `The outbox entry ${id} is not in conflict; there is nothing to resolve`,
    notEditable: (id: string, state: string) => `The outbox entry ${id} is ${state}; only rejected or conflicted records can be taken back for editing`,
    commandNotEditable: (id: string) => `The outbox entry ${id} is a command, not a record, and cannot be edited; retry or discard it`,
    photoGone: (id: string) => `The photo ${id} this record refers to is no longer on this device; take it again, then submit`,
    photoMissing: (id: string) => `The photo ${id} is not on this device`,
    incomplete: (id: string) => `The outbox entry ${id} is incomplete and cannot be sent (another version may have written it); discard it`,
  },
} as const;
