// The Storybook preview's Firegrid decorator (issue 24 item 3): the toolbar's locale and elder
// mode reach the story's elements, the theme is applied, and every fg-* event of the manifest is
// logged in Actions.
import { expect, html } from '@open-wc/testing';
import { fgEvents, firegridDecorator } from '../../.storybook/firegrid.js';
import type { EventsManifest } from '../../.storybook/firegrid.js';
import { Worker } from '../../stories/hazard-report.stories.js';
import '@firegrid/elements/hazard-report/define';
import { mount, until } from '../support/wait.js';

const manifest = await (await fetch(new URL('../../packages/elements/custom-elements.json', import.meta.url))).json() as EventsManifest;

describe('storybook preview: toolbar globals and Actions', () => {
  it('lists every fg-* event the elements declare, those of DESIGN §9 among them', () => {
    const events = fgEvents(manifest);
    for (const name of ['fg-checklist-change', 'fg-checklist-submit', 'fg-hazard-submit', 'fg-hazard-cancel', 'fg-hazard-open', 'fg-hazard-transition',
      'fg-hazard-transitioned', 'fg-captain-save', 'fg-captain-end', 'fg-captain-import', 'fg-score-select']) {
      expect(events, name).to.include(name);
    }
    expect(events.every((e) => e.startsWith('fg-'))).to.equal(true);
  });

  it('sets English and elder mode on the story\'s elements when the toolbar asks, applies the theme, and logs fg-* events', async () => {
    const logged: [string, unknown][] = [];
    const themes: (string | undefined)[] = [];
    const wrap = firegridDecorator({ events: fgEvents(manifest), log: (name, detail) => { logged.push([name, detail]); }, theme: (t) => { themes.push(t); } });
    const story = (): unknown => Worker.render!({}, {} as never);
    const el = mount(wrap(story, { locale: 'en', theme: 'government-blue', elder: 'on' }));
    await until(() => el.querySelector('fg-hazard-report') !== null, 'the story\'s element');
    const report = el.querySelector('fg-hazard-report')!;
    await until(() => report.getAttribute('locale') === 'en', 'locale="en" on the element');
    expect(report.hasAttribute('elder')).to.equal(true);
    expect(themes).to.deep.equal(['government-blue']);
    report.dispatchEvent(new CustomEvent('fg-hazard-cancel', { bubbles: true, composed: true, detail: { why: 'test' } }));
    expect(logged).to.deep.equal([['fg-hazard-cancel', { why: 'test' }]]);
  });

  it('leaves zh-CN, standard mode and an element\'s own locale alone by default', async () => {
    const wrap = firegridDecorator({ events: [], log: () => undefined, theme: () => undefined });
    const el = mount(wrap(() => html`<fg-hazard-report></fg-hazard-report><fg-hazard-report locale="zh-CN"></fg-hazard-report>`, { locale: 'en', elder: 'off' }));
    await until(() => el.querySelector('fg-hazard-report:not([locale="zh-CN"])')?.getAttribute('locale') === 'en', 'the decorator\'s locale on the plain element');
    const [plain, own] = [...el.querySelectorAll('fg-hazard-report')];
    expect(plain?.getAttribute('locale')).to.equal('en');
    expect(own?.getAttribute('locale'), 'a story that names its locale keeps it').to.equal('zh-CN');
    expect(plain?.hasAttribute('elder')).to.equal(false);
  });
});
