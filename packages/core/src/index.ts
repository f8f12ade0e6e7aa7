// @firegrid/core — schemas, the host adapter, the client and the domain rules.
// A curated list: everything public is named here (STYLE.md: no `export *`).

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
export { referenceOf, idSuffixOfReference } from './reference.js';
export { convertPoint, distanceM } from './geo.js';
export {
  isHighRise, isOldResidential, RESIDENTIAL_HIGH_RISE_M, RESIDENTIAL_HIGH_RISE_FLOORS, OTHER_HIGH_RISE_M,
  OLD_RESIDENTIAL_BEFORE_YEAR,
} from './rules/place.js';
export type { PlaceFacts } from './rules/place.js';
export { applyWriteRules, captainOverlaps, changedFields, ACTION_OWNED_FIELDS, ON_BEHALF_ROLES } from './rules/writes.js';
export { revisionOf, templateContent, templateRevisionRefusal } from './rules/template-revisions.js';
export type {
  ActionOwnedField, WriteRefusal, WriteActor, WriteLookups, WriteContext, WriteOutcome, CaptainFacts, CaptainClash,
} from './rules/writes.js';
export { canonicalJson } from './rules/json.js';
export { canonicalId, canonicalIds } from './rules/ids.js';
export {
  hiddenActor, redactActivity, readsConfidential, CONFIDENTIAL_ACTIVITY_LABEL,
} from './rules/confidential.js';
export type { ActivityFacts } from './rules/confidential.js';
export {
  PERMISSIONS, STAFF_ROLES, hasRole, residentOnly, wholeScope, inScope, gridsOf, placeIdOf, roleRefusal, scopeRefusal, kindAction, writeAccess,
  readAccess, readRefusal, notFoundRefusal, recordGrids, KIND_LABELS,
} from './rules/access.js';
export type { AccessActor, AccessAction, Permission, PlaceGrid } from './rules/access.js';
export { transitionRefusal } from './rules/transitions.js';
export { RESERVED_KEYS, reservedKeyOf } from './rules/reserved-keys.js';
export { SERVER_FIELDS } from './host/port-shared.js';
export {
  placeFlags, templateApplies, applicableTemplates, evaluateWhen, isVisible, visibility, visibleItems, missingEvidence,
  checklistProgress, conditionCycles, validateTemplate,
} from './checklist/engine.js';
export type { Answers, PlaceFlags, TemplateShape, Missing, IncompleteItem, ChecklistProgress } from './checklist/engine.js';
export { startInspection, supersede, answerItem, submitInspection, failedItemsToHazards, reportedFromDraft } from './checklist/inspection.js';
export type { HazardDraftEdits } from './checklist/inspection.js';
export type { StartInspectionOptions, HazardDraftOptions } from './checklist/inspection.js';
export { mergeTemplates } from './checklist/merge.js';
export type { InspectionsApi, InspectionSubmission } from './checklist/client-inspections.js';

export {
  IsoDateTime, IsoDate, Deadline, Uuid, NonEmpty, Phone, LocalizedText, StoredFields,
  GeoPoint, OrgUnit, ORG_LEVELS, Place, Building,
  ChecklistTemplate, ChecklistSection, ChecklistItem, AppliesTo, When, Basis, RuleRef, ANSWER_RESULTS, WHEN_PLACE_FACTS,
  ITEM_SEVERITIES, TemplateRevision,
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
  DEFAULT_TRANSITIONS, DEFAULT_ROLES_WHEN, TRANSITION_FIELDS, ACTION_NEEDS, lifecycleText, HAZARD_ACTION_LABELS, HISTORY_ACTION_LABELS, historyActionText, TransitionInput, createLifecycle, transitionSources,
  rectificationReportedBy, reviewPassed,
} from './hazard/lifecycle.js';
export type {
  LifecycleHazard, Lifecycle, LifecycleOptions, TransitionRule, TransitionTable, TransitionField, TransitionActor,
  TransitionRefusalCode, TransitionCheck, TransitionResult, RoleCondition, LifecycleText,
} from './hazard/lifecycle.js';
export {
  isOpen, isOverdue, isDueSoon, reviewDueAt, urgencyKey, deadlineEnd, effectiveDeadline, DEFAULT_REVIEW_DUE_DAYS,
  DEFAULT_DUE_SOON_DAYS, SUPERVISION_STATES, isSupervised, supervisionState,
} from './hazard/deadlines.js';
export type { SupervisionState } from './hazard/deadlines.js';
export {
  tipOffClocks, DEFAULT_SITE_CHECK_HOURS, DEFAULT_SITE_CHECK_HOURS_BY_CATEGORY, DEFAULT_ANSWER_WORKING_DAYS, SITE_CHECK_ACTIONS,
} from './hazard/tip-off.js';
export type { TipOffClocks, TipOffClockOptions, TipOffFacts } from './hazard/tip-off.js';
export { CN_CALENDAR_2026, PLAIN_WEEK, cstDay, isWorkingDay, workingDaysAfter } from './hazard/working-days.js';
export type { WorkingCalendar } from './hazard/working-days.js';

export { MediaMeta, DirectoryPlace, DirectoryPerson } from './host/types.js';
export type {
  FiregridHost, DataPort, GetOptions, SaveOptions, CommandOptions, MediaPort, CaptureOptions, GeoPort, DirectoryPort, DirectoryQuery,
  UiPort, NavigateTarget, LinkPort, EventSink, LocaleSource,
} from './host/types.js';
export { defineHost, checkHost } from './host/define-host.js';
export { validateHost } from './host/validated.js';
export type { ValidateHostOptions } from './host/validated.js';
export { Query, SORTS, DEFAULT_LIMIT, MAX_LIMIT, matchesQuery, sortRecords, applyQuery, queryFingerprint, isClockedQuery } from './host/query.js';
export type { Sort, QueryContext } from './host/query.js';
export { memoryDataPort, RefusalError, refusalError, sha256Hex, sha256HexSync, sha256Js, MAX_JSON_BYTES, MAX_MEDIA_BYTES } from './host/memory-port.js';
export type { MemorySeed, MemoryDataPortOptions, MemoryCommandHandler, MemoryCommandContext } from './host/memory-port.js';

export { createFiregridClient } from './client/client.js';
export type { FiregridClient, FiregridClientOptions, HazardLifecycleRoles, HazardLifecycleRules } from './client/client.js';
export { memoryBackend } from './client/drafts.js';
export type { BackendSubmission, DraftStore, SaveBackend, SaveBackendContext, SaveBackendFactory } from './client/drafts.js';
export type { CommandReceipt, QueuedReceipt, StoredReceipt, SubmitReceipt } from './client/receipts.js';
export type { FailedItemFix, HazardsApi } from './hazard/client-hazards.js';
export { hazardFromReport, reportDraft, REPORT_TITLE_MAX } from './hazard/report.js';
export type { HazardReport, ReportSource } from './hazard/report.js';
export { reporterKindOf, REPORTING_ROLE_ORDER } from './rules/reporter.js';
export { withExternalCode } from './client/events.js';
export type {
  Draft, FiregridEvent, FiregridEventType, FiregridEventOf, FiregridListener, FiregridEvents, DraftSavedEvent,
  DraftRemovedEvent, RecordSubmittedEvent, CommandSentEvent,
} from './client/events.js';

// Issue 19: the assignee's and the dispatcher's actions (签收/退回, 延期, 转办, 上报上级).
export { TIERS } from './names.js';
export type { Tier } from './names.js';
export { ExtensionRequest, Transfer } from './schema/hazard.js';
export { DEFAULT_DEPARTMENTS } from './hazard/departments.js';
export { assigneeOf } from './host/query.js';
export type { Department } from './hazard/departments.js';

export { hazardCommands, reporterPrivacy } from './hazard/memory-commands.js';
export {
  COMMAND_MAP, TransitionCommand, CaptainImportInput, CaptainImportResult, parseCommandPayload, checkCommandPayload, commandRequest, commandOfPath,
} from './commands.js';
export type {
  CommandEntry, CommandRoute, CommandPayload, ParsedCommandPayload, CommandResult, CommandCheckOptions, CommandRequest, CommandRouteMatch,
  TransitionPayload, TransitionOf, RequiredTransitionField,
} from './commands.js';
export type { HazardCommandsOptions } from './hazard/memory-commands.js';
export {
  MajorRuleSet, MajorRuleElement, MajorRuleThreshold, MAJOR_ELEMENT_KINDS, PLACE_CLASSES, DEFAULT_PLACE_CLASSES,
  MAJOR_RULE_SETS, loadMajorRuleSet, withRuleSets, ruleSetFor, placeClassOf, suggestMajor, failedRuleRefs,
  majorEditions, suggestMajorEditions,
} from './hazard/major-rules.js';
export type { MajorRuleSetData, MajorElementKind, PlaceClass, MajorSuggestionInput, MajorSuggestion } from './hazard/major-rules.js';
export { neutraliseCell, neutraliseRows, isFormulaLike } from './export/cells.js';
export { toCsv, csvCell, UTF8_BOM } from './export/csv.js';
export type { CsvOptions } from './export/csv.js';
export { CONFIDENTIAL_READERS, canSeeReporter, canSeeReward, redactReporter } from './export/reporter.js';
export type { Viewer } from './export/reporter.js';
export {
  SEVERITY_LABELS, SUPERVISION_LEVEL_LABELS, SUPERVISION_STATE_LABELS, REPORTER_KIND_LABELS, ROLE_LABELS, inSentence, shanghaiTime, deadlineText,
} from './export/labels.js';
export type { Labels } from './export/labels.js';
export {
  TWO_LISTS, TWO_LIST_COLUMNS, twoListTable, hazardContent, finderText, progressText, supervisionText,
} from './export/two-lists.js';
export type { TwoList, TwoListColumn, TwoListPlace, TwoListContext, TwoListTable } from './export/two-lists.js';
export {
  CONFIDENTIAL_PERSON, fallbackName, personName, historyActor, reporterName, peopleToLookUp,
} from './export/people.js';
export type { NameLookup, PeopleSources } from './export/people.js';

export { validatePhone, maskPhone, isMaskedPhone } from './captains/phone.js';
export type { PhoneCheck, PhoneKind, PhoneProblem } from './captains/phone.js';
export {
  dayOf, isInOffice, termsOverlap, activeCaptain, captainHistory, findOverlaps, endTerm, replaceCaptain,
} from './captains/terms.js';
export type { TermFacts } from './captains/terms.js';
export { DEFAULT_DUTIES, dutyTexts } from './captains/duties.js';
export type { Duty } from './captains/duties.js';
export { DEFAULT_LIMITS, checkLimits } from './captains/limits.js';
export type { CaptainLimits, LimitFacts, LimitBreach } from './captains/limits.js';
export {
  CAPTAIN_STATUSES, needsCaptain, captainStatus, captainIndex, statusIn, indexCoverage, registryRows, coverage, communityOfGrid,
} from './captains/coverage.js';
export type {
  CaptainStatus, CoveragePlace, CoverageCaptain, CoverageFigure, CoverageOf, CoverageReport, CoverageOptions, RegistryRow,
  CaptainIndex,
} from './captains/coverage.js';
export {
  CAPTAIN_COLUMNS, captainExportTable, readCell, parseCaptainTable,
} from './captains/table.js';
export { CAPTAIN_STATUS_LABELS, COMMITMENT_LABELS } from './captains/labels.js';
export type {
  CaptainColumn, ExportOptions, ImportContext, ImportAction, ImportIssue, ImportRow, ImportPreview,
} from './captains/table.js';
export { captainCommands } from './captains/memory-commands.js';
export type { CaptainCommandOptions } from './captains/memory-commands.js';
export { parseCsv, decodeCsv } from './captains/csv.js';

export {
  computeScores, toSql, reportFromRows, scoringRows, scoringTablesDdl, resolveScoreConfig, exampleScoreConfig,
  dongshengSchemeExample, VISITS_PER_MONTH_EXAMPLE, METRIC_LABELS, RANK_LEVELS, SQL_DIALECTS, ScoreReport, WorkerScore,
  MetricScore, ScoringConfig, parsePeriod, periodBounds, recentPeriods, roundHalfAway,
} from './scoring.js';
export type {
  ScoringActivity, ScoringWorker, ScoringPlace, ScoringContext, RankLevel, SqlDialect, ToSqlOptions, CompiledScoring,
  ScoreConfigBody, Period,
} from './scoring.js';
