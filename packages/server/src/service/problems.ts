/**
 * The problems the service answers with (DESIGN §5's problem documents, as {@link HttpError}s),
 * and the strict input check that names each unknown field. Every service module builds its
 * refusals from these, so a status, a slug and the shape of `errors` mean the same everywhere.
 * @module
 */
import { checkWith, formatPath, notFoundRefusal } from '@firegrid/core';
import type { Issue, Locale, ResourceKind, WriteRefusal } from '@firegrid/core';
import { HttpError, text } from '../http.js';
import type { Text } from '../http.js';
import type { Call } from './types.js';

/** The most per-row problems one answer lists (an import of many bad rows). */
export const MAX_ISSUES = 200;

type Schema = Parameters<typeof checkWith>[0];

/**
 * `checkWith` with one path per unknown field: zod reports unknown keys once, at the object that
 * holds them (`reporter`), where a person fixing a request needs each one (`reporter.mood`).
 */
export function checkInput<S extends Schema>(schema: S, value: unknown, locale: Locale): ReturnType<typeof checkWith<S>> {
  const result = checkWith(schema, value, { locale });
  if (result.ok) return result;
  const raw = schema.safeParse(value);
  // Both runs parse the same value with the same schema, so their issues pair up one to one.
  if (raw.success || raw.error.issues.length !== result.issues.length) return result;
  const unknown = locale === 'en' ? 'unknown field' : '未知字段';
  const issues = raw.error.issues.flatMap((issue, i): Issue[] => (issue.code === 'unrecognized_keys'
    ? issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: unknown }))
    : [result.issues[i] ?? { path: formatPath(issue.path), message: issue.message }]));
  return { ...result, issues };
}

/** 403 `forbidden`, with the paths at fault when there are some. */
export const forbidden = (detail: Text, errors?: Issue[]): HttpError => new HttpError(403, 'forbidden', detail, errors ? { errors } : {});

/** The problem of a refused write, read or transition (core's `WriteRefusal`): its status, slug, field paths and, for an action-owned field, the field and its actions. */
export function refusal(r: WriteRefusal): HttpError {
  return new HttpError(r.status, r.code, text(r.message['zh-CN'], r.message.en), {
    errors: r.issues,
    ...(r.field === undefined ? {} : { extra: { field: r.field, ...(r.actions === undefined ? {} : { actions: r.actions }) } }),
  });
}

/** 404 `not-found`: no record of the kind (or photo) with this id, or none the caller may know of (core's `notFoundRefusal`). */
export function notFound(kind: ResourceKind | 'media', id: string): HttpError {
  if (kind !== 'media') return refusal(notFoundRefusal(kind, id));
  return new HttpError(404, 'not-found', text(`没有 id 为 ${id} 的照片`, `There is no photo with id ${id}`));
}

/** 400 or 422 with the paths at fault (at most {@link MAX_ISSUES}); `validation` unless `slug` says otherwise. */
export function invalid(status: 400 | 422, detail: Text, issues: readonly Issue[], slug = 'validation'): HttpError {
  return new HttpError(status, slug, detail, { errors: issues.slice(0, MAX_ISSUES) });
}

/** A 400 `bad-query` naming the query parameter at `path`, in the caller's language. */
export function badQuery(call: Call): (path: string, zh: string, en: string) => HttpError {
  return (path, zh, en) => {
    const t = text(zh, en);
    return invalid(400, t, [{ path, message: t[call.locale] }], 'bad-query');
  };
}
