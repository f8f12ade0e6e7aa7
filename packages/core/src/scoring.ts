// @firegrid/core/scoring — grid-worker assessment (DESIGN §7): the engine, its SQL form, the
// configuration checks, example configurations and synthetic data. A curated list of exports.

export { computeScores, rankWorkers, figuresOf, DEFAULT_CODE_LENGTHS } from './scoring/engine.js';
export type { ScoringActivity, ScoringWorker, ScoringPlace, ScoringContext, CodeLengths, RawFigure } from './scoring/engine.js';
export {
  ScoringConfig, METRIC_PARAMS, METRIC_PARAM_DEFAULTS, WHEN_NONE, ATTRIBUTIONS, RELATIVE_TO, resolveScoreConfig, targetFor,
} from './scoring/config.js';
export type {
  MetricParams, ResolvedMetric, ResolvedScoreConfig, WhenNone, Attribution, RelativeTo, ScoreConfigBody,
} from './scoring/config.js';
export { MetricScore, WorkerScore, ScoreReport, Rank, RANK_LEVELS, BothLocales } from './scoring/result.js';
export type { RankLevel } from './scoring/result.js';
export { explainMetric } from './scoring/explain.js';
export type { MetricFigures } from './scoring/explain.js';
export {
  periodBounds, monthsIn, daysIn, previousPeriod, recentPeriods, shanghaiDay, monthOf, parsePeriod,
} from './scoring/period.js';
export type { Period, PeriodBounds } from './scoring/period.js';
export { roundHalfAway, ROUNDING_EPSILON } from './scoring/round.js';
export {
  METRIC_LABELS, VISITS_PER_MONTH_EXAMPLE, exampleScoreConfig, dongshengSchemeExample,
} from './scoring/examples.js';
export type { BilingualText, ExampleConfigOptions } from './scoring/examples.js';
export { generateScoringData } from './scoring/synthetic.js';
export type { SyntheticOptions, SyntheticData } from './scoring/synthetic.js';
export { toSql, reportFromRows, scoringRows, scoringTablesDdl, SQL_DIALECTS } from './scoring/sql.js';
export type {
  SqlDialect, ScoringTables, ToSqlOptions, CompiledScoring, ScoringParams, ActivityRow, WorkerRow, PlaceRow, ReportFromRowsOptions,
} from './scoring/sql.js';
