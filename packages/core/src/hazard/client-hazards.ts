/**
 * `client.hazards`: the hazard operations of the client (DESIGN §3) — a hazard made from the
 * report form's fields and from a failed checklist item, each with the same reporter rule
 * ({@link reporterKindOf}) and its defaults, built only on `client.drafts` and `client.submit`. An
 * element collects input and shows the receipt; it builds nothing itself.
 * @module
 */
import type { Locale } from '../names.js';
import type { Hazard, HazardInput } from '../schema/hazard.js';
import type { Inspection } from '../schema/inspection.js';
import type { Place } from '../schema/place.js';
import type { ChecklistTemplate } from '../schema/template.js';
import type { HostSession } from '../schema/session.js';
import type { DraftStore } from '../client/drafts.js';
import type { Draft } from '../client/events.js';
import type { SubmitReceipt } from '../client/receipts.js';
import { failedItemsToHazards, reportedFromDraft } from '../checklist/inspection.js';
import type { HazardDraftEdits } from '../checklist/inspection.js';
import { reporterKindOf } from '../rules/reporter.js';
import { hazardFromReport, isReportDraft, reportDraft, reportOfDraft } from './report.js';
import type { HazardReport, ReportSource } from './report.js';

/** Hazard operations of the client. */
export interface HazardsApi {
  /**
   * The hazard a report becomes (`reported`, severity `general`, the reporter from `session`, the
   * title from the description). Pure: nothing is saved or sent.
   */
  fromReport(report: HazardReport, session: HostSession): HazardInput;
  /** The draft kept while the report is typed (status `draft`, text as typed). Pure, like `fromReport`. */
  draftOf(report: HazardReport, session: HostSession): Draft<'hazards'>;
  /**
   * The report to show again: the draft `draftId` when given (null when there is none), else the
   * newest report of this source in progress, else null.
   */
  resumeReport(source: ReportSource, draftId?: string): Promise<HazardReport | null>;
  /**
   * Submits a report (`client.submit`, which removes its draft) and resolves with the receipt:
   * `stored`, or `queued` on the device.
   * @throws FiregridError `validation` naming each field, before anything is sent; what the port throws.
   * @example
   * const receipt = await client.hazards.report({ id, source: 'worker', category: 'exit-blocked', description, address });
   * status = receipt.kind === 'queued' ? '已保存在本机，联网后自动上报' : '已上报';
   */
  report(report: HazardReport): Promise<SubmitReceipt<'hazards'>>;
  /**
   * The hazard drafts of a submitted inspection's failed items (status `draft`, source
   * `inspection`, the item's category, basis, severity, note and photos, the place's grid and
   * address), the signed-in user their reporter. Pure apart from reading the session.
   */
  fromFailedItems(inspection: Inspection, template: Pick<ChecklistTemplate, 'sections'>, place: Place): Promise<Hazard[]>;
  /**
   * Reports (上报) one failed item's draft: submits it as `reported` after the person's `edits`
   * (`client.submit`, which removes the draft) and resolves with the receipt.
   */
  reportFailedItem(draft: Hazard, edits?: HazardDraftEdits): Promise<SubmitReceipt<'hazards'>>;
  /** Drops (不上报) one failed item's draft: it is removed from `client.drafts`. */
  dismissFailedItem(draft: Pick<Hazard, 'id'>): Promise<void>;
}

/** The client calls `client.hazards` is built on. */
export interface HazardsDeps {
  drafts: DraftStore;
  submit(kind: 'hazards', record: HazardInput): Promise<SubmitReceipt<'hazards'>>;
  session(): Promise<HostSession>;
  now(): Date;
  locale(): Locale;
}

/** Makes `client.hazards` over the given client calls. */
export function createHazardsApi(deps: HazardsDeps): HazardsApi {
  return {
    fromReport: (report, session) => hazardFromReport(report, session, deps.locale()),
    draftOf: (report, session) => reportDraft(report, session, deps.locale()),

    async resumeReport(source, draftId) {
      const draft = draftId !== undefined
        ? await deps.drafts.get('hazards', draftId)
        : (await deps.drafts.list('hazards')).find((d) => isReportDraft(d, source)) ?? null;
      return draft !== null && draft.status === 'draft' ? reportOfDraft(draft, source) : null;
    },

    async report(report) {
      return deps.submit('hazards', hazardFromReport(report, await deps.session(), deps.locale()));
    },

    async fromFailedItems(inspection, template, place) {
      const session = await deps.session();
      // Titles stay in zh-CN, the language of the two lists (failedItemsToHazards' default).
      return failedItemsToHazards(inspection, template, place, {
        now: deps.now(),
        reporter: { kind: reporterKindOf(session.user.roles, 'inspection'), personId: session.user.id, confidential: false },
      });
    },

    reportFailedItem: (draft, edits) => deps.submit('hazards', reportedFromDraft(draft, edits)),

    async dismissFailedItem(draft) {
      await deps.drafts.remove('hazards', draft.id);
    },
  };
}
