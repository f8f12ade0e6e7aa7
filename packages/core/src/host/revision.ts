/**
 * The `revision` option of `DataPort.get` (DESIGN §5 `GET /v1/templates/{id}?revision=N`), checked
 * the same way by every port. A module of its own so that `httpDataPort` takes nothing else along.
 * @module
 */
import { FiregridError } from '../errors.js';
import type { ResourceKind } from '../names.js';

/**
 * The revision `get` was asked for (DESIGN §5 `?revision=N`), or undefined for the latest. Throws
 * FiregridError `rejected` (the server's 400) for a revision of a kind other than templates or one
 * that is not a positive integer.
 */
export function revisionAsked(kind: ResourceKind, options: { revision?: number } | undefined): number | undefined {
  const revision = options?.revision;
  if (revision === undefined) return undefined;
  if (kind !== 'templates') {
    throw new FiregridError('rejected', `Only templates have revisions; "${kind}" records were asked for revision ${String(revision)} (400).`, {
      issues: [{ path: 'revision', message: 'templates only' }],
    });
  }
  if (!Number.isInteger(revision) || revision < 1) {
    throw new FiregridError('rejected', `A template revision is a positive integer; got ${String(revision)} (400).`, {
      issues: [{ path: 'revision', message: 'a positive integer' }],
    });
  }
  return revision;
}
