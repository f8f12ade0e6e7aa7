// Registers the ledger's internal tags. The ledger imports this module when a hazard is first
// opened, so the detail, the transition form, the lifecycle and the major-hazard rule sets stay
// out of the list's initial bytes.
import { defineElement } from '../define-element.js';
import { FgHazardDetail } from './detail.js';
import { FgHazardTransitionForm } from './transition-form.js';

defineElement('fg-hazard-transition-form', FgHazardTransitionForm);
defineElement('fg-hazard-detail', FgHazardDetail);

declare global {
  interface HTMLElementTagNameMap {
    'fg-hazard-detail': FgHazardDetail;
    'fg-hazard-transition-form': FgHazardTransitionForm;
  }
}
