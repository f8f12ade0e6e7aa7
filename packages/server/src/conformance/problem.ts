/**
 * The error body of the REST contract: RFC 9457 problem details with the field paths of DESIGN §5.
 * @module
 */
import * as z from 'zod/mini';
import { checkWith } from '@firegrid/core';
import { CheckFailure, described, expect, preview } from './http.js';
import type { Reply } from './http.js';

/** One problem found in a request: the path of the field (`reporter.contact`, `items[3].id`) and a message. */
export const ProblemIssue = z.object({ path: z.string(), message: z.string() });
export type ProblemIssue = z.infer<typeof ProblemIssue>;

/**
 * An `application/problem+json` body. `type` is a URI reference naming the kind of problem,
 * `title` a short summary, `status` the HTTP status; `errors` lists each invalid field of the
 * request. Other members (`detail`, `instance`, extensions) may be present.
 * @example
 * const p: Problem = { type: 'urn:firegrid:problem:invalid', title: 'Bad request', status: 400,
 *   errors: [{ path: 'reporter.contact', message: 'Expected string' }] };
 */
export const Problem = z.object({
  type: z.string().check(z.minLength(1)),
  title: z.string().check(z.minLength(1)),
  status: z.int().check(z.gte(400), z.lte(599)),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  errors: z.optional(z.array(ProblemIssue)),
});
export type Problem = z.infer<typeof Problem>;

/**
 * Checks that a reply is a problem with one of `statuses`: the status, the
 * `application/problem+json` media type, the required members, and `status` equal to the HTTP
 * status. Returns the parsed problem; throws a {@link CheckFailure} naming what is wrong.
 */
export function expectProblem(reply: Reply, statuses: number | readonly number[], why: string): Problem {
  const allowed = typeof statuses === 'number' ? [statuses] : statuses;
  const expected = allowed.join(' or ');
  expect(allowed.includes(reply.status), () => `${why}: expected ${expected}, got ${described(reply)}: ${preview(reply)}`);
  expect(reply.contentType === 'application/problem+json', () =>
    `${why}: ${described(reply)} has Content-Type "${reply.headers.get('content-type') ?? '(none)'}", expected application/problem+json (RFC 9457)`);
  const parsed = checkWith(Problem, reply.json, { locale: 'en' });
  if (!parsed.ok) throw new CheckFailure(`${why}: the problem body of ${described(reply)} is not RFC 9457 with type, title and status: ${parsed.message}; body: ${preview(reply)}`);
  expect(parsed.value.status === reply.status, () =>
    `${why}: the problem's "status" is ${parsed.value.status} but the HTTP status is ${reply.status}`);
  return parsed.value;
}
