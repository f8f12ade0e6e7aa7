import { expect } from '@open-wc/testing';
import {
  FiregridError, applicableTemplates, placeFlags, validateTemplate, visibility,
} from '../../packages/core/src/index.js';
import { ChecklistTemplateInput } from '../../packages/core/src/schema/index.js';
import type { ChecklistTemplate, PlaceKind, When } from '../../packages/core/src/index.js';
import { TEMPLATE_IDS, mergeTemplates, templates } from '../../packages/core/src/templates.js';
import { SOURCE_EXCERPTS, excerptFor, quoteProblem } from '../../packages/core/src/templates/sources/index.js';
import { GB50039, MPS61, PLAN } from '../../packages/core/src/templates/docs.js';
import { MAJOR_RULE_SETS, suggestMajor } from '../../packages/core/src/hazard/major-rules.js';

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
    expect(titles('residential', { floors: 6, yearBuilt: 2012 })).to.deep.equal([TEMPLATE_IDS.ordinaryResidential]);
    expect(titles('residential', { floors: 9, heightM: 27, yearBuilt: 2005 })).to.deep.equal([TEMPLATE_IDS.ordinaryResidential]);
    expect(titles('small-venue')).to.deep.equal([TEMPLATE_IDS.smallVenue]);
    expect(titles('rental-housing')).to.deep.equal([TEMPLATE_IDS.rentalHousing]);
    expect(titles('family-workshop')).to.deep.equal([TEMPLATE_IDS.familyWorkshop]);
    expect(titles('homestay')).to.deep.equal([TEMPLATE_IDS.homestay]);
    expect(titles('scenic-area')).to.have.members([TEMPLATE_IDS.scenicArea, TEMPLATE_IDS.dailyPatrol, TEMPLATE_IDS.periodicInspection]);
    expect(titles('three-in-one')).to.deep.equal([TEMPLATE_IDS.threeInOne]);
    expect(titles('ebike-shed')).to.deep.equal([TEMPLATE_IDS.ebikeShed]);
    expect(titles('village')).to.deep.equal([TEMPLATE_IDS.ruralVillage]);
    expect(titles('commercial-complex')).to.have.members([TEMPLATE_IDS.commercialComplex, TEMPLATE_IDS.dailyPatrol, TEMPLATE_IDS.periodicInspection]);
    expect(titles('hotel')).to.have.members([TEMPLATE_IDS.dailyPatrol, TEMPLATE_IDS.periodicInspection]);
    expect(titles('hotel', { floors: 12, heightM: 40 })).to.have.members([TEMPLATE_IDS.dailyPatrol, TEMPLATE_IDS.periodicInspection, TEMPLATE_IDS.highRisePublic]);
    expect(titles('factory', { floors: 8, heightM: 30 })).to.have.members([TEMPLATE_IDS.dailyPatrol, TEMPLATE_IDS.periodicInspection]);
  });

  it('gives a typical place of every kind a grid worker visits at least one template (coverage)', () => {
    // One typical place per kind, as a grid worker meets it. A kind missing here, or a typical place
    // that matches no template, fails: an uncovered kind must be added on purpose, with its template.
    const typical: Record<PlaceKind, { floors?: number; heightM?: number; yearBuilt?: number } | undefined> = {
      residential: { floors: 6, yearBuilt: 2012 },
      'public-building': { floors: 5, heightM: 20, yearBuilt: 2008 },
      'commercial-complex': { floors: 6, heightM: 32, yearBuilt: 2015 },
      'small-venue': { floors: 1, yearBuilt: 2003 },
      'three-in-one': { floors: 3, yearBuilt: 1998 },
      'ebike-shed': undefined,
      school: { floors: 4, yearBuilt: 2001 },
      kindergarten: { floors: 3, yearBuilt: 2010 },
      'elderly-care': { floors: 4, yearBuilt: 2006 },
      hospital: { floors: 8, heightM: 34, yearBuilt: 1995 },
      hotel: { floors: 10, heightM: 36, yearBuilt: 2009 },
      market: { floors: 2, yearBuilt: 1999 },
      entertainment: { floors: 3, yearBuilt: 2011 },
      religious: { floors: 1, yearBuilt: 1930 },
      heritage: { floors: 2, yearBuilt: 1850 },
      factory: { floors: 2, yearBuilt: 2004 },
      warehouse: { floors: 1, yearBuilt: 2014 },
      'construction-site': undefined,
      village: undefined,
      'metro-station': undefined,
      petrochemical: undefined,
      'rental-housing': { floors: 4, yearBuilt: 1995 },
      'family-workshop': { floors: 2, yearBuilt: 2000 },
      homestay: { floors: 3, yearBuilt: 2016 },
      'scenic-area': undefined,
      other: undefined,
    };
    const uncovered = (Object.keys(typical) as PlaceKind[]).filter((kind) => {
      const building = typical[kind];
      return applicableTemplates(templates, { kind, ...(building && { building }) }).length === 0;
    });
    expect(uncovered).to.deep.equal([]);
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

const byId = (templateId: string) => {
  const t = templates.find((x) => x.id === templateId);
  if (t === undefined) throw new Error(`no template ${templateId}`);
  return { t, items: itemsOf(t), get: (id: string) => itemsOf(t).find((i) => i.id === id) };
};

describe('citations that hold', () => {
  it('gives every verified basis a quote found verbatim in the committed excerpt of its document and clause', () => {
    const problems: string[] = [];
    for (const t of templates) {
      for (const i of itemsOf(t)) {
        const p = quoteProblem(i.basis);
        if (p !== undefined) problems.push(`${t.title.en} / ${i.id}: ${p}`);
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it('the quote check fails on a missing quote, a quote from another clause, and a document without excerpts', () => {
    expect(quoteProblem({ doc: PLAN, clause: '二（一）5', verified: true })).to.contain('no quote');
    expect(quoteProblem({ doc: PLAN, clause: '二（一）5', quote: '制定村民防火公约', verified: true })).to.contain('not in the excerpt');
    expect(quoteProblem({ doc: PLAN, clause: '二（四）1', quote: '制定村民防火公约', verified: true })).to.equal(undefined);
    expect(quoteProblem({ doc: '《不存在的规定》', clause: '第一条', quote: 'x', verified: true })).to.contain('no excerpt');
    // A sub-item falls back to its article; a verified clause never falls back to unnumbered text.
    expect(excerptFor({ doc: MPS61, clause: '第二十五条（一）' })).to.contain('Key units patrol daily');
    expect(excerptFor({ doc: GB50039, clause: '9.9.9', verified: true })).to.equal(undefined);
  });

  it('keeps one excerpt file per document, keyed by clause, each document cited by some item', () => {
    const docs = SOURCE_EXCERPTS.map((s) => s.doc);
    expect(new Set(docs).size).to.equal(docs.length);
    const cited = new Set(templates.flatMap((t) => itemsOf(t).map((i) => i.basis.doc)));
    for (const s of SOURCE_EXCERPTS) {
      expect(cited.has(s.doc), s.doc).to.equal(true);
      expect(Object.keys(s.clauses).length, s.doc).to.be.at.least(1);
      for (const text of Object.values(s.clauses)) expect(text.trim(), s.doc).to.not.equal('');
    }
  });

  it('fixes the ten citations the issue named', () => {
    const old = byId(TEMPLATE_IDS.oldResidential);
    // The plan's 二（三）1 says nothing of wiring; what is cited is unverified and says so.
    expect(old.get('wiring')?.basis.verified).to.equal(false);
    expect(old.items.filter((i) => i.basis.doc === PLAN && i.basis.clause === '二（三）1' && i.basis.verified)).to.deep.equal([]);
    // Determination elements are ruleRefs, never an item's basis.
    for (const t of templates) {
      for (const i of itemsOf(t)) {
        if (i.basis.doc.includes('GB 35181') && i.basis.verified) expect(i.severity, `${t.title.en} / ${i.id}`).to.equal('major-candidate');
      }
    }
    for (const id of ['fire-lane-no-cars', 'stairs-no-clutter', 'hydrants']) expect(old.get(id)?.basis.doc, id).to.not.contain('GB 35181');
    // GB 17761 binds manufacturers: no item rests on it.
    expect(templates.flatMap((t) => itemsOf(t)).filter((i) => i.basis.doc.includes('GB 17761'))).to.deep.equal([]);
    const complex = byId(TEMPLATE_IDS.commercialComplex);
    expect(complex.get('no-flammables')?.text['zh-CN']).to.contain('违规');
    // The requirement is one item; the 80% line is a candidate shown only when the requirement fails.
    expect(complex.get('exits-sufficient')?.severity).to.equal('general');
    expect(complex.get('exits-80')?.when).to.deep.equal({ answer: 'exits-sufficient', is: 'fail' });
    // 三自主两公开一承诺 is a practice sector departments promote, not a duty of every unit.
    expect(templates.flatMap((t) => itemsOf(t)).filter((i) => i.basis.clause === '二（五）2')).to.deep.equal([]);
  });

  it('cites the rural code GB 50039 only in the rural template; the urban 三合一 basis is GA 703, unverified', () => {
    for (const t of templates) {
      for (const i of itemsOf(t)) {
        if (i.basis.doc === GB50039) expect(t.appliesTo.kinds, `${t.title.en} / ${i.id}`).to.deep.equal(['village']);
      }
    }
    const tio = byId(TEMPLATE_IDS.threeInOne);
    expect(tio.items.filter((i) => i.basis.verified)).to.deep.equal([]);
    expect(tio.items.filter((i) => i.basis.doc.includes('GA 703')).length).to.be.at.least(14);
    expect(byId(TEMPLATE_IDS.ruralVillage).items.filter((i) => i.basis.doc === GB50039 && i.basis.verified).length).to.be.at.least(5);
  });
});

describe('items a grid worker can check on site', () => {
  const all = templates.flatMap((t) => itemsOf(t).map((i) => ({ t, i })));

  it('puts fewer than 10% of items in category other, and every item in a category', () => {
    const other = all.filter(({ i }) => i.category === undefined || i.category === 'other');
    expect(other.length / all.length, other.map(({ i }) => i.id).join(', ')).to.be.below(0.1);
    expect(all.filter(({ i }) => i.category === undefined)).to.deep.equal([]);
  });

  it('says “查看……记录” where the worker can only read records, and files those under records, training or control room', () => {
    for (const { t, i } of all) {
      const zh = i.text['zh-CN'];
      if (zh.startsWith('查看') && zh.includes('记录')) {
        expect(['records-missing', 'training', 'control-room'], `${t.title.en} / ${i.id}`).to.include(i.category);
      }
      // A record is read, not observed: no record item asks a bare "有……记录".
      expect(zh, `${t.title.en} / ${i.id}`).to.not.match(/^有.*记录/);
    }
  });

  it('asks one thing per item: no item joins two checks with “；” or “并有”', () => {
    for (const { t, i } of all) expect(i.text['zh-CN'], `${t.title.en} / ${i.id}`).to.not.match(/；|，并有|并定期/);
  });

  it('uses the new categories', () => {
    const used = new Set(all.map(({ i }) => i.category));
    for (const c of ['records-missing', 'control-room', 'hot-work', 'training'] as const) expect(used.has(c), c).to.equal(true);
  });
});

describe('when knows the place', () => {
  const shown = (templateId: string, place: { kind: PlaceKind; building?: Record<string, unknown> }) => {
    const t = byId(templateId).t;
    const visible = visibility(t, place, {});
    return itemsOf(t).filter((i) => visible(i.id)).map((i) => i.id);
  };
  const patrol = TEMPLATE_IDS.dailyPatrol;

  it('shows night patrols only at hospitals, care homes, kindergartens and boarding schools', () => {
    expect(shown(patrol, { kind: 'hospital' })).to.include('night-patrol');
    expect(shown(patrol, { kind: 'elderly-care' })).to.include('night-patrol');
    expect(shown(patrol, { kind: 'school', building: { overnightStay: true } })).to.include('night-patrol');
    expect(shown(patrol, { kind: 'school', building: { overnightStay: false } })).to.not.include('night-patrol');
    expect(shown(patrol, { kind: 'school' })).to.include('night-patrol'); // unknown: shown
    expect(shown(patrol, { kind: 'factory' })).to.not.include('night-patrol');
    expect(shown(patrol, { kind: 'hotel' })).to.not.include('night-patrol');
  });

  it('shows two-hourly and closing checks only at crowded venues', () => {
    for (const kind of ['hotel', 'market', 'entertainment', 'commercial-complex'] as const) {
      expect(shown(patrol, { kind }), kind).to.include.members(['two-hourly', 'closing-check']);
    }
    for (const kind of ['factory', 'warehouse', 'hospital', 'public-building'] as const) {
      expect(shown(patrol, { kind }), kind).to.not.include.members(['two-hourly']);
      expect(shown(patrol, { kind }), kind).to.not.include.members(['closing-check']);
    }
  });

  it('shows kitchen items only where there is a kitchen or it is not recorded', () => {
    expect(shown(TEMPLATE_IDS.smallVenue, { kind: 'small-venue', building: { hasKitchen: false } })).to.not.include('kitchen-separated');
    expect(shown(TEMPLATE_IDS.smallVenue, { kind: 'small-venue', building: { hasKitchen: true } })).to.include('kitchen-separated');
    expect(shown(TEMPLATE_IDS.smallVenue, { kind: 'small-venue' })).to.include('kitchen-separated');
    const tall = { heightM: 60, floors: 12 };
    expect(shown(TEMPLATE_IDS.commercialComplex, { kind: 'commercial-complex', building: { ...tall, hasKitchen: false } })).to.not.include('kitchen-ducts');
    expect(shown(TEMPLATE_IDS.commercialComplex, { kind: 'commercial-complex', building: { ...tall, hasKitchen: true } })).to.include('kitchen-ducts');
  });

  it('asks a low-rise building with a control room whether someone is on duty, and no other', () => {
    const periodic = TEMPLATE_IDS.periodicInspection;
    expect(shown(periodic, { kind: 'hotel', building: { heightM: 12, hasControlRoom: true } })).to.include('control-room-attended');
    expect(shown(periodic, { kind: 'hotel', building: { heightM: 12, hasControlRoom: false } })).to.not.include('control-room-attended');
    expect(shown(periodic, { kind: 'hotel', building: { heightM: 60, floors: 12, hasControlRoom: true } })).to.not.include('control-room-attended');
  });

  it('shows each sector’s items only at its kind, and the check frequency of 61号令 art. 26 everywhere', () => {
    const periodic = TEMPLATE_IDS.periodicInspection;
    const sector = ['children-not-underground', 'children-floor-allowed', 'elderly-not-underground', 'elderly-floor-allowed', 'wards-not-underground', 'dorm-no-heaters'];
    const of = (kind: PlaceKind, building?: { overnightStay?: boolean }) => shown(periodic, { kind, ...(building && { building }) }).filter((id) => sector.includes(id));
    expect(of('kindergarten')).to.deep.equal(['children-not-underground', 'children-floor-allowed']);
    expect(of('elderly-care')).to.deep.equal(['elderly-not-underground', 'elderly-floor-allowed']);
    expect(of('hospital')).to.deep.equal(['wards-not-underground']);
    expect(of('school', { overnightStay: true })).to.deep.equal(['dorm-no-heaters']);
    expect(of('school', { overnightStay: false })).to.deep.equal([]);
    expect(of('hotel')).to.deep.equal([]);
    for (const id of sector) expect(byId(periodic).get(id)?.basis.verified, id).to.equal(false);
    expect(shown(periodic, { kind: 'factory' })).to.include('frequency');
    expect(shown(TEMPLATE_IDS.oldResidential, { kind: 'residential', building: { floors: 5, yearBuilt: 1988 } })).to.include('window-bars-openable');
  });

  it('shows control-room items only in a high-rise with a control room (or one not recorded)', () => {
    const tall = { heightM: 60, floors: 12 };
    expect(shown(patrol, { kind: 'hotel', building: { ...tall, hasControlRoom: false } })).to.not.include('control-room-staffed');
    expect(shown(patrol, { kind: 'hotel', building: { ...tall, hasControlRoom: true } })).to.include('control-room-staffed');
    expect(shown(patrol, { kind: 'hotel', building: tall })).to.include('control-room-staffed');
    expect(shown(patrol, { kind: 'hotel', building: { heightM: 12, hasControlRoom: true } })).to.not.include('control-room-staffed');
  });
});

describe('GB 35181-2025 in the references', () => {
  const all = templates.flatMap((t) => itemsOf(t).map((i) => ({ t, i })));
  const set2025 = MAJOR_RULE_SETS.find((s) => s.id === 'GB35181-2025')!;
  const set2017 = MAJOR_RULE_SETS.find((s) => s.id === 'GB35181-2017')!;

  it('gives every item that evidences a 2017 element a reference into the 2025 set, each resolving to an unverified element', () => {
    for (const { t, i } of all) {
      const refs = i.ruleRefs ?? [];
      const r2017 = refs.filter((r) => r.startsWith('GB35181-2017:'));
      const r2025 = refs.filter((r) => r.startsWith('GB35181-2025:'));
      if (r2017.length > 0) expect(r2025.length, `${t.title.en} / ${i.id}`).to.be.at.least(1);
      for (const r of r2017) expect(set2017.elements.map((e) => e.id), r).to.include(r.slice(13));
      for (const r of r2025) {
        const el = set2025.elements.find((e) => e.id === r.slice(13));
        expect(el, r).to.not.equal(undefined);
        expect(el?.verified, r).to.equal(false);
      }
    }
  });

  it('still chooses the rule set by date: a failed 80%-exit item suggests under either edition, unverified after 2025-11-01; a blocked fire lane alone does not', () => {
    const exits = byId(TEMPLATE_IDS.commercialComplex).get('exits-80')!.ruleRefs!;
    const lane = byId(TEMPLATE_IDS.oldResidential).get('fire-lane-no-cars')!.ruleRefs!;
    const old = suggestMajor({ ruleRefs: exits, discoveredAt: '2025-10-31T12:00:00+08:00', placeKind: 'commercial-complex' });
    expect([old.suggest, old.ruleSet?.id, old.verified]).to.deep.equal([true, 'GB35181-2017', true]);
    const now = suggestMajor({ ruleRefs: exits, discoveredAt: '2026-03-02T09:00:00+08:00', placeKind: 'commercial-complex' });
    expect([now.suggest, now.ruleSet?.id, now.verified]).to.deep.equal([true, 'GB35181-2025', false]);
    expect(now.ignored).to.deep.equal(['GB35181-2017:6.5']);
    const laneNow = suggestMajor({ ruleRefs: lane, discoveredAt: '2026-03-02T09:00:00+08:00', placeKind: 'residential' });
    expect([laneNow.suggest, laneNow.composite.map((e) => e.id)]).to.deep.equal([false, ['fire-lane-blocked']]);
  });
});

describe('mergeTemplates', () => {
  const [first, second] = templates as [ChecklistTemplate, ChecklistTemplate];
  const renamed = (t: ChecklistTemplate, revision: number, title: string): ChecklistTemplate => ({ ...t, revision, title: { 'zh-CN': title } });

  it('replaces a template by id when the override’s revision is the same or higher, and adds new ones', () => {
    const mine = { ...renamed(first, 1, 'x'), id: '0196a000-7e00-7000-8000-0000000000c1' };
    const merged = mergeTemplates(templates, [renamed(first, first.revision + 1, '本市日常巡查'), mine]);
    expect(merged).to.have.length(templates.length + 1);
    expect(merged[0]?.title['zh-CN']).to.equal('本市日常巡查');
    expect(merged[1]).to.equal(second);
    expect(merged[merged.length - 1]?.id).to.equal(mine.id);
    expect(mergeTemplates(templates, [renamed(first, first.revision, '同版本')])[0]?.title['zh-CN']).to.equal('同版本');
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
