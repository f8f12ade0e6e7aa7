import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { action } from 'storybook/actions';
import customElements from '../packages/elements/custom-elements.json';
import governmentBlue from '../packages/elements/themes/government-blue.css?inline';

setCustomElementsManifest(customElements);

interface ManifestEvent { name?: string }
interface ManifestDeclaration { tagName?: string; events?: ManifestEvent[] }
interface Manifest { modules?: { declarations?: ManifestDeclaration[] }[] }

/** Every `fg-*` event the elements declare (`@fires`), from the Custom Elements Manifest. */
export const FG_EVENTS: readonly string[] = [...new Set(
  ((customElements as Manifest).modules ?? []).flatMap((m) => m.declarations ?? [])
    .filter((d) => d.tagName?.startsWith('fg-') === true)
    .flatMap((d) => (d.events ?? []).map((e) => e.name ?? ''))
    .filter((name) => name.startsWith('fg-')),
)].sort();

// The theme is a stylesheet of design tokens on :root; adopted (CSSOM, no <style> or style
// attribute, so a strict CSP holds) while the toolbar's theme is government blue.
const themeSheet = new CSSStyleSheet();
themeSheet.replaceSync(governmentBlue);
function applyTheme(theme: unknown): void {
  const others = document.adoptedStyleSheets.filter((s) => s !== themeSheet);
  document.adoptedStyleSheets = theme === 'government-blue' ? [...others, themeSheet] : others;
}

/** The fg-* elements a story rendered (its own tags, not the internal ones inside shadow roots). */
const fgElementsIn = (root: Element): HTMLElement[] =>
  [...root.querySelectorAll<HTMLElement>('*')].filter((e) => e.localName.startsWith('fg-'));

/**
 * The toolbar's locale and elder mode reach every element of the story (one that names its own
 * `locale` keeps it: English stories stay English), and every fg-* event is logged in Actions.
 */
const withFiregrid: Decorator = (story, context) => {
  const { locale, theme, elder } = context.globals as { locale?: string; theme?: string; elder?: string };
  applyTheme(theme);
  const listeners = new Map<string, (e: Event) => void>();
  const apply = (el: Element | undefined): void => {
    if (!(el instanceof HTMLElement)) return;
    for (const name of FG_EVENTS) {
      if (listeners.has(name)) continue;
      const log = action(name);
      const listener = (e: Event): void => { log(e instanceof CustomEvent ? e.detail : undefined); };
      listeners.set(name, listener);
      el.addEventListener(name, listener);
    }
    // The elements render after this wrapper: wait a turn for the story's template.
    queueMicrotask(() => {
      for (const fg of fgElementsIn(el)) {
        // zh-CN is what the elements (and the stories' sessions) speak by default; English is asked for.
        if (!fg.hasAttribute('locale') && locale === 'en') fg.setAttribute('locale', 'en');
        if ('elder' in fg && !fg.hasAttribute('elder')) fg.toggleAttribute('elder', elder === 'on');
      }
    });
  };
  return html`<div class="fg-story" ${ref(apply)}>${story()}</div>`;
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withFiregrid],
  initialGlobals: { locale: 'zh-CN', theme: 'default', elder: 'off' },
  globalTypes: {
    locale: {
      description: 'Language of the elements (zh-CN first, English second)',
      toolbar: { title: '语言 Locale', icon: 'globe', items: [{ value: 'zh-CN', title: '简体中文' }, { value: 'en', title: 'English' }], dynamicTitle: true },
    },
    theme: {
      description: 'Theme: the elements\' defaults, or the government-blue theme file (themes/government-blue.css)',
      toolbar: { title: '主题 Theme', icon: 'paintbrush', items: [{ value: 'default', title: '默认 Default' }, { value: 'government-blue', title: '政务蓝 Government blue' }], dynamicTitle: true },
    },
    elder: {
      description: 'Elder-friendly mode: 20 px text, 56 px targets',
      toolbar: { title: '适老 Elder', icon: 'accessibility', items: [{ value: 'off', title: '标准 Standard' }, { value: 'on', title: '适老模式 Elder mode' }], dynamicTitle: true },
    },
  },
  parameters: {
    // The accessibility addon (axe-core) runs on every story; violations are errors, as in the axe gate.
    a11y: { test: 'error' },
  },
};
export default preview;
