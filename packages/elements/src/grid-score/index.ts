export { FgGridScore, GRID_SCORE_VIEWS } from './grid-score.js';
export type { ScoreSelectDetail, GridScoreView } from './grid-score.js';
export type { ScoreSelectEvent, FgErrorEvent } from '../events.js';
