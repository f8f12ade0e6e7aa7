import { expect, fixture, html } from '@open-wc/testing';
import { createFiregridClient, defineHost, hazardCommands, memoryDataPort, newId, reporterPrivacy } from '@firegrid/core';
import type { DataPort, FiregridClient, Hazard, HazardAction, HazardInput, HostSession, SaveBackendFactory } from '@firegrid/core';
import { offlineBackend } from '@firegrid/core/offline';
import '@firegrid/elements/hazard-ledger/define';
import type { FgHazardLedger, HazardTransitionDetail, HazardTransitionedDetail } from '@firegrid/elements/hazard-ledger';
import {
  HAZARD, captainSession, fireOfficerSession, governmentSession, ledgerSeed, supervisorSession, unitManagerSession, workerSession,
} from '../../stories/hazard-ledger.stories.js';
import { samplePhoto } from '../../stories/hazard-report.stories.js';
import { AssigneeTask, ExtensionRequested, TransferAnswer, TransferToDepartment } from '../../stories/hazard-ledger.stories.js';
import { until, allDeep } from '../support/wait.js';

const deep = (el: HTMLElement, sel: string): HTMLElement | undefined =>
  allDeep(el.shadowRoot!).find((e) => e.matches(sel)) as HTMLElement | undefined;
const need = (el: HTMLElement, sel: string): HTMLElement => {
  const found = deep(el, sel);
  if (found === undefined) throw new Error(`no ${sel}`);
  return found;
};
/** `sel` inside the shadow root of the first `host` tag under `el`. */
const inside = (el: HTMLElement, host: string, sel: string): Element | undefined =>
  deep(el, host)?.shadowRoot?.querySelector(sel) ?? undefined;
const text = (el: HTMLElement): string => allDeep(el.shadowRoot!).map((e) => (e.shadowRoot ? '' : Array.from(e.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent).join(''))).join(' ');
function fill(el: HTMLElement, sel: string, value: string): void {
  const f = (need(el, sel) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement);
  f.value = value;
  f.dispatchEvent(new Event(f instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

const CANDIDATE = newId();
const candidate: HazardInput = {
  id: CANDIDATE, category: 'flammables', title: '2 号库地下室存放油漆稀料（已标记疑似重大）', description: '', photos: [], source: 'worker',
  reporter: { kind: 'grid-worker', personId: 'w-0101', confidential: false }, severity: 'major-candidate', status: 'verified', gridId: '140106001001',
};

async function open(
  session: HostSession, hazardId: string, change: (h: HazardInput) => HazardInput = (h) => h, backend?: SaveBackendFactory,
): Promise<{ el: FgHazardLedger; client: FiregridClient; data: DataPort; before: HazardTransitionDetail[]; after: HazardTransitionedDetail[] }> {
  const seed = ledgerSeed();
  const hazards = [...(seed.hazards ?? []), candidate].map((h) => (h.id === hazardId ? change(h) : h));
  const data = memoryDataPort({ ...seed, hazards }, { tenantId: 'demo', commands: hazardCommands({ actor: session.user }) });
  const client = createFiregridClient({
    host: defineHost({
      session: () => Promise.resolve(session), data: reporterPrivacy(data, session.user),
      media: { capture: async () => [await samplePhoto('整改后')] },
    }),
    ...(backend === undefined ? {} : { backend }),
  });
  const el = await fixture<FgHazardLedger>(html`<fg-hazard-ledger hazard-id=${hazardId} .client=${client}></fg-hazard-ledger>`);
  await until(() => deep(el, '#d-title') !== undefined, 'the detail');
  const before: HazardTransitionDetail[] = [];
  const after: HazardTransitionedDetail[] = [];
  el.addEventListener('fg-hazard-transition', (e) => { before.push(e.detail); });
  el.addEventListener('fg-hazard-transitioned', (e) => { after.push(e.detail); });
  return { el, client, data, before, after };
}

async function act(el: FgHazardLedger, action: HazardAction): Promise<void> {
  need(el, `[data-action="${action}"]`).click();
  await until(() => deep(el, '#t-confirm') !== undefined, `the ${action} form`);
}

interface Case {
  action: HazardAction;
  session: HostSession;
  hazard: string;
  /** Controls that must show an error when confirmed empty. */
  required: string[];
  fill: (el: FgHazardLedger) => Promise<void> | void;
  check: (h: Hazard) => void;
  /** Changes the seeded hazard before the ledger opens. */
  change?: (h: HazardInput) => HazardInput;
}

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

const CASES: Case[] = [
  { action: 'submit', session: workerSession, hazard: HAZARD.draft, required: [], fill: () => undefined, check: (h) => { expect(h.status).to.equal('reported'); } },
  { action: 'verify', session: supervisorSession, hazard: HAZARD.reported, required: [], fill: () => undefined, check: (h) => { expect(h.status).to.equal('verified'); } },
  {
    action: 'reject', session: supervisorSession, hazard: HAZARD.reported, required: ['#t-reason'],
    fill: (el) => { fill(el, '#t-reason', '与 3 月 2 日上报的重复'); },
    check: (h) => { expect(h.status).to.equal('rejected'); expect(h.history.at(-1)?.note).to.equal('与 3 月 2 日上报的重复'); },
  },
  {
    action: 'assign', session: supervisorSession, hazard: HAZARD.verified, required: ['#t-unit', '#t-person', '#t-deadline', '#t-measures'],
    fill: (el) => {
      fill(el, '#t-unit', '柳巷物业'); fill(el, '#t-person', '陈主任'); fill(el, '#t-phone', '13700001234');
      fill(el, '#t-deadline', day(7)); fill(el, '#t-measures', '拆除私拉电线，设集中充电桩');
    },
    check: (h) => {
      expect(h.status).to.equal('assigned');
      expect(h.responsible).to.deep.equal({ unit: '柳巷物业', person: '陈主任', phone: '13700001234' });
      expect(h.deadline).to.equal(day(7));
      expect(h.measures).to.equal('拆除私拉电线，设集中充电桩');
    },
  },
  { action: 'start', session: unitManagerSession, hazard: HAZARD.assigned, required: [], fill: () => undefined, check: (h) => { expect(h.status).to.equal('rectifying'); } },
  {
    action: 'report-rectified', session: unitManagerSession, hazard: HAZARD.overdueSupervised, required: ['#t-add-evidence', '#t-note'],
    fill: async (el) => {
      need(el, '#t-add-evidence').click();
      await until(() => inside(el, 'fg-hazard-transition-form', '.thumbs li') !== undefined, 'the evidence photo');
      fill(el, '#t-note', '违建车棚已拆除，标线已施划');
    },
    check: (h) => { expect(h.status).to.equal('awaiting-review'); expect(h.history.at(-1)?.evidence).to.have.length(1); },
  },
  {
    // 当场整改: a worker clears the stairwell while he stands there, with a photo before and after.
    action: 'fix-on-spot', session: workerSession, hazard: HAZARD.reported, required: ['#t-add-before', '#t-add-evidence', '#t-note'],
    fill: async (el) => {
      need(el, '#t-add-before').click();
      await until(() => inside(el, 'fg-hazard-transition-form', '.thumbs li') !== undefined, 'the photo before');
      need(el, '#t-add-evidence').click();
      await until(() => deep(el, 'fg-hazard-transition-form')?.shadowRoot?.querySelectorAll('.thumbs li').length === 2, 'the photo after');
      fill(el, '#t-note', '当场清走楼道纸箱');
    },
    check: (h) => {
      expect(h.status).to.equal('closed');
      expect([h.history.at(-1)?.before?.length, h.history.at(-1)?.evidence?.length]).to.deep.equal([1, 1]);
      expect(h.history.at(-1)?.before?.[0]).to.not.equal(h.history.at(-1)?.evidence?.[0]);
    },
  },
  {
    // 复核不合格: within 7 days of the fix, the supervisor's re-check sends it back to the unit.
    action: 'reopen', session: supervisorSession, hazard: HAZARD.reported, required: ['#t-unit', '#t-person', '#t-deadline', '#t-measures', '#t-note'],
    change: (h) => ({
      ...h, status: 'closed',
      history: [{ at: new Date(Date.now() - 86_400_000).toISOString(), by: 'w-0101', action: 'fix-on-spot', from: 'reported', to: 'closed', before: ['b'], evidence: ['a'] }],
    }),
    fill: (el) => {
      fill(el, '#t-unit', '柳巷物业'); fill(el, '#t-person', '陈主任'); fill(el, '#t-deadline', day(3));
      fill(el, '#t-measures', '清理并每日巡查'); fill(el, '#t-note', '复核发现纸箱又堆回');
    },
    check: (h) => {
      expect([h.status, h.responsible?.person, h.deadline, h.measures]).to.deep.equal(['rectifying', '陈主任', day(3), '清理并每日巡查']);
    },
  },
  { action: 'review-pass', session: supervisorSession, hazard: HAZARD.awaitingReview, required: ['#t-note'], fill: (el) => { fill(el, '#t-note', '复查合格'); }, check: (h) => { expect(h.status).to.equal('closed'); } },
  { action: 'review-fail', session: fireOfficerSession, hazard: HAZARD.awaitingReview, required: ['#t-note'], fill: (el) => { fill(el, '#t-note', '仍有 2 盏不亮'); }, check: (h) => { expect(h.status).to.equal('rectifying'); } },
  {
    action: 'extend-deadline', session: supervisorSession, hazard: HAZARD.assigned, required: ['#t-reason', '#t-deadline'],
    fill: (el) => { fill(el, '#t-reason', '灭火器缺货'); fill(el, '#t-deadline', day(30)); },
    check: (h) => { expect(h.status).to.equal('assigned'); expect(h.deadline).to.equal(day(30)); },
  },
  { action: 'flag-major', session: workerSession, hazard: HAZARD.reported, required: ['#t-note'], fill: (el) => { fill(el, '#t-note', '疑似 7.3.3'); }, check: (h) => { expect(h.severity).to.equal('major-candidate'); } },
  {
    action: 'confirm-major', session: fireOfficerSession, hazard: CANDIDATE, required: ['#t-note'],
    fill: (el) => { fill(el, '#t-note', '2026-03-05 区消防救援大队 5 人集体讨论，判定为重大火灾隐患'); },
    check: (h) => {
      expect(h.severity).to.equal('major');
      expect(h.history.at(-1)?.note).to.contain('集体讨论');
      // Found and determined under the same edition: that one is recorded.
      expect(h.majorRuleSet).to.equal('GB35181-2025');
    },
  },
  { action: 'dismiss-major', session: fireOfficerSession, hazard: CANDIDATE, required: ['#t-note'], fill: (el) => { fill(el, '#t-note', '已搬离，不构成'); }, check: (h) => { expect(h.severity).to.equal('general'); } },
  {
    // 报请: a fire officer asks for 挂牌督办 of any open hazard; it is recorded, not yet listed.
    action: 'supervise', session: fireOfficerSession, hazard: HAZARD.assigned, required: ['#t-level', '#t-supervision-deadline', '#t-authority'],
    fill: (el) => { fill(el, '#t-level', 'city'); fill(el, '#t-supervision-deadline', day(15)); fill(el, '#t-authority', '太原市人民政府安委办'); },
    check: (h) => {
      expect(h.supervision).to.deep.include({ level: 'city', deadline: day(15), authority: '太原市人民政府安委办', requestedBy: 'f-0001' });
      expect(h.supervision?.listedAt).to.equal(undefined);
      expect(h.status).to.equal('assigned');
    },
  },
  {
    // The 安委办 lists the request as it came: the form shows what was asked.
    action: 'supervise', session: governmentSession, hazard: HAZARD.supervisionRequested, required: [], fill: () => undefined,
    check: (h) => {
      expect(h.supervision).to.deep.include({ level: 'county', requestedBy: 'f-0001', listedBy: 'g-0001', deadline: day(30) });
      expect(typeof h.supervision?.listedAt).to.equal('string');
    },
  },
  {
    // 答复举报人: the supervisor answers the resident's tip-off; the resident sees publicReply.
    action: 'answer-resident', session: supervisorSession, hazard: HAZARD.publicTip, required: ['#t-note'],
    fill: (el) => { fill(el, '#t-note', '已责令物业拆除私拉电线，感谢您的举报'); },
    check: (h) => { expect([h.status, h.publicReply?.text]).to.deep.equal(['reported', '已责令物业拆除私拉电线，感谢您的举报']); },
  },
  {
    // 举报奖励: after verification, whether a reward is due, its amount and when it was paid.
    action: 'record-reward', session: supervisorSession, hazard: HAZARD.publicTip, required: ['#t-reward-due'],
    change: (h) => ({ ...h, status: 'verified' }),
    fill: async (el) => {
      fill(el, '#t-reward-due', 'yes');
      await until(() => deep(el, '#t-reward-amount') !== undefined, 'the amount');
      fill(el, '#t-reward-amount', '200'); fill(el, '#t-reward-paid', day(0));
    },
    check: (h) => { expect([h.status, h.reward]).to.deep.equal(['verified', { due: true, amount: 200, paidAt: day(0) }]); },
  },
  {
    action: 'lift', session: governmentSession, hazard: HAZARD.awaitingLift, required: ['#t-note'],
    fill: (el) => { fill(el, '#t-note', '经复查合格，同意摘牌销案'); },
    check: (h) => { expect(h.status).to.equal('closed'); expect(h.supervision).to.deep.include({ liftedBy: 'g-0001' }); },
  },
  // Issue 19: the assignee's and the dispatcher's actions.
  {
    action: 'accept', session: unitManagerSession, hazard: HAZARD.assigned, required: [], fill: () => undefined,
    check: (h) => { expect([h.status, typeof h.acceptedAt]).to.deep.equal(['assigned', 'string']); },
  },
  {
    action: 'return', session: unitManagerSession, hazard: HAZARD.assigned, required: ['#t-reason'],
    fill: (el) => { fill(el, '#t-reason', '该车棚不属本物业管理'); },
    check: (h) => { expect([h.status, h.responsible]).to.deep.equal(['verified', undefined]); },
  },
  {
    action: 'request-extension', session: unitManagerSession, hazard: HAZARD.assigned, required: ['#t-reason', '#t-deadline'],
    fill: (el) => { fill(el, '#t-reason', '灭火器缺货'); fill(el, '#t-deadline', day(40)); },
    check: (h) => { expect(h.extensionRequest).to.deep.include({ deadline: day(40), reason: '灭火器缺货', requestedBy: 'u-0001' }); },
  },
  {
    action: 'refuse-extension', session: supervisorSession, hazard: HAZARD.assigned, required: ['#t-note'],
    change: (h) => ({ ...h, extensionRequest: { deadline: day(40), reason: '灭火器缺货', requestedBy: 'u-0001', requestedAt: new Date().toISOString() } }),
    fill: (el) => { fill(el, '#t-note', '可先借用邻近单位灭火器'); },
    check: (h) => { expect(h.extensionRequest?.decision).to.equal('refused'); expect(h.deadline).to.not.equal(day(40)); },
  },
  {
    action: 'transfer', session: supervisorSession, hazard: HAZARD.verified, required: ['#t-department', '#t-reason', '#t-deadline'],
    fill: (el) => { fill(el, '#t-department', 'urban-management'); fill(el, '#t-reason', '违章搭建需执法拆除'); fill(el, '#t-deadline', day(10)); },
    check: (h) => {
      expect([h.status, h.responsible?.unit, h.transfer?.department]).to.deep.equal(['assigned', '城管', 'urban-management']);
    },
  },
  {
    action: 'answer-transfer', session: supervisorSession, hazard: HAZARD.assigned, required: ['#t-note'],
    change: (h) => ({ ...h, transfer: { department: 'urban-management', reason: '需执法', at: new Date().toISOString(), by: 's-0101' } }),
    fill: (el) => { fill(el, '#t-note', '城管已立案，限期拆除'); fill(el, '#t-document-number', '城管责改〔2026〕7号'); },
    check: (h) => { expect(h.transfer?.answer).to.deep.include({ note: '城管已立案，限期拆除', documentNumber: '城管责改〔2026〕7号' }); },
  },
  {
    action: 'escalate', session: workerSession, hazard: HAZARD.reported, required: ['#t-reason'],
    fill: (el) => { fill(el, '#t-reason', '物业拒不配合'); },
    check: (h) => { expect(h.tier).to.equal('community'); },
  },
];

describe('fg-hazard-ledger: every transition from the UI', () => {
  for (const c of CASES) {
    it(`${c.action} (${c.session.user.roles.join(', ')})`, async () => {
      const { el, data, before, after } = await open(c.session, c.hazard, c.change);
      const start = await data.get('hazards', c.hazard);
      await act(el, c.action);
      if (c.required.length > 0) {
        need(el, '#t-confirm').click();
        await until(() => inside(el, 'fg-hazard-transition-form', '[role=alert]:not(:empty)') !== undefined, 'the refusal');
        for (const sel of c.required) expect(need(el, `${sel}-error`).textContent, sel).to.not.equal('');
        expect(before, 'nothing sent while fields are missing').to.deep.equal([]);
        expect((await data.get('hazards', c.hazard))?.version).to.equal(start?.version);
      }
      await c.fill(el);
      await expect(el).to.be.accessible();
      need(el, '#t-confirm').click();
      await until(() => after.length === 1, 'fg-hazard-transitioned');
      expect(before).to.have.length(1);
      expect(before[0]).to.include({ hazardId: c.hazard, action: c.action, from: start?.status });
      expect(after[0]).to.deep.include({ hazardId: c.hazard, action: c.action, from: start?.status });
      const stored = (await data.get('hazards', c.hazard))!;
      c.check(stored);
      expect(after[0]!.to).to.equal(stored.status);
      expect(stored.history.at(-1)).to.include({ action: c.action, by: c.session.user.id });
      await until(() => deep(el, 'fg-hazard-transition-form') === undefined, 'the form to close');
      expect(text(el)).to.contain('已');
    });
  }

  it('request-extension by the unit, then approve-extension by the supervisor: the form shows what was asked and the deadline moves', async () => {
    const seed = ledgerSeed();
    let who = unitManagerSession;
    const data = memoryDataPort(seed, { tenantId: 'demo', commands: hazardCommands({ actor: () => who.user }) });
    const ledger = async (session: HostSession): Promise<{ el: FgHazardLedger; after: HazardTransitionedDetail[] }> => {
      who = session;
      const client = createFiregridClient({ host: defineHost({ session: () => Promise.resolve(session), data }) });
      const el = await fixture<FgHazardLedger>(html`<fg-hazard-ledger hazard-id=${HAZARD.assigned} .client=${client}></fg-hazard-ledger>`);
      await until(() => deep(el, '#d-title') !== undefined, 'the detail');
      const after: HazardTransitionedDetail[] = [];
      el.addEventListener('fg-hazard-transitioned', (e) => { after.push(e.detail); });
      return { el, after };
    };
    const unit = await ledger(unitManagerSession);
    expect(deep(unit.el, '[data-action="approve-extension"]'), 'the unit may not approve').to.equal(undefined);
    await act(unit.el, 'request-extension');
    fill(unit.el, '#t-deadline', day(45));
    fill(unit.el, '#t-reason', '防火门需定制，到货需 6 周');
    need(unit.el, '#t-confirm').click();
    await until(() => unit.after.length === 1, 'the request');
    expect((await data.get('hazards', HAZARD.assigned))?.deadline).to.not.equal(day(45));

    const sup = await ledger(supervisorSession);
    await act(sup.el, 'approve-extension');
    expect(inside(sup.el, 'fg-hazard-transition-form', '#t-asked')?.textContent).to.contain(day(45)).and.contain('防火门需定制');
    fill(sup.el, '#t-note', '同意延期');
    await expect(sup.el).to.be.accessible();
    need(sup.el, '#t-confirm').click();
    await until(() => sup.after.length === 1, 'the approval');
    const stored = await data.get('hazards', HAZARD.assigned);
    expect([stored?.deadline, stored?.extensionRequest?.decision]).to.deep.equal([day(45), 'approved']);
    expect(stored?.history.slice(-2).map((e) => [e.action, e.by])).to.deep.equal([['request-extension', 'u-0001'], ['approve-extension', 's-0101']]);
  });

  it('assignee="me" lists only the signed-in user\'s tasks (我的任务)', async () => {
    const seed = ledgerSeed();
    const mine = { unit: '桥东物业', person: '刘经理', personId: unitManagerSession.user.id };
    const hazards = (seed.hazards ?? []).map((h) => (h.id === HAZARD.assigned ? { ...h, responsible: mine } : h));
    const data = memoryDataPort({ ...seed, hazards }, { tenantId: 'demo', actor: unitManagerSession.user, commands: hazardCommands({ actor: unitManagerSession.user }) });
    const client = createFiregridClient({ host: defineHost({ session: () => Promise.resolve(unitManagerSession), data }) });
    const el = await fixture<FgHazardLedger>(html`<fg-hazard-ledger assignee="me" .client=${client}></fg-hazard-ledger>`);
    await until(() => allDeep(el.shadowRoot!).some((e) => e.matches('tbody tr, [part~="row"]')), 'the rows');
    const rows = allDeep(el.shadowRoot!).filter((e) => e.matches('tbody tr'));
    expect(rows).to.have.length(1);
    expect(rows[0]?.textContent).to.contain((seed.hazards ?? []).find((h) => h.id === HAZARD.assigned)?.title);
  });

  it('the issue 19 stories offer what they promise', async () => {
    let shown = '';
    const offered = async (story: { render?: unknown }): Promise<(string | null)[]> => {
      const el = await fixture<FgHazardLedger>((story.render as () => ReturnType<typeof html>)());
      await until(() => deep(el, '#d-title') !== undefined, 'the detail');
      shown = text(el);
      return allDeep(el.shadowRoot!).filter((e) => e.hasAttribute('data-action')).map((e) => e.getAttribute('data-action'));
    };
    expect(await offered(AssigneeTask)).to.include.members(['accept', 'return', 'request-extension', 'start']);
    expect(await offered(ExtensionRequested)).to.include.members(['approve-extension', 'refuse-extension']);
    // The detail says what was asked, and that it waits for a decision.
    expect(shown).to.contain('干粉灭火器缺货').and.contain('待审核');
    expect(await offered(TransferToDepartment)).to.include('transfer');
    expect(await offered(TransferAnswer)).to.include('answer-transfer');
    expect(shown).to.contain('转办部门').and.contain('城管');
  });

  it('shows an on-the-spot fix with its photos before and after, and offers reopen only within 7 days of it', async () => {
    const fixed = (daysAgo: number) => (h: HazardInput): HazardInput => ({
      ...h, status: 'closed',
      history: [{
        at: new Date(Date.now() - daysAgo * 86_400_000).toISOString(), by: 'w-0101', action: 'fix-on-spot', from: 'reported', to: 'closed',
        note: '当场清走纸箱', before: ['b1', 'b2'], evidence: ['a1'],
      }],
    });
    const recent = await open(supervisorSession, HAZARD.reported, fixed(6));
    expect(text(recent.el)).to.contain('当场整改').and.contain('附整改前照片 2 张').and.contain('附照片 1 张');
    expect(allDeep(recent.el.shadowRoot!).filter((e) => e.hasAttribute('data-action')).map((e) => e.getAttribute('data-action'))).to.deep.equal(['reopen']);
    const late = await open(supervisorSession, HAZARD.reported, fixed(8));
    expect(deep(late.el, '[data-action]')).to.equal(undefined);
    const worker = await open(workerSession, HAZARD.reported, fixed(1));
    expect(deep(worker.el, '[data-action]'), 'a grid worker may not reopen').to.equal(undefined);
  });

  it('flags a tip-off whose site check and answer are overdue (超期), shows the clocks, and keeps the reward from a grid worker', async () => {
    const rewarded = (h: HazardInput): HazardInput => ({
      ...h, status: 'verified', reward: { due: true, amount: 300 },
      history: [{ at: new Date(Date.now() - 86_400_000).toISOString(), by: 's-0101', action: 'verify', from: 'reported', to: 'verified' },
        { at: new Date(Date.now() - 3_600_000).toISOString(), by: 's-0101', action: 'record-reward', from: 'verified', to: 'verified' }],
    });
    const sup = await open(supervisorSession, HAZARD.publicTip, rewarded);
    const flags = allDeep(sup.el.shadowRoot!).filter((e) => e.matches('.flag[data-clock]')).map((e) => e.textContent);
    // Checked by the verify a day ago, but never answered: 5 working days have passed since the report.
    expect(flags).to.deep.equal(['超期未答复']);
    expect(text(sup.el)).to.contain('答复期限').and.contain('已超期').and.contain('应予奖励 300 元，未发放');
    expect(deep(sup.el, '[data-action="answer-resident"]')).to.not.equal(undefined);
    const worker = await open(workerSession, HAZARD.publicTip, rewarded);
    expect(text(worker.el)).to.not.contain('举报奖励').and.not.contain('300');
    expect(deep(worker.el, '[data-action="answer-resident"]')).to.equal(undefined);
  });

  it('offers exactly the actions of the role: none to a floor captain', async () => {
    const { el } = await open(captainSession, HAZARD.reported);
    expect(deep(el, '[data-action]')).to.equal(undefined);
    expect(text(el)).to.contain('没有可办理的操作');
    const sup = await open(supervisorSession, HAZARD.reported);
    expect(allDeep(sup.el.shadowRoot!).filter((e) => e.hasAttribute('data-action')).map((e) => e.getAttribute('data-action'))).to.deep.equal(['fix-on-spot', 'verify', 'reject', 'flag-major', 'escalate']);
    await expect(el).to.be.accessible();
  });

  it('offers no one the review of his own rectification, and the review of a supervised major only to a fire officer', async () => {
    const actions = (el: HTMLElement): (string | null)[] =>
      allDeep(el.shadowRoot!).filter((e) => e.hasAttribute('data-action')).map((e) => e.getAttribute('data-action'));
    // The grid worker reported this rectification himself.
    expect(actions((await open(workerSession, HAZARD.awaitingReview)).el)).to.deep.equal(['flag-major', 'escalate']);
    expect(actions((await open(supervisorSession, HAZARD.awaitingReview)).el)).to.deep.equal(['review-pass', 'review-fail', 'flag-major', 'escalate']);
    // Supervised and major, review passed: the supervisor may only escalate, the fire officer may still fail it, the 安委办 may lift.
    expect(actions((await open(supervisorSession, HAZARD.awaitingLift)).el)).to.deep.equal(['escalate']);
    const fo = await open(fireOfficerSession, HAZARD.awaitingLift);
    expect(actions(fo.el)).to.deep.equal(['review-fail']);
    expect(text(fo.el)).to.contain('复查已通过，待挂牌督办机关摘牌销案');
    expect(text(fo.el)).to.contain('迎泽区人民政府安全生产委员会办公室');
    const gov = await open(governmentSession, HAZARD.awaitingLift);
    expect(actions(gov.el)).to.deep.equal(['lift']);
    await expect(gov.el).to.be.accessible();
    const asked = await open(governmentSession, HAZARD.supervisionRequested);
    expect(text(asked.el)).to.contain('报请挂牌');
    expect(actions(asked.el)).to.deep.equal(['supervise']);
  });

  it('a fire officer\'s passed review of a supervised hazard keeps it awaiting the lift, and says so', async () => {
    // The supervised major hazard, its rectification reported by the unit manager.
    const { el, data, after } = await open(fireOfficerSession, HAZARD.overdueSupervised, (h) => ({
      ...h, status: 'awaiting-review',
      history: [{ at: new Date().toISOString(), by: 'u-0001', action: 'report-rectified', from: 'rectifying', to: 'awaiting-review', evidence: ['x'] }],
    }));
    await act(el, 'review-pass');
    fill(el, '#t-note', '复查合格');
    need(el, '#t-confirm').click();
    await until(() => after.length === 1, 'fg-hazard-transitioned');
    expect(after[0]).to.deep.include({ action: 'review-pass', from: 'awaiting-review', to: 'awaiting-review' });
    const stored = (await data.get('hazards', HAZARD.overdueSupervised))!;
    expect([stored.status, stored.history.at(-1)?.action]).to.deep.equal(['awaiting-review', 'review-pass']);
    await until(() => text(el).includes('复查已通过，待挂牌督办机关摘牌销案'), 'the awaiting-lift note');
  });

  it('offers what the vendor\'s lifecycle rules allow (client.lifecycle): here supervisors may review majors', async () => {
    const data = memoryDataPort(ledgerSeed(), { tenantId: 'demo' });
    const client = createFiregridClient({
      host: defineHost({ session: () => Promise.resolve(supervisorSession), data }),
      lifecycle: { rolesWhen: { supervised: { 'review-fail': ['grid-supervisor', 'fire-officer'] }, major: { 'review-fail': ['grid-supervisor', 'fire-officer'] } } },
    });
    const el = await fixture<FgHazardLedger>(html`<fg-hazard-ledger hazard-id=${HAZARD.awaitingLift} .client=${client}></fg-hazard-ledger>`);
    await until(() => deep(el, '#d-title') !== undefined, 'the detail');
    expect(allDeep(el.shadowRoot!).filter((e) => e.hasAttribute('data-action')).map((e) => e.getAttribute('data-action'))).to.deep.equal(['review-fail', 'escalate']);
  });

  it('says a transition queued on the device is kept there, from the command\'s receipt (an outbox that never answers a status read does not hold it up)', async () => {
    const backend = offlineBackend({ prefix: `fg-test-ledger-${newId()}`, autoSync: false, persist: false });
    const { el, client, data, after } = await open(supervisorSession, HAZARD.reported, undefined, backend);
    const offline = client.offline!;
    const realStatus = offline.status.bind(offline);
    offline.status = () => new Promise(() => undefined);
    await act(el, 'verify');
    need(el, '#t-confirm').click();
    await until(() => after.length === 1, 'fg-hazard-transitioned');
    await until(() => text(el).includes('保存在本机'), 'the queued message');
    expect(need(el, '#d-queued').textContent).to.contain('待发送（1）：核实');
    expect(after[0]).to.deep.include({ hazardId: HAZARD.reported, action: 'verify', from: 'reported', to: 'verified' });
    expect((await data.get('hazards', HAZARD.reported))?.status, 'not sent yet').to.equal('reported');
    expect((await realStatus()).pending).to.have.length(1);
  });

  it('lets the host veto a transition with preventDefault', async () => {
    const { el, data, after } = await open(supervisorSession, HAZARD.reported);
    el.addEventListener('fg-hazard-transition', (e) => { e.preventDefault(); });
    await act(el, 'verify');
    need(el, '#t-confirm').click();
    await until(() => text(el).includes('宿主应用未允许此操作'), 'the veto message');
    expect(after).to.deep.equal([]);
    expect((await data.get('hazards', HAZARD.reported))?.status).to.equal('reported');
  });

  it('shows the history, the confidential reporter only to a supervisor, and the photos through the port', async () => {
    const seed = ledgerSeed();
    const data = memoryDataPort(seed, { tenantId: 'demo' });
    const ref = await data.uploadMedia(await samplePhoto(), { width: 640, height: 480 }, { idempotencyKey: newId() });
    const tip = (await data.get('hazards', HAZARD.publicTip))!;
    await data.save('hazards', { ...tip, photos: [ref] }, { idempotencyKey: newId() });
    const view = async (session: HostSession) => {
      const client = createFiregridClient({ host: defineHost({ session: () => Promise.resolve(session), data: reporterPrivacy(data, session.user) }) });
      const el = await fixture<FgHazardLedger>(html`<fg-hazard-ledger hazard-id=${HAZARD.publicTip} .client=${client}></fg-hazard-ledger>`);
      await until(() => inside(el, 'fg-hazard-detail', 'img') !== undefined, 'the photo');
      return el;
    };
    const worker = await view(workerSession);
    expect(text(worker)).to.contain('群众（保密）');
    expect(text(worker)).not.to.contain('13912345678');
    expect((inside(worker, 'fg-hazard-detail', 'img') as HTMLImageElement).alt).to.equal('隐患照片 1');
    const sup = await view(supervisorSession);
    // A supervisor may see him: his number masked, in full after a tap.
    expect(text(sup)).to.contain('139****5678').and.not.to.contain('13912345678');
    (inside(sup, 'fg-hazard-detail', 'button.phone') as HTMLElement).click();
    await until(() => text(sup).includes('13912345678'), 'the full number after a tap');
    await expect(sup).to.be.accessible();
  });

  it('suggests flagging a candidate under the GB 35181 edition of the discovery date', async () => {
    const a = await open(fireOfficerSession, HAZARD.candidate2017);
    await until(() => deep(a.el, '.suggestion') !== undefined, 'the 2017 suggestion');
    const s2017 = need(a.el, '.suggestion').textContent;
    expect(s2017).to.contain('GB 35181-2017');
    expect(s2017).to.contain('已废止');
    expect(s2017).to.contain('6.4');
    expect(s2017).to.contain('集体讨论');
    await expect(a.el).to.be.accessible();
    const b = await open(fireOfficerSession, HAZARD.candidate2025);
    await until(() => deep(b.el, '.suggestion') !== undefined, 'the 2025 suggestion');
    const s2025 = need(b.el, '.suggestion').textContent;
    expect(s2025).to.contain('GB 35181-2025');
    expect(s2025).to.contain('未核实');
    expect(s2025).to.contain('不完整');
    const none = await open(fireOfficerSession, HAZARD.assigned);
    await new Promise((r) => setTimeout(r, 200));
    expect(deep(none.el, '.suggestion')).to.equal(undefined);
  });

  it('confirm-major across 2025-11-01 shows the suggestion under both editions and records the one chosen', async () => {
    const { el, data, after } = await open(fireOfficerSession, HAZARD.candidate2017, (h) => ({ ...h, severity: 'major-candidate' }));
    await act(el, 'confirm-major');
    await until(() => inside(el, 'fg-hazard-transition-form', '[data-rule-set="GB35181-2017"] li') !== undefined, 'the 2017 elements');
    const box = inside(el, 'fg-hazard-transition-form', '#t-editions')!;
    expect(box.textContent).to.contain('跨越 2025-11-01');
    expect([...box.querySelectorAll('[data-rule-set]')].map((d) => d.getAttribute('data-rule-set'))).to.deep.equal(['GB35181-2017', 'GB35181-2025']);
    expect(box.querySelector('[data-rule-set="GB35181-2017"]')!.textContent).to.contain('6.4');
    expect(box.querySelector('[data-rule-set="GB35181-2025"]')!.textContent).to.contain('未涉及本版判定要素');
    const radios = [...box.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios.map((r) => r.checked)).to.deep.equal([false, true]);
    await expect(el).to.be.accessible();
    radios[0]!.click();
    fill(el, '#t-note', '2025-11-05 集体讨论，依发现时施行的 2017 版第 6.4 条判定');
    need(el, '#t-confirm').click();
    await until(() => after.length === 1, 'fg-hazard-transitioned');
    const stored = (await data.get('hazards', HAZARD.candidate2017))!;
    expect([stored.severity, stored.majorRuleSet]).to.deep.equal(['major', 'GB35181-2017']);
  });

  it('opens a row from the list, fires fg-hazard-open, and goes back to the same row', async () => {
    const data = memoryDataPort(ledgerSeed(), { tenantId: 'demo' });
    const client = createFiregridClient({ host: defineHost({ session: () => Promise.resolve(supervisorSession), data }) });
    const el = await fixture<FgHazardLedger>(html`<fg-hazard-ledger .client=${client}></fg-hazard-ledger>`);
    await until(() => el.shadowRoot!.querySelector(`button[data-hazard="${HAZARD.reported}"]`) !== null, 'the row');
    const opened: string[] = [];
    el.addEventListener('fg-hazard-open', (e) => { opened.push(e.detail.hazardId); });
    el.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-hazard="${HAZARD.reported}"]`)!.click();
    await until(() => deep(el, '#d-title') !== undefined, 'the detail');
    expect(opened).to.deep.equal([HAZARD.reported]);
    await until(() => (deep(el, 'fg-hazard-detail')!.shadowRoot!.activeElement?.id ?? '') === 'd-title', 'focus on the heading');
    need(el, '#back').click();
    await until(() => el.shadowRoot!.activeElement?.getAttribute('data-hazard') === HAZARD.reported, 'focus back on the row');
  });
});
