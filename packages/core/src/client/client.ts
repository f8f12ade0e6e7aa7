/**
 * `createFiregridClient`: what elements talk to. It wraps the host with validation, caches the
 * session, keeps drafts and sends submissions and commands through a {@link SaveBackend}, and
 * emits domain events (also forwarded to the host's event hub).
 *
 * Elements save through two calls only (DESIGN §3): `client.drafts` for work in progress and
 * `client.submit` / `client.command` for what goes to the server. The foundation ships them over
 * memory and the data port; the offline client puts IndexedDB and the outbox behind the same
 * calls by giving another backend. Domain operations (`client.inspections`, `client.hazards`,
 * `client.captains`, `client.scores`) are built on these calls by later modules.
 * @module
 */
import * as z from 'zod/mini';
import { FiregridError } from '../errors.js';
import { newId } from '../ids.js';
import { COMMANDS, HAZARD_ACTIONS, HAZARD_CATEGORY_CODES, LOCALES, RESOURCE_KINDS, ROLES } from '../names.js';
import type { CommandName, HazardCategory, Locale, ResourceKind } from '../names.js';
import { RECORD_INPUT_SCHEMAS } from '../schema/index.js';
import type { HostSession, RecordInputOf } from '../schema/index.js';
import type { LifecycleOptions } from '../hazard/lifecycle.js';
import type { TipOffClockOptions } from '../hazard/tip-off.js';
import { defineHost } from '../host/define-host.js';
import type { DataPort, FiregridHost } from '../host/types.js';
import { validateHost } from '../host/validated.js';
import { checkWith } from '../validate.js';
import { assertDraft, memoryBackend } from './drafts.js';
import type { DraftStore, SaveBackendFactory } from './drafts.js';
import { checkCommandPayload } from '../commands.js';
import type { CommandPayload, CommandResult } from '../commands.js';
import type { CommandReceipt, SubmitReceipt } from './receipts.js';
import type { OfflineControl } from '../offline/types.js';
import { createEmitter, withExternalCode } from './events.js';
import type { FiregridEvent, FiregridEvents } from './events.js';
import { createInspectionsApi } from '../checklist/client-inspections.js';
import type { InspectionsApi } from '../checklist/client-inspections.js';
import { createHazardsApi } from '../hazard/client-hazards.js';
import type { HazardsApi } from '../hazard/client-hazards.js';

/** Role matrix overrides of the hazard lifecycle, as `createLifecycle` takes them. */
export type HazardLifecycleRoles = Readonly<NonNullable<LifecycleOptions['roles']>>;
/** The rest of a vendor's lifecycle rules elements apply, as `createLifecycle` takes them. */
export type HazardLifecycleRules = Readonly<Pick<LifecycleOptions, 'rolesWhen' | 'separationOfDuties' | 'majorClosesByLift'>>;

/** Options of {@link createFiregridClient}. */
export interface FiregridClientOptions {
  /** The host adapter (checked with `defineHost`, then validated on every call). */
  host: FiregridHost;
  /**
   * The host platform's own event code per hazard category (数字城管 部件/事件 codes differ from
   * city to city). Events about a hazard of a mapped category carry it as `externalCode`.
   */
  categoryCodes?: Partial<Record<HazardCategory, string>>;
  /** Role matrix overrides of the hazard lifecycle: the roles given replace an action's defaults. */
  roles?: HazardLifecycleRoles;
  /**
   * The vendor's severity-aware roles, separation of duties and whether a major hazard closes
   * only by `lift` (`createLifecycle` options), so that elements offer what the server allows.
   */
  lifecycle?: HazardLifecycleRules;
  /**
   * The clocks of a resident's tip-off (`tipOffClocks` options): site-check hours, per category
   * too, answer working days and the holiday/调休 calendar (give next year's before it starts).
   * Elements (the ledger's 超期未核查 and 超期未答复 flags and due times) use them.
   */
  tipOffClocks?: TipOffClockOptions;
  /** The language to speak; the session's when left out, zh-CN before the session is known. */
  locale?: Locale;
  /** The clock; the real one by default. */
  now?: () => Date;
  /**
   * Receives errors no caller can: a host event sink or an event listener that threw. They never
   * break the client; without `onError` they are dropped.
   */
  onError?: (error: FiregridError) => void;
  /**
   * Where drafts are kept and writes go. {@link memoryBackend} by default; the offline layer
   * provides one with IndexedDB and the outbox.
   */
  backend?: SaveBackendFactory;
}

/** The Firegrid client. Make one per signed-in host session with {@link createFiregridClient}. */
export interface FiregridClient {
  /** The host, validated: every value its methods return has been checked. */
  readonly host: FiregridHost;
  /**
   * The host's data port, validated (through the offline cache with an offline backend). Reads go
   * here; writes go through `submit` and `command`.
   */
  readonly data: DataPort;
  /** The vendor's category → external code mapping, as given. */
  readonly categoryCodes: Readonly<Partial<Record<HazardCategory, string>>>;
  /** The vendor's role matrix overrides, as given. */
  readonly roles: HazardLifecycleRoles;
  /** The vendor's other lifecycle rules, as given. */
  readonly lifecycle: HazardLifecycleRules;
  /** The vendor's tip-off clock settings, as given (checked); `{}` for the defaults. */
  readonly tipOffClocks: Readonly<TipOffClockOptions>;
  /** The session, loaded once and cached; a failed load is retried on the next call. */
  session(): Promise<HostSession>;
  /** Loads the session again (after a sign-in or a change of role) and caches the new one. */
  refreshSession(): Promise<HostSession>;
  /** The language to speak now: the option, else the session's, else zh-CN. */
  locale(): Locale;
  /** The client's clock. */
  now(): Date;
  /**
   * Work in progress, per kind and id, kept for the signed-in tenant and user. Drafts may be
   * incomplete; they must be objects with an `id`. Emits `draft.saved` and `draft.removed`.
   */
  readonly drafts: DraftStore;
  /**
   * Validates a record and sends it (create, or update when `record.version` > 0, with that
   * version as the base). A new idempotency key per call. On success the draft with the same id
   * is removed and `record.submitted` is emitted; on failure the draft is kept.
   *
   * Resolves with a receipt of what happened: `{ kind: 'stored', record, version }` when the data
   * port accepted it, or `{ kind: 'queued', entryId, record }` when the offline backend queued it
   * on the device (`record` is then the device's copy).
   * @throws FiregridError `validation` naming each field before anything is sent; `conflict`,
   *   `rejected`, `unauthorized`, `host-failure`… from the host.
   * @example
   * const receipt = await client.submit('hazards', { ...draft, status: 'reported' });
   * show(receipt.kind === 'queued' ? '已保存在本机，联网后自动上报' : `已上报（版本 ${receipt.version}）`);
   */
  submit<K extends ResourceKind>(kind: K, record: RecordInputOf<K>): Promise<SubmitReceipt<K>>;
  /**
   * Runs a command of the command map (`hazards.transition`, `captains.import`) with a new
   * idempotency key and emits `command.sent`. The payload is typed per command (per action for
   * `hazards.transition`) and checked here, once, before it is sent or queued: its shape and the
   * fields the action requires. Resolves with `{ kind: 'stored', result }` (the data port's
   * result, typed per command) or, with the offline backend when the command could not be run at
   * once, `{ kind: 'queued', entryId }`.
   * @throws FiregridError `validation` naming each bad or missing field (`name` for an unknown command).
   * @example
   * const receipt = await client.command('hazards.transition', { hazardId, action: 'verify' });
   * if (receipt.kind === 'queued') show('已保存在本机，联网后自动提交');
   */
  command<N extends CommandName>(name: N, payload: CommandPayload<N>): Promise<CommandReceipt<CommandResult<N>>>;
  /** Domain events; also forwarded to `host.events`. */
  readonly events: FiregridEvents;
  /** Inspections: start, answer and submit one; built on `drafts` and `submit`. */
  readonly inspections: InspectionsApi;
  /**
   * Hazards: build one from the report form's fields or from a failed checklist item (its
   * reporter, title, grid and defaults), report it, keep or drop its draft; built on `drafts` and `submit`.
   */
  readonly hazards: HazardsApi;
  /**
   * The outbox: pending, failed and conflicted writes, storage and mode, and what a person can do
   * about them. Present with an offline backend (`@firegrid/core/offline`), undefined otherwise.
   */
  readonly offline: OfflineControl | undefined;
  /** Wipes everything kept on this device for the signed-in user (drafts, outbox, cache): call it on logout. */
  purge(): Promise<void>;
}

const Hours = z.number().check(z.minimum(0));
const Days = z.array(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)));
const RoleMatrix = z.partialRecord(z.enum(HAZARD_ACTIONS), z.array(z.enum(ROLES)));
const ClientConfig = z.object({
  categoryCodes: z.optional(z.partialRecord(z.enum(HAZARD_CATEGORY_CODES), z.string().check(z.minLength(1)))),
  roles: z.optional(RoleMatrix),
  lifecycle: z.optional(z.strictObject({
    rolesWhen: z.optional(z.partialRecord(z.enum(['major', 'supervised']), RoleMatrix)),
    separationOfDuties: z.optional(z.boolean()),
    majorClosesByLift: z.optional(z.boolean()),
  })),
  locale: z.optional(z.enum(LOCALES)),
  tipOffClocks: z.optional(z.strictObject({
    siteCheckHours: z.optional(Hours),
    siteCheckHoursByCategory: z.optional(z.partialRecord(z.enum(HAZARD_CATEGORY_CODES), Hours)),
    answerWorkingDays: z.optional(z.int().check(z.minimum(1))),
    calendar: z.optional(z.object({ source: z.optional(z.string()), holidays: Days, workdays: Days })),
  })),
});

const copy = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)) as T);

const TEXT = {
  'zh-CN': {
    kind: (kind: string) => `未知的记录类型"${kind}"`,
    command: (name: string) => `未知的命令"${name}"`,
    submit: (kind: string, message: string) => `无法提交 ${kind}：${message}`,
  },
  en: {
    kind: (kind: string) => `Unknown resource kind "${kind}"`,
    command: (name: string) => `Unknown command "${name}"`,
    submit: (kind: string, message: string) => `The ${kind} record cannot be submitted: ${message}`,
  },
} as const;

function asFiregridError(error: unknown, context: string): FiregridError {
  if (error instanceof FiregridError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new FiregridError('host-failure', `${context}: ${message}`, { cause: error });
}

/**
 * Creates the client elements use. Throws FiregridError `host-invalid` naming every missing or
 * wrong member of the host, and `config` for a bad `categoryCodes`, `roles`, `lifecycle`, `tipOffClocks` or `locale`.
 * @example
 * const client = createFiregridClient({
 *   host: createBrowserHost({ data: memoryDataPort() }),
 *   categoryCodes: { 'fire-lane-blocked': '0301', 'exit-blocked': '0302' },
 * });
 * client.events.on('record.submitted', (e) => console.info(e.kind, e.record.id));
 * document.querySelector('fg-provider').client = client;
 */
export function createFiregridClient(options: FiregridClientOptions): FiregridClient {
  const config = checkWith(ClientConfig, {
    categoryCodes: options.categoryCodes, roles: options.roles, lifecycle: options.lifecycle, locale: options.locale,
    tipOffClocks: options.tipOffClocks,
  }, { locale: options.locale === 'en' ? 'en' : 'zh-CN' });
  if (!config.ok) {
    throw new FiregridError('config', `Invalid createFiregridClient options: ${config.message}`, { issues: config.issues });
  }
  const categoryCodes = Object.freeze({ ...config.value.categoryCodes });
  const roles: HazardLifecycleRoles = Object.freeze({ ...config.value.roles });
  const lifecycle: HazardLifecycleRules = Object.freeze({ ...config.value.lifecycle });
  const tipOffClocks: Readonly<TipOffClockOptions> = Object.freeze({ ...config.value.tipOffClocks });
  const now = options.now ?? (() => new Date());
  const report = (error: unknown, context: string): void => {
    try {
      options.onError?.(asFiregridError(error, context));
    } catch {
      // An error handler that fails has nowhere left to report to.
    }
  };

  let current: HostSession | undefined;
  const locale = (): Locale => options.locale ?? current?.locale ?? 'zh-CN';
  const host = validateHost(defineHost(options.host), { locale });

  let pending: Promise<HostSession> | undefined;
  const load = (): Promise<HostSession> => {
    const p: Promise<HostSession> = host.session().then((s) => {
      if (pending === p) current = s;
      return s;
    });
    pending = p;
    // A failed load is not cached: the next call asks the host again.
    p.catch(() => { if (pending === p) pending = undefined; });
    return p;
  };
  const session = (): Promise<HostSession> => pending ?? load();

  const backend = (options.backend ?? memoryBackend)({ data: host.data, session, now });

  const emitter = createEmitter((error) => { report(error, 'A Firegrid event listener failed'); });
  const sink = host.events;
  const emit = (event: FiregridEvent): void => {
    const mapped = withExternalCode(event, categoryCodes);
    emitter.emit(mapped);
    if (sink !== undefined) {
      // The host gets its own copy, after the current call has finished: its hub can neither
      // change our records nor delay or break the operation that raised the event.
      const forHost = copy(mapped);
      Promise.resolve()
        .then(() => sink.emit(forHost))
        .catch((error: unknown) => { report(error, 'host.events.emit failed'); });
    }
  };

  const checkKind = (kind: unknown): void => {
    if (!(RESOURCE_KINDS as readonly unknown[]).includes(kind)) {
      throw new FiregridError('validation', TEXT[locale()].kind(String(kind)), { issues: [{ path: 'kind', message: 'unknown' }] });
    }
  };

  const drafts: DraftStore = {
    async save(kind, draft) {
      checkKind(kind);
      assertDraft(kind, draft);
      const saved = await backend.drafts.save(kind, draft);
      emit({ type: 'draft.saved', kind, id: saved.id, draft: copy(saved) });
      return saved;
    },
    async get(kind, id) {
      checkKind(kind);
      return backend.drafts.get(kind, id);
    },
    async list(kind) {
      checkKind(kind);
      return backend.drafts.list(kind);
    },
    async remove(kind, id) {
      checkKind(kind);
      const removed = await backend.drafts.remove(kind, id);
      if (removed) emit({ type: 'draft.removed', kind, id });
      return removed;
    },
  };

  const client: FiregridClient = {
    host,
    data: backend.data ?? host.data,
    offline: backend.offline,
    purge: async () => { await backend.purge?.(); },
    categoryCodes,
    roles,
    lifecycle,
    tipOffClocks,
    session,
    refreshSession: load,
    locale,
    now,
    drafts,
    events: { on: (type, listener) => emitter.on(type, listener), off: (type, listener) => { emitter.off(type, listener); } },

    async submit(kind, record) {
      checkKind(kind);
      const checked = checkWith(RECORD_INPUT_SCHEMAS[kind], record, { locale: locale() });
      if (!checked.ok) {
        throw new FiregridError('validation', TEXT[locale()].submit(kind, checked.message), { issues: checked.issues });
      }
      const input = checked.value as RecordInputOf<typeof kind>;
      const version = input.version ?? 0;
      // The backend removes the draft (the offline one in the transaction that queues the record).
      const { receipt, draftRemoved } = await backend.submit(kind, input, {
        idempotencyKey: newId(),
        ...(version > 0 && { baseVersion: version }),
      });
      if (draftRemoved) emit({ type: 'draft.removed', kind, id: input.id });
      emit({
        type: 'record.submitted', kind, record: copy(receipt.record),
        ...(receipt.kind === 'queued' && { entryId: receipt.entryId }),
      } as FiregridEvent);
      return receipt;
    },

    async command<N extends CommandName>(name: N, raw: CommandPayload<N>): Promise<CommandReceipt<CommandResult<N>>> {
      if (!(COMMANDS as readonly unknown[]).includes(name)) {
        throw new FiregridError('validation', TEXT[locale()].command(name), { issues: [{ path: 'name', message: 'unknown' }] });
      }
      // The one check of a command on its way in (issue 16 item 6): nothing malformed is sent or queued.
      const payload = checkCommandPayload(name, raw, { code: 'validation', locale: locale() });
      const receipt = await backend.command(name, payload, { idempotencyKey: newId() });
      emit({
        type: 'command.sent', name, payload: copy(payload),
        ...(receipt.kind === 'stored' ? { result: copy(receipt.result) } : { result: undefined, entryId: receipt.entryId }),
      });
      return receipt;
    },
    // `client.submit`, not the backend: inspections and hazards are validated and emitted like any submission.
    hazards: createHazardsApi({
      drafts, session, now, locale, submit: (kind, record) => client.submit(kind, record),
      transition: (payload) => client.command('hazards.transition', payload),
    }),
    inspections: createInspectionsApi({
      drafts, session, now, locale, submit: (kind, record) => client.submit(kind, record),
      failedItemDrafts: (inspection, template, place) => client.hazards.fromFailedItems(inspection, template, place),
    }),
  };
  return client;
}
