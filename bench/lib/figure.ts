// The shape of `bench/results.json` (DESIGN §8) and of the figure modules that fill it.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import type { BenchContext } from './context.js';

/**
 * How a figure is judged. `ok` is `value ≤ target` (or `≤ budget`), both in the figure's unit.
 * - `target`: a DESIGN §8 quality bar the bench reports on (`checklist.render500.ratio` ≤ 1.2).
 * - `budget`: a hard limit that `npm test` also enforces (`bytes.all.initial` ≤ 45,000).
 * - `baseline` / `baselineValue`: what the value was measured against in the same run — a floor
 *   such as `shared/bench/bare-list.js` or another figure such as `registry.render1000.ms` —
 *   and what that measured, in its own unit.
 * @example
 *   { baseline: 'shared/bench/bare-list.js', baselineValue: 41.2, target: 1.2, ok: true }
 *   { budget: 45000, ok: true }
 */
export const Compare = z.object({
  baseline: z.optional(z.string()),
  baselineValue: z.optional(z.number()),
  target: z.optional(z.number()),
  budget: z.optional(z.number()),
  ok: z.boolean(),
});
export type Compare = z.infer<typeof Compare>;

/**
 * One measured figure. `name` is dotted lowercase words as in DESIGN §8 (`bytes.all.initial`,
 * `bytes.lazy.lean-qr`); `value` is finite; `unit` is free text (`B gzip`, `ms`, `ratio`).
 */
export const Figure = z.object({
  name: z.string().check(z.regex(/^[a-z][a-z0-9]*(\.[A-Za-z0-9_-]+)+$/)),
  value: z.number(),
  unit: z.string().check(z.minLength(1)),
  compare: z.optional(Compare),
});
export type Figure = z.infer<typeof Figure>;

/** The machine a run was measured on; `chromium` only when a figure launched the browser. */
export const Machine = z.object({
  node: z.string(),
  cpus: z.int(),
  cpuModel: z.string(),
  memGiB: z.number(),
  platform: z.string(),
  chromium: z.optional(z.string()),
  date: z.string(),
});
export type Machine = z.infer<typeof Machine>;

/** The whole of `bench/results.json`. */
export const Results = z.object({ machine: Machine, figures: z.array(Figure) });
export type Results = z.infer<typeof Results>;

/**
 * What a file in `bench/figures/` default-exports. `name` equals the file's stem; it is what
 * `npm run bench -- <filter>` matches and what progress lines show.
 * @example
 *   export default {
 *     name: 'bytes',
 *     async run(ctx) { ctx.progress('measuring …'); return [{ name: 'bytes.all.initial', value: 9031, unit: 'B gzip' }]; },
 *   } satisfies FigureModule;
 */
export interface FigureModule {
  name: string;
  run(ctx: BenchContext): Figure[] | Promise<Figure[]>;
}

/**
 * Judges `value` against a bound: `ok` when `value ≤` the target or budget.
 * @example
 *   compareTo(ratio, { target: 1.2, baseline: 'shared/bench/bare-list.js', baselineValue: floorMs })
 *   compareTo(9031, { budget: 45000 }) // → { budget: 45000, ok: true }
 */
export function compareTo(
  value: number,
  bound: { target: number; baseline?: string; baselineValue?: number } | { budget: number; baseline?: string; baselineValue?: number },
): Compare {
  const limit = 'target' in bound ? bound.target : bound.budget;
  return { ...bound, ok: value <= limit };
}

/** How the table shows a figure: `ok`, `over`, or `recorded` when it has nothing to meet. */
export function status(figure: Figure): 'ok' | 'over' | 'recorded' {
  if (figure.compare === undefined) return 'recorded';
  return figure.compare.ok ? 'ok' : 'over';
}

/**
 * Checks what a figure module returned, with English messages naming each bad field.
 * @throws {Error} listing every issue, e.g. `figures[0].value: Invalid input: expected number, received NaN`
 */
export function parseFigures(moduleName: string, value: unknown): Figure[] {
  const r = z.array(Figure).safeParse(value, { error: en().localeError });
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => `  figures${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}: ${i.message}`);
  throw new Error(`figure module "${moduleName}" returned figures that do not fit bench/lib/figure.ts:\n${issues.join('\n')}`);
}
