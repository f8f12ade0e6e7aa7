// The hostile-input gate (issue 9), run by hostile.test.ts and hostile-late.test.ts (each half of the
// rounds, so neither file nears web-test-runner's two-minute limit per file): hostile strings fed through the host adapter's responses (PrimaryTask.mount's
// `hostile`) and typed into every text field of each primary task stay inert text: the sentinel
// stays unset, no markup is parsed from them, nothing throws, the element keeps rendering. Elements
// that export neutralise formula prefixes.
//
// The corpus is cut into ROUNDS interleaved chunks. In round r the host returns chunk r, and the
// k-th text field a task types into gets chunk (r + k) mod ROUNDS joined by spaces (a formula
// first), so over the rounds every field receives every string and the host returns each once.
import { expect } from '@open-wc/testing';
import { isFormulaLike, neutraliseCell } from '@firegrid/core';
import type { ExportedCells } from '../tasks/types.js';
import { alerts, deepText, settle } from './dom.js';
import { expectInert, resetSentinel, watchErrors } from './inert.js';
import { corpusChunks, formulaStrings, hostileCorpus, hostileStrings } from './hostile-corpus.js';
import { loadInventory } from './inventory.js';
import { keyboard } from './keyboard.js';
import { EXPORTING_TAGS } from './manifest.js';

const ROUNDS = 4;
const chunks = corpusChunks(ROUNDS);
const inventory = await loadInventory();

/** The text typed into a field: a chunk joined by spaces, a formula prefix first when the chunk has one. */
function typedText(chunk: readonly string[]): string {
  const formula = chunk.find((v) => formulaStrings.includes(v));
  return (formula === undefined ? chunk : [formula, ...chunk.filter((v) => v !== formula)]).join(' ');
}

/**
 * Declares the gate's tests for the given rounds (0-based); `extras` adds the corpus and export checks.
 */
export function hostileGate(title: string, rounds: readonly number[], extras: boolean): void {
  describe(title, function () {
    // A round types tens of thousands of characters and waits for the task; a loaded CI box needs room.
    this.timeout(60_000);

    if (extras) it(`the corpus has at least 100 strings in groups, each with a reason (${hostileStrings.length})`, () => {
      expect(hostileStrings.length).to.be.at.least(100);
      for (const g of hostileCorpus) {
        expect(g.why, g.name).to.not.equal('');
        for (const x of g.strings) expect(x.why, `${g.name}: ${x.value.slice(0, 30)}`).to.not.equal('');
      }
      expect(new Set(hostileStrings).size, 'no duplicates').to.equal(hostileStrings.length);
      expect(chunks.flat().length).to.equal(hostileStrings.length);
    });

    if (extras) it('the export cell rule of core neutralises every string of the corpus', () => {
      const live = hostileStrings.filter((v) => isFormulaLike(neutraliseCell(v)));
      expect(live.map((v) => v.slice(0, 40)), 'cells a spreadsheet would still run').to.deep.equal([]);
      for (const f of formulaStrings) expect(neutraliseCell(f), JSON.stringify(f)).to.not.equal(f);
    });

    beforeEach(resetSentinel);

    for (const { tag, task, taskFile } of inventory.elements) {
      describe(`${tag}: ${task.name}`, () => {
        for (const r of rounds) {
          const chunk = chunks[r] ?? [];
          it(`round ${r + 1}/${ROUNDS}: ${chunk.length} strings from the host and typed into every field stay inert text`, async () => {
            const container = document.createElement('div');
            container.lang = 'zh-CN';
            document.body.append(container);
            const watch = watchErrors();
            try {
              const el = await task.mount(container, { hostile: chunk });
              await settle(container);
              const text = deepText(container);
              const shown = chunk.filter((v) => v.trim().length > 0 && text.includes(v));
              expect(shown.length, `${taskFile}: mount({ hostile }) shows none of the ${chunk.length} strings it was given as text; feed them through the host adapter's responses`)
                .to.be.greaterThan(0);
              await expectInert(container, el, watch.errors, `${tag} after mount`);

              const fields = new Map<string, number>();
              const inputs = {
                text(field: string): string {
                  const k = fields.get(field) ?? fields.size;
                  fields.set(field, k);
                  return typedText(chunks[(r + k) % ROUNDS] ?? []);
                },
              };
              (document.activeElement as HTMLElement | null)?.blur();
              let failure: unknown;
              try {
                await task.run(el, keyboard, inputs);
                await settle(container);
                await task.verify(el);
              } catch (err) {
                failure = err;
              }
              await settle(container);
              await expectInert(container, el, watch.errors, `${tag} after the task`);
              if (failure !== undefined) {
                // Refusing hostile input is fine; the gate asks only that it stays inert. Say so in the log.
                console.info(`[hostile] ${tag} round ${r + 1}: the task did not complete (${failure instanceof Error ? failure.message.slice(0, 160) : JSON.stringify(failure)}); alerts: ${JSON.stringify(alerts(container).map((a) => a.slice(0, 80)))}`);
              }
            } finally {
              watch.stop();
              container.remove();
            }
          });
        }
      });
    }

    for (const { tag, task, taskFile } of extras ? inventory.elements : []) {
      if (!EXPORTING_TAGS.includes(tag) && task.exportCells === undefined) continue;
      it(`${tag}: exports neutralise formula prefixes`, async () => {
        const exportCells = task.exportCells?.bind(task);
        expect(exportCells, `${taskFile} has no exportCells(): DESIGN §6 says ${tag} exports, so the gate must check its file`).to.be.a('function');
        if (!exportCells) return;
        const container = document.createElement('div');
        container.lang = 'zh-CN';
        document.body.append(container);
        const watch = watchErrors();
        try {
          const el = await task.mount(container, { hostile: [...formulaStrings, ...(chunks[0] ?? [])] });
          await settle(container);
          (document.activeElement as HTMLElement | null)?.blur();
          const cells: ExportedCells = await exportCells(el, keyboard);
          const flat = cells.flat();
          // What a spreadsheet runs: a formula sign (after spaces too), or a tab or CR first; a plain number is a number.
          const live = flat.filter((c) => /^[\t\r]|^[ \u00a0]*[=+\-@]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c));
          expect(live, `${tag}: exported cells a spreadsheet would run as formulas`).to.deep.equal([]);
          const reached = formulaStrings.filter((f) => flat.some((c) => c.includes(f.replace(/^[\t\r]/, ''))));
          expect(reached.length, `${taskFile}: none of the formula strings given to mount({ hostile }) reached the export`).to.be.greaterThan(0);
          await expectInert(container, el, watch.errors, `${tag} after the export`);
        } finally {
          watch.stop();
          container.remove();
        }
      });
    }
  });
}
