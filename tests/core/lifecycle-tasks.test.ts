// Issue 19: the assignee's and the dispatcher's actions in the core lifecycle — 签收, 退回,
// 申请延期/同意/不同意延期, 转办, 部门反馈, 上报上级 — with the assignee by responsible.personId.
import { expect } from '@open-wc/testing';
import { FiregridError } from '../../packages/core/src/errors.js';
import { DEFAULT_DEPARTMENTS, createLifecycle } from '../../packages/core/src/hazard/lifecycle.js';
import type { LifecycleHazard, TransitionCheck, TransitionActor } from '../../packages/core/src/hazard/lifecycle.js';
import { applyWriteRules } from '../../packages/core/src/rules/writes.js';
import { Hazard } from '../../packages/core/src/schema/hazard.js';
import type { HazardStatus } from '../../packages/core/src/names.js';

const NOW = new Date('2025-06-20T10:00:00+08:00');
const AT = NOW.toISOString();
const en = createLifecycle({ locale: 'en' });
const zh = createLifecycle();

/** A task assigned to 王五 (user u-wang) of 幸福里物业. */
function task(status: HazardStatus = 'assigned', extra: Partial<Hazard> = {}): LifecycleHazard & Partial<Hazard> {
  return {
    id: 'h-1', title: '消防车通道被占用', status, severity: 'general', deadline: '2025-07-01', measures: '清理通道',
    responsible: { unit: '幸福里物业', person: '王五', personId: 'u-wang' }, history: [], ...extra,
  };
}
const wang: TransitionActor = { id: 'u-wang', roles: ['grid-worker'], name: '王五' };
const other: TransitionActor = { id: 'u-li', roles: ['grid-worker'] };
const manager: TransitionActor = { id: 'u-mgr', roles: ['unit-manager'] };
const supervisor: TransitionActor = { id: 'u-sup', roles: ['grid-supervisor'] };
const resident: TransitionActor = { id: 'u-res', roles: ['resident'] };

function refusal(result: TransitionCheck): Extract<TransitionCheck, { ok: false }> {
  if (result.ok) throw new Error('expected a refusal, got ok');
  return result;
}

describe('issue 19: accept (签收)', () => {
  it('the assignee may accept his task whatever his roles; it sets acceptedAt and keeps the status', () => {
    expect(en.allowedActions(task(), wang)).to.include('accept');
    const { hazard, entry } = en.apply(task(), { action: 'accept' }, wang, NOW);
    expect(hazard.status).to.equal('assigned');
    expect(hazard.acceptedAt).to.equal(AT);
    expect(entry).to.include({ action: 'accept', from: 'assigned', to: 'assigned', by: 'u-wang' });
  });

  it('a unit manager may; another grid worker may not (403 role, naming the assignee)', () => {
    expect(en.check(task(), { action: 'accept' }, manager).ok).to.equal(true);
    const r = refusal(en.check(task(), { action: 'accept' }, other));
    expect(r.code).to.equal('role');
    expect(r.message).to.contain("the task's assignee");
    expect(refusal(zh.check(task(), { action: 'accept' }, other)).message).to.contain('本任务的承办人');
    expect(en.allowedActions(task(), other)).to.not.include('accept');
    // With roles alone the assignee is not known.
    expect(en.allowedActions(task(), ['grid-worker'])).to.not.include('accept');
  });

  it('is refused once accepted (409), and from any status but assigned', () => {
    const accepted = en.apply(task(), { action: 'accept' }, wang, NOW).hazard;
    const r = refusal(en.check(accepted, { action: 'accept' }, wang));
    expect(r.code).to.equal('not-allowed-from-status');
    expect(r.message).to.contain('already accepted');
    expect(refusal(en.check(task('rectifying'), { action: 'accept' }, wang)).code).to.equal('not-allowed-from-status');
  });
});

describe('issue 19: return (退回)', () => {
  it('the assignee sends a mis-dispatched task back: verified, without responsible, with the reason', () => {
    const accepted = en.apply(task(), { action: 'accept' }, wang, NOW).hazard;
    const { hazard, entry } = en.apply(accepted, { action: 'return', reason: '该通道不属本物业管理' }, wang, NOW);
    expect(hazard.status).to.equal('verified');
    expect(hazard.responsible).to.equal(undefined);
    expect('responsible' in hazard).to.equal(false);
    expect(hazard.acceptedAt).to.equal(undefined);
    expect(entry).to.include({ action: 'return', from: 'assigned', to: 'verified', note: '该通道不属本物业管理' });
    // The dispatcher can assign it again.
    expect(en.allowedActions(hazard, supervisor)).to.include('assign');
  });

  it('needs a reason (422); refused to a resident (403)', () => {
    expect(refusal(en.check(task(), { action: 'return' }, wang)).missing).to.deep.equal(['reason']);
    expect(refusal(en.check(task(), { action: 'return', reason: 'x' }, resident)).code).to.equal('role');
  });
});

describe('issue 19: request-extension, approve-extension, refuse-extension (申请延期, 同意/不同意延期)', () => {
  const ask = { action: 'request-extension', deadline: '2025-07-20', reason: '需协调车主挪车' } as const;

  it('the assignee asks: the request is recorded, the deadline stays until a supervisor approves', () => {
    const asked = en.apply(task('rectifying'), ask, wang, NOW).hazard;
    expect(asked.deadline).to.equal('2025-07-01');
    expect(asked.extensionRequest).to.deep.equal({ deadline: '2025-07-20', reason: '需协调车主挪车', requestedBy: 'u-wang', requestedAt: AT });
    expect(en.allowedActions(asked, supervisor)).to.include.members(['approve-extension', 'refuse-extension']);
    const approved = en.apply(asked, { action: 'approve-extension', note: '同意延期至 7 月 20 日' }, supervisor, NOW).hazard;
    expect(approved.deadline).to.equal('2025-07-20');
    expect(approved.extensionRequest).to.include({ decision: 'approved', decidedBy: 'u-sup', decidedAt: AT });
    expect(approved.history.map((e) => e.action)).to.deep.equal(['request-extension', 'approve-extension']);
    // Decided: nothing left to approve, and he may ask again.
    expect(refusal(en.check(approved, { action: 'approve-extension', note: 'x' }, supervisor)).code).to.equal('not-allowed-from-status');
    expect(en.check(approved, { ...ask, deadline: '2025-08-01' }, wang).ok).to.equal(true);
  });

  it('a refusal keeps the deadline and records the decision', () => {
    const asked = en.apply(task(), ask, manager, NOW).hazard;
    const refused = en.apply(asked, { action: 'refuse-extension', note: '通道须立即清理' }, supervisor, NOW).hazard;
    expect(refused.deadline).to.equal('2025-07-01');
    expect(refused.extensionRequest).to.include({ decision: 'refused', decidedBy: 'u-sup' });
  });

  it('one request at a time; the deadline asked for must be later; deadline and reason are required', () => {
    const asked = en.apply(task(), ask, wang, NOW).hazard;
    expect(refusal(en.check(asked, ask, wang)).message).to.contain('already waiting');
    const earlier = refusal(en.check(task(), { ...ask, deadline: '2025-06-25' }, wang));
    expect(earlier.code).to.equal('invalid-field');
    expect(earlier.invalid).to.deep.equal(['deadline']);
    expect(refusal(en.check(task(), { action: 'request-extension' }, wang)).missing).to.deep.equal(['reason', 'deadline']);
  });

  it('roles: another worker may not ask; the assignee may not approve his own request; a fire officer may', () => {
    expect(refusal(en.check(task(), ask, other)).code).to.equal('role');
    const asked = en.apply(task(), ask, wang, NOW).hazard;
    expect(refusal(en.check(asked, { action: 'approve-extension', note: '同意' }, wang)).code).to.equal('role');
    expect(refusal(en.check(asked, { action: 'refuse-extension', note: '不同意' }, manager)).code).to.equal('role');
    expect(en.check(asked, { action: 'approve-extension', note: '同意' }, { id: 'fo', roles: ['fire-officer'] }).ok).to.equal(true);
  });
});

describe('issue 19: transfer and answer-transfer (转办, 部门反馈)', () => {
  const send = { action: 'transfer', department: 'urban-management', reason: '私家车长期占用消防车通道，需执法', deadline: '2025-07-10' } as const;

  it('the defaults are the plan 二（一）5 departments, 市场监管 a local addition', () => {
    expect(DEFAULT_DEPARTMENTS.map((d) => d.label['zh-CN'])).to.deep.equal(['消防救援机构', '公安派出所', '公安', '住建', '自然资源', '城管', '市场监管']);
    expect(DEFAULT_DEPARTMENTS.filter((d) => d.local === true).map((d) => d.id)).to.deep.equal(['market-regulation']);
    expect(en.departments).to.deep.equal(DEFAULT_DEPARTMENTS);
  });

  it('a supervisor transfers a verified hazard: assigned, the department responsible, the deadline set', () => {
    const { hazard, entry } = en.apply(task('verified', { responsible: undefined, deadline: undefined }), send, supervisor, NOW);
    expect(hazard.status).to.equal('assigned');
    expect(hazard.responsible).to.deep.equal({ unit: '城管', person: '城管' });
    expect(hazard.deadline).to.equal('2025-07-10');
    expect(hazard.transfer).to.deep.equal({ department: 'urban-management', reason: send.reason, at: AT, by: 'u-sup' });
    expect(entry).to.include({ action: 'transfer', from: 'verified', to: 'assigned' });
  });

  it('from assigned the task leaves its assignee; a named contact of the department is kept', () => {
    const accepted = en.apply(task(), { action: 'accept' }, wang, NOW).hazard;
    const { hazard } = en.apply(accepted, { ...send, responsible: { unit: 'x', person: '李队长', phone: '13800001111' } }, supervisor, NOW);
    expect(hazard.responsible).to.deep.equal({ unit: '城管', person: '李队长', phone: '13800001111' });
    expect(hazard.acceptedAt).to.equal(undefined);
  });

  it('an unknown department is refused naming the known ones; a vendor list replaces the defaults', () => {
    const r = refusal(en.check(task('verified'), { ...send, department: 'tax' }, supervisor));
    expect(r.code).to.equal('invalid-field');
    expect(r.invalid).to.deep.equal(['department']);
    expect(r.message).to.contain('urban-management');
    const local = createLifecycle({ departments: [{ id: 'jiedao-zhifa', label: { 'zh-CN': '街道综合执法队', en: 'Street enforcement team' } }] });
    expect(local.check(task('verified'), send, supervisor).ok).to.equal(false);
    expect(local.apply(task('verified'), { ...send, department: 'jiedao-zhifa' }, supervisor, NOW).hazard.responsible?.unit).to.equal('街道综合执法队');
    expect(() => createLifecycle({ departments: [{ id: '', label: { 'zh-CN': 'x', en: 'x' } }] })).to.throw(FiregridError, 'departments');
  });

  it('only a grid supervisor transfers; department, reason and deadline are required', () => {
    expect(refusal(en.check(task('verified'), send, { id: 'fo', roles: ['fire-officer'] })).code).to.equal('role');
    expect(refusal(en.check(task('verified'), send, wang)).code).to.equal('role');
    expect(refusal(en.check(task('verified'), { action: 'transfer' }, supervisor)).missing).to.deep.equal(['reason', 'deadline', 'department']);
  });

  it('answer-transfer records the department\'s answer and document number; it needs a transfer', () => {
    expect(refusal(en.check(task(), { action: 'answer-transfer', note: 'x' }, supervisor)).message).to.contain('transferred');
    const sent = en.apply(task('verified'), send, supervisor, NOW).hazard;
    const { hazard, entry } = en.apply(sent, { action: 'answer-transfer', note: '已拖移车辆并立案', documentNumber: '城管罚字〔2025〕12号' }, supervisor, NOW);
    expect(hazard.transfer?.answer).to.deep.equal({ note: '已拖移车辆并立案', documentNumber: '城管罚字〔2025〕12号', at: AT, by: 'u-sup' });
    expect(hazard.status).to.equal('assigned');
    expect(entry.note).to.equal('已拖移车辆并立案');
    expect(refusal(en.check(sent, { action: 'answer-transfer', note: 'x' }, wang)).code).to.equal('role');
  });
});

describe('issue 19: escalate (上报上级)', () => {
  it('moves one tier up each time, 网格 → 社区 → 街道 → 区县, and no further', () => {
    let h = task('reported', { responsible: undefined });
    const tiers: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      h = en.apply(h, { action: 'escalate', reason: '物业拒不整改' }, wang, NOW).hazard;
      tiers.push(h.tier);
    }
    expect(tiers).to.deep.equal(['community', 'township', 'county']);
    expect(refusal(en.check(h, { action: 'escalate', reason: 'x' }, supervisor)).code).to.equal('not-allowed-from-status');
    expect(en.allowedActions(h, supervisor)).to.not.include('escalate');
  });

  it('needs a reason; refused to a unit manager and on a closed hazard', () => {
    expect(refusal(en.check(task(), { action: 'escalate' }, wang)).missing).to.deep.equal(['reason']);
    expect(refusal(en.check(task(), { action: 'escalate', reason: 'x' }, manager)).code).to.equal('role');
    expect(refusal(en.check(task('closed'), { action: 'escalate', reason: 'x' }, wang)).code).to.equal('not-allowed-from-status');
  });
});

describe('issue 19: the fields are the actions\' own', () => {
  const stored = { ...task(), id: '0190a0b0-0000-7000-8000-000000000001', version: 1, createdAt: AT, updatedAt: AT, tenantId: 't1',
    category: 'fire-lane-blocked', description: '', photos: [], source: 'worker', reporter: { kind: 'grid-worker', personId: 'u-li', confidential: false } } as const;

  it('the schema takes them, and a save may not set acceptedAt, extensionRequest, transfer or tier', () => {
    const next = en.apply(en.apply(stored, { action: 'accept' }, wang, NOW).hazard, { action: 'escalate', reason: 'x' }, wang, NOW).hazard;
    expect(Hazard.safeParse(next).success).to.equal(true);
    for (const [field, value] of [['acceptedAt', AT], ['tier', 'county'], ['transfer', { department: 'x', reason: 'y', at: AT, by: 'u' }]] as const) {
      const out = applyWriteRules('hazards', { ...stored, [field]: value }, { previous: stored, actor: { id: 'u-sup', roles: ['grid-supervisor'] }, now: NOW, lookups: { get: () => undefined } } as never);
      expect(out.ok, field).to.equal(false);
      if (!out.ok) expect(out.refusal.field, field).to.equal(field);
    }
  });
});
