import { expect } from '@open-wc/testing';
import { keyboard, plainInputs } from '../gates/keyboard.js';
import { task } from '../tasks/hazard-report.js';

describe('fg-hazard-report: the primary task with the keyboard alone', () => {
  it(task.name, async () => {
    const container = document.createElement('div');
    container.lang = 'zh-CN';
    document.body.append(container);
    try {
      const el = await task.mount(container);
      expect(el.isConnected).to.equal(true);
      (document.activeElement as HTMLElement | null)?.blur();
      await task.run(el, keyboard, plainInputs);
      await task.verify(el);
    } finally {
      container.remove();
    }
  });

  it('shows the host-provided place name as text when mounted with hostile strings', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    try {
      const hostile = ['<img src=x onerror=alert(1)>', '=HYPERLINK("http://x")'];
      const el = await task.mount(container, { hostile });
      expect(el.shadowRoot!.textContent).to.contain(hostile[0]);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    } finally {
      container.remove();
    }
  });
});
