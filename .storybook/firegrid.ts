// The Firegrid side of the Storybook preview, kept free of Storybook's runtime and of Vite-only
// imports so that tests/elements/storybook-preview.test.ts can run it in the test browser.
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';

interface ManifestEvent { name?: string }
interface ManifestDeclaration { tagName?: string; events?: ManifestEvent[] }
/** The part of a Custom Elements Manifest read here. */
export interface EventsManifest { modules?: { declarations?: ManifestDeclaration[] }[] }

/** Every `fg-*` event the elements declare (`@fires`), from the Custom Elements Manifest, sorted. */
export function fgEvents(manifest: EventsManifest): string[] {
  return [...new Set(
    (manifest.modules ?? []).flatMap((m) => m.declarations ?? [])
      .filter((d) => d.tagName?.startsWith('fg-') === true)
      .flatMap((d) => (d.events ?? []).map((e) => e.name ?? ''))
      .filter((name) => name.startsWith('fg-')),
  )].sort();
}

/** The toolbar's globals (see preview.ts). */
export interface FiregridGlobals { locale?: string; theme?: string; elder?: string }

/** What the decorator needs from its surroundings. */
export interface FiregridDecoratorOptions {
  /** The events to log. */
  events: readonly string[];
  /** Logs one event (Storybook's Actions panel in the preview). */
  log: (name: string, detail: unknown) => void;
  /** Applies the theme named by the toolbar. */
  theme: (name: string | undefined) => void;
}

/**
 * Wraps a story: the toolbar's locale (English when asked for; zh-CN is the elements' and the
 * stories' sessions' default) and elder mode reach every fg-* element of the story that does not
 * name its own, the theme is applied, and every fg-* event is logged.
 */
export function firegridDecorator(o: FiregridDecoratorOptions): (story: () => unknown, globals: FiregridGlobals) => TemplateResult {
  return (story, { locale, theme, elder }) => {
    o.theme(theme);
    let wired: Element | undefined;
    const apply = (el: Element | undefined): void => {
      if (!(el instanceof HTMLElement) || wired === el) return;
      wired = el;
      for (const name of o.events) el.addEventListener(name, (e) => { o.log(name, e instanceof CustomEvent ? e.detail : undefined); });
      // The story's elements are created in the same render as this wrapper: a microtask later they are there.
      queueMicrotask(() => {
        for (const fg of [...el.querySelectorAll<HTMLElement>('*')].filter((e) => e.localName.startsWith('fg-'))) {
          if (!fg.hasAttribute('locale') && locale === 'en') fg.setAttribute('locale', 'en');
          if ('elder' in fg && !fg.hasAttribute('elder') && elder === 'on') fg.setAttribute('elder', '');
        }
      });
    };
    return html`<div class="fg-story" ${ref(apply)}>${story()}</div>`;
  };
}
