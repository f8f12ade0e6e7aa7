// Gate (issue 9): the gates cover every element — each tag of the manifest has its story and
// primary task, and no story or task names a tag the manifest does not have.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { nodeInventory, storyTags } from './gates-lib.js';

describe('gate inventory', () => {
  it('every element of the manifest has a story and a primary task', () => {
    const inv = nodeInventory();
    assert.ok(inv.tags.includes('fg-provider'), `the manifest lists ${inv.tags.join(', ')}`);
    assert.deepEqual(inv.problems, [], `\n${inv.problems.join('\n')}`);
    assert.deepEqual([...inv.elements.map((e) => e.tag), ...inv.covered.keys()].sort(), inv.tags);
  });

  it('names what is missing or stray', () => {
    const root = mkdtempSync(join(tmpdir(), 'fg-gates-inv-'));
    try {
      mkdirSync(join(root, 'packages', 'elements'), { recursive: true });
      mkdirSync(join(root, 'stories'));
      mkdirSync(join(root, 'tests', 'tasks'), { recursive: true });
      const decl = (tagName: string) => ({ kind: 'class', customElement: true, tagName });
      writeFileSync(join(root, 'packages', 'elements', 'custom-elements.json'), JSON.stringify({
        modules: [{ declarations: [decl('fg-alpha'), decl('fg-alpha-row'), decl('fg-beta'), decl('fg-gamma')] }],
      }));
      writeFileSync(join(root, 'stories', 'alpha.stories.ts'), "const meta = { component: 'fg-alpha', subcomponents: { Row: 'fg-alpha-row' } };\n");
      writeFileSync(join(root, 'stories', 'old.stories.ts'), "const meta = { component: 'fg-old' };\n");
      writeFileSync(join(root, 'stories', 'gamma.stories.ts'), "const meta = { component: 'fg-gamma' };\n");
      for (const f of ['alpha.ts', 'beta.ts', 'types.ts', 'ghost.ts']) writeFileSync(join(root, 'tests', 'tasks', f), '');
      const inv = nodeInventory(root);
      assert.deepEqual(inv.elements.map((e) => e.tag), ['fg-alpha']);
      assert.equal(inv.covered.get('fg-alpha-row'), 'fg-alpha');
      const p = inv.problems.join('\n');
      assert.match(p, /^fg-beta: no story — add stories\/beta\.stories\.ts/m);
      assert.match(p, /^fg-gamma: no primary task — add tests\/tasks\/gamma\.ts/m);
      assert.match(p, /^stories\/old\.stories\.ts: component 'fg-old' is not in/m);
      assert.match(p, /^tests\/tasks\/ghost\.ts: there is no 'fg-ghost'/m);
      assert.doesNotMatch(p, /^fg-alpha|^tests\/tasks\/types\.ts/m);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reads component and subcomponents from a story file', () => {
    assert.deepEqual(storyTags("export default { title: 'x', component: \"fg-checklist\", subcomponents: { Item: 'fg-checklist-item', Bar: 'fg-progress' } } satisfies Meta;"), {
      component: 'fg-checklist', subcomponents: ['fg-checklist-item', 'fg-progress'],
    });
    assert.deepEqual(storyTags('nothing here'), { component: undefined, subcomponents: [] });
  });
});
