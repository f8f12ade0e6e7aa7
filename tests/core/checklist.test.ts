import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  answerItem, applicableTemplates, checklistProgress, conditionCycles, evaluateWhen, failedItemsToHazards, isVisible,
  missingEvidence, placeFlags, startInspection, submitInspection, supersede, validateTemplate, visibility, visibleItems,
} from '../../packages/core/src/index.js';
import { FiregridError } from '../../packages/core/src/errors.js';
import { Hazard, Inspection } from '../../packages/core/src/schema/index.js';
import type { Answer, ChecklistItem, ChecklistTemplate, PhotoRef, Place, When } from '../../packages/core/src/schema/index.js';

const T0 = new Date('2026-03-02T09:00:00+08:00');
const T1 = new Date('2026-03-02T09:20:00+08:00');
const stored = { version: 1, createdAt: '2026-01-01T00:00:00+08:00', updatedAt: '2026-01-01T00:00:00+08:00', tenantId: 't1' };

const basis = { doc: '《高层民用建筑消防安全管理规定》（应急管理部令第5号）', clause: '第二十八条', verified: true };
const mk = (id: string, over: Partial<ChecklistItem> = {}): ChecklistItem => ({
  id, text: { 'zh-CN': `检查项 ${id}`, en: `Item ${id}` }, basis, severity: 'general',
  evidence: { photoOnFail: false, noteOnFail: false }, ...over,
});

const TEMPLATE: ChecklistTemplate = {
  ...stored,
  id: '0196a000-7e00-7000-8000-0000000000aa',
  version: 3,
  revision: 3,
  title: { 'zh-CN': '测试模板' },
  appliesTo: { kinds: ['residential'] },
  sections: [
    { id: 's1', title: { 'zh-CN': '疏散' }, items: [
      mk('exits', { category: 'exit-blocked', evidence: { photoOnFail: true, noteOnFail: true }, ruleRefs: ['GB35181-2017:7.3.3'] }),
      mk('doors', { category: 'fire-door', severity: 'major-candidate' }),
    ] },
    { id: 's2', title: { 'zh-CN': '条件' }, items: [
      mk('hr-only', { when: { place: 'highRise' } }),
      mk('shed', {}),
      mk('shed-cutoff', { when: { not: { answer: 'shed', is: 'na' } } }),
      mk('cutoff-detail', { when: { answer: 'shed-cutoff', is: 'fail' } }),
    ] },
  ],
};

const PLACE: Place = {
  ...stored, id: '019a4b2c-0000-7000-8000-000000000001', kind: 'residential', name: '桥东小区 3 号楼',
  address: '迎泽区桥东街 18 号', gridId: '140106001001', building: { floors: 6, heightM: 18, yearBuilt: 2008 },
  location: { lng: 112.56, lat: 37.86, crs: 'GCJ02' },
};
const HIGH: Place = { ...PLACE, building: { floors: 18, heightM: 54 } };

const PHOTO: PhotoRef = { id: 'm1', url: '/v1/media/m1', sha256: 'a'.repeat(64), width: 1600, height: 1200, bytes: 1000 };

const start = (place: Place = PLACE) => startInspection({ template: TEMPLATE, place, inspectorId: 'w-01', tenantId: 't1', now: T0 });

function answerAll(insp: Inspection, answers: Record<string, Answer>): Inspection {
  let next = insp;
  for (const [id, a] of Object.entries(answers)) next = answerItem(next, TEMPLATE, id, a, T1);
  return next;
}

function thrown(fn: () => unknown): FiregridError {
  try {
    fn();
  } catch (e) {
    expect(e).to.be.instanceOf(FiregridError);
    return e as FiregridError;
  }
  throw new Error('expected a FiregridError');
}

describe('checklist engine: which templates apply', () => {
  const base = { ...TEMPLATE, appliesTo: { kinds: ['residential' as const] } };
  const hr = { ...TEMPLATE, id: 'hr', appliesTo: { kinds: ['residential' as const], highRise: true } };
  const low = { ...TEMPLATE, id: 'low', appliesTo: { kinds: ['residential' as const], highRise: false } };
  const old = { ...TEMPLATE, id: 'old', appliesTo: { kinds: ['residential' as const], oldResidential: true } };
  const shop = { ...TEMPLATE, id: 'shop', appliesTo: { kinds: ['small-venue' as const] } };
  const all = [base, hr, low, old, shop];

  it('matches the kind, and the computed high-rise and old flags where a template asks for them', () => {
    expect(applicableTemplates(all, HIGH).map((t) => t.id)).to.deep.equal([TEMPLATE.id, 'hr']);
    expect(applicableTemplates(all, PLACE).map((t) => t.id)).to.deep.equal([TEMPLATE.id, 'low']);
    const oldLow = { kind: 'residential' as const, building: { floors: 5, yearBuilt: 1988 } };
    expect(applicableTemplates(all, oldLow).map((t) => t.id)).to.deep.equal([TEMPLATE.id, 'low', 'old']);
    expect(applicableTemplates(all, { kind: 'small-venue' }).map((t) => t.id)).to.deep.equal(['shop']);
    expect(applicableTemplates(all, { kind: 'hotel' })).to.deep.equal([]);
  });

  it('computes high-rise from height, or from floors when the height is unknown; never typed in', () => {
    expect(placeFlags({ kind: 'residential', building: { heightM: 27 } }).highRise).to.equal(false);
    expect(placeFlags({ kind: 'residential', building: { heightM: 27.5 } }).highRise).to.equal(true);
    expect(placeFlags({ kind: 'residential', building: { floors: 10 } }).highRise).to.equal(true);
    expect(placeFlags({ kind: 'hotel', building: { heightM: 30, floors: 1 } }).highRise).to.equal(false);
    expect(placeFlags({ kind: 'hotel' })).to.deep.equal({ highRise: false, oldResidential: false, hasBuilding: false, kind: 'hotel', facts: {} });
  });
});

describe('checklist engine: when conditions', () => {
  const flags = placeFlags(HIGH);
  const res = (m: Record<string, Answer['result']>) => (id: string) => m[id];

  it('evaluates place facts, answers, all, any and not, nested', () => {
    const w: When = { all: [{ place: 'highRise' }, { any: [{ answer: 'a', is: 'fail' }, { not: { place: 'hasBuilding' } }] }] };
    expect(evaluateWhen(w, flags, res({ a: 'fail' }))).to.equal(true);
    expect(evaluateWhen(w, flags, res({ a: 'pass' }))).to.equal(false);
    expect(evaluateWhen(w, placeFlags(PLACE), res({ a: 'fail' }))).to.equal(false);
    expect(evaluateWhen({ all: [] }, flags, res({}))).to.equal(true);
    expect(evaluateWhen({ any: [] }, flags, res({}))).to.equal(false);
  });

  it('tests the place kind and recorded building facts; an unknown fact shows the item', () => {
    const kitchen: When = { fact: 'hasKitchen', is: true };
    const none = res({});
    expect(evaluateWhen(kitchen, placeFlags({ kind: 'small-venue' }), none)).to.equal(true);
    expect(evaluateWhen(kitchen, placeFlags({ kind: 'small-venue', building: { floors: 1 } }), none)).to.equal(true);
    expect(evaluateWhen(kitchen, placeFlags({ kind: 'small-venue', building: { hasKitchen: true } }), none)).to.equal(true);
    expect(evaluateWhen(kitchen, placeFlags({ kind: 'small-venue', building: { hasKitchen: false } }), none)).to.equal(false);
    expect(evaluateWhen({ fact: 'overnightStay', is: false }, placeFlags({ kind: 'school', building: { overnightStay: true } }), none)).to.equal(false);
    const hospitals: When = { kind: ['hospital', 'elderly-care'] };
    expect(evaluateWhen(hospitals, placeFlags({ kind: 'hospital' }), none)).to.equal(true);
    expect(evaluateWhen(hospitals, placeFlags({ kind: 'hotel' }), none)).to.equal(false);
    expect(evaluateWhen({ not: hospitals }, placeFlags({ kind: 'hotel' }), none)).to.equal(true);
    expect(placeFlags({ kind: 'hotel', building: { hasControlRoom: false, floors: 3 } })).to.deep.equal({
      highRise: false, oldResidential: false, hasBuilding: true, kind: 'hotel', facts: { hasControlRoom: false },
    });
    // isVisible and visibility read the same flags.
    expect(isVisible(mk('k', { when: kitchen }), { kind: 'small-venue', building: { hasKitchen: false } }, {})).to.equal(false);
    expect(visibility({ sections: [{ id: 's', title: { 'zh-CN': 's' }, items: [mk('h', { when: hospitals })] }] }, { kind: 'hospital' }, {})('h')).to.equal(true);
  });

  it('refuses an empty kind list, an unknown kind and an unknown fact, naming the path', () => {
    const bad = JSON.parse(JSON.stringify(TEMPLATE)) as { sections: { items: { when?: unknown }[] }[] };
    bad.sections[1]!.items[0]!.when = { kind: [] };
    bad.sections[1]!.items[1]!.when = { fact: 'hasPool', is: true };
    bad.sections[0]!.items[0]!.when = { kind: ['castle'] };
    const e = thrown(() => validateTemplate(bad, { locale: 'en' }));
    const paths = e.issues.map((i) => i.path).join(' ');
    expect(paths).to.contain('sections[1].items[0].when');
    expect(paths).to.contain('sections[1].items[1].when');
    expect(paths).to.contain('sections[0].items[0].when');
  });

  it('shows and hides items as answers change, and an answer to a hidden item does not count', () => {
    let answers: Record<string, Answer> = {};
    let visible = visibility(TEMPLATE, PLACE, answers);
    expect(visible('hr-only')).to.equal(false);
    expect(visible('shed-cutoff')).to.equal(true); // 'shed' not answered yet: not 'na'
    expect(visible('cutoff-detail')).to.equal(false);
    answers = { 'shed-cutoff': { result: 'fail' } };
    expect(visibility(TEMPLATE, PLACE, answers)('cutoff-detail')).to.equal(true);
    // Hiding shed-cutoff hides the item that hangs on its answer, though the answer is still stored.
    answers = { ...answers, shed: { result: 'na' } };
    visible = visibility(TEMPLATE, PLACE, answers);
    expect(visible('shed-cutoff')).to.equal(false);
    expect(visible('cutoff-detail')).to.equal(false);
    expect(visibleItems(TEMPLATE, PLACE, answers).map((i) => i.id)).to.deep.equal(['exits', 'doors', 'shed']);
    expect(visibleItems(TEMPLATE, HIGH, {}).map((i) => i.id)).to.include('hr-only');
    // isVisible reads the answers as given (no chain).
    expect(isVisible(mk('x', { when: { answer: 'shed-cutoff', is: 'fail' } }), PLACE, answers)).to.equal(true);
    expect(visible('no-such-item')).to.equal(false);
  });

  it('treats a condition that depends on itself as false, and validateTemplate refuses it', () => {
    const cyclic: ChecklistTemplate = { ...TEMPLATE, sections: [{ id: 's', title: { 'zh-CN': 'x' }, items: [
      mk('a', { when: { answer: 'b', is: 'pass' } }), mk('b', { when: { answer: 'a', is: 'pass' } }), mk('c'),
    ] }] };
    expect(conditionCycles(cyclic)).to.deep.equal(['a', 'b']);
    expect(visibility(cyclic, PLACE, { a: { result: 'pass' }, b: { result: 'pass' } })('a')).to.equal(false);
    const e = thrown(() => validateTemplate(cyclic, { locale: 'en' }));
    expect(e.code).to.equal('validation');
    expect(e.issues.map((i) => i.path)).to.deep.equal(['sections[0].items[0].when', 'sections[0].items[1].when']);
    expect(e.message).to.contain('depends on itself');
  });

  it('validateTemplate names the path of a bad template', () => {
    const bad = JSON.parse(JSON.stringify(TEMPLATE)) as { sections: { items: { basis: unknown; when?: unknown }[] }[] };
    bad.sections[0]!.items[1]!.basis = { doc: '', verified: true };
    bad.sections[1]!.items[0]!.when = { place: 'tall' };
    const e = thrown(() => validateTemplate(bad, { locale: 'en' }));
    expect(e.issues.map((i) => i.path)).to.include('sections[0].items[1].basis.doc');
    expect(e.issues.map((i) => i.path).join(' ')).to.contain('sections[1].items[0].when');
    expect(validateTemplate(TEMPLATE)).to.deep.equal(TEMPLATE);
  });
});

describe('checklist engine: evidence, completeness, pass rate', () => {
  it('requires the photo and the note a failed item asks for; a blank note is no note', () => {
    const item = TEMPLATE.sections[0]!.items[0]!;
    expect(missingEvidence(item, undefined)).to.deep.equal([]);
    expect(missingEvidence(item, { result: 'pass' })).to.deep.equal([]);
    expect(missingEvidence(item, { result: 'fail' })).to.deep.equal(['photo', 'note']);
    expect(missingEvidence(item, { result: 'fail', note: '   ', photos: [PHOTO] })).to.deep.equal(['note']);
    expect(missingEvidence(item, { result: 'fail', note: '楼道堆放纸箱', photos: [PHOTO] })).to.deep.equal([]);
  });

  it('counts shown items only and lists what is incomplete in template order', () => {
    const p0 = checklistProgress(TEMPLATE, PLACE, {});
    expect(p0).to.include({ total: 4, answered: 0, complete: false, passRate: null });
    expect(p0.incomplete.map((i) => i.itemId)).to.deep.equal(['exits', 'doors', 'shed', 'shed-cutoff']);
    const p1 = checklistProgress(TEMPLATE, PLACE, {
      exits: { result: 'fail' }, doors: { result: 'pass' }, shed: { result: 'na' }, 'hr-only': { result: 'fail' },
    });
    expect(p1).to.include({ total: 3, answered: 3, passed: 1, failed: 1, na: 1, passRate: 0.5, complete: false });
    expect(p1.incomplete).to.deep.equal([{ itemId: 'exits', missing: ['photo', 'note'] }]);
  });

  it('keeps its invariants for any answers (property)', () => {
    const ids = ['exits', 'doors', 'hr-only', 'shed', 'shed-cutoff', 'cutoff-detail'];
    const answer = fc.record({ result: fc.constantFrom<Answer['result']>('pass', 'fail', 'na'), note: fc.option(fc.string(), { nil: undefined }) })
      .map((a) => (a.note === undefined ? { result: a.result } : a));
    fc.assert(fc.property(fc.dictionary(fc.constantFrom(...ids), answer), fc.boolean(), (answers, high) => {
      const place = high ? HIGH : PLACE;
      const p = checklistProgress(TEMPLATE, place, answers);
      expect(p.answered).to.be.at.most(p.total);
      expect(p.passed + p.failed + p.na).to.equal(p.answered);
      if (p.passRate !== null) expect(p.passRate).to.be.within(0, 1);
      expect(p.complete).to.equal(p.incomplete.length === 0);
      const shown = new Set(visibleItems(TEMPLATE, place, answers).map((i) => i.id));
      for (const i of p.incomplete) expect(shown.has(i.itemId)).to.equal(true);
    }));
  });
});

describe('checklist engine: inspections are immutable values', () => {
  it('starts a draft that fits the schema', () => {
    const d = start();
    expect(Inspection.safeParse(d).success).to.equal(true);
    expect(d).to.include({ state: 'draft', version: 0, templateId: TEMPLATE.id, templateVersion: 3, placeId: PLACE.id, inspectorId: 'w-01' });
    expect(d.answers).to.deep.equal({});
    expect(d.startedAt).to.equal(T0.toISOString());
  });

  it('answers by returning a new inspection and leaves the old one as it was', () => {
    const d = start();
    const frozen = JSON.stringify(d);
    const next = answerItem(d, TEMPLATE, 'exits', { result: 'pass' }, T1);
    expect(next).to.not.equal(d);
    expect(JSON.stringify(d)).to.equal(frozen);
    expect(next.answers.exits).to.deep.equal({ result: 'pass' });
    expect(next.updatedAt).to.equal(T1.toISOString());
  });

  it('refuses an unknown item, a malformed answer, and another template', () => {
    const d = start();
    expect(thrown(() => answerItem(d, TEMPLATE, 'nope', { result: 'pass' }, T1)).issues[0]?.path).to.equal('answers.nope');
    const bad = thrown(() => answerItem(d, TEMPLATE, 'exits', { result: 'maybe' } as unknown as Answer, T1, { locale: 'en' }));
    expect(bad.issues[0]?.path).to.equal('answers.exits.result');
    expect(() => answerItem(d, { ...TEMPLATE, id: 'other' }, 'exits', { result: 'pass' }, T1)).to.throw(FiregridError);
  });

  it('refuses to submit an incomplete inspection, naming each item, and submits a complete one', () => {
    const d = answerAll(start(), { exits: { result: 'fail' }, doors: { result: 'pass' } });
    const e = thrown(() => submitInspection(d, TEMPLATE, PLACE, T1, { locale: 'en' }));
    expect(e.code).to.equal('validation');
    expect(e.issues.map((i) => i.path)).to.deep.equal(['answers.exits', 'answers.shed', 'answers.shed-cutoff']);
    expect(e.issues[0]?.message).to.contain('photo');
    const full = answerAll(d, {
      exits: { result: 'fail', note: '一楼安全出口堆放纸箱', photos: [PHOTO] }, shed: { result: 'na' },
      // An answer to an item that is hidden here is dropped on submit.
      'hr-only': { result: 'fail' },
    });
    const s = submitInspection(full, TEMPLATE, PLACE, T1);
    expect(s).to.include({ state: 'submitted', submittedAt: T1.toISOString() });
    expect(Object.keys(s.answers).sort()).to.deep.equal(['doors', 'exits', 'shed']);
    expect(Inspection.safeParse(s).success).to.equal(true);
  });

  it('never changes a submitted inspection; a correction supersedes it', () => {
    const s = submitInspection(answerAll(start(), { exits: { result: 'pass' }, doors: { result: 'pass' }, shed: { result: 'na' } }), TEMPLATE, PLACE, T1);
    const e = thrown(() => answerItem(s, TEMPLATE, 'doors', { result: 'fail' }, T1, { locale: 'en' }));
    expect(e.message).to.contain('never changes');
    expect(() => submitInspection(s, TEMPLATE, PLACE, T1)).to.throw(FiregridError);
    const c = supersede(s, { inspectorId: 'w-02', now: T1 });
    expect(c).to.include({ state: 'draft', supersedes: s.id, inspectorId: 'w-02', templateId: s.templateId, version: 0 });
    expect(c.id).to.not.equal(s.id);
    expect(c.answers).to.deep.equal(s.answers);
    expect(answerItem(c, TEMPLATE, 'doors', { result: 'fail' }, T1).answers.doors?.result).to.equal('fail');
    expect(s.answers.doors?.result).to.equal('pass');
    expect(() => supersede(c, { inspectorId: 'w-02', now: T1 })).to.throw(FiregridError);
  });
});

describe('checklist engine: failed items become hazard drafts', () => {
  it('makes one draft per failed shown item with the item’s category, basis, severity, ruleRefs, place and photos', () => {
    const full = answerAll(start(HIGH), {
      exits: { result: 'fail', note: '一楼安全出口堆放纸箱', photos: [PHOTO] }, doors: { result: 'fail' },
      'hr-only': { result: 'pass' }, shed: { result: 'pass' }, 'shed-cutoff': { result: 'pass' },
    });
    const s = submitInspection(full, TEMPLATE, HIGH, T1);
    let n = 0;
    const drafts = failedItemsToHazards(s, TEMPLATE, HIGH, { now: T1, newId: () => `019a4b2c-0000-7000-8000-00000000010${++n}` });
    expect(drafts).to.have.length(2);
    for (const h of drafts) expect(Hazard.safeParse(h).success, JSON.stringify(Hazard.safeParse(h).error?.issues)).to.equal(true);
    const [a, b] = drafts;
    expect(a).to.deep.include({
      status: 'draft', source: 'inspection', inspectionId: s.id, itemId: 'exits', category: 'exit-blocked', severity: 'general',
      basis, ruleRefs: ['GB35181-2017:7.3.3'], placeId: HIGH.id, gridId: HIGH.gridId, address: HIGH.address,
      location: HIGH.location, photos: [PHOTO], description: '一楼安全出口堆放纸箱', title: '检查项 exits', version: 0,
      reporter: { kind: 'grid-worker', personId: 'w-01', confidential: false },
    });
    // A major-candidate stays a candidate: only people confirm a major hazard.
    expect(b).to.deep.include({ itemId: 'doors', severity: 'major-candidate', category: 'fire-door', photos: [], description: '' });
    expect(failedItemsToHazards(s, TEMPLATE, HIGH, { now: T1, locale: 'en' })[0]?.title).to.equal('Item exits');
  });

  it('raises nothing for a hidden item, and gives an item without a category the category other', () => {
    const t: ChecklistTemplate = { ...TEMPLATE, sections: [{ id: 's', title: { 'zh-CN': 'x' }, items: [mk('a'), mk('b', { when: { place: 'highRise' } })] }] };
    const d = startInspection({ template: t, place: PLACE, inspectorId: 'w', tenantId: 't1', now: T0 });
    const withHidden = { ...d, answers: { a: { result: 'fail' as const }, b: { result: 'fail' as const } } };
    const hs = failedItemsToHazards(withHidden, t, PLACE, { now: T1 });
    expect(hs.map((h) => [h.itemId, h.category])).to.deep.equal([['a', 'other']]);
  });
});
