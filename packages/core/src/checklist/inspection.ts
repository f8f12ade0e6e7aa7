/**
 * Inspections as immutable values (DESIGN §2, §7): start one, answer items, submit it, correct a
 * submitted one with a new inspection that supersedes it, and turn its failed items into hazard
 * drafts. Every function returns a new object and leaves its input untouched; the clock is passed in.
 * @module
 */
import { FiregridError } from '../errors.js';
import type { Issue } from '../errors.js';
import { newId } from '../ids.js';
import type { Locale } from '../names.js';
import type { GeoPoint } from '../schema/geo.js';
import type { Hazard, HazardInput, Reporter } from '../schema/hazard.js';
import { Answer } from '../schema/inspection.js';
import type { Inspection } from '../schema/inspection.js';
import type { Place } from '../schema/place.js';
import type { ChecklistItem, ChecklistTemplate } from '../schema/template.js';
import { checkWith } from '../validate.js';
import { checklistProgress, visibility } from './engine.js';
import type { Missing } from './engine.js';

const TEXT = {
  'zh-CN': {
    submitted: '这次检查已提交，不能再修改；如需更正，请新建一次检查来替代它。',
    notSubmitted: '只有已提交的检查才能被更正替代。',
    wrongTemplate: (t: string, i: string) => `模板 ${t} 不是这次检查所用的模板 ${i}`,
    wrongPlace: (p: string, i: string) => `场所 ${p} 不是这次检查的场所 ${i}`,
    unknownItem: (id: string) => `模板中没有检查项 "${id}"`,
    badAnswer: (m: string) => `答案无效：${m}`,
    incomplete: (n: number) => `还有 ${n} 项未完成，不能提交`,
    missing: { answer: '未作答', photo: '不合格项需要照片', note: '不合格项需要情况说明' } satisfies Record<Missing, string>,
  },
  en: {
    submitted: 'This inspection was submitted and never changes; to correct it, start a new inspection that supersedes it.',
    notSubmitted: 'Only a submitted inspection can be superseded by a correction.',
    wrongTemplate: (t: string, i: string) => `Template ${t} is not the template ${i} of this inspection`,
    wrongPlace: (p: string, i: string) => `Place ${p} is not the place ${i} of this inspection`,
    unknownItem: (id: string) => `The template has no item "${id}"`,
    badAnswer: (m: string) => `Invalid answer: ${m}`,
    incomplete: (n: number) => `${n} item(s) are not done yet, so the inspection cannot be submitted`,
    missing: { answer: 'not answered', photo: 'a failed item needs a photo', note: 'a failed item needs a note' } satisfies Record<Missing, string>,
  },
} as const;

const text = (locale: Locale | undefined) => TEXT[locale ?? 'zh-CN'];
const iso = (d: Date): string => d.toISOString();

function invalid(message: string, issues: Issue[] = []): FiregridError {
  return new FiregridError('validation', message, { issues });
}

/** Options of {@link startInspection}. */
export interface StartInspectionOptions {
  /** The template filled: its `revision` becomes the inspection's `templateVersion`. */
  template: Pick<ChecklistTemplate, 'id' | 'revision'>;
  place: Pick<Place, 'id'>;
  /** The host user id of the inspector. */
  inspectorId: string;
  tenantId: string;
  now: Date;
  /** The new inspection's id; a new UUIDv7 when left out. */
  id?: string;
  location?: GeoPoint;
  /** A submitted inspection this one corrects: its answers are copied and `supersedes` points to it. */
  supersedes?: Inspection;
  locale?: Locale;
}

/**
 * A new draft inspection (`version` 0: never stored by a server). With `supersedes`, it is a
 * correction of that submitted inspection and starts from its answers.
 * @throws FiregridError `validation` when `supersedes` is not a submitted inspection of the same template and place.
 * @example
 * const draft = startInspection({ template, place, inspectorId: session.user.id, tenantId: session.tenantId, now: new Date() });
 */
export function startInspection(options: StartInspectionOptions): Inspection {
  const { template, place, now, supersedes } = options;
  const t = text(options.locale);
  if (supersedes !== undefined) {
    if (supersedes.state !== 'submitted') throw invalid(t.notSubmitted, [{ path: 'supersedes', message: t.notSubmitted }]);
    if (supersedes.templateId !== template.id) throw invalid(t.wrongTemplate(template.id, supersedes.templateId));
    if (supersedes.placeId !== place.id) throw invalid(t.wrongPlace(place.id, supersedes.placeId));
  }
  const at = iso(now);
  return {
    id: options.id ?? newId(),
    version: 0,
    createdAt: at,
    updatedAt: at,
    tenantId: options.tenantId,
    templateId: template.id,
    templateVersion: template.revision,
    placeId: place.id,
    inspectorId: options.inspectorId,
    startedAt: at,
    answers: supersedes === undefined ? {} : JSON.parse(JSON.stringify(supersedes.answers)) as Inspection['answers'],
    ...(options.location !== undefined && { location: options.location }),
    state: 'draft',
    ...(supersedes !== undefined && { supersedes: supersedes.id }),
  };
}

/**
 * A correction of a submitted inspection: a new draft with its answers that supersedes it.
 * @example
 * const correction = supersede(submitted, { inspectorId: 'u1', now: new Date() });
 */
export function supersede(
  previous: Inspection,
  options: { inspectorId: string; now: Date; id?: string; locale?: Locale },
): Inspection {
  return startInspection({
    template: { id: previous.templateId, revision: previous.templateVersion },
    place: { id: previous.placeId },
    tenantId: previous.tenantId,
    supersedes: previous,
    ...options,
  });
}

function findItem(template: Pick<ChecklistTemplate, 'sections'>, itemId: string): ChecklistItem | undefined {
  for (const s of template.sections) for (const it of s.items) if (it.id === itemId) return it;
  return undefined;
}

function assertDraftOf(inspection: Inspection, template: Pick<ChecklistTemplate, 'id'>, locale: Locale | undefined): void {
  const t = text(locale);
  if (inspection.state !== 'draft') throw invalid(t.submitted, [{ path: 'state', message: t.submitted }]);
  if (inspection.templateId !== template.id) throw invalid(t.wrongTemplate(template.id, inspection.templateId));
}

/**
 * The inspection with one item answered (replacing an earlier answer to it).
 * @throws FiregridError `validation` when the inspection is submitted (it never changes), the item
 *   is not in the template, or the answer is malformed.
 * @example
 * next = answerItem(draft, template, 'exits-clear', { result: 'fail', note: '楼道堆放纸箱', photos: [ref] }, new Date());
 */
export function answerItem(
  inspection: Inspection,
  template: Pick<ChecklistTemplate, 'id' | 'sections'>,
  itemId: string,
  answer: Answer,
  now: Date,
  options: { locale?: Locale } = {},
): Inspection {
  const t = text(options.locale);
  assertDraftOf(inspection, template, options.locale);
  if (findItem(template, itemId) === undefined) {
    throw invalid(t.unknownItem(itemId), [{ path: `answers.${itemId}`, message: t.unknownItem(itemId) }]);
  }
  const checked = checkWith(Answer, answer, { locale: options.locale ?? 'zh-CN' });
  if (!checked.ok) {
    throw invalid(t.badAnswer(checked.message), checked.issues.map((i) => ({ ...i, path: `answers.${itemId}${i.path === '' ? '' : `.${i.path}`}` })));
  }
  return { ...inspection, answers: { ...inspection.answers, [itemId]: checked.value }, updatedAt: iso(now) };
}

/**
 * The inspection submitted: complete (every shown item answered, failed ones with the evidence
 * they need), answers to hidden items dropped, `state: 'submitted'` and `submittedAt` set.
 * @throws FiregridError `validation` whose issues name each incomplete item (`answers.<itemId>`),
 *   in template order, or when the inspection was already submitted.
 */
export function submitInspection(
  inspection: Inspection,
  template: Pick<ChecklistTemplate, 'id' | 'sections'>,
  place: Pick<Place, 'id' | 'kind' | 'building'>,
  now: Date,
  options: { locale?: Locale } = {},
): Inspection {
  const t = text(options.locale);
  assertDraftOf(inspection, template, options.locale);
  if (inspection.placeId !== place.id) throw invalid(t.wrongPlace(place.id, inspection.placeId));
  const progress = checklistProgress(template, place, inspection.answers);
  if (!progress.complete) {
    const issues = progress.incomplete.map((i) => ({
      path: `answers.${i.itemId}`, message: i.missing.map((m) => t.missing[m]).join('; '),
    }));
    throw invalid(t.incomplete(issues.length), issues);
  }
  const visible = visibility(template, place, inspection.answers);
  const answers = Object.fromEntries(Object.entries(inspection.answers).filter(([id]) => visible(id)));
  const at = iso(now);
  return { ...inspection, answers, state: 'submitted', submittedAt: at, updatedAt: at };
}

/** Options of {@link failedItemsToHazards}. */
export interface HazardDraftOptions {
  now: Date;
  /** Who reports them; the inspector as a grid worker when left out. */
  reporter?: Reporter;
  /** Language of the hazard titles (the items' text); zh-CN, the language of the two lists, when left out. */
  locale?: Locale;
  /** Makes hazard ids; UUIDv7 by default. */
  newId?: () => string;
}

/**
 * One hazard draft (`status: 'draft'`, `source: 'inspection'`, `version` 0) per failed item of
 * the inspection, with the item's category (`other` when it has none), basis, severity (a
 * `major-candidate` stays a candidate: only people confirm a major hazard), `ruleRefs`, the
 * note as description, the photos, and the place's grid, address and location.
 * @example
 * const drafts = failedItemsToHazards(submitted, template, place, { now: new Date() });
 * for (const h of drafts) await client.drafts.save('hazards', h);
 */
export function failedItemsToHazards(
  inspection: Inspection,
  template: Pick<ChecklistTemplate, 'sections'>,
  place: Pick<Place, 'id' | 'kind' | 'building' | 'gridId' | 'address' | 'location'>,
  options: HazardDraftOptions,
): Hazard[] {
  const visible = visibility(template, place, inspection.answers);
  const at = iso(options.now);
  const makeId = options.newId ?? newId;
  const reporter: Reporter = options.reporter ?? { kind: 'grid-worker', personId: inspection.inspectorId, confidential: false };
  const location = inspection.location ?? place.location;
  const out: Hazard[] = [];
  for (const section of template.sections) {
    for (const item of section.items) {
      const answer = inspection.answers[item.id];
      if (answer?.result !== 'fail' || !visible(item.id)) continue;
      out.push({
        id: makeId(),
        version: 0,
        createdAt: at,
        updatedAt: at,
        tenantId: inspection.tenantId,
        category: item.category ?? 'other',
        title: (options.locale === 'en' ? item.text.en : undefined) ?? item.text['zh-CN'],
        description: answer.note ?? '',
        placeId: place.id,
        gridId: place.gridId,
        ...(location !== undefined && { location }),
        address: place.address,
        photos: [...(answer.photos ?? [])],
        source: 'inspection',
        inspectionId: inspection.id,
        itemId: item.id,
        basis: { ...item.basis },
        ...(item.ruleRefs !== undefined && { ruleRefs: [...item.ruleRefs] }),
        reporter,
        severity: item.severity,
        status: 'draft',
        history: [],
      });
    }
  }
  return out;
}

/** What a person may change in a hazard draft before it is reported. */
export interface HazardDraftEdits {
  title?: string;
  description?: string;
  category?: Hazard['category'];
}

/**
 * The hazard a failed item's draft becomes when it is reported (上报): `status: 'reported'`, with
 * the item's category, place, note, photos and basis, after the person's edits (a blank title
 * keeps the draft's). Server-managed fields (`version`, timestamps, `history`) are left out: it is
 * created, not updated.
 * @example
 * const hazard = reportedFromDraft(draft, { description: '一层楼道堆放纸箱' });
 * await client.submit('hazards', hazard);
 */
export function reportedFromDraft(draft: Hazard, edits: HazardDraftEdits = {}): HazardInput {
  const content: HazardInput & Partial<Pick<Hazard, 'history'>> = { ...draft };
  delete content.version;
  delete content.createdAt;
  delete content.updatedAt;
  delete content.history;
  const title = edits.title?.trim();
  return {
    ...content,
    ...(title !== undefined && title !== '' ? { title } : {}),
    ...(edits.description !== undefined ? { description: edits.description.trim() } : {}),
    ...(edits.category !== undefined ? { category: edits.category } : {}),
    photos: [...draft.photos],
    status: 'reported',
  };
}
