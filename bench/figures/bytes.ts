// DESIGN §8 byte figures: gzip -9 bytes of the initial chunk of every shipped define entry, and
// the lazily imported chunks of `@firegrid/elements/define`, each on its own — measured on the
// packed `dist` as a vendor installs it (`measurePacked`: npm pack, install, bundle).
import { budgets, measurePacked } from '../../scripts/bytes-lib.mjs';
import { compareTo, type Figure, type FigureModule } from '../lib/figure.js';

export default {
  name: 'bytes',
  async run(ctx) {
    const figures: Figure[] = [];
    for (const { label, measurement: m } of await measurePacked({ root: ctx.root, progress: (msg) => { ctx.progress(msg); } })) {
      for (const w of m.warnings) ctx.progress(`esbuild warning: ${w}`);
      const budget = budgets[label];
      figures.push({
        name: `bytes.${label}.initial`,
        value: m.initial.gzip,
        unit: 'B gzip',
        ...(budget === undefined ? {} : { compare: compareTo(m.initial.gzip, { budget }) }),
      });
      // Lazy chunks of one element are lazy chunks of `all` too; reporting them once keeps names unique.
      if (label !== 'all') continue;
      for (const f of m.files) {
        if (f.kind === 'lazy') figures.push({ name: `bytes.lazy.${f.name}`, value: f.gzip, unit: 'B gzip' });
      }
    }
    return figures;
  },
} satisfies FigureModule;
