import { defineElement } from '../define-element.js';
import { FgCaptainNotice } from './captain-notice.js';

defineElement('fg-captain-notice', FgCaptainNotice);

declare global {
  interface HTMLElementTagNameMap {
    'fg-captain-notice': FgCaptainNotice;
  }
}
