// @firegrid/core/export — CSV, formula-safe cells, reporter redaction, labels and the two lists
// (DESIGN §7). A narrow entry (also exported from the main entry) for first screens.

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
  CONFIDENTIAL_PERSON, UNKNOWN_PERSON, fallbackName, personName, storedName, historyActor, reporterName, peopleToLookUp,
} from './export/people.js';
export type { NameLookup, PeopleSources } from './export/people.js';
