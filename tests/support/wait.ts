import { render } from 'lit';
// Waiting in browser tests: poll a condition until it holds, with a generous limit, because a
// shared 2-core machine under load runs timers late (a 4 s wait once timed out in CI).

/** The default limit of a wait. */
export const WAIT_MS = 15_000;

/**
 * Resolves with `check()`'s value once it is not `undefined`, `false` or `null`, polling every
 * 16 ms; rejects after `ms` with "timed out waiting for <what>".
 * @example const row = await until(() => root.querySelector('[part~="row"]'), 'the first row');
 */
export async function until<T>(check: () => T | undefined | false | null, what: string, ms = WAIT_MS): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const v = check();
    if (v !== undefined && v !== false && v !== null) return v;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what} (page ${document.visibilityState})`);
    await new Promise((r) => setTimeout(r, 16));
  }
}

/** Like {@link until} for a primary task that reports instead of throwing: `false` when `ms` passed first. */
export async function waitFor(cond: () => boolean, ms = WAIT_MS): Promise<boolean> {
  try {
    await until(() => cond(), 'the condition', ms);
    return true;
  } catch {
    return false;
  }
}

/** Every element under `root`, through open shadow roots, in document order. */
export function allDeep(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    out.push(el);
    if (el.shadowRoot) out.push(...allDeep(el.shadowRoot));
  }
  return out;
}

/**
 * Renders `template` into a fresh `<div>` in the body and returns the div, without waiting for a
 * frame (open-wc's `fixture` of a wrapper waits for one, which a background tab never gets). Wait
 * for what the test needs with {@link until}.
 */
export function mount(template: unknown): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  render(template, host);
  return host;
}
