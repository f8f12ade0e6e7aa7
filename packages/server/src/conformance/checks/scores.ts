/**
 * `GET /v1/scores` (DESIGN §5, §7): a report in the `ScoreReport` shape, and bounded work — a
 * request for a decade of scores is refused with a problem naming `period`, not computed (a
 * backend that computes whatever it is asked stalls on it; the reference server's bound is 366 days).
 * @module
 */
import { checkWith } from '@firegrid/core';
import { ScoreReport } from '@firegrid/core/scoring';
import { described, expect, preview } from '../http.js';
import { expectProblem } from '../problem.js';
import type { Check } from './types.js';

const scoresBounded: Check = {
  name: 'scores: a month → ScoreReport; ten years → 400/422 problem naming period (bounded work)',
  async run(ctx) {
    const month = new Date().toISOString().slice(0, 7);
    const report = await ctx.api.request('GET', `/v1/scores?period=${month}&scope=*`, { token: ctx.token });
    expect(report.status === 200, () => `GET /v1/scores?period=${month}&scope=*: expected 200, got ${described(report)}: ${preview(report)}`);
    const parsed = checkWith(ScoreReport, report.json, { locale: 'en' });
    expect(parsed.ok, () => `GET /v1/scores?period=${month}: the body is not a ScoreReport (${parsed.ok ? '' : parsed.message}): ${preview(report)}`);
    const decade = '2016-01-01..2025-12-31';
    const refused = expectProblem(await ctx.api.request('GET', `/v1/scores?period=${decade}&scope=*`, { token: ctx.token }), [400, 422],
      `GET /v1/scores?period=${decade} (ten years)`);
    const paths = (refused.errors ?? []).map((e) => e.path);
    expect(paths.includes('period'), () => `the ten-year period was refused, but errors[].path does not name period (${paths.join(', ') || 'no errors'})`);
    return `${parsed.value.workers.length} workers for ${month}; ten years → ${refused.status}`;
  },
};

/** The checks of this module, in order. */
export const SCORE_CHECKS: readonly Check[] = [scoresBounded];
