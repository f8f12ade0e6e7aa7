export { FgChecklist } from './checklist.js';
export type { ChecklistChangeDetail, ChecklistSubmitDetail, ChecklistChangeEvent, ChecklistSubmitEvent, FgErrorEvent } from '../events.js';
