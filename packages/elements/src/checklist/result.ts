/**
 * The result of a submit of `<fg-checklist>` (issue 17 items 2–3): an icon, a title such as
 * "已提交（不合格 2 项，2 条隐患待上报）", what happens next and the next actions; for a submit queued
 * by the offline client "待发送（n）" until the outbox has sent it, then 已发送. Loaded once the
 * checklist is shown (before any submit, so it is there offline), not with the first paint.
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FiregridClient, Locale } from '@firegrid/core';
import type { fill as Fill } from '../i18n.js';
import { message } from '../styles.js';
import { QUEUED_MESSAGES, RefusedWrite } from '../queued.js';

export { refusalText } from '../queued.js';

type OfflineControl = NonNullable<FiregridClient['offline']>;

/** What a submit did. */
export interface SubmitResult {
  /** Items answered 不合格. */
  failed: number;
  /** Hazard drafts the failed items became. */
  hazards: number;
  /** The outbox entry of a queued submit; undefined when the data port stored it at once. */
  entryId: string | undefined;
  /** Writes of this device still waiting to be sent, the submit's own included. */
  pending: number;
  /** A queued submit was sent since. */
  sent: boolean;
  /** Why the server refused a queued submit once it was sent; it stays in the outbox (`client.offline.status().failed`). */
  refused?: RefusedWrite | undefined;
}

const M = {
  done: { 'zh-CN': '已提交', en: 'Submitted' },
  kept: { 'zh-CN': '已保存在本机', en: 'Saved on this device' },
  allPassed: { 'zh-CN': '全部合格', en: 'all passed' },
  failed: { 'zh-CN': '不合格 {f} 项', en: '{f} failed' },
  hazards: { 'zh-CN': '{h} 条隐患待上报', en: '{h} hazard(s) to report' },
  pending: { 'zh-CN': '待发送（{n}）', en: 'Waiting to send ({n})' },
  sent: { 'zh-CN': '已发送', en: 'Sent' },
  nextStored: { 'zh-CN': '检查记录已保存到服务器，不能再修改。', en: 'The inspection is stored on the server; it can no longer change.' },
  nextQueued: { 'zh-CN': '联网后自动发送，不用再次提交；可以离开本页。', en: 'It is sent by itself when online; no need to submit again, you may leave this page.' },
  nextRefused: {
    'zh-CN': '检查记录没有丢失：它仍保存在本机的待处理列表中，可在那里修改后重新提交。',
    en: 'The inspection is not lost: it stays in this device\'s list of unsent writes, where it can be corrected and sent again.',
  },
  nextHazards: { 'zh-CN': '不合格项已生成隐患草稿，请在下方逐条核对后上报。', en: 'Each failed item became a hazard draft: check each one below, then report it.' },
  toHazards: { 'zh-CN': '上报隐患', en: 'Report hazards' },
  toRecord: { 'zh-CN': '查看记录', en: 'View the record' },
} as const;

/**
 * The result section; its title (`#result-title`) takes focus. `data-go="hazards"` and
 * `data-go="record"` are the next actions, handled by the element.
 */
export function renderResult(res: SubmitResult, o: {
  locale: Locale; reportFailed: 'ask' | 'auto' | 'off'; pendingHandoff: boolean; fill: typeof Fill;
  /** Why a queued submit was refused, in the person's language (`refusalText`). */
  reason?: string;
  /** A refused submit can be taken back into the form (`client.offline.edit`): 修改后重新提交 (`data-go="edit"`). */
  canEdit?: boolean;
}): TemplateResult {
  const { locale, fill } = o;
  if (res.refused !== undefined) {
    // Refused after it was queued: no longer 待发送, and not stored — in the error tone, with why.
    return html`<section part="result" class="result refused" aria-labelledby="result-title">
      <span class="result-icon" aria-hidden="true">✕</span>
      <h2 id="result-title" tabindex="-1">${QUEUED_MESSAGES.refused[locale]}</h2>
      ${message('error', o.reason === undefined || o.reason === '' ? QUEUED_MESSAGES.refused[locale] : fill(QUEUED_MESSAGES.refusedWhy[locale], { why: o.reason }), { part: 'sync' })}
      <p class="next">${M.nextRefused[locale]}</p>
      ${o.canEdit === true ? html`<div class="row"><button type="button" class="primary" data-go="edit">${QUEUED_MESSAGES.edit[locale]}</button></div>` : nothing}
    </section>`;
  }
  const queued = !res.sent && res.entryId !== undefined;
  const parts = [res.failed === 0 ? M.allPassed[locale] : fill(M.failed[locale], { f: res.failed })];
  if (res.hazards > 0 && o.reportFailed !== 'auto') parts.push(fill(M.hazards[locale], { h: res.hazards }));
  const title = `${M[queued ? 'kept' : 'done'][locale]}${locale === 'en' ? ` (${parts.join(', ')})` : `（${parts.join('，')}）`}`;
  return html`<section part="result" class="result ${queued ? 'queued' : 'done'}" aria-labelledby="result-title">
    <span class="result-icon" aria-hidden="true">${queued ? '↑' : '✓'}</span>
    <h2 id="result-title" tabindex="-1">${title}</h2>
    ${res.entryId === undefined ? nothing
      : message(queued ? 'warning' : 'success', queued ? fill(M.pending[locale], { n: res.pending }) : M.sent[locale], { part: 'sync' })}
    <p class="next">${M[queued ? 'nextQueued' : 'nextStored'][locale]}${res.hazards > 0 && o.reportFailed === 'ask' ? M.nextHazards[locale] : ''}</p>
    <div class="row">
      ${o.pendingHandoff ? html`<button type="button" class="primary" data-go="hazards">${M.toHazards[locale]}</button>` : nothing}
      <button type="button" data-go="record">${M.toRecord[locale]}</button>
    </div>
  </section>`;
}

/**
 * Follows a queued write through the outbox: calls `update` with the device's pending count,
 * whether the entry has left the outbox (sent), and why the server refused it once it has (the
 * entry then stays, until a person acts), on every outbox change until it is sent. Returns a
 * function that stops following.
 */
export function watchQueued(offline: OfflineControl, entryId: string, update: (pending: number, sent: boolean, refused?: RefusedWrite) => void): () => void {
  let alive = true;
  let refused: RefusedWrite | undefined;
  const check = (): void => {
    offline.status().then((st) => {
      if (!alive) return;
      // Refused by the server (or in conflict): kept in the outbox, no longer waiting to be sent.
      const kept = [...st.failed, ...st.conflicted].find((x) => x.id === entryId);
      if (kept === undefined) refused = undefined;
      else refused ??= new RefusedWrite(kept);
      const waiting = kept !== undefined || st.pending.some((x) => x.id === entryId);
      update(st.pending.length, !waiting, refused);
      if (!waiting) stop();
    }, () => undefined);
  };
  const off = offline.onChange(check);
  const stop = (): void => {
    alive = false;
    off();
  };
  check();
  return stop;
}
