import { createContext } from '@lit/context';
import type { FiregridClient, Locale } from '@firegrid/core';

/**
 * The context through which `<fg-provider>` hands the client to every Firegrid element below it.
 *
 * The key is a string, not a Symbol, on purpose: a micro-frontend host (qiankun and the like) may
 * load two copies of this library, and a string key lets an element of one copy find the provider
 * of the other. The protocol is the plain `context-request` DOM event, so a non-Lit host can
 * answer it too.
 */
export const clientContext = createContext<FiregridClient | undefined>('firegrid-client');

/**
 * The context through which `<fg-provider>` hands its `locale` (or, when it has none, the one it
 * inherits from a provider above it) to the Firegrid elements below it. A string key, like
 * {@link clientContext}, so two copies of the library find each other.
 */
export const localeContext = createContext<Locale | undefined>('firegrid-locale');
