/**
 * Receipts: what `client.submit` and `client.command` say happened to a write, so that no
 * element or test ever reads the outbox to find out (issue 16).
 *
 * - `stored`: the data port accepted it. A submission carries the record as the server stored it
 *   and its version; a command carries the server's result.
 * - `queued`: it is safely in the device's outbox (the offline backend) and will be sent when
 *   the network allows, with `entryId` as its `Idempotency-Key`. A submission carries the
 *   device's copy of the record (what reads through `client.data` show until the server answers;
 *   edit that copy to chain another change on this one).
 * @module
 */
import type { ResourceKind } from '../names.js';
import type { RecordOf } from '../schema/index.js';

/** The data port accepted the record: here it is as stored, with its version. */
export interface StoredReceipt<K extends ResourceKind = ResourceKind> {
  kind: 'stored';
  /** The record as the server (the data port) stored it. */
  record: RecordOf<K>;
  /** The stored version (`record.version`). */
  version: number;
}

/** The record is queued on the device and will be sent when the network allows. */
export interface QueuedReceipt<K extends ResourceKind = ResourceKind> {
  kind: 'queued';
  /** The outbox entry, also the write's `Idempotency-Key` (see `client.offline.status()`). */
  entryId: string;
  /** The device's copy: the version it was based on, a local `updatedAt` revision, the tenant. */
  record: RecordOf<K>;
}

/** What `client.submit` did: `stored` by the data port, or `queued` on the device. */
export type SubmitReceipt<K extends ResourceKind = ResourceKind> = StoredReceipt<K> | QueuedReceipt<K>;

/** What `client.command` did: run by the data port with its result, or `queued` on the device. */
export type CommandReceipt<R = unknown> =
  | {
    kind: 'stored';
    /**
     * The data port's result (for `hazards.transition` the hazard after it). Undefined only when
     * another tab of the same user sent the queued command before this one saw its answer.
     */
    result: R | undefined;
  }
  | {
    kind: 'queued';
    /** The outbox entry, also the command's `Idempotency-Key`. */
    entryId: string;
  };

/** A `stored` receipt of a record. */
export const storedReceipt = <K extends ResourceKind>(record: RecordOf<K>): StoredReceipt<K> =>
  ({ kind: 'stored', record, version: record.version });
