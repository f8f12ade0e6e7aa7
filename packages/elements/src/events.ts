/**
 * Every DOM event the elements fire, one `CustomEvent<Detail>` type each, registered in
 * `HTMLElementEventMap` so that `el.addEventListener('fg-captain-save', (e) => e.detail.captain)`
 * is typed in a host's code (DESIGN §9 lists the names and details). All bubble and are composed;
 * details are plain data. Types only: this module has no runtime code.
 *
 * Each element's entry (`@firegrid/elements/<element>`) re-exports its events from here, which
 * brings the `HTMLElementEventMap` entries into a host's program with the class.
 * @module
 */
import type { FloorCaptain, Hazard, Inspection } from '@firegrid/core';
import type { FgErrorDetail } from './error-text.js';
import type { HazardRecordsDetail, HazardSubmitDetail } from './hazard-report/hazard-report.js';
import type { HazardOpenDetail } from './hazard-ledger/hazard-ledger.js';
import type { HazardTransitionDetail, HazardTransitionedDetail } from './hazard-ledger/transition-form.js';
import type { ScoreSelectDetail } from './grid-score/grid-score.js';

// ---- fg-checklist ------------------------------------------------------------------------------

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

// ---- fg-hazard-report --------------------------------------------------------------------------

/** `fg-hazard-submit`: the hazard as the client accepted it (queued or stored). */
export type HazardSubmitEvent = CustomEvent<HazardSubmitDetail>;
/** Detail of `fg-hazard-cancel`: nothing. */
export type HazardCancelDetail = Record<string, never>;
/** `fg-hazard-cancel`: the person left the report. */
export type HazardCancelEvent = CustomEvent<HazardCancelDetail>;
/** `fg-hazard-records`: the person pressed 查看记录 on the result; the host shows the records. */
export type HazardRecordsEvent = CustomEvent<HazardRecordsDetail>;

// ---- fg-hazard-ledger --------------------------------------------------------------------------

/** `fg-hazard-open`: a hazard of the list was opened. */
export type HazardOpenEvent = CustomEvent<HazardOpenDetail>;
/** `fg-hazard-transition`: cancelable, before a transition is sent. */
export type HazardTransitionEvent = CustomEvent<HazardTransitionDetail>;
/** `fg-hazard-transitioned`: a transition was accepted (or queued on the device). */
export type HazardTransitionedEvent = CustomEvent<HazardTransitionedDetail>;

// ---- fg-captain-registry -----------------------------------------------------------------------

/** Detail of `fg-captain-save`. */
export interface CaptainSaveDetail {
  /** The captain as stored: registered, edited, the new one of a replacement, his notice marked posted, or his ended term undone. */
  captain: FloorCaptain;
}
/** Detail of `fg-captain-end`. */
export interface CaptainEndDetail {
  /** The captain whose term was ended. */
  captainId: string;
}
/** Detail of `fg-captain-import`. */
export interface CaptainImportDetail {
  /** The records written. */
  count: number;
}

/** `fg-captain-save`: a captain was registered, edited, replaced (the new one), his notice marked posted, or his ended term undone. */
export type CaptainSaveEvent = CustomEvent<CaptainSaveDetail>;
/** `fg-captain-end`: a captain's term was ended. */
export type CaptainEndEvent = CustomEvent<CaptainEndDetail>;
/** `fg-captain-import`: an import was stored (`count` records written). */
export type CaptainImportEvent = CustomEvent<CaptainImportDetail>;

// ---- fg-grid-score -----------------------------------------------------------------------------

/** `fg-score-select`: a worker was chosen in the ranking. */
export type ScoreSelectEvent = CustomEvent<ScoreSelectDetail>;

// ---- every element -----------------------------------------------------------------------------

/** `fg-error`: something failed; the detail is for the host's logs. */
export type FgErrorEvent = CustomEvent<FgErrorDetail>;

declare global {
  interface HTMLElementEventMap {
    'fg-checklist-change': ChecklistChangeEvent;
    'fg-checklist-submit': ChecklistSubmitEvent;
    'fg-hazard-submit': HazardSubmitEvent;
    'fg-hazard-cancel': HazardCancelEvent;
    'fg-hazard-records': HazardRecordsEvent;
    'fg-hazard-open': HazardOpenEvent;
    'fg-hazard-transition': HazardTransitionEvent;
    'fg-hazard-transitioned': HazardTransitionedEvent;
    'fg-captain-save': CaptainSaveEvent;
    'fg-captain-end': CaptainEndEvent;
    'fg-captain-import': CaptainImportEvent;
    'fg-score-select': ScoreSelectEvent;
    'fg-error': FgErrorEvent;
  }
}
