// React components for the Firegrid elements, made by @lit/react: props are set as properties
// (objects such as `client` included), and each `fg-…` event is a typed `on…` callback.
import * as React from 'react';
import { createComponent } from '@lit/react';
import type { EventName } from '@lit/react';
import { FgProvider } from '@firegrid/elements/provider';
import { FgHazardLedger } from '@firegrid/elements/hazard-ledger';
import type { HazardOpenEvent, HazardTransitionedEvent } from '@firegrid/elements/hazard-ledger';
import { FgHazardReport } from '@firegrid/elements/hazard-report';
import type { HazardCancelEvent, HazardSubmitEvent } from '@firegrid/elements/hazard-report';
// Registers the tags (idempotent: a second copy of the library in the page does not throw).
import '@firegrid/elements/provider/define';
import '@firegrid/elements/hazard-ledger/define';
import '@firegrid/elements/hazard-report/define';

/** `<fg-provider>`: gives `client` to every element below it. */
export const Provider = createComponent({ tagName: 'fg-provider', elementClass: FgProvider, react: React });

/** `<fg-hazard-ledger>`: the two lists. */
export const HazardLedger = createComponent({
  tagName: 'fg-hazard-ledger',
  elementClass: FgHazardLedger,
  react: React,
  events: {
    onHazardOpen: 'fg-hazard-open' as EventName<HazardOpenEvent>,
    onHazardTransitioned: 'fg-hazard-transitioned' as EventName<HazardTransitionedEvent>,
  },
});

/** `<fg-hazard-report>`: reports one hazard. */
export const HazardReport = createComponent({
  tagName: 'fg-hazard-report',
  elementClass: FgHazardReport,
  react: React,
  events: {
    onHazardSubmit: 'fg-hazard-submit' as EventName<HazardSubmitEvent>,
    onHazardCancel: 'fg-hazard-cancel' as EventName<HazardCancelEvent>,
  },
});
