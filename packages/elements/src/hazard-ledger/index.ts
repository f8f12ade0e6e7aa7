export { FgHazardLedger } from './hazard-ledger.js';
export type { HazardOpenDetail } from './hazard-ledger.js';
export type { HazardTransitionDetail, HazardTransitionedDetail } from './transition-form.js';
export type { SaveFile } from './export.js';
export type { HazardOpenEvent, HazardTransitionEvent, HazardTransitionedEvent, FgErrorEvent } from '../events.js';
