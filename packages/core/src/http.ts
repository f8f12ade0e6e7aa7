// @firegrid/core/http — the data port that speaks the REST contract of DESIGN §5 over `fetch`.
// Runs in browsers and in Node.

export { httpDataPort, queryParams } from './http/port.js';
export type { HttpDataPortOptions, HeadersSource } from './http/port.js';
export { FiregridHttpError, Problem, codeOfStatus, retryAfterMs } from './http/errors.js';
