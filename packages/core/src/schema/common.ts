/**
 * Building blocks shared by every record schema: ids, timestamps, localized text, the stored
 * fields of DESIGN §2 and the helpers that turn a lenient read schema into a strict input one.
 * @module
 */
import * as z from 'zod/mini';

/**
 * A UUID (RFC 9562). Ids Firegrid makes are UUIDv7 ({@link newId}), but a record made by a
 * vendor's backend may carry any version, so any valid UUID is accepted.
 */
export const Uuid = z.uuid();
export type Uuid = z.infer<typeof Uuid>;

/** A non-empty string (names, codes, ids made by a host). */
export const NonEmpty = z.string().check(z.minLength(1));

/**
 * An instant: ISO 8601 date and time with `Z` or an offset (`2025-03-01T09:30:00+08:00`).
 * A time without an offset is refused: it means a different instant on every device.
 */
export const IsoDateTime = z.iso.datetime({ offset: true });
export type IsoDateTime = z.infer<typeof IsoDateTime>;

/** A calendar day, `YYYY-MM-DD` (terms and scoring periods are whole days in Asia/Shanghai). */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

/**
 * A deadline: a calendar day (`2025-06-30`, running to the end of that day in UTC+8, the form a
 * 整改时限 usually takes) or an instant with an offset. See `deadlineEnd` for how it is read.
 */
export const Deadline = z.union([IsoDate, IsoDateTime]);
export type Deadline = z.infer<typeof Deadline>;

/** Text shown to people: zh-CN always, English when someone has written it. */
export const LocalizedText = z.object({ 'zh-CN': NonEmpty, en: z.optional(NonEmpty) });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** A phone number as people write it: digits with an optional `+`, spaces or dashes (`0571-8888 1234`). */
export const Phone = z.string().check(z.regex(/^\+?\d[\d -]{4,22}\d$/));

/** Tenant ids are opaque strings given by the host or the token. */
export const TenantId = NonEmpty;

/**
 * Fields every stored record has (DESIGN §2).
 *
 * `version` is incremented by the server, which stores a record's first version as 1.
 * A draft the client has made and the server has not yet acknowledged has `version: 0`, so
 * `version === 0` reads as "never stored by the server" and an edit of it sends no `If-Match`.
 */
export const StoredShape = {
  /** UUIDv7 made on the client, so the record exists offline. */
  id: Uuid,
  /** 0 for a client draft the server has not stored; 1, 2, … as the server stores it. */
  version: z.int().check(z.nonnegative()),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  tenantId: TenantId,
};

/** The stored fields as a `PUT` body may carry them: server-managed ones optional (and ignored by the server). */
export const StoredInputShape = {
  id: Uuid,
  version: z.optional(StoredShape.version),
  createdAt: z.optional(IsoDateTime),
  updatedAt: z.optional(IsoDateTime),
  tenantId: z.optional(TenantId),
};

/** The stored fields of DESIGN §2 on their own. */
export const StoredFields = z.object(StoredShape);
export type StoredFields = z.infer<typeof StoredFields>;

/** A message in both locales, carried by Firegrid's own refinements so `parseWith` can localize it. */
export interface LocalizedMessage {
  'zh-CN': string;
  en: string;
}

/**
 * Adds a custom issue whose message exists in both locales. The English text is the issue's own
 * message (what a plain `safeParse` shows); `parseWith` picks the locale asked for from `params.i18n`.
 */
export function addLocalizedIssue(
  ctx: z.core.$RefinementCtx,
  path: PropertyKey[],
  message: LocalizedMessage,
): void {
  ctx.addIssue({ code: 'custom', message: message.en, path, params: { i18n: message }, input: ctx.value, continue: true });
}

type Def = Record<string, unknown> & { type: string };
const defOf = (s: z.core.$ZodType): Def => s._zod.def as unknown as Def;
const NEVER = z.never();

/**
 * Returns a copy of `schema` that refuses unknown keys at every level: each `z.object` inside it
 * becomes strict, with its refinements kept. The read schemas drop unknown keys (a newer server
 * or a vendor's extra column never breaks a host); input to the server is strict (DESIGN §2),
 * and writing every schema twice would let the two drift apart.
 *
 * The type is the one of `schema`: strictness changes which values parse, not what they parse to.
 * Recursive schemas (getters, `z.lazy`) are handled: nested shapes are converted lazily.
 * @example
 * const PlaceInput = strictDeep(z.object({ ...StoredInputShape, ...PlaceShape }));
 */
export function strictDeep<S extends z.core.$ZodType>(schema: S): S {
  return walk(schema, new Map()) as S;
}

function walk(schema: z.core.$ZodType, seen: Map<z.core.$ZodType, z.core.$ZodType>): z.core.$ZodType {
  const done = seen.get(schema);
  if (done) return done;
  const def = defOf(schema);
  const sub = (s: unknown): z.core.$ZodType => walk(s as z.core.$ZodType, seen);
  let next: Def | undefined;
  switch (def.type) {
    case 'object': {
      const source = def.shape as Record<string, z.core.$ZodType>;
      const shape: Record<string, z.core.$ZodType> = {};
      // Children are converted when zod first reads the shape, after this node is in `seen`,
      // so a schema that contains itself (a getter or z.lazy) does not recurse forever.
      for (const key of Object.keys(source)) {
        Object.defineProperty(shape, key, { enumerable: true, configurable: true, get: () => sub(source[key]) });
      }
      next = { ...def, shape, catchall: NEVER };
      break;
    }
    case 'array':
      next = { ...def, element: sub(def.element) };
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      next = { ...def, innerType: sub(def.innerType) };
      break;
    case 'union':
      next = { ...def, options: (def.options as unknown[]).map(sub) };
      break;
    case 'record':
      next = { ...def, valueType: sub(def.valueType) };
      break;
    case 'tuple':
      next = { ...def, items: (def.items as unknown[]).map(sub), rest: def.rest ? sub(def.rest) : def.rest };
      break;
    case 'intersection':
      next = { ...def, left: sub(def.left), right: sub(def.right) };
      break;
    case 'pipe':
      next = { ...def, in: sub(def.in), out: sub(def.out) };
      break;
    case 'lazy': {
      const getter = def.getter as () => z.core.$ZodType;
      next = { ...def, getter: () => sub(getter()) };
      break;
    }
    default:
      next = undefined;
  }
  if (!next) {
    seen.set(schema, schema);
    return schema;
  }
  // The instance's own `clone`, not `z.core.clone`: touching the `core` namespace at runtime
  // bundles all of zod core (JSON Schema, every locale) into a host's page.
  const copy = (schema as z.ZodMiniType).clone(next as unknown as z.ZodMiniType['_zod']['def']);
  seen.set(schema, copy);
  return copy;
}
