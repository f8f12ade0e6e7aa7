// The virtualizer re-lays out and renders new rows from inside its ResizeObserver callbacks; rows
// created there are observed at the same depth as those just measured, which the browser reports
// as "ResizeObserver loop completed with undelivered notifications" — a window error that hosts'
// error monitors (and Firegrid's own gates) count. Delivering the observations in the next
// animation frame moves that work out of the observer loop: rows are measured one frame later,
// and the loop never forms.
// The loader module is the package's public entry that re-exports `provideResizeObserver`.
import { provideResizeObserver } from '@lit-labs/virtualizer/polyfillLoaders/ResizeObserver.js';

/** A ResizeObserver whose callback runs in the next animation frame, with the latest entry per target. */
class FrameResizeObserver implements ResizeObserver {
  private readonly inner: ResizeObserver;
  private readonly pending = new Map<Element, ResizeObserverEntry>();
  private frame = 0;

  constructor(callback: ResizeObserverCallback) {
    this.inner = new ResizeObserver((entries) => {
      for (const entry of entries) this.pending.set(entry.target, entry);
      if (this.frame !== 0) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        const batch = [...this.pending.values()];
        this.pending.clear();
        if (batch.length > 0) callback(batch, this);
      });
    });
  }

  observe(target: Element, options?: ResizeObserverOptions): void {
    this.inner.observe(target, options);
  }

  unobserve(target: Element): void {
    this.inner.unobserve(target);
    this.pending.delete(target);
  }

  disconnect(): void {
    this.inner.disconnect();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending.clear();
  }
}

let provided = false;

/**
 * Makes virtualizers created from now on observe sizes with {@link FrameResizeObserver}. Called by
 * the registry when it is first constructed (not on import: element modules have no side
 * effects). It applies to every virtualizer of this copy of `@lit-labs/virtualizer`, which only
 * delays their measuring by a frame.
 */
export function useFrameResizeObserver(): void {
  if (provided || typeof ResizeObserver === 'undefined') return;
  provided = true;
  provideResizeObserver(FrameResizeObserver);
}
