/**
 * A hazard reported by a person (DESIGN §2, §6 `fg-hazard-report`): what he fills in — a
 * {@link HazardReport} — and the pure functions between it, the draft kept while he types and the
 * hazard `client.submit` sends. The element only collects the fields and shows results; who the
 * reporter is, the title, the grid and every default are decided here.
 * @module
 */
import { HAZARD_CATEGORIES } from '../names.js';
import type { HazardCategory, Locale } from '../names.js';
import type { GeoPoint } from '../schema/geo.js';
import type { HazardInput, Reporter } from '../schema/hazard.js';
import type { PhotoRef } from '../schema/media.js';
import type { HostSession } from '../schema/session.js';
import type { Draft } from '../client/events.js';
import { reporterKindOf } from '../rules/reporter.js';

/** Where a report comes from: a staff member (`worker`) or a resident's tip-off (`public`). */
export type ReportSource = 'worker' | 'public';

/**
 * What a person fills in to report a hazard. Everything but `id` and `source` may be missing or
 * blank while he types; {@link hazardFromReport} fills the defaults.
 */
export interface HazardReport {
  /** The hazard's id, kept from the first draft to the submit (UUIDv7, made on the device). */
  id: string;
  source: ReportSource;
  /** Left out until chosen; a submitted report without one is `other`. */
  category?: HazardCategory | undefined;
  description?: string | undefined;
  photos?: readonly PhotoRef[] | undefined;
  location?: GeoPoint | undefined;
  /** A place record's id (from the host's directory). */
  placeId?: string | undefined;
  /** The place's grid; else the worker's own when his scope is exactly one grid. */
  gridId?: string | undefined;
  address?: string | undefined;
  /** A resident's name and phone (public reports only), stored as `reporter.contact`. */
  contactName?: string | undefined;
  contactPhone?: string | undefined;
  /** Public reports only: keep the resident's identity from all but supervisors. True by default. */
  confidential?: boolean | undefined;
}

/** The longest generated title (隐患内容 in one line). */
export const REPORT_TITLE_MAX = 40;

/** The first line of the description, shortened to {@link REPORT_TITLE_MAX}; the category's label when there is none. */
export function reportTitle(report: Pick<HazardReport, 'description' | 'category'>, locale: Locale): string {
  const line = (report.description ?? '').trim().split(/\r?\n/)[0]?.trim() ?? '';
  if (line === '') return report.category === undefined ? '' : HAZARD_CATEGORIES[report.category][locale];
  const chars = Array.from(line);
  return chars.length > REPORT_TITLE_MAX ? `${chars.slice(0, REPORT_TITLE_MAX - 1).join('')}…` : line;
}

function reporterOf(report: HazardReport, session: HostSession): Reporter {
  const pub = report.source === 'public';
  const contact = pub ? [report.contactName?.trim() ?? '', report.contactPhone?.trim() ?? ''].filter((s) => s !== '').join(' ') : '';
  return {
    kind: reporterKindOf(session.user.roles, report.source),
    personId: session.user.id,
    ...(contact === '' ? {} : { contact }),
    confidential: pub && (report.confidential ?? true),
  };
}

/** The report's grid: the place's, else the worker's own when his scope is exactly one grid. */
function gridOf(report: HazardReport, session: HostSession): string | undefined {
  if (report.gridId !== undefined) return report.gridId;
  const [only, ...rest] = session.scope;
  return report.source === 'worker' && only !== undefined && only !== '*' && rest.length === 0 ? only : undefined;
}

/**
 * The hazard a report becomes: `reported` at once (DESIGN §5 lets a `PUT` create it so), severity
 * `general`, source `worker` or `public`, the reporter from the session ({@link reporterKindOf}),
 * the title from the description, text trimmed, blank fields left out.
 * @example
 * const hazard = hazardFromReport({ id: newId(), source: 'worker', category: 'exit-blocked',
 *   description: '3 号楼一楼安全出口堆放纸箱', address: '桥东小区 3 号楼' }, session, 'zh-CN');
 */
export function hazardFromReport(report: HazardReport, session: HostSession, locale: Locale): HazardInput {
  const gridId = gridOf(report, session);
  const address = report.address?.trim() ?? '';
  return {
    id: report.id,
    category: report.category ?? 'other',
    title: reportTitle(report, locale),
    description: (report.description ?? '').trim(),
    photos: [...(report.photos ?? [])],
    source: report.source,
    reporter: reporterOf(report, session),
    severity: 'general',
    status: 'reported',
    ...(report.placeId === undefined ? {} : { placeId: report.placeId }),
    ...(gridId === undefined ? {} : { gridId }),
    ...(report.location === undefined ? {} : { location: report.location }),
    ...(address === '' ? {} : { address }),
  };
}

/**
 * The work in progress kept by `client.drafts` while a report is typed: the hazard of
 * {@link hazardFromReport} in status `draft`, with the text as typed (a half-written line,
 * trailing spaces) and no made-up category.
 */
export function reportDraft(report: HazardReport, session: HostSession, locale: Locale): Draft<'hazards'> {
  const { category, ...rest } = hazardFromReport(report, session, locale);
  return {
    ...rest, status: 'draft', description: report.description ?? '', address: report.address ?? '',
    ...(report.category === undefined ? {} : { category }),
  };
}

/** Whether a draft of `hazards` is a report of this source in progress (not a checklist's hazard draft). */
export function isReportDraft(draft: Draft<'hazards'>, source: ReportSource): boolean {
  return draft.status === 'draft' && draft.inspectionId === undefined && draft.source === source;
}

const CONTACT = /^(.*?)\s*(\+?\d[\d -]{4,22}\d)$/;

/** The report a draft holds, to fill the form again (the contact split back into name and phone). */
export function reportOfDraft(draft: Draft<'hazards'>, source: ReportSource): HazardReport {
  const contact = draft.reporter?.contact?.trim() ?? '';
  const m = CONTACT.exec(contact);
  return {
    id: draft.id,
    source,
    category: draft.category,
    description: draft.description ?? '',
    photos: draft.photos ?? [],
    location: draft.location,
    placeId: draft.placeId,
    gridId: draft.gridId,
    address: draft.address ?? '',
    contactName: m === null ? contact : (m[1] ?? ''),
    contactPhone: m === null ? '' : (m[2] ?? ''),
    confidential: draft.reporter?.confidential ?? source === 'public',
  };
}
