import { defineElement } from '../define-element.js';
import { FgHazardLedger } from './hazard-ledger.js';

// The internal tags (detail, transition form) are registered by the ledger itself, by calling
// `defineDetail()` from `./detail-define.js` the first time a hazard is opened.
defineElement('fg-hazard-ledger', FgHazardLedger);

declare global {
  interface HTMLElementTagNameMap {
    'fg-hazard-ledger': FgHazardLedger;
  }
}
