/**
 * Small builders that keep the template files readable: one line per fact of an item. Internal to
 * the template library.
 * @module
 */
import { CONTINUED_FROM_2017 } from '../hazard/major-rules.gb35181-2025.js';
import { EBIKE_NOTICE, PLAN } from './docs.js';
import type { HazardCategory } from '../names.js';
import type {
  AppliesTo, Basis, ChecklistItem, ChecklistSection, ChecklistTemplate, ItemSeverity, When,
} from '../schema/template.js';

/** When the library's templates were last revised; their stored timestamps. */
export const LIBRARY_REVISED_AT = '2026-01-15T00:00:00+08:00';
/**
 * The tenant the library's templates carry until a server stores them under a real one (a
 * server ignores `tenantId` on input and sets its own).
 */
export const LIBRARY_TENANT = 'firegrid-library';

/**
 * A basis whose clause our sources show, with the sentence of the source that supports the item:
 * `verified: true`. The quote must be found verbatim in the committed excerpt of that document and
 * clause (templates/sources/), which the library's tests check.
 */
export const v = (doc: string, clause: string, quote: string): Basis => ({ doc, clause, quote, verified: true });
/**
 * A basis our sources could not confirm, or without a known clause, or whose text does not say
 * what the item asks: `verified: false`. A quote, when given, is still checked against the excerpts.
 */
export const u = (doc: string, clause?: string, quote?: string): Basis => ({
  doc, ...(clause !== undefined && { clause }), ...(quote !== undefined && { quote }), verified: false,
});

/** An item, written compactly. */
export interface ItemSpec {
  zh: string;
  en: string;
  basis: Basis;
  category?: HazardCategory;
  severity?: ItemSeverity;
  /** A failed answer needs a photo (things one can see: blocked exits, broken equipment). */
  photo?: boolean;
  /** A failed answer needs a note; true unless set to false. */
  note?: boolean;
  when?: When;
  hint?: readonly [zh: string, en: string];
  ruleRefs?: readonly string[];
}

const NEXT_EDITION = new Map(CONTINUED_FROM_2017.map((c) => [`GB35181-2017:${c.from}`, `GB35181-2025:${c.id}`]));

/**
 * An item's rule references with the 2025 continuation of each 2017 element added: the candidate
 * rule set is chosen by the date a hazard is found, so an item must point into both editions.
 */
export function withNextEdition(refs: readonly string[]): string[] {
  const out = [...refs];
  for (const r of refs) {
    const next = NEXT_EDITION.get(r);
    if (next !== undefined && !out.includes(next)) out.push(next);
  }
  return out;
}

/** Builds one item; a 2017 rule reference brings its 2025 continuation along. */
export function item(id: string, s: ItemSpec): ChecklistItem {
  return {
    id,
    text: { 'zh-CN': s.zh, en: s.en },
    ...(s.hint !== undefined && { hint: { 'zh-CN': s.hint[0], en: s.hint[1] } }),
    basis: s.basis,
    severity: s.severity ?? 'general',
    ...(s.category !== undefined && { category: s.category }),
    ...(s.ruleRefs !== undefined && { ruleRefs: withNextEdition(s.ruleRefs) }),
    evidence: { photoOnFail: s.photo ?? false, noteOnFail: s.note ?? true },
    ...(s.when !== undefined && { when: JSON.parse(JSON.stringify(s.when)) as When }),
  };
}

/** Builds one section. */
export function section(id: string, zh: string, en: string, items: ChecklistItem[]): ChecklistSection {
  return { id, title: { 'zh-CN': zh, en }, items };
}

/**
 * Builds a library template with its stored fields. `revision` is the library's content revision:
 * raise it whenever the content changes (a test compares each template's content hash with the
 * table of revisions it was committed under). `version` is a store's record version: the library
 * is nobody's store, so its templates carry version 1, as a record stored once.
 */
export function template(t: {
  id: string;
  revision: number;
  zh: string;
  en: string;
  appliesTo: AppliesTo;
  sections: ChecklistSection[];
}): ChecklistTemplate {
  return {
    id: t.id,
    version: 1,
    revision: t.revision,
    createdAt: LIBRARY_REVISED_AT,
    updatedAt: LIBRARY_REVISED_AT,
    tenantId: LIBRARY_TENANT,
    title: { 'zh-CN': t.zh, en: t.en },
    appliesTo: t.appliesTo,
    sections: t.sections,
  };
}

/** Only when the place is a high-rise: items citing 令5号 carry it, so low-rise places never see them. */
export const HIGH_RISE: When = { place: 'highRise' };

/** The hint of an item resting on the Fire Protection Law, whose text our sources do not hold. */
export const FIRE_LAW_HINT: readonly [string, string] = [
  '依据为消防法，条文未收录在我们的资料中，待核实', 'Rests on the Fire Protection Law; its text is not in our sources, to be confirmed',
];
/** The hint of an item resting on the draft e-bike charging standard, not in force. */
export const DRAFT_HINT: readonly [string, string] = ['依据为报批稿，尚未施行', 'The basis is a draft not yet in force'];

/**
 * The two e-bike items of every residential template: none parked, none charged in the building's
 * common areas (the 2017 notice; no item numbers in our sources, so unverified with its sentence).
 */
export function ebikeCommonAreaItems(): ChecklistItem[] {
  const notice = u(EBIKE_NOTICE, undefined, '严禁在建筑内共用走道、楼梯间、安全出口等公共区域停放或充电');
  return [
    item('ebike-not-parked-indoors', {
      zh: '楼道、楼梯间、安全出口等公共区域无电动自行车停放', en: 'No e-bikes parked in corridors, stairs, exits or other common areas',
      basis: notice, category: 'ebike-indoor', photo: true,
    }),
    item('ebike-not-charged-indoors', {
      zh: '楼道、楼梯间、安全出口等公共区域无电动自行车充电', en: 'No e-bikes charged in corridors, stairs, exits or other common areas',
      basis: notice, category: 'ebike-indoor', photo: true,
    }),
  ];
}

/**
 * The two fire-lane items every residential estate template opens with: no cars parked, no goods
 * or obstacles on the lane (the plan's 二（一）5 names occupying it in a residential estate an offence).
 */
export function residentialFireLaneItems(): ChecklistItem[] {
  const lane = v(PLAN, '二（一）5', '住宅小区道路内占用、堵塞、封闭消防车通道等违法行为');
  return [
    item('fire-lane-no-cars', {
      zh: '消防车通道上无机动车停放', en: 'No cars parked on the fire lane',
      basis: lane, category: 'fire-lane-blocked', photo: true, ruleRefs: ['GB35181-2017:7.1.1'],
    }),
    item('fire-lane-no-obstacles', {
      zh: '消防车通道上无堆放杂物、设置障碍物', en: 'No goods stacked or obstacles set up on the fire lane',
      basis: lane, category: 'fire-lane-blocked', photo: true, ruleRefs: ['GB35181-2017:7.1.1'],
    }),
  ];
}
