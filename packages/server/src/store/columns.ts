/**
 * What a record is indexed by in SQLite: the columns lists filter and sort on (status, severity,
 * deadline, supervision, name, search text), the kinds of place it applies to, and the photos it
 * cites. Computed once per write (store.ts).
 * @module
 */
import { deadlineEnd, effectiveDeadline, placeIdOf, supervisionState } from '@firegrid/core';
import type { ResourceKind, SupervisionState } from '@firegrid/core';
import type { PlaceFacts, StoredRecord } from '../store.js';

type Rec = Readonly<Record<string, unknown>>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const obj = (v: unknown): Rec | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Rec : undefined);

const SEVERITY_RANK: Readonly<Record<string, number>> = { major: 0, 'major-candidate': 1, general: 2 };
/** What "no deadline" sorts as: last, and still exact in JSON inside a cursor. */
export const NO_DEADLINE = Number.MAX_SAFE_INTEGER;
/** The kinds of place a record applies to: its own `kind`, a template's `appliesTo.kinds`, else its place's. */
export function placeKindsOf(rec: Rec, place: PlaceFacts | undefined): string[] {
  const own = str(rec.kind);
  if (own !== undefined) return [own];
  const kinds = obj(rec.appliesTo)?.kinds;
  if (Array.isArray(kinds)) return [...new Set(kinds.filter((k): k is string => typeof k === 'string'))];
  return place?.kind === undefined ? [] : [place.kind];
}

function localised(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  const o = obj(v);
  return o === undefined ? [] : Object.values(o).filter((x): x is string => typeof x === 'string');
}

/** Lower-cased NFKC text `q` searches: name, title, description, address and a person's name. */
function searchTextOf(rec: Rec): string {
  return [rec.name, rec.title, rec.description, rec.address, obj(rec.person)?.name]
    .flatMap(localised).join('\n').normalize('NFKC').toLowerCase();
}

function nameOf(rec: Rec): string {
  const title = obj(rec.title);
  if (title !== undefined) return str(title['zh-CN']) ?? '';
  return str(rec.name) ?? str(rec.title) ?? str(obj(rec.person)?.name) ?? '';
}

/**
 * The ids of the photos a record cites: a hazard's photos and the evidence (and `before` photos)
 * in its history, an inspection's answer photos.
 */
export function photoIdsOf(kind: ResourceKind, rec: Rec): string[] {
  const ids: unknown[] = [];
  const refs = (v: unknown): void => {
    if (Array.isArray(v)) for (const ref of v as unknown[]) ids.push(obj(ref)?.id);
  };
  if (kind === 'hazards') {
    refs(rec.photos);
    if (Array.isArray(rec.history)) {
      for (const entry of rec.history as unknown[]) {
        // The evidence of a step, and the photos before an on-the-spot fix (fix-on-spot).
        for (const list of [obj(entry)?.evidence, obj(entry)?.before]) {
          if (Array.isArray(list)) ids.push(...(list as unknown[]));
        }
      }
    }
  } else if (kind === 'inspections') {
    for (const answer of Object.values(obj(rec.answers) ?? {})) refs(obj(answer)?.photos);
  }
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}

/**
 * The `supervised` column: 1 while under supervision (the urgency sort puts overdue ones first),
 * 2 requested, 3 lifted, 0 none. Rows written before requests and lifts existed hold 0 or 1, which
 * is what their supervision (always listed) gives too.
 */
export const SUPERVISED_CODE: Readonly<Record<SupervisionState | 'none', number>> = { none: 0, listed: 1, requested: 2, lifted: 3 };

/** The columns a record is filtered and sorted by. */
export interface Columns {
  status: string | null;
  category: string | null;
  severity: string | null;
  severityRank: number | null;
  placeId: string | null;
  owner: string | null;
  deadlineEnd: number | null;
  supervised: number;
  name: string;
  search: string;
  updatedMs: number;
}

/** The columns of a stored record. */
export function columnsOf(kind: ResourceKind, rec: StoredRecord): Columns {
  const status = str(rec.status);
  const severity = str(rec.severity);
  const hazardLike = status !== undefined && severity !== undefined;
  const supervision = obj(rec.supervision);
  let end: number | undefined;
  // What the deadline and supervision rules read of a stored supervision (its shape was checked on write).
  const sup = supervision === undefined ? undefined : {
    deadline: str(supervision.deadline), listedAt: str(supervision.listedAt), liftedAt: str(supervision.liftedAt),
  } as never;
  if (hazardLike) {
    end = effectiveDeadline({ deadline: str(rec.deadline), supervision: sup });
  } else {
    const own = str(rec.deadline);
    end = own === undefined ? undefined : deadlineEnd(own);
  }
  const updated = Date.parse(rec.updatedAt);
  return {
    status: status ?? null,
    category: str(rec.category) ?? null,
    severity: severity ?? null,
    severityRank: severity === undefined ? null : SEVERITY_RANK[severity] ?? 9,
    placeId: placeIdOf(rec) ?? null,
    owner: kind === 'hazards' ? str(obj(rec.reporter)?.personId) ?? null : null,
    deadlineEnd: end ?? null,
    supervised: SUPERVISED_CODE[supervisionState({ supervision: sup }) ?? 'none'],
    name: nameOf(rec),
    search: searchTextOf(rec),
    updatedMs: Number.isNaN(updated) ? 0 : updated,
  };
}
