/**
 * The report form's state as plain data, its checks, and the mapping to and from the
 * `HazardReport` that `client.hazards` builds drafts and hazards from. No DOM here.
 * @module
 */
import type { GeoPoint, HazardCategory, HazardReport, Locale, PhotoRef } from '@firegrid/core';
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

/**
 * The form's fields as the report core builds the hazard from (`client.hazards`): the element
 * decides nothing about the hazard itself — reporter, title, grid and defaults are core's.
 */
export function reportOf(id: string, f: ReportFields, mode: ReportMode): HazardReport {
  return {
    id, source: mode, category: f.category === '' ? undefined : f.category, description: f.description, photos: f.photos,
    location: f.location, placeId: f.placeId, gridId: f.gridId, address: f.address,
    ...(mode === 'public' && { contactName: f.contactName, contactPhone: f.contactPhone, confidential: f.confidential }),
  };
}

/** The form filled from a report core kept. The place's name is looked up again by the caller. */
export function fieldsOf(r: HazardReport, mode: ReportMode): ReportFields {
  return {
    ...emptyFields(mode),
    category: r.category ?? '', description: r.description ?? '', photos: [...(r.photos ?? [])], location: r.location,
    placeId: r.placeId, gridId: r.gridId, address: r.address ?? '', contactName: r.contactName ?? '',
    contactPhone: r.contactPhone ?? '', confidential: r.confidential ?? mode === 'public',
  };
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
