// @firegrid/core/base — the shared names, the typed errors and `newId`: what every first screen
// needs, with no zod behind it. A narrow entry (also exported from the main entry): bundlers give
// a page's first chunk every module its static imports reach, so elements import these from here
// and leave the schemas to the code that validates.

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

export { newId } from './new-id.js';
// A resident's reference number, derived from the record id: result screens show it offline too.
export { referenceOf } from './reference.js';

export { positionToGeoPoint } from './host/position.js';

// Also in `@firegrid/core/offline`, whose other modules (the IndexedDB outbox) need zod.
export { autosave } from './offline/autosave.js';
export type { Autosave, AutosaveOptions } from './offline/autosave.js';
