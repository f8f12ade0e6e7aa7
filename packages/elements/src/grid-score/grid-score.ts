import { LitElement, adoptStyles, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { FiregridClient, Locale, MetricKey, ScoreConfig } from '@firegrid/core';
import type { RankLevel, ScoreReport, ScoringConfig } from '@firegrid/core/scoring';
import { ClientController } from '../client-controller.js';
import type { Messages } from '../i18n.js';
import { baseStyles, message } from '../styles.js';
import { gridScoreStyles } from './grid-score.styles.js';
// The engine, zod, the loader, the views and their texts come in lazy chunks, loaded with the
// scores: the element's first paint (its loading state) needs none of them.
import type { ScoreData } from './load.js';
import type * as View from './view.js';
import type { ScoreActions, SortColumn, SortDirection } from './view.js';
import { errorText } from '../errors.js';

type ViewModule = typeof View;

/** The texts shown before the views have loaded. */
const SHELL = {
  loading: { 'zh-CN': '正在计算得分…', en: 'Computing the scores…' },
  noClient: {
    'zh-CN': '没有找到 Firegrid 客户端：请把元素放在 <fg-provider> 内、设置它的 client 属性，或用 scores 属性提供得分。',
    en: 'No Firegrid client: put the element inside <fg-provider>, set its client property, or give it scores.',
  },
} as const satisfies Messages<string>;

/** Detail of `fg-score-select`: the worker a user chose in the ranking. */
export interface ScoreSelectDetail {
  workerId: string;
}

/** What `<fg-grid-score>` shows: one worker's score, or the ranking of his scope. */
export const GRID_SCORE_VIEWS = ['worker', 'scope'] as const;
/** One of {@link GRID_SCORE_VIEWS}. */
export type GridScoreView = (typeof GRID_SCORE_VIEWS)[number];

/**
 * A grid worker's fire-safety duty score (网格员消防履职考评): his total out of 100, the breakdown
 * per metric with the explanation of every point ("巡查覆盖 18/20 处场所 (90%) × 30 = 27 分") and
 * the activities behind it, his rank in his grid, community or street, and a small chart of his
 * totals over recent periods. The `scope` view ranks the workers of his scope in a sortable table
 * with his own row highlighted.
 *
 * Data: by default the element reads activities, workers and places through `client.data` and
 * scores them in the browser with `computeScores` of `@firegrid/core/scoring` (the configuration:
 * `config`, else `config-id`, else the most recently updated score configuration, else the shipped
 * example for the current month, marked as an example). For a county too large for that, compute
 * on the server (`GET /v1/scores`, the same engine) and set `scores` to the report — or to several,
 * oldest first, for the trend.
 *
 * Locale, first match wins: the element's `locale` (property or attribute); the nearest
 * `<fg-provider>`'s `locale`; the session's `locale`; zh-CN. `lang` attributes are not read.
 *
 * Theming: the design tokens (docs/elements.md#design-tokens) and the custom properties below.
 *
 * @summary A grid worker's explained score, rank and trend; or the ranking of his scope.
 * @tag fg-grid-score
 * @fires {CustomEvent<FgErrorDetail>} fg-error - Something failed. The person is told what happened and what to do in his language; `detail` has the technical message (HTTP method, path, ids), the code and status, for the host's logs.
 *
 * @fires fg-score-select - A user chose a worker in the ranking; `detail: { workerId }`. The element then shows that worker's breakdown.
 *
 * @csspart base - The whole view.
 * @csspart header - Title, period and the button that switches views.
 * @csspart view-toggle - The button that switches between the breakdown and the ranking.
 * @csspart summary - The total and the rank.
 * @csspart trend - The trend chart and its caption.
 * @csspart breakdown - The breakdown: a compact table, one row per metric (stacked rows below 600 px).
 * @csspart metric - The row of one metric in the breakdown.
 * @csspart details-toggle - The button that opens a metric's evidence.
 * @csspart evidence - A metric's evidence: the activities and places behind it.
 * @csspart ranking - The ranking table; below 600 px of the element's own width (a container query) stacked rows with rank and total first.
 * @csspart rank - A worker's rank in the ranking.
 * @csspart total - A worker's total in the ranking.
 * @csspart error - An error message.
 *
 * @cssprop [--fg-score-accent=var(--fg-color-primary)] - Accent colour of totals, bars and the trend.
 * @cssprop [--fg-score-me=#fff3cd] - Background of the worker's own row in the ranking.
 */
export class FgGridScore extends LitElement {
  static override styles = [baseStyles, gridScoreStyles];

  /** The Firegrid client; the nearest `<fg-provider>`'s when unset. */
  @property({ attribute: false }) client: FiregridClient | undefined;
  /** The locale to speak (`zh-CN` or `en`); wins over the provider's and the session's. */
  @property() locale: Locale | undefined;
  /** Precomputed scores (a `ScoreReport`, or several oldest first for the trend), e.g. from `GET /v1/scores`; when set nothing is loaded. */
  @property({ attribute: false }) scores: ScoreReport | readonly ScoreReport[] | undefined;
  /** The score configuration to compute with; else `config-id`, else the latest stored, else the example. */
  @property({ attribute: false }) config: ScoringConfig | ScoreConfig | undefined;
  /** Id of a stored score configuration to compute with. */
  @property({ attribute: 'config-id' }) configId: string | undefined;
  /** The period, overriding the configuration's: `2025-03`, `2025-Q1`, `2025`, `2025-01-01..2025-03-31`. */
  @property() period: string | undefined;
  /** The worker whose score to show; the signed-in user's worker when unset. */
  @property({ attribute: 'worker-id' }) workerId: string | undefined;
  /** The level ranks are computed within: `grid`, `community`, `street` or `scope`. */
  @property({ attribute: 'rank-by' }) rankBy: RankLevel = 'grid';
  /** `worker` (one worker's score) or `scope` (the ranking). */
  @property({ reflect: true }) view: GridScoreView = 'worker';
  /** How many periods the trend shows, the current one included. */
  @property({ type: Number }) trend = 6;
  /** Elder-friendly mode: 20 px text, 56 px targets. */
  @property({ type: Boolean, reflect: true }) elder = false;

  @state() private picked: string | undefined;
  @state() private expanded: ReadonlySet<MetricKey> = new Set();
  @state() private sort: { column: SortColumn; direction: SortDirection } = { column: 'rank', direction: 'ascending' };

  private readonly fg = new ClientController(this);

  private readonly load = new Task(this, {
    task: async ([client, scores, config, configId, period, rankBy, trend]): Promise<{ data: ScoreData; view: ViewModule }> => {
      if (scores === undefined && client === undefined) throw Object.assign(new Error(SHELL.noClient[this.fg.locale]), { code: 'config' });
      const [{ loadScores, precomputed }, view] = await Promise.all([import('./load.js'), import('./view.js')]);
      this.useView(view);
      if (scores !== undefined) {
        const session = client === undefined ? undefined : await client.session().catch(() => undefined);
        return { data: precomputed(scores, session?.user.id, this.fg.locale), view };
      }
      if (client === undefined) throw Object.assign(new Error(SHELL.noClient[this.fg.locale]), { code: 'config' });
      return { data: await loadScores(client, { config, configId, period, rankBy, trend, locale: this.fg.locale }), view };
    },
    args: () => [this.fg.client, this.scores, this.config, this.configId, this.period, this.rankBy, this.trend] as const,
  });

  private viewStyled = false;

  /** Adds the views' styles (loaded with them) to the element's, once. */
  private useView(view: ViewModule): void {
    if (this.viewStyled) return;
    this.viewStyled = true;
    adoptStyles(this.renderRoot as ShadowRoot, [...FgGridScore.elementStyles, view.viewStyles]);
  }

  /** Resolves once the scores have loaded (or failed) and rendered. */
  get ready(): Promise<void> {
    return (async () => {
      await this.updateComplete;
      await this.load.taskComplete.catch(() => undefined);
      await this.updateComplete;
    })();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // A worker set by the host replaces one the user picked.
    if (changed.has('workerId')) this.picked = undefined;
  }

  override render(): TemplateResult {
    const locale = this.fg.locale;
    if (this.fg.client === undefined && this.scores === undefined) return this.alert(SHELL.noClient[locale]);
    const failure: unknown = this.fg.error;
    if (failure !== undefined && this.scores === undefined) return this.alert(errorText(this, failure, this.fg.locale));
    return this.load.render({
      initial: () => message('info', SHELL.loading[locale]),
      pending: () => message('info', SHELL.loading[locale]),
      error: (e) => this.alert(errorText(this, e, this.fg.locale)),
      complete: ({ data, view }) => this.renderData(data, view),
    });
  }

  private alert(text: string): TemplateResult {
    return message('error', text, { part: 'error' });
  }

  private renderData(data: ScoreData, view: ViewModule): TemplateResult {
    return view.renderScores(data, {
      locale: this.fg.locale,
      workerId: this.picked ?? this.workerId,
      own: this.workerId,
      view: this.view,
      expanded: this.expanded,
      sort: this.sort,
    }, this.actions);
  }

  /** What the view does on a user's action: the element's state changes, and it renders again. */
  private readonly actions: ScoreActions = {
    switchView: () => {
      if (this.view === 'scope') this.picked = undefined;
      this.view = this.view === 'worker' ? 'scope' : 'worker';
    },
    toggle: (key) => {
      const next = new Set(this.expanded);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      this.expanded = next;
    },
    sortBy: (column) => {
      const same = this.sort.column === column;
      // Names and grids read A→Z first; scores read highest first, the rank from 1.
      const first: SortDirection = column === 'name' || column === 'grid' || column === 'rank' ? 'ascending' : 'descending';
      this.sort = { column, direction: same ? (this.sort.direction === 'ascending' ? 'descending' : 'ascending') : first };
    },
    select: (workerId) => {
      this.picked = workerId;
      this.view = 'worker';
      this.expanded = new Set();
      this.dispatchEvent(new CustomEvent<ScoreSelectDetail>('fg-score-select', { detail: { workerId }, bubbles: true, composed: true }));
    },
  };
}
