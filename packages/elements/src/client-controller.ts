import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FiregridClient, HostSession, Locale } from '@firegrid/core';
import { clientContext, localeContext } from './context.js';
import { resolveLocale } from './i18n.js';

/** An element that can use a Firegrid client: one set explicitly wins over the provider's. */
export interface ClientHost extends ReactiveControllerHost, HTMLElement {
  /** A client set directly on the element; when unset, the nearest `<fg-provider>`'s is used. */
  client?: FiregridClient | undefined;
  /** The element's own locale; when unset, the nearest `<fg-provider>`'s, then the session's. */
  locale?: string | undefined;
}

/**
 * Gives an element the Firegrid client and the session: from its own `.client` property when
 * set, otherwise from the nearest `<fg-provider>` (through `@lit/context`, following changes).
 * Loads the session once per client and resolves the locale, first match wins: the element's own
 * `locale`, the nearest `<fg-provider>`'s `locale`, the session's `locale`, else zh-CN. `lang`
 * attributes are not read.
 *
 * @example
 * class MyElement extends LitElement {
 *   @property({ attribute: false }) client?: FiregridClient;
 *   private fg = new ClientController(this);
 *   render() { return html`${this.fg.session?.user.name ?? '…'}`; }
 * }
 */
export class ClientController implements ReactiveController {
  /** The session of the current client, once loaded. */
  session: HostSession | undefined;
  /** The error from loading the session, if it failed. */
  error: unknown;

  private readonly host: ClientHost;
  private readonly consumer: ContextConsumer<typeof clientContext, ClientHost>;
  private readonly localeConsumer: ContextConsumer<typeof localeContext, ClientHost>;
  private loadedFor: FiregridClient | undefined;

  constructor(host: ClientHost) {
    this.host = host;
    this.consumer = new ContextConsumer(host, { context: clientContext, subscribe: true });
    this.localeConsumer = new ContextConsumer(host, { context: localeContext, subscribe: true });
    host.addController(this);
  }

  /** The client in use: the element's own, else the provider's. */
  get client(): FiregridClient | undefined {
    return this.host.client ?? this.consumer.value;
  }

  /** The locale to render in: the element's `locale`, the provider's, the session's, else zh-CN. */
  get locale(): Locale {
    return resolveLocale(this.host.locale, this.localeConsumer.value, this.session?.locale);
  }

  hostUpdate(): void {
    const client = this.client;
    if (client === this.loadedFor) return;
    this.loadedFor = client;
    this.session = undefined;
    this.error = undefined;
    if (!client) return;
    client.session().then(
      (s) => { if (this.loadedFor === client) { this.session = s; this.host.requestUpdate(); } },
      (e: unknown) => { if (this.loadedFor === client) { this.error = e; this.host.requestUpdate(); } },
    );
  }
}
