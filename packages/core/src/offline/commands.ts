/**
 * Commands in the outbox: everything the offline layer knows about a command's name and payload
 * is in this file — which record's writes it waits for, which cached record its result updates,
 * how it is sent — and `command` itself, which queues it and, online, waits for its first
 * attempt. The outbox keeps the command's name and payload as given.
 * @module
 */
import { FiregridError } from '../errors.js';
import type { FiregridErrorCode } from '../errors.js';
import type { CommandName, ResourceKind } from '../names.js';
import type { CommandPayload, CommandResult } from '../commands.js';
import type { CommandOptions } from '../host/types.js';
import type { CommandReceipt } from '../client/receipts.js';
import type { PhotoRef } from '../schema/index.js';
import { storageError } from './db.js';
import { devicePhotosIn } from './photo-store.js';
import { withServerPhotos } from './photos.js';
import { spaceOf } from './space.js';
import { copy, nextSeq, notify } from './state.js';
import type { OfflineState, WaitOutcome } from './state.js';
import { WHAT } from './text.js';
import { OutboxEntry } from './types.js';

/** The hazard a `hazards.transition` acts on: its `hazardId`, as the command map types it (never guessed). */
const hazardOf = (name: CommandName, payload: unknown): string | undefined =>
  (name === 'hazards.transition' ? (payload as CommandPayload<'hazards.transition'>).hazardId : undefined);

/** A transition waits for the hazard's own unsent writes (same group); an import depends on nothing queued. */
export const commandGroup = (name: CommandName, payload: unknown, entryId: string): string => {
  const hazardId = hazardOf(name, payload);
  return hazardId === undefined ? `${name}/${entryId}` : `hazards/${hazardId}`;
};

/** The kind of record a command's result is (cached when it comes back), if any. */
export const commandResultKind = (name: CommandName): ResourceKind | undefined =>
  (name === 'hazards.transition' ? 'hazards' : undefined);

/** Sends a queued command, its device photos replaced by the server's. */
export const sendCommand = (state: OfflineState, entry: OutboxEntry & { name: CommandName }, refs: ReadonlyMap<string, PhotoRef>): Promise<unknown> =>
  // The client checked the payload before queueing it (checkCommandPayload); the server checks it again.
  state.port.command(entry.name, withServerPhotos(entry.payload, refs) as CommandPayload<typeof entry.name>, { idempotencyKey: entry.id });

/** Resolves with the first outcome of an entry (in any tab), or `timeout`. */
function waitFor(state: OfflineState, entryId: string, ms: number): Promise<WaitOutcome> {
  return new Promise((resolve) => {
    const done = (outcome: WaitOutcome) => {
      clearTimeout(timer);
      state.waiters.delete(entryId);
      resolve(outcome);
    };
    const timer = setTimeout(() => { done('timeout'); }, ms);
    state.waiters.set(entryId, done);
  });
}

/** `backend.command`: queues the command; online, waits for its first attempt (`commandWaitMs`). */
export async function queueCommand<N extends CommandName>(
  state: OfflineState, name: N, payload: CommandPayload<N>, opts: CommandOptions,
): Promise<CommandReceipt<CommandResult<N>>> {
  const s = await spaceOf(state);
  const photos = await devicePhotosIn(state, s, payload);
  const at = state.context.now().toISOString();
  const entry: OutboxEntry = {
    id: opts.idempotencyKey, seq: nextSeq(state), group: commandGroup(name, payload, opts.idempotencyKey),
    op: 'command', name, payload: copy(payload), photos, state: 'pending', attempts: 0, createdAt: at, updatedAt: at,
  };
  try {
    await (await s.db.get()).put('outbox', entry);
  } catch (error) {
    throw storageError(error, WHAT.queue(name), state.locale);
  }
  const queued = { kind: 'queued', entryId: entry.id } as const;
  if (!state.autoSync || !state.env.online()) {
    notify(state, { type: 'queued', entryId: entry.id });
    // Queued, not run: the result comes when the server has run it (see client.offline.onChange).
    return queued;
  }
  // Online, a person acting on a hazard wants its outcome: wait for the first attempt.
  const outcome = waitFor(state, entry.id, state.options.commandWaitMs ?? 8000);
  notify(state, { type: 'queued', entryId: entry.id });
  state.wake();
  const change = await outcome;
  if (change === 'sent') {
    // Sent by another tab of this user, the result stays there: the receipt says only that it was run.
    const result = state.results.get(entry.id) as CommandResult<N> | undefined;
    state.results.delete(entry.id);
    return { kind: 'stored', result };
  }
  if (change === 'rejected' || change === 'conflict') {
    // The person learns it now, from the error; a command cannot be edited, so it leaves the outbox.
    const db = await s.db.get();
    const kept = OutboxEntry.safeParse(await db.get('outbox', entry.id));
    await db.delete('outbox', entry.id).catch(() => undefined);
    notify(state, { type: 'removed', entryId: entry.id });
    const failure = kept.success ? kept.data.error : undefined;
    throw new FiregridError(change === 'conflict' ? 'conflict' : (failure?.code ?? 'rejected') as FiregridErrorCode,
      failure?.message ?? change, { issues: failure?.issues ?? [] });
  }
  return queued;
}
