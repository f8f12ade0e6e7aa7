/**
 * The photo and location parts of the report form, as template functions of the form's state:
 * the element keeps the state and the handlers, these only render.
 * @module
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { DirectoryPlace, GeoPoint, Locale, PhotoRef } from '@firegrid/core';
import { t } from './form.js';
import { message } from '../styles.js';
import type { ReportMode } from './form.js';

/** What the photo section shows and does. */
export interface PhotoSection {
  locale: Locale;
  photos: readonly PhotoRef[];
  max: number;
  busy: boolean;
  error: string | undefined;
  urlOf: (ref: PhotoRef) => string | undefined;
  onAdd: () => void;
  onRemove: (index: number) => void;
  onFiles: (e: Event) => void;
}

const described = (...ids: (string | false)[]): string => ids.filter((x): x is string => x !== false).join(' ');

/** 现场照片: thumbnails with a remove button each, the add button and a hidden file input. */
export function photoSection(s: PhotoSection): TemplateResult {
  const { locale } = s;
  return html`
    <fieldset class="field" part="photos" aria-describedby=${described('photos-hint', s.error !== undefined && 'photos-error')}>
      <legend>${t('photos', locale)}</legend>
      <p id="photos-hint" class="hint">${t('photosHint', locale, { n: s.max })}</p>
      ${s.photos.length === 0 ? nothing : html`<ul class="thumbs">
        ${s.photos.map((ref, i) => {
          const url = s.urlOf(ref);
          const alt = t('photoAlt', locale, { n: i + 1 });
          return html`<li>
            ${url === undefined ? html`<span class="placeholder" role="img" aria-label=${alt}></span>` : html`<img src=${url} alt=${alt} />`}
            <button type="button" class="remove" @click=${() => { s.onRemove(i); }}>${t('removePhoto', locale, { n: i + 1 })}</button>
          </li>`;
        })}
      </ul>`}
      <div class="row">
        <button type="button" id="add-photo" aria-disabled=${s.busy ? 'true' : 'false'} @click=${s.onAdd}>${t('addPhoto', locale)}</button>
        ${message('info', s.busy ? t('processing', locale) : '')}
      </div>
      <input id="file" type="file" accept="image/*" multiple hidden tabindex="-1" aria-label=${t('addPhoto', locale)} @change=${s.onFiles} />
      <p id="photos-error" class="error" part="field-error">${s.error ?? ''}</p>
    </fieldset>`;
}

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
        aria-invalid=${err ? 'true' : 'false'} aria-describedby=${described('address-hint', err && 'address-error')} />
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
