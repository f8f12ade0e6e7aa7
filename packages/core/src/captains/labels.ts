/**
 * zh-CN and English names of what the captain rules compute, for display and export. A module
 * of its own so that showing them does not bring the spreadsheet rules along.
 * @module
 */
import type { Locale } from '../names.js';
import type { CommitmentMethod } from '../schema/captain.js';
import type { CaptainStatus } from './coverage.js';

type Text = Readonly<Record<Locale, string>>;

/** zh-CN and English names of the building statuses. */
export const CAPTAIN_STATUS_LABELS = {
  vacant: { 'zh-CN': '未配备楼长', en: 'No captain' },
  unposted: { 'zh-CN': '未公示', en: 'Notice not posted' },
  covered: { 'zh-CN': '已落实', en: 'Covered' },
} as const satisfies Record<CaptainStatus, Text>;

/** zh-CN and English names of the ways a commitment is signed. */
export const COMMITMENT_LABELS = {
  paper: { 'zh-CN': '纸质', en: 'Paper' },
  electronic: { 'zh-CN': '电子', en: 'Electronic' },
} as const satisfies Record<CommitmentMethod, Text>;
