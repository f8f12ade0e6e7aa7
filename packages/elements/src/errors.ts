/**
 * Errors as a person reads them (what happened, what to do, in his language) while the technical
 * message — HTTP method, path, record ids — goes to the console and to the `fg-error` event's
 * detail, once per error. The texts (`error-text.ts`) load with the first error.
 * @module
 */
import type { ReactiveControllerHost } from 'lit';
import type { Locale } from '@firegrid/core';
import type * as ErrorTexts from './error-text.js';
import type { FgErrorDetail, Operation } from './error-text.js';

type TextModule = typeof ErrorTexts;

let texts: TextModule | undefined;
let loading: Promise<TextModule> | undefined;
const load = (): Promise<TextModule> => (loading ??= import('./error-text.js').then((m) => (texts = m)));
const told = new WeakSet<object>();

function tell(el: HTMLElement, m: TextModule, error: unknown, locale: Locale, operation: Operation): string {
  const detail = m.errorDetail(error, locale, operation);
  const known = typeof error === 'object' && error !== null;
  if (!known || !told.has(error)) {
    if (known) told.add(error);
    console.error(error);
    el.dispatchEvent(new CustomEvent<FgErrorDetail>('fg-error', { detail, bubbles: true, composed: true }));
  }
  return detail.message;
}

const raw = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * For a catch block: the text to show for `error`, after telling the console and the host
 * (`fg-error`) what exactly failed.
 */
export async function userError(el: HTMLElement, error: unknown, locale: Locale, operation: Operation): Promise<string> {
  try {
    return tell(el, await load(), error, locale, operation);
  } catch {
    return raw(error);
  }
}

/**
 * For `render()`: the text for `error`, or `''` while the texts load (the element is asked to
 * render again when they arrive).
 */
export function errorText(el: HTMLElement & ReactiveControllerHost, error: unknown, locale: Locale, operation: Operation): string {
  if (texts !== undefined) return tell(el, texts, error, locale, operation);
  load().then(() => { el.requestUpdate(); }, () => undefined);
  return '';
}

/** Settles once the error texts have loaded, when an error asked for them (for a `ready` promise). */
export function errorTextsLoaded(): Promise<unknown> {
  return (loading ?? Promise.resolve()).catch(() => undefined);
}

declare global {
  interface HTMLElementEventMap {
    'fg-error': CustomEvent<FgErrorDetail>;
  }
}
