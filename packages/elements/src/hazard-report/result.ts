/**
 * What `<fg-hazard-report>` shows after a submit and around it: the result (an icon, a title in
 * the state's tone, what happens next, a resident's reference number, 继续上报 / 查看记录), the
 * note of a report not sent because the network is down, and the confirmation before 取消 deletes
 * what was typed. Loaded as soon as the form shows (so it is on the device before any submit, and
 * offline too), not with the element's first paint.
 * @module
 */
import { css, html, nothing, svg } from 'lit';
import type { TemplateResult } from 'lit';
import { referenceOf } from '@firegrid/core/base';
import type { Hazard, Locale } from '@firegrid/core';
import { fill } from '../i18n.js';
import type { Messages } from '../i18n.js';
import { QUEUED_MESSAGES, queuedText } from '../queued.js';
import type { ReportMode } from './form.js';

export { QueuedFollower, isNetworkDown, refusalText } from '../queued.js';

/** The sheet of the result, the unsent note and the dialog, adopted by the element when this module arrives. */
export const resultStyles = css`
  .msg .next { font-weight: normal; color: var(--_text) }
  .result { max-width: 40em; --_tone: var(--_ok) }
  .result.warning { --_tone: var(--_warn) }
  .result.error { --_tone: var(--_error) }
  .result:focus { outline: none }
  .result:focus-visible { outline: var(--fg-focus-width, 3px) solid var(--fg-focus-color, #1a73e8) }
  .result-head { display: flex; align-items: center; gap: var(--_s3); color: var(--_tone) }
  .result-head h2 { margin: 0; font-size: 1.4em }
  .result-icon { flex: none; width: 2.5em; height: 2.5em; padding: 0.3em; border-radius: 50%; background: var(--_tone); fill: none; stroke: var(--_surface); stroke-width: 2.5; stroke-linecap: round; stroke-linejoin: round }
  .result p { margin: 0 }
  .reference { display: flex; flex-wrap: wrap; align-items: baseline; gap: var(--_s2) }
  .reference strong { font-size: 1.6em; letter-spacing: 0.08em; font-variant-numeric: tabular-nums }
  dialog { max-width: min(28em, calc(100vw - 2em)); padding: var(--_s4); border: 1px solid var(--_border); border-radius: var(--_radius); color: var(--_text); background: var(--_surface) }
  dialog::backdrop { background: rgb(0 0 0 / 0.4) }
  dialog h2 { margin: 0 }
  dialog p { margin: 0 }
`;

const MESSAGES = {
  submitted: { 'zh-CN': '已上报', en: 'Reported' },
  submittedPublic: { 'zh-CN': '举报已提交', en: 'Report sent' },
  nextWorker: { 'zh-CN': '隐患已进入台账，网格长会核实并安排整改，进展可在隐患记录中查看。', en: 'The hazard is in the ledger; your supervisor checks it and assigns the fix. Follow it in the records.' },
  nextPublic: { 'zh-CN': '我们会尽快核实处理。查询进展或来电咨询时，请报上面的受理编号。', en: 'It will be checked soon. Quote the reference number above when you ask about it.' },
  reportedTitle: { 'zh-CN': '上报内容：{title}', en: 'Report: {title}' },
  reference: { 'zh-CN': '受理编号', en: 'Reference number' },
  again: { 'zh-CN': '继续上报', en: 'Report another' },
  records: { 'zh-CN': '查看记录', en: 'See records' },
  discardTitle: { 'zh-CN': '放弃这条未提交的上报？', en: 'Discard this unsent report?' },
  discardBody: { 'zh-CN': '已填写的文字和 {n} 张照片会被删除，不能恢复。', en: 'What you typed and {n} photo(s) will be deleted for good.' },
  keep: { 'zh-CN': '继续填写', en: 'Keep editing' },
  discard: { 'zh-CN': '放弃', en: 'Discard' },
} satisfies Messages<string>;

const t = (key: keyof typeof MESSAGES, locale: Locale, vars: Record<string, string | number> = {}): string => fill(MESSAGES[key][locale], vars);

/** What 取消 asks through the host's `ui.confirm`: the same words as the element's own dialog. */
export const discardPrompt = (locale: Locale, photos: number): [string, { title: string; confirmLabel: string; cancelLabel: string }] =>
  [t('discardBody', locale, { n: photos }), { title: t('discardTitle', locale), confirmLabel: t('discard', locale), cancelLabel: t('keep', locale) }];

/** 未发送，网络恢复后重试 with what to do, in the warning tone, and the submit button's label 重试. */
export function unsentView(locale: Locale): { note: TemplateResult; retry: string } {
  return {
    note: html`<div class="msg warning" role="status" part="unsent"><strong>${queuedText('unsent', locale)}</strong><br />
      <span class="next">${queuedText('unsentNext', locale)}</span></div>`,
    retry: queuedText('retry', locale),
  };
}

/** Where a submitted report stands: stored by the server, queued on the device, sent since, or refused by the server after it was queued. */
export type ResultState = 'stored' | 'queued' | 'sent' | 'refused';

/** What the result shows and does. */
export interface ResultView {
  locale: Locale;
  mode: ReportMode;
  hazard: Hazard;
  state: ResultState;
  /** Writes waiting on the device (queued), once known. */
  pending: number | undefined;
  /** Why the server refused it (state `refused`), in the person's language. */
  reason?: string;
  onAgain: () => void;
  onRecords: () => void;
  /** 修改后重新提交: the refused report back into the form. */
  onEdit?: () => void;
}

const ICON_OK = svg`<path d="M6 12.5l4 4 8-9" />`;
const ICON_WAIT = svg`<circle cx="12" cy="12" r="7" /><path d="M12 8v4.5l3 2" />`;
const ICON_REFUSED = svg`<path d="M7 7l10 10M17 7L7 17" />`;

/**
 * The result after a submit: an icon, a title in the state's tone (待发送（n） in the warning
 * tone, 已上报 / 已发送 in the success tone, 服务器未接受 in the error tone with the reason), what
 * happens next, a public report's reference number, and the next actions (a refused report:
 * 继续上报 and 修改后重新提交). The element moves focus to it.
 */
export function resultView(v: ResultView): TemplateResult {
  const { locale } = v;
  const pub = v.mode === 'public';
  const queued = v.state === 'queued';
  const refused = v.state === 'refused';
  const title = queued ? queuedText('queued', locale, v.pending ?? 1) : refused ? queuedText('refused', locale)
    : v.state === 'sent' ? queuedText('sent', locale) : t(pub ? 'submittedPublic' : 'submitted', locale);
  const next = queued ? queuedText('queuedNext', locale) : refused ? queuedText('refusedNext', locale) : t(pub ? 'nextPublic' : 'nextWorker', locale);
  return html`
    <section class="stack result ${queued ? 'warning' : refused ? 'error' : 'success'}" part="result" id="result" tabindex="-1" aria-labelledby="result-title">
      <div class="result-head" role=${refused ? 'alert' : 'status'}>
        <svg class="result-icon" viewBox="0 0 24 24" aria-hidden="true">${queued ? ICON_WAIT : refused ? ICON_REFUSED : ICON_OK}</svg>
        <h2 id="result-title" part="result-title">${title}</h2>
      </div>
      <p class="result-what">${t('reportedTitle', locale, { title: v.hazard.title })}</p>
      ${refused && v.reason !== undefined && v.reason !== '' ? html`<p class="result-why" id="result-why" part="result-why">${fill(QUEUED_MESSAGES.refusedWhy[locale], { why: v.reason })}</p>` : nothing}
      ${pub && !refused ? html`<p class="reference" part="reference">${t('reference', locale)}<strong id="reference">${referenceOf(v.hazard.id)}</strong></p>` : nothing}
      <p class="result-next" id="result-next">${next}</p>
      <div class="button-bar" part="actions">
        ${refused ? html`<button type="button" id="again" @click=${v.onAgain}>${t('again', locale)}</button>
          <button type="button" class="primary" id="edit" @click=${v.onEdit}>${queuedText('edit', locale)}</button>`
    : html`<button type="button" id="records" @click=${v.onRecords}>${t('records', locale)}</button>
          <button type="button" class="primary" id="again" @click=${v.onAgain}>${t('again', locale)}</button>`}
      </div>
    </section>`;
}

/** The confirmation before 取消 deletes typed text and photos (a modal `<dialog>`). */
export function confirmView(locale: Locale, photos: number, onClose: (e: Event) => void, onDiscard: () => void): TemplateResult {
  return html`
    <dialog id="confirm" part="confirm" aria-labelledby="confirm-title" aria-describedby="confirm-body" @close=${onClose}>
      <form class="stack" method="dialog">
        <h2 id="confirm-title">${t('discardTitle', locale)}</h2>
        <p id="confirm-body">${t('discardBody', locale, { n: photos })}</p>
        <div class="button-bar">
          <button value="keep" id="keep" autofocus>${t('keep', locale)}</button>
          <button type="button" class="primary" id="discard" @click=${onDiscard}>${t('discard', locale)}</button>
        </div>
      </form>
    </dialog>`;
}
