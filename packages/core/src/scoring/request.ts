/**
 * What `GET /v1/scores?period&scope&rankBy&configId` means (DESIGN §5), for a server (the
 * reference one, or a vendor's in Node) to answer with the same engine as the client's.
 * @module
 */
import * as z from 'zod/mini';
import { FiregridError } from '../errors.js';
import type { Locale } from '../names.js';
import type { ScoreConfig } from '../schema/score-config.js';
import { checkWith } from '../validate.js';
import type { ScoreConfigBody, ScoringConfig } from './config.js';
import { parsePeriod, periodBounds } from './period.js';
import type { Period, PeriodBounds } from './period.js';
import { RANK_LEVELS } from './result.js';
import type { RankLevel } from './result.js';

/**
 * The query of `GET /v1/scores`: `period` in the forms of {@link parsePeriod} (`2025-03`,
 * `2025-Q1`, `2025`, `2025-01-01..2025-03-31`), `scope` an OrgUnit code prefix (`*` for the
 * tenant), `rankBy` a rank level, `configId` a stored score configuration. All optional; unknown
 * parameters are refused.
 */
export const ScoresQuery = z.strictObject({
  period: z.optional(z.string().check(z.minLength(1))),
  scope: z.optional(z.string().check(z.regex(/^(\*|[0-9A-Za-z][0-9A-Za-z_-]*)$/))),
  rankBy: z.optional(z.enum(RANK_LEVELS)),
  configId: z.optional(z.string().check(z.minLength(1))),
});
/** A checked {@link ScoresQuery}, the period read. */
export interface ScoresRequest {
  period: Period | undefined;
  scope: string | undefined;
  rankBy: RankLevel;
  configId: string | undefined;
}

/**
 * Reads the query string of `GET /v1/scores`.
 * @throws FiregridError `validation` naming the parameter (`period`, `rankBy`, an unknown one)
 * @example
 * const req = parseScoresQuery(url.searchParams, 'en'); // { period: { from: '2025-01-01', … }, rankBy: 'grid', … }
 */
export function parseScoresQuery(query: URLSearchParams | Readonly<Record<string, string>>, locale: Locale = 'zh-CN'): ScoresRequest {
  const raw: Record<string, string> = query instanceof URLSearchParams ? Object.fromEntries(query.entries()) : { ...query };
  const r = checkWith(ScoresQuery, raw, { locale, what: 'GET /v1/scores' });
  if (!r.ok) throw new FiregridError('validation', r.message, { issues: r.issues });
  return {
    period: r.value.period === undefined ? undefined : parsePeriod(r.value.period, locale),
    scope: r.value.scope,
    rankBy: r.value.rankBy ?? 'grid',
    configId: r.value.configId,
  };
}

/**
 * The configuration a request scores with: the stored one, its period and scope replaced by the
 * request's when it names them.
 */
export function configForRequest(config: ScoringConfig | ScoreConfig, request: Pick<ScoresRequest, 'period' | 'scope'>): ScoringConfig {
  return {
    ...config,
    ...(request.period === undefined ? {} : { period: { ...request.period } }),
    ...(request.scope === undefined ? {} : { scope: request.scope }),
  };
}

/**
 * The activities a period's scores read: everything before its end (the period's own, and the
 * older facts some metrics need — hazards assigned earlier and due now, captains registered
 * earlier, rejections). A server loads `at < endMs` and passes it to `computeScores`.
 */
export function scoringWindow(config: Pick<ScoreConfigBody, 'period'>): PeriodBounds {
  return periodBounds(config.period);
}
