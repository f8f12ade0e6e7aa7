/**
 * The schemas of every Firegrid record (DESIGN §2), written with `zod/mini`. Each name is both a
 * schema and the type inferred from it: `Hazard.safeParse(x)` and `const h: Hazard`.
 *
 * Reading is lenient (unknown keys are dropped: a newer server or a vendor's extra columns never
 * break a host); a `PUT` body is strict ({@link RECORD_INPUT_SCHEMAS}: unknown keys refused at
 * every level, server-managed fields optional). Validate with `parseWith` / `checkWith`, which
 * localize the messages per call and never touch zod's global configuration.
 * @module
 */
import type * as z from 'zod/mini';
import type { ResourceKind } from '../names.js';
import { Activity, ActivityInput } from './activity.js';
import { FloorCaptain, FloorCaptainInput } from './captain.js';
import { Hazard, HazardInput } from './hazard.js';
import { Inspection, InspectionInput } from './inspection.js';
import { Place, PlaceInput } from './place.js';
import { ScoreConfig, ScoreConfigInput } from './score-config.js';
import { ChecklistTemplate, ChecklistTemplateInput } from './template.js';
import { Worker, WorkerInput } from './worker.js';

export {
  Deadline, IsoDate, IsoDateTime, LocalizedText, NonEmpty, Phone, StoredFields, StoredInputShape, StoredShape, Uuid,
  addLocalizedIssue, strictDeep,
} from './common.js';
export type { LocalizedMessage } from './common.js';
export { GeoPoint } from './geo.js';
export { ORG_LEVELS, OrgUnit } from './org.js';
export type { OrgLevel } from './org.js';
export { Building, Place, PlaceInput, PlaceShape } from './place.js';
export {
  ANSWER_RESULTS, AppliesTo, Basis, ChecklistItem, ChecklistSection, ChecklistTemplate, ChecklistTemplateInput,
  ChecklistTemplateShape, ITEM_SEVERITIES, RuleRef, TemplateRevision, WHEN_PLACE_FACTS, When,
} from './template.js';
export type { AnswerResult, ItemSeverity, WhenPlaceFact } from './template.js';
export { Answer, INSPECTION_STATES, Inspection, InspectionInput, InspectionShape } from './inspection.js';
export type { InspectionState } from './inspection.js';
export {
  Hazard, HazardHistoryEntry, HazardInput, HazardShape, REPORTER_KINDS, Reporter, Responsible, SUPERVISION_LEVELS,
  Supervision,
} from './hazard.js';
export type { ReporterKind, SupervisionLevel } from './hazard.js';
export { COMMITMENT_METHODS, FloorCaptain, FloorCaptainInput, FloorCaptainShape } from './captain.js';
export type { CommitmentMethod } from './captain.js';
export { Worker, WorkerInput, WorkerShape } from './worker.js';
export { Activity, ActivityInput, AssessmentKey, AssessmentPoints } from './activity.js';
export type { ActivityOf } from './activity.js';
export { MetricConfig, ScoreConfig, ScoreConfigInput, ScoreConfigShape, SchemeItem, SCHEME_ITEM_KINDS, sheetMax, sheetSums } from './score-config.js';
export type { SchemeItemKind } from './score-config.js';
export { PhotoRef } from './media.js';
export { Page } from './page.js';
export { HostSession } from './session.js';

/**
 * The read schema of every resource kind (DESIGN §9): what `GET` returns and what the client
 * accepts from a host, IndexedDB or the network. Unknown keys are dropped.
 * @example
 * const rec = parseWith(RECORD_SCHEMAS[kind], raw, { what: 'host.data.get' });
 */
export const RECORD_SCHEMAS = {
  places: Place,
  templates: ChecklistTemplate,
  inspections: Inspection,
  hazards: Hazard,
  captains: FloorCaptain,
  workers: Worker,
  activities: Activity,
  'score-configs': ScoreConfig,
} as const satisfies Record<ResourceKind, z.ZodMiniType>;

/**
 * The input schema of every resource kind: a `PUT /v1/{kind}/{id}` body. Unknown keys are
 * refused at every level; `version`, `createdAt`, `updatedAt`, `tenantId` (and a hazard's
 * `history`) are optional and the server ignores them. A record as `GET` returns it passes.
 */
export const RECORD_INPUT_SCHEMAS = {
  places: PlaceInput,
  templates: ChecklistTemplateInput,
  inspections: InspectionInput,
  hazards: HazardInput,
  captains: FloorCaptainInput,
  workers: WorkerInput,
  activities: ActivityInput,
  'score-configs': ScoreConfigInput,
} as const satisfies Record<ResourceKind, z.ZodMiniType>;

/** The record type of a resource kind: `RecordOf<'hazards'>` is `Hazard`. */
export type RecordOf<K extends ResourceKind> = z.infer<(typeof RECORD_SCHEMAS)[K]>;
/** The `PUT` body type of a resource kind (server-managed fields optional). */
export type RecordInputOf<K extends ResourceKind> = z.infer<(typeof RECORD_INPUT_SCHEMAS)[K]>;
