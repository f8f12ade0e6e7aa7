import { defineElement } from '../define-element.js';
import { FgProvider } from './provider.js';

defineElement('fg-provider', FgProvider);

declare global {
  interface HTMLElementTagNameMap {
    'fg-provider': FgProvider;
  }
}
