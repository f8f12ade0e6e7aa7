/**
 * Validation at trust boundaries (DESIGN §2): what a host returns, what comes out of IndexedDB,
 * what a user typed, what arrives over HTTP. Messages are given in zh-CN or English per call —
 * zod's global configuration is never touched, because the host page may use zod itself.
 * @module
 */
import type * as z from 'zod/mini';
import zhCN from 'zod/v4/locales/zh-CN.js';
import en from 'zod/v4/locales/en.js';
import { FiregridError } from './errors.js';
import type { FiregridErrorCode, Issue } from './errors.js';
import type { Locale } from './names.js';

/** Options of {@link parseWith} and {@link checkWith}. */
export interface ParseOptions {
  /** Language of the messages; zh-CN when left out. */
  locale?: Locale;
  /**
   * Where the value came from, as the subject of the message: `host.data.list` gives
   * "host.data.list returned items[3] without id" / "host.data.list 返回的 items[3] 缺少 id".
   */
  what?: string;
  /** Code of the thrown {@link FiregridError}; `'validation'` when left out. */
  code?: FiregridErrorCode;
}

/** The outcome of {@link checkWith}. */
export type CheckResult<T> =
  | { ok: true; value: T }
  | { ok: false; issues: Issue[]; message: string };

type RawIssue = z.core.$ZodRawIssue;
type ErrorMap = (issue: RawIssue) => string | { message: string } | undefined | null;

// A marker no zod locale produces; it is replaced by "without <key>" once the full path is known.
const MISSING = '\u0000firegrid:missing';

const LOCALE_FACTORIES: Record<Locale, () => { localeError: z.core.$ZodErrorMap }> = { 'zh-CN': zhCN, en };
const localeMaps: Partial<Record<Locale, ErrorMap>> = {};

// Built on first use, not at import: a host that never validates pays nothing, and the module stays side-effect free.
function errorMapFor(locale: Locale): ErrorMap {
  const cached = localeMaps[locale];
  if (cached) return cached;
  const { localeError } = LOCALE_FACTORIES[locale]();
  const map: ErrorMap = (iss) => (isMissing(iss) ? MISSING : localeError(iss));
  localeMaps[locale] = map;
  return map;
}

function isMissing(iss: RawIssue): boolean {
  if (iss.code === 'invalid_type') return iss.input === undefined;
  // A discriminated union reports a missing discriminator as an invalid union at the key's path.
  if (iss.code === 'invalid_union' && 'discriminator' in iss && typeof iss.discriminator === 'string') {
    const input: unknown = iss.input;
    return typeof input === 'object' && input !== null && (input as Record<string, unknown>)[iss.discriminator] === undefined;
  }
  return false;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Formats a path the way a developer reads it in code: `items[3].id`, `answers.q1.result`,
 * `title["zh-CN"]`. The empty path gives `''`.
 * @example
 * formatPath(['items', 3, 'id']);            // 'items[3].id'
 * formatPath(['visitsPerMonth', 'small-venue']); // 'visitsPerMonth["small-venue"]'
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'symbol') out += `[${key.toString()}]`;
    else if (IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

const TEXT = {
  'zh-CN': {
    required: '缺少必填项',
    nothing: (what: string | undefined) => (what === undefined ? '缺少值' : `${what} 没有返回值`),
    withoutWhat: (what: string, at: string, key: string) => `${what} 返回的${at === '' ? '值' : ` ${at} `}缺少 ${key}`,
    without: (at: string, key: string) => (at === '' ? `缺少 ${key}` : `${at} 缺少 ${key}`),
    invalidWhat: (what: string, at: string, msg: string) => `${what} 返回的${at === '' ? '值' : ` ${at} `}无效：${msg}`,
    invalid: (at: string, msg: string) => (at === '' ? msg : `${at}：${msg}`),
    more: (n: number) => `（另有 ${n} 处问题）`,
  },
  en: {
    required: 'Required',
    nothing: (what: string | undefined) => (what === undefined ? 'No value' : `${what} returned nothing`),
    withoutWhat: (what: string, at: string, key: string) => `${what} returned ${at === '' ? 'a value' : at} without ${key}`,
    without: (at: string, key: string) => (at === '' ? `Missing ${key}` : `${at} is missing ${key}`),
    invalidWhat: (what: string, at: string, msg: string) =>
      `${what} returned an invalid value${at === '' ? '' : ` at ${at}`}: ${msg}`,
    invalid: (at: string, msg: string) => (at === '' ? msg : `${at}: ${msg}`),
    more: (n: number) => ` (and ${n} more ${n === 1 ? 'problem' : 'problems'})`,
  },
} as const;

function localizedParam(issue: z.core.$ZodIssue, locale: Locale): string | undefined {
  if (issue.code !== 'custom') return undefined;
  const i18n: unknown = issue.params?.i18n;
  if (typeof i18n !== 'object' || i18n === null) return undefined;
  const text: unknown = (i18n as Record<string, unknown>)[locale];
  return typeof text === 'string' ? text : undefined;
}

function describe(error: z.core.$ZodError, opts: ParseOptions): { issues: Issue[]; message: string } {
  const locale = opts.locale ?? 'zh-CN';
  const text = TEXT[locale];
  const issues = error.issues.map((issue): Issue => ({
    path: formatPath(issue.path),
    message: issue.message === MISSING ? text.required : (localizedParam(issue, locale) ?? issue.message),
  }));
  const first = error.issues[0];
  const firstIssue = issues[0];
  if (!first || !firstIssue) return { issues, message: opts.what ?? '' };
  let message: string;
  if (first.message === MISSING && first.path.length === 0) {
    message = text.nothing(opts.what);
  } else if (first.message === MISSING) {
    const key = first.path[first.path.length - 1];
    const keyText = typeof key === 'symbol' ? key.toString() : String(key);
    const at = formatPath(first.path.slice(0, -1));
    message = opts.what === undefined ? text.without(at, keyText) : text.withoutWhat(opts.what, at, keyText);
  } else {
    message = opts.what === undefined
      ? text.invalid(firstIssue.path, firstIssue.message)
      : text.invalidWhat(opts.what, firstIssue.path, firstIssue.message);
  }
  if (issues.length > 1) message += text.more(issues.length - 1);
  return { issues, message };
}

/**
 * Validates `value` and returns the parsed value (unknown keys dropped by lenient schemas,
 * defaults filled in), or throws a {@link FiregridError} whose `issues` name each path
 * (`items[3].id`) and whose message starts with `what`. Messages are in `locale` (zh-CN by
 * default), passed to zod for this call only.
 * @example
 * const page = parseWith(Page(Hazard), raw, { what: 'host.data.list', code: 'host-response', locale: 'en' });
 * // throws FiregridError('host-response', 'host.data.list returned items[3] without id')
 */
export function parseWith<S extends z.ZodMiniType>(schema: S, value: unknown, opts: ParseOptions = {}): z.infer<S> {
  const result = checkWith(schema, value, opts);
  if (result.ok) return result.value;
  throw new FiregridError(opts.code ?? 'validation', result.message, { issues: result.issues });
}

/**
 * Like {@link parseWith}, but returns the outcome instead of throwing: `{ ok: true, value }` or
 * `{ ok: false, issues, message }`. For forms, which show every issue next to its field.
 * @example
 * const r = checkWith(Hazard, draft, { locale: 'en' });
 * if (!r.ok) for (const { path, message } of r.issues) showError(path, message);
 */
export function checkWith<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  opts: ParseOptions = {},
): CheckResult<z.infer<S>> {
  const result = schema.safeParse(value, { error: errorMapFor(opts.locale ?? 'zh-CN') });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, ...describe(result.error, opts) };
}
