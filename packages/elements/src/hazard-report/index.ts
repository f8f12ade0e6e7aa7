export { FgHazardReport } from './hazard-report.js';
export type { HazardSubmitDetail } from './hazard-report.js';
export type { ReportMode } from './form.js';
export type { HazardSubmitEvent, HazardCancelEvent, FgErrorEvent } from '../events.js';
