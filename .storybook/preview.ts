import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';
import customElements from '../packages/elements/custom-elements.json';
import governmentBlue from '../packages/elements/themes/government-blue.css?inline';
import { fgEvents, firegridDecorator } from './firegrid.js';
import type { EventsManifest } from './firegrid.js';

setCustomElementsManifest(customElements);

/** Every fg-* event the elements declare, logged in Actions. */
export const FG_EVENTS: readonly string[] = fgEvents(customElements as EventsManifest);

// The theme is a stylesheet of design tokens on :root; adopted (CSSOM, no <style> or style
// attribute, so a strict CSP holds) while the toolbar's theme is government blue.
const themeSheet = new CSSStyleSheet();
themeSheet.replaceSync(governmentBlue);
function applyTheme(theme: string | undefined): void {
  const others = document.adoptedStyleSheets.filter((s) => s !== themeSheet);
  document.adoptedStyleSheets = theme === 'government-blue' ? [...others, themeSheet] : others;
}

const wrap = firegridDecorator({ events: FG_EVENTS, log: (name, detail) => { action(name)(detail); }, theme: applyTheme });
const withFiregrid: Decorator = (story, context) => wrap(story, context.globals);

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
