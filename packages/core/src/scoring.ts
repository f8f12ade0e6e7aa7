/**
 * `@firegrid/core/scoring` — grid-worker assessment (网格员消防履职考评, DESIGN §7).
 *
 * - Local schemes as data (issue 20): `config.items` — assessor-entered lines (`assessment.entered`,
 *   cited by who entered them and why), deductions and bonuses each with its own activity, value
 *   and cap, threshold lines — scored as {@link ItemScore}s next to the metrics.
 * - {@link computeScores}: per worker a 0–100 total; per metric the raw figure, normalised value,
 *   weight, points, an explanation in zh-CN and English ("巡查覆盖 18/20 处场所 (90%) × 30 = 27
 *   分") and the activity ids behind it; a rank in grid, community, street or scope (ties to the
 *   smaller worker id). Pure: the clock is `context.now`; the order of activities does not matter.
 * - {@link toSql}: the same rules as one PostgreSQL or SQLite query over `activities`, `workers`
 *   and `places` ({@link scoringTablesDdl}, {@link scoringRows}); {@link reportFromRows} turns its
 *   rows into the same report. Tested to give identical numbers.
 * - Configuration is data ({@link ScoringConfig}, checked by {@link resolveScoreConfig} with errors
 *   naming the field). No provincial standard exists (REGULATIONS.md §1.4): the shipped
 *   {@link exampleScoreConfig}, its visits-per-month table {@link VISITS_PER_MONTH_EXAMPLE} and
 *   {@link dongshengSchemeExample} (a published town scheme as configuration) are EXAMPLES to
 *   set locally.
 * - `GET /v1/scores`: {@link parseScoresQuery}, {@link configForRequest}, {@link scoringWindow}.
 * - {@link generateScoringData}: seeded synthetic data for tests, benchmarks and demos.
 * @module
 */
export { computeScores, rankWorkers, figuresOf, clampTotal, DEFAULT_CODE_LENGTHS } from './scoring/engine.js';
export type { ScoringActivity, ScoringWorker, ScoringPlace, ScoringContext, CodeLengths, RawFigure } from './scoring/engine.js';
export {
  ScoringConfig, METRIC_PARAMS, METRIC_PARAM_DEFAULTS, WHEN_NONE, ATTRIBUTIONS, RELATIVE_TO, resolveScoreConfig, targetFor, itemActivity,
} from './scoring/config.js';
export type {
  MetricParams, ResolvedMetric, ResolvedItem, ResolvedScoreConfig, WhenNone, Attribution, RelativeTo, ScoreConfigBody,
} from './scoring/config.js';
export { MetricScore, ItemScore, ItemEntry, WorkerScore, ScoreReport, Rank, RANK_LEVELS, BothLocales } from './scoring/result.js';
export { itemFigures, explainItem, readsEntries } from './scoring/items.js';
export type { ItemRaw, ItemFigures } from './scoring/items.js';
export type { RankLevel } from './scoring/result.js';
export { explainMetric } from './scoring/explain.js';
export type { MetricFigures } from './scoring/explain.js';
export {
  periodBounds, monthsIn, daysIn, previousPeriod, recentPeriods, shanghaiDay, monthOf, parsePeriod,
} from './scoring/period.js';
export type { Period, PeriodBounds } from './scoring/period.js';
export { roundHalfAway, ROUNDING_EPSILON } from './scoring/round.js';
export {
  METRIC_LABELS, VISITS_PER_MONTH_EXAMPLE, exampleScoreConfig, dongshengSchemeExample, dongshengSheetExample,
} from './scoring/examples.js';
export type { BilingualText, ExampleConfigOptions } from './scoring/examples.js';
export { generateScoringData } from './scoring/synthetic.js';
export type { SyntheticOptions, SyntheticData } from './scoring/synthetic.js';
export { toSql, reportFromRows, scoringRows, scoringTablesDdl, SQL_DIALECTS } from './scoring/sql.js';
export type {
  SqlDialect, ScoringTables, ToSqlOptions, CompiledScoring, ScoringParams, ActivityRow, WorkerRow, PlaceRow, ReportFromRowsOptions,
} from './scoring/sql.js';
export { ScoresQuery, parseScoresQuery, configForRequest, scoringWindow } from './scoring/request.js';
export type { ScoresRequest } from './scoring/request.js';
export {
  computeIndicators, indicatorsFromRows, indicatorsSql, indicatorHazardRow, INDICATOR_LEVELS, INDICATOR_CODE_LENGTHS, RECTIFIED_STATUSES,
  UnitIndicators, IndicatorReport,
} from './scoring/indicators.js';
export type {
  IndicatorLevel, IndicatorHazard, IndicatorPlace, IndicatorHazardRow, IndicatorRequest, IndicatorTables,
  IndicatorsQuery,
} from './scoring/indicators.js';
export { SchemeItem, SCHEME_ITEM_KINDS, sheetMax } from './schema/score-config.js';
export type { SchemeItemKind } from './schema/score-config.js';
