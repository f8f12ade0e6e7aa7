export { FgCaptainRegistry } from './captain-registry.js';
export type {
  CaptainSaveDetail, CaptainEndDetail, CaptainImportDetail, CaptainSaveEvent, CaptainEndEvent, CaptainImportEvent, FgErrorEvent,
} from '../events.js';
