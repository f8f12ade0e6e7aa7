/**
 * The report form's state as plain data, and the pure functions between it, the draft kept by
 * `client.drafts` and the hazard sent with `client.submit`. No DOM here.
 * @module
 */
import { HAZARD_CATEGORIES } from '@firegrid/core/base';
import type { Draft, GeoPoint, HazardCategory, HazardInput, HostSession, Locale, PhotoRef, ReporterKind, Role } from '@firegrid/core';
import { MESSAGES } from './messages.js';
import type { MessageKey } from './messages.js';
import { fill } from '../i18n.js';

/** `worker`: a grid worker (or another staff role) reports; `public`: a resident's tip-off. */
export type ReportMode = 'worker' | 'public';

/** What the form holds. */
export interface ReportFields {
  category: HazardCategory | '';
  description: string;
  photos: PhotoRef[];
  location: GeoPoint | undefined;
  placeId: string | undefined;
  placeName: string;
  gridId: string | undefined;
  address: string;
  contactName: string;
  contactPhone: string;
  confidential: boolean;
}

/** Fields that can carry an error message. */
export type FieldName = 'category' | 'description' | 'photos' | 'address' | 'contactPhone';
/** Error messages by field, in the order the form shows them. */
export type FieldErrors = Partial<Record<FieldName, string>>;
/** The order fields appear in, for focusing the first invalid one. */
export const FIELD_ORDER: readonly FieldName[] = ['category', 'description', 'photos', 'address', 'contactPhone'];

/** The longest description accepted. */
export const MAX_DESCRIPTION = 2000;
/** The longest generated title. */
const MAX_TITLE = 40;
// The same pattern as the schema's Phone, so the form never accepts what the server refuses.
const PHONE = /^\+?\d[\d -]{4,22}\d$/;

/** Replaces `{name}` placeholders. */
export function fmt(text: string, vars: Record<string, string | number>): string {
  return fill(text, vars);
}

/** A message of the form in `locale`, with placeholders filled. */
export function t(key: MessageKey, locale: Locale, vars: Record<string, string | number> = {}): string {
  return fmt(MESSAGES[key][locale], vars);
}

/** An empty form. Public tip-offs are confidential unless the resident says otherwise. */
export function emptyFields(mode: ReportMode): ReportFields {
  return {
    category: '', description: '', photos: [], location: undefined, placeId: undefined, placeName: '', gridId: undefined,
    address: '', contactName: '', contactPhone: '', confidential: mode === 'public',
  };
}

/** True when nothing has been entered (such a form is not worth a draft). */
export function isBlank(f: ReportFields): boolean {
  return f.category === '' && f.description.trim() === '' && f.photos.length === 0 && f.location === undefined
    && f.placeId === undefined && f.address.trim() === '' && f.contactName.trim() === '' && f.contactPhone.trim() === '';
}

/** Checks the form; each message says what to do. */
export function validate(f: ReportFields, options: { mode: ReportMode; requirePhoto: boolean; locale: Locale }): FieldErrors {
  const { mode, locale } = options;
  const errors: FieldErrors = {};
  if (f.category === '') errors.category = t('errCategory', locale);
  if (f.description.trim() === '') errors.description = t('errDescription', locale);
  else if (f.description.length > MAX_DESCRIPTION) errors.description = t('errDescriptionLong', locale, { n: MAX_DESCRIPTION });
  if (options.requirePhoto && f.photos.length === 0) errors.photos = t('errPhotoRequired', locale);
  if (f.placeId === undefined && f.address.trim() === '' && f.location === undefined) {
    errors.address = t(mode === 'public' ? 'errWherePublic' : 'errWhereWorker', locale);
  }
  const phone = f.contactPhone.trim();
  if (phone !== '' && !PHONE.test(phone)) errors.contactPhone = t('errPhone', locale);
  return errors;
}

/** The first line of the description, shortened: the hazard's title (隐患内容 in one line). */
export function titleOf(f: Pick<ReportFields, 'description' | 'category'>, locale: Locale): string {
  const line = f.description.trim().split(/\r?\n/)[0]?.trim() ?? '';
  if (line === '') return f.category === '' ? '' : HAZARD_CATEGORIES[f.category][locale];
  const chars = Array.from(line);
  return chars.length > MAX_TITLE ? `${chars.slice(0, MAX_TITLE - 1).join('')}…` : line;
}

const STAFF_ORDER: readonly Role[] = ['grid-worker', 'captain', 'unit-manager', 'grid-supervisor', 'fire-officer', 'admin'];

/** Who is reporting: a resident in public mode, else the session's first staff role. */
function reporterKind(mode: ReportMode, roles: readonly Role[]): ReporterKind {
  if (mode === 'public') return 'resident';
  return STAFF_ORDER.find((r) => roles.includes(r)) ?? roles[0] ?? 'grid-worker';
}

function reporterOf(f: ReportFields, mode: ReportMode, session: HostSession): HazardInput['reporter'] {
  const contact = mode === 'public' ? [f.contactName.trim(), f.contactPhone.trim()].filter((s) => s !== '').join(' ') : '';
  return {
    kind: reporterKind(mode, session.user.roles),
    personId: session.user.id,
    ...(contact === '' ? {} : { contact }),
    confidential: mode === 'public' && f.confidential,
  };
}

/** The grid of the report: the place's, else the worker's own when his scope is exactly one grid. */
function gridOf(f: ReportFields, mode: ReportMode, session: HostSession): string | undefined {
  if (f.gridId !== undefined) return f.gridId;
  const [only, ...rest] = session.scope;
  return mode === 'worker' && only !== undefined && only !== '*' && rest.length === 0 ? only : undefined;
}

/** The hazard sent by `client.submit`: reported at once (DESIGN §5 lets a PUT create it as `reported`). */
export function toHazard(id: string, f: ReportFields, mode: ReportMode, session: HostSession, locale: Locale): HazardInput {
  const gridId = gridOf(f, mode, session);
  const address = f.address.trim();
  return {
    id,
    category: f.category === '' ? 'other' : f.category,
    title: titleOf(f, locale),
    description: f.description.trim(),
    photos: f.photos,
    source: mode === 'public' ? 'public' : 'worker',
    reporter: reporterOf(f, mode, session),
    severity: 'general',
    status: 'reported',
    ...(f.placeId === undefined ? {} : { placeId: f.placeId }),
    ...(gridId === undefined ? {} : { gridId }),
    ...(f.location === undefined ? {} : { location: f.location }),
    ...(address === '' ? {} : { address }),
  };
}

/** The work in progress kept by `client.drafts` (a partial hazard in status `draft`). */
export function toDraft(id: string, f: ReportFields, mode: ReportMode, session: HostSession, locale: Locale): Draft<'hazards'> {
  const { category, ...rest } = toHazard(id, f, mode, session, locale);
  // A draft keeps the text as typed (a half-written line, trailing spaces) and no made-up category.
  return {
    ...rest, status: 'draft', description: f.description, address: f.address,
    ...(category === 'other' && f.category === '' ? {} : { category }),
  };
}

/** The form restored from a draft. The place's name is looked up again by the caller. */
export function fromDraft(d: Draft<'hazards'>, mode: ReportMode): ReportFields {
  const contact = d.reporter?.contact?.trim() ?? '';
  const m = /^(.*?)\s*(\+?\d[\d -]{4,22}\d)$/.exec(contact);
  return {
    ...emptyFields(mode),
    category: d.category ?? '',
    description: d.description ?? '',
    photos: d.photos ?? [],
    location: d.location,
    placeId: d.placeId,
    gridId: d.gridId,
    address: d.address ?? '',
    contactName: m === null ? contact : (m[1] ?? ''),
    contactPhone: m === null ? '' : (m[2] ?? ''),
    confidential: d.reporter?.confidential ?? mode === 'public',
  };
}

/** Whether a draft of `hazards` is one this form made in this mode (not a checklist's hazard draft). */
export function isReportDraft(d: Draft<'hazards'>, mode: ReportMode): boolean {
  return d.status === 'draft' && d.inspectionId === undefined && d.source === (mode === 'public' ? 'public' : 'worker');
}

/** The form field an issue path of `client.submit` points at. */
export function fieldOfPath(path: string): FieldName | undefined {
  const head = path.split(/[.[]/)[0] ?? '';
  if (head === 'category') return 'category';
  if (head === 'description' || head === 'title') return 'description';
  if (head === 'photos') return 'photos';
  if (head === 'address' || head === 'location' || head === 'placeId' || head === 'gridId') return 'address';
  if (head === 'reporter') return 'contactPhone';
  return undefined;
}
