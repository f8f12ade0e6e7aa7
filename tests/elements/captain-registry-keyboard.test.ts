// The registry's primary task with the real keyboard (the gate's driver), its CSV export through
// the keyboard with hostile names, and that the task really needs the keys: without them it fails.
import { expect } from '@open-wc/testing';
import { deepText, settle } from '../gates/dom.js';
import { formulaStrings } from '../gates/hostile-corpus.js';
import { keyboard, plainInputs } from '../gates/keyboard.js';
import { keyboardOnly } from '../gates/keyboard-only.js';
import { task } from '../tasks/captain-registry.js';
import { mountTask } from '../gates/mount-task.js';

const mounted = (hostile?: readonly string[]): ReturnType<typeof mountTask> => mountTask(task, hostile);

describe('fg-captain-registry: keyboard', () => {
  it('registers a captain with the keyboard alone', async () => {
    const { el, container } = await mounted();
    try {
      const cheats = await keyboardOnly('tests/tasks/captain-registry.ts', () => task.run(el, keyboard, plainInputs));
      expect(cheats).to.deep.equal([]);
      await settle(container);
      await task.verify(el);
      expect(deepText(el)).to.contain('赵海燕');
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

  it('a bad phone typed with the keyboard is refused and nothing is saved', async () => {
    const { el, container } = await mounted();
    try {
      await task.run(el, keyboard, { text: (field, fallback) => (field === 'phone' ? '12345' : fallback) });
      let failed = false;
      await task.verify(el).catch(() => { failed = true; });
      expect(failed).to.equal(true);
      expect(el.shadowRoot!.querySelector('#f-phone-error')!.textContent).to.contain('区号');
    } finally {
      container.remove();
    }
  });

  it('exports CSV with the keyboard, formula-like names neutralised', async () => {
    const { el, container } = await mounted([...formulaStrings, '<img src=x onerror="window.__fgPwned=1">']);
    try {
      const cells = await task.exportCells!(el, keyboard);
      const flat = cells.flat();
      expect(cells[0]).to.include('楼栋');
      const live = flat.filter((c) => /^[\t\r]|^[ \u00a0]*[=+\-@]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c));
      expect(live).to.deep.equal([]);
      expect(formulaStrings.filter((f) => flat.some((c) => c.includes(f.replace(/^[\t\r]/, '')))).length).to.be.greaterThan(0);
      expect((window as unknown as Record<string, unknown>).__fgPwned).to.equal(undefined);
    } finally {
      container.remove();
    }
  });
});
