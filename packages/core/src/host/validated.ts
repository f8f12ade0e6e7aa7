/**
 * `validateHost`: wraps a host adapter so that every value one of its methods returns is parsed
 * with the right schema before Firegrid uses it (DESIGN §2: validation at trust boundaries).
 * @module
 */
import * as z from 'zod/mini';
import { FiregridError } from '../errors.js';
import { COMMANDS, RESOURCE_KINDS } from '../names.js';
import type { CommandName, ResourceKind } from '../names.js';
import { COMMAND_MAP } from '../commands.js';
import type { CommandPayload, CommandResult } from '../commands.js';
import { GeoPoint, HostSession, Page, PhotoRef, RECORD_SCHEMAS } from '../schema/index.js';
import type { Page as PageOf, RecordOf } from '../schema/index.js';
import { checkWith, parseWith } from '../validate.js';
import { DEFAULT_LIMIT, Query } from './query.js';
import { DirectoryPerson, DirectoryPlace } from './types.js';
import type { CommandOptions, DataPort, FiregridHost, LocaleSource } from './types.js';
import { parsesResult } from './parsed.js';

/** Options of {@link validateHost}. */
export interface ValidateHostOptions {
  /** The locale of validation messages, or a function that tells it when asked. */
  locale?: LocaleSource;
}

const VALIDATED = new WeakSet<FiregridHost>();

const BlobList = z.array(z.instanceof(Blob));
const OptionalGeoPoint = z.nullable(GeoPoint);
const Places = z.array(DirectoryPlace);
const People = z.array(DirectoryPerson);
const Confirmed = z.boolean();
const AbsoluteUrl = z.url();

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error';
}

function checkKind(kind: unknown, member: string): asserts kind is ResourceKind {
  if (!(RESOURCE_KINDS as readonly unknown[]).includes(kind)) {
    throw new FiregridError('validation', `${member} was asked for an unknown resource kind "${String(kind)}"; expected one of ${RESOURCE_KINDS.join(', ')}.`, {
      issues: [{ path: 'kind', message: 'unknown resource kind' }],
    });
  }
}

/**
 * Wraps a host so that:
 * - every value a method returns is validated (`data.list` → a page of records of that kind,
 *   `data.get` → that record or null, `data.save` → the stored record, `uploadMedia` → a
 *   PhotoRef, `readMedia` → a Blob, `session` → a HostSession, `geo` → GeoPoints, and so on); a
 *   bad one becomes FiregridError `host-response` whose message names the member and the path
 *   ("host.data.list returned items[3] without id");
 * - a method that throws or rejects becomes FiregridError `host-failure` with the original as
 *   `cause` — unless it threw a FiregridError itself (`conflict`, `unauthorized` …), which passes
 *   unchanged so the client can act on its code;
 * - a list query is checked before the host sees it (FiregridError `validation`).
 *
 * Optional ports and members the host does not have stay absent. Wrapping twice is harmless:
 * an already validated host is returned as it is.
 * @example
 * const host = validateHost(defineHost(myAdapter), { locale: 'zh-CN' });
 * const page = await host.data.list('hazards', { status: 'reported' }); // every item is a valid Hazard
 */
export function validateHost(host: FiregridHost, options: ValidateHostOptions = {}): FiregridHost {
  if (VALIDATED.has(host)) return host;
  const source = options.locale;
  const locale = () => (typeof source === 'function' ? source() : source);

  /** Calls a host method and hands its value to `check`, turning failures into typed errors. */
  const call = async <T>(member: string, invoke: () => unknown, check: (value: unknown) => T): Promise<T> => {
    let value: unknown;
    try {
      value = await invoke();
    } catch (error) {
      if (error instanceof FiregridError) throw error;
      throw new FiregridError('host-failure', `host.${member} failed: ${messageOf(error)}`, { cause: error });
    }
    return check(value);
  };
  const parse = <S extends z.ZodMiniType>(schema: S, member: string) =>
    (value: unknown): z.infer<S> => parseWith(schema, value, { locale: locale(), what: `host.${member}`, code: 'host-response' });
  const wrongId = (member: string, expected: string, got: string) =>
    new FiregridError('host-response', `host.${member} returned the record ${got} when asked for ${expected}`, {
      issues: [{ path: 'id', message: `expected ${expected}` }],
    });

  const pages = new Map<ResourceKind, z.ZodMiniType>();
  const pageOf = (kind: ResourceKind) => {
    let schema = pages.get(kind);
    if (schema === undefined) pages.set(kind, (schema = Page(RECORD_SCHEMAS[kind])));
    return schema;
  };
  const nullableRecords = new Map<ResourceKind, z.ZodMiniType>();
  const nullableOf = (kind: ResourceKind) => {
    let schema = nullableRecords.get(kind);
    if (schema === undefined) nullableRecords.set(kind, (schema = z.nullable(RECORD_SCHEMAS[kind])));
    return schema;
  };

  const d = host.data;
  // What a port parsed itself (httpDataPort, at the network boundary) is not parsed twice.
  const parsedBy = {
    list: parsesResult(d, 'list'), get: parsesResult(d, 'get'), save: parsesResult(d, 'save'), command: parsesResult(d, 'command'),
  };
  const data: DataPort = {
    async list(kind, query) {
      checkKind(kind, 'host.data.list');
      const checked = checkWith(Query, query, { locale: locale() });
      if (!checked.ok) {
        throw new FiregridError('validation', `host.data.list was asked with an invalid query: ${checked.message}`, { issues: checked.issues });
      }
      const q = checked.value;
      const limit = q.limit ?? DEFAULT_LIMIT;
      const checkPage = parse(pageOf(kind), 'data.list');
      // A page longer than asked for is refused before its items are validated: a host that
      // ignores `limit` would otherwise make every list screen parse (and render) all it has.
      const bounded = (value: unknown) => {
        const items = typeof value === 'object' && value !== null ? (value as { items?: unknown }).items : undefined;
        if (Array.isArray(items) && items.length > limit) {
          const zh = locale() === 'en' ? undefined : `host.data.list 返回了 ${items.length} 条记录，但只请求了最多 ${limit} 条`;
          throw new FiregridError('host-response', zh ?? `host.data.list returned ${items.length} items when at most ${limit} were asked for`, {
            issues: [{ path: 'items', message: zh ?? `at most ${limit} items expected, got ${items.length}` }],
          });
        }
        return parsedBy.list ? value : checkPage(value);
      };
      return await call('data.list', () => d.list(kind, q), bounded) as PageOf<RecordOf<typeof kind>>;
    },
    async get(kind, id, options) {
      checkKind(kind, 'host.data.get');
      const revision = options?.revision;
      const record = await call('data.get', () => (revision === undefined ? d.get(kind, id) : d.get(kind, id, { revision })),
        parsedBy.get ? (v) => v : parse(nullableOf(kind), 'data.get')) as { id: string; revision?: number } | null;
      if (record !== null && record.id !== id) throw wrongId('data.get', id, record.id);
      // A port that ignores the option answers with the latest revision: refused, never taken for the one asked.
      if (record !== null && revision !== undefined && record.revision !== revision) {
        throw new FiregridError('host-response', `host.data.get returned revision ${String(record.revision)} of the template ${id} when asked for revision ${revision}; a port that stores templates serves every revision it holds, or null`, {
          issues: [{ path: 'revision', message: `expected ${revision}` }],
        });
      }
      return record as RecordOf<typeof kind> | null;
    },
    async save(kind, record, opts) {
      checkKind(kind, 'host.data.save');
      const saved = await call('data.save', () => d.save(kind, record, opts), parsedBy.save ? (v) => v : parse(RECORD_SCHEMAS[kind], 'data.save')) as { id: string };
      if (saved.id !== record.id) throw wrongId('data.save', record.id, saved.id);
      return saved as RecordOf<typeof kind>;
    },
    // A command's result is checked against its entry in the command map (hazards.transition: a Hazard).
    command: async <N extends CommandName>(name: N, payload: CommandPayload<N>, opts: CommandOptions) => {
      if (!(COMMANDS as readonly string[]).includes(name)) {
        throw new FiregridError('validation', `host.data.command was asked for the unknown command ${JSON.stringify(name)}`, {
          issues: [{ path: 'name', message: 'unknown command' }],
        });
      }
      const check = parsedBy.command ? (value: unknown) => value : parse(COMMAND_MAP[name].result, `data.command(${name})`);
      return await call('data.command', () => d.command(name, payload, opts), check) as CommandResult<N>;
    },
    uploadMedia: (blob, meta, opts) => call('data.uploadMedia', () => d.uploadMedia(blob, meta, opts), parse(PhotoRef, 'data.uploadMedia')),
    readMedia: (ref) => call('data.readMedia', () => d.readMedia(ref), (value) => {
      if (value instanceof Blob) return value;
      throw new FiregridError('host-response', 'host.data.readMedia returned something that is not a Blob', {
        issues: [{ path: '', message: 'expected a Blob' }],
      });
    }),
  };

  const wrapped: FiregridHost = {
    session: () => call('session', () => host.session(), parse(HostSession, 'session')),
    data,
  };
  const { media, geo, directory, ui, links, events } = host;
  if (media) {
    wrapped.media = { capture: (opts) => call('media.capture', () => media.capture(opts), parse(BlobList, 'media.capture')) };
  }
  if (geo) {
    const pick = geo.pick?.bind(geo);
    wrapped.geo = {
      locate: () => call('geo.locate', () => geo.locate(), parse(GeoPoint, 'geo.locate')),
      ...(pick && { pick: (opts) => call('geo.pick', () => pick(opts), parse(OptionalGeoPoint, 'geo.pick')) }),
    };
  }
  if (directory) {
    const places = directory.places?.bind(directory);
    const people = directory.people?.bind(directory);
    wrapped.directory = {
      ...(places && { places: (q) => call('directory.places', () => places(q), parse(Places, 'directory.places')) }),
      ...(people && { people: (q) => call('directory.people', () => people(q), parse(People, 'directory.people')) }),
    };
  }
  if (ui) {
    const toast = ui.toast?.bind(ui);
    const confirm = ui.confirm?.bind(ui);
    const navigate = ui.navigate?.bind(ui);
    wrapped.ui = {
      ...(toast && { toast: (message, opts) => call('ui.toast', () => toast(message, opts), () => undefined) }),
      ...(confirm && { confirm: (message, opts) => call('ui.confirm', () => confirm(message, opts), parse(Confirmed, 'ui.confirm')) }),
      ...(navigate && { navigate: (target) => call('ui.navigate', () => navigate(target), () => undefined) }),
    };
  }
  if (links) {
    wrapped.links = { tipOff: (placeId) => call('links.tipOff', () => links.tipOff(placeId), parse(AbsoluteUrl, 'links.tipOff')) };
  }
  if (events) {
    wrapped.events = { emit: (event) => call('events.emit', () => events.emit(event), () => undefined) };
  }
  VALIDATED.add(wrapped);
  return wrapped;
}
