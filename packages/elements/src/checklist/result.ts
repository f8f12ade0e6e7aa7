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
}): TemplateResult {
  const { locale, fill } = o;
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
 * Follows a queued write through the outbox: calls `update` with the device's pending count and
 * whether the entry has left the outbox (sent), on every outbox change until it has. Returns a
 * function that stops following.
 */
export function watchQueued(offline: OfflineControl, entryId: string, update: (pending: number, sent: boolean) => void): () => void {
  let alive = true;
  const check = (): void => {
    offline.status().then((st) => {
      if (!alive) return;
      const waiting = [...st.pending, ...st.failed, ...st.conflicted].some((x) => x.id === entryId);
      update(st.pending.length, !waiting);
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
