// Type-level checks of examples/react's @lit/react wrappers (issue 25): props are the elements'
// own property types and event callbacks get the typed event. Checked by `npm run typecheck`; a
// wrapper that lost its types makes an `@ts-expect-error` below unused, which fails the check.
import type { ComponentProps } from 'react';
import type { HazardLedger, HazardReport, Provider } from '../../examples/react/src/firegrid.js';

type LedgerProps = ComponentProps<typeof HazardLedger>;
type ReportProps = ComponentProps<typeof HazardReport>;

export const ledger: LedgerProps = {
  list: 'responsibility',
  onHazardOpen: (e) => { const id: string = e.detail.hazardId; return id; },
  onHazardTransitioned: (e) => `${e.detail.from} → ${e.detail.to}`,
};
// @ts-expect-error: `list` is one of the two lists, not any string
export const badList: LedgerProps = { list: 'everything' };
// @ts-expect-error: fg-hazard-open's detail carries the id, not the hazard
export const badDetail: LedgerProps = { onHazardOpen: (e) => { console.log(e.detail.hazard); } };
export const report: ReportProps = { mode: 'public', maxPhotos: 3, onHazardSubmit: (e) => e.detail.hazard.title };
// @ts-expect-error: `client` is a FiregridClient, not a URL
export const badClient: ComponentProps<typeof Provider> = { client: '/api' };
