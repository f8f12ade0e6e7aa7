/**
 * What `<fg-hazard-report>` opens: the draft asked for (`draft-id`), else the latest unsent
 * report of its mode, else a new one; and the name of a restored draft's place.
 * @module
 */
import { newId } from '@firegrid/core/base';
import type { FiregridClient } from '@firegrid/core';
import { emptyFields, fieldsOf } from './form.js';
import type { ReportFields, ReportMode } from './form.js';

/** The report the form opens with. */
export interface OpenedReport {
  /** The hazard's id: the draft's, or a new one. */
  id: string;
  fields: ReportFields;
  /** A draft typed earlier came back. */
  restored: boolean;
}

/** A new, empty report (with the id asked for, when there is one). */
export const freshReport = (mode: ReportMode, draftId?: string): OpenedReport =>
  ({ id: draftId ?? newId(), fields: emptyFields(mode), restored: false });

/** Opens the draft asked for, or the latest unsent report of this mode, or a new one. Rejects when the drafts cannot be read. */
export async function openReport(client: FiregridClient, mode: ReportMode, draftId: string | undefined): Promise<OpenedReport> {
  const draft = await client.hazards.resumeReport(mode, draftId);
  return draft === null ? freshReport(mode, draftId) : { id: draft.id, fields: fieldsOf(draft, mode), restored: true };
}

/** The name of the place a restored draft points at, or undefined when it no longer exists. */
export async function placeName(client: FiregridClient, placeId: string): Promise<string | undefined> {
  return (await client.data.get('places', placeId))?.name;
}
