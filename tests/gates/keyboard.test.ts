// Gate (issue 9): each element's primary task completes with the keyboard alone, asserted on
// its outcome by the task's own verify(). While the task runs, its script may not click, focus,
// dispatch events or set control values itself: everything has to go through the keys.
import { expect } from '@open-wc/testing';
import { settle } from './dom.js';
import { loadInventory } from './inventory.js';
import { keyboard, plainInputs } from './keyboard.js';
import { keyboardOnly } from './keyboard-only.js';

const inventory = await loadInventory();

describe('gate: primary tasks with the keyboard alone', () => {
  for (const { tag, task, taskFile } of inventory.elements) {
    it(`${tag}: ${task.name}`, async () => {
      const container = document.createElement('div');
      container.lang = 'zh-CN';
      document.body.append(container);
      try {
        const el = await task.mount(container);
        expect(el.isConnected, `${taskFile}: mount() returned an element that is not in the page`).to.equal(true);
        await settle(container);
        // Start from nothing focused, as a user arriving on the page.
        (document.activeElement as HTMLElement | null)?.blur();
        const cheats = await keyboardOnly(taskFile, () => task.run(el, keyboard, plainInputs));
        expect(cheats, `${taskFile} used more than the keyboard`).to.deep.equal([]);
        await settle(container);
        await task.verify(el);
      } finally {
        container.remove();
      }
    });
  }
});
