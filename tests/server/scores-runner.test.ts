// The scores runner (packages/server/src/scores-runner.ts): queries run in a worker thread, so the
// event loop keeps turning while one computes; a bounded queue; the report made in the thread.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exampleScoreConfig, parsePeriod, ScoreReport } from '@firegrid/core/scoring';
import { DB_FILE, openDatabase, tenantScoresSql } from '@firegrid/server';
import { RunnerBusyError, ScoresRunner } from '../../packages/server/src/scores-runner.js';

/** A query that keeps SQLite busy for a while (a million-row recursive count). */
const SLOW = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000) SELECT count(*) AS n FROM c';

describe('ScoresRunner', () => {
  let dir = '';
  let runner: ScoresRunner;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'firegrid-runner-'));
    openDatabase(dir).close();
    runner = new ScoresRunner({ file: join(dir, DB_FILE), maxQueued: 1 });
  });
  after(async () => {
    await runner.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a query off the event loop: callbacks run while it computes', async () => {
    let turns = 0;
    let answered = false;
    const spin = (): void => {
      if (answered) return;
      turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    const rows = await runner.rows(SLOW, []);
    answered = true;
    assert.deepEqual(rows, [{ n: 1_000_000 }]);
    assert.ok(turns > 1, `the event loop turned ${turns} times while the query ran`);
  });

  it('queues at most maxQueued behind the running query, and refuses the next with RunnerBusyError', async () => {
    const first = runner.rows(SLOW, []);
    const second = runner.rows('SELECT 2 AS n', []);
    await assert.rejects(runner.rows('SELECT 3 AS n', []), (e: unknown) => e instanceof RunnerBusyError && e.queued === 1);
    assert.deepEqual(await first, [{ n: 1_000_000 }]);
    assert.deepEqual(await second, [{ n: 2 }]);
    assert.deepEqual(await runner.rows('SELECT 4 AS n', []), [{ n: 4 }], 'free again once they are done');
  });

  it('makes the report in the thread, as JSON bytes, and names a failing statement', async () => {
    const config = exampleScoreConfig({ period: parsePeriod('2026-03') });
    const q = tenantScoresSql(config, { dialect: 'sqlite' });
    const now = new Date('2026-04-01T00:00:00Z');
    const bytes = await runner.report(q.sql, q.params(now, 't1'), { config, now: now.getTime(), rankBy: 'grid' });
    const report = ScoreReport.parse(JSON.parse(new TextDecoder().decode(bytes)));
    assert.deepEqual(report.workers, [], 'an empty tenant');
    assert.equal(report.asOf, now.toISOString());
    await assert.rejects(runner.rows('SELECT * FROM no_such_table', []), /scores query failed: no such table: no_such_table/);
  });
});
