import type { Hazard, Inspection } from '@firegrid/core';

/** Detail of `fg-checklist-change`: where the inspection stands after the worker's change. */
export interface ChecklistChangeDetail {
  inspectionId: string;
  /** Shown items answered. */
  answered: number;
  /** Shown items. */
  total: number;
  /** Shown items answered "fail". */
  failed: number;
}

/** Detail of `fg-checklist-submit`: the stored inspection and the hazard drafts its failed items became. */
export interface ChecklistSubmitDetail {
  inspection: Inspection;
  hazardDrafts: Hazard[];
}

/** Fired when the worker changes an answer, a note or a photo. */
export type ChecklistChangeEvent = CustomEvent<ChecklistChangeDetail>;
/** Fired when an inspection was submitted. */
export type ChecklistSubmitEvent = CustomEvent<ChecklistSubmitDetail>;

declare global {
  interface HTMLElementEventMap {
    'fg-checklist-change': ChecklistChangeEvent;
    'fg-checklist-submit': ChecklistSubmitEvent;
  }
}
