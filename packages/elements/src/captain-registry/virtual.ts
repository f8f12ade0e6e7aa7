// The virtualizer and its resize observer, loaded by the registry only when a list is too long to
// render whole (DESIGN §8: the first screen of a grid's hundred buildings does not pay for it).
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { useFrameResizeObserver } from './frame-resize-observer.js';

useFrameResizeObserver();

export { virtualize };
