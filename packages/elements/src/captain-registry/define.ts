import { defineElement } from '../define-element.js';
import { FgCaptainRegistry } from './captain-registry.js';

defineElement('fg-captain-registry', FgCaptainRegistry);

declare global {
  interface HTMLElementTagNameMap {
    'fg-captain-registry': FgCaptainRegistry;
  }
}
