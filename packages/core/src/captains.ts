// @firegrid/core/captains — floor-captain rules (DESIGN §7): phone checks, terms, duties, limits,
// coverage and their labels. A narrow entry (also exported from the main entry) for first screens;
// the spreadsheet import/export (`captainExportTable`, `parseCaptainTable`, `parseCsv`) stays in
// the main entry only, so elements load it lazily with the import and export panels.

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
export { CAPTAIN_STATUS_LABELS, COMMITMENT_LABELS } from './captains/labels.js';
