export { FgCaptainNotice, NOTICE_PAGE_CSS } from './captain-notice.js';
export type { FgErrorEvent } from '../events.js';
