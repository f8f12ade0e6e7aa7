// The virtualizer and its resize observer, loaded by the registry only when a list is too long to
// render whole (DESIGN §8: the first screen of a grid's hundred buildings does not pay for it).
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';

// `useFrameResizeObserver` is called by the registry after this module loads, not on evaluation:
// a bundler may drop the effects of a module whose exports it thinks unused.
export { useFrameResizeObserver } from './frame-resize-observer.js';
export { virtualize };
