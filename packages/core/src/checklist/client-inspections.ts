/**
 * `client.inspections`: the inspection operations of the client, built only on `client.drafts`
 * and `client.submit` (DESIGN §3), so the offline layer takes them over by replacing the backend
 * behind those two calls.
 * @module
 */
import type { Locale } from '../names.js';
import type { GeoPoint } from '../schema/geo.js';
import type { Hazard } from '../schema/hazard.js';
import { Inspection } from '../schema/inspection.js';
import type { Answer } from '../schema/inspection.js';
import type { Place } from '../schema/place.js';
import type { ChecklistTemplate } from '../schema/template.js';
import type { HostSession } from '../schema/session.js';
import type { DraftStore } from '../client/drafts.js';
import type { RecordInputOf } from '../schema/index.js';
import type { SubmitReceipt } from '../client/receipts.js';
import { answerItem, startInspection, submitInspection } from './inspection.js';

/** What was submitted: the inspection as stored, and the hazard drafts its failed items became. */
export interface InspectionSubmission {
  /** The inspection as stored (or, queued on the device, the device's copy): `receipt.record`. */
  inspection: Inspection;
  /** What `client.submit` did with it: `stored`, or `queued` on the device. */
  receipt: SubmitReceipt<'inspections'>;
  /** Saved with `client.drafts` as kind `hazards`, status `draft`, for the hazard form to complete. */
  hazardDrafts: Hazard[];
}

/** Inspection operations of the client. Every returned inspection is a new object. */
export interface InspectionsApi {
  /**
   * The newest draft of this template at this place by the signed-in user, or null. Drafts that
   * no longer fit the schema are passed over (they stay in the draft store).
   */
  resume(templateId: string, placeId: string): Promise<Inspection | null>;
  /**
   * Starts an inspection and saves it as a draft. With `supersedes` (a submitted inspection) it is
   * a correction that starts from those answers.
   */
  start(template: ChecklistTemplate, place: Place, options?: { location?: GeoPoint; supersedes?: Inspection }): Promise<Inspection>;
  /**
   * Answers one item and saves the draft.
   * @throws FiregridError `validation` for a submitted inspection (it never changes), an unknown item or a bad answer.
   */
  answer(inspection: Inspection, template: ChecklistTemplate, itemId: string, answer: Answer): Promise<Inspection>;
  /**
   * Submits a complete inspection (`client.submit`, which removes the draft), then saves one hazard
   * draft per failed item (`client.drafts`, kind `hazards`).
   * @throws FiregridError `validation` whose issues name each incomplete item (`answers.<itemId>`),
   *   before anything is sent; whatever `client.submit` throws (the draft is kept).
   */
  submit(inspection: Inspection, template: ChecklistTemplate, place: Place): Promise<InspectionSubmission>;
}

/** The client calls `client.inspections` is built on. */
export interface InspectionsDeps {
  drafts: DraftStore;
  submit(kind: 'inspections', record: RecordInputOf<'inspections'>): Promise<SubmitReceipt<'inspections'>>;
  /** `client.hazards.fromFailedItems`: the failed items' drafts, with the one reporter rule. */
  failedItemDrafts(inspection: Inspection, template: ChecklistTemplate, place: Place): Promise<Hazard[]>;
  session(): Promise<HostSession>;
  now(): Date;
  locale(): Locale;
}

/**
 * Makes `client.inspections` over the given client calls.
 * @example
 * const draft = await client.inspections.start(template, place);
 * const next = await client.inspections.answer(draft, template, 'exits-clear', { result: 'pass' });
 * const { inspection, hazardDrafts } = await client.inspections.submit(next, template, place);
 */
export function createInspectionsApi(deps: InspectionsDeps): InspectionsApi {
  return {
    async resume(templateId, placeId) {
      const [session, drafts] = await Promise.all([deps.session(), deps.drafts.list('inspections')]);
      for (const d of drafts) {
        if (d.templateId !== templateId || d.placeId !== placeId || d.state !== 'draft' || d.inspectorId !== session.user.id) continue;
        const parsed = Inspection.safeParse(d);
        if (parsed.success) return parsed.data;
      }
      return null;
    },

    async start(template, place, options = {}) {
      const session = await deps.session();
      const draft = startInspection({
        template, place, inspectorId: session.user.id, tenantId: session.tenantId, now: deps.now(), locale: deps.locale(),
        ...(options.location !== undefined && { location: options.location }),
        ...(options.supersedes !== undefined && { supersedes: options.supersedes }),
      });
      await deps.drafts.save('inspections', draft);
      return draft;
    },

    async answer(inspection, template, itemId, answer) {
      const next = answerItem(inspection, template, itemId, answer, deps.now(), { locale: deps.locale() });
      await deps.drafts.save('inspections', next);
      return next;
    },

    async submit(inspection, template, place) {
      const ready = submitInspection(inspection, template, place, deps.now(), { locale: deps.locale() });
      const receipt = await deps.submit('inspections', ready);
      const saved = receipt.record;
      const hazardDrafts = await deps.failedItemDrafts(saved, template, place);
      for (const h of hazardDrafts) await deps.drafts.save('hazards', h);
      return { inspection: saved, receipt, hazardDrafts };
    },
  };
}
