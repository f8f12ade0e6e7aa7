import { defineElement } from '../define-element.js';
import { FgHazardReport } from './hazard-report.js';

defineElement('fg-hazard-report', FgHazardReport);

declare global {
  interface HTMLElementTagNameMap {
    'fg-hazard-report': FgHazardReport;
  }
}
