// The score's primary task with the real keyboard (the gate's driver): open a worker's breakdown
// from the ranking and the evidence of his coverage; that the task needs the keys (verify fails
// without them); and that hostile names from the host are shown as text.
import { expect } from '@open-wc/testing';
import { deepText, injectedMarkup, settle } from '../gates/dom.js';
import { keyboard, plainInputs } from '../gates/keyboard.js';
import { keyboardOnly } from '../gates/keyboard-only.js';
import { task } from '../tasks/grid-score.js';
import { mountTask } from '../gates/mount-task.js';

const mounted = (hostile?: readonly string[]): ReturnType<typeof mountTask> => mountTask(task, hostile);

describe('fg-grid-score: keyboard', () => {
  it('opens a score breakdown with the keyboard alone', async () => {
    const { el, container } = await mounted();
    try {
      const cheats = await keyboardOnly('tests/tasks/grid-score.ts', () => task.run(el, keyboard, plainInputs));
      expect(cheats).to.deep.equal([]);
      await settle(container);
      await task.verify(el);
      // Space toggles the evidence closed again: it is a real button.
      expect(keyboard.focused()?.getAttribute('aria-expanded')).to.equal('true');
      await keyboard.press('Space');
      await settle(container);
      expect(keyboard.focused()?.getAttribute('aria-expanded')).to.equal('false');
    } finally {
      container.remove();
    }
  });

  it('sorts the ranking from the keyboard', async () => {
    const { el, container } = await mounted();
    try {
      const header = await keyboard.tabTo((f) => f instanceof HTMLButtonElement && f.dataset.sort === 'total', { what: 'the 总分 column header' });
      await keyboard.press('Enter');
      await settle(container);
      expect(header.closest('th')?.getAttribute('aria-sort')).to.equal('descending');
      const totals = [...(el.shadowRoot?.querySelectorAll('tbody tr') ?? [])].map((r) => Number(r.querySelectorAll('td')[3]?.textContent));
      expect(totals).to.deep.equal([...totals].sort((a, b) => b - a));
    } finally {
      container.remove();
    }
  });

  it('verify fails when the task was not done', async () => {
    const { el, container } = await mounted();
    try {
      let failed = false;
      await task.verify(el).catch(() => { failed = true; });
      expect(failed).to.equal(true);
    } finally {
      container.remove();
    }
  });

  it('shows hostile names as text and still completes the task', async () => {
    const hostile = ['<img src=x onerror="window.__fgPwned=1">', '"><script>window.__fgPwned=1</script>', '=cmd|\' /C calc\'!A0', '‮evil', '网格员\u0000零'];
    const { el, container } = await mounted(hostile);
    try {
      await task.run(el, keyboard, plainInputs);
      await settle(container);
      await task.verify(el);
      expect(injectedMarkup(el)).to.deep.equal([]);
      expect(deepText(el)).to.contain('<img src=x onerror=');
      expect((window as unknown as { __fgPwned?: number }).__fgPwned).to.equal(undefined);
    } finally {
      container.remove();
    }
  });
});
