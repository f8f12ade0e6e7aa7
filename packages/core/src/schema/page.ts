/**
 * One page of a cursor-paged list (`GET /v1/{kind}`, `DataPort.list`).
 * @module
 */
import * as z from 'zod/mini';

/**
 * The schema of a page of `item`: `{ items, nextCursor, total? }`, where `nextCursor` is `null`
 * on the last page and `total`, when the backend counts, is how many records match the query's
 * filters across every page (the SDK's ports and the reference server send it on the first page,
 * the one asked for without a cursor; a ledger shows it as 共 N 条).
 * @example
 * const page = parseWith(Page(Hazard), await host.data.list('hazards', {}), { what: 'host.data.list' });
 */
export function Page<T extends z.core.$ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.nullable(z.string()), total: z.optional(z.int().check(z.minimum(0))) });
}
/** A page of items of type `T` (the parsed output of `Page(schema)` with `z.infer<schema>` = `T`). */
export type Page<T> = z.infer<ReturnType<typeof Page<z.core.$ZodType<T>>>>;
