/**
 * What must hold after an element met hostile input or a malformed host: nothing ran, no markup
 * was parsed from a string, nothing threw, the element is still there and still renders.
 */
import { expect } from '@open-wc/testing';
import { deepElements, deepText, injectedMarkup } from './dom.js';
import { SENTINEL } from './hostile-corpus.js';

const sentinel = (): unknown => (window as unknown as Record<string, unknown>)[SENTINEL];
const polluted = (): unknown => ({} as Record<string, unknown>).fgPolluted;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Clears the sentinel before a run. */
export function resetSentinel(): void {
  Reflect.deleteProperty(window, SENTINEL);
}

/** Collects uncaught errors and unhandled rejections until stopped. */
export function watchErrors(): { errors: string[]; stop: () => void } {
  const errors: string[] = [];
  const onError = (e: ErrorEvent): void => { errors.push(`uncaught: ${e.message}`); };
  const onRejection = (e: PromiseRejectionEvent): void => {
    errors.push(`unhandled rejection: ${e.reason instanceof Error ? e.reason.message : String(e.reason)}`);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/**
 * Asserts everything that must hold after hostile input, whatever the task's outcome; `where`
 * starts each failure message.
 */
export async function expectInert(container: HTMLElement, el: HTMLElement, errors: readonly string[], where: string): Promise<void> {
  // Handlers of injected media and <details> run after a network round trip or a task.
  await sleep(60);
  expect(sentinel(), `${where}: a hostile string ran as code (window.${SENTINEL} was set)`).to.equal(undefined);
  expect(polluted(), `${where}: Object.prototype was polluted`).to.equal(undefined);
  expect(injectedMarkup(container), `${where}: markup was parsed from a string`).to.deep.equal([]);
  expect(errors, `${where}: errors thrown`).to.deep.equal([]);
  expect(el.isConnected, `${where}: the element left the page`).to.equal(true);
  expect(deepElements(el).length + deepText(el).trim().length, `${where}: the element stopped rendering`).to.be.greaterThan(0);
  // It still renders on request: a render that throws rejects updateComplete.
  for (const lit of [el, ...deepElements(el)]) {
    const l = lit as Partial<{ requestUpdate: () => void; updateComplete: Promise<unknown> }>;
    if (typeof l.requestUpdate === 'function' && l.updateComplete instanceof Promise) {
      l.requestUpdate();
      await l.updateComplete;
    }
  }
}
