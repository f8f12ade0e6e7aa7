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
import type { CommandReceipt, SubmitReceipt } from '../client/receipts.js';
import { FiregridError } from '../errors.js';
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
  /**
   * Fixes one failed item on the spot (当场整改): submits its draft as a `draft` hazard (with the
   * person's `edits`; `client.submit`, which removes the draft), then runs `fix-on-spot` through
   * `client.command('hazards.transition')` with the note, the photos before (the item's own photos
   * unless `before` is given) and after (`evidence`), so the hazard is closed in the ledger with
   * both. Resolves with the command's receipt (queued on the device when offline, in that order).
   * @throws FiregridError `transition` before anything is sent for an item that is not `general`
   *   (a major candidate goes through 核实→交办→整改→复查); `validation` naming a missing note or
   *   photo; what the port throws (e.g. the lifecycle's refusal for the actor's roles).
   * @example
   * await client.hazards.fixFailedItem(draft, { note: '当场清走楼道纸箱', evidence: [after.id] });
   */
  fixFailedItem(draft: Hazard, fix: FailedItemFix): Promise<CommandReceipt<Hazard>>;
}

/** What {@link HazardsApi.fixFailedItem} sends besides the draft. */
export interface FailedItemFix {
  /** What was done (整改情况说明). */
  note: string;
  /** Ids (`PhotoRef.id`) of the photos after the fix (整改后照片). */
  evidence: readonly string[];
  /** Ids of the photos of the hazard as found (整改前照片); the item's own photos when left out. */
  before?: readonly string[];
  edits?: HazardDraftEdits;
}

/** The client calls `client.hazards` is built on. */
export interface HazardsDeps {
  drafts: DraftStore;
  submit(kind: 'hazards', record: HazardInput): Promise<SubmitReceipt<'hazards'>>;
  /** `client.command('hazards.transition', …)`, for `fixFailedItem`. */
  transition?: (payload: { hazardId: string; action: 'fix-on-spot'; note: string; before: string[]; evidence: string[] }) => Promise<CommandReceipt<Hazard>>;
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

    async fixFailedItem(draft, fix) {
      const zh = deps.locale() === 'zh-CN';
      if (draft.severity !== 'general') {
        throw new FiregridError('transition', zh
          ? '疑似重大或重大火灾隐患不能当场整改：须上报，经核实、交办整改并复查'
          : 'A major (candidate) hazard cannot be fixed on the spot: report it to be verified, assigned and reviewed', {
          issues: [{ path: 'severity', message: 'must be general' }],
        });
      }
      const transition = deps.transition;
      if (transition === undefined) throw new FiregridError('config', 'fixFailedItem needs the client\'s command (hazards.transition)');
      const payload = {
        hazardId: draft.id, action: 'fix-on-spot' as const, note: fix.note.trim(),
        before: [...(fix.before ?? draft.photos.map((p) => p.id))], evidence: [...fix.evidence],
      };
      const missing = (['note', 'before', 'evidence'] as const).filter((k) => payload[k].length === 0);
      if (missing.length > 0) {
        throw new FiregridError('validation', zh ? `当场整改缺少：${missing.join('、')}` : `"fix-on-spot" needs: ${missing.join(', ')}`, {
          issues: missing.map((path) => ({ path, message: 'required' })),
        });
      }
      await deps.submit('hazards', { ...reportedFromDraft(draft, fix.edits), status: 'draft' });
      return await transition(payload);
    },
  };
}
