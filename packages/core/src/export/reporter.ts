/**
 * Who may see a confidential reporter (DESIGN §5). The rules live in `rules/confidential.ts`,
 * shared by the server, the ports and the elements; this module keeps the names the export
 * functions and earlier imports use.
 * @module
 */
export { CONFIDENTIAL_READERS, canSeeReporter, canSeeReward, redactReporter } from '../rules/confidential.js';
export type { Viewer } from '../rules/confidential.js';
