/**
 * Errors as a person reads them (what happened, what to do, in his language) while the technical
 * message — HTTP method, path, record ids — goes to the console and to the `fg-error` event's
 * detail, once per error. The texts and the reporting (`error-text.ts`) load with the first error.
 * @module
 */
import type { ReactiveControllerHost } from 'lit';
import type { Locale } from '@firegrid/core';
import type * as ErrorTexts from './error-text.js';
import type { Operation } from './error-text.js';

let texts: typeof ErrorTexts | undefined;
let loading: Promise<typeof ErrorTexts> | undefined;
const load = (): Promise<typeof ErrorTexts> => (loading ??= import('./error-text.js').then((m) => (texts = m)));

/**
 * For a catch block (`operation` is `read` unless given): the text to show for `error`, after telling the console and the host
 * (`fg-error`) what exactly failed.
 */
export const userError = (el: HTMLElement, error: unknown, locale: Locale, operation: Operation = 'read'): Promise<string> =>
  load().then((m) => m.report(el, error, locale, operation), () => String(error));

/**
 * For `render()`: the text for `error`, or `''` while the texts load (the element is asked to
 * render again when they arrive).
 */
export function errorText(el: HTMLElement & ReactiveControllerHost, error: unknown, locale: Locale, operation: Operation = 'read'): string {
  if (texts) return texts.report(el, error, locale, operation);
  load().then(() => { el.requestUpdate(); }, () => undefined);
  return '';
}

/** Settles once the error texts have loaded, when an error asked for them (for a `ready` promise). */
export const errorTextsLoaded = (): Promise<unknown> => (loading ?? Promise.resolve()).catch(() => undefined);
