// The per-action stories (issue 24 item 3): one story per hazard action, each opened as a role the
// default matrix allows to run it, shows that action; the captain's story offers none.
import { expect } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { HAZARD_ACTIONS } from '@firegrid/core';
import '@firegrid/elements/hazard-ledger/define';
import * as stories from '../../stories/hazard-ledger-actions.stories.js';
import { actionCase } from '../../stories/hazard-ledger-actions.stories.js';
import { allDeep, mount, until } from '../support/wait.js';

interface Story { name?: string; render?: () => TemplateResult }
const all = Object.entries(stories as Record<string, unknown>).filter(([, v]) => typeof v === 'object' && v !== null && 'render' in v) as [string, Story][];
const storyOf = (action: string): Story | undefined => all.find(([, s]) => s.name?.endsWith(`(${action})`))?.[1];
const deep = (el: HTMLElement, sel: string): HTMLElement | undefined =>
  allDeep(el.shadowRoot!).find((e) => e.matches(sel)) as HTMLElement | undefined;

describe('stories: one per hazard action, opened as a role allowed to run it', () => {
  for (const action of HAZARD_ACTIONS) {
    it(`${action}: has a story whose ledger offers it`, async () => {
      const story = storyOf(action);
      expect(story, `a story named "… (${action})"`).to.not.equal(undefined);
      expect(actionCase(action), `a hazard and a role for ${action}`).to.not.equal(undefined);
      const wrapper = mount(story!.render!());
      const el = wrapper.querySelector('fg-hazard-ledger')!;
      await until(() => deep(el, `[data-action="${action}"]`) !== undefined, `the ${action} button`);
    });
  }

  it('the captain\'s story offers no action', async () => {
    const wrapper = mount(stories.NoneAllowed.render!({}, {} as never));
    const el = wrapper.querySelector('fg-hazard-ledger')!;
    await until(() => deep(el, '#d-title') !== undefined, 'the detail');
    expect(allDeep(el.shadowRoot!).filter((e) => e.matches('[data-action]'))).to.have.length(0);
  });
});
