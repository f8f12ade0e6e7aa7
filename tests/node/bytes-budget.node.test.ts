// Gate (issue 9, DESIGN §8): byte budgets in `npm test`. Bytes are deterministic, so unlike the
// timing figures they are asserted here: gzip -9 of the initial chunk of `@firegrid/elements/define`
// ≤ 45,000 and of `@firegrid/elements/hazard-report/define` ≤ 30,000. Lazy chunks are reported
// (as test diagnostics), never counted. Measured on the packed `dist` as a vendor installs it
// (issue 13): the tarballs of `npm pack`, installed into a temporary app; the gate builds first.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { budgets, knownEntries, measurePacked, overBudgetMessage } from '../../scripts/bytes-lib.mjs';
import type { Measurement } from '../../scripts/bytes-lib.mjs';
import { nameOf, nodeInventory } from './gates-lib.js';

/** The failure for a measured value, or undefined when it is within the label's budget (or there is none). */
function overBudget(label: string, gzip: number): string | undefined {
  const budget = budgets[label];
  return budget !== undefined && gzip > budget ? overBudgetMessage(label, gzip, budget) : undefined;
}

const n = (x: number): string => x.toLocaleString('en-US');

/**
 * Budgets known to be broken today, each with the open issue that owns it. Such a test still runs
 * and prints its figure and the budget, as a TODO that does not stop the gate. Remove the entry
 * when the budget holds; never add one to pass a new regression.
 */
const KNOWN_OVER: Readonly<Record<string, string>> = {};

describe('gate: byte budgets (DESIGN §8)', () => {
  const measured = new Map<string, Measurement>();
  before(async () => {
    for (const r of await measurePacked()) measured.set(r.label, r.measurement);
  });

  it('has the budgets of DESIGN §8', () => {
    assert.equal(budgets.all, 45_000);
    assert.equal(budgets['hazard-report'], 30_000);
  });

  it('fails with the figure and the budget', () => {
    assert.equal(overBudget('all', 45_001), 'bytes.all.initial = 45001 > budget 45000');
    assert.equal(overBudget('hazard-report', 30_001), 'bytes.hazard-report.initial = 30001 > budget 30000');
    assert.equal(overBudget('all', 45_000), undefined);
    assert.equal(overBudget('provider', 1e9), undefined, 'an element without a budget is only reported');
  });

  it('measures every element of the manifest (its define entry is listed in scripts/entries.mjs)', () => {
    const listed = new Set(knownEntries().map((e) => e.label));
    const missing = nodeInventory().tags.map(nameOf).filter((name) => !listed.has(name));
    assert.deepEqual(missing, [], `add ${missing.map((m) => `'${m}'`).join(', ')} to \`elements\` in scripts/entries.mjs so its bytes are measured`);
  });

  for (const { label, specifier } of knownEntries()) {
    const budget = budgets[label];
    const todo = KNOWN_OVER[label];
    it(`bytes.${label}.initial ${budget === undefined ? '(reported)' : `≤ ${n(budget)}`}`, todo === undefined ? {} : { todo }, (t) => {
      const m = measured.get(label);
      assert.ok(m !== undefined, `${specifier} was not measured`);
      assert.match(m.entry, /node_modules\/@firegrid\/elements\/dist\//, 'measured on the installed dist, not the sources');
      const initialFiles = m.files.filter((f) => f.kind === 'initial');
      const lazy = m.files.filter((f) => f.kind === 'lazy');
      t.diagnostic(`bytes.${label}.initial = ${n(m.initial.gzip)} B gzip in ${initialFiles.length} file(s)`);
      for (const f of lazy) t.diagnostic(`bytes.lazy.${f.name} = ${n(f.gzip)} B gzip (lazy: reported, not counted)`);
      assert.equal(m.initial.gzip, initialFiles.reduce((s, f) => s + f.gzip, 0), 'the initial total counts initial files only');
      assert.ok(m.initial.gzip > 0, `${specifier} measured nothing`);
      const failure = overBudget(label, m.initial.gzip);
      assert.equal(failure, undefined, failure);
    });
  }
});
