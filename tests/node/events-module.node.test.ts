// Issue 16 item 7: the elements declare their DOM events in one module, the same way — each as
// `CustomEvent<Detail>` in `HTMLElementEventMap` — and every event DESIGN §9 names is there.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const SRC = 'packages/elements/src';
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
  .flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));

describe('the elements\' events module', () => {
  it('is the only file that adds to HTMLElementEventMap', () => {
    const declaring = files(SRC).filter((f) => /interface\s+HTMLElementEventMap\b/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(declaring, [join(SRC, 'events.ts')]);
  });

  it('declares every element event of DESIGN §9 and fg-error, each as a CustomEvent<Detail> type', () => {
    const text = readFileSync(join(SRC, 'events.ts'), 'utf8');
    const map = /interface HTMLElementEventMap \{([\s\S]*?)\n {2}\}/.exec(text)?.[1] ?? '';
    const entries = [...map.matchAll(/'([a-z-]+)': (\w+);/g)].map((m) => [m[1], m[2]] as const);
    const names = entries.map(([name]) => name);
    for (const name of ['fg-checklist-change', 'fg-checklist-submit', 'fg-hazard-submit', 'fg-hazard-cancel', 'fg-hazard-open',
      'fg-hazard-transition', 'fg-hazard-transitioned', 'fg-captain-save', 'fg-captain-end', 'fg-captain-import', 'fg-score-select', 'fg-error']) {
      assert.ok(names.includes(name), `${name} is in HTMLElementEventMap`);
    }
    for (const [name, type] of entries) {
      assert.match(text, new RegExp(`export type ${type} = CustomEvent<\\w+>;`), `${name}: ${type} is one CustomEvent<Detail> type`);
    }
  });

  it('is re-exported by every element entry that fires events, so a host importing one element gets the typed map', () => {
    for (const element of ['checklist', 'hazard-report', 'hazard-ledger', 'captain-registry', 'captain-notice', 'grid-score']) {
      assert.match(readFileSync(join(SRC, element, 'index.ts'), 'utf8'), /from '\.\.\/events\.js'/, `${element}/index.ts`);
    }
  });
});
