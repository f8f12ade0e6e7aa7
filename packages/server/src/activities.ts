/**
 * Activities derived from records and transitions (DESIGN §2, §9): the facts scoring reads.
 * They are written in the same transaction as the write that caused them, so a replayed or
 * refused write never leaves one behind.
 *
 * Who an activity is credited to (`workerId`): the worker record whose `userId` is the person's
 * user id when there is one, else the user id itself. Finding, verification, rejection, assignment
 * and closure are credited to the finder (the hazard's reporter, when a staff member reported it:
 * a resident's tip-off or a device's alarm is nobody's discovery); a review to the reviewer; an
 * on-the-spot fix (`fix-on-spot`) to whoever ran it: its `hazard.closed` (always on time) and, when
 * it started from a draft, its `hazard.reported`; a
 * submitted inspection to its inspector; a captain's registration to whoever registered him.
 * An activity needs a grid: a record whose grid cannot be told (no `gridId`, unknown place) makes none.
 * When someone wrote on the credited person's behalf (a grid supervisor filing a worker's find or
 * inspection), `by` names the writer, so the credit shows both. A find whose reporter asked for
 * confidentiality is marked `confidential`, so readers who may not see him get it without the
 * hazard (core's `redactActivity`).
 * @module
 */
import { Activity, effectiveDeadline, newId, parseWith, reviewDueAt } from '@firegrid/core';
import type { Hazard, HazardHistoryEntry } from '@firegrid/core';
import type { Store, StoredRecord } from './store.js';

type Rec = Readonly<Record<string, unknown>>;
type ActivityFields = Record<string, unknown> & { type: Activity['type']; workerId: string; gridId: string };

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Makes, validates and stores derived activities for one tenant at one instant. */
export class ActivityWriter {
  readonly #store: Store;
  readonly #tenant: string;
  readonly #now: Date;
  /** The activities written, in order. */
  readonly written: StoredRecord[] = [];

  constructor(store: Store, tenant: string, now: Date) {
    this.#store = store;
    this.#tenant = tenant;
    this.#now = now;
  }

  /** The id an activity is credited to for a user (see the module notes). */
  workerOf(userId: string): string {
    return this.#store.workerIdOf(this.#tenant, userId) ?? userId;
  }

  #add(fields: ActivityFields): void {
    const at = this.#now.toISOString();
    const record = parseWith(Activity, { at, ...fields, id: newId(), version: 1, createdAt: at, updatedAt: at, tenantId: this.#tenant }, {
      what: 'a derived activity', locale: 'en',
    }) as unknown as StoredRecord;
    this.#store.write(this.#tenant, 'activities', record);
    this.written.push(record);
  }

  #gridOf(rec: Rec): string | undefined {
    return this.#store.grids(this.#tenant, rec)[0];
  }

  /** After a record of `kind` was stored (`previous` is what was there before, if anything). */
  afterWrite(kind: string, previous: Rec | undefined, next: Rec, actor: string): void {
    if (kind === 'inspections') this.#inspection(previous, next, actor);
    else if (kind === 'hazards' && previous === undefined && next.status === 'reported') {
      const h = next as unknown as Hazard;
      this.#hazard('hazard.reported', h, h.reporter.personId === actor ? {} : { by: actor });
    }
    else if (kind === 'captains' && previous === undefined) this.#captain(next, actor);
  }

  #inspection(previous: Rec | undefined, next: Rec, actor: string): void {
    if (next.state !== 'submitted' || previous?.state === 'submitted') return;
    const gridId = this.#gridOf(next);
    const inspector = str(next.inspectorId);
    if (gridId === undefined || inspector === undefined) return;
    this.#add({
      type: 'inspection.submitted', at: str(next.submittedAt) ?? this.#now.toISOString(), workerId: this.workerOf(inspector), gridId,
      placeId: next.placeId, inspectionId: next.id, ...(inspector === actor ? {} : { by: actor }),
    });
  }

  #captain(next: Rec, actor: string): void {
    const gridId = this.#gridOf(next);
    if (gridId === undefined) return;
    this.#add({ type: 'captain.registered', workerId: this.workerOf(actor), gridId, placeId: next.buildingId, captainId: next.id });
  }

  /** The staff member who found a hazard, when a staff member did. */
  #finder(h: Hazard): string | undefined {
    const { kind, personId } = h.reporter;
    return kind === 'resident' || kind === 'device' ? undefined : personId;
  }

  #hazard(type: 'hazard.reported' | 'hazard.verified' | 'hazard.rejected' | 'hazard.assigned' | 'hazard.closed', h: Hazard, extra: Record<string, unknown> = {}): void {
    const finder = this.#finder(h);
    const gridId = this.#gridOf(h);
    if (finder === undefined || gridId === undefined) return;
    this.#add({
      type, workerId: this.workerOf(finder), gridId, hazardId: h.id, ...(h.placeId === undefined ? {} : { placeId: h.placeId }),
      ...(h.reporter.confidential ? { confidential: true } : {}), ...extra,
    });
  }

  /** A hazard activity credited to `workerId` (the person who acted, not the finder). */
  #credit(type: 'hazard.reported' | 'hazard.closed', h: Hazard, workerId: string, extra: Record<string, unknown> = {}): void {
    const gridId = this.#gridOf(h);
    if (gridId === undefined) return;
    this.#add({
      type, workerId, gridId, hazardId: h.id, ...(h.placeId === undefined ? {} : { placeId: h.placeId }), ...extra,
    });
  }

  /** `hazard.closed`, on time when closed by the effective deadline of `before`. */
  #closed(before: Hazard, after: Hazard, now: number): void {
    const end = effectiveDeadline(before);
    this.#hazard('hazard.closed', after, {
      ...(before.deadline === undefined ? {} : { dueAt: before.deadline }),
      onTime: end === undefined || now <= end,
    });
  }

  /** After a hazard transition: `before` and `after` are the hazard around `entry`. */
  afterTransition(before: Hazard, after: Hazard, entry: HazardHistoryEntry, reviewDueDays: number): void {
    const now = this.#now.getTime();
    switch (entry.action) {
      case 'submit':
        this.#hazard('hazard.reported', after);
        break;
      case 'verify':
        this.#hazard('hazard.verified', after, { by: entry.by });
        break;
      case 'reject':
        this.#hazard('hazard.rejected', after, { by: entry.by });
        break;
      case 'assign':
        if (after.deadline !== undefined) this.#hazard('hazard.assigned', after, { dueAt: after.deadline });
        break;
      case 'fix-on-spot': {
        // 当场整改: found and fixed by the one who acts, so both facts are his, the closure on time.
        const worker = this.workerOf(entry.by);
        // A confidential reporter fixing his own find stays hidden as in any of his finds.
        const hide = after.reporter.confidential && after.reporter.personId === entry.by ? { confidential: true } : {};
        if (before.status === 'draft') this.#credit('hazard.reported', after, worker, hide);
        this.#credit('hazard.closed', after, worker, { ...hide, onTime: true });
        break;
      }
      case 'lift':
        // 摘牌/销案 closes a supervised hazard; its review was counted when it passed.
        this.#closed(before, after, now);
        break;
      case 'review-pass':
      case 'review-fail': {
        // On a hazard that closes by lift, a passed review leaves it awaiting-review: not closed yet.
        if (entry.action === 'review-pass' && after.status === 'closed') {
          this.#closed(before, after, now);
        }
        const due = reviewDueAt(before, reviewDueDays);
        const gridId = this.#gridOf(after);
        if (gridId !== undefined) {
          this.#add({
            type: 'review.done', workerId: this.workerOf(entry.by), gridId, hazardId: after.id,
            ...(after.placeId === undefined ? {} : { placeId: after.placeId }),
            ...(due === undefined ? {} : { dueAt: due.toISOString() }),
            onTime: due === undefined || now <= due.getTime(),
          });
        }
        break;
      }
      default:
        break;
    }
  }
}

