import { expect } from '@open-wc/testing';
import { formulaStrings } from '../gates/hostile-corpus.js';
import { keyboard, plainInputs } from '../gates/keyboard.js';
import { task } from '../tasks/hazard-ledger.js';

async function inContainer(run: (container: HTMLElement) => Promise<void>): Promise<void> {
  const container = document.createElement('div');
  container.lang = 'zh-CN';
  document.body.append(container);
  try {
    await run(container);
  } finally {
    container.remove();
  }
}

describe('fg-hazard-ledger: the primary task with the keyboard alone', () => {
  it(task.name, () => inContainer(async (container) => {
    const el = await task.mount(container);
    (document.activeElement as HTMLElement | null)?.blur();
    await task.run(el, keyboard, plainInputs);
    await task.verify(el);
  }));

  it('exports with the keyboard, formula strings from the host neutralised', () => inContainer(async (container) => {
    const el = await task.mount(container, { hostile: [...formulaStrings, '<img src=x onerror=alert(1)>'] });
    expect(el.shadowRoot!.textContent).to.contain('<img src=x onerror=alert(1)>');
    (document.activeElement as HTMLElement | null)?.blur();
    const cells = await task.exportCells!(el, keyboard);
    expect(cells[0]?.[0]).to.equal('序号');
    const flat = cells.flat();
    expect(flat.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c))).to.deep.equal([]);
    expect(formulaStrings.some((f) => flat.some((c) => c.includes(f.replace(/^[\t\r]/, ''))))).to.equal(true);
  }));
});
