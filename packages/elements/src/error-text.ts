/**
 * What a person reads when something fails: what happened and what to do, in his language,
 * without HTTP methods, paths or record ids — those stay in the console and in the `fg-error`
 * event's detail. Loaded with the first error, so no element's first paint carries the texts.
 * @module
 */
import type { FiregridErrorCode, Locale } from '@firegrid/core';

/** What the failed call was doing: reading (a list, a record) or writing (a save, a transition, a photo). */
export type Operation = 'read' | 'write';

/** The cases a person is told apart with a text of {@link ERROR_TEXTS}. */
export type TextCase =
  | 'signed-out' | 'forbidden' | 'not-found' | 'conflict' | 'too-large' | 'refused' | 'busy' | 'server'
  | 'offline-read' | 'offline-write' | 'storage' | 'host' | 'unknown';

/** A {@link TextCase}, or `own`: an error whose own message is written for people (a schema's, the lifecycle's). */
export type ErrorCase = TextCase | 'own';

/** The detail of the `fg-error` event: plain data for the host's logs; the technical message may name methods, paths and ids. */
export interface FgErrorDetail {
  /** What the person was told. */
  message: string;
  /** The case of {@link ErrorCase}. */
  case: ErrorCase;
  /** Reading or writing. */
  operation: Operation;
  /** The FiregridError code, when it was one. */
  code?: FiregridErrorCode;
  /** The HTTP status, when there was an answer (0: none came). */
  status?: number;
  /** The error's own message, for developers (HTTP method, path, record ids). */
  technical: string;
  /** Field paths and messages the server or a schema named. */
  issues?: { path: string; message: string }[];
}

type Texts = Readonly<Record<Locale, string>>;
const T = (zh: string, en: string): Texts => ({ 'zh-CN': zh, en });

/** One text per case and operation where they differ. */
export const ERROR_TEXTS: Readonly<Record<TextCase, Texts | Readonly<Record<Operation, Texts>>>> = {
  'signed-out': T('登录已失效。请重新登录后再试。', 'Your sign-in has expired. Sign in again, then try again.'),
  forbidden: {
    read: T('你没有查看这些内容的权限。如需查看，请联系网格长或系统管理员。', 'You are not allowed to see this. Ask your grid supervisor or administrator for access.'),
    write: T('你没有进行这项操作的权限。如需权限，请联系网格长或系统管理员。', 'You are not allowed to do this. Ask your grid supervisor or administrator for access.'),
  },
  'not-found': T('没有找到这条记录：它可能已被删除，或不在你负责的范围内。请返回列表刷新后再试。', 'This record was not found: it may have been deleted or be outside your area. Go back to the list, refresh it and try again.'),
  conflict: T('这条记录刚被别人修改过。请刷新，看过最新内容后再操作。', 'Someone else has just changed this record. Refresh, check the latest version, then try again.'),
  'too-large': T('提交的内容太大（多半是照片）。请减少或缩小照片后再提交。', 'What you sent is too large (most likely the photos). Send fewer or smaller photos, then try again.'),
  refused: T('服务器没有接受提交的内容。请检查填写的内容，修改后再提交。', 'The server did not accept what you sent. Check what you filled in, correct it and send it again.'),
  busy: T('请求太频繁，服务器暂时拒绝了。请稍等片刻再试。', 'Too many requests for now. Wait a moment, then try again.'),
  server: {
    read: T('服务器暂时出了问题，没能读取数据。请稍后重试；如果一直这样，请联系系统管理员。', 'The server has a problem and could not load the data. Try again later; if it keeps happening, contact your administrator.'),
    write: T('服务器暂时出了问题，没能保存。已填写的内容还在，请稍后重试；如果一直这样，请联系系统管理员。', 'The server has a problem and could not save. What you entered is kept; try again later, and if it keeps happening, contact your administrator.'),
  },
  'offline-read': T('没有网络，本机也没有这份数据的副本。请连上网络后重试。', 'There is no network and this device has no copy of this data. Connect to a network and try again.'),
  'offline-write': T('没有网络，没能发出。已填写的内容还在，请连上网络后重试。', 'There is no network, so it was not sent. What you entered is kept; connect to a network and try again.'),
  storage: T('本机存储空间不足或不可用。请清理手机空间后重试。', 'Storage on this device is full or unavailable. Free up some space, then try again.'),
  host: T('所在平台返回了无法识别的内容。请重试；如果一直这样，请联系系统管理员。', 'The app this runs in returned something unexpected. Try again; if it keeps happening, contact your administrator.'),
  unknown: T('出了点问题，没能完成。请重试；如果一直这样，请联系系统管理员。', 'Something went wrong and this was not done. Try again; if it keeps happening, contact your administrator.'),
};

interface ErrorLike {
  code?: unknown;
  status?: unknown;
  message?: unknown;
  issues?: unknown;
}

const isObject = (e: unknown): e is ErrorLike => typeof e === 'object' && e !== null;

/**
 * The case of an error. One that came over HTTP is told by its status (401/403, 404, 409, 413,
 * 429, other 4xx, 5xx). Without an answer: `network` is offline (for a read: no network and no
 * copy on the device), `unauthorized` a sign-in that expired, `storage` the device's storage,
 * `host-response` a host that returned bad data. Any other FiregridError without a status was
 * made on the device with a message written for people (a schema's, the lifecycle's, an
 * element's "template not found", a host bridge's) and is `own`; anything else is `unknown`.
 */
export function errorCase(error: unknown, operation: Operation): ErrorCase {
  const e = isObject(error) ? error : {};
  const status = typeof e.status === 'number' ? e.status : 0;
  if (status === 401) return 'signed-out';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'too-large';
  if (status === 429) return 'busy';
  if (status >= 500) return 'server';
  if (status >= 400) return 'refused';
  switch (e.code) {
    case 'unauthorized': return 'signed-out';
    case 'network': return operation === 'read' ? 'offline-read' : 'offline-write';
    case 'storage': return 'storage';
    case 'host-response': return 'host';
    default: return typeof e.code === 'string' && error instanceof Error ? 'own' : 'unknown';
  }
}

const technicalOf = (error: unknown): string => (error instanceof Error ? error.message : isObject(error) && typeof error.message === 'string' ? error.message : String(error));

/**
 * The text a person reads about `error`, in `locale`.
 * @example userErrorText(new FiregridHttpError('conflict', 'PUT /v1/hazards/0190… failed (409)', { status: 409 }), 'zh-CN', 'write');
 * // '这条记录刚被别人修改过。请刷新，看过最新内容后再操作。'
 */
export function userErrorText(error: unknown, locale: Locale, operation: Operation): string {
  const c = errorCase(error, operation);
  if (c === 'own') return technicalOf(error);
  const texts = ERROR_TEXTS[c];
  return ('read' in texts ? texts[operation] : texts)[locale];
}

/** The `fg-error` event's detail for `error`. */
export function errorDetail(error: unknown, locale: Locale, operation: Operation): FgErrorDetail {
  const e = isObject(error) ? error : {};
  const issues = Array.isArray(e.issues)
    ? (e.issues as unknown[]).filter((i): i is { path: string; message: string } => isObject(i)
      && typeof (i as { path?: unknown }).path === 'string' && typeof i.message === 'string')
      .map((i) => ({ path: i.path, message: i.message }))
    : [];
  return {
    message: userErrorText(error, locale, operation),
    case: errorCase(error, operation),
    operation,
    ...(typeof e.code === 'string' ? { code: e.code as FiregridErrorCode } : {}),
    ...(typeof e.status === 'number' ? { status: e.status } : {}),
    technical: technicalOf(error),
    ...(issues.length > 0 ? { issues } : {}),
  };
}

const told = new WeakSet<object>();

/**
 * The text for `error`, after logging it to the console and dispatching `fg-error` from `el`
 * (once per error object, however often it is rendered).
 */
export function report(el: HTMLElement, error: unknown, locale: Locale, operation: Operation): string {
  const detail = errorDetail(error, locale, operation);
  const known = typeof error === 'object' && error !== null;
  if (!known || !told.has(error)) {
    if (known) told.add(error);
    console.error(error);
    el.dispatchEvent(new CustomEvent<FgErrorDetail>('fg-error', { detail, bubbles: true, composed: true }));
  }
  return detail.message;
}
