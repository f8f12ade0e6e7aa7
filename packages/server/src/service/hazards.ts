/**
 * `POST /v1/hazards/{id}/transitions` (the `hazards.transition` command): a hazard moves only
 * through core's lifecycle, which decides who may run which action when, and gives the refusal's
 * problem (core's `rules/transitions`) the ports give too.
 * @module
 */
import { TransitionInput, canonicalId, strictDeep, transitionRefusal } from '@firegrid/core';
import type { Hazard, Lifecycle } from '@firegrid/core';
import { ActivityWriter } from '../activities.js';
import { PERMISSIONS } from '../auth.js';
import { HttpError, text } from '../http.js';
import type { Store, StoredRecord } from '../store.js';
import { assertVisible, requireRole, tailor } from './access.js';
import { checkPhotos } from './media.js';
import { checkInput, invalid, notFound } from './problems.js';
import { checkVersion, stamp } from './records.js';
import type { Call } from './types.js';

const TransitionBody = strictDeep(TransitionInput);

/** `POST /v1/hazards/{id}/transitions` (the `hazards.transition` command), through the core lifecycle. */
export function transition(store: Store, lifecycle: Lifecycle, call: Call, rawId: string, body: unknown, ifMatch?: number): StoredRecord {
  const p = call.principal;
  const id = canonicalId(rawId);
  requireRole(call, PERMISSIONS.hazards.write, text('流转隐患', 'run hazard transitions'));
  const parsed = checkInput(TransitionBody, body, call.locale);
  if (!parsed.ok) {
    throw invalid(400, text(`流转内容无效：${parsed.message}`, `The transition is invalid: ${parsed.message}`), parsed.issues);
  }
  const input = parsed.value;
  const hazard = store.get(p.tenant, 'hazards', id) as (StoredRecord & Hazard) | undefined;
  if (hazard === undefined) throw notFound('hazards', id);
  assertVisible(store, call, 'hazards', hazard);
  checkVersion(store, call, 'hazards', id, hazard, ifMatch);
  // The token's `name` claim is stored with the entry (`byName`): lists show names, not ids.
  const actor = { id: p.user, roles: p.roles, ...(p.name === undefined ? {} : { name: p.name }) };
  const verdict = lifecycle.check(hazard, input, actor, call.now, call.locale);
  if (!verdict.ok) {
    // The same problem the ports' hazards.transition gives (core's rules/transitions).
    const r = transitionRefusal(verdict);
    throw new HttpError(r.status, r.code, text(r.message['zh-CN'], r.message.en), {
      errors: r.issues,
      extra: {
        code: verdict.code, action: input.action, hazardStatus: hazard.status, severity: hazard.severity,
        allowedActions: lifecycle.allowedActions(hazard, actor, call.now), currentVersion: hazard.version,
      },
    });
  }
  checkPhotos(store, call, [
    ...(input.before ?? []).map((e, i) => ({ path: `before[${i}]`, id: e })),
    ...(input.evidence ?? []).map((e, i) => ({ path: `evidence[${i}]`, id: e })),
  ]);
  const { hazard: next, entry } = lifecycle.apply(hazard, input, actor, call.now, call.locale);
  const record = stamp(call, 'hazards', next, hazard);
  store.write(p.tenant, 'hazards', record);
  new ActivityWriter(store, p.tenant, call.now)
    .afterTransition(hazard, record as unknown as Hazard, entry, lifecycle.reviewDueDays);
  return tailor(store, call, 'hazards', record);
}

