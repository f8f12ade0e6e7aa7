// The keyboard-only primary task of fg-checklist (tests/tasks/checklist.ts), run with the gate's
// real-key driver: the whole inspection, photo and note included, is done with keys alone.
import { expect } from '@open-wc/testing';
import { keyboard, plainInputs } from '../gates/keyboard.js';
import { keyboardOnly } from '../gates/keyboard-only.js';
import { task } from '../tasks/checklist.js';

describe('fg-checklist: keyboard only', () => {
  it('fills and submits an inspection with the keyboard alone', async () => {
    const container = document.createElement('div');
    container.lang = 'zh-CN';
    document.body.append(container);
    try {
      const el = await task.mount(container);
      (document.activeElement as HTMLElement | null)?.blur();
      const cheats = await keyboardOnly('tests/tasks/checklist.ts', () => task.run(el, keyboard, plainInputs));
      expect(cheats).to.deep.equal([]);
      await task.verify(el);
    } finally {
      container.remove();
    }
  });

  it('does not submit when Enter is pressed on a radio', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    try {
      const el = await task.mount(container);
      await keyboard.tabTo((f) => f instanceof HTMLInputElement && f.type === 'radio', { what: 'the first radio' });
      await keyboard.press('Enter');
      await new Promise((r) => setTimeout(r, 50));
      expect(el.shadowRoot!.querySelector('[role=alert]')?.textContent.trim()).to.equal('');
      expect(keyboard.focused()).to.be.instanceOf(HTMLInputElement);
    } finally {
      container.remove();
    }
  });

  it('shows hostile text from the host as text', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    try {
      const hostile = ['<img src=x onerror="window.__pwned=1">', '=cmd|"/c calc"!A1', '\u202Eevil', '"><script>window.__pwned=1</script>'];
      const el = await task.mount(container, { hostile });
      const text = el.shadowRoot!.textContent;
      expect(text).to.contain(hostile[0]);
      expect(text).to.contain(hostile[2]);
      expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    } finally {
      container.remove();
    }
  });
});
