import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FiregridError } from '../../packages/core/src/errors.js';
import {
  MAJOR_RULE_SETS, MajorRuleSet, failedRuleRefs, loadMajorRuleSet, majorEditions, placeClassOf, ruleSetFor, suggestMajor, suggestMajorEditions,
  withRuleSets,
} from '../../packages/core/src/hazard/major-rules.js';
import type { MajorRuleSetData } from '../../packages/core/src/hazard/major-rules.js';
import { PLACE_KINDS } from '../../packages/core/src/names.js';
import { ChecklistTemplate } from '../../packages/core/src/schema/template.js';
import { RuleRef } from '../../packages/core/src/schema/template.js';

const before = '2025-10-31T23:59:00+08:00';
const after = '2025-11-01T00:00:00+08:00';

describe('major-hazard rule sets: data', () => {
  it('every built-in set parses with its own schema and its element refs are valid RuleRefs', () => {
    for (const set of MAJOR_RULE_SETS) {
      expect(MajorRuleSet.safeParse(set).success, set.id).to.equal(true);
      for (const el of set.elements) expect(RuleRef.safeParse(`${set.id}:${el.id}`).success, el.id).to.equal(true);
    }
  });

  it('marks 2017 superseded on 2025-11-01 and 2025 incomplete, every element unverified, no thresholds', () => {
    const [s2017, s2025] = MAJOR_RULE_SETS;
    expect(s2017?.id).to.equal('GB35181-2017');
    expect(s2017?.inForce.until).to.equal('2025-11-01');
    expect(s2025?.id).to.equal('GB35181-2025');
    expect(s2025?.inForce.from).to.equal('2025-11-01');
    expect(s2025?.complete).to.equal(false);
    // The one confirmed element, then one continuation per 2017 element the library's items evidence.
    expect(s2025?.elements).to.have.length(12);
    expect(s2025?.elements.every((el) => !el.verified)).to.equal(true);
    expect(s2025?.elements.filter((el) => el.kind === 'direct')).to.deep.equal([]);
    expect(s2025?.elements[0]?.kind).to.equal('unknown');
    expect(s2025?.elements[0]?.text['zh-CN']).to.contain('架空层');
    expect(s2025?.thresholds).to.deep.equal([]);
  });
});

describe('ruleSetFor', () => {
  it('chooses by the discovery day in China Standard Time', () => {
    expect(ruleSetFor(before)?.id).to.equal('GB35181-2017');
    expect(ruleSetFor(after)?.id).to.equal('GB35181-2025');
    // 2025-10-31T16:30Z is 2025-11-01 00:30 in Beijing.
    expect(ruleSetFor(new Date('2025-10-31T16:30:00Z'))?.id).to.equal('GB35181-2025');
    expect(ruleSetFor('2019-05-01T10:00:00+08:00')?.id).to.equal('GB35181-2017');
    expect(ruleSetFor('not a date')).to.equal(undefined);
  });

  it('is total and exclusive over any instant: exactly one built-in set is in force', () => {
    fc.assert(fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }), (d) => {
      const inForce = MAJOR_RULE_SETS.filter((s) => ruleSetFor(d, [s]) !== undefined);
      expect(inForce).to.have.length(1);
      expect(ruleSetFor(d)?.id).to.equal(inForce[0]?.id);
    }));
  });
});

describe('suggestMajor', () => {
  it('suggests on any direct element, naming it, under the set of the discovery date', () => {
    const s = suggestMajor({ ruleRefs: ['GB35181-2017:6.4'], discoveredAt: before, placeKind: 'warehouse' });
    expect(s.suggest).to.equal(true);
    expect(s.ruleSet?.id).to.equal('GB35181-2017');
    expect(s.direct.map((e) => e.id)).to.deep.equal(['6.4']);
    expect(s.verified).to.equal(true);
  });

  it('ignores refs of another edition instead of translating them', () => {
    const s = suggestMajor({ ruleRefs: ['GB35181-2017:6.4', 'nonsense'], discoveredAt: after });
    expect(s.ruleSet?.id).to.equal('GB35181-2025');
    expect(s.suggest).to.equal(false);
    expect(s.ignored).to.deep.equal(['GB35181-2017:6.4', 'nonsense']);
  });

  it('suggests on the 2025 element of unknown kind, flagged unverified', () => {
    const s = suggestMajor({ ruleRefs: ['GB35181-2025:ebike-podium-separation'], discoveredAt: after, placeKind: 'residential' });
    expect(s.suggest).to.equal(true);
    expect(s.unknown).to.have.length(1);
    expect(s.verified).to.equal(false);
  });

  it('counts composite elements against the threshold of the place class', () => {
    const three73 = ['GB35181-2017:7.3.1', 'GB35181-2017:7.3.3', 'GB35181-2017:7.3.6'];
    const crowded = suggestMajor({ ruleRefs: three73, discoveredAt: before, placeKind: 'hotel' });
    expect(crowded.suggest).to.equal(true);
    expect(crowded.placeClass).to.equal('crowded');
    expect(crowded.thresholds.map((t) => t.id)).to.include('crowded-7.3');
    const two = suggestMajor({ ruleRefs: three73.slice(0, 2), discoveredAt: before, placeKind: 'hotel' });
    expect(two.suggest).to.equal(false);
    const other = suggestMajor({ ruleRefs: three73, discoveredAt: before, placeKind: 'residential' });
    expect(other.placeClass).to.equal('other');
    expect(other.suggest).to.equal(false);
    // A repeated ref is one element, not two.
    expect(suggestMajor({ ruleRefs: [...three73.slice(0, 2), three73[0]!], discoveredAt: before, placeKind: 'hotel' }).suggest).to.equal(false);
  });

  it('more evidence never withdraws a suggestion (monotone)', () => {
    const ids = MAJOR_RULE_SETS[0]!.elements.map((e) => `GB35181-2017:${e.id}`);
    fc.assert(fc.property(
      fc.subarray(ids), fc.subarray(ids), fc.constantFrom(...PLACE_KINDS, undefined),
      (a, b, placeKind) => {
        const small = suggestMajor({ ruleRefs: a, discoveredAt: before, ...(placeKind ? { placeKind } : {}) });
        const big = suggestMajor({ ruleRefs: [...a, ...b], discoveredAt: before, ...(placeKind ? { placeKind } : {}) });
        if (small.suggest) expect(big.suggest).to.equal(true);
      },
    ));
  });

  it('uses a fuller set an integrator loads as data, replacing the built-in one of the same id', () => {
    const data: MajorRuleSetData = {
      id: 'GB35181-2025', doc: 'GB 35181-2025', title: { 'zh-CN': '完整版（集成方提供）' }, inForce: { from: '2025-11-01' }, complete: true,
      elements: [{ id: '5.1', kind: 'direct', text: { 'zh-CN': '示例直接判定要素' }, verified: true }],
      thresholds: [],
    };
    const full = loadMajorRuleSet(JSON.parse(JSON.stringify(data)));
    const sets = withRuleSets(full);
    expect(sets.filter((s) => s.id === 'GB35181-2025')).to.have.length(1);
    const s = suggestMajor({ ruleRefs: ['GB35181-2025:5.1'], discoveredAt: after }, { ruleSets: sets });
    expect(s.suggest).to.equal(true);
    expect(s.ruleSet?.complete).to.equal(true);
  });

  it('refuses a broken rule set with a config error naming the path', () => {
    let error: unknown;
    try {
      loadMajorRuleSet({ id: 'X', doc: 'x', title: { 'zh-CN': 'x' }, inForce: {}, complete: false, thresholds: [],
        elements: [{ id: 'a', kind: 'direct', text: { 'zh-CN': 'a' }, verified: true }, { id: 'a', kind: 'sideways', text: { 'zh-CN': 'b' }, verified: true }] }, 'en');
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(FiregridError);
    expect((error as FiregridError).code).to.equal('config');
    expect((error as FiregridError).issues.map((i) => i.path)).to.include('elements[1].kind');
  });

  it('classes places by kind, with a per-set override', () => {
    expect(placeClassOf('hospital')).to.equal('crowded');
    expect(placeClassOf('petrochemical')).to.equal('flammable');
    expect(placeClassOf('residential')).to.equal('other');
    expect(placeClassOf(undefined)).to.equal(undefined);
    expect(placeClassOf('residential', { placeClasses: { crowded: ['residential'] } })).to.equal('crowded');
  });
});

describe('majorEditions and suggestMajorEditions (determination across 2025-11-01)', () => {
  it('gives both editions, discovery first, when discovery and determination straddle 2025-11-01; one otherwise', () => {
    expect(majorEditions(before, after).map((s) => s.id)).to.deep.equal(['GB35181-2017', 'GB35181-2025']);
    expect(majorEditions(before, '2025-10-31T08:00:00+08:00').map((s) => s.id)).to.deep.equal(['GB35181-2017']);
    expect(majorEditions(after, '2026-03-01T08:00:00+08:00').map((s) => s.id)).to.deep.equal(['GB35181-2025']);
  });

  it('shows what each edition says of the same evidence', () => {
    const refs = ['GB35181-2017:6.4', 'GB35181-2025:ebike-podium-separation'];
    const both = suggestMajorEditions({ ruleRefs: refs, discoveredAt: before, determinedAt: after, placeKind: 'warehouse' });
    expect(both.map((s) => [s.ruleSet?.id, s.suggest, [...s.direct, ...s.unknown].map((e) => e.id)])).to.deep.equal([
      ['GB35181-2017', true, ['6.4']], ['GB35181-2025', true, ['ebike-podium-separation']],
    ]);
    const one = suggestMajorEditions({ ruleRefs: ['GB35181-2017:6.4'], discoveredAt: after, determinedAt: after });
    expect(one.map((s) => [s.ruleSet?.id, s.suggest])).to.deep.equal([['GB35181-2025', false]]);
    // The single-edition answer is suggestMajor's.
    expect(suggestMajorEditions({ ruleRefs: refs, discoveredAt: before, determinedAt: before })).to.deep.equal([suggestMajor({ ruleRefs: refs, discoveredAt: before })]);
  });
});

describe('failedRuleRefs', () => {
  it('collects the ruleRefs of failed items only, each once', () => {
    const t = new Date().toISOString();
    const template = ChecklistTemplate.parse({
      id: '019a4b2c-0000-7000-8000-0000000000aa', version: 1, revision: 1, createdAt: t, updatedAt: t, tenantId: 't',
      title: { 'zh-CN': '模板' }, appliesTo: { kinds: ['hotel'] },
      sections: [{ id: 's', title: { 'zh-CN': '疏散' }, items: [
        { id: 'q1', text: { 'zh-CN': '消防车道' }, basis: { doc: 'GB 35181-2017', verified: true }, severity: 'major-candidate', ruleRefs: ['GB35181-2017:7.1.1'], evidence: { photoOnFail: true, noteOnFail: false } },
        { id: 'q2', text: { 'zh-CN': '安全出口' }, basis: { doc: 'GB 35181-2017', verified: true }, severity: 'general', ruleRefs: ['GB35181-2017:7.3.3', 'GB35181-2017:7.1.1'], evidence: { photoOnFail: true, noteOnFail: false } },
        { id: 'q3', text: { 'zh-CN': '标志' }, basis: { doc: 'GB 35181-2017', verified: true }, severity: 'general', ruleRefs: ['GB35181-2017:7.3.6'], evidence: { photoOnFail: true, noteOnFail: false } },
      ] }],
    });
    const refs = failedRuleRefs(template, { q1: { result: 'fail' }, q2: { result: 'fail' }, q3: { result: 'pass' } });
    expect(refs).to.deep.equal(['GB35181-2017:7.1.1', 'GB35181-2017:7.3.3']);
  });
});
