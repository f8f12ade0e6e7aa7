export { FgProvider } from './provider/provider.js';
export { clientContext } from './context.js';
export { ClientController, type ClientHost } from './client-controller.js';
export { defineElement } from './define-element.js';
export { resolveLocale, msg, inheritedLang, type Messages } from './i18n.js';
