/**
 * Rendering of `<fg-checklist>`'s sections and items. Every item keeps its controls in the DOM
 * (hidden conditional items get `hidden`), so answering never rebuilds the list; events are
 * delegated to the form, so 500 items add no listeners.
 * @module
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type {
  Answer, Answers, ChecklistItem, ChecklistSection, FiregridClient, LocalizedText, Locale, Missing, PhotoRef,
} from '@firegrid/core';
import { MESSAGES } from './messages.js';
import type { MessageKey } from './messages.js';
import type { PhotoUrls } from './photos.js';

/** What the item renderers read. */
export interface RenderContext {
  locale: Locale;
  readonly: boolean;
  answers: Answers;
  visible: (itemId: string) => boolean;
  /** What each incomplete item lacks; only filled once a submit was refused. */
  missing: ReadonlyMap<string, readonly Missing[]>;
  /** Items whose photo is being uploaded. */
  busy: ReadonlySet<string>;
  photos: PhotoUrls;
  client: FiregridClient | undefined;
}

/** Localized text of a template. */
export const tr = (text: LocalizedText, locale: Locale): string => (locale === 'en' ? text.en : undefined) ?? text['zh-CN'];

const m = (key: MessageKey, locale: Locale): string => MESSAGES[key][locale];

/** The results a radio can carry. */
export const RESULTS = ['pass', 'fail', 'na'] as const;

/** One section with its items; `start` is the number of items before it. */
export function renderSection(section: ChecklistSection, start: number, ctx: RenderContext): TemplateResult {
  const shown = section.items.some((it) => ctx.visible(it.id));
  return html`<section part="section" class="section" ?hidden=${!shown}>
    <h3 class="section-title">${tr(section.title, ctx.locale)}</h3>
    ${section.items.map((it, i) => (ctx.readonly ? renderReadonlyItem(it, start + i, ctx) : renderItem(it, start + i, ctx)))}
  </section>`;
}

function basisLine(item: ChecklistItem, i: number, locale: Locale): TemplateResult {
  const b = item.basis;
  return html`<p class="basis" id="b${i}">${m('basis', locale)}${b.doc}${b.clause === undefined ? '' : ` ${b.clause}`}${b.verified ? '' : m('unverified', locale)}</p>`;
}

function renderItem(item: ChecklistItem, i: number, ctx: RenderContext): TemplateResult {
  const { locale } = ctx;
  const answer = ctx.answers[item.id];
  const r = answer?.result;
  const missing = ctx.missing.get(item.id);
  return html`<fieldset part="item" class="item ${r ?? ''}${missing === undefined ? '' : ' missing'}" data-item=${item.id}
    ?hidden=${!ctx.visible(item.id)} aria-describedby="b${i}${missing === undefined ? '' : ` e${i}`}">
    <legend class="q"><span class="n">${i + 1}.</span> ${tr(item.text, locale)}</legend>
    <div class="choices">
      <label class="choice pass"><input type="radio" name="r${i}" value="pass" .checked=${r === 'pass'}>${m('pass', locale)}</label>
      <label class="choice fail"><input type="radio" name="r${i}" value="fail" .checked=${r === 'fail'}>${m('fail', locale)}</label>
      <label class="choice na"><input type="radio" name="r${i}" value="na" .checked=${r === 'na'}>${m('na', locale)}</label>
    </div>
    ${item.hint === undefined ? nothing : html`<p class="hint">${tr(item.hint, locale)}</p>`}
    ${basisLine(item, i, locale)}
    ${r === 'fail' ? renderEvidence(item, i, answer, ctx) : nothing}
    ${missing === undefined ? nothing : html`<p class="missing-text" id="e${i}">${missing.map((x) => m(x === 'answer' ? 'needsAnswer' : x === 'photo' ? 'needsPhoto' : 'needsNote', locale)).join('；')}</p>`}
  </fieldset>`;
}

function renderEvidence(item: ChecklistItem, i: number, answer: Answer | undefined, ctx: RenderContext): TemplateResult {
  const { locale } = ctx;
  const missing = ctx.missing.get(item.id) ?? [];
  const busy = ctx.busy.has(item.id);
  return html`<div class="evidence" part="evidence">
    <label class="note-label" for="n${i}">${m('note', locale)}${item.evidence.noteOnFail ? m('required', locale) : ''}</label>
    <textarea id="n${i}" class="note" rows="2" data-note .value=${answer?.note ?? ''}
      aria-invalid=${missing.includes('note') ? 'true' : 'false'}></textarea>
    <div class="photos">
      ${(answer?.photos ?? []).map((p, k) => renderPhoto(p, k, ctx, true))}
      <button type="button" class="add-photo" data-photo aria-disabled=${busy ? 'true' : 'false'} aria-invalid=${missing.includes('photo') ? 'true' : 'false'}>
        ${busy ? m('uploading', locale) : m('addPhoto', locale)}${item.evidence.photoOnFail && !busy ? m('required', locale) : ''}
      </button>
    </div>
  </div>`;
}

function renderPhoto(ref: PhotoRef, k: number, ctx: RenderContext, removable: boolean): TemplateResult {
  const url = ctx.photos.url(ctx.client, ref);
  const label = `${m('photo', ctx.locale)} ${k + 1}`;
  return html`<figure class="photo">
    ${url === undefined ? html`<span class="thumb" role="img" aria-label=${label}></span>` : html`<img class="thumb" src=${url} alt=${label}>`}
    ${removable ? html`<button type="button" class="remove-photo" data-remove=${k} aria-label="${m('removePhoto', ctx.locale)} ${k + 1}">×</button>` : nothing}
  </figure>`;
}

function renderReadonlyItem(item: ChecklistItem, i: number, ctx: RenderContext): TemplateResult {
  const { locale } = ctx;
  const answer = ctx.answers[item.id];
  const r = answer?.result;
  return html`<div part="item" class="item readonly ${r ?? ''}" data-item=${item.id} ?hidden=${answer === undefined && !ctx.visible(item.id)}>
    <p class="q"><span class="n">${i + 1}.</span> ${tr(item.text, locale)}</p>
    <p class="result">${m('result', locale)}<strong>${m(r ?? 'unanswered', locale)}</strong></p>
    ${answer?.note === undefined || answer.note === '' ? nothing : html`<p class="note-text">${m('noteIs', locale)}${answer.note}</p>`}
    ${(answer?.photos ?? []).length === 0 ? nothing : html`<div class="photos">${(answer?.photos ?? []).map((p, k) => renderPhoto(p, k, ctx, false))}</div>`}
    ${basisLine(item, i, locale)}
  </div>`;
}

/** The control to focus for what an item lacks: its first radio, its note, or its photo button. */
export function focusTarget(itemEl: Element, missing: readonly Missing[]): HTMLElement | null {
  if (missing.includes('answer')) return itemEl.querySelector<HTMLInputElement>('input[type=radio]');
  if (missing.includes('note')) return itemEl.querySelector<HTMLTextAreaElement>('textarea');
  return itemEl.querySelector<HTMLButtonElement>('.add-photo');
}
