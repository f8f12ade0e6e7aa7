// The register / edit / replace / end-term form of the registry: its state, how it renders, and
// how what was typed becomes a captain record. The element owns saving (through the client).
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { newId } from '@firegrid/core/base';
import { activeCaptain, checkLimits, endTerm, replaceCaptain, validatePhone } from '@firegrid/core/captains';
import type { CaptainLimits, CommitmentMethod, FloorCaptain, FloorCaptainInput, Locale, Place } from '@firegrid/core';
import { fmt, type MessageKey } from './messages.js';
import { message } from '../styles.js';
import { queuedText, unsentNote } from '../queued.js';

/** What the form is for. */
export type EditorKind = 'register' | 'edit' | 'replace' | 'end';

/** Fields of the form that can carry an error. */
export type EditorField = 'name' | 'phone' | 'from' | 'end' | 'duties' | 'signedOn' | 'postedOn';

/** The form's state: what the user typed survives a failed save. */
export interface EditorState {
  kind: EditorKind;
  building: Place;
  /** The captain in office (edit, replace, end). */
  current?: FloorCaptain | undefined;
  name: string;
  phone: string;
  from: string;
  end: string;
  /** Duties of the list that are ticked. */
  duties: string[];
  /** Other duties, one per line. */
  extra: string;
  method: '' | CommitmentMethod;
  signedOn: string;
  posted: boolean;
  postedOn: string;
  errors: Partial<Record<EditorField, string>>;
  busy: boolean;
  /** 取消 was pressed on a changed form: ask before dropping what was typed. */
  discarding?: boolean;
  /** The form's values when it opened, to tell a changed form. */
  opened?: string;
  /** The outbox entry of the refused save this form was brought back from: dropped as the form is saved again. */
  replaces?: string;
  /** The last save found no network and there is no offline layer: 未发送，网络恢复后重试, and 保存 says 重试. */
  unsent?: boolean;
}

/** The values a person types, as one string to compare. */
const typed = (s: EditorState): string => JSON.stringify([s.name, s.phone, s.from, s.end, s.duties, s.extra, s.method, s.signedOn, s.posted, s.postedOn]);

/** Whether the form differs from how it opened: closing it would lose what was typed. */
export const isChanged = (s: EditorState): boolean => s.opened !== undefined && typed(s) !== s.opened;

/** A new form for a building: empty for `register`, the captain's values for `edit`. */
export function openEditor(kind: EditorKind, building: Place, current: FloorCaptain | undefined, dutyList: readonly string[], today: string): EditorState {
  const keep = kind === 'edit' && current !== undefined;
  const listed = keep ? current.duties.filter((d) => dutyList.includes(d)) : [...dutyList];
  const state: EditorState = {
    kind,
    building,
    current,
    name: keep ? current.person.name : '',
    phone: keep ? current.person.phone : '',
    from: today,
    end: today,
    duties: listed,
    extra: keep ? current.duties.filter((d) => !dutyList.includes(d)).join('\n') : '',
    method: keep ? current.commitment?.method ?? '' : '',
    signedOn: keep && current.commitment !== undefined ? current.commitment.signedAt.slice(0, 10) : '',
    posted: keep && current.publicisedAt !== undefined,
    postedOn: keep && current.publicisedAt !== undefined ? current.publicisedAt.slice(0, 10) : today,
    errors: {},
    busy: false,
  };
  return { ...state, opened: typed(state) };
}

const midnight = (day: string): string => `${day}T00:00:00+08:00`;
/** Keeps a stored instant when the day shown for it was not changed. */
const keepOr = (stored: string | undefined, day: string): string => (stored?.slice(0, 10) === day ? stored : midnight(day));

/** What saving the form does, once it is valid. */
export type EditorOutcome =
  | { kind: 'submit'; record: FloorCaptainInput }
  | { kind: 'replace'; ended: FloorCaptain; started: FloorCaptainInput }
  | { kind: 'end'; record: FloorCaptain; before: FloorCaptain };

/** What checking the form needs besides the form. */
export interface EditorContext {
  locale: Locale;
  captains: readonly FloorCaptain[];
  buildings: readonly Place[];
  limits: CaptainLimits;
  today: string;
}

/**
 * Checks the form and returns what to save, or the errors per field (in the form's locale).
 * A person is recognised by phone: a phone that already belongs to a captain keeps his person id,
 * so the limits per person count him once.
 */
export function readEditor(state: EditorState, ctx: EditorContext): EditorOutcome | Partial<Record<EditorField, string>> {
  const t = (key: MessageKey, values?: Record<string, string | number>): string => fmt(key, ctx.locale, values);
  const errors: Partial<Record<EditorField, string>> = {};
  const current = state.current;
  if (state.kind === 'end') {
    if (current === undefined) return { end: t('needDay') };
    if (state.end === '') return { end: t('needDay') };
    if (state.end <= current.term.from) return { end: t('endAfter', { day: current.term.from }) };
    try {
      return { kind: 'end', record: endTerm(current, state.end, ctx.locale), before: current };
    } catch (e) {
      return { end: e instanceof Error ? e.message : String(e) };
    }
  }
  const name = state.name.trim();
  if (name === '') errors.name = t('needName');
  const phone = validatePhone(state.phone, ctx.locale);
  if (!phone.ok) errors.phone = phone.message;
  const duties = [...state.duties, ...state.extra.split(/\r?\n/).map((d) => d.trim()).filter((d) => d !== '')];
  if (duties.length === 0) errors.duties = t('needDuty');
  if (state.kind !== 'edit' && state.from === '') errors.from = t('needDay');
  if (state.kind === 'replace' && current !== undefined && state.from !== '' && state.from <= current.term.from) {
    errors.from = t('fromAfter', { day: current.term.from });
  }
  if (state.method !== '' && state.signedOn === '') errors.signedOn = t('needDay');
  if (state.posted && state.postedOn === '') errors.postedOn = t('needDay');
  if (Object.keys(errors).length > 0 || !phone.ok) return errors;

  const known = ctx.captains.find((c) => c.person.phone === phone.phone);
  const personId = state.kind === 'edit' && current !== undefined ? current.person.id : known?.person.id ?? newId();
  const person = { id: personId, name, phone: phone.phone };
  const extra = {
    ...(state.method !== '' && { commitment: { signedAt: keepOr(current?.commitment?.signedAt, state.signedOn), method: state.method } }),
    ...(state.posted && { publicisedAt: keepOr(state.kind === 'edit' ? current?.publicisedAt : undefined, state.postedOn) }),
  };

  // Limits count the person's other buildings in office, with this one added.
  const others = ctx.captains.filter((c) => c.person.id === personId && c.buildingId !== state.building.id && activeCaptain([c], c.buildingId, ctx.today) !== undefined);
  const probe = [...others, { id: 'probe', buildingId: state.building.id, person, term: { from: ctx.today } }];
  const [breach] = checkLimits(probe, ctx.buildings, ctx.today, ctx.limits);
  if (breach !== undefined && state.kind !== 'edit') {
    return breach.exceeds.includes('buildings')
      ? { name: t('overBuildings', { name, n: others.length, max: ctx.limits.maxBuildings ?? 0 }) }
      : { name: t('overHouseholds', { name, n: breach.households, max: ctx.limits.maxHouseholds ?? 0 }) };
  }

  if (state.kind === 'edit' && current !== undefined) {
    const rest: FloorCaptainInput = { ...current };
    delete rest.commitment;
    delete rest.publicisedAt;
    return { kind: 'submit', record: { ...rest, person, duties, ...extra } };
  }
  const record: FloorCaptainInput = { id: newId(), buildingId: state.building.id, person, duties, term: { from: state.from }, ...extra };
  if (state.kind === 'replace' && current !== undefined) {
    const { ended, started } = replaceCaptain(current, record, state.from, ctx.locale);
    return { kind: 'replace', ended, started };
  }
  return { kind: 'submit', record };
}

/** The handlers the form calls. */
export interface EditorHandlers {
  change: (patch: Partial<EditorState>) => void;
  save: () => void;
  cancel: () => void;
  /** 继续填写 (false) or 放弃 (true) after 取消 on a changed form. */
  discard: (drop: boolean) => void;
}

const TITLES: Record<EditorKind, MessageKey> = { register: 'dialogRegister', edit: 'dialogEdit', replace: 'dialogReplace', end: 'dialogEnd' };

/** Asked after 取消 on a changed form: 继续填写, or 放弃 what was typed (the one button order). */
function discardQuestion(state: EditorState, t: (key: MessageKey) => string, on: EditorHandlers): TemplateResult | typeof nothing {
  return state.discarding !== true ? nothing : html`${message('warning', t('discardAsk'), { id: 'discard-ask', focusable: true })}
    <div class="buttons">
      <button type="button" id="discard-keep" @click=${() => { on.discard(false); }}>${t('keepEditing')}</button>
      <button type="button" class="primary" id="discard-drop" @click=${() => { on.discard(true); }}>${t('discard')}</button>
    </div>`;
}

/** The form inside the registry's dialog. */
export function renderEditor(state: EditorState, dutyList: readonly string[], locale: Locale, on: EditorHandlers, formError: string): TemplateResult {
  const t = (key: MessageKey, values?: Record<string, string | number>): string => fmt(key, locale, values);
  const err = (field: EditorField) => state.errors[field] ?? '';
  const invalid = (field: EditorField) => (state.errors[field] === undefined ? 'false' : 'true');
  const value = (e: Event): string => (e.target as HTMLInputElement).value;
  const submit = (e: Event): void => {
    e.preventDefault();
    on.save();
  };
  const title = t(TITLES[state.kind], { building: state.building.name });
  if (state.kind === 'end') {
    return html`<form @submit=${submit} aria-labelledby="editor-title" novalidate>
      <h2 id="editor-title">${title}</h2>
      <div class="field">
        <label for="f-end">${t('fieldEnd')}</label>
        <p class="hint" id="f-end-hint">${t('endHint')}</p>
        <input id="f-end" type="date" .value=${live(state.end)} aria-invalid=${invalid('end')} aria-describedby="f-end-hint f-end-error"
          @input=${(e: Event) => { on.change({ end: value(e) }); }}>
        <p class="error" id="f-end-error">${err('end')}</p>
      </div>
      ${message('error', formError)}
      ${state.unsent === true ? unsentNote(locale) : nothing}
      ${discardQuestion(state, t, on)}
      <div class="buttons" ?hidden=${state.discarding === true}>
        <button type="button" @click=${on.cancel}>${t('cancel')}</button>
        <button type="submit" class="primary" ?disabled=${state.busy}>${state.busy ? t('saving') : state.unsent === true ? queuedText('retry', locale) : t('confirmEnd')}</button>
      </div>
    </form>`;
  }
  return html`<form @submit=${submit} aria-labelledby="editor-title" novalidate>
    <h2 id="editor-title">${title}</h2>
    ${state.kind === 'replace' && state.current !== undefined ? html`<p class="hint">${t('replacing', { name: state.current.person.name })}</p>` : nothing}
    <div class="field">
      <label for="f-name">${t('fieldName')}</label>
      <input id="f-name" name="name" autocomplete="name" .value=${live(state.name)} aria-invalid=${invalid('name')} aria-describedby="f-name-error"
        @input=${(e: Event) => { on.change({ name: value(e) }); }}>
      <p class="error" id="f-name-error">${err('name')}</p>
    </div>
    <div class="field">
      <label for="f-phone">${t('fieldPhone')}</label>
      <p class="hint" id="f-phone-hint">${t('phoneHint')}</p>
      <input id="f-phone" name="phone" type="tel" inputmode="tel" autocomplete="tel" .value=${live(state.phone)} aria-invalid=${invalid('phone')}
        aria-describedby="f-phone-hint f-phone-error" @input=${(e: Event) => { on.change({ phone: value(e) }); }}>
      <p class="error" id="f-phone-error">${err('phone')}</p>
    </div>
    ${state.kind === 'edit' ? nothing : html`<div class="field">
      <label for="f-from">${t('fieldFrom')}</label>
      <input id="f-from" type="date" .value=${live(state.from)} aria-invalid=${invalid('from')} aria-describedby="f-from-error"
        @input=${(e: Event) => { on.change({ from: value(e) }); }}>
      <p class="error" id="f-from-error">${err('from')}</p>
    </div>`}
    <fieldset aria-describedby="f-duties-error">
      <legend>${t('duties')}</legend>
      ${dutyList.map((d, i) => html`<label class="check"><input type="checkbox" id=${`f-duty-${i}`} .checked=${live(state.duties.includes(d))}
        @change=${(e: Event) => {
          const on_ = (e.target as HTMLInputElement).checked;
          on.change({ duties: on_ ? dutyList.filter((x) => x === d || state.duties.includes(x)) : state.duties.filter((x) => x !== d) });
        }}>${d}</label>`)}
      <label for="f-extra">${t('extraDuties')}</label>
      <textarea id="f-extra" .value=${live(state.extra)} @input=${(e: Event) => { on.change({ extra: value(e) }); }}></textarea>
      <p class="error" id="f-duties-error">${err('duties')}</p>
    </fieldset>
    <div class="pair">
      <div class="field">
        <label for="f-method">${t('commitment')}</label>
        <select id="f-method" .value=${live(state.method)} @change=${(e: Event) => { on.change({ method: value(e) as EditorState['method'] }); }}>
          <option value="">${t('commitNone')}</option>
          <option value="paper">${t('commitPaper')}</option>
          <option value="electronic">${t('commitElectronic')}</option>
        </select>
      </div>
      <div class="field">
        <label for="f-signed">${t('signedOn')}</label>
        <input id="f-signed" type="date" .value=${live(state.signedOn)} ?disabled=${state.method === ''} aria-invalid=${invalid('signedOn')}
          aria-describedby="f-signed-error" @input=${(e: Event) => { on.change({ signedOn: value(e) }); }}>
        <p class="error" id="f-signed-error">${err('signedOn')}</p>
      </div>
    </div>
    <div class="pair">
      <label class="check"><input type="checkbox" id="f-posted" .checked=${live(state.posted)}
        @change=${(e: Event) => { on.change({ posted: (e.target as HTMLInputElement).checked }); }}>${t('postedCheck')}</label>
      <div class="field">
        <label for="f-posted-on">${t('postedOn')}</label>
        <input id="f-posted-on" type="date" .value=${live(state.postedOn)} ?disabled=${!state.posted} aria-invalid=${invalid('postedOn')}
          aria-describedby="f-posted-error" @input=${(e: Event) => { on.change({ postedOn: value(e) }); }}>
        <p class="error" id="f-posted-error">${err('postedOn')}</p>
      </div>
    </div>
    ${message('error', formError)}
    ${state.unsent === true ? unsentNote(locale) : nothing}
    ${discardQuestion(state, t, on)}
    <div class="buttons" ?hidden=${state.discarding === true}>
      <button type="button" @click=${on.cancel}>${t('cancel')}</button>
      <button type="submit" class="primary" ?disabled=${state.busy}>${state.busy ? t('saving') : state.unsent === true ? queuedText('retry', locale) : t('save')}</button>
    </div>
  </form>`;
}
