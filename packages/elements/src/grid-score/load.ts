/**
 * Where the element's scores come from: precomputed reports (`.scores`, e.g. from a vendor's
 * `GET /v1/scores`), validated like any value crossing a boundary; or activities, workers and
 * places read through `client.data` and scored here with `computeScores`, for the current period
 * and the ones before it (the trend).
 * @module
 */
import { FiregridError, parseWith } from '@firegrid/core';
import type { Activity, FiregridClient, Locale, Place, Query, ResourceKind, RecordOf, ScoreConfig, Worker } from '@firegrid/core';
import { ScoreReport, computeScores, exampleScoreConfig, monthOf, parsePeriod, recentPeriods } from '@firegrid/core/scoring';
import type { RankLevel, ScoringConfig } from '@firegrid/core/scoring';
import { t } from './messages.js';

/** What the element shows: the reports of recent periods, oldest first, the last being current. */
export interface ScoreData {
  reports: ScoreReport[];
  /** The worker id of the signed-in user, when he is a scored worker. */
  me: string | undefined;
  /** The configuration is the shipped example, not one the county set. */
  example: boolean;
  /** Activities and places by id, to describe evidence; empty for precomputed scores. */
  activities: ReadonlyMap<string, Activity>;
  places: ReadonlyMap<string, Place>;
}

/** What the loader needs from the element. */
export interface LoadOptions {
  config: ScoringConfig | ScoreConfig | undefined;
  configId: string | undefined;
  period: string | undefined;
  rankBy: RankLevel;
  trend: number;
  locale: Locale;
}

/** Pages of 500, at most this many: 100,000 records is past what a browser should score. */
const MAX_PAGES = 200;
const LIMIT = 500;

/** Every record of a kind in scope, page by page. */
async function all<K extends ResourceKind>(client: FiregridClient, kind: K, scope: string | undefined, locale: Locale): Promise<RecordOf<K>[]> {
  const out: RecordOf<K>[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query: Query = { limit: LIMIT, ...(scope === undefined ? {} : { scope }), ...(cursor === undefined ? {} : { cursor }) };
    const result = await client.data.list(kind, query);
    out.push(...result.items);
    cursor = result.nextCursor ?? undefined;
    if (cursor === undefined) return out;
  }
  throw new FiregridError('config', t('tooMany', locale, { kind, max: MAX_PAGES * LIMIT }));
}

/** The configuration to score with: given, by id, the most recently updated one, or the example for this month. */
async function configFor(client: FiregridClient, o: LoadOptions): Promise<{ config: ScoringConfig | ScoreConfig; example: boolean }> {
  if (o.config !== undefined) return { config: o.config, example: false };
  if (o.configId !== undefined && o.configId !== '') {
    const found = await client.data.get('score-configs', o.configId);
    if (found === null) throw new FiregridError('not-found', t('configMissing', o.locale), { issues: [{ path: 'configId', message: o.configId }] });
    return { config: found, example: false };
  }
  const page = await client.data.list('score-configs', { limit: 1, sort: 'updatedAt' });
  const latest = page.items[0];
  if (latest !== undefined) return { config: latest, example: false };
  return { config: exampleScoreConfig({ period: monthOf(client.now()) }), example: true };
}

/** Scores computed in the browser from what `client.data` lists. */
export async function loadScores(client: FiregridClient, o: LoadOptions): Promise<ScoreData> {
  const session = await client.session();
  const { config, example } = await configFor(client, o);
  const period = o.period === undefined || o.period === '' ? config.period : parsePeriod(o.period, o.locale);
  const scope = config.scope === '*' ? undefined : config.scope;
  const [workers, places, activities] = await Promise.all([
    all(client, 'workers', scope, o.locale),
    all(client, 'places', scope, o.locale),
    all(client, 'activities', scope, o.locale),
  ]);
  const now = client.now();
  const reports = recentPeriods(period, Math.max(1, o.trend)).map((p) =>
    computeScores(activities, { ...config, period: p }, { workers, places, now, rankBy: o.rankBy, locale: o.locale }));
  const me = workerOf(workers, session.user.id);
  return {
    reports,
    me,
    example,
    activities: new Map(activities.map((a) => [a.id, a])),
    places: new Map(places.map((p) => [p.id, p])),
  };
}

function workerOf(workers: readonly Worker[], userId: string): string | undefined {
  return (workers.find((w) => w.userId === userId) ?? workers.find((w) => w.id === userId))?.id;
}

/** Precomputed reports, checked: one report or several (oldest first, the last is current). */
export function precomputed(scores: ScoreReport | readonly ScoreReport[], me: string | undefined, locale: Locale): ScoreData {
  const list = Array.isArray(scores) ? scores : [scores];
  const reports = list.map((r, i) => parseWith(ScoreReport, r, { locale, what: `scores${Array.isArray(scores) ? `[${i}]` : ''}`, code: 'validation' }));
  return { reports, me, example: false, activities: new Map(), places: new Map() };
}
