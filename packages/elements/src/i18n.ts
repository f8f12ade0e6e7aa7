import type { Locale } from '@firegrid/core';

/**
 * Picks the locale an element speaks: its own `lang` (or the nearest ancestor's) first, then the
 * session's, then zh-CN. Anything starting with `en` is English; everything else is zh-CN.
 */
export function resolveLocale(lang: string | null | undefined, sessionLocale?: Locale): Locale {
  const l = (lang ?? '').trim().toLowerCase();
  if (l.startsWith('en')) return 'en';
  if (l.startsWith('zh')) return 'zh-CN';
  return sessionLocale ?? 'zh-CN';
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

/** The `lang` of the element or its nearest ancestor, crossing shadow roots. */
export function inheritedLang(el: Element): string | null {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang');
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return null;
}
