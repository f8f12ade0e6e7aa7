/**
 * Checklist templates: what an inspector checks at a place, with the regulation behind each item
 * (DESIGN §2, §7).
 * @module
 */
import * as z from 'zod/mini';
import { HAZARD_CATEGORY_CODES, PLACE_KINDS } from '../names.js';
import { BUILDING_FACTS } from './place.js';
import {
  LocalizedText, NonEmpty, StoredInputShape, StoredShape, addLocalizedIssue, strictDeep,
} from './common.js';

/** The answer to one checklist item. */
export const ANSWER_RESULTS = ['pass', 'fail', 'na'] as const;
export type AnswerResult = (typeof ANSWER_RESULTS)[number];

/** Facts about the place a `when` condition can test. */
export const WHEN_PLACE_FACTS = ['highRise', 'oldResidential', 'hasBuilding'] as const;
export type WhenPlaceFact = (typeof WHEN_PLACE_FACTS)[number];

/** Severities a checklist item can give the hazard it raises (`major` is only ever confirmed by people). */
export const ITEM_SEVERITIES = ['general', 'major-candidate'] as const;
export type ItemSeverity = (typeof ITEM_SEVERITIES)[number];

/**
 * Where a requirement comes from: a regulation or standard (never a website), the clause, the
 * sentence of the source that supports the item (`quote`, verbatim), and whether the wording was
 * checked against the text (`verified: false` when it could not be). The library gives every
 * `verified: true` basis a quote found verbatim in its committed excerpt of that document and
 * clause; a citation with no supporting sentence is `verified: false`.
 * @example
 * const b: Basis = { doc: '《高层民用建筑消防安全管理规定》（应急管理部令第5号）', clause: '第三十条',
 *   quote: '住宅公共区域显著位置摆放灭火器材', verified: true };
 */
export const Basis = z.object({
  doc: NonEmpty, clause: z.optional(NonEmpty), quote: z.optional(NonEmpty), verified: z.boolean(),
});
export type Basis = z.infer<typeof Basis>;

/** A rule-set element, `<set>:<element>` (`GB35181-2017:7.1.1`). */
export const RuleRef = z.string().check(z.regex(/^[^\s:]+:[^\s:]+$/));

/**
 * When an item (or section) applies: data, never `eval`. A condition is one of
 * `{ place: 'highRise' | 'oldResidential' | 'hasBuilding' }`, `{ kind: PlaceKind[] }` (the place's
 * kind is one of these), `{ fact: 'hasControlRoom' | 'hasKitchen' | 'overnightStay', is: boolean }`
 * (a recorded fact of the place's building; a fact that is not recorded holds, so the item is
 * shown and the worker answers “not applicable” where it does not apply),
 * `{ answer: itemId, is: 'pass' | 'fail' | 'na' }`, `{ all: [...] }`, `{ any: [...] }`,
 * `{ not: ... }`, nested to any depth.
 * @example
 * const w: When = { all: [{ kind: ['hospital', 'elderly-care'] }, { not: { answer: 'q3', is: 'na' } }] };
 * const kitchen: When = { fact: 'hasKitchen', is: true };
 */
export const When = z.union([
  z.object({ place: z.enum(WHEN_PLACE_FACTS) }),
  z.object({ kind: z.array(z.enum(PLACE_KINDS)).check(z.minLength(1)) }),
  z.object({ fact: z.enum(BUILDING_FACTS), is: z.boolean() }),
  z.object({ answer: NonEmpty, is: z.enum(ANSWER_RESULTS) }),
  z.object({
    get all(): z.ZodMiniArray<typeof When> {
      return z.array(When);
    },
  }),
  z.object({
    get any(): z.ZodMiniArray<typeof When> {
      return z.array(When);
    },
  }),
  z.object({
    get not(): typeof When {
      return When;
    },
  }),
]);
export type When = z.infer<typeof When>;

/**
 * One question of a checklist. `evidence` says what a failed answer needs; `category`, `basis`
 * and `severity` go to the hazard a failed answer raises.
 */
export const ChecklistItem = z.object({
  /** Unique within the template; answers are keyed by it. */
  id: NonEmpty,
  text: LocalizedText,
  hint: z.optional(LocalizedText),
  basis: Basis,
  severity: z.enum(ITEM_SEVERITIES),
  category: z.optional(z.enum(HAZARD_CATEGORY_CODES)),
  /** Rule-set elements this item evidences, for the major-hazard candidate rules. */
  ruleRefs: z.optional(z.array(RuleRef)),
  evidence: z.object({ photoOnFail: z.boolean(), noteOnFail: z.boolean() }),
  when: z.optional(When),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

/** A titled group of items. */
export const ChecklistSection = z.object({
  id: NonEmpty,
  title: LocalizedText,
  items: z.array(ChecklistItem).check(z.minLength(1)),
});
export type ChecklistSection = z.infer<typeof ChecklistSection>;

/** Which places a template is for: any of `kinds`, narrowed by the computed high-rise and old flags when given. */
export const AppliesTo = z.object({
  kinds: z.array(z.enum(PLACE_KINDS)).check(z.minLength(1)),
  highRise: z.optional(z.boolean()),
  oldResidential: z.optional(z.boolean()),
});
export type AppliesTo = z.infer<typeof AppliesTo>;

/**
 * A template's content revision: 1, 2, … raised whenever its content (title, applicability,
 * sections, items) changes. Distinct from `version`, the store's record version: a server keeps
 * every revision of a template (`GET /v1/templates/{id}?revision=N`) and never rewrites one, and an
 * inspection records the revision it was filled under as `templateVersion`.
 */
export const TemplateRevision = z.int().check(z.positive());

/** The fields of a template besides the stored ones. */
export const ChecklistTemplateShape = {
  /** The content revision ({@link TemplateRevision}); `version` is only the store's record version. */
  revision: TemplateRevision,
  title: LocalizedText,
  appliesTo: AppliesTo,
  sections: z.array(ChecklistSection).check(z.minLength(1)),
};

type Sections = z.infer<typeof ChecklistSection>[];

function answerRefs(when: When | undefined, out: string[]): string[] {
  if (!when) return out;
  if ('answer' in when) out.push(when.answer);
  else if ('all' in when) for (const w of when.all) answerRefs(w, out);
  else if ('any' in when) for (const w of when.any) answerRefs(w, out);
  else if ('not' in when) answerRefs(when.not, out);
  return out;
}

// Answers are keyed by item id and `when` points at items by id, so both must resolve.
const itemIdsResolve = z.superRefine<{ sections: Sections }>((template, ctx) => {
  const ids = new Set<string>();
  template.sections.forEach((section, s) => {
    section.items.forEach((item, i) => {
      if (ids.has(item.id)) {
        addLocalizedIssue(ctx, ['sections', s, 'items', i, 'id'], {
          'zh-CN': `检查项 id "${item.id}" 重复`,
          en: `item id "${item.id}" is used twice`,
        });
      }
      ids.add(item.id);
    });
  });
  template.sections.forEach((section, s) => {
    section.items.forEach((item, i) => {
      for (const ref of answerRefs(item.when, [])) {
        if (!ids.has(ref)) {
          addLocalizedIssue(ctx, ['sections', s, 'items', i, 'when'], {
            'zh-CN': `条件引用了不存在的检查项 "${ref}"`,
            en: `the condition refers to item "${ref}", which is not in the template`,
          });
        }
      }
    });
  });
});

/**
 * A checklist template as stored and read. Its `revision` (the content revision) is what an
 * inspection records as `templateVersion`; its `version` is the store's record version, raised by
 * every save.
 */
export const ChecklistTemplate = z.object({ ...StoredShape, ...ChecklistTemplateShape }).check(itemIdsResolve);
export type ChecklistTemplate = z.infer<typeof ChecklistTemplate>;

/** A template as a `PUT` body: unknown keys refused at every level, server-managed fields optional. */
export const ChecklistTemplateInput = strictDeep(
  z.object({ ...StoredInputShape, ...ChecklistTemplateShape }).check(itemIdsResolve),
);
export type ChecklistTemplateInput = z.infer<typeof ChecklistTemplateInput>;
