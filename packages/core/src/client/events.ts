/**
 * Domain events of the client: what was saved, submitted and sent. Elements and the host page
 * listen with `client.events.on(type, fn)`; every event is also forwarded to the host's event
 * hub (`host.events.emit`) with the vendor's `externalCode` of a hazard's category mapped in.
 * @module
 */
import type { CommandName, HazardCategory, ResourceKind } from '../names.js';
import type { RecordOf } from '../schema/index.js';

/** Work in progress of a kind: any part of a record, with its id. Drafts may be incomplete. */
export type Draft<K extends ResourceKind = ResourceKind> = Partial<RecordOf<K>> & { id: string };

/** A draft was saved (`client.drafts.save`). */
export type DraftSavedEvent = {
  [K in ResourceKind]: { type: 'draft.saved'; kind: K; id: string; draft: Draft<K>; externalCode?: string };
}[ResourceKind];
/** A draft was removed, by `client.drafts.remove` or because its record was submitted. */
export type DraftRemovedEvent = { [K in ResourceKind]: { type: 'draft.removed'; kind: K; id: string } }[ResourceKind];
/**
 * A record was accepted (`client.submit`): stored by the data port, or queued on the device —
 * then `entryId` names its outbox entry and `record` is the device's copy.
 */
export type RecordSubmittedEvent = {
  [K in ResourceKind]: { type: 'record.submitted'; kind: K; record: RecordOf<K>; entryId?: string; externalCode?: string };
}[ResourceKind];
/**
 * A command was run (`client.command`), with its result; or queued on the device — then `entryId`
 * names its outbox entry and `result` is undefined.
 */
export interface CommandSentEvent {
  type: 'command.sent';
  name: CommandName;
  payload: unknown;
  result: unknown;
  entryId?: string;
  externalCode?: string;
}

/** Every domain event the client emits. Events carry plain, serialisable data. */
export type FiregridEvent = DraftSavedEvent | DraftRemovedEvent | RecordSubmittedEvent | CommandSentEvent;
/** The `type` of a {@link FiregridEvent}. */
export type FiregridEventType = FiregridEvent['type'];
/** The event of one type. */
export type FiregridEventOf<T extends FiregridEventType> = Extract<FiregridEvent, { type: T }>;
/** A listener; `'*'` listens to every type. */
export type FiregridListener<T extends FiregridEventType | '*'> =
  (event: T extends FiregridEventType ? FiregridEventOf<T> : FiregridEvent) => void;

/** Subscribing to the client's domain events. */
export interface FiregridEvents {
  /**
   * Calls `listener` for every event of `type` (or of every type with `'*'`) and returns a
   * function that unsubscribes. A listener that throws does not stop the others.
   * @example
   * const off = client.events.on('record.submitted', (e) => { if (e.kind === 'hazards') refresh(e.record.id); });
   */
  on<T extends FiregridEventType | '*'>(type: T, listener: FiregridListener<T>): () => void;
  /** Removes a listener added with `on`. */
  off<T extends FiregridEventType | '*'>(type: T, listener: FiregridListener<T>): void;
}

/** The emitting side, kept by the client. */
export interface EventEmitter extends FiregridEvents {
  /** Calls the listeners of `event.type` and of `'*'`, in the order they were added. */
  emit(event: FiregridEvent): void;
}

/**
 * Makes an emitter. A listener's exception goes to `onError` (never to the emitter's caller:
 * a submit that succeeded must not look failed because a listener broke).
 */
export function createEmitter(onError: (error: unknown) => void): EventEmitter {
  const listeners = new Map<string, Set<(event: FiregridEvent) => void>>();
  const add = (type: string, fn: (event: FiregridEvent) => void): (() => void) => {
    let set = listeners.get(type);
    if (set === undefined) listeners.set(type, (set = new Set()));
    set.add(fn);
    return () => { set.delete(fn); };
  };
  return {
    on(type, listener) {
      return add(type, listener as (event: FiregridEvent) => void);
    },
    off(type, listener) {
      listeners.get(type)?.delete(listener as (event: FiregridEvent) => void);
    },
    emit(event) {
      // Copy first, so a listener that unsubscribes during dispatch does not skip another.
      const targets = [...(listeners.get(event.type) ?? []), ...(listeners.get('*') ?? [])];
      for (const fn of targets) {
        try {
          fn(event);
        } catch (error) {
          onError(error);
        }
      }
    },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The hazard an event is about, when it is about one. */
function hazardOf(event: FiregridEvent): Record<string, unknown> | undefined {
  switch (event.type) {
    case 'draft.saved': return event.kind === 'hazards' ? event.draft : undefined;
    case 'record.submitted': return event.kind === 'hazards' ? event.record : undefined;
    case 'command.sent': return event.name.startsWith('hazards.') && isObject(event.result) ? event.result : undefined;
    case 'draft.removed': return undefined;
  }
}

/**
 * Adds `externalCode` to an event about a hazard whose category is in the vendor's mapping
 * (数字城管 event codes differ from city to city). Other events are returned unchanged.
 * @example
 * withExternalCode({ type: 'record.submitted', kind: 'hazards', record }, { 'fire-lane-blocked': '0301' })
 * // → { ..., externalCode: '0301' } when record.category is 'fire-lane-blocked'
 */
export function withExternalCode<E extends FiregridEvent>(
  event: E,
  categoryCodes: Partial<Record<HazardCategory, string>> | undefined,
): E {
  if (categoryCodes === undefined || event.type === 'draft.removed') return event;
  const category = hazardOf(event)?.category;
  const code = typeof category === 'string' ? categoryCodes[category as HazardCategory] : undefined;
  return code === undefined ? event : { ...event, externalCode: code };
}
