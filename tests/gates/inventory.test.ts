// Gate (issue 9): every element of the manifest has a story and a primary task, so none can
// skip the axe, keyboard, CSP and hostile-input gates.
import { expect } from '@open-wc/testing';
import { loadInventory } from './inventory.js';

const inventory = await loadInventory();

describe('gate: every element is covered', () => {
  it('the manifest declares the elements (run `npm run analyze` when this fails)', () => {
    expect(inventory.tags, 'custom elements in packages/elements/custom-elements.json').to.include('fg-provider');
  });

  it('every tag of the manifest has a story and a primary task', () => {
    expect(inventory.problems, `\n${inventory.problems.join('\n')}\n`).to.deep.equal([]);
    const gated = [...inventory.elements.map((e) => e.tag), ...inventory.covered.keys()].sort();
    expect(gated).to.deep.equal(inventory.tags);
  });
});
