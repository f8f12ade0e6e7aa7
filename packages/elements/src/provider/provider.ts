import { LitElement, html, css, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextConsumer, ContextProvider, provide } from '@lit/context';
import type { FiregridClient, Locale } from '@firegrid/core';
import { clientContext, localeContext } from '../context.js';
import { normalizeLocale } from '../i18n.js';

/**
 * Provides a Firegrid client to every Firegrid element inside it.
 *
 * Elements find the nearest provider through the `context-request` event of `@lit/context`; an
 * element whose own `.client` property is set uses that one instead. The provider renders its
 * children unchanged and adds no box of its own (`display: contents`).
 *
 * Locale, first match wins: an element's own `locale`; the nearest `<fg-provider>` that sets
 * `locale`; the session's `locale`; zh-CN. `lang` attributes are not read.
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

  /**
   * The locale of every Firegrid element inside (`zh-CN` or `en`) that sets none of its own; it
   * wins over the session's. Unset: a provider above this one decides, else the session.
   */
  @property() locale: Locale | undefined;

  private readonly outerLocale = new ContextConsumer(this, { context: localeContext, subscribe: true });
  private readonly localeProvider = new ContextProvider(this, { context: localeContext });

  override willUpdate(): void {
    this.localeProvider.setValue(normalizeLocale(this.locale) ?? this.outerLocale.value);
  }

  override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
