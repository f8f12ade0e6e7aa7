import { defineElement } from '../define-element.js';
import { FgChecklist } from './checklist.js';

defineElement('fg-checklist', FgChecklist);

declare global {
  interface HTMLElementTagNameMap {
    'fg-checklist': FgChecklist;
  }
}
