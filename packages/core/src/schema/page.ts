/**
 * One page of a cursor-paged list (`GET /v1/{kind}`, `DataPort.list`).
 * @module
 */
import * as z from 'zod/mini';

/**
 * The schema of a page of `item`: `{ items, nextCursor }`, where `nextCursor` is `null` on the
 * last page.
 * @example
 * const page = parseWith(Page(Hazard), await host.data.list('hazards', {}), { what: 'host.data.list' });
 */
export function Page<T extends z.core.$ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });
}
/** A page of items of type `T` (the parsed output of `Page(schema)` with `z.infer<schema>` = `T`). */
export type Page<T> = z.infer<ReturnType<typeof Page<z.core.$ZodType<T>>>>;
