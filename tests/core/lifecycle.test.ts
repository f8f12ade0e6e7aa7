import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FiregridError } from '../../packages/core/src/errors.js';
import {
  DEFAULT_TRANSITIONS, createLifecycle, deadlineEnd, isDueSoon, isOpen, isOverdue, isSupervised, reviewDueAt, reviewPassed, supervisionState,
  transitionSources, urgencyKey,
} from '../../packages/core/src/hazard/lifecycle.js';
import type { LifecycleHazard, TransitionCheck, TransitionResult } from '../../packages/core/src/hazard/lifecycle.js';
import { TransitionInput } from '../../packages/core/src/hazard/transition-input.js';
import { MAJOR_RULE_SETS } from '../../packages/core/src/hazard/major-rules.js';
import { HAZARD_ACTIONS, HAZARD_STATUSES, ROLES, SEVERITIES } from '../../packages/core/src/names.js';
import type { HazardAction, HazardStatus, Role, Severity } from '../../packages/core/src/names.js';
import { Hazard, HazardHistoryEntry } from '../../packages/core/src/schema/hazard.js';

// DESIGN §9, transcribed by hand so that the implementation's table is checked against the
// contract, not against itself.
const OPEN: HazardStatus[] = ['draft', 'reported', 'verified', 'assigned', 'rectifying', 'awaiting-review'];
interface SpecRow {
  from: HazardStatus[];
  to: HazardStatus | 'same';
  severity?: [Severity, Severity];
  roles: Role[];
  /** The roles on a `major` hazard, when they differ (DEFAULT_ROLES_WHEN). */
  majorRoles?: Role[];
  /** A complete input for the action (besides `action`). */
  input: Omit<TransitionInput, 'action'>;
  /** What `check` names as missing when only `{ action }` is sent. */
  missing: string[];
  /** Only on a `general` hazard (not a major candidate, not major), severity unchanged. */
  generalOnly?: true;
  /** Only on a resident's tip-off (`source: 'public'`); the exhaustive test's hazards are tip-offs for it. */
  publicOnly?: true;
}
const SPEC: Record<HazardAction, SpecRow> = {
  submit: { from: ['draft'], to: 'reported', roles: ['grid-worker', 'captain', 'unit-manager', 'resident', 'fire-officer'], input: {}, missing: [] },
  'fix-on-spot': {
    from: ['draft', 'reported'], to: 'closed', roles: ['grid-worker', 'grid-supervisor', 'fire-officer'], generalOnly: true,
    input: { note: '当场清理楼道杂物', before: ['photo-b'], evidence: ['photo-a'] }, missing: ['note', 'before', 'evidence'],
  },
  verify: { from: ['reported'], to: 'verified', roles: ['grid-supervisor', 'fire-officer'], input: {}, missing: [] },
  reject: { from: ['reported'], to: 'rejected', roles: ['grid-supervisor', 'fire-officer'], input: { reason: '重复上报' }, missing: ['reason'] },
  assign: {
    from: ['verified'], to: 'assigned', roles: ['grid-supervisor', 'fire-officer'],
    input: { responsible: { unit: '幸福里物业', person: '王五', phone: '13800001234' }, deadline: '2025-07-15', measures: '清理楼道杂物' },
    missing: ['responsible.unit', 'responsible.person', 'deadline', 'measures'],
  },
  start: { from: ['assigned'], to: 'rectifying', roles: ['unit-manager', 'grid-worker', 'grid-supervisor'], input: {}, missing: [] },
  'report-rectified': {
    from: ['rectifying'], to: 'awaiting-review', roles: ['unit-manager', 'grid-worker'],
    input: { evidence: ['photo-1', 'photo-2'], note: '杂物已清理' }, missing: ['note', 'evidence'],
  },
  'review-pass': {
    from: ['awaiting-review'], to: 'closed', roles: ['grid-worker', 'grid-supervisor', 'fire-officer'], majorRoles: ['fire-officer'],
    input: { note: '复查合格' }, missing: ['note'],
  },
  'review-fail': {
    from: ['awaiting-review'], to: 'rectifying', roles: ['grid-worker', 'grid-supervisor', 'fire-officer'], majorRoles: ['fire-officer'],
    input: { note: '仍有堆放' }, missing: ['note'],
  },
  // Also needs a hazard closed by fix-on-spot within 7 days: the exhaustive test's plain hazards are not.
  reopen: {
    from: ['closed'], to: 'rectifying', roles: ['grid-supervisor', 'fire-officer'],
    input: { note: '复核发现杂物又堆回', responsible: { unit: '幸福里物业', person: '王五' }, deadline: '2025-07-15', measures: '清理并设专人巡查' },
    missing: ['note', 'responsible.unit', 'responsible.person', 'deadline', 'measures'],
  },
  'extend-deadline': {
    from: ['assigned', 'rectifying'], to: 'same', roles: ['grid-supervisor', 'fire-officer'],
    input: { deadline: '2025-08-31', reason: '防火门到货延迟' }, missing: ['reason', 'deadline'],
  },
  'flag-major': {
    from: OPEN, to: 'same', severity: ['general', 'major-candidate'], roles: ['grid-worker', 'grid-supervisor', 'fire-officer'],
    input: { note: '人员密集场所疏散通道堵塞' }, missing: ['note'],
  },
  'confirm-major': {
    from: OPEN, to: 'same', severity: ['major-candidate', 'major'], roles: ['fire-officer'],
    input: { note: '经三人集体讨论，依 GB 35181 判定为重大火灾隐患' }, missing: ['note'],
  },
  'dismiss-major': { from: OPEN, to: 'same', severity: ['major-candidate', 'general'], roles: ['fire-officer'], input: { note: '可当场改正' }, missing: ['note'] },
  supervise: {
    from: OPEN, to: 'same', roles: ['fire-officer', 'government'],
    input: { supervision: { level: 'county', deadline: '2025-09-30', authority: '某县人民政府安委办' } },
    missing: ['supervision.level', 'supervision.deadline', 'supervision.authority'],
  },
  // Also needs a supervised hazard with a passed review: the exhaustive test's plain hazards have neither.
  lift: { from: ['awaiting-review'], to: 'closed', roles: ['government'], input: { note: '复查合格，同意摘牌销案' }, missing: ['note'] },
  // Issue 19: the assignee's actions (the assignee by responsible.personId is tested in lifecycle-tasks.test.ts).
  accept: { from: ['assigned'], to: 'same', roles: ['unit-manager'], input: {}, missing: [] },
  return: { from: ['assigned'], to: 'verified', roles: ['unit-manager'], input: { reason: '非本单位责任区域' }, missing: ['reason'] },
  'request-extension': {
    from: ['assigned', 'rectifying'], to: 'same', roles: ['unit-manager'],
    input: { deadline: '2025-08-31', reason: '防火门到货延迟' }, missing: ['reason', 'deadline'],
  },
  // Also need a pending extension request: the exhaustive test's plain hazards have none.
  'approve-extension': { from: ['assigned', 'rectifying'], to: 'same', roles: ['grid-supervisor', 'fire-officer'], input: { note: '同意' }, missing: ['note'] },
  'refuse-extension': { from: ['assigned', 'rectifying'], to: 'same', roles: ['grid-supervisor', 'fire-officer'], input: { note: '理由不充分' }, missing: ['note'] },
  transfer: {
    from: ['verified', 'assigned'], to: 'assigned', roles: ['grid-supervisor'],
    input: { department: 'urban-management', reason: '占用消防车通道，需执法', deadline: '2025-07-30' }, missing: ['reason', 'deadline', 'department'],
  },
  // Also needs a transfer: the exhaustive test's plain hazards have none.
  'answer-transfer': { from: OPEN, to: 'same', roles: ['grid-supervisor'], input: { note: '城管已拖移车辆' }, missing: ['note'] },
  escalate: { from: OPEN, to: 'same', roles: ['grid-worker', 'grid-supervisor'], input: { reason: '物业拒不整改' }, missing: ['reason'] },
  'answer-resident': {
    from: ['reported', 'verified', 'rejected', 'assigned', 'rectifying', 'awaiting-review', 'closed'], to: 'same', roles: ['grid-supervisor'],
    publicOnly: true, input: { note: '经核实，消防车通道已清理，感谢您的举报' }, missing: ['note'],
  },
  'record-reward': {
    from: ['verified', 'assigned', 'rectifying', 'awaiting-review', 'closed'], to: 'same', roles: ['grid-supervisor'],
    publicOnly: true, input: { reward: { due: true, amount: 200, paidAt: '2025-07-01' } }, missing: ['reward.due'],
  },
};
/** Actions the exhaustive test's plain hazards never allow: each needs a state they lack. */
const NEEDS_STATE: readonly HazardAction[] = ['lift', 'reopen', 'approve-extension', 'refuse-extension', 'answer-transfer'];

interface TestHazard extends LifecycleHazard {
  id: string;
  title: string;
  history: readonly HazardHistoryEntry[];
}

const NOW = new Date('2025-06-20T10:00:00+08:00');

function hazard(status: HazardStatus, severity: Severity = 'general', extra: Partial<TestHazard> = {}): TestHazard {
  return { id: 'h-1', title: '楼道堆放杂物', status, severity, deadline: '2025-07-01', history: [], ...extra };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function caught(fn: () => unknown): FiregridError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FiregridError) return e;
    throw e;
  }
  throw new Error('expected a FiregridError, nothing was thrown');
}

function refusal(result: TransitionCheck): Extract<TransitionCheck, { ok: false }> {
  if (result.ok) throw new Error('expected a refusal, got ok');
  return result;
}

/** A hazard under 挂牌督办 whose review a fire officer has passed: it waits for the lift. */
const passedAndListed = (severity: Severity = 'major'): TestHazard => hazard('awaiting-review', severity, {
  supervision: { level: 'county', authority: '某县人民政府安委办', deadline: '2025-09-30', listedAt: '2025-06-01T00:00:00.000Z', listedBy: 'gov-1' },
  history: [
    { at: '2025-06-18T01:00:00.000Z', by: 'mgr-1', action: 'report-rectified', from: 'rectifying', to: 'awaiting-review', evidence: ['p1'] },
    { at: '2025-06-19T01:00:00.000Z', by: 'fo-1', action: 'review-pass', from: 'awaiting-review', to: 'awaiting-review', note: '复查合格' },
  ],
});
/** A hazard a worker closed by `fix-on-spot` at `at`. */
const fixedOnSpot = (at: string, extra: Partial<TestHazard> = {}): TestHazard => hazard('closed', 'general', {
  history: [
    { at, by: 'w-1', action: 'fix-on-spot', from: 'reported', to: 'closed', note: '当场清理', before: ['p-b'], evidence: ['p-a'] },
  ],
  ...extra,
});
/** A pending extension request (申请延期) and a transfer (转办), the states the supervisor's answers need. */
const PENDING = { deadline: '2025-08-31', reason: '防火门到货延迟', requestedBy: 'mgr-1', requestedAt: '2025-06-19T01:00:00.000Z' } as const;
const TRANSFERRED = { department: 'urban-management', reason: '占用消防车通道', at: '2025-06-19T01:00:00.000Z', by: 'sup-1' } as const;
const input = (action: HazardAction, extra: Omit<TransitionInput, 'action'> = {}): TransitionInput => ({ action, ...SPEC[action].input, ...extra });
const actor = (...roles: Role[]): { id: string; roles: Role[] } => ({ id: 'u-7', roles });

describe('hazard lifecycle: the table of DESIGN §9', () => {
  const lifecycle = createLifecycle({ locale: 'en' });

  it('DEFAULT_TRANSITIONS matches the contract row by row', () => {
    for (const action of HAZARD_ACTIONS) {
      const row = DEFAULT_TRANSITIONS[action];
      const spec = SPEC[action];
      expect([...transitionSources(row)], `${action} from`).to.deep.equal(spec.from);
      expect(row.to, `${action} to`).to.equal(spec.to);
      expect(row.severity && [row.severity.from, row.severity.to === 'same' ? row.severity.from : row.severity.to], `${action} severity`)
        .to.deep.equal(spec.severity);
      expect([...row.roles].sort(), `${action} roles`).to.deep.equal([...spec.roles].sort());
    }
    expect(Object.keys(DEFAULT_TRANSITIONS).sort()).to.deep.equal([...HAZARD_ACTIONS].sort());
  });

  it('DEFAULT_TRANSITIONS cannot be edited in place', () => {
    expect(Object.isFrozen(DEFAULT_TRANSITIONS)).to.equal(true);
    expect(Object.isFrozen(DEFAULT_TRANSITIONS.assign.roles)).to.equal(true);
    expect(() => { (DEFAULT_TRANSITIONS.assign.roles as Role[]).push('resident'); }).to.throw(TypeError);
  });

  // Every status × severity × action × single role: allowed exactly when the contract says so.
  for (const action of HAZARD_ACTIONS) {
    for (const status of HAZARD_STATUSES) {
      it(`${action} from ${status}: allowed iff status, severity and role fit (${SEVERITIES.length * ROLES.length} cases)`, () => {
        const spec = SPEC[action];
        const wrong: string[] = [];
        for (const severity of SEVERITIES) {
          for (const role of ROLES) {
            const h = deepFreeze(hazard(status, severity, spec.publicOnly === true ? { source: 'public' } : {}));
            const fitsState = spec.from.includes(status) && (spec.severity === undefined || spec.severity[0] === severity)
              && (spec.generalOnly !== true || severity === 'general') && !NEEDS_STATE.includes(action);
            const roles = severity === 'major' && spec.majorRoles !== undefined ? spec.majorRoles : spec.roles;
            const expected = fitsState && roles.includes(role);
            const where = `${severity}/${role}`;
            if (lifecycle.allowedActions(h, [role]).includes(action) !== expected) wrong.push(`${where}: allowedActions`);
            const result = lifecycle.check(h, input(action), actor(role));
            if (result.ok !== expected) wrong.push(`${where}: check ok=${String(result.ok)}`);
            if (!result.ok) {
              const code = !fitsState ? 'not-allowed-from-status' : spec.roles.includes(role) ? 'role-for-severity' : 'role';
              if (result.code !== code) wrong.push(`${where}: code ${result.code}, expected ${code}`);
            }
            if (expected) {
              const { hazard: next, entry } = lifecycle.apply(h, input(action), actor(role), NOW);
              // A passed review of a major hazard waits for the lift (majorClosesByLift).
              const to = spec.to === 'same' || (action === 'review-pass' && severity === 'major') ? status : spec.to;
              const sev = spec.severity === undefined ? severity : spec.severity[1];
              if (next.status !== to) wrong.push(`${where}: status ${next.status}, expected ${to}`);
              if (next.severity !== sev) wrong.push(`${where}: severity ${next.severity}, expected ${sev}`);
              if (entry.from !== status || entry.to !== to || entry.action !== action) wrong.push(`${where}: entry ${JSON.stringify(entry)}`);
            } else {
              const err = caught(() => lifecycle.apply(h, input(action), actor(role), NOW));
              if (err.code !== 'transition') wrong.push(`${where}: apply threw ${err.code}`);
            }
          }
        }
        expect(wrong, wrong.join('\n')).to.deep.equal([]);
      });
    }
  }

  it('an actor with several roles may act when any one of them may', () => {
    const h = hazard('reported');
    expect(lifecycle.allowedActions(h, ['resident', 'grid-supervisor'])).to.deep.equal(['fix-on-spot', 'verify', 'reject', 'flag-major', 'escalate']);
    expect(lifecycle.check(h, input('verify'), actor('resident', 'grid-supervisor')).ok).to.equal(true);
  });

  it('offers nothing to an actor without roles, and nothing on a closed or rejected hazard', () => {
    for (const status of HAZARD_STATUSES) expect(lifecycle.allowedActions(hazard(status), [])).to.deep.equal([]);
    for (const status of ['closed', 'rejected'] as const) {
      for (const severity of SEVERITIES) expect(lifecycle.allowedActions(hazard(status, severity), [...ROLES])).to.deep.equal([]);
    }
  });

  it('offers exactly the allowed actions, in table order', () => {
    expect(lifecycle.allowedActions(hazard('rectifying'), ['grid-worker'])).to.deep.equal(['report-rectified', 'flag-major', 'escalate']);
    expect(lifecycle.allowedActions(hazard('rectifying', 'major'), ['fire-officer'])).to.deep.equal(['extend-deadline', 'supervise']);
    expect(lifecycle.allowedActions(hazard('awaiting-review', 'major-candidate'), ['fire-officer']))
      .to.deep.equal(['review-pass', 'review-fail', 'confirm-major', 'dismiss-major', 'supervise']);
    expect(lifecycle.allowedActions(hazard('awaiting-review'), ['government'])).to.deep.equal(['supervise']);
  });

  it('refuses a status outside the table', () => {
    const odd = { ...hazard('draft'), status: 'archived' } as unknown as LifecycleHazard;
    expect(lifecycle.allowedActions(odd, [...ROLES])).to.deep.equal([]);
    expect(refusal(lifecycle.check(odd, input('flag-major'), actor('fire-officer'))).code).to.equal('not-allowed-from-status');
  });
});

describe('hazard lifecycle: severity (GB 35181: a worker flags, a fire officer confirms)', () => {
  const lifecycle = createLifecycle({ locale: 'en' });

  it('confirm-major only from major-candidate, by a fire officer', () => {
    for (const severity of ['general', 'major'] as const) {
      const r = refusal(lifecycle.check(hazard('verified', severity), input('confirm-major'), actor('fire-officer')));
      expect(r.code).to.equal('not-allowed-from-status');
      expect(r.message).to.contain('major candidate');
    }
    expect(refusal(lifecycle.check(hazard('verified', 'major-candidate'), input('confirm-major'), actor('grid-worker'))).code).to.equal('role');
    expect(lifecycle.apply(hazard('verified', 'major-candidate'), input('confirm-major'), actor('fire-officer'), NOW).hazard.severity).to.equal('major');
  });

  it('a grid worker can flag a candidate but never make a hazard major', () => {
    const flagged = lifecycle.apply(hazard('reported'), input('flag-major'), actor('grid-worker'), NOW).hazard;
    expect(flagged.severity).to.equal('major-candidate');
    expect(lifecycle.allowedActions(flagged, ['grid-worker', 'grid-supervisor', 'unit-manager', 'captain', 'resident'])).to.not.include('confirm-major');
  });

  it('dismiss-major returns a candidate to general', () => {
    const r = lifecycle.apply(hazard('assigned', 'major-candidate'), input('dismiss-major'), actor('fire-officer'), NOW);
    expect(r.hazard.severity).to.equal('general');
    expect(r.hazard.status).to.equal('assigned');
  });

  it('supervise works on any open hazard, by a fire officer or the government, never by the system admin', () => {
    for (const severity of SEVERITIES) {
      expect(lifecycle.check(hazard('rectifying', severity), input('supervise'), actor('fire-officer')).ok, severity).to.equal(true);
      expect(lifecycle.check(hazard('reported', severity), input('supervise'), actor('government')).ok, severity).to.equal(true);
    }
    expect(refusal(lifecycle.check(hazard('closed', 'major'), input('supervise'), actor('government'))).code).to.equal('not-allowed-from-status');
    expect(refusal(lifecycle.check(hazard('rectifying', 'major'), input('supervise'), actor('admin'))).code).to.equal('role');
  });
});

describe('hazard lifecycle: separation of duties and severity-aware roles', () => {
  const en = createLifecycle({ locale: 'en' });
  const zh = createLifecycle();
  const rectified = (severity: Severity, by: string, extra: Partial<TestHazard> = {}): TestHazard => hazard('awaiting-review', severity, {
    history: [
      { at: '2025-06-18T01:00:00.000Z', by: 'mgr-1', action: 'report-rectified', from: 'rectifying', to: 'awaiting-review', evidence: ['p0'] },
      { at: '2025-06-18T02:00:00.000Z', by: 'sup-1', action: 'review-fail', from: 'awaiting-review', to: 'rectifying', note: '未到位' },
      { at: '2025-06-19T01:00:00.000Z', by, action: 'report-rectified', from: 'rectifying', to: 'awaiting-review', evidence: ['p1'] },
    ],
    ...extra,
  });
  const listed = { level: 'county', authority: '某县人民政府安委办', listedAt: '2025-06-01T00:00:00Z', listedBy: 'gov-1' } as const;

  it('whoever reported the rectification may neither pass nor fail its review; someone else may', () => {
    const h = rectified('general', 'worker-1');
    for (const action of ['review-pass', 'review-fail'] as const) {
      const r = refusal(en.check(h, input(action), { id: 'worker-1', roles: ['grid-worker', 'grid-supervisor'] }));
      expect(r.code).to.equal('separation-of-duties');
      expect(r.message).to.contain('separation of duties').and.contain('worker-1');
      expect(refusal(zh.check(h, input(action), { id: 'worker-1', roles: ['grid-worker'] })).message).to.contain('职责分离');
      expect(en.check(h, input(action), { id: 'worker-2', roles: ['grid-worker'] }).ok).to.equal(true);
    }
    const err = caught(() => en.apply(h, input('review-pass'), { id: 'worker-1', roles: ['grid-worker'] }, NOW));
    expect(err.code).to.equal('transition');
    expect(err.issues.map((i) => i.path)).to.deep.equal(['actor.id']);
  });

  it('only the latest report counts: who reported an earlier round may review this one', () => {
    const h = rectified('general', 'worker-2');
    expect(en.check(h, input('review-pass'), { id: 'mgr-1', roles: ['unit-manager', 'grid-worker'] }).ok).to.equal(true);
    expect(en.check(h, input('review-pass'), { id: 'worker-2', roles: ['grid-worker'] }).ok).to.equal(false);
  });

  it('allowedActions with the actor leaves out his own review; with roles alone it cannot know him', () => {
    const h = rectified('general', 'worker-1');
    expect(en.allowedActions(h, { id: 'worker-1', roles: ['grid-worker'] })).to.deep.equal(['flag-major', 'escalate']);
    expect(en.allowedActions(h, { id: 'worker-2', roles: ['grid-worker'] })).to.deep.equal(['review-pass', 'review-fail', 'flag-major', 'escalate']);
    expect(en.allowedActions(h, ['grid-worker'])).to.deep.equal(['review-pass', 'review-fail', 'flag-major', 'escalate']);
  });

  it('a vendor may turn separation of duties off', () => {
    const off = createLifecycle({ separationOfDuties: false });
    expect(off.separationOfDuties).to.equal(false);
    expect(off.check(rectified('general', 'worker-1'), input('review-pass'), { id: 'worker-1', roles: ['grid-worker'] }).ok).to.equal(true);
    expect(caught(() => createLifecycle({ separationOfDuties: 'yes' as unknown as boolean })).message).to.contain('separationOfDuties');
  });

  it('the review of a major hazard belongs to the fire officer, and the refusal names the rule', () => {
    const h = rectified('major', 'mgr-1');
    for (const role of ['grid-worker', 'grid-supervisor'] as const) {
      for (const action of ['review-pass', 'review-fail'] as const) {
        const r = refusal(en.check(h, input(action), { id: 'x-1', roles: [role] }));
        expect(r.code, `${role} ${action}`).to.equal('role-for-severity');
        expect(r.message).to.contain('a major hazard').and.contain('fire officer');
      }
    }
    const zr = refusal(zh.check(h, input('review-pass'), { id: 'x-1', roles: ['grid-worker'] }));
    expect(zr.message).to.contain('重大火灾隐患').and.contain('消防救援机构');
    expect(refusal(en.check(h, input('review-pass'), { id: 'x-1', roles: ['resident'] })).code).to.equal('role');
    expect(en.check(h, input('review-fail'), { id: 'fo-1', roles: ['fire-officer'] }).ok).to.equal(true);
    expect(en.allowedActions(h, { id: 'sup-2', roles: ['grid-supervisor'] })).to.deep.equal(['escalate']);
    expect(en.rolesFor('review-pass', h)).to.deep.equal(['fire-officer']);
    expect(en.rolesFor('review-pass', rectified('major-candidate', 'mgr-1'))).to.deep.equal(['grid-worker', 'grid-supervisor', 'fire-officer']);
  });

  it('so does the review of a supervised hazard of any severity; a request alone changes nothing', () => {
    const supervised = rectified('general', 'mgr-1', { supervision: listed });
    const r = refusal(en.check(supervised, input('review-fail'), { id: 'w-9', roles: ['grid-worker'] }));
    expect(r.code).to.equal('role-for-severity');
    expect(r.message).to.contain('government supervision');
    const requested = rectified('general', 'mgr-1', { supervision: { level: 'county', requestedBy: 'fo-1', requestedAt: '2025-06-01T00:00:00Z' } });
    expect(en.check(requested, input('review-fail'), { id: 'w-9', roles: ['grid-worker'] }).ok).to.equal(true);
    const lifted = rectified('general', 'mgr-1', { supervision: { ...listed, liftedAt: '2025-06-10T00:00:00Z', liftedBy: 'gov-1' } });
    expect(en.check(lifted, input('review-fail'), { id: 'w-9', roles: ['grid-worker'] }).ok).to.equal(true);
  });

  it('vendors configure the severity-aware matrix; where both conditions apply, both lists must allow', () => {
    const vendor = createLifecycle({
      locale: 'en',
      rolesWhen: { major: { 'review-pass': ['grid-supervisor', 'fire-officer'] }, supervised: { 'review-pass': ['fire-officer', 'admin'] } },
    });
    const major = rectified('major', 'mgr-1');
    expect(vendor.check(major, input('review-pass'), { id: 's-1', roles: ['grid-supervisor'] }).ok).to.equal(true);
    // review-fail keeps its default for majors: fire officers only.
    expect(refusal(vendor.check(major, input('review-fail'), { id: 's-1', roles: ['grid-supervisor'] })).code).to.equal('role-for-severity');
    const both = rectified('major', 'mgr-1', { supervision: listed });
    expect(vendor.rolesFor('review-pass', both)).to.deep.equal(['fire-officer']);
    expect(refusal(vendor.check(both, input('review-pass'), { id: 's-1', roles: ['grid-supervisor'] })).code).to.equal('role-for-severity');
    expect(vendor.rolesWhen.major['review-fail']).to.deep.equal(['fire-officer']);
    const bad = caught(() => createLifecycle({ rolesWhen: { critical: {} } as never }));
    expect(bad.code).to.equal('config');
    expect(bad.message).to.contain('rolesWhen.critical');
    expect(caught(() => createLifecycle({ rolesWhen: { major: { 'review-pass': ['chief' as Role] } } })).message).to.contain('rolesWhen.major.review-pass[0]');
  });
});

describe('hazard lifecycle: the GB 35181 edition of a determination (majorRuleSet)', () => {
  const en = createLifecycle({ locale: 'en' });
  const fo = { id: 'fo-1', roles: ['fire-officer'] as Role[] };

  it('confirm-major and dismiss-major record the edition named, or the one in force on the day', () => {
    const named = en.apply(hazard('verified', 'major-candidate'), input('confirm-major', { majorRuleSet: 'GB35181-2025' }), fo, NOW).hazard;
    expect(named.majorRuleSet).to.equal('GB35181-2025');
    expect(en.apply(hazard('verified', 'major-candidate'), input('dismiss-major'), fo, new Date('2025-10-31T23:59:00+08:00')).hazard.majorRuleSet)
      .to.equal('GB35181-2017');
    expect(en.apply(hazard('verified', 'major-candidate'), input('confirm-major'), fo, new Date('2025-11-01T00:01:00+08:00')).hazard.majorRuleSet)
      .to.equal('GB35181-2025');
    // Other actions leave it alone.
    expect(en.apply(named, input('supervise'), fo, NOW).hazard.majorRuleSet).to.equal('GB35181-2025');
    expect(en.apply(hazard('reported'), input('flag-major'), fo, NOW).hazard.majorRuleSet).to.equal(undefined);
  });

  it('refuses an edition it does not know, naming the ones it does; a vendor set is known once passed in', () => {
    const r = refusal(en.check(hazard('verified', 'major-candidate'), input('confirm-major', { majorRuleSet: 'GB35181-2031' }), fo));
    expect([r.code, r.invalid]).to.deep.equal(['invalid-field', ['majorRuleSet']]);
    expect(r.message).to.contain('GB35181-2017, GB35181-2025');
    const local = { ...MAJOR_RULE_SETS[1]!, id: 'SX-2026' };
    const vendor = createLifecycle({ ruleSets: [...MAJOR_RULE_SETS, local] });
    expect(vendor.apply(hazard('verified', 'major-candidate'), input('confirm-major', { majorRuleSet: 'SX-2026' }), fo, NOW).hazard.majorRuleSet).to.equal('SX-2026');
    expect(caught(() => createLifecycle({ ruleSets: 'all' as never })).message).to.contain('ruleSets');
    expect(Hazard.shape.majorRuleSet.safeParse('GB35181-2025').success).to.equal(true);
  });
});

describe('hazard lifecycle: supervision from request to lift (挂牌督办 → 摘牌销案)', () => {
  const en = createLifecycle({ locale: 'en' });
  const fo = { id: 'fo-1', roles: ['fire-officer'] as Role[] };
  const gov = { id: 'gov-1', roles: ['government'] as Role[] };
  const listed = (severity: Severity): TestHazard => ({ ...passedAndListed(severity), history: passedAndListed().history.slice(0, 1) });

  it('a fire officer\'s passed review of a supervised hazard is recorded and leaves it awaiting the lift', () => {
    const { hazard: next, entry } = en.apply(listed('general'), input('review-pass'), fo, NOW);
    expect([next.status, entry.action, entry.from, entry.to]).to.deep.equal(['awaiting-review', 'review-pass', 'awaiting-review', 'awaiting-review']);
    expect(reviewPassed(next)).to.equal(true);
    expect(en.allowedActions(next, { id: 'fo-2', roles: ['fire-officer'] })).to.deep.equal(['review-fail', 'flag-major']);
    expect(refusal(en.check(next, input('review-pass'), { id: 'fo-2', roles: ['fire-officer'] })).message).to.contain('already passed');
    expect(en.allowedActions(next, gov)).to.deep.equal(['lift']);
  });

  it('lift by the listing authority closes it (销号) and records who and when; only after a passed review', () => {
    const before = refusal(en.check(listed('major'), input('lift'), gov));
    expect(before.code).to.equal('not-allowed-from-status');
    expect(before.message).to.contain('passed review');
    expect(refusal(createLifecycle().check(listed('major'), input('lift'), gov)).message).to.contain('复查通过');
    const h = passedAndListed('major');
    expect(refusal(en.check(h, input('lift'), fo)).code).to.equal('role');
    expect(refusal(en.check(h, input('lift'), { id: 'a-1', roles: ['admin'] })).code).to.equal('role');
    expect(refusal(en.check(h, { action: 'lift' }, gov)).missing).to.deep.equal(['note']);
    const { hazard: closed, entry } = en.apply(h, input('lift'), gov, NOW);
    expect([closed.status, entry.from, entry.to, entry.by]).to.deep.equal(['closed', 'awaiting-review', 'closed', 'gov-1']);
    expect(closed.supervision).to.deep.include({ liftedAt: '2025-06-20T02:00:00.000Z', liftedBy: 'gov-1', listedBy: 'gov-1' });
    expect([supervisionState(closed), isSupervised(closed)]).to.deep.equal(['lifted', false]);
    expect(en.allowedActions(closed, [...ROLES])).to.deep.equal([]);
  });

  it('lift needs a hazard under supervision: not a request, not an unsupervised one', () => {
    const passed = { ...passedAndListed('general'), supervision: undefined };
    expect(refusal(en.check(passed, input('lift'), gov)).message).to.contain('under government supervision');
    const requested = { ...passedAndListed('general'), supervision: { level: 'county', requestedBy: 'fo-1', requestedAt: '2025-06-01T00:00:00Z' } } as const;
    expect(refusal(en.check(requested, input('lift'), gov)).code).to.equal('not-allowed-from-status');
  });

  it('a failed review after a pass sends it back to rectification, and the lift waits for the next pass', () => {
    const failed = en.apply(passedAndListed('general'), input('review-fail'), { id: 'fo-2', roles: ['fire-officer'] }, NOW).hazard;
    expect([failed.status, reviewPassed(failed)]).to.deep.equal(['rectifying', false]);
    expect(refusal(en.check(failed, input('lift'), gov)).code).to.equal('not-allowed-from-status');
  });

  it('a major hazard closes only by lift (the plan lists every 重大火灾隐患); a vendor may let the review close an unsupervised one', () => {
    const major = hazard('awaiting-review', 'major', { history: listed('major').history });
    const passed = en.apply(major, input('review-pass'), fo, NOW).hazard;
    expect(passed.status).to.equal('awaiting-review');
    expect(en.closesByLift(major)).to.equal(true);
    expect(en.allowedActions(passed, gov)).to.deep.equal(['supervise']);
    const listedNow = en.apply(passed, input('supervise'), gov, NOW).hazard;
    expect(en.apply(listedNow, input('lift'), gov, NOW).hazard.status).to.equal('closed');
    const vendor = createLifecycle({ majorClosesByLift: false });
    expect(vendor.majorClosesByLift).to.equal(false);
    expect(vendor.apply(major, input('review-pass'), fo, NOW).hazard.status).to.equal('closed');
    expect(vendor.apply(listed('major'), input('review-pass'), fo, NOW).hazard.status, 'supervised still waits').to.equal('awaiting-review');
    expect(caught(() => createLifecycle({ majorClosesByLift: 1 as unknown as boolean })).message).to.contain('majorClosesByLift');
  });

  it('a pending request binds no deadline and makes nothing supervised; the listed supervision deadline binds', () => {
    const base = hazard('rectifying', 'general', { deadline: '2025-12-31' });
    const asked = en.apply(base, input('supervise'), fo, NOW).hazard;
    expect([supervisionState(asked), isOverdue(asked, new Date('2025-10-02T00:00:00+08:00'))]).to.deep.equal(['requested', false]);
    const listedNow = en.apply(asked, { action: 'supervise' }, gov, NOW).hazard;
    expect(isOverdue(listedNow, new Date('2025-10-02T00:00:00+08:00'))).to.equal(true);
    expect(en.check(asked, input('review-fail'), { id: 'w-1', roles: ['grid-worker'] }).ok, 'not a review state, but the role').to.equal(false);
    expect(en.rolesFor('review-pass', asked)).to.deep.equal(['grid-worker', 'grid-supervisor', 'fire-officer']);
    expect(en.rolesFor('review-pass', listedNow)).to.deep.equal(['fire-officer']);
  });
});

describe('hazard lifecycle: properties of who may close what', () => {
  const lifecycle = createLifecycle({ locale: 'en' });
  // A pool of people; some hold several roles, so the rules must hold per person, not per role.
  const ACTORS: { id: string; roles: Role[] }[] = [
    { id: 'w1', roles: ['grid-worker'] }, { id: 'w2', roles: ['grid-worker'] }, { id: 's1', roles: ['grid-supervisor'] },
    { id: 'f1', roles: ['fire-officer'] }, { id: 'f2', roles: ['fire-officer', 'grid-worker', 'unit-manager'] },
    { id: 'm1', roles: ['unit-manager'] }, { id: 'g1', roles: ['government'] }, { id: 'g2', roles: ['government', 'fire-officer'] },
    { id: 'a1', roles: ['admin'] }, { id: 'all', roles: [...ROLES] }, { id: 'r1', roles: ['resident', 'captain'] },
  ];
  const SIDE_ACTIONS: readonly HazardAction[] = ['accept', 'request-extension', 'approve-extension', 'refuse-extension', 'answer-transfer', 'escalate'];
  const rolesOf = (id: string): readonly Role[] => ACTORS.find((a) => a.id === id)?.roles ?? [];
  const step = fc.record({
    actor: fc.nat({ max: ACTORS.length - 1 }), pick: fc.nat(), random: fc.nat({ max: 3 }).map((n) => n === 0), action: fc.constantFrom(...HAZARD_ACTIONS),
  });
  const full = (action: HazardAction, i: number): TransitionInput => input(action, action === 'extend-deadline' || action === 'request-extension'
    ? { deadline: `2026-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` }
    : {});

  /**
   * Runs a sequence. Mostly one of the (actor, action) pairs the lifecycle allows now, so that runs
   * get deep into the loop; one step in four any action by any actor, which `check` must refuse
   * exactly when `allowedActions` leaves it out.
   */
  function run(steps: { actor: number; pick: number; random: boolean; action: HazardAction }[], lc = lifecycle): TestHazard[] {
    let h = deepFreeze(hazard('draft', 'general', { deadline: undefined }));
    const seen = [h];
    let clock = NOW.getTime();
    steps.forEach((st, i) => {
      clock += 3_600_000;
      // Issue 19's actions that keep the status (签收, 延期, 部门反馈, 上报上级) only in the random steps:
      // picked as often as the loop's own, they keep runs from getting deep enough to close.
      const pairs = ACTORS.flatMap((a) => lc.allowedActions(h, a).filter((x) => !SIDE_ACTIONS.includes(x)).map((x) => [a, x] as const));
      const pair = st.random ? undefined : pairs[st.pick % Math.max(1, pairs.length)];
      const who = pair?.[0] ?? ACTORS[st.actor] ?? { id: 'w1', roles: ['grid-worker'] as Role[] };
      const action = pair?.[1] ?? st.action;
      const offered = lc.allowedActions(h, who);
      const verdict = lc.check(h, full(action, i), who);
      expect(verdict.ok, `${who.id} ${action}: check and allowedActions agree`).to.equal(offered.includes(action));
      if (!verdict.ok) return;
      h = deepFreeze(lc.apply(h, full(action, i), who, new Date(clock)).hazard);
      seen.push(h);
    });
    return seen;
  }

  it('the same sequences find the holes of the old matrix (self-review, a grid worker closing a major hazard)', () => {
    const old = createLifecycle({
      separationOfDuties: false, majorClosesByLift: false,
      rolesWhen: { major: { 'review-pass': DEFAULT_TRANSITIONS['review-pass'].roles }, supervised: { 'review-pass': DEFAULT_TRANSITIONS['review-pass'].roles } },
    });
    const selfReview = fc.check(fc.property(fc.array(step, { minLength: 10, maxLength: 80 }), (steps) => {
      const h = run(steps, old).at(-1);
      return !(h?.history ?? []).some((e, i, all) => e.action === 'review-pass' && all.slice(0, i).filter((x) => x.action === 'report-rectified').at(-1)?.by === e.by);
    }), { numRuns: 200 });
    expect(selfReview.failed, 'a self-review is found').to.equal(true);
    const majorByWorker = fc.check(fc.property(fc.array(step, { minLength: 10, maxLength: 80 }), (steps) => {
      const h = run(steps, old).at(-1);
      return !(h?.status === 'closed' && h.severity === 'major' && !rolesOf(h.history.at(-1)?.by ?? '').includes('fire-officer'));
    }), { numRuns: 200 });
    expect(majorByWorker.failed, 'a major hazard closed by someone who is no fire officer is found').to.equal(true);
  });

  let closedHeavy = 0;
  it('no sequence closes a major or supervised hazard without a fire officer\'s passed review and a lift by the listing authority', () => {
    fc.assert(fc.property(fc.array(step, { minLength: 10, maxLength: 80 }), (steps) => {
      const states = run(steps);
      for (let k = 1; k < states.length; k++) {
        const [prev, next] = [states[k - 1], states[k]];
        if (prev === undefined || next?.status !== 'closed' || prev.status === 'closed') continue;
        if (prev.severity !== 'major' && !isSupervised(prev)) continue;
        closedHeavy++;
        const closing = next.history[next.history.length - 1];
        expect(closing?.action, 'closed by').to.equal('lift');
        expect(rolesOf(closing?.by ?? '')).to.include('government');
        const lastReport = next.history.map((e) => e.action).lastIndexOf('report-rectified');
        const reviews = next.history.slice(lastReport + 1).filter((e) => e.action === 'review-pass');
        expect(reviews.some((e) => rolesOf(e.by).includes('fire-officer')), 'a fire officer passed the review').to.equal(true);
      }
    }), { numRuns: 200 });
    // The property must not hold vacuously: some runs closed a major or supervised hazard.
    expect(closedHeavy).to.be.greaterThan(0);
  });

  it('no sequence lets anyone pass or fail the review of a rectification he reported', () => {
    fc.assert(fc.property(fc.array(step, { minLength: 10, maxLength: 80 }), (steps) => {
      const states = run(steps);
      const last = states[states.length - 1];
      let reporter: string | undefined;
      for (const e of last?.history ?? []) {
        if (e.action === 'report-rectified') reporter = e.by;
        if (e.action === 'review-pass' || e.action === 'review-fail') expect(e.by, `${e.action} by the reporter`).to.not.equal(reporter);
      }
    }), { numRuns: 200 });
  });
});

describe('hazard lifecycle: required and invalid fields', () => {
  const lifecycle = createLifecycle({ locale: 'en' });
  // A hazard and actor from which each action is allowed, so only the fields decide.
  const allowedCase = (action: HazardAction): [TestHazard, { id: string; roles: Role[] }] => {
    const spec = SPEC[action];
    const sev = spec.severity === undefined ? 'general' : spec.severity[0];
    const first = spec.from[0] ?? 'draft';
    const role = spec.roles[0] ?? 'admin';
    if (action === 'lift') return [passedAndListed(), actor(role)];
    if (action === 'reopen') return [fixedOnSpot(new Date().toISOString()), actor(role)];
    if (action === 'approve-extension' || action === 'refuse-extension') return [hazard(first, sev, { extensionRequest: PENDING }), actor(role)];
    if (action === 'answer-transfer') return [hazard('assigned', sev, { transfer: TRANSFERRED }), actor(role)];
    return [hazard(first, sev, spec.publicOnly === true ? { source: 'public' } : {}), actor(role)];
  };

  for (const action of HAZARD_ACTIONS) {
    it(`${action}: refused without its required fields, naming them`, () => {
      const [h, who] = allowedCase(action);
      const result = lifecycle.check(h, { action }, who);
      if (SPEC[action].missing.length === 0) {
        expect(result.ok).to.equal(true);
        return;
      }
      const r = refusal(result);
      expect(r.code).to.equal('missing-fields');
      expect(r.missing).to.deep.equal(SPEC[action].missing);
      const err = caught(() => lifecycle.apply(h, { action }, who, NOW));
      expect(err.code).to.equal('transition');
      expect(err.issues.map((i) => i.path)).to.deep.equal(SPEC[action].missing);
      expect((err.cause as TransitionCheck).ok).to.equal(false);
    });
  }

  it('names every missing field in the message', () => {
    const [h, who] = allowedCase('assign');
    expect(refusal(lifecycle.check(h, { action: 'assign' }, who)).message)
      .to.equal('"Assign" needs: responsible unit, responsible person, deadline, measures');
    expect(refusal(createLifecycle().check(h, { action: 'assign' }, who)).message).to.equal('交办缺少：责任单位、责任人、整改时限、整改措施');
  });

  it('treats blank text, an empty photo list and half a responsible party as missing', () => {
    const [h, who] = allowedCase('report-rectified');
    expect(refusal(lifecycle.check(h, { action: 'report-rectified', note: '   ', evidence: [] }, who)).missing).to.deep.equal(['note', 'evidence']);
    const [h2, who2] = allowedCase('assign');
    const partial = input('assign', { responsible: { unit: '幸福里物业', person: '' } });
    expect(refusal(lifecycle.check(h2, partial, who2)).missing).to.deep.equal(['responsible.person']);
    const [h3, who3] = allowedCase('supervise');
    expect(refusal(lifecycle.check(h3, { action: 'supervise', supervision: { level: 'city' } }, who3)).missing)
      .to.deep.equal(['supervision.deadline', 'supervision.authority']);
  });

  it('refuses deadlines that are not a date or a date-time with offset', () => {
    const [h, who] = allowedCase('assign');
    for (const deadline of ['tomorrow', '2025-02-30', '2025-07-15T18:00', '2025-07-15T10:00Z', '2025-07-15T25:00:00+08:00', '15/07/2025']) {
      const r = refusal(lifecycle.check(h, input('assign', { deadline }), who));
      expect(r.code, deadline).to.equal('invalid-field');
      expect(r.invalid, deadline).to.deep.equal(['deadline']);
    }
    for (const deadline of ['2025-07-15', '2025-07-15T18:00:00+08:00', '2025-07-15T10:00:00Z', '2025-07-15T18:00:00.5-05:30']) {
      expect(lifecycle.check(h, input('assign', { deadline }), who).ok, deadline).to.equal(true);
    }
    const [h2, who2] = allowedCase('supervise');
    expect(refusal(lifecycle.check(h2, input('supervise', { supervision: { level: 'city', deadline: 'soon', authority: '某市政府' } }), who2)).invalid)
      .to.deep.equal(['supervision.deadline']);
  });

  it('refuses an extension that does not move the deadline later', () => {
    const h = hazard('rectifying', 'general', { deadline: '2025-07-01' });
    for (const deadline of ['2025-06-30', '2025-07-01', '2025-07-01T23:59:59.999+08:00']) {
      const r = refusal(lifecycle.check(h, input('extend-deadline', { deadline }), actor('grid-supervisor')));
      expect(r.code, deadline).to.equal('invalid-field');
      expect(r.message, deadline).to.contain('later than the current one');
    }
    expect(lifecycle.check(h, input('extend-deadline', { deadline: '2025-07-02T00:00:00+08:00' }), actor('grid-supervisor')).ok).to.equal(true);
  });

  it('refuses what the body schema refuses: empty photo ids, a bad phone, an unknown supervision level', () => {
    const [h, who] = allowedCase('report-rectified');
    const photos = refusal(lifecycle.check(h, input('report-rectified', { evidence: ['photo-1', ''] }), who));
    expect(photos.code).to.equal('invalid-field');
    expect(photos.invalid).to.deep.equal(['evidence[1]']);
    expect(photos.message).to.equal('Invalid evidence photos [1]');
    const [h2, who2] = allowedCase('assign');
    const phone = input('assign', { responsible: { unit: '幸福里物业', person: '王五', phone: 'call me' } });
    expect(refusal(lifecycle.check(h2, phone, who2)).invalid).to.deep.equal(['responsible.phone']);
    expect(refusal(createLifecycle().check(h2, phone, who2)).message).to.equal('以下内容无效：联系电话');
    const [h3, who3] = allowedCase('supervise');
    const level = { action: 'supervise', supervision: { level: 'village', deadline: '2025-09-30', authority: '某村' } } as unknown as TransitionInput;
    expect(refusal(lifecycle.check(h3, level, who3)).invalid).to.deep.equal(['supervision.level']);
  });

  it('refuses an unknown action and an actor without id', () => {
    const unknown = { action: 'approve' } as unknown as TransitionInput;
    expect(refusal(lifecycle.check(hazard('reported'), unknown, actor('admin'))).invalid).to.deep.equal(['action']);
    expect(refusal(lifecycle.check(hazard('draft'), input('submit'), { id: '', roles: ['grid-worker'] })).invalid).to.deep.equal(['actor.id']);
  });
});

describe('hazard lifecycle: apply and history', () => {
  const lifecycle = createLifecycle({ locale: 'en' });

  it('returns a new hazard, appends who/when/why and leaves the original untouched', () => {
    const before = deepFreeze(hazard('reported', 'general', { history: [{ at: '2025-06-19T02:00:00.000Z', by: 'u-1', action: 'submit', from: 'draft', to: 'reported' }] }));
    const snapshot = JSON.stringify(before);
    const { hazard: next, entry } = lifecycle.apply(before, input('reject'), { id: 'sup-3', roles: ['grid-supervisor'] }, NOW);
    expect(JSON.stringify(before)).to.equal(snapshot);
    expect(next).to.not.equal(before);
    expect(entry).to.deep.equal({ at: '2025-06-20T02:00:00.000Z', by: 'sup-3', action: 'reject', from: 'reported', to: 'rejected', note: '重复上报' });
    expect(next.history).to.deep.equal([...before.history, entry]);
    expect(next.id).to.equal('h-1');
    expect(next.title).to.equal('楼道堆放杂物');
    expect(next.status).to.equal('rejected');
  });

  it('keeps both reason and note as the why', () => {
    const h = hazard('rectifying');
    const { entry } = lifecycle.apply(h, input('extend-deadline', { note: '单位已书面申请' }), actor('fire-officer'), NOW);
    expect(entry.note).to.equal('防火门到货延迟\n单位已书面申请');
    const { entry: bare } = lifecycle.apply(hazard('draft'), input('submit'), actor('resident'), NOW);
    expect(bare).to.not.have.property('note');
    expect(bare).to.not.have.property('evidence');
  });

  it('assign writes responsible, deadline and measures', () => {
    const { hazard: next } = lifecycle.apply(hazard('verified', 'general', { deadline: undefined }), input('assign'), actor('grid-supervisor'), NOW);
    expect(next.responsible).to.deep.equal({ unit: '幸福里物业', person: '王五', phone: '13800001234' });
    expect(next.deadline).to.equal('2025-07-15');
    expect(next.measures).to.equal('清理楼道杂物');
  });

  it('extend-deadline writes the new deadline and nothing else', () => {
    const h = hazard('assigned', 'general', { measures: '清理楼道杂物' });
    const { hazard: next } = lifecycle.apply(h, input('extend-deadline'), actor('fire-officer'), NOW);
    expect(next.deadline).to.equal('2025-08-31');
    expect(next.status).to.equal('assigned');
    expect(next.measures).to.equal('清理楼道杂物');
  });

  it('supervise by a fire officer records a request (报请); by the government it lists, keeping the request', () => {
    const { hazard: asked, entry } = lifecycle.apply(hazard('rectifying', 'general'), input('supervise'), { id: 'fo-1', roles: ['fire-officer'] }, NOW);
    expect(asked.supervision).to.deep.equal({
      level: 'county', authority: '某县人民政府安委办', deadline: '2025-09-30', requestedBy: 'fo-1', requestedAt: '2025-06-20T02:00:00.000Z',
    });
    expect([entry.from, entry.to, asked.status]).to.deep.equal(['rectifying', 'rectifying', 'rectifying']);
    expect(isSupervised(asked)).to.equal(false);
    // The request is pending: the fire officer may not ask again; the government lists it without re-typing.
    const again = refusal(lifecycle.check(asked, input('supervise'), { id: 'fo-2', roles: ['fire-officer'] }));
    expect(again.code).to.equal('not-allowed-from-status');
    expect(again.message).to.contain('already been requested');
    expect(lifecycle.allowedActions(asked, { id: 'fo-2', roles: ['fire-officer'] })).to.not.include('supervise');
    const later = new Date(NOW.getTime() + 86_400_000);
    const { hazard: listed } = lifecycle.apply(asked, { action: 'supervise', supervision: { deadline: '2025-10-31' } }, { id: 'gov-1', roles: ['government'] }, later);
    expect(listed.supervision).to.deep.equal({
      level: 'county', authority: '某县人民政府安委办', deadline: '2025-10-31', requestedBy: 'fo-1', requestedAt: '2025-06-20T02:00:00.000Z',
      listedAt: '2025-06-21T02:00:00.000Z', listedBy: 'gov-1',
    });
    expect(isSupervised(listed)).to.equal(true);
    expect(refusal(lifecycle.check(listed, input('supervise'), { id: 'gov-2', roles: ['government'] })).message).to.contain('already under government supervision');
    // The government may also list on its own, with every field.
    const direct = lifecycle.apply(hazard('assigned'), input('supervise'), { id: 'gov-1', roles: ['government'] }, NOW).hazard;
    expect(direct.supervision).to.deep.equal({
      level: 'county', authority: '某县人民政府安委办', deadline: '2025-09-30', listedAt: '2025-06-20T02:00:00.000Z', listedBy: 'gov-1',
    });
    expect(refusal(lifecycle.check(hazard('assigned'), { action: 'supervise', supervision: { level: 'city' } }, { id: 'gov-1', roles: ['government'] })).missing)
      .to.deep.equal(['supervision.deadline', 'supervision.authority']);
  });

  it('report-rectified keeps the evidence photo ids on its history entry and says when the review is due', () => {
    const r = lifecycle.apply(hazard('rectifying'), input('report-rectified'), actor('unit-manager'), NOW);
    expect(r.entry.evidence).to.deep.equal(['photo-1', 'photo-2']);
    expect(r.entry.note).to.equal('杂物已清理');
    expect(r.reviewDueAt?.toISOString()).to.equal('2025-06-23T02:00:00.000Z');
    expect(lifecycle.reviewDueAt(r.hazard)?.toISOString()).to.equal('2025-06-23T02:00:00.000Z');
  });

  it('walks the closed loop with a failed review, and the review is due from the latest report', () => {
    let h: TestHazard = hazard('draft', 'general', { deadline: undefined });
    const steps: [HazardAction, Role, string][] = [
      ['submit', 'grid-worker', '2025-06-01T09:00:00+08:00'],
      ['verify', 'grid-supervisor', '2025-06-01T10:00:00+08:00'],
      ['assign', 'grid-supervisor', '2025-06-01T11:00:00+08:00'],
      ['start', 'unit-manager', '2025-06-02T09:00:00+08:00'],
      ['report-rectified', 'unit-manager', '2025-06-05T09:00:00+08:00'],
      ['review-fail', 'grid-worker', '2025-06-06T09:00:00+08:00'],
      ['report-rectified', 'unit-manager', '2025-06-10T09:00:00+08:00'],
      ['review-pass', 'grid-worker', '2025-06-11T09:00:00+08:00'],
    ];
    for (const [action, role, at] of steps) h = lifecycle.apply(h, input(action), { id: role, roles: [role] }, new Date(at)).hazard;
    expect(h.status).to.equal('closed');
    expect(h.history.map((e) => e.action)).to.deep.equal(steps.map(([a]) => a));
    expect(reviewDueAt(h)?.toISOString()).to.equal('2025-06-13T01:00:00.000Z');
    expect(reviewDueAt(h, 1)?.toISOString()).to.equal('2025-06-11T01:00:00.000Z');
    expect(createLifecycle({ reviewDueDays: 5 }).reviewDueAt(h)?.toISOString()).to.equal('2025-06-15T01:00:00.000Z');
    expect(reviewDueAt(hazard('rectifying'))).to.equal(undefined);
  });

  it('throws a transition error with the refusal as cause, in the lifecycle locale', () => {
    const zh = createLifecycle();
    const err = caught(() => zh.apply(hazard('reported'), input('assign'), actor('grid-supervisor'), NOW));
    expect(err.code).to.equal('transition');
    expect(err.message).to.equal('隐患状态为“已上报”，不能交办（须为：已核实）');
    expect((err.cause as { code: string }).code).to.equal('not-allowed-from-status');
    const en = caught(() => lifecycle.apply(hazard('verified'), input('assign'), actor('grid-worker'), NOW));
    expect(en.message).to.equal('Your roles (grid worker) may not run "Assign"; allowed roles: grid supervisor, fire officer');
    expect(caught(() => zh.apply(hazard('verified'), input('assign'), actor('grid-worker'), NOW)).message)
      .to.equal('当前角色（网格员）无权交办；有权限的角色：网格长、消防救援人员');
  });

  it('refuses an invalid clock', () => {
    expect(caught(() => lifecycle.apply(hazard('draft'), input('submit'), actor('resident'), new Date('nope'))).code).to.equal('validation');
  });

  it('any sequence of attempts: applies exactly what allowedActions offers, never mutates, history grows by one', () => {
    const step = fc.record({ action: fc.constantFrom(...HAZARD_ACTIONS), role: fc.constantFrom(...ROLES) });
    fc.assert(fc.property(fc.array(step, { maxLength: 40 }), (attempts) => {
      let h = deepFreeze(hazard('draft', 'general', { deadline: undefined }));
      let clock = NOW.getTime();
      attempts.forEach(({ action, role }, i) => {
        clock += 3_600_000;
        // Each extension goes one day further than the last.
        const extra = action === 'extend-deadline' ? { deadline: `2026-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` } : {};
        const offered = lifecycle.allowedActions(h, actor(role), new Date(clock)).includes(action);
        const wasSeverity = h.severity;
        if (offered) {
          const { hazard: next, entry } = lifecycle.apply(h, input(action, extra), actor(role), new Date(clock));
          expect(next.history.length).to.equal(h.history.length + 1);
          expect(entry.from).to.equal(h.status);
          expect(next.status).to.equal(entry.to);
          if (wasSeverity === 'major') expect(next.severity).to.equal('major');
          h = deepFreeze(next);
        } else {
          expect(() => lifecycle.apply(h, input(action, extra), actor(role), new Date(clock))).to.throw(FiregridError);
        }
        // Only an on-the-spot fix may come back (reopen), and only within its window.
        if (!isOpen(h)) {
          const back = h.history.at(-1)?.action === 'fix-on-spot' ? ['reopen'] : [];
          expect(lifecycle.allowedActions(h, [...ROLES], new Date(clock))).to.deep.equal(back);
        }
      });
    }), { numRuns: 300 });
  });
});

describe('hazard lifecycle: clock', () => {
  const at = (iso: string): Date => new Date(iso);

  it('reads a calendar-date deadline to the end of that day in UTC+8', () => {
    expect(deadlineEnd('2025-06-30')).to.equal(Date.parse('2025-06-30T23:59:59.999+08:00'));
    expect(deadlineEnd('2025-06-30T18:00:00+08:00')).to.equal(Date.parse('2025-06-30T10:00:00Z'));
    expect(deadlineEnd('2025-06-30T18:00:00')).to.equal(undefined);
    expect(deadlineEnd('2024-02-29')).to.not.equal(undefined);
    expect(deadlineEnd('2025-02-29')).to.equal(undefined);
  });

  it('overdue: only after the last instant of the deadline', () => {
    const dated = hazard('rectifying', 'general', { deadline: '2025-06-30' });
    expect(isOverdue(dated, at('2025-06-30T23:59:59.999+08:00'))).to.equal(false);
    expect(isOverdue(dated, at('2025-07-01T00:00:00+08:00'))).to.equal(true);
    const timed = hazard('assigned', 'general', { deadline: '2025-06-30T18:00:00+08:00' });
    expect(isOverdue(timed, at('2025-06-30T18:00:00+08:00'))).to.equal(false);
    expect(isOverdue(timed, at('2025-06-30T18:00:00.001+08:00'))).to.equal(true);
  });

  it('overdue: never when closed, rejected or without a deadline; the supervision deadline binds too', () => {
    const late = at('2026-01-01T00:00:00+08:00');
    expect(isOverdue(hazard('closed'), late)).to.equal(false);
    expect(isOverdue(hazard('rejected'), late)).to.equal(false);
    expect(isOverdue(hazard('awaiting-review'), late)).to.equal(true);
    expect(isOverdue(hazard('reported', 'general', { deadline: undefined }), late)).to.equal(false);
    const listed = hazard('rectifying', 'major', {
      deadline: '2025-12-31', supervision: { level: 'city', listedAt: '2025-06-01T00:00:00Z', deadline: '2025-09-30' },
    });
    expect(isOverdue(listed, at('2025-10-01T00:00:00+08:00'))).to.equal(true);
    expect(isOverdue(listed, at('2025-09-30T12:00:00+08:00'))).to.equal(false);
  });

  it('due soon: within the days before the deadline, inclusive, and not once overdue', () => {
    const h = hazard('rectifying', 'general', { deadline: '2025-06-30T18:00:00+08:00' });
    expect(isDueSoon(h, at('2025-06-27T18:00:00+08:00'))).to.equal(true);
    expect(isDueSoon(h, at('2025-06-27T17:59:59.999+08:00'))).to.equal(false);
    expect(isDueSoon(h, at('2025-06-30T18:00:00+08:00'))).to.equal(true);
    expect(isDueSoon(h, at('2025-06-30T18:00:00.001+08:00'))).to.equal(false);
    expect(isDueSoon(h, at('2025-06-25T18:00:00+08:00'), 5)).to.equal(true);
    expect(createLifecycle({ dueSoonDays: 1 }).isDueSoon(h, at('2025-06-28T18:00:00+08:00'))).to.equal(false);
    expect(isDueSoon(hazard('closed', 'general', { deadline: '2025-06-30' }), at('2025-06-29T00:00:00+08:00'))).to.equal(false);
  });

  it('urgencyKey sorts overdue supervised majors first, then overdue, due soon, later, undated, closed', () => {
    const now = at('2025-06-20T10:00:00+08:00');
    const supervision = { level: 'county', listedAt: '2025-06-01T00:00:00Z' } as const;
    const hazards: TestHazard[] = [
      hazard('closed', 'major', { id: 'closed', deadline: '2025-01-01' }),
      hazard('reported', 'general', { id: 'undated-general', deadline: undefined }),
      hazard('reported', 'major-candidate', { id: 'undated-candidate', deadline: undefined }),
      hazard('assigned', 'general', { id: 'later', deadline: '2025-08-01' }),
      hazard('assigned', 'general', { id: 'soon-general', deadline: '2025-06-21' }),
      hazard('assigned', 'major', { id: 'soon-major', deadline: '2025-06-22' }),
      hazard('rectifying', 'general', { id: 'overdue-older', deadline: '2025-06-01' }),
      hazard('rectifying', 'general', { id: 'overdue-newer', deadline: '2025-06-10' }),
      hazard('rectifying', 'major', { id: 'overdue-major', deadline: '2025-06-15' }),
      hazard('rectifying', 'major', { id: 'overdue-supervised', deadline: '2025-06-19', supervision }),
    ];
    const sorted = [...hazards].sort((a, b) => (urgencyKey(a, now) < urgencyKey(b, now) ? -1 : 1)).map((h) => h.id);
    expect(sorted).to.deep.equal([
      'overdue-supervised', 'overdue-major', 'overdue-older', 'overdue-newer', 'soon-major', 'soon-general', 'later',
      'undated-candidate', 'undated-general', 'closed',
    ]);
  });
});

describe('hazard lifecycle: vendor configuration', () => {
  it('role overrides replace the default roles of an action', () => {
    const lifecycle = createLifecycle({ roles: { start: ['unit-manager'], verify: ['grid-worker'], submit: [] } });
    expect(lifecycle.check(hazard('assigned'), input('start'), actor('grid-worker')).ok).to.equal(false);
    expect(lifecycle.check(hazard('assigned'), input('start'), actor('unit-manager')).ok).to.equal(true);
    expect(lifecycle.allowedActions(hazard('reported'), ['grid-worker'])).to.include('verify');
    expect(refusal(lifecycle.check(hazard('reported'), input('verify'), actor('grid-supervisor'))).code).to.equal('role');
    for (const role of ROLES) expect(lifecycle.allowedActions(hazard('draft'), [role])).to.not.include('submit');
    expect(lifecycle.transitions.reject.roles).to.deep.equal(DEFAULT_TRANSITIONS.reject.roles);
    expect(DEFAULT_TRANSITIONS.start.roles).to.include('grid-worker');
  });

  it('extra required fields add to the contract, never remove from it', () => {
    const lifecycle = createLifecycle({ locale: 'en', needs: { verify: ['evidence', 'note'], reject: [], assign: ['note'] } });
    expect(refusal(lifecycle.check(hazard('reported'), input('verify'), actor('fire-officer'))).missing).to.deep.equal(['note', 'evidence']);
    expect(refusal(lifecycle.check(hazard('reported'), { action: 'reject' }, actor('fire-officer'))).missing).to.deep.equal(['reason']);
    expect(refusal(lifecycle.check(hazard('verified'), input('assign'), actor('fire-officer'))).missing).to.deep.equal(['note']);
    const r = lifecycle.apply(hazard('reported'), input('verify', { evidence: ['p-9'], note: '现场核实' }), actor('fire-officer'), NOW);
    expect(r.entry.evidence).to.deep.equal(['p-9']);
  });

  it('an action that is made to need a hazard field writes it', () => {
    const lifecycle = createLifecycle({ needs: { verify: ['deadline'] } });
    expect(lifecycle.apply(hazard('reported'), input('verify', { deadline: '2025-07-20' }), actor('fire-officer'), NOW).hazard.deadline)
      .to.equal('2025-07-20');
  });

  it('refuses bad configuration, naming the key', () => {
    const bad: [unknown, string][] = [
      [{ roles: { approve: ['admin'] } }, 'roles.approve'],
      [{ roles: { submit: ['grid-worker', 'mayor'] } }, 'roles.submit[1]'],
      [{ roles: { submit: 'grid-worker' } }, 'roles.submit'],
      [{ needs: { verify: ['photo'] } }, 'needs.verify[0]'],
      [{ needs: { approve: ['note'] } }, 'needs.approve'],
      [{ reviewDueDays: -1 }, 'reviewDueDays'],
      [{ dueSoonDays: Number.NaN }, 'dueSoonDays'],
      [{ locale: 'fr' }, 'locale'],
      [{ role: { submit: ['admin'] } }, 'role'],
    ];
    for (const [options, path] of bad) {
      const err = caught(() => createLifecycle(options as Parameters<typeof createLifecycle>[0]));
      expect(err.code, path).to.equal('config');
      expect(err.issues.map((i) => i.path), path).to.deep.equal([path]);
      expect(err.message, path).to.contain(path);
    }
  });
});

// Type-level: the schema's Hazard goes in as it is and comes out as a Hazard; the entry apply
// appends is the schema's HazardHistoryEntry.
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const fullHazardFits: (h: Hazard) => LifecycleHazard = (h) => h;
const entryIsSchemaEntry: Equal<TransitionResult<Hazard>['entry'], HazardHistoryEntry> = true;
const applyKeepsHazard: Equal<ReturnType<typeof applyToHazard>['hazard'], Hazard> = true;
function applyToHazard(h: Hazard): TransitionResult<Hazard> {
  return createLifecycle().apply(h, { action: 'submit' }, { id: 'u-1', roles: ['grid-worker'] }, NOW);
}
function storedHazard(): Hazard {
  return {
    id: '0190a2b4-7c1e-7cc3-8d5e-2f6b1c9a4e01', version: 1, createdAt: '2025-06-01T08:00:00+08:00',
    updatedAt: '2025-06-01T08:00:00+08:00', tenantId: 't-1', category: 'exit-blocked', title: '3 幢一楼安全出口堆放杂物',
    description: '', photos: [], source: 'worker', reporter: { kind: 'grid-worker', personId: 'u-1', confidential: false },
    severity: 'general', status: 'draft', history: [],
  };
}

describe('hazard lifecycle: the schema', () => {
  it('type-level assertions hold', () => {
    expect([typeof fullHazardFits, entryIsSchemaEntry, applyKeepsHazard]).to.deep.equal(['function', true, true]);
    const { hazard: next } = applyToHazard(storedHazard());
    expect([next.status, next.tenantId, next.category]).to.deep.equal(['reported', 't-1', 'exit-blocked']);
  });

  it('every complete input of the table passes the transition body schema', () => {
    for (const action of HAZARD_ACTIONS) expect(TransitionInput.safeParse(input(action)).success, action).to.equal(true);
  });

  it('a stored Hazard stays valid through the whole loop, the major flags and supervision', () => {
    let h = storedHazard();
    expect(Hazard.safeParse(h).success).to.equal(true);
    const lifecycle = createLifecycle();
    const steps: [HazardAction, Role][] = [
      ['submit', 'grid-worker'], ['flag-major', 'grid-worker'], ['verify', 'grid-supervisor'], ['confirm-major', 'fire-officer'],
      ['assign', 'fire-officer'], ['supervise', 'fire-officer'], ['supervise', 'government'], ['start', 'unit-manager'],
      ['extend-deadline', 'fire-officer'], ['report-rectified', 'unit-manager'], ['review-pass', 'fire-officer'], ['lift', 'government'],
    ];
    for (const [action, role] of steps) {
      h = lifecycle.apply(h, input(action), { id: `${role}-1`, roles: [role] }, NOW).hazard;
      const parsed = Hazard.safeParse(h);
      expect(parsed.success, `${action}: ${JSON.stringify(parsed.error?.issues)}`).to.equal(true);
    }
    expect(h.status).to.equal('closed');
    expect(h.severity).to.equal('major');
    expect(h.supervision?.level).to.equal('county');
    expect([h.supervision?.requestedBy, h.supervision?.listedBy, h.supervision?.liftedBy]).to.deep.equal(['fire-officer-1', 'government-1', 'government-1']);
    expect(h.history.map((e) => HazardHistoryEntry.safeParse(e).success)).to.deep.equal(steps.map(() => true));
  });
});

describe('hazard lifecycle: fix-on-spot (当场整改) and reopen (复核不合格)', () => {
  const en = createLifecycle({ locale: 'en' });
  const zh = createLifecycle();
  const fix = input('fix-on-spot');

  it('fix-on-spot closes a draft or reported hazard in one step, keeping both sets of photos on its entry', () => {
    for (const status of ['draft', 'reported'] as const) {
      const { hazard: next, entry } = en.apply(hazard(status), fix, { id: 'w-1', roles: ['grid-worker'], name: '张三' }, NOW);
      expect(next.status).to.equal('closed');
      expect(entry).to.deep.equal({
        at: NOW.toISOString(), by: 'w-1', byName: '张三', action: 'fix-on-spot', from: status, to: 'closed', note: '当场清理楼道杂物',
        before: ['photo-b'], evidence: ['photo-a'],
      });
      expect(HazardHistoryEntry.safeParse(entry).success).to.equal(true);
    }
  });

  it('names the photos before and after when they are missing', () => {
    const r = refusal(zh.check(hazard('reported'), { action: 'fix-on-spot', note: '已清理', evidence: ['p'] }, actor('grid-worker')));
    expect([r.code, r.missing, r.message]).to.deep.equal(['missing-fields', ['before'], '当场整改缺少：整改前照片']);
    const e = refusal(en.check(hazard('reported'), { action: 'fix-on-spot' }, actor('grid-worker')));
    expect(e.message).to.equal('"Fix on the spot" needs: note, photos before the fix, photos after the fix');
  });

  it('is refused for a major hazard or a candidate, saying why', () => {
    for (const severity of ['major', 'major-candidate'] as const) {
      const r = refusal(en.check(hazard('reported', severity), fix, actor('fire-officer')));
      expect(r.code).to.equal('not-allowed-from-status');
      expect(r.message).to.contain('only for general hazards').and.contain(severity === 'major' ? '"major"' : '"major candidate"');
      expect(en.allowedActions(hazard('reported', severity), ['grid-worker'])).to.not.include('fix-on-spot');
    }
    expect(refusal(zh.check(hazard('draft', 'major'), fix, actor('grid-worker'))).message).to.contain('重大火灾隐患不能当场整改');
  });

  it('is refused for a supervised hazard, and for one whose supervision is requested; a lifted one may be fixed', () => {
    const listed = hazard('reported', 'general', { supervision: { level: 'county', listedAt: '2025-06-01T00:00:00Z', listedBy: 'gov-1' } });
    const asked = hazard('reported', 'general', { supervision: { level: 'county', requestedBy: 'fo-1', requestedAt: '2025-06-01T00:00:00Z' } });
    for (const h of [listed, asked]) {
      const r = refusal(en.check(h, fix, actor('grid-supervisor')));
      expect(r.code).to.equal('not-allowed-from-status');
      expect(r.message).to.contain('government supervision');
      expect(en.allowedActions(h, ['grid-supervisor'])).to.not.include('fix-on-spot');
    }
    expect(refusal(zh.check(listed, fix, actor('grid-worker'))).message).to.contain('挂牌督办');
    const lifted = hazard('reported', 'general', { supervision: { level: 'county', listedAt: '2025-06-01T00:00:00Z', liftedAt: '2025-06-02T00:00:00Z' } });
    expect(en.check(lifted, fix, actor('grid-worker')).ok).to.equal(true);
  });

  it('is refused to the roles outside the table, naming them', () => {
    for (const role of ['unit-manager', 'captain', 'resident', 'government', 'admin'] as const) {
      const r = refusal(en.check(hazard('reported'), fix, actor(role)));
      expect(r.code, role).to.equal('role');
      expect(r.message).to.contain('grid worker, grid supervisor, fire officer');
    }
  });

  it('reopen sends an on-the-spot fix back to rectifying within 7 days, with who, by when and how', () => {
    const h = fixedOnSpot('2025-06-15T10:00:00.000Z');
    const within = new Date('2025-06-22T10:00:00.000Z');
    expect(en.allowedActions(h, ['grid-supervisor'], within)).to.deep.equal(['reopen']);
    expect(en.allowedActions(h, ['grid-worker'], within)).to.deep.equal([]);
    const { hazard: next, entry } = en.apply(h, input('reopen'), { id: 's-1', roles: ['grid-supervisor'] }, within);
    expect([next.status, next.deadline, next.measures, next.responsible]).to.deep.equal([
      'rectifying', '2025-07-15', '清理并设专人巡查', { unit: '幸福里物业', person: '王五' },
    ]);
    expect([entry.action, entry.from, entry.to, entry.note]).to.deep.equal(['reopen', 'closed', 'rectifying', '复核发现杂物又堆回']);
    // Back in the closed loop: rectified, then reviewed.
    expect(en.allowedActions(next, ['grid-worker'], within)).to.include('report-rectified');
  });

  it('reopen is refused after 7 days (configurable), naming the window', () => {
    const h = fixedOnSpot('2025-06-15T10:00:00.000Z');
    const late = new Date('2025-06-22T10:00:00.001Z');
    const r = refusal(en.check(h, input('reopen'), actor('fire-officer'), late));
    expect(r.code).to.equal('not-allowed-from-status');
    expect(r.message).to.contain('within 7 days').and.contain('2025-06-22T10:00:00.000Z');
    expect(en.allowedActions(h, ['fire-officer'], late)).to.deep.equal([]);
    expect(refusal(zh.check(h, input('reopen'), actor('fire-officer'), late)).message).to.contain('已超过 7 天');
    expect(caught(() => en.apply(h, input('reopen'), actor('fire-officer'), late)).code).to.equal('transition');
    const longer = createLifecycle({ reopenDays: 14 });
    expect(longer.reopenDays).to.equal(14);
    expect(longer.check(h, input('reopen'), actor('fire-officer'), late).ok).to.equal(true);
    expect(caught(() => createLifecycle({ reopenDays: -1 })).message).to.contain('reopenDays');
  });

  it('reopen is refused for a hazard closed by a review or a lift, or with no closing entry', () => {
    const reviewed = hazard('closed', 'general', {
      history: [
        { at: '2025-06-15T10:00:00.000Z', by: 'w-1', action: 'fix-on-spot', from: 'reported', to: 'closed', before: ['b'], evidence: ['a'] },
        { at: '2025-06-16T10:00:00.000Z', by: 's-1', action: 'reopen', from: 'closed', to: 'rectifying' },
        { at: '2025-06-17T10:00:00.000Z', by: 'm-1', action: 'report-rectified', from: 'rectifying', to: 'awaiting-review' },
        { at: '2025-06-18T10:00:00.000Z', by: 's-1', action: 'review-pass', from: 'awaiting-review', to: 'closed' },
      ],
    });
    const r = refusal(en.check(reviewed, input('reopen'), actor('grid-supervisor'), NOW));
    expect(r.code).to.equal('not-allowed-from-status');
    expect(r.message).to.contain('closed by "Fix on the spot"').and.contain('Pass review');
    expect(refusal(en.check(hazard('closed'), input('reopen'), actor('grid-supervisor'), NOW)).message).to.contain('no closing entry');
    // An edit after the fix does not hide how the hazard was closed.
    const edited = fixedOnSpot('2025-06-19T10:00:00.000Z', {
      history: [
        { at: '2025-06-19T10:00:00.000Z', by: 'w-1', action: 'fix-on-spot', from: 'reported', to: 'closed', before: ['b'], evidence: ['a'] },
        { at: '2025-06-19T11:00:00.000Z', by: 'w-1', action: 'edit', from: 'closed', to: 'closed', fields: ['description'] },
      ],
    });
    expect(en.check(edited, input('reopen'), actor('grid-supervisor'), NOW).ok).to.equal(true);
  });

  it('reopen is refused to the roles outside the table', () => {
    const h = fixedOnSpot(NOW.toISOString());
    for (const role of ['grid-worker', 'unit-manager', 'captain', 'resident', 'government', 'admin'] as const) {
      expect(refusal(en.check(h, input('reopen'), actor(role), NOW)).code, role).to.equal('role');
    }
  });
});

// Issue 19 item 1–2: 答复举报人 and 举报奖励 on a resident's tip-off.
describe('hazard lifecycle: answer-resident and record-reward (a resident\'s tip-off)', () => {
  const en = createLifecycle({ locale: 'en' });
  const zh = createLifecycle();
  const tipOff = (status: HazardStatus): TestHazard => hazard(status, 'general', { source: 'public' });

  it('answer-resident sets publicReply from the note and keeps the status; refused on a worker\'s find', () => {
    const { hazard: next, entry } = en.apply(tipOff('closed'), input('answer-resident'), actor('grid-supervisor'), NOW);
    expect([next.status, next.publicReply]).to.deep.equal(['closed', { text: '经核实，消防车通道已清理，感谢您的举报', at: NOW.toISOString() }]);
    expect([entry.action, entry.from, entry.to, entry.note]).to.deep.equal(['answer-resident', 'closed', 'closed', '经核实，消防车通道已清理，感谢您的举报']);
    const r = refusal(en.check(hazard('verified', 'general', { source: 'worker' }), input('answer-resident'), actor('grid-supervisor')));
    expect([r.code, r.message.includes('public')]).to.deep.equal(['not-allowed-from-status', true]);
    expect(refusal(zh.check(hazard('verified'), input('answer-resident'), actor('grid-supervisor'))).message).to.contain('群众举报');
    expect(refusal(en.check(tipOff('draft'), input('answer-resident'), actor('grid-supervisor'))).code).to.equal('not-allowed-from-status');
    expect(refusal(en.check(tipOff('reported'), input('answer-resident'), actor('grid-worker'))).code).to.equal('role');
    expect(en.allowedActions(hazard('reported'), ['grid-supervisor'])).to.not.include('answer-resident');
    expect(en.allowedActions(tipOff('rejected'), ['grid-supervisor'])).to.deep.equal(['answer-resident']);
  });

  it('record-reward stores { due, amount?, paidAt? } after verification only, by a grid supervisor', () => {
    const { hazard: next } = en.apply(tipOff('verified'), input('record-reward'), actor('grid-supervisor'), NOW);
    expect(next.reward).to.deep.equal({ due: true, amount: 200, paidAt: '2025-07-01' });
    const none = en.apply(tipOff('closed'), { action: 'record-reward', reward: { due: false } }, actor('grid-supervisor'), NOW).hazard;
    expect(none.reward).to.deep.equal({ due: false });
    expect(refusal(en.check(tipOff('reported'), input('record-reward'), actor('grid-supervisor'))).code).to.equal('not-allowed-from-status');
    expect(refusal(en.check(tipOff('verified'), input('record-reward'), actor('fire-officer'))).code).to.equal('role');
    const bad = refusal(en.check(tipOff('verified'), { action: 'record-reward', reward: { due: true, amount: -5 } }, actor('grid-supervisor')));
    expect([bad.code, bad.invalid]).to.deep.equal(['invalid-field', ['reward.amount']]);
    expect(refusal(zh.check(tipOff('verified'), { action: 'record-reward' }, actor('grid-supervisor'))).message).to.equal('举报奖励缺少：是否给予奖励');
  });
});
