import { defineElement } from '../define-element.js';
import { FgGridScore } from './grid-score.js';

defineElement('fg-grid-score', FgGridScore);

declare global {
  interface HTMLElementTagNameMap {
    'fg-grid-score': FgGridScore;
  }
}
