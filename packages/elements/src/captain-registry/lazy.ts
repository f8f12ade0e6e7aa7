// The registry's code comes in pieces: the view with the data, the form when first used, the
// virtualizer for long lists only. One controller per piece replaces hand-kept module fields.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A module loaded on demand for its host element: `value` is the module once it has come (the host
 * renders again then), `load()` starts the import (once per page: the importer memoises) and
 * resolves with the module; `error` is why the last load failed.
 * @example
 * private readonly editor = new LazyModule(this, () => import('./editor.js'));
 * // in a handler: const ui = await this.editor.load();
 * // in render():  this.editor.value?.renderEditor(…)
 */
export class LazyModule<M> implements ReactiveController {
  /** The module, once loaded. */
  value: M | undefined;
  /** Why the last load failed, if it did. */
  error: unknown;

  constructor(private readonly host: ReactiveControllerHost, private readonly importer: () => Promise<M>) {
    host.addController(this);
  }

  hostConnected(): void {
    // Nothing to set up: loads start from the host's own code, when a piece is first needed.
  }

  /** The module, importing it when it has not come yet. Rejects (and keeps `error`) when the import fails. */
  async load(): Promise<M> {
    if (this.value !== undefined) return this.value;
    try {
      const m = await this.importer();
      if (this.value === undefined) {
        this.value = m;
        this.host.requestUpdate();
      }
      return m;
    } catch (e) {
      this.error = e;
      this.host.requestUpdate();
      throw e;
    }
  }
}

/** An importer that imports once per page: every element shares the same module promise. */
export function once<M>(importer: () => Promise<M>): () => Promise<M> {
  let pending: Promise<M> | undefined;
  return () => (pending ??= importer().catch((e: unknown) => {
    // A failed chunk (a dropped connection) may load on the next try.
    pending = undefined;
    throw e;
  }));
}

// Each piece of the registry loads once per page, when first needed: the view (rows, coverage, the
// captain rules) with the data; the form when someone edits; writing when someone saves; files on
// import or export; the virtualizer for lists longer than WHOLE_LIST_MAX only (a grid's buildings
// never need it, a county's always do). The first screen needs none of them.
export const loadView = once(() => import('./view.js'));
export const loadEditor = once(() => import('./editor.js'));
export const loadWrite = once(() => import('./write.js'));
export const loadIo = once(() => import('./io.js'));
export const loadVirtual = once(() => import('./virtual.js').then((m) => {
  m.useFrameResizeObserver();
  return m;
}));
/** Lists up to this long render whole; longer ones are virtualised. */
export const WHOLE_LIST_MAX = 100;
