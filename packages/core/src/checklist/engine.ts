/**
 * The checklist engine (DESIGN §7): which templates apply to a place, the `when` conditions,
 * required evidence, completeness and pass rate. Pure functions of data: no clock, no I/O.
 * @module
 */
import { FiregridError } from '../errors.js';
import type { Locale, PlaceKind } from '../names.js';
import { isHighRise, isOldResidential } from '../rules/place.js';
import type { PlaceFacts } from '../rules/place.js';
import type { Answer } from '../schema/inspection.js';
import { BUILDING_FACTS } from '../schema/place.js';
import type { BuildingFact } from '../schema/place.js';
import { ChecklistTemplate } from '../schema/template.js';
import type { AnswerResult, ChecklistItem, When, WhenPlaceFact } from '../schema/template.js';
import { checkWith } from '../validate.js';

/** Answers keyed by item id, as an inspection holds them. */
export type Answers = Readonly<Record<string, Answer>>;

/**
 * What a `when` condition can test of one place: the computed flags, its kind, and the recorded
 * building facts (absent when unknown).
 */
export type PlaceFlags = Readonly<Record<WhenPlaceFact, boolean>> & {
  readonly kind?: PlaceKind;
  readonly facts?: Readonly<Partial<Record<BuildingFact, boolean>>>;
};

/** What the engine reads of a template: its applicability and its items. */
export type TemplateShape = Pick<ChecklistTemplate, 'appliesTo' | 'sections'>;

/**
 * What a `when` condition reads of a place: high-rise and old residential (computed, never typed
 * in, DESIGN §2), whether its building is known at all, its kind, and the building facts that are
 * recorded (`hasControlRoom`, `hasKitchen`, `overnightStay`; an unrecorded one is left out).
 * @example
 * placeFlags({ kind: 'residential', building: { floors: 18, hasKitchen: false } });
 * // { highRise: true, oldResidential: false, hasBuilding: true, kind: 'residential', facts: { hasKitchen: false } }
 */
export function placeFlags(place: PlaceFacts): PlaceFlags {
  const facts: Partial<Record<BuildingFact, boolean>> = {};
  for (const f of BUILDING_FACTS) {
    const value = place.building?.[f];
    if (value !== undefined) facts[f] = value;
  }
  return {
    highRise: isHighRise(place), oldResidential: isOldResidential(place), hasBuilding: place.building !== undefined,
    kind: place.kind, facts,
  };
}

/**
 * True when a template is meant for the place: its kind is one of `appliesTo.kinds`, and the
 * computed high-rise and old-residential facts equal `appliesTo.highRise` / `.oldResidential`
 * where those are given.
 */
export function templateApplies(template: Pick<ChecklistTemplate, 'appliesTo'>, place: PlaceFacts): boolean {
  const a = template.appliesTo;
  if (!a.kinds.includes(place.kind)) return false;
  if (a.highRise !== undefined && a.highRise !== isHighRise(place)) return false;
  if (a.oldResidential !== undefined && a.oldResidential !== isOldResidential(place)) return false;
  return true;
}

/**
 * The templates that apply to a place, in the order given.
 * @example
 * applicableTemplates(templates, { kind: 'residential', building: { heightM: 54 } }); // [high-rise residential]
 */
export function applicableTemplates<T extends Pick<ChecklistTemplate, 'appliesTo'>>(templates: readonly T[], place: PlaceFacts): T[] {
  return templates.filter((t) => templateApplies(t, place));
}

/**
 * Evaluates a `when` condition. `resultOf` gives the answer an item counts with (undefined when
 * it has none or does not count). `{ kind }` holds when the place's kind is listed (never when the
 * kind is not given); `{ fact, is }` holds when the recorded fact equals `is`, and also when the
 * fact is not recorded: an unknown fact shows the item. Conditions are data: nothing is ever
 * `eval`ed.
 * @example
 * evaluateWhen({ all: [{ place: 'highRise' }, { answer: 'q1', is: 'fail' }] }, flags, (id) => answers[id]?.result);
 * evaluateWhen({ fact: 'hasKitchen', is: true }, placeFlags({ kind: 'small-venue' }), () => undefined); // true: unknown
 */
export function evaluateWhen(when: When, flags: PlaceFlags, resultOf: (itemId: string) => AnswerResult | undefined): boolean {
  if ('place' in when) return flags[when.place];
  if ('kind' in when) return flags.kind !== undefined && when.kind.includes(flags.kind);
  if ('fact' in when) {
    const known = flags.facts?.[when.fact];
    return known === undefined || known === when.is;
  }
  if ('answer' in when) return resultOf(when.answer) === when.is;
  if ('all' in when) return when.all.every((w) => evaluateWhen(w, flags, resultOf));
  if ('any' in when) return when.any.some((w) => evaluateWhen(w, flags, resultOf));
  return !evaluateWhen(when.not, flags, resultOf);
}

/**
 * True when one item is shown, reading the answers as they are. Use {@link visibility} for a whole
 * template: there, an answer to an item that is itself hidden does not count.
 */
export function isVisible(item: Pick<ChecklistItem, 'when'>, place: PlaceFacts, answers: Answers): boolean {
  return item.when === undefined || evaluateWhen(item.when, placeFlags(place), (id) => answers[id]?.result);
}

/**
 * Which items of a template are shown for this place and these answers. An answer to a hidden
 * item counts as no answer, so a chain of conditions collapses as soon as one link is hidden.
 * A condition that depends on itself (directly or through others) is false.
 * @returns a function of the item id; unknown ids are not visible.
 */
export function visibility(template: Pick<ChecklistTemplate, 'sections'>, place: PlaceFacts, answers: Answers): (itemId: string) => boolean {
  const flags = placeFlags(place);
  const items = new Map<string, ChecklistItem>();
  for (const s of template.sections) for (const it of s.items) items.set(it.id, it);
  const memo = new Map<string, boolean>();
  const visiting = new Set<string>();
  const visible = (id: string): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const item = items.get(id);
    if (item === undefined || visiting.has(id)) return false;
    visiting.add(id);
    const result = item.when === undefined
      || evaluateWhen(item.when, flags, (ref) => (visible(ref) ? answers[ref]?.result : undefined));
    visiting.delete(id);
    memo.set(id, result);
    return result;
  };
  return visible;
}

/** The items of a template shown for this place and these answers, in template order. */
export function visibleItems(template: Pick<ChecklistTemplate, 'sections'>, place: PlaceFacts, answers: Answers): ChecklistItem[] {
  const visible = visibility(template, place, answers);
  return template.sections.flatMap((s) => s.items.filter((it) => visible(it.id)));
}

/** What an item still lacks: an answer, or the photo or note its failed answer needs. */
export type Missing = 'answer' | 'photo' | 'note';

/**
 * The evidence a failed answer still lacks (`photo` and/or `note`, per the item's `evidence`).
 * A passed or not-applicable answer needs none. A note of only spaces is no note.
 */
export function missingEvidence(item: Pick<ChecklistItem, 'evidence'>, answer: Answer | undefined): Missing[] {
  if (answer?.result !== 'fail') return [];
  const out: Missing[] = [];
  if (item.evidence.photoOnFail && (answer.photos?.length ?? 0) === 0) out.push('photo');
  if (item.evidence.noteOnFail && (answer.note ?? '').trim() === '') out.push('note');
  return out;
}

/** One shown item that is not done yet. */
export interface IncompleteItem {
  itemId: string;
  missing: Missing[];
}

/** Where an inspection stands. */
export interface ChecklistProgress {
  /** Items shown (hidden conditional items do not count). */
  total: number;
  /** Shown items with an answer. */
  answered: number;
  passed: number;
  failed: number;
  na: number;
  /** passed ÷ (passed + failed); null before any item has passed or failed. */
  passRate: number | null;
  /** Shown items still lacking an answer or evidence, in template order. */
  incomplete: IncompleteItem[];
  /** True when nothing is incomplete. */
  complete: boolean;
}

/**
 * Completeness and pass rate over the shown items.
 * @example
 * const p = checklistProgress(template, place, inspection.answers);
 * if (!p.complete) focusItem(p.incomplete[0].itemId);
 */
export function checklistProgress(template: Pick<ChecklistTemplate, 'sections'>, place: PlaceFacts, answers: Answers): ChecklistProgress {
  let answered = 0;
  let passed = 0;
  let failed = 0;
  let na = 0;
  const incomplete: IncompleteItem[] = [];
  const shown = visibleItems(template, place, answers);
  for (const item of shown) {
    const answer = answers[item.id];
    if (answer === undefined) {
      incomplete.push({ itemId: item.id, missing: ['answer'] });
      continue;
    }
    answered++;
    if (answer.result === 'pass') passed++;
    else if (answer.result === 'fail') failed++;
    else na++;
    const missing = missingEvidence(item, answer);
    if (missing.length > 0) incomplete.push({ itemId: item.id, missing });
  }
  return {
    total: shown.length, answered, passed, failed, na,
    passRate: passed + failed === 0 ? null : passed / (passed + failed),
    incomplete, complete: incomplete.length === 0,
  };
}

function whenRefs(when: When | undefined, out: string[] = []): string[] {
  if (when === undefined) return out;
  if ('answer' in when) out.push(when.answer);
  else if ('all' in when) for (const w of when.all) whenRefs(w, out);
  else if ('any' in when) for (const w of when.any) whenRefs(w, out);
  else if ('not' in when) whenRefs(when.not, out);
  return out;
}

/** The ids of items whose conditions depend on themselves, directly or through other items. */
export function conditionCycles(template: Pick<ChecklistTemplate, 'sections'>): string[] {
  const deps = new Map<string, string[]>();
  for (const s of template.sections) for (const it of s.items) deps.set(it.id, whenRefs(it.when));
  const state = new Map<string, 'open' | 'done'>();
  const cyclic = new Set<string>();
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'open') {
      for (const p of path.slice(path.indexOf(id))) cyclic.add(p);
      return;
    }
    state.set(id, 'open');
    for (const ref of deps.get(id) ?? []) visit(ref, [...path, id]);
    state.set(id, 'done');
  };
  for (const id of deps.keys()) visit(id, []);
  return [...deps.keys()].filter((id) => cyclic.has(id));
}

const TEXT = {
  'zh-CN': {
    invalid: (m: string) => `检查表模板无效：${m}`,
    cycle: (id: string) => `检查项 "${id}" 的显示条件依赖它自己`,
  },
  en: {
    invalid: (m: string) => `The checklist template is invalid: ${m}`,
    cycle: (id: string) => `the condition of item "${id}" depends on itself`,
  },
} as const;

/**
 * Validates a template (the schema, plus conditions that depend on themselves) and returns it
 * parsed, or throws FiregridError `validation` whose issues name each path
 * (`sections[1].items[3].basis.doc`).
 * @example
 * const mine = validateTemplate(JSON.parse(text), { locale: 'en' });
 */
export function validateTemplate(value: unknown, options: { locale?: Locale } = {}): ChecklistTemplate {
  const locale = options.locale ?? 'zh-CN';
  const checked = checkWith(ChecklistTemplate, value, { locale });
  if (!checked.ok) throw new FiregridError('validation', TEXT[locale].invalid(checked.message), { issues: checked.issues });
  const cycles = conditionCycles(checked.value);
  if (cycles.length > 0) {
    const issues = cycles.map((id) => ({ path: pathOf(checked.value, id), message: TEXT[locale].cycle(id) }));
    throw new FiregridError('validation', TEXT[locale].invalid(issues.map((i) => i.message).join('; ')), { issues });
  }
  return checked.value;
}

function pathOf(template: ChecklistTemplate, itemId: string): string {
  for (const [s, section] of template.sections.entries()) {
    const i = section.items.findIndex((it) => it.id === itemId);
    if (i >= 0) return `sections[${s}].items[${i}].when`;
  }
  return '';
}
