export { FgHazardReport } from './hazard-report.js';
export type { HazardRecordsDetail, HazardSubmitDetail } from './hazard-report.js';
export type { ReportMode } from './form.js';
export type { HazardSubmitEvent, HazardCancelEvent, HazardRecordsEvent, FgErrorEvent } from '../events.js';
