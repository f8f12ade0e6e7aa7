/**
 * Autosave for drafts: what a person types is saved a moment after he stops, and at once when
 * the page is hidden or unloaded (Collect's savepoints, learned the hard way: a phone kills a
 * backgrounded tab without warning).
 * @module
 */
import type { ResourceKind } from '../names.js';
import type { DraftStore } from '../client/drafts.js';
import type { Draft } from '../client/events.js';

/** Options of {@link autosave}. */
export interface AutosaveOptions {
  /** Quiet time before a save, in ms; 800 by default. */
  delayMs?: number;
  /** Receives save failures (a full disk: FiregridError `storage`), which the screen should show. */
  onError?: (error: unknown) => void;
  /** Receives each saved draft. */
  onSaved?: (draft: Draft) => void;
  /** Where `visibilitychange` and `pagehide` are listened to; `globalThis` by default. */
  target?: EventTarget;
}

/** A running autosave of one draft. */
export interface Autosave<K extends ResourceKind = ResourceKind> {
  /** Schedules a save of `draft` (the latest call wins). */
  update(draft: Draft<K>): void;
  /** Saves what is scheduled now; resolves when it is stored. */
  flush(): Promise<void>;
  /** Saves what is scheduled and stops listening. */
  stop(): Promise<void>;
}

/**
 * Saves a draft through `drafts` (usually `client.drafts`) shortly after each change, and at
 * once when the page is hidden or unloaded.
 * @example
 * const saver = autosave(client.drafts, 'hazards', { onError: (e) => showError(e) });
 * input.addEventListener('input', () => { saver.update({ ...draft, description: input.value }); });
 */
export function autosave<K extends ResourceKind>(drafts: DraftStore, kind: K, options: AutosaveOptions = {}): Autosave<K> {
  const delay = options.delayMs ?? 800;
  const target = options.target ?? (typeof addEventListener === 'function' ? globalThis : undefined);
  let next: Draft<K> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let chain: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const draft = next;
    next = undefined;
    if (draft === undefined) return chain;
    // Saves run one after another, so an older draft never lands after a newer one.
    chain = chain.then(async () => {
      try {
        const saved = await drafts.save(kind, draft);
        options.onSaved?.(saved);
      } catch (error) {
        options.onError?.(error);
      }
    });
    return chain;
  };
  const onHide = (event: Event): void => {
    if (event.type === 'pagehide' || typeof document === 'undefined' || document.visibilityState === 'hidden') void flush();
  };
  target?.addEventListener('visibilitychange', onHide);
  target?.addEventListener('pagehide', onHide);
  return {
    update(draft) {
      next = draft;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => { void flush(); }, delay);
    },
    flush,
    async stop() {
      target?.removeEventListener('visibilitychange', onHide);
      target?.removeEventListener('pagehide', onHide);
      await flush();
    },
  };
}
