/**
 * Offline is one behaviour (issue 17): a write the offline client queued is shown as
 * "待发送（n）" in the warning tone with what happens next, and as "已发送" once the outbox has
 * sent it; a queued write the server later refuses (or finds in conflict) stops saying 待发送 and
 * says 服务器未接受 with the reason in the person's language, what was filled in kept. A write a
 * client without the offline layer could not send because the network is down
 * keeps the form as filled and says "未发送，网络恢复后重试" with a 重试 button — never red, never
 * the browser's English. The texts live here so every element that writes says the same.
 *
 * The host shows the same count as the elements: `(await client.offline.status()).pending.length`,
 * refreshed on `client.offline.onChange`.
 * @module
 */
import { html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { FiregridClient, Locale } from '@firegrid/core';
import { errorText } from './errors.js';
import { fill } from './i18n.js';
import type { Messages } from './i18n.js';

type OfflineControl = NonNullable<FiregridClient['offline']>;
/** An entry of the device's outbox, as `client.offline.status()` lists it. */
export type QueuedEntry = Awaited<ReturnType<OfflineControl['status']>>['failed'][number];

/** The texts of a queued or unsent write. */
export const QUEUED_MESSAGES = {
  queued: { 'zh-CN': '待发送（{n}）', en: 'Waiting to send ({n})' },
  queuedNext: {
    'zh-CN': '已保存在本机，不会丢失。有网络时会自动发送，不用重新填写；发送后这里会显示“已发送”。',
    en: 'Saved on this device and safe. It is sent automatically when there is a network; you need not fill it in again. This says "Sent" once it is.',
  },
  sent: { 'zh-CN': '已发送', en: 'Sent' },
  unsent: { 'zh-CN': '未发送，网络恢复后重试', en: 'Not sent. Try again when the network is back' },
  unsentNext: {
    'zh-CN': '现在没有网络。填写的内容都还在，网络恢复后点“重试”即可发送。',
    en: 'There is no network now. Everything you filled in is kept; press "Try again" when the network is back.',
  },
  retry: { 'zh-CN': '重试', en: 'Try again' },
  refused: { 'zh-CN': '服务器未接受', en: 'Refused by the server' },
  refusedWhy: { 'zh-CN': '原因：{why}', en: 'Why: {why}' },
  refusedNext: {
    'zh-CN': '填写的内容没有丢失：点“修改后重新提交”，改正后再发送。',
    en: 'What you filled in is kept: press "Correct and resend", correct it and send it again.',
  },
  edit: { 'zh-CN': '修改后重新提交', en: 'Correct and resend' },
} satisfies Messages<string>;

/** A text of {@link QUEUED_MESSAGES} in `locale`. */
export const queuedText = (key: keyof typeof QUEUED_MESSAGES, locale: Locale, n?: number): string =>
  fill(QUEUED_MESSAGES[key][locale], n === undefined ? {} : { n });

/**
 * True when a write failed because there is no network (not because the server refused it): a
 * FiregridError `network` without an HTTP status (no answer came), or any failure while the
 * browser says it is offline (a host port that lets fetch's `TypeError` through).
 */
export function isNetworkDown(error: unknown): boolean {
  if (typeof navigator !== 'undefined' && !navigator.onLine) return true;
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; status?: unknown };
  return e.code === 'network' && (typeof e.status !== 'number' || e.status === 0);
}

/**
 * Why the server refused a queued write, rebuilt from what the outbox kept of the failure (its
 * code, HTTP status and the fields the server named), so that the elements' error texts read it
 * as they read the error itself: by its status (`refused`, `conflict`, `forbidden`…), or its own
 * message when it was made on the device for people (a lifecycle's, a schema's).
 */
export class RefusedWrite extends Error {
  /** The FiregridError code the port gave. */
  readonly code: string;
  /** The HTTP status, when there was an answer. */
  readonly status: number | undefined;
  /** Field paths and what is wrong with them, as the server named them. */
  readonly issues: readonly { path: string; message: string }[];

  constructor(entry: QueuedEntry) {
    const failure = entry.error;
    const conflict = entry.state === 'conflict';
    super(failure?.message ?? (conflict ? 'conflict' : 'rejected'));
    this.name = 'RefusedWrite';
    this.code = failure?.code ?? (conflict ? 'conflict' : 'rejected');
    // A failure kept without its status still says which of the two it was.
    this.status = failure?.status ?? (conflict ? 409 : failure === undefined ? 400 : undefined);
    this.issues = failure?.issues ?? [];
  }
}

/**
 * Why a queued write was refused, for a person in `locale`: the text of the error's case (or its
 * own message, when written for people), then what the server said of each field. The first time
 * an error is shown it goes to the console and to the host as `fg-error`; `''` while the texts load.
 */
export function refusalText(el: HTMLElement & ReactiveControllerHost, refused: RefusedWrite, locale: Locale): string {
  const text = errorText(el, refused, locale, 'write');
  if (text === '' || refused.status === undefined) return text;
  const fields = [...new Set(refused.issues.map((i) => i.message.trim()).filter((m) => m !== ''))];
  return fields.length === 0 ? text : `${text}${locale === 'en' ? ` (${fields.join('; ')})` : `（${fields.join('；')}）`}`;
}

/**
 * 未发送，网络恢复后重试 with what to do, in the warning tone (never the error's): a write a client
 * without the offline layer could not send because the network is down. The form it came from
 * stays as filled, its send button saying 重试 ({@link queuedText}`('retry')`). Focusable by script.
 */
export function unsentNote(locale: Locale, part = 'unsent'): TemplateResult {
  return html`<div class="msg warning" role="status" part=${part} tabindex="-1" data-state="unsent"><strong>${queuedText('unsent', locale)}</strong><br />
    <span class="next">${queuedText('unsentNext', locale)}</span></div>`;
}

/** Where a followed write stands. */
export type QueuedState = 'queued' | 'sent' | 'refused';

/** What {@link queuedNote} shows. */
export interface QueuedNote {
  locale: Locale;
  state: QueuedState;
  /** Writes waiting on the device, once known. */
  pending?: number | undefined;
  /** What was written, after the title (`核实`, `张三`). */
  what?: string;
  /** Why it was refused ({@link refusalText}). */
  reason?: string;
  /** Buttons after the text (修改后重新提交). */
  actions?: TemplateResult;
  id?: string;
  part?: string;
}

/**
 * The one look of a queued write in a list or a detail (the report's result says the same in
 * full): 待发送（n） in the warning tone with what happens next, 已发送 in the success tone,
 * 服务器未接受 in the error tone with the reason and what to do. Focusable by script; the
 * refusal is an alert, the others a status.
 */
export function queuedNote(n: QueuedNote): TemplateResult {
  const { locale } = n;
  const tone = n.state === 'queued' ? 'warning' : n.state === 'sent' ? 'success' : 'error';
  const title = n.state === 'queued' ? queuedText('queued', locale, n.pending ?? 1) : queuedText(n.state, locale);
  const next = n.state === 'queued' ? queuedText('queuedNext', locale) : n.state === 'refused' ? queuedText('refusedNext', locale) : '';
  return html`<div class="msg ${tone}" role=${n.state === 'refused' ? 'alert' : 'status'} id=${n.id ?? nothing} part=${n.part ?? nothing}
    tabindex="-1" data-state=${n.state}><strong class="queued-title">${title}${n.what === undefined ? '' : locale === 'en' ? `: ${n.what}` : `：${n.what}`}</strong>${
    n.reason === undefined || n.reason === '' ? nothing : html`<br /><span class="next why">${fill(QUEUED_MESSAGES.refusedWhy[locale], { why: n.reason })}</span>`}${
    next === '' ? nothing : html`<br /><span class="next">${next}</span>`}${n.actions ?? nothing}</div>`;
}

/** Called by {@link QueuedFollower} when the followed write is sent, or refused. */
export interface FollowHandlers {
  /** The outbox has sent it. */
  sent?: () => void;
  /** The server refused it (or it is in conflict): the entry stays in the outbox, with its payload or record. */
  refused?: (entry: QueuedEntry, refused: RefusedWrite) => void;
}

/**
 * Follows one queued write until the outbox has sent it (`client.offline.onChange` with its
 * entry id), and the number of writes still waiting on the device (`status().pending`, read again
 * after each change of the outbox). Ask the host to render on every change.
 */
export class QueuedFollower implements ReactiveController {
  /** The entry followed, while one is. */
  entryId: string | undefined;
  /** The followed write has been sent. */
  sent = false;
  /** Writes waiting on the device, once known (it is read after the write was queued). */
  pending: number | undefined;
  /**
   * Why the server refused the followed write, once it has (or found it in conflict): it no
   * longer waits, and stays in the outbox's `failed` (or `conflicted`) list until a person
   * edits, retries or discards it. Cleared when it is queued again (`client.offline.retry`).
   */
  refused: RefusedWrite | undefined;
  /** The refused entry, with its payload or record: what the person filled in. */
  refusedEntry: QueuedEntry | undefined;

  private off: (() => void) | undefined;
  private client: FiregridClient | undefined;
  private reading = false;
  private again = false;
  /** Counts follows, so that a read started for an earlier write is ignored (and never blocks this one's). */
  private generation = 0;
  private on: FollowHandlers = {};

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Where the followed write stands, while one is followed or was. */
  get state(): QueuedState {
    return this.sent ? 'sent' : this.refused !== undefined ? 'refused' : 'queued';
  }

  /** Starts following `entryId`, queued through `client`; `on` hears when it is sent or refused. */
  follow(client: FiregridClient, entryId: string, on: FollowHandlers = {}): void {
    this.stop();
    const offline = client.offline;
    if (offline === undefined) return;
    this.client = client;
    this.entryId = entryId;
    this.on = on;
    this.sent = false;
    this.refused = undefined;
    this.refusedEntry = undefined;
    this.pending = undefined;
    this.reading = false;
    this.again = false;
    this.generation++;
    this.off = offline.onChange((change) => {
      if (change.entryId === this.entryId && change.type === 'sent') this.setSent();
      // Discarded by the person elsewhere: not sent, and no longer followed.
      if (change.entryId === this.entryId && change.type === 'removed') this.entryId = undefined;
      this.count();
      this.host.requestUpdate();
    });
    this.count();
  }

  /** Stops following. */
  stop(): void {
    this.off?.();
    this.off = undefined;
    this.client = undefined;
    this.entryId = undefined;
  }

  private setSent(): void {
    if (this.sent) return;
    this.sent = true;
    this.refused = undefined;
    this.refusedEntry = undefined;
    this.on.sent?.();
  }

  hostDisconnected(): void {
    this.stop();
  }

  // One read of the outbox at a time; a change during a read asks for one more.
  private count(): void {
    const offline = this.client?.offline;
    if (offline === undefined) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    const generation = this.generation;
    offline.status().then((s) => {
      if (generation !== this.generation || this.client?.offline !== offline) return;
      this.pending = s.pending.length;
      const id = this.entryId;
      if (id !== undefined && !this.sent) {
        const kept = [...s.failed, ...s.conflicted].find((e) => e.id === id);
        if (kept !== undefined) {
          if (this.refused === undefined) {
            this.refused = new RefusedWrite(kept);
            this.refusedEntry = kept;
            this.on.refused?.(kept, this.refused);
          }
        } else if (s.pending.some((e) => e.id === id)) {
          // Sent again as it was (`client.offline.retry`): waiting once more.
          this.refused = undefined;
          this.refusedEntry = undefined;
        } else {
          // A write the outbox no longer holds anywhere has been sent (the change may have come first).
          this.setSent();
        }
      }
      this.host.requestUpdate();
    }, () => undefined).finally(() => {
      if (generation !== this.generation) return;
      this.reading = false;
      if (this.again) {
        this.again = false;
        this.count();
      }
    });
  }
}
