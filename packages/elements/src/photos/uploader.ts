/**
 * The one photo uploader of the elements (issue 17): a grid of square tiles, each photo with a
 * remove button in its corner, and an "add" tile last that shows how many there are of how many
 * allowed. A template function and a sheet, not an element: the element that uses it keeps the
 * photos and the handlers (taking, keeping and showing photos is `./store.js`).
 *
 * Using it (the report does, `../hazard-report/view.ts`; a checklist item can, with an `id`
 * prefix per item):
 *
 * ```ts
 * static styles = [baseStyles, photoUploaderStyles, mine];
 * render() {
 *   return photoUploader({
 *     locale, photos, max: 9, busy, urlOf: (ref) => this.urls.url(client, ref),
 *     onAdd, onRemove, onFiles, legend: '现场照片', hint: '最多 9 张', error,
 *   });
 * }
 * // after onRemove(i) has removed photo i and the element has rendered:
 * focusAfterRemoval(this.renderRoot, i);
 * ```
 *
 * What it renders, by id (each prefixed with `idPrefix`): `add-photo` the add tile (a button,
 * `aria-disabled` while busy or full), `file` a hidden `<input type=file>` the add handler may
 * `click()` from the same gesture, `photos-hint`, `photos-error`, `photos-count`. Classes:
 * `.photo-tiles` (the `<ul>`), `.photo-tile` (one `<li>`, its `<img>` or `.placeholder`),
 * `.photo-remove` (the corner button, ≥ the target size, labelled "删除照片 n"), `.photo-add`.
 * Parts: `photos` (the fieldset), `photo-tile`, `photo-remove`, `photo-add`, `field-error`.
 * @module
 */
import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Locale, PhotoRef } from '@firegrid/core';
import { fill } from '../i18n.js';
import type { Messages } from '../i18n.js';
import { message } from '../styles.js';

/** The uploader's own texts, the same in every element. */
export const PHOTO_MESSAGES = {
  add: { 'zh-CN': '拍照或选择照片', en: 'Take or choose a photo' },
  count: { 'zh-CN': '{n}/{max} 张', en: '{n} of {max}' },
  alt: { 'zh-CN': '现场照片 {n}', en: 'Photo {n}' },
  remove: { 'zh-CN': '删除照片 {n}', en: 'Remove photo {n}' },
  processing: { 'zh-CN': '正在处理照片…', en: 'Processing photos…' },
  tooMany: { 'zh-CN': '最多只能添加 {n} 张照片', en: 'At most {n} photos' },
} satisfies Messages<string>;

const tr = (key: keyof typeof PHOTO_MESSAGES, locale: Locale, vars: Record<string, string | number> = {}): string =>
  fill(PHOTO_MESSAGES[key][locale], vars);

/** What the uploader shows and what it calls. */
export interface PhotoUploaderOptions {
  locale: Locale;
  /** The photos, in order. */
  photos: readonly PhotoRef[];
  /** The most photos allowed; the add tile says `n/max` and is disabled at the limit. */
  max: number;
  /** Photos are being processed: the add tile is disabled and a status line says so. */
  busy: boolean;
  /** The fieldset's legend, e.g. 现场照片. */
  legend: string;
  /** A hint under the legend (what is kept, how many). */
  hint?: string;
  /** The message of the field, when it needs attention (shown as the field's error). */
  error?: string | undefined;
  /** Prefix of every id, for several uploaders in one shadow root (one per checklist item). */
  idPrefix?: string;
  /** The object URL of a photo, or undefined while it loads (a placeholder is shown). */
  urlOf: (ref: PhotoRef) => string | undefined;
  /** The add tile was pressed: take photos (the host's camera), or `click()` the file input. */
  onAdd: () => void;
  /** The remove button of photo `index` was pressed; call {@link focusAfterRemoval} once rendered. */
  onRemove: (index: number) => void;
  /** The file input changed (photos chosen in the browser). */
  onFiles: (e: Event) => void;
}

/** The photo field: the tiles with a corner remove button each, the add tile, the hidden file input. */
export function photoUploader(o: PhotoUploaderOptions): TemplateResult {
  const { locale } = o;
  const p = o.idPrefix ?? '';
  const full = o.photos.length >= o.max;
  const describedBy = [o.hint === undefined ? '' : `${p}photos-hint`, `${p}photos-count`, o.error === undefined ? '' : `${p}photos-error`]
    .filter((s) => s !== '').join(' ');
  return html`
    <fieldset class="field" part="photos" aria-describedby=${describedBy}>
      <legend>${o.legend}</legend>
      ${o.hint === undefined ? nothing : html`<p id="${p}photos-hint" class="hint">${o.hint}</p>`}
      <ul class="photo-tiles" id="${p}photos-grid">
        ${o.photos.map((ref, i) => {
          const url = o.urlOf(ref);
          const alt = tr('alt', locale, { n: i + 1 });
          return html`<li class="photo-tile" part="photo-tile">
            ${url === undefined ? html`<span class="placeholder" role="img" aria-label=${alt}></span>` : html`<img src=${url} alt=${alt} />`}
            <button type="button" class="photo-remove" part="photo-remove" data-index=${i} aria-label=${tr('remove', locale, { n: i + 1 })}
              @click=${() => { o.onRemove(i); }}><span aria-hidden="true">✕</span></button>
          </li>`;
        })}
        <li class="photo-tile">
          <button type="button" class="photo-add" part="photo-add" id="${p}add-photo" aria-disabled=${o.busy || full ? 'true' : 'false'}
            aria-describedby="${p}photos-count" @click=${o.onAdd}>
            <span class="plus" aria-hidden="true">+</span><span>${tr('add', locale)}</span>
            <span id="${p}photos-count" class="count">${tr('count', locale, { n: o.photos.length, max: o.max })}</span>
          </button>
        </li>
      </ul>
      ${message('info', o.busy ? tr('processing', locale) : '')}
      <input id="${p}file" type="file" accept="image/*" multiple hidden tabindex="-1" aria-label=${tr('add', locale)} @change=${o.onFiles} />
      <p id="${p}photos-error" class="error" part="field-error">${o.error ?? ''}</p>
    </fieldset>`;
}

/** The text that says the limit was reached (for the element's photo error). */
export const tooManyPhotos = (locale: Locale, max: number): string => tr('tooMany', locale, { n: max });

/**
 * After photo `index` was removed and the uploader rendered again: focus goes to the remove button
 * now at `index` (the next photo), else the one before, else the add tile — never to the page.
 */
export function focusAfterRemoval(root: ParentNode, index: number, idPrefix = ''): void {
  const grid = root.querySelector(`#${idPrefix}photos-grid`);
  const buttons = grid === null ? [] : [...grid.querySelectorAll<HTMLElement>('.photo-remove')];
  (buttons[index] ?? buttons[index - 1] ?? grid?.querySelector<HTMLElement>('.photo-add'))?.focus();
}

/** The uploader's sheet: add it after `baseStyles`. */
export const photoUploaderStyles = css`
  .photo-tiles {
    display: grid; grid-template-columns: repeat(auto-fill, minmax(max(6.5em, calc(var(--_target) * 2)), 1fr));
    gap: var(--_s2); margin: var(--_s1) 0; padding: 0; list-style: none;
  }
  .photo-tile { position: relative; aspect-ratio: 1; min-width: 0; }
  .photo-tile img, .photo-tile .placeholder, .photo-add {
    display: block; width: 100%; height: 100%; object-fit: cover;
    border-radius: var(--_radius); border: 1px solid var(--_border); background: var(--_subtle);
  }
  .photo-add { flex-direction: column; gap: 0; padding: var(--_s1); border-style: dashed; background: var(--_surface); font-size: 0.9em; line-height: 1.3; }
  .photo-add .plus { font-size: 2em; line-height: 1; }
  .photo-add .count { color: var(--_muted); }
  .photo-remove {
    position: absolute; top: 0; inset-inline-end: 0; padding: 0; border: 0; background: transparent;
    min-width: var(--_target); min-height: var(--_target); align-items: start; justify-content: end;
  }
  .photo-remove span {
    display: grid; place-items: center; width: 1.75em; height: 1.75em; margin: 0.2em; border-radius: 50%;
    background: rgb(0 0 0 / 0.72); color: #fff; font-size: 0.85em; line-height: 1;
  }
`;
