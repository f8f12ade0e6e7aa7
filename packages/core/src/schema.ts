// @firegrid/core/schema — the shared names, typed errors, ids, validation, the record schemas and
// the Query. A narrow entry (also exported from the main entry): code that is bundled into a first
// screen imports from here so the bundler does not tie every domain module of the main entry to
// that screen (a static import of the main entry reaches all of them).

export {
  PLACE_KINDS, RESOURCE_KINDS, ROLES, HAZARD_STATUSES, CLOSED_STATUSES, SEVERITIES, HAZARD_ACTIONS, HISTORY_ACTIONS, UNKNOWN_WRITER, HAZARD_CATEGORIES,
  HAZARD_CATEGORY_CODES, HAZARD_STATUS_LABELS, HAZARD_SOURCES, ACTIVITY_TYPES, COMMANDS, METRIC_KEYS, LOCALES, CRS,
} from './names.js';
export type {
  PlaceKind, ResourceKind, Role, HazardStatus, Severity, HazardAction, HistoryAction, HazardCategory, HazardSource, ActivityType,
  CommandName, MetricKey, Locale, Crs,
} from './names.js';

export { FiregridError, isFiregridError } from './errors.js';
export type { FiregridErrorCode, Issue } from './errors.js';

export { parseWith, checkWith, formatPath } from './validate.js';
export type { ParseOptions, CheckResult } from './validate.js';
export { newId, isUuid } from './ids.js';

export {
  IsoDateTime, IsoDate, Deadline, Uuid, NonEmpty, Phone, LocalizedText, StoredFields,
  GeoPoint, OrgUnit, ORG_LEVELS, Place, Building,
  ChecklistTemplate, ChecklistSection, ChecklistItem, AppliesTo, When, Basis, RuleRef, ANSWER_RESULTS, WHEN_PLACE_FACTS,
  ITEM_SEVERITIES,
  Inspection, Answer, INSPECTION_STATES,
  Hazard, HazardHistoryEntry, Reporter, Responsible, Supervision, REPORTER_KINDS, SUPERVISION_LEVELS,
  FloorCaptain, COMMITMENT_METHODS, Worker, Activity, ScoreConfig, MetricConfig, PhotoRef, HostSession, Page,
  RECORD_SCHEMAS, RECORD_INPUT_SCHEMAS,
  PlaceInput, ChecklistTemplateInput, InspectionInput, HazardInput, FloorCaptainInput, WorkerInput, ActivityInput,
  ScoreConfigInput, strictDeep,
} from './schema/index.js';
export type {
  RecordOf, RecordInputOf, ActivityOf, AnswerResult, WhenPlaceFact, ItemSeverity, InspectionState, ReporterKind,
  SupervisionLevel, CommitmentMethod, OrgLevel,
} from './schema/index.js';

export { Query, SORTS, DEFAULT_LIMIT, MAX_LIMIT, matchesQuery, sortRecords, applyQuery } from './host/query.js';
export type { Sort, QueryContext } from './host/query.js';
