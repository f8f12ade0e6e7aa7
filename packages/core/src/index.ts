// @firegrid/core — schemas, the host adapter, the client and the domain rules.
// A curated list: everything public is named here (STYLE.md: no `export *`).

export {
  PLACE_KINDS, RESOURCE_KINDS, ROLES, HAZARD_STATUSES, CLOSED_STATUSES, SEVERITIES, HAZARD_ACTIONS, HAZARD_CATEGORIES,
  HAZARD_CATEGORY_CODES, HAZARD_STATUS_LABELS, HAZARD_SOURCES, ACTIVITY_TYPES, COMMANDS, METRIC_KEYS, LOCALES, CRS,
} from './names.js';
export type {
  PlaceKind, ResourceKind, Role, HazardStatus, Severity, HazardAction, HazardCategory, HazardSource, ActivityType,
  CommandName, MetricKey, Locale, Crs,
} from './names.js';

export { FiregridError, isFiregridError } from './errors.js';
export type { FiregridErrorCode, Issue } from './errors.js';

export { parseWith, checkWith, formatPath } from './validate.js';
export type { ParseOptions, CheckResult } from './validate.js';
export { newId, isUuid } from './ids.js';
export { convertPoint, distanceM } from './geo.js';
export {
  isHighRise, isOldResidential, RESIDENTIAL_HIGH_RISE_M, RESIDENTIAL_HIGH_RISE_FLOORS, OTHER_HIGH_RISE_M,
  OLD_RESIDENTIAL_BEFORE_YEAR,
} from './rules/place.js';
export type { PlaceFacts } from './rules/place.js';

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

export {
  DEFAULT_TRANSITIONS, TRANSITION_FIELDS, HAZARD_ACTION_LABELS, TransitionInput, createLifecycle, transitionSources,
} from './hazard/lifecycle.js';
export type {
  LifecycleHazard, Lifecycle, LifecycleOptions, TransitionRule, TransitionTable, TransitionField, TransitionActor,
  TransitionRefusalCode, TransitionCheck, TransitionResult,
} from './hazard/lifecycle.js';
export {
  isOpen, isOverdue, isDueSoon, reviewDueAt, urgencyKey, deadlineEnd, effectiveDeadline, DEFAULT_REVIEW_DUE_DAYS,
  DEFAULT_DUE_SOON_DAYS,
} from './hazard/deadlines.js';

export { MediaMeta, DirectoryPlace, DirectoryPerson } from './host/types.js';
export type {
  FiregridHost, DataPort, SaveOptions, CommandOptions, MediaPort, CaptureOptions, GeoPort, DirectoryPort, DirectoryQuery,
  UiPort, NavigateTarget, LinkPort, EventSink, LocaleSource,
} from './host/types.js';
export { defineHost, checkHost } from './host/define-host.js';
export { validateHost } from './host/validated.js';
export type { ValidateHostOptions } from './host/validated.js';
export { Query, SORTS, DEFAULT_LIMIT, MAX_LIMIT, matchesQuery, sortRecords, applyQuery } from './host/query.js';
export type { Sort, QueryContext } from './host/query.js';
export { memoryDataPort, sha256Hex, MAX_JSON_BYTES, MAX_MEDIA_BYTES } from './host/memory-port.js';
export type { MemorySeed, MemoryDataPortOptions, MemoryCommandHandler, MemoryCommandContext } from './host/memory-port.js';

export { createFiregridClient } from './client/client.js';
export type { FiregridClient, FiregridClientOptions, HazardLifecycleRoles } from './client/client.js';
export { memoryBackend } from './client/drafts.js';
export type { DraftStore, SaveBackend, SaveBackendContext, SaveBackendFactory } from './client/drafts.js';
export { withExternalCode } from './client/events.js';
export type {
  Draft, FiregridEvent, FiregridEventType, FiregridEventOf, FiregridListener, FiregridEvents, DraftSavedEvent,
  DraftRemovedEvent, RecordSubmittedEvent, CommandSentEvent,
} from './client/events.js';
