import { expect } from '@open-wc/testing';
import {
  FiregridError, applicableTemplates, placeFlags, validateTemplate, visibility,
} from '../../packages/core/src/index.js';
import { ChecklistTemplateInput } from '../../packages/core/src/schema/index.js';
import type { ChecklistTemplate, PlaceKind, When } from '../../packages/core/src/index.js';
import { TEMPLATE_IDS, mergeTemplates, templates } from '../../packages/core/src/templates.js';

const itemsOf = (t: ChecklistTemplate) => t.sections.flatMap((s) => s.items);
const HIGH_RISE_REG = '应急管理部令第5号';
const WEBSITE = /https?:|www\.|\.(com|cn|net|org|html?)\b/i;

/** True when a condition can hold only at a high-rise (it requires `place: highRise` on every path). */
function requiresHighRise(w: When | undefined): boolean {
  if (w === undefined) return false;
  if ('place' in w) return w.place === 'highRise';
  if ('all' in w) return w.all.some(requiresHighRise);
  if ('any' in w) return w.any.length > 0 && w.any.every(requiresHighRise);
  return false;
}

describe('template library', () => {
  it('has at least nine templates of at least 12 items, with unique fixed ids', () => {
    expect(templates.length).to.be.at.least(9);
    expect(new Set(templates.map((t) => t.id)).size).to.equal(templates.length);
    expect(templates.map((t) => t.id)).to.have.members(Object.values(TEMPLATE_IDS));
    for (const t of templates) expect(itemsOf(t).length, t.title['zh-CN']).to.be.at.least(12);
  });

  it('validates every template against the read and the input schema', () => {
    for (const t of templates) {
      expect(validateTemplate(t)).to.deep.equal(t);
      const input = ChecklistTemplateInput.safeParse(t);
      expect(input.success, `${t.title['zh-CN']}: ${JSON.stringify(input.error?.issues.slice(0, 3))}`).to.equal(true);
    }
  });

  it('speaks zh-CN and English in every title, section, item and hint', () => {
    for (const t of templates) {
      expect(t.title.en, t.id).to.be.a('string');
      for (const s of t.sections) {
        expect(s.title.en, `${t.id} ${s.id}`).to.be.a('string');
        for (const i of s.items) {
          expect(i.text.en, `${t.id} ${i.id}`).to.be.a('string');
          if (i.hint) expect(i.hint.en, `${t.id} ${i.id}`).to.be.a('string');
        }
      }
    }
  });

  it('names a regulation or standard for every item, never a website, unverified where no clause is known', () => {
    for (const t of templates) {
      for (const i of itemsOf(t)) {
        const where = `${t.title['zh-CN']} / ${i.id}`;
        expect(i.basis.doc, where).to.not.match(WEBSITE);
        expect(i.basis.clause ?? '', where).to.not.match(WEBSITE);
        if (i.basis.clause === undefined) expect(i.basis.verified, where).to.equal(false);
        // A draft is not in force: nothing resting on it is verified.
        if (i.basis.doc.includes('报批稿')) expect(i.basis.verified, where).to.equal(false);
      }
    }
  });

  it('cites 令5号 only where the place is a high-rise', () => {
    for (const t of templates) {
      for (const i of itemsOf(t)) {
        if (!i.basis.doc.includes(HIGH_RISE_REG)) continue;
        expect(t.appliesTo.highRise === true || requiresHighRise(i.when), `${t.title['zh-CN']} / ${i.id}`).to.equal(true);
      }
    }
    // And concretely: low-rise places of every kind never see an item citing it.
    const kinds = [...new Set(templates.flatMap((t) => t.appliesTo.kinds))];
    for (const kind of kinds) {
      for (const building of [undefined, { floors: 3, heightM: 10, yearBuilt: 1985 }, { floors: 6, heightM: 20, yearBuilt: 2010 }]) {
        const place = { kind, ...(building && { building }) };
        expect(placeFlags(place).highRise).to.equal(false);
        for (const t of applicableTemplates(templates, place)) {
          const visible = visibility(t, place, {});
          const cited = itemsOf(t).filter((i) => visible(i.id) && i.basis.doc.includes(HIGH_RISE_REG)).map((i) => i.id);
          expect(cited, `${t.title['zh-CN']} for a low-rise ${kind}`).to.deep.equal([]);
        }
      }
    }
  });

  it('gives the places of the issue their templates', () => {
    const titles = (kind: PlaceKind, building?: { floors?: number; heightM?: number; yearBuilt?: number }) =>
      applicableTemplates(templates, { kind, ...(building && { building }) }).map((t) => t.id);
    expect(titles('residential', { heightM: 54 })).to.deep.equal([TEMPLATE_IDS.highRiseResidential]);
    expect(titles('residential', { floors: 5, yearBuilt: 1988 })).to.deep.equal([TEMPLATE_IDS.oldResidential]);
    expect(titles('residential', { floors: 12, yearBuilt: 1996 })).to.have.members([TEMPLATE_IDS.highRiseResidential, TEMPLATE_IDS.oldResidential]);
    expect(titles('small-venue')).to.deep.equal([TEMPLATE_IDS.smallVenue]);
    expect(titles('three-in-one')).to.deep.equal([TEMPLATE_IDS.threeInOne]);
    expect(titles('ebike-shed')).to.deep.equal([TEMPLATE_IDS.ebikeShed]);
    expect(titles('village')).to.deep.equal([TEMPLATE_IDS.ruralVillage]);
    expect(titles('commercial-complex')).to.have.members([TEMPLATE_IDS.commercialComplex, TEMPLATE_IDS.dailyPatrol, TEMPLATE_IDS.periodicInspection]);
    expect(titles('hotel')).to.have.members([TEMPLATE_IDS.dailyPatrol, TEMPLATE_IDS.periodicInspection]);
  });

  it('keeps a major-hazard candidate a candidate and points rule references at rule-set elements', () => {
    for (const t of templates) {
      for (const i of itemsOf(t)) {
        expect(['general', 'major-candidate']).to.include(i.severity);
        for (const r of i.ruleRefs ?? []) expect(r).to.match(/^GB35181-20(17|25):/);
      }
    }
  });
});

describe('mergeTemplates', () => {
  const [first, second] = templates as [ChecklistTemplate, ChecklistTemplate];
  const renamed = (t: ChecklistTemplate, version: number, title: string): ChecklistTemplate => ({ ...t, version, title: { 'zh-CN': title } });

  it('replaces a template by id when the override’s version is the same or higher, and adds new ones', () => {
    const mine = { ...renamed(first, 1, 'x'), id: '0196a000-7e00-7000-8000-0000000000c1' };
    const merged = mergeTemplates(templates, [renamed(first, first.version + 1, '本市日常巡查'), mine]);
    expect(merged).to.have.length(templates.length + 1);
    expect(merged[0]?.title['zh-CN']).to.equal('本市日常巡查');
    expect(merged[1]).to.equal(second);
    expect(merged[merged.length - 1]?.id).to.equal(mine.id);
    expect(mergeTemplates(templates, [renamed(first, first.version, '同版本')])[0]?.title['zh-CN']).to.equal('同版本');
    expect(templates[0]?.title['zh-CN']).to.not.equal('本市日常巡查');
  });

  it('ignores an override older than the base, and the highest of several overrides wins', () => {
    const base = [renamed(first, 3, 'base')];
    expect(mergeTemplates(base, [renamed(first, 2, 'old')])[0]?.title['zh-CN']).to.equal('base');
    expect(mergeTemplates(base, [renamed(first, 5, 'v5'), renamed(first, 4, 'v4')])[0]?.title['zh-CN']).to.equal('v5');
  });

  it('refuses an invalid override, naming it and the path', () => {
    const bad = JSON.parse(JSON.stringify(first)) as { sections: { items: { severity: string }[] }[] };
    bad.sections[0]!.items[0]!.severity = 'major';
    let error: unknown;
    try {
      mergeTemplates(templates, [second, bad], { locale: 'en' });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(FiregridError);
    expect((error as FiregridError).message).to.contain('overrides[1]');
    expect((error as FiregridError).issues[0]?.path).to.equal('overrides[1].sections[0].items[0].severity');
  });
});
