// @firegrid/core/checklist — the checklist engine: which templates apply, visible items, progress,
// starting and answering an inspection, merging templates. A narrow entry (also exported from the
// main entry) for first screens.

export {
  isHighRise, isOldResidential, RESIDENTIAL_HIGH_RISE_M, RESIDENTIAL_HIGH_RISE_FLOORS, OTHER_HIGH_RISE_M,
  OLD_RESIDENTIAL_BEFORE_YEAR,
} from './rules/place.js';
export type { PlaceFacts } from './rules/place.js';
export {
  placeFlags, templateApplies, applicableTemplates, evaluateWhen, isVisible, visibility, visibleItems, missingEvidence,
  checklistProgress, conditionCycles, validateTemplate,
} from './checklist/engine.js';
export type { Answers, PlaceFlags, TemplateShape, Missing, IncompleteItem, ChecklistProgress } from './checklist/engine.js';
export { startInspection, supersede, answerItem, submitInspection, failedItemsToHazards, reportedFromDraft } from './checklist/inspection.js';
export type { HazardDraftEdits } from './checklist/inspection.js';
export type { StartInspectionOptions, HazardDraftOptions } from './checklist/inspection.js';
export { mergeTemplates } from './checklist/merge.js';
export type { InspectionsApi, InspectionSubmission } from './checklist/client-inspections.js';
