export { FgCaptainRegistry } from './captain-registry.js';
export type { CaptainSaveEvent, CaptainEndEvent, CaptainImportEvent } from './captain-registry.js';
