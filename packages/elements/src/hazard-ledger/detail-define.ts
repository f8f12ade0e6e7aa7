// The ledger's internal tags. The ledger imports this module when a hazard is first opened and
// calls `defineDetail()`, so the detail, the transition form, the lifecycle and the major-hazard
// rule sets stay out of the list's initial bytes. Registration is a call, not an effect of
// evaluating the module: a bundler that trusts `sideEffects` may drop a lazily imported module
// whose exports look unused, and the tags would then never be defined.
import { defineElement } from '../define-element.js';
import { FgHazardDetail } from './detail.js';
import { FgHazardTransitionForm } from './transition-form.js';

/** Registers `fg-hazard-transition-form` and `fg-hazard-detail` (once; later calls are no-ops). */
export function defineDetail(): void {
  defineElement('fg-hazard-transition-form', FgHazardTransitionForm);
  defineElement('fg-hazard-detail', FgHazardDetail);
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-hazard-detail': FgHazardDetail;
    'fg-hazard-transition-form': FgHazardTransitionForm;
  }
}
