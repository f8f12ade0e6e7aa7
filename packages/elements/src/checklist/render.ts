/**
 * Rendering of `<fg-checklist>`'s sections and items, loaded with the data (not with the first
 * paint, a loading state), with the items' styles and texts, 全部合格 and the numbering. Every item keeps its controls in the DOM
 * (hidden conditional items get `hidden`), so answering never rebuilds the list; events are
 * delegated to the form, so 500 items add no listeners. Each editable item is guarded by what it
 * shows (its answer, number, visibility, what it lacks, its upload and photos): a tap re-renders
 * the one item it changed, not the list (`checklist.tap500.ratio`, DESIGN §8).
 * @module
 */
import { html, nothing } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { TemplateResult } from 'lit';
import type {
  Answer, Answers, ChecklistItem, ChecklistSection, FiregridClient, LocalizedText, Locale, Missing, PhotoRef,
} from '@firegrid/core';
import type { Messages } from '../i18n.js';
import type { Loaded } from './load.js';
import type { PhotoUrls } from './photos.js';

export { itemStyles } from './items.styles.js';

type Ready = Extract<Loaded, { kind: 'ready' }>;

/** The texts of the items, zh-CN first (the element's own are in ./messages.ts). */
export const ITEM_MESSAGES = {
  pass: { 'zh-CN': '合格', en: 'Pass' },
  fail: { 'zh-CN': '不合格', en: 'Fail' },
  na: { 'zh-CN': '不适用', en: 'N/A' },
  unanswered: { 'zh-CN': '未检查', en: 'Not checked' },
  result: { 'zh-CN': '结果：', en: 'Result: ' },
  basisOf: { 'zh-CN': '本节依据', en: 'Basis of this section' },
  passSection: { 'zh-CN': '本节全部合格', en: 'All in this section pass' },
  noteIs: { 'zh-CN': '情况说明：', en: 'Found: ' },
  unverified: { 'zh-CN': '（条款待核实）', en: ' (clause not verified)' },
  note: { 'zh-CN': '情况说明', en: 'What was found' },
  required: { 'zh-CN': '（必填）', en: ' (required)' },
  addPhoto: { 'zh-CN': '拍照或选择照片', en: 'Take or choose a photo' },
  uploading: { 'zh-CN': '正在上传照片…', en: 'Uploading the photo…' },
  removePhoto: { 'zh-CN': '删除照片', en: 'Remove photo' },
  photo: { 'zh-CN': '照片', en: 'Photo' },
  needsAnswer: { 'zh-CN': '请选择检查结果', en: 'Choose a result' },
  needsPhoto: { 'zh-CN': '不合格项需要照片', en: 'A failed item needs a photo' },
  needsNote: { 'zh-CN': '不合格项需要情况说明', en: 'A failed item needs a note' },
} satisfies Messages<string>;

type MessageKey = keyof typeof ITEM_MESSAGES;

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
  /** The number each shown item carries (1…n, continuous over the shown items). */
  numbers: ReadonlyMap<string, number>;
}

/** Localized text of a template. */
export const tr = (text: LocalizedText, locale: Locale): string => (locale === 'en' ? text.en : undefined) ?? text['zh-CN'];

const m = (key: MessageKey, locale: Locale): string => ITEM_MESSAGES[key][locale];

/** The results a radio can carry. */
export const RESULTS = ['pass', 'fail', 'na'] as const;

/**
 * One section with its items; `start` is the number of items before it (ids of controls). An
 * editable section has 本节全部合格 (`data-pass-section`), which marks its shown unanswered items
 * passed, and the bases of its items once, behind a tap.
 */
export function renderSection(section: ChecklistSection, start: number, ctx: RenderContext): unknown {
  // Guarded by what its items show: a tap re-renders the section it is in, and there one item.
  const key: unknown[] = [ctx.locale, ctx.readonly];
  for (const it of section.items) key.push(...itemKey(it, ctx));
  return guard(key, () => renderSectionNow(section, start, ctx));
}

function renderSectionNow(section: ChecklistSection, start: number, ctx: RenderContext): TemplateResult {
  const { locale } = ctx;
  const shown = section.items.filter((it) => ctx.visible(it.id));
  const open = shown.some((it) => ctx.answers[it.id] === undefined);
  return html`<section part="section" class="section" ?hidden=${shown.length === 0}>
    <div class="section-head">
      <h3 class="section-title">${tr(section.title, locale)}</h3>
      ${ctx.readonly ? nothing : html`<button type="button" class="pass-all" data-pass-section=${section.id}
        aria-disabled=${open ? 'false' : 'true'}>${m('passSection', locale)}</button>`}
    </div>
    ${renderBases(shown, ctx)}
    ${section.items.map((it, i) => (ctx.readonly ? renderReadonlyItem(it, ctx) : guardedItem(it, start + i, ctx)))}
  </section>`;
}

/** The bases of a section's shown items, each law once with the numbers of its items. */
function renderBases(items: readonly ChecklistItem[], ctx: RenderContext): TemplateResult | typeof nothing {
  const { locale } = ctx;
  const bases = new Map<string, number[]>();
  for (const it of items) {
    const b = it.basis;
    const text = `${b.doc}${b.clause === undefined ? '' : ` ${b.clause}`}${b.verified ? '' : m('unverified', locale)}`;
    const numbers = bases.get(text) ?? [];
    numbers.push(ctx.numbers.get(it.id) ?? 0);
    bases.set(text, numbers);
  }
  if (bases.size === 0) return nothing;
  return html`<details class="basis"><summary>${m('basisOf', locale)}</summary><ul>
    ${[...bases].map(([text, numbers]) => html`<li>${text}<span class="n">（${numbersText(numbers, locale)}）</span></li>`)}
  </ul></details>`;
}

/** "第 1–3、5 项" / "items 1–3, 5": runs of consecutive numbers joined. */
function numbersText(numbers: readonly number[], locale: Locale): string {
  const runs: string[] = [];
  for (let k = 0; k < numbers.length;) {
    let j = k;
    while (j + 1 < numbers.length && numbers[j + 1] === (numbers[j] ?? 0) + 1) j++;
    runs.push(j === k ? `${numbers[k]}` : `${numbers[k]}–${numbers[j]}`);
    k = j + 1;
  }
  return locale === 'en' ? `item${numbers.length > 1 ? 's' : ''} ${runs.join(', ')}` : `第 ${runs.join('、')} 项`;
}

/** An editable item, re-rendered only when something it shows changed. */
function guardedItem(item: ChecklistItem, i: number, ctx: RenderContext): unknown {
  return guard([...itemKey(item, ctx), ctx.locale], () => renderItem(item, i, ctx));
}

/** What an item shows, as values compared by identity. */
function itemKey(item: ChecklistItem, ctx: RenderContext): unknown[] {
  const answer = ctx.answers[item.id];
  const photos = answer?.photos === undefined || answer.photos.length === 0 ? ''
    : answer.photos.map((p) => ctx.photos.url(ctx.client, p) ?? '').join(' ');
  return [answer, ctx.visible(item.id), ctx.numbers.get(item.id), ctx.missing.get(item.id)?.join() ?? '', ctx.busy.has(item.id), photos];
}

function renderItem(item: ChecklistItem, i: number, ctx: RenderContext): TemplateResult {
  const { locale } = ctx;
  const answer = ctx.answers[item.id];
  const r = answer?.result;
  const missing = ctx.missing.get(item.id);
  return html`<fieldset part="item" class="item ${r ?? ''}${missing === undefined ? '' : ' missing'}" data-item=${item.id}
    ?hidden=${!ctx.visible(item.id)} aria-describedby=${missing === undefined ? nothing : `e${i}`}>
    <legend class="q"><span class="n">${ctx.numbers.get(item.id) ?? ''}.</span> ${tr(item.text, locale)}</legend>
    <div class="choices">
      <label class="choice pass"><input type="radio" name="r${i}" value="pass" .checked=${r === 'pass'}>${m('pass', locale)}</label>
      <label class="choice fail"><input type="radio" name="r${i}" value="fail" .checked=${r === 'fail'}>${m('fail', locale)}</label>
      <label class="choice na"><input type="radio" name="r${i}" value="na" .checked=${r === 'na'}>${m('na', locale)}</label>
    </div>
    ${item.hint === undefined ? nothing : html`<p class="hint">${tr(item.hint, locale)}</p>`}
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

function renderReadonlyItem(item: ChecklistItem, ctx: RenderContext): TemplateResult {
  const { locale } = ctx;
  const answer = ctx.answers[item.id];
  const r = answer?.result;
  return html`<div part="item" class="item readonly ${r ?? ''}" data-item=${item.id} ?hidden=${answer === undefined && !ctx.visible(item.id)}>
    <p class="q"><span class="n">${ctx.numbers.get(item.id) ?? ''}.</span> ${tr(item.text, locale)}</p>
    <p class="result">${m('result', locale)}<strong>${m(r ?? 'unanswered', locale)}</strong></p>
    ${answer?.note === undefined || answer.note === '' ? nothing : html`<p class="note-text">${m('noteIs', locale)}${answer.note}</p>`}
    ${(answer?.photos ?? []).length === 0 ? nothing : html`<div class="photos">${(answer?.photos ?? []).map((p, k) => renderPhoto(p, k, ctx, false))}</div>`}
  </div>`;
}

/** The control to focus for what an item lacks: its first radio, its note, or its photo button. */
export function focusTarget(itemEl: Element, missing: readonly Missing[]): HTMLElement | null {
  if (missing.includes('answer')) return itemEl.querySelector<HTMLInputElement>('input[type=radio]');
  if (missing.includes('note')) return itemEl.querySelector<HTMLTextAreaElement>('textarea');
  return itemEl.querySelector<HTMLButtonElement>('.add-photo');
}

/** Numbers of the shown items, continuous (a hidden conditional item leaves no gap); `ids` tells when they changed. */
export interface Numbering { ids: string; numbers: Map<string, number> }

/**
 * Continuous numbers over what is shown (in a read-only view an answered item counts as shown);
 * `prev` is returned as it is while the shown items stay.
 */
export function numberShown(r: Ready, visible: (id: string) => boolean, ro: boolean, answers: Answers, prev: Numbering | undefined): Numbering {
  const shown: string[] = [];
  for (const s of r.template.sections) {
    for (const it of s.items) if (visible(it.id) || (ro && answers[it.id] !== undefined)) shown.push(it.id);
  }
  const ids = shown.join('\n');
  return prev?.ids === ids ? prev : { ids, numbers: new Map(shown.map((id, k) => [id, k + 1])) };
}

/**
 * 全部合格 (a section's, or the whole list's with no id): every shown item without an answer
 * passes, and so do the items that these answers bring into view. Answered items keep their
 * answer. Returns the new answers and the ids passed (none: `answers` itself).
 */
export function passAll(r: Ready, answers: Record<string, Answer>, sectionId: string | undefined): { answers: Record<string, Answer>; passed: string[] } {
  const items = r.template.sections.filter((s) => sectionId === undefined || s.id === sectionId).flatMap((s) => s.items);
  const passed: string[] = [];
  let next = answers;
  for (let round = 0; round <= items.length; round++) {
    const visible = r.engine.visibility(r.template, r.place, next);
    const open = items.filter((it) => next[it.id] === undefined && visible(it.id));
    if (open.length === 0) break;
    const copy: Record<string, Answer> = { ...next };
    for (const it of open) {
      copy[it.id] = { result: 'pass' };
      passed.push(it.id);
    }
    next = copy;
  }
  return { answers: next, passed };
}
