/**
 * What `<fg-hazard-report>` shows first, as template functions of its state: the form (category,
 * description, the photo uploader, where, the resident's contact, the button bar). The result
 * after a submit and the confirmation of 取消 are `./result.ts`. The element keeps the state and
 * the handlers; these only render.
 * @module
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { HAZARD_CATEGORIES, HAZARD_CATEGORY_CODES } from '@firegrid/core/base';
import type { DirectoryPlace, GeoPoint, HazardCategory, Locale } from '@firegrid/core';
import { t } from './form.js';
import type { FieldErrors, ReportFields, ReportMode } from './form.js';
import { message } from '../styles.js';
import type { MessageTone } from '../styles.js';
import { photoUploader } from '../photos/uploader.js';
import type { PhotoUploaderOptions } from '../photos/uploader.js';

/** What the location section shows and does. */
export interface WhereSection {
  locale: Locale;
  mode: ReportMode;
  placeName: string;
  hasPlace: boolean;
  canSearch: boolean;
  canPick: boolean;
  query: string;
  results: readonly DirectoryPlace[] | undefined;
  searching: boolean;
  address: string;
  location: GeoPoint | undefined;
  locating: boolean;
  error: string | undefined;
  placeError: string;
  locationError: string;
  onQuery: (e: Event) => void;
  onQueryKey: (e: KeyboardEvent) => void;
  onSearch: () => void;
  onChoose: (place: DirectoryPlace) => void;
  onClearPlace: () => void;
  onAddress: (e: Event) => void;
  onLocate: () => void;
  onPick: () => void;
  onClearLocation: () => void;
}

function locationText(p: GeoPoint, locale: Locale): string {
  const acc = p.accuracyM === undefined ? '' : t('accuracy', locale, { m: Math.round(p.accuracyM) });
  return t('located', locale, { lng: p.lng.toFixed(6), lat: p.lat.toFixed(6), crs: p.crs, acc });
}

function placePicker(s: WhereSection): TemplateResult {
  const { locale } = s;
  if (s.hasPlace) {
    return html`<div class="row"><span>${t('placeChosen', locale, { name: s.placeName })}</span>
      <button type="button" id="clear-place" @click=${s.onClearPlace}>${t('placeClear', locale)}</button></div>`;
  }
  return html`
    <label for="place-q">${t('place', locale)}</label>
    <div class="row">
      <input id="place-q" type="search" autocomplete="off" .value=${s.query} @input=${s.onQuery} @keydown=${s.onQueryKey} />
      <button type="button" id="search-place" aria-disabled=${s.searching ? 'true' : 'false'} @click=${s.onSearch}>${t('placeSearch', locale)}</button>
    </div>
    ${s.results === undefined ? nothing : s.results.length === 0
      ? message('info', t('placeNone', locale))
      : html`<ul class="results" aria-label=${t('placeResults', locale)}>
          ${s.results.map((p) => html`<li><button type="button" @click=${() => { s.onChoose(p); }}>${p.name}${p.address === undefined || p.address === '' ? '' : ` — ${p.address}`}</button></li>`)}
        </ul>`}
    ${message('error', s.placeError)}`;
}

/** 隐患位置: the place (worker mode, when a directory or place list exists), address and the point with its crs. */
export function whereSection(s: WhereSection): TemplateResult {
  const { locale } = s;
  const err = s.error !== undefined;
  return html`
    <fieldset class="field" part="where">
      <legend>${t('where', locale)}</legend>
      ${s.mode === 'worker' && s.canSearch ? placePicker(s) : nothing}
      <label for="address">${t('address', locale)}</label>
      <p id="address-hint" class="hint">${t('addressHint', locale)}</p>
      <input id="address" type="text" autocomplete="street-address" .value=${s.address} @input=${s.onAddress}
        aria-invalid=${err ? 'true' : 'false'} aria-describedby=${err ? 'address-hint address-error' : 'address-hint'} />
      <p id="address-error" class="error" part="field-error">${s.error ?? ''}</p>
      <div class="row">
        <button type="button" id="locate" aria-disabled=${s.locating ? 'true' : 'false'} @click=${s.onLocate}>${s.locating ? t('locating', locale) : t('locate', locale)}</button>
        ${s.canPick ? html`<button type="button" id="pick" @click=${s.onPick}>${t('pick', locale)}</button>` : nothing}
      </div>
      ${s.location === undefined ? nothing : html`<div class="row"><span id="location-text">${locationText(s.location, locale)}</span>
        <button type="button" id="clear-location" @click=${s.onClearLocation}>${t('clearLocation', locale)}</button></div>`}
      ${message('error', s.locationError)}
    </fieldset>`;
}

/** What the contact section shows and does (public mode). */
export interface ContactSection {
  locale: Locale;
  name: string;
  phone: string;
  confidential: boolean;
  error: string | undefined;
  onName: (e: Event) => void;
  onPhone: (e: Event) => void;
  onConfidential: (e: Event) => void;
}

/** 您的联系方式: optional name and phone, confidential by default (DESIGN §5). */
export function contactSection(s: ContactSection): TemplateResult {
  const { locale } = s;
  const bad = s.error !== undefined;
  return html`
    <fieldset class="field" part="contact" aria-describedby="contact-hint">
      <legend>${t('contact', locale)}</legend>
      <p id="contact-hint" class="hint">${t('contactHint', locale)}</p>
      <label for="contact-name">${t('contactName', locale)}</label>
      <input id="contact-name" type="text" autocomplete="name" .value=${s.name} @input=${s.onName} />
      <label for="contact-phone">${t('contactPhone', locale)}</label>
      <input id="contact-phone" type="tel" inputmode="tel" autocomplete="tel" .value=${s.phone}
        aria-invalid=${bad ? 'true' : 'false'} aria-describedby=${bad ? 'contact-phone-error' : nothing} @input=${s.onPhone} />
      <p id="contact-phone-error" class="error" part="field-error">${s.error ?? ''}</p>
      <label class="check"><input id="confidential" type="checkbox" .checked=${s.confidential} @change=${s.onConfidential} />
        <span>${t('confidential', locale)}</span></label>
    </fieldset>`;
}

/** Everything the form shows and the handlers of its own fields and buttons. */
export interface FormView {
  locale: Locale;
  mode: ReportMode;
  fields: ReportFields;
  errors: FieldErrors;
  /** The alert (what is wrong, a refused submit). */
  alert: string;
  /** A status line and its tone (a restored draft, 正在提交…). */
  status: string;
  statusTone: MessageTone;
  submitting: boolean;
  /** What went wrong with the last photos taken (too many, unreadable). */
  photoProblem: string | undefined;
  /** The last submit failed because the network is down (a client without the offline layer): what to say instead of the status, and the submit button's new label (重试). */
  unsent: TemplateResult | undefined;
  retry: string | undefined;
  photos: Omit<PhotoUploaderOptions, 'locale' | 'legend' | 'hint' | 'error' | 'photos'>;
  where: Omit<WhereSection, 'locale' | 'mode' | 'error'>;
  contact: Omit<ContactSection, 'locale' | 'name' | 'phone' | 'confidential' | 'error'>;
  onCategory: (value: HazardCategory | '') => void;
  onDescription: (value: string) => void;
  onSubmit: (e: Event) => void;
  onCancel: () => void;
}

/** The report form. */
export function formView(v: FormView): TemplateResult {
  const { locale, fields: f, errors: err } = v;
  const pub = v.mode === 'public';
  return html`
    <form class="stack" part="base" novalidate @submit=${v.onSubmit} aria-busy=${v.submitting ? 'true' : 'false'}>
      <h2 part="header">${t(pub ? 'titlePublic' : 'titleWorker', locale)}</h2>
      ${pub ? html`<p class="intro">${t('introPublic', locale)}</p>` : nothing}
      ${message('error', v.alert, { part: 'error' })}
      <div class="field">
        <label for="category">${t('category', locale)} <span class="required" aria-hidden="true">*</span></label>
        <select id="category" aria-required="true" aria-invalid=${err.category ? 'true' : 'false'} aria-describedby=${err.category ? 'category-error' : nothing}
          @change=${(e: Event) => { v.onCategory((e.target as HTMLSelectElement).value as HazardCategory | ''); }}>
          <option value="" ?selected=${f.category === ''}>${t('choose', locale)}</option>
          ${HAZARD_CATEGORY_CODES.map((c) => html`<option value=${c} ?selected=${f.category === c}>${HAZARD_CATEGORIES[c][locale]}</option>`)}
        </select>
        <p id="category-error" class="error" part="field-error">${err.category ?? ''}</p>
      </div>
      <div class="field">
        <label for="description">${t('description', locale)} <span class="required" aria-hidden="true">*</span></label>
        <p id="description-hint" class="hint">${t('descriptionHint', locale)}</p>
        <textarea id="description" aria-required="true" aria-invalid=${err.description ? 'true' : 'false'}
          aria-describedby=${err.description ? 'description-hint description-error' : 'description-hint'} .value=${f.description}
          @input=${(e: Event) => { v.onDescription((e.target as HTMLTextAreaElement).value); }}></textarea>
        <p id="description-error" class="error" part="field-error">${err.description ?? ''}</p>
      </div>
      ${photoUploader({
        ...v.photos, locale, photos: f.photos, legend: t('photos', locale), hint: t('photosHint', locale, { n: v.photos.max }), error: err.photos ?? v.photoProblem,
      })}
      ${whereSection({ ...v.where, locale, mode: v.mode, error: err.address })}
      ${pub ? contactSection({ ...v.contact, locale, name: f.contactName, phone: f.contactPhone, confidential: f.confidential, error: err.contactPhone }) : nothing}
      ${v.unsent ?? message(v.statusTone, v.status)}
      <div class="button-bar" part="actions">
        <button type="button" id="cancel" @click=${v.onCancel}>${t('cancel', locale)}</button>
        <button type="submit" class="primary" id="submit" aria-disabled=${v.submitting ? 'true' : 'false'}>${
          v.retry ?? t(pub ? 'submitPublic' : 'submitWorker', locale)}</button>
      </div>
    </form>`;
}

