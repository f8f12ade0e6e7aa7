/**
 * What `<fg-checklist>` needs before it can show anything: the place, the template and the
 * inspection (a given one, the worker's draft, or a new unsaved one). Reads go through
 * `client.data` and `client.drafts`; the template library is imported only when the host stores
 * no templates, so it never weighs on the element's bundle.
 * @module
 */
import { FiregridError, Inspection, Place, isFiregridError, parseWith } from '@firegrid/core/schema';
import { applicableTemplates, checklistProgress, startInspection, validateTemplate, visibility } from '@firegrid/core/checklist';
import type { ChecklistTemplate, FiregridClient, Locale } from '@firegrid/core';
import type { Messages } from '../i18n.js';

/**
 * The texts only a load can need. They live here, not in `messages.ts`, so that the lazily loaded
 * load code does not share a module with the element's first paint (bytes.all.initial, DESIGN §8).
 */
const MESSAGES = {
  noPlace: { 'zh-CN': '请指定要检查的场所（place-id）。', en: 'Say which place to inspect (place-id).' },
  placeNotFound: { 'zh-CN': '找不到该场所', en: 'The place was not found' },
  templateNotFound: { 'zh-CN': '找不到该检查表模板', en: 'The checklist template was not found' },
  inspectionNotFound: { 'zh-CN': '找不到该检查记录', en: 'The inspection was not found' },
  noTemplate: { 'zh-CN': '没有适用于该场所的检查表', en: 'No checklist applies to this place' },
  newerRevision: {
    'zh-CN': '本次检查按检查表第 {n} 版填写；该检查表已有第 {m} 版，新的检查将使用第 {m} 版。',
    en: 'This inspection follows revision {n} of the checklist; revision {m} exists, and new inspections use it.',
  },
  revisionGone: {
    'zh-CN': '本草稿开始时用的检查表第 {n} 版已无法读取，现按第 {m} 版继续填写；已填的答案按检查项保留。',
    en: 'Revision {n} of the checklist, which this draft started under, can no longer be read; it continues under revision {m}, keeping the answers by item.',
  },
  revisionGoneShown: {
    'zh-CN': '本次检查按检查表第 {n} 版填写，该版本已无法读取；以下按第 {m} 版显示。',
    en: 'This inspection follows revision {n} of the checklist, which can no longer be read; it is shown under revision {m}.',
  },
} satisfies Messages<string>;

/** The inputs of the element that decide what it shows. */
export interface LoadInput {
  client: FiregridClient;
  locale: Locale;
  placeId?: string | undefined;
  templateId?: string | undefined;
  inspectionId?: string | undefined;
  place?: unknown;
  template?: unknown;
  inspection?: unknown;
  /** A template the worker chose among several that apply. */
  chosenId?: string | undefined;
}

/**
 * The checklist rules the element needs once something is loaded. They come with the load, as
 * this whole module is imported on demand: its schemas and validation (zod) stay out of the
 * element's initial bytes, and nothing can be shown before a load finishes anyway.
 */
export interface Engine {
  checklistProgress: typeof checklistProgress;
  visibility: typeof visibility;
}
const engine: Engine = { checklistProgress, visibility };

/** Ready to fill (or to read), or a choice of templates to make first. */
export type Loaded =
  | {
    kind: 'ready'; template: ChecklistTemplate; place: Place; inspection: Inspection; persisted: boolean; engine: Engine;
    /** Said above the items when the inspection follows another revision than the latest (issue 23). */
    revisionNote?: string;
  }
  | { kind: 'choose'; place: Place; choices: ChecklistTemplate[] };

const notFound = (key: 'placeNotFound' | 'templateNotFound' | 'inspectionNotFound', id: string, locale: Locale) =>
  // The id is for the developer (fg-error's issues), not for the person reading the alert.
  new FiregridError('not-found', MESSAGES[key][locale], { issues: [{ path: key === 'placeNotFound' ? 'placeId' : key === 'templateNotFound' ? 'templateId' : 'inspectionId', message: id }] });

async function library(): Promise<readonly ChecklistTemplate[]> {
  return (await import('@firegrid/core/templates')).templates;
}

async function templateById(client: FiregridClient, id: string, locale: Locale): Promise<ChecklistTemplate> {
  const stored = await client.data.get('templates', id);
  if (stored !== null) return stored;
  const builtIn = (await library()).find((t) => t.id === id);
  if (builtIn === undefined) throw notFound('templateNotFound', id, locale);
  return builtIn;
}

async function inspectionById(client: FiregridClient, id: string, locale: Locale): Promise<{ inspection: Inspection; persisted: boolean }> {
  const draft = Inspection.safeParse(await client.drafts.get('inspections', id));
  if (draft.success) return { inspection: draft.data, persisted: true };
  const stored = await client.data.get('inspections', id);
  if (stored === null) throw notFound('inspectionNotFound', id, locale);
  return { inspection: stored, persisted: true };
}

const said = (key: 'newerRevision' | 'revisionGone' | 'revisionGoneShown', locale: Locale, n: number, m: number): string =>
  MESSAGES[key][locale].replaceAll('{n}', String(n)).replaceAll('{m}', String(m));

/**
 * The template an existing inspection is shown with: the revision it was filled under
 * (`templateVersion`), read from the host with `get('templates', id, { revision })`, and a note
 * when the latest is newer. When the host cannot serve that revision (the built-in library holds
 * only the latest), a draft continues under the latest, recording it, and says so.
 */
async function revisionFor(client: FiregridClient, latest: ChecklistTemplate, inspection: Inspection, locale: Locale):
  Promise<{ template: ChecklistTemplate; inspection: Inspection; revisionNote?: string }> {
  const wanted = inspection.templateVersion;
  if (latest.revision === wanted) return { template: latest, inspection };
  let held: ChecklistTemplate | null = null;
  try {
    held = await client.data.get('templates', latest.id, { revision: wanted });
  } catch (e) {
    // A port that does not know revisions answers with the latest, which the client refuses.
    if (!isFiregridError(e, 'host-response')) throw e;
  }
  if (held !== null) {
    return { template: held, inspection, ...(latest.revision > wanted ? { revisionNote: said('newerRevision', locale, wanted, latest.revision) } : {}) };
  }
  if (inspection.state !== 'draft') return { template: latest, inspection, revisionNote: said('revisionGoneShown', locale, wanted, latest.revision) };
  return { template: latest, inspection: { ...inspection, templateVersion: latest.revision }, revisionNote: said('revisionGone', locale, wanted, latest.revision) };
}

/**
 * Resolves place, template and inspection. Throws FiregridError: `validation` for a bad `place`,
 * `template` or `inspection` property, `not-found`, or what the host's data port threw
 * (`host-response` for a broken record).
 */
export async function loadChecklist(input: LoadInput): Promise<Loaded> {
  const { client, locale } = input;
  let given: { inspection: Inspection; persisted: boolean } | undefined;
  if (input.inspection !== undefined && input.inspection !== null) {
    given = { inspection: parseWith(Inspection, input.inspection, { locale, what: 'inspection' }), persisted: true };
  } else if (input.inspectionId !== undefined && input.inspectionId !== '') {
    given = await inspectionById(client, input.inspectionId, locale);
  }

  let place: Place;
  if (input.place !== undefined && input.place !== null) {
    place = parseWith(Place, input.place, { locale, what: 'place' });
  } else {
    const placeId = given?.inspection.placeId ?? input.placeId;
    if (placeId === undefined || placeId === '') throw new FiregridError('config', MESSAGES.noPlace[locale]);
    const found = await client.data.get('places', placeId);
    if (found === null) throw notFound('placeNotFound', placeId, locale);
    place = found;
  }

  let template: ChecklistTemplate;
  const wanted = given?.inspection.templateId ?? input.chosenId ?? input.templateId;
  if (input.template !== undefined && input.template !== null) {
    template = validateTemplate(input.template, { locale });
  } else if (wanted !== undefined && wanted !== '') {
    template = await templateById(client, wanted, locale);
  } else {
    const stored = (await client.data.list('templates', { limit: 500 })).items;
    const choices = applicableTemplates(stored.length > 0 ? stored : await library(), place);
    if (choices.length === 0) throw new FiregridError('not-found', MESSAGES.noTemplate[locale]);
    const [only] = choices;
    if (only === undefined || choices.length > 1) return { kind: 'choose', place, choices };
    template = only;
  }

  // An existing inspection opens under the revision it was filled under; a given template is taken as it is.
  const fromHost = input.template === undefined || input.template === null;
  if (given !== undefined) {
    const shown = fromHost ? await revisionFor(client, template, given.inspection, locale) : { template, inspection: given.inspection };
    return { kind: 'ready', place, persisted: given.persisted, engine, ...shown };
  }
  const resumed = await client.inspections.resume(template.id, place.id);
  if (resumed !== null) {
    const shown = fromHost ? await revisionFor(client, template, resumed, locale) : { template, inspection: resumed };
    return { kind: 'ready', place, persisted: true, engine, ...shown };
  }
  const session = await client.session();
  const fresh = startInspection({ template, place, inspectorId: session.user.id, tenantId: session.tenantId, now: client.now(), locale });
  return { kind: 'ready', template, place, inspection: fresh, persisted: false, engine };
}
