import type { Locale } from '@firegrid/core';

/**
 * A locale as an element, a provider or a session may write it, or undefined when it names
 * none: anything starting with `en` is English, anything starting with `zh` is zh-CN.
 * @example normalizeLocale('en-US'); // 'en'
 */
export function normalizeLocale(value: string | null | undefined): Locale | undefined {
  const l = (value ?? '').trim().toLowerCase();
  if (l.startsWith('en')) return 'en';
  if (l.startsWith('zh')) return 'zh-CN';
  return undefined;
}

/**
 * Picks the locale an element speaks; the first that names one wins:
 * 1. the element's own `locale` (property or attribute);
 * 2. the nearest `<fg-provider>`'s `locale`;
 * 3. the session's `locale`;
 * and zh-CN when none does. `lang` attributes, on `<html>` or anywhere else, are not read: page
 * templates say `en` (Vite's, Storybook's) whatever language the app speaks.
 * @example resolveLocale(undefined, 'en', 'zh-CN'); // 'en'
 */
export function resolveLocale(element: string | null | undefined, provider?: string | null, session?: string | null): Locale {
  return normalizeLocale(element) ?? normalizeLocale(provider) ?? normalizeLocale(session) ?? 'zh-CN';
}

/** A message table with a zh-CN and an English text per key. */
export type Messages<K extends string> = Record<K, { 'zh-CN': string; en: string }>;

/** Looks up `key` in `table` for `locale`. */
export function msg<K extends string>(table: Messages<K>, key: K, locale: Locale): string {
  return table[key][locale];
}

/**
 * `text` with its `{name}` placeholders filled from `values`; a placeholder without a value stays.
 * @example fill('{n} 户', { n: 144 }); // '144 户'
 */
export function fill(text: string, values: Readonly<Record<string, string | number>> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = values[name];
    return v === undefined ? whole : String(v);
  });
}
