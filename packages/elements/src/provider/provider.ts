import { LitElement, html, css, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import type { FiregridClient } from '@firegrid/core';
import { clientContext } from '../context.js';

/**
 * Provides a Firegrid client to every Firegrid element inside it.
 *
 * Elements find the nearest provider through the `context-request` event of `@lit/context`; an
 * element whose own `.client` property is set uses that one instead. The provider renders its
 * children unchanged and adds no box of its own (`display: contents`).
 *
 * @summary Hands the Firegrid client to the elements below it.
 * @tag fg-provider
 * @slot - The host page's content, with Firegrid elements anywhere inside.
 *
 * @example
 * ```html
 * <fg-provider id="fg"><fg-checklist place-id="…"></fg-checklist></fg-provider>
 * <script type="module">
 *   document.getElementById('fg').client = createFiregridClient({ host });
 * </script>
 * ```
 */
export class FgProvider extends LitElement {
  static override styles = css`
    :host { display: contents; }
    [hidden] { display: none !important; }
  `;

  /** The client to provide, made with `createFiregridClient`. */
  @provide({ context: clientContext })
  @property({ attribute: false })
  client: FiregridClient | undefined;

  override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
