/**
 * Major-hazard *candidate* rules (DESIGN §7): versioned rule sets of GB 35181 as data, chosen by
 * the date a hazard was found, that turn the rule-set elements failed checklist items evidence
 * (`ruleRefs`, `'GB35181-2017:7.1.1'`) into a suggestion to run `flag-major`.
 *
 * The app only ever suggests. GB 35181 makes a major hazard only by a collective determination
 * of people; a fire officer records it with `confirm-major`. Rule sets carry `verified` flags on
 * every element and threshold, and `complete: false` when the sources did not give the whole
 * standard: the built-in 2025 set knows one confirmed element plus unverified continuations of
 * the 2017 elements the checklist library evidences. An integrator loads a fuller set as data
 * with {@link loadMajorRuleSet} and passes it in `ruleSets`, keeping the library's element ids
 * (`fire-lane-blocked`, `exits-insufficient`, …) for what its items evidence; packages/core/README.md
 * ("Loading the full GB 35181-2025 rule set") has a worked example.
 * @module
 */
import * as z from 'zod/mini';
import { FiregridError } from '../errors.js';
import { PLACE_KINDS } from '../names.js';
import type { Locale, PlaceKind } from '../names.js';
import { IsoDate, LocalizedText, NonEmpty, addLocalizedIssue } from '../schema/common.js';
import type { ChecklistTemplate } from '../schema/template.js';
import type { Inspection } from '../schema/inspection.js';
import { checkWith } from '../validate.js';
import { GB35181_2017 } from './major-rules.gb35181-2017.js';
import { GB35181_2025 } from './major-rules.gb35181-2025.js';

/** Direct elements decide alone; composite ones count towards a threshold; `unknown` when the sources do not say. */
export const MAJOR_ELEMENT_KINDS = ['direct', 'composite', 'unknown'] as const;
/** One of {@link MAJOR_ELEMENT_KINDS}. */
export type MajorElementKind = (typeof MAJOR_ELEMENT_KINDS)[number];

/** Classes of place thresholds are set for: 人员密集场所, 易燃易爆危险品场所, others. */
export const PLACE_CLASSES = ['crowded', 'flammable', 'other'] as const;
/** One of {@link PLACE_CLASSES}. */
export type PlaceClass = (typeof PLACE_CLASSES)[number];

// The part after `<set>:` of a RuleRef: no whitespace, no colon.
const Token = z.string().check(z.regex(/^[^\s:]+$/));

/** One element of a rule set. `id` is what follows the set id in a RuleRef (`7.1.1`). */
export const MajorRuleElement = z.object({
  id: Token,
  kind: z.enum(MAJOR_ELEMENT_KINDS),
  /** The group a threshold counts by (`7.3`). */
  group: z.optional(NonEmpty),
  /** A short summary of the element, not a quotation of the standard. */
  text: LocalizedText,
  /** False when the element, its kind or its clause number could not be confirmed against the text. */
  verified: z.boolean(),
  note: z.optional(LocalizedText),
});
/** One element of a rule set. */
export type MajorRuleElement = z.infer<typeof MajorRuleElement>;

/** "At a place of this class, this many composite elements (of these groups) make a candidate." */
export const MajorRuleThreshold = z.object({
  id: NonEmpty,
  placeClass: z.union([z.enum(PLACE_CLASSES), z.array(z.enum(PLACE_CLASSES))]),
  /** Groups whose elements count; every composite element when left out. */
  groups: z.optional(z.array(NonEmpty)),
  count: z.int().check(z.positive()),
  verified: z.boolean(),
  text: LocalizedText,
});
/** A composite-element threshold. */
export type MajorRuleThreshold = z.infer<typeof MajorRuleThreshold>;

const uniqueElements = z.superRefine<{ elements: { id: string }[] }>((set, ctx) => {
  const seen = new Set<string>();
  set.elements.forEach((el, i) => {
    if (seen.has(el.id)) addLocalizedIssue(ctx, ['elements', i, 'id'], { 'zh-CN': `判定要素 "${el.id}" 重复`, en: `element "${el.id}" is listed twice` });
    seen.add(el.id);
  });
});

/**
 * A versioned rule set. `inForce` is half-open in China Standard Time calendar days: `from`
 * inclusive, `until` exclusive (the day the next edition took over); either may be open.
 */
export const MajorRuleSet = z.object({
  /** The RuleRef prefix, e.g. `GB35181-2017`. */
  id: Token,
  doc: NonEmpty,
  title: LocalizedText,
  inForce: z.object({ from: z.optional(IsoDate), until: z.optional(IsoDate) }),
  /** False when the set holds only part of the standard's elements or thresholds. */
  complete: z.boolean(),
  elements: z.array(MajorRuleElement),
  thresholds: z.array(MajorRuleThreshold),
  /** Which place kinds count as crowded or flammable premises; {@link DEFAULT_PLACE_CLASSES} when left out. */
  placeClasses: z.optional(z.object({
    crowded: z.optional(z.array(z.enum(PLACE_KINDS))),
    flammable: z.optional(z.array(z.enum(PLACE_KINDS))),
  })),
}).check(uniqueElements);
/** A rule set, as parsed. */
export type MajorRuleSet = z.infer<typeof MajorRuleSet>;
/** A rule set as data before parsing (what a JSON file holds). */
export type MajorRuleSetData = z.input<typeof MajorRuleSet>;

/**
 * Which place kinds Firegrid counts as 人员密集场所 and 易燃易爆危险品场所 when a rule set does not
 * say: Firegrid's reading of the places the Fire Protection Law calls crowded (公众聚集场所, schools,
 * hospitals, care homes, kindergartens, religious sites…), not a list from GB 35181. Every other
 * kind is `other`. Override per set with `placeClasses`.
 */
export const DEFAULT_PLACE_CLASSES: Readonly<Record<'crowded' | 'flammable', readonly PlaceKind[]>> = {
  crowded: ['commercial-complex', 'school', 'kindergarten', 'elderly-care', 'hospital', 'hotel', 'market', 'entertainment', 'religious', 'metro-station'],
  flammable: ['petrochemical'],
};

/** The built-in rule sets: GB 35181-2017 (until 2025-11-01) and what is known of GB 35181-2025. */
export const MAJOR_RULE_SETS: readonly MajorRuleSet[] = Object.freeze([GB35181_2017, GB35181_2025]);

/**
 * Parses a rule set given as data (a JSON file an integrator ships) and returns it checked.
 * @throws FiregridError `config` naming each bad path.
 * @example
 * const full = loadMajorRuleSet(await (await fetch('/rules/gb35181-2025.json')).json());
 * suggestMajor(input, { ruleSets: withRuleSets(full) });
 */
export function loadMajorRuleSet(data: unknown, locale: Locale = 'zh-CN'): MajorRuleSet {
  const checked = checkWith(MajorRuleSet, data, { locale });
  if (!checked.ok) throw new FiregridError('config', `${locale === 'zh-CN' ? '判定规则集无效' : 'Invalid major-hazard rule set'}: ${checked.message}`, { issues: checked.issues });
  return checked.value;
}

/** The built-in sets with `extra` added; a set with the id of a built-in one replaces it. */
export function withRuleSets(...extra: readonly MajorRuleSet[]): MajorRuleSet[] {
  const ids = new Set(extra.map((s) => s.id));
  return [...MAJOR_RULE_SETS.filter((s) => !ids.has(s.id)), ...extra];
}

const CST_MS = 8 * 3_600_000;

/** The China Standard Time calendar day of an instant, `YYYY-MM-DD`; undefined for an invalid date. */
function dayOf(at: Date | string): string | undefined {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return Number.isNaN(t) ? undefined : new Date(t + CST_MS).toISOString().slice(0, 10);
}

/**
 * The rule set in force on the day a hazard was found (China Standard Time): a hazard found on
 * 2025-10-31 is judged by GB 35181-2017, one found on 2025-11-01 by GB 35181-2025. When several
 * sets are in force, the one that started last wins. Undefined when none is.
 * @example
 * ruleSetFor('2025-10-31T23:30:00+08:00')?.id;   // 'GB35181-2017'
 */
export function ruleSetFor(discoveredAt: Date | string, ruleSets: readonly MajorRuleSet[] = MAJOR_RULE_SETS): MajorRuleSet | undefined {
  const day = dayOf(discoveredAt);
  if (day === undefined) return undefined;
  let best: MajorRuleSet | undefined;
  for (const set of ruleSets) {
    const { from, until } = set.inForce;
    if ((from !== undefined && day < from) || (until !== undefined && day >= until)) continue;
    if (best === undefined || (set.inForce.from ?? '') > (best.inForce.from ?? '')) best = set;
  }
  return best;
}

/** The class of a place kind under a rule set; undefined when the kind is not known. */
export function placeClassOf(kind: PlaceKind | undefined, set?: Pick<MajorRuleSet, 'placeClasses'>): PlaceClass | undefined {
  if (kind === undefined) return undefined;
  if ((set?.placeClasses?.crowded ?? DEFAULT_PLACE_CLASSES.crowded).includes(kind)) return 'crowded';
  if ((set?.placeClasses?.flammable ?? DEFAULT_PLACE_CLASSES.flammable).includes(kind)) return 'flammable';
  return 'other';
}

/** What {@link suggestMajor} reads. */
export interface MajorSuggestionInput {
  /** Rule-set elements evidenced at the place: the `ruleRefs` of failed checklist items or of its open hazards. */
  ruleRefs: readonly string[];
  /** When the hazard was found; chooses the rule set. */
  discoveredAt: Date | string;
  /** The kind of the place, for composite thresholds. Unknown → every threshold is tried. */
  placeKind?: PlaceKind;
}

/** The outcome of {@link suggestMajor}. */
export interface MajorSuggestion {
  /** True when a `flag-major` should be suggested. People decide; the app never sets `major`. */
  suggest: boolean;
  /** The set chosen by the discovery date; undefined when none is in force then. */
  ruleSet?: MajorRuleSet;
  /** Direct elements evidenced. */
  direct: MajorRuleElement[];
  /** Elements of unknown kind evidenced (suggested, as either kind could be enough). */
  unknown: MajorRuleElement[];
  /** Composite elements evidenced. */
  composite: MajorRuleElement[];
  /** Composite thresholds met. */
  thresholds: MajorRuleThreshold[];
  /** RuleRefs not in the chosen set (another edition, a typo), ignored. */
  ignored: string[];
  placeClass?: PlaceClass;
  /** True only when every element and threshold behind the suggestion is verified. */
  verified: boolean;
}

/**
 * Whether the elements evidenced at a place suggest flagging a major-hazard candidate, under the
 * rule set in force on the discovery date: any direct element, any element of unknown kind, or
 * a composite threshold met for the place's class. RuleRefs of another edition are ignored, never
 * translated: the editions' element lists differ.
 * @example
 * const s = suggestMajor({ ruleRefs: ['GB35181-2017:6.4'], discoveredAt: hazard.createdAt, placeKind: 'warehouse' });
 * if (s.suggest) offer('flag-major');
 */
export function suggestMajor(input: MajorSuggestionInput, options: { ruleSets?: readonly MajorRuleSet[] } = {}): MajorSuggestion {
  return suggestUnder(ruleSetFor(input.discoveredAt, options.ruleSets), input);
}

/**
 * The editions a determination must look at: the set in force on the discovery day and, when
 * the determination falls under another edition (the dates straddle 2025-11-01), that one too —
 * discovery first, each once.
 * @example
 * majorEditions('2025-10-20T10:00:00+08:00', new Date('2025-11-05T10:00:00+08:00')).map((s) => s.id);   // ['GB35181-2017', 'GB35181-2025']
 */
export function majorEditions(discoveredAt: Date | string, determinedAt: Date | string, ruleSets: readonly MajorRuleSet[] = MAJOR_RULE_SETS): MajorRuleSet[] {
  const sets = [ruleSetFor(discoveredAt, ruleSets), ruleSetFor(determinedAt, ruleSets)].filter((s): s is MajorRuleSet => s !== undefined);
  return sets.filter((s, i) => sets.findIndex((o) => o.id === s.id) === i);
}

/**
 * The suggestion under each edition of {@link majorEditions}, for `confirm-major` and
 * `dismiss-major`: when discovery and determination straddle 2025-11-01 the officers see what
 * both editions say and record the one they applied as `majorRuleSet`.
 */
export function suggestMajorEditions(
  input: MajorSuggestionInput & { determinedAt: Date | string },
  options: { ruleSets?: readonly MajorRuleSet[] } = {},
): MajorSuggestion[] {
  return majorEditions(input.discoveredAt, input.determinedAt, options.ruleSets).map((set) => suggestUnder(set, input));
}

function suggestUnder(set: MajorRuleSet | undefined, input: MajorSuggestionInput): MajorSuggestion {
  const none: MajorSuggestion = { suggest: false, direct: [], unknown: [], composite: [], thresholds: [], ignored: [...new Set(input.ruleRefs)], verified: false };
  if (set === undefined) return none;
  const byId = new Map(set.elements.map((el) => [el.id, el]));
  const hit: MajorRuleElement[] = [];
  const ignored: string[] = [];
  for (const ref of new Set(input.ruleRefs)) {
    const cut = ref.indexOf(':');
    const el = cut > 0 && ref.slice(0, cut) === set.id ? byId.get(ref.slice(cut + 1)) : undefined;
    if (el === undefined) ignored.push(ref);
    else hit.push(el);
  }
  const direct = hit.filter((el) => el.kind === 'direct');
  const unknown = hit.filter((el) => el.kind === 'unknown');
  const composite = hit.filter((el) => el.kind === 'composite');
  const placeClass = placeClassOf(input.placeKind, set);
  const thresholds = set.thresholds.filter((t) => {
    const classes: readonly PlaceClass[] = typeof t.placeClass === 'string' ? [t.placeClass] : t.placeClass;
    if (placeClass !== undefined && !classes.includes(placeClass)) return false;
    const counted = composite.filter((el) => t.groups === undefined || (el.group !== undefined && t.groups.includes(el.group)));
    return counted.length >= t.count;
  });
  const suggest = direct.length > 0 || unknown.length > 0 || thresholds.length > 0;
  const behind = [...direct, ...unknown, ...(thresholds.length > 0 ? composite : [])];
  return {
    suggest, ruleSet: set, direct, unknown, composite, thresholds, ignored,
    ...(placeClass === undefined ? {} : { placeClass }),
    verified: suggest && behind.every((el) => el.verified) && thresholds.every((t) => t.verified),
  };
}

/** The `ruleRefs` of the items an inspection failed, each once, in template order. */
export function failedRuleRefs(template: Pick<ChecklistTemplate, 'sections'>, answers: Inspection['answers']): string[] {
  const refs = new Set<string>();
  for (const section of template.sections) {
    for (const item of section.items) {
      if (answers[item.id]?.result === 'fail') for (const ref of item.ruleRefs ?? []) refs.add(ref);
    }
  }
  return [...refs];
}
