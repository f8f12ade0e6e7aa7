/**
 * Offline is one behaviour (issue 17): a write the offline client queued is shown as
 * "待发送（n）" in the warning tone with what happens next, and as "已发送" once the outbox has
 * sent it; a write a client without the offline layer could not send because the network is down
 * keeps the form as filled and says "未发送，网络恢复后重试" with a 重试 button — never red, never
 * the browser's English. The texts live here so every element that writes says the same.
 *
 * The host shows the same count as the elements: `(await client.offline.status()).pending.length`,
 * refreshed on `client.offline.onChange`.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FiregridClient, Locale } from '@firegrid/core';
import { fill } from './i18n.js';
import type { Messages } from './i18n.js';

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

  private off: (() => void) | undefined;
  private client: FiregridClient | undefined;
  private reading = false;
  private again = false;
  /** Counts follows, so that a read started for an earlier write is ignored (and never blocks this one's). */
  private generation = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Starts following `entryId`, queued through `client`. */
  follow(client: FiregridClient, entryId: string): void {
    this.stop();
    const offline = client.offline;
    if (offline === undefined) return;
    this.client = client;
    this.entryId = entryId;
    this.sent = false;
    this.pending = undefined;
    this.reading = false;
    this.again = false;
    this.generation++;
    this.off = offline.onChange((change) => {
      if (change.entryId === this.entryId && change.type === 'sent') this.sent = true;
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
      // A write the outbox no longer holds anywhere has been sent (the change may have come first).
      if (this.entryId !== undefined && ![...s.pending, ...s.failed, ...s.conflicted].some((e) => e.id === this.entryId)) this.sent = true;
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
