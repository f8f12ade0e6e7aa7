export { FgProvider } from './provider/provider.js';
export { FgChecklist } from './checklist/checklist.js';
export { FgHazardReport } from './hazard-report/hazard-report.js';
export { FgHazardLedger } from './hazard-ledger/hazard-ledger.js';
export { FgCaptainRegistry } from './captain-registry/captain-registry.js';
export { FgCaptainNotice, NOTICE_PAGE_CSS } from './captain-notice/captain-notice.js';
export { FgGridScore, GRID_SCORE_VIEWS, type ScoreSelectDetail, type GridScoreView } from './grid-score/grid-score.js';
export { clientContext, localeContext } from './context.js';
export { ClientController, type ClientHost } from './client-controller.js';
export { defineElement } from './define-element.js';
export { resolveLocale, normalizeLocale, msg, type Messages } from './i18n.js';
export { userErrorText, errorCase, errorDetail, ERROR_TEXTS, type FgErrorDetail, type Operation, type ErrorCase, type TextCase } from './error-text.js';
export type {
  ChecklistChangeDetail, ChecklistSubmitDetail, ChecklistChangeEvent, ChecklistSubmitEvent, HazardSubmitEvent, HazardCancelEvent, HazardRecordsEvent,
  HazardOpenEvent, HazardTransitionEvent, HazardTransitionedEvent, CaptainSaveDetail, CaptainEndDetail, CaptainImportDetail,
  CaptainSaveEvent, CaptainEndEvent, CaptainImportEvent, ScoreSelectEvent, FgErrorEvent,
} from './events.js';
