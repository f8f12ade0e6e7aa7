export { FgChecklist } from './checklist.js';
export type { ChecklistChangeDetail, ChecklistSubmitDetail, ChecklistChangeEvent, ChecklistSubmitEvent } from './events.js';
