/**
 * The rules of a `PUT` that belong to one kind (DESIGN §5), beyond those every port shares: a
 * resident reports only public hazards, as himself, and edits none once reported; a submitted
 * inspection never changes; people record only training and publicity, every other activity is
 * derived by the server.
 * @module
 */
import type { Hazard, ResourceKind } from '@firegrid/core';
import { isResidentOnly } from '../auth.js';
import { HttpError, text } from '../http.js';
import type { StoredRecord } from '../store.js';
import { forbidden, invalid } from './problems.js';
import type { Call } from './types.js';

type Rec = Record<string, unknown>;

/**
 * Activity types people record themselves; the others are derived by the server. An assessor's
 * entry (`assessment.entered`) is written by a grid supervisor or an admin (the role matrix of
 * `activities`), as himself (`by`, core's write rules).
 */
const RECORDED_ACTIVITIES = ['training.held', 'publicity.held', 'assessment.entered'];

/** Kind-specific rules of a `PUT` (DESIGN §5): hazards, inspections, activities. */
export function kindRules(call: Call, kind: ResourceKind, content: Rec, previous: StoredRecord | undefined): void {
  const p = call.principal;
  if (kind === 'hazards') {
    const reporter = content.reporter as Hazard['reporter'];
    if (isResidentOnly(p)) {
      if (content.source !== 'public') {
        throw forbidden(text('群众只能上报来源为 public 的隐患', 'A resident may only report public hazards (source "public")'),
          [{ path: 'source', message: 'must be public' }]);
      }
      if (reporter.kind !== 'resident' || reporter.personId !== p.user) {
        throw forbidden(text(
          '群众上报的隐患，上报人须是本人：reporter.kind 为 resident，reporter.personId 为你的用户 id',
          'A resident\'s report must name himself as reporter: reporter.kind "resident" and reporter.personId his user id',
        ), [{ path: 'reporter.personId', message: 'must be your user id' }]);
      }
      if (previous !== undefined && previous.status !== 'draft') {
        throw forbidden(text('隐患上报后，群众不能再修改', 'A resident may not edit a hazard once it has been reported'),
          [{ path: 'status', message: `is ${String(previous.status)}` }]);
      }
    }
  }
  if (kind === 'inspections' && previous?.state === 'submitted') {
    throw new HttpError(409, 'inspection-submitted', text(
      '已提交的检查记录不能再修改；如需更正，请新建一条以 supersedes 指向它的检查记录',
      'A submitted inspection never changes; to correct it, create a new inspection whose supersedes points to it',
    ), { errors: [{ path: 'state', message: 'already submitted' }], extra: { currentVersion: previous.version } });
  }
  if (kind === 'activities') {
    const type = String(content.type);
    if (!RECORDED_ACTIVITIES.includes(type) || (previous !== undefined && !RECORDED_ACTIVITIES.includes(String(previous.type)))) {
      throw invalid(422, text(
        `只有 training.held、publicity.held 和 assessment.entered 可以直接记录；${type} 等工作记录由服务器根据检查和隐患流转生成`,
        `Only training.held, publicity.held and assessment.entered are recorded directly; ${type} and the other activities are derived by the server from inspections and transitions`,
      ), [{ path: 'type', message: 'derived by the server' }], 'derived-activity');
    }
  }
}

