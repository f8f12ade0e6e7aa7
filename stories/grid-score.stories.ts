import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createFiregridClient, defineHost, memoryDataPort } from '@firegrid/core';
import type { FiregridClient, FiregridHost, HostSession, ScoreConfig, Worker } from '@firegrid/core';
import { computeScores, exampleScoreConfig, generateScoringData, parsePeriod, recentPeriods } from '@firegrid/core/scoring';
import type { ScoreReport, SyntheticData } from '@firegrid/core/scoring';
import '@firegrid/elements/grid-score/define';

/** The clock of every story: early April 2025, just after the March period closed. */
export const scoreNow = new Date('2025-04-03T10:00:00+08:00');
/** The period scored: March 2025. */
export const scorePeriod = parsePeriod('2025-03');

const stamp = '2025-01-01T00:00:00+08:00';

/** A stored score configuration for March 2025 over 太原市小店区 (140105): what a county would set. */
export const scoreConfig: ScoreConfig = {
  ...exampleScoreConfig({ period: scorePeriod, scope: '140105' }),
  id: '0195f000-0000-7000-8000-00000000c0f1',
  version: 1, createdAt: stamp, updatedAt: stamp, tenantId: 'demo',
  name: '小店区网格员消防履职考评（2025 年 3 月）',
};

/** Twelve workers of one community with six months of activities (October 2024 to March 2025), from a fixed seed. */
export function scoreWorld(): SyntheticData {
  return generateScoringData({
    seed: 2025, workers: 12, activities: 2400, placesPerGrid: 6, period: parsePeriod('2024-10-01..2025-03-31'), tenantId: 'demo',
  });
}

/** The signed-in user of the stories: the third worker of the world. */
export function scoreMe(world: SyntheticData): Worker {
  const me = world.workers.filter((w) => w.active)[2];
  if (me === undefined) throw new Error('grid-score stories: the world has too few active workers');
  return me;
}

/** Options of {@link scoreClient}. */
export interface ScoreClientOptions {
  /** Store the county's configuration (default) or none, so the element falls back to the example. */
  withConfig?: boolean;
  locale?: 'zh-CN' | 'en';
  /** The clock; {@link scoreNow} by default. */
  now?: Date;
  /** Wraps the host before the client is made (the malformed-host gate). */
  wrapHost?: (host: FiregridHost) => FiregridHost;
}

/** A client over a memory host holding the world (and the configuration), signed in as {@link scoreMe}. */
export function scoreClient(world: SyntheticData = scoreWorld(), options: ScoreClientOptions = {}): FiregridClient {
  const me = scoreMe(world);
  const now = options.now ?? scoreNow;
  const session: HostSession = {
    tenantId: 'demo', user: { id: me.id, name: me.name, roles: ['grid-worker'] }, scope: ['140105'], locale: options.locale ?? 'zh-CN',
  };
  const host = defineHost({
    session: () => Promise.resolve(session),
    data: memoryDataPort(
      {
        workers: world.workers, places: world.places, activities: world.activities,
        ...(options.withConfig === false ? {} : { 'score-configs': [scoreConfig] }),
      },
      { tenantId: 'demo', now: () => now },
    ),
  });
  return createFiregridClient({ host: options.wrapHost?.(host) ?? host, now: () => now });
}

/** Reports as a vendor's `GET /v1/scores` would send them: the last six months, oldest first. */
export function scoreReports(world: SyntheticData = scoreWorld()): ScoreReport[] {
  return recentPeriods(scorePeriod, 6).map((period) =>
    computeScores(world.activities, { ...scoreConfig, period }, { workers: world.workers, places: world.places, now: scoreNow, rankBy: 'community' }));
}

const meta: Meta = {
  title: 'Elements/fg-grid-score',
  component: 'fg-grid-score',
  excludeStories: /^[a-z]/,
  parameters: {
    docs: {
      description: {
        component:
          "A grid worker's fire-safety duty score: the total out of 100, each metric's points with the explanation of every point and the activities behind it, his rank and a trend. The `scope` view ranks his scope. Here over a memory host, scored in the browser with `computeScores`; set `.scores` to use a server's `GET /v1/scores` instead.",
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** The signed-in worker's score for March 2025, with the breakdown and six months of trend. */
export const WorkerScore: Story = {
  render: () => html`<fg-grid-score .client=${scoreClient()}></fg-grid-score>`,
};

/** The same in English (the session's locale). */
export const English: Story = {
  render: () => html`<fg-grid-score .client=${scoreClient(scoreWorld(), { locale: 'en' })}></fg-grid-score>`,
};

/** The ranking of the community, sortable, with the worker's own row highlighted. */
export const CommunityRanking: Story = {
  render: () => html`<fg-grid-score view="scope" rank-by="community" .client=${scoreClient()}></fg-grid-score>`,
};

/** No configuration stored: the element scores with the shipped example for the current month, and says so. */
export const ExampleConfiguration: Story = {
  render: () => html`<fg-grid-score .client=${scoreClient(scoreWorld(), { withConfig: false, now: new Date('2025-03-28T10:00:00+08:00') })}></fg-grid-score>`,
};

/** Precomputed reports (as from `GET /v1/scores`), no client: nothing is loaded. */
export const Precomputed: Story = {
  render: () => {
    const world = scoreWorld();
    return html`<fg-grid-score rank-by="community" worker-id=${scoreMe(world).id} .scores=${scoreReports(world)}></fg-grid-score>`;
  },
};

/** Elder-friendly mode: 20 px text and 56 px targets. */
export const Elder: Story = {
  render: () => html`<fg-grid-score elder .client=${scoreClient()}></fg-grid-score>`,
};

/** Without a client or scores the element says what is missing. */
export const NoClient: Story = {
  render: () => html`<fg-grid-score></fg-grid-score>`,
};
