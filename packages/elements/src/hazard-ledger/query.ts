/**
 * The ledger's filters: their state and the list query they make (DESIGN §5 — the data port
 * filters, sorts and pages; the ledger never fetches everything). The bar that edits them is in
 * ./filters.ts, loaded with the first page.
 * @module
 */
import { HAZARD_STATUSES } from '@firegrid/core/base';
import { isOpen } from '@firegrid/core/hazard';
import type { HazardCategory, HazardStatus, Query, Severity, SupervisionState, TwoList } from '@firegrid/core';

/** What the person filters by. `status: 'open'` is every status but rejected and closed. */
export interface LedgerFilters {
  q: string;
  status: HazardStatus | 'open' | '';
  gridId: string;
  category: HazardCategory | '';
  severity: Severity | '';
  overdue: boolean;
  /** Where the 挂牌督办 stands: requested (报请中), listed (督办中), lifted (已摘牌). */
  supervision: SupervisionState | '';
  /** The assignee's user id (`responsible.personId`), or `me` for the signed-in user's tasks. */
  assignee: string;
}

/** No filter at all. */
export const NO_FILTERS: LedgerFilters = { q: '', status: '', gridId: '', category: '', severity: '', overdue: false, supervision: '', assignee: '' };

/** Statuses that are open (DESIGN §9). */
export const OPEN_STATUSES: readonly HazardStatus[] = HAZARD_STATUSES.filter((s) => isOpen({ status: s }));
/** Statuses a hazard has once someone is responsible for fixing it: what the 整改责任清单 lists by default. */
export const RESPONSIBILITY_STATUSES: readonly HazardStatus[] = ['assigned', 'rectifying', 'awaiting-review', 'closed'];

/**
 * The list query of the filters, sorted by urgency (overdue and supervised first). The
 * responsibility list shows the hazards someone has been made responsible for unless a status is chosen.
 */
export function toQuery(f: LedgerFilters, list: TwoList, limit: number, cursor?: string): Query {
  const status = f.status === 'open' ? [...OPEN_STATUSES] : f.status !== '' ? f.status : list === 'responsibility' ? [...RESPONSIBILITY_STATUSES] : undefined;
  const q = f.q.trim();
  const grid = f.gridId.trim();
  return {
    limit,
    sort: 'urgency',
    ...(cursor === undefined ? {} : { cursor }),
    ...(q === '' ? {} : { q }),
    ...(status === undefined ? {} : { status }),
    ...(grid === '' ? {} : { gridId: grid }),
    ...(f.category === '' ? {} : { category: f.category }),
    ...(f.severity === '' ? {} : { severity: f.severity }),
    ...(f.overdue ? { overdue: true } : {}),
    ...(f.supervision === '' ? {} : { supervision: f.supervision }),
    ...(f.assignee === '' ? {} : { assignee: f.assignee }),
  };
}
