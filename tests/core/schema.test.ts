import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { newId, isUuid } from '../../packages/core/src/ids.js';
import { ACTIVITY_TYPES, RESOURCE_KINDS } from '../../packages/core/src/names.js';
import type { HazardStatus } from '../../packages/core/src/names.js';
import {
  Activity, ActivityInput, Basis, Building, ChecklistItem, ChecklistTemplate, FloorCaptain, GeoPoint, Hazard,
  HazardHistoryEntry, HazardInput, HostSession, Inspection, LocalizedText, OrgUnit, Page, PhotoRef, Place, PlaceInput,
  RECORD_INPUT_SCHEMAS, RECORD_SCHEMAS, ScoreConfig, When, strictDeep,
} from '../../packages/core/src/schema/index.js';
import type { RecordInputOf, RecordOf, StoredFields, Worker } from '../../packages/core/src/schema/index.js';
import { isHighRise, isOldResidential } from '../../packages/core/src/rules/place.js';

const NOW = '2025-03-01T09:30:00+08:00';
const stored = (version = 1): StoredFields => ({ id: newId(), version, createdAt: NOW, updatedAt: NOW, tenantId: 'hz-xihu' });
const photo: PhotoRef = {
  id: 'm-01', url: '/v1/media/m-01', sha256: 'a'.repeat(64), width: 1600, height: 1200, bytes: 183_204,
};

const place: Place = {
  ...stored(),
  kind: 'residential',
  name: '翠苑一区 3 幢',
  address: '杭州市西湖区翠苑一区 3 幢',
  gridId: '330106001001001',
  parentId: newId(),
  location: { lng: 120.1251, lat: 30.2901, crs: 'GCJ02', accuracyM: 8 },
  building: { floors: 18, heightM: 54, households: 144, yearBuilt: 2008 },
};

const item = (id: string, extra: Partial<ChecklistItem> = {}): ChecklistItem => ({
  id,
  text: { 'zh-CN': '疏散通道是否畅通', en: 'Is the escape route clear?' },
  basis: { doc: 'GB 50016-2014(2018)', clause: '5.5.23', verified: true },
  severity: 'general',
  category: 'exit-blocked',
  ruleRefs: ['GB35181-2017:7.1.1'],
  evidence: { photoOnFail: true, noteOnFail: true },
  ...extra,
});

const template: ChecklistTemplate = {
  ...stored(3),
  revision: 3,
  title: { 'zh-CN': '高层住宅消防检查', en: 'High-rise residential fire check' },
  appliesTo: { kinds: ['residential'], highRise: true },
  sections: [
    {
      id: 's1',
      title: { 'zh-CN': '疏散' },
      items: [
        item('q1'),
        item('q2', { when: { all: [{ place: 'highRise' }, { not: { answer: 'q1', is: 'na' } }] } }),
        item('q3', { when: { any: [{ place: 'oldResidential' }, { place: 'hasBuilding' }] }, category: undefined }),
      ],
    },
  ],
};

const inspection: Inspection = {
  ...stored(0),
  templateId: template.id,
  templateVersion: 3,
  placeId: place.id,
  inspectorId: 'u-1001',
  startedAt: NOW,
  submittedAt: '2025-03-01T10:05:00+08:00',
  answers: { q1: { result: 'fail', note: '一楼通道堆放纸箱', photos: [photo] }, q2: { result: 'pass' } },
  location: { lng: 120.1251, lat: 30.2901, crs: 'GCJ02' },
  state: 'submitted',
};

const hazard: Hazard = {
  ...stored(4),
  category: 'exit-blocked',
  title: '3 幢一楼安全出口堆放杂物',
  description: '一楼安全出口处堆放纸箱约 2 立方米',
  placeId: place.id,
  gridId: place.gridId,
  location: { lng: 120.1251, lat: 30.2901, crs: 'GCJ02' },
  photos: [photo],
  source: 'inspection',
  inspectionId: inspection.id,
  itemId: 'q1',
  basis: { doc: 'GB 50016-2014(2018)', clause: '5.5.23', verified: true },
  reporter: { kind: 'grid-worker', personId: 'u-1001', confidential: false },
  severity: 'major-candidate',
  status: 'assigned',
  deadline: '2025-03-08',
  responsible: { unit: '翠苑物业', person: '张强', phone: '13812341234' },
  measures: '清理杂物，设置禁止堆放标识',
  supervision: { level: 'county', listedAt: NOW, deadline: '2025-03-15T18:00:00+08:00' },
  history: [
    { at: NOW, by: 'u-1001', action: 'submit', from: 'draft', to: 'reported' },
    { at: NOW, by: 'u-2001', action: 'verify', from: 'reported', to: 'verified' },
    { at: NOW, by: 'u-2001', action: 'assign', from: 'verified', to: 'assigned', note: '限期 7 日' },
  ],
  externalCode: '0101-02',
};

const captain: FloorCaptain = {
  ...stored(),
  buildingId: place.id,
  person: { id: 'p-9', name: '李芳', phone: '13812341234' },
  duties: ['每月巡查楼道', '劝阻电动车入户'],
  term: { from: '2025-01-01', to: '2026-01-01' },
  commitment: { signedAt: NOW, method: 'paper' },
  publicisedAt: NOW,
};

const worker: Worker = { ...stored(), name: '王伟', userId: 'u-1001', gridIds: ['330106001001001'], phone: '0571-8888 1234', active: true };

const scoreConfig: ScoreConfig = {
  ...stored(),
  name: '2025 年第一季度',
  period: { from: '2025-01-01', to: '2025-03-31' },
  scope: '330106',
  metrics: [
    { key: 'coverage', weight: 30, params: {} },
    { key: 'discovery', weight: 20, params: { perHazard: 2 } },
    { key: 'closure', weight: 20, params: {} },
    { key: 'review', weight: 10, params: {} },
    { key: 'overdue', weight: 10, params: {} },
    { key: 'captains', weight: 5, params: {} },
    { key: 'outreach', weight: 5, params: { counted: 'training' } },
  ],
  visitsPerMonth: { residential: 1, 'small-venue': 2, 'three-in-one': 4 },
  deductions: { perOverdue: 2, cap: 20 },
};

const activityBase = { ...stored(), at: NOW, workerId: 'w-1', gridId: '330106001001001' };
const activities: Activity[] = [
  { ...activityBase, type: 'inspection.submitted', inspectionId: inspection.id, placeId: place.id },
  { ...activityBase, type: 'hazard.reported', hazardId: hazard.id, placeId: place.id },
  { ...activityBase, type: 'hazard.verified', hazardId: hazard.id, by: 'u-2001' },
  { ...activityBase, type: 'hazard.rejected', hazardId: hazard.id, by: 'u-2001' },
  { ...activityBase, type: 'hazard.assigned', hazardId: hazard.id, dueAt: '2025-03-08' },
  { ...activityBase, type: 'hazard.closed', hazardId: hazard.id, onTime: true },
  { ...activityBase, type: 'review.done', hazardId: hazard.id, onTime: false, dueAt: NOW },
  { ...activityBase, type: 'captain.registered', placeId: place.id, captainId: captain.id },
  { ...activityBase, type: 'training.held' },
  { ...activityBase, type: 'publicity.held', placeId: place.id },
  { ...activityBase, type: 'assessment.entered', item: 'records', points: -2.5, reason: '缺两月例会记录', by: 'sup-1' },
];

const examples: { [K in (typeof RESOURCE_KINDS)[number]]: RecordOf<K> } = {
  places: place,
  templates: template,
  inspections: inspection,
  hazards: hazard,
  captains: captain,
  workers: worker,
  activities: activities[0]!,
  'score-configs': scoreConfig,
};

/** A copy of `o` without `keys`. */
function without<T extends object, K extends keyof T>(o: T, ...keys: K[]): Omit<T, K> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !(keys as PropertyKey[]).includes(k))) as Omit<T, K>;
}

const ok = (schema: z.ZodMiniType, value: unknown): void => {
  const r = schema.safeParse(value);
  expect(r.success, JSON.stringify(r.error?.issues)).to.equal(true);
};
const refused = (schema: z.ZodMiniType, value: unknown): z.core.$ZodIssue[] => {
  const r = schema.safeParse(value);
  expect(r.success, 'expected the value to be refused').to.equal(false);
  return r.error?.issues ?? [];
};
const paths = (issues: z.core.$ZodIssue[]): string[] => issues.map((i) => i.path.join('.'));

describe('schemas: realistic records pass', () => {
  it('accepts every record kind, read and input', () => {
    for (const kind of RESOURCE_KINDS) {
      ok(RECORD_SCHEMAS[kind], examples[kind]);
      ok(RECORD_INPUT_SCHEMAS[kind], examples[kind]);
    }
  });

  it('accepts every activity type', () => {
    expect(activities.map((a) => a.type)).to.have.members([...ACTIVITY_TYPES]);
    for (const a of activities) {
      ok(Activity, a);
      ok(ActivityInput, a);
    }
  });

  it('accepts the small records', () => {
    ok(GeoPoint, { lng: 116.397, lat: 39.909, crs: 'CGCS2000' });
    ok(OrgUnit, { code: '330106001001001', name: '翠苑一区网格', level: 'grid', parentCode: '330106001001' });
    ok(HostSession, {
      tenantId: 'hz-xihu', user: { id: 'u-1', name: '王伟', roles: ['grid-worker', 'captain'] }, scope: ['330106001001'], locale: 'zh-CN',
    });
    ok(PhotoRef, photo);
    ok(Building, {});
    ok(Basis, { doc: 'GB 35181-2025', verified: false });
    ok(LocalizedText, { 'zh-CN': '通道' });
    ok(HazardHistoryEntry, { at: '2025-03-01T01:30:00Z', by: 'u', action: 'report-rectified', from: 'rectifying', to: 'awaiting-review', evidence: ['m-01'] });
  });

  it('parses a page of records and returns typed items', () => {
    const page = Page(Hazard).parse({ items: [hazard], nextCursor: null });
    expect(page.items[0]?.status).to.equal('assigned');
    expect(page.nextCursor).to.equal(null);
    refused(Page(Hazard), { items: [hazard] });
    refused(Page(Hazard), { items: [{ ...hazard, status: 'done' }], nextCursor: 'c1' });
  });

  it('fills params of a metric with {} when left out', () => {
    const metrics = scoreConfig.metrics.map(({ key, weight }) => ({ key, weight }));
    const parsed = ScoreConfig.parse({ ...scoreConfig, metrics });
    expect(parsed.metrics.every((m) => typeof m.params === 'object')).to.equal(true);
  });
});

describe('schemas: bad records are refused', () => {
  it('refuses a point with a wrong or missing crs and out-of-range coordinates', () => {
    expect(paths(refused(GeoPoint, { lng: 120, lat: 30, crs: 'EPSG3857' }))).to.deep.equal(['crs']);
    expect(paths(refused(GeoPoint, { lng: 120, lat: 30 }))).to.deep.equal(['crs']);
    expect(paths(refused(GeoPoint, { lng: 181, lat: 30, crs: 'WGS84' }))).to.deep.equal(['lng']);
    expect(paths(refused(Place, { ...place, location: { lng: 120, lat: 30, crs: 'wgs84' } }))).to.deep.equal(['location.crs']);
  });

  it('refuses a bad hazard status, category, severity, source or reporter kind', () => {
    expect(paths(refused(Hazard, { ...hazard, status: 'done' }))).to.deep.equal(['status']);
    expect(paths(refused(Hazard, { ...hazard, category: 'smoking' }))).to.deep.equal(['category']);
    expect(paths(refused(Hazard, { ...hazard, severity: 'critical' }))).to.deep.equal(['severity']);
    expect(paths(refused(Hazard, { ...hazard, source: 'email' }))).to.deep.equal(['source']);
    expect(paths(refused(Hazard, { ...hazard, reporter: { kind: 'mayor', confidential: true } }))).to.deep.equal(['reporter.kind']);
    expect(paths(refused(Hazard, { ...hazard, history: [{ ...hazard.history[0], action: 'close' }] }))).to.deep.equal(['history.0.action']);
    expect(paths(refused(Hazard, { ...hazard, deadline: '2025-03-08T18:00:00' }))).to.deep.equal(['deadline']);
  });

  it('refuses ids that are not UUIDs and times without an offset', () => {
    expect(paths(refused(Place, { ...place, id: 'place-1' }))).to.deep.equal(['id']);
    expect(paths(refused(Place, { ...place, createdAt: '2025-03-01T09:30:00' }))).to.deep.equal(['createdAt']);
    expect(paths(refused(Place, { ...place, version: -1 }))).to.deep.equal(['version']);
    expect(paths(refused(Place, { ...place, version: 1.5 }))).to.deep.equal(['version']);
  });

  it('refuses an unknown place kind and a building with nonsense figures', () => {
    expect(paths(refused(Place, { ...place, kind: 'castle' }))).to.deep.equal(['kind']);
    expect(paths(refused(Place, { ...place, building: { floors: 0 } }))).to.deep.equal(['building.floors']);
    expect(paths(refused(Place, { ...place, building: { heightM: -3 } }))).to.deep.equal(['building.heightM']);
  });

  it('refuses score weights that do not add up to 100, naming metrics', () => {
    const metrics = scoreConfig.metrics.map((m) => (m.key === 'outreach' ? { ...m, weight: 15 } : m));
    const issues = refused(ScoreConfig, { ...scoreConfig, metrics });
    expect(paths(issues)).to.deep.equal(['metrics']);
    expect(issues[0]?.message).to.contain('metrics').and.to.contain('110');
    const twice = [...scoreConfig.metrics.slice(0, 6), { key: 'coverage' as const, weight: 5, params: {} }];
    expect(paths(refused(ScoreConfig, { ...scoreConfig, metrics: twice }))).to.deep.equal(['metrics.6.key']);
    expect(paths(refused(ScoreConfig, { ...scoreConfig, metrics: [{ key: 'speed', weight: 100 }] }))).to.deep.equal(['metrics.0.key']);
    expect(paths(refused(ScoreConfig, { ...scoreConfig, period: { from: '2025-03-31', to: '2025-01-01' } }))).to.deep.equal(['period.to']);
  });

  it('refuses an activity without its type-specific fields or with an unknown type', () => {
    expect(paths(refused(Activity, { ...activityBase, type: 'hazard.assigned', hazardId: hazard.id }))).to.deep.equal(['dueAt']);
    expect(paths(refused(Activity, { ...activityBase, type: 'hazard.closed', hazardId: hazard.id }))).to.deep.equal(['onTime']);
    expect(paths(refused(Activity, { ...activityBase, type: 'hazard.verified', hazardId: hazard.id }))).to.deep.equal(['by']);
    expect(paths(refused(Activity, { ...activityBase, type: 'inspection.submitted', inspectionId: inspection.id }))).to.deep.equal(['placeId']);
    expect(paths(refused(Activity, { ...activityBase, type: 'hazard.reported' }))).to.deep.equal(['hazardId']);
    expect(paths(refused(Activity, { ...activityBase, type: 'hazard.exploded', hazardId: hazard.id }))).to.deep.equal(['type']);
  });

  it('refuses a submitted inspection without submittedAt, and a bad answer', () => {
    const noTime = without(inspection, 'submittedAt');
    expect(paths(refused(Inspection, noTime))).to.deep.equal(['submittedAt']);
    ok(Inspection, { ...noTime, state: 'draft' });
    expect(paths(refused(Inspection, { ...inspection, answers: { q1: { result: 'ok' } } }))).to.deep.equal(['answers.q1.result']);
  });

  it('refuses a captain term that ends before it starts, and a bad phone', () => {
    expect(paths(refused(FloorCaptain, { ...captain, term: { from: '2025-01-01', to: '2025-01-01' } }))).to.deep.equal(['term.to']);
    expect(paths(refused(FloorCaptain, { ...captain, person: { ...captain.person, phone: '138****1234' } }))).to.deep.equal(['person.phone']);
    expect(paths(refused(FloorCaptain, { ...captain, commitment: { signedAt: NOW, method: 'verbal' } }))).to.deep.equal(['commitment.method']);
  });

  it('refuses templates with duplicate item ids, dangling conditions or a bad basis', () => {
    const dup = { ...template, sections: [{ ...template.sections[0]!, items: [item('q1'), item('q1')] }] };
    expect(paths(refused(ChecklistTemplate, dup))).to.deep.equal(['sections.0.items.1.id']);
    const dangling = { ...template, sections: [{ ...template.sections[0]!, items: [item('q1', { when: { answer: 'q9', is: 'fail' } })] }] };
    expect(paths(refused(ChecklistTemplate, dangling))).to.deep.equal(['sections.0.items.0.when']);
    const noVerified = { ...template, sections: [{ ...template.sections[0]!, items: [{ ...item('q1'), basis: { doc: 'GB 50016' } }] }] };
    expect(paths(refused(ChecklistTemplate, noVerified))).to.deep.equal(['sections.0.items.0.basis.verified']);
    const badRef = { ...template, sections: [{ ...template.sections[0]!, items: [item('q1', { ruleRefs: ['GB35181 7.1.1'] })] }] };
    expect(paths(refused(ChecklistTemplate, badRef))).to.deep.equal(['sections.0.items.0.ruleRefs.0']);
    expect(paths(refused(ChecklistTemplate, { ...template, appliesTo: { kinds: [] } }))).to.deep.equal(['appliesTo.kinds']);
  });

  it('refuses a session with an unknown role or locale', () => {
    const s = { tenantId: 't', user: { id: 'u', name: 'n', roles: ['mayor'] }, scope: ['*'], locale: 'fr' };
    expect(paths(refused(HostSession, s))).to.deep.equal(['user.roles.0', 'locale']);
  });
});

describe('schemas: recursive when', () => {
  it('accepts conditions nested to any depth', () => {
    let deep: When = { place: 'highRise' };
    for (let i = 0; i < 30; i++) deep = i % 3 === 0 ? { not: deep } : i % 3 === 1 ? { all: [deep, { answer: 'q1', is: 'pass' }] } : { any: [deep] };
    ok(When, deep);
    ok(When, { all: [] });
  });

  it('refuses a bad leaf deep inside', () => {
    refused(When, { all: [{ any: [{ not: { place: 'tall' } }] }] });
    refused(When, { all: [{ not: { answer: 'q1', is: 'maybe' } }] });
    refused(When, { not: [] });
    refused(When, { eval: 'place.floors > 9' });
    refused(ChecklistItem, item('q1', { when: { any: [{ not: { place: 'highrise' } }] } as unknown as When }));
  });
});

describe('schemas: lenient read, strict input', () => {
  it('drops unknown keys on read, at every level', () => {
    const extra = { ...place, vendorColumn: 1, building: { ...place.building, colour: 'red' }, location: { ...place.location, datum: 'x' } };
    const parsed = Place.parse(extra);
    expect(parsed).to.deep.equal(place);
  });

  it('refuses unknown keys on input, at every level', () => {
    const issues = (value: unknown): string[] => paths(refused(PlaceInput, value));
    expect(issues({ ...place, vendorColumn: 1 })).to.deep.equal(['']);
    expect(issues({ ...place, building: { ...place.building, colour: 'red' } })).to.deep.equal(['building']);
    expect(issues({ ...place, location: { ...place.location, datum: 'x' } })).to.deep.equal(['location']);
    expect(issues({ ...place, highRise: true })).to.deep.equal(['']);
    const deepHazard = { ...hazard, history: [{ ...hazard.history[0], extra: 1 }] };
    expect(paths(refused(HazardInput, deepHazard))).to.deep.equal(['history.0']);
    expect(paths(refused(ActivityInput, { ...activities[5], bonus: 1 }))).to.deep.equal(['']);
    const deepWhen = { ...template, sections: [{ ...template.sections[0]!, items: [item('q1', { when: { not: { place: 'highRise', x: 1 } as unknown as When } })] }] };
    expect(refused(RECORD_INPUT_SCHEMAS.templates, deepWhen)).to.have.length.greaterThan(0);
    ok(ChecklistTemplate, deepWhen);
  });

  it('accepts a PUT body without the server-managed fields, and keeps refinements', () => {
    const body = without(hazard, 'version', 'createdAt', 'updatedAt', 'tenantId', 'history');
    const input: RecordInputOf<'hazards'> = body;
    ok(HazardInput, input);
    refused(Hazard, body);
    const sc = without(scoreConfig, 'version');
    refused(RECORD_INPUT_SCHEMAS['score-configs'], { ...sc, metrics: [{ key: 'coverage', weight: 50 }] });
  });

  it('strictDeep leaves the original schema lenient and keeps its type', () => {
    const Loose = z.object({ a: z.object({ b: z.string() }) });
    const Strict = strictDeep(Loose);
    expect(Loose.safeParse({ a: { b: 'x', c: 1 } }).success).to.equal(true);
    expect(Strict.safeParse({ a: { b: 'x', c: 1 } }).success).to.equal(false);
    expect(Strict.parse({ a: { b: 'x' } }).a.b).to.equal('x');
  });

  it('strictDeep follows z.lazy recursion', () => {
    interface Node { kids: Node[] }
    const Node: z.ZodMiniType<Node> = z.lazy(() => z.object({ kids: z.array(Node) }));
    const StrictNode = strictDeep(Node);
    const value = { kids: [{ kids: [{ kids: [], colour: 'red' }] }] };
    expect(Node.safeParse(value).success).to.equal(true);
    const r = StrictNode.safeParse(value);
    expect(r.error?.issues.map((i) => i.path.join('.'))).to.deep.equal(['kids.0.kids.0']);
  });

  it('accepts version 0 for a client draft the server has not stored', () => {
    ok(Inspection, { ...inspection, version: 0 });
  });
});

describe('ids', () => {
  it('makes time-ordered UUIDv7 ids the schemas accept', () => {
    const ids = Array.from({ length: 50 }, () => newId());
    for (const id of ids) {
      expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(isUuid(id)).to.equal(true);
    }
    expect(new Set(ids).size).to.equal(50);
    expect([...ids].sort()).to.deep.equal(ids);
  });

  it('tells UUIDs from other strings', () => {
    expect(isUuid('3b241101-e2bb-4255-8caf-4136c566a962')).to.equal(true);
    expect(isUuid('not-a-uuid')).to.equal(false);
    expect(isUuid('3b241101e2bb42558caf4136c566a962')).to.equal(false);
    expect(isUuid(42)).to.equal(false);
  });
});

describe('place rules: computed high-rise and old residential', () => {
  const res = (building?: Building) => ({ kind: 'residential' as const, building });
  it('residential: over 27 m, or 10 storeys or more when the height is unknown', () => {
    expect(isHighRise(res({ heightM: 27 }))).to.equal(false);
    expect(isHighRise(res({ heightM: 27.01 }))).to.equal(true);
    expect(isHighRise(res({ floors: 9 }))).to.equal(false);
    expect(isHighRise(res({ floors: 10 }))).to.equal(true);
    // A known height wins over the storey count.
    expect(isHighRise(res({ heightM: 26, floors: 10 }))).to.equal(false);
    expect(isHighRise(res({ heightM: 30, floors: 9 }))).to.equal(true);
    expect(isHighRise(res({}))).to.equal(false);
    expect(isHighRise(res())).to.equal(false);
  });

  it('other kinds: over 24 m and not single-storey', () => {
    expect(isHighRise({ kind: 'hotel', building: { heightM: 24 } })).to.equal(false);
    expect(isHighRise({ kind: 'hotel', building: { heightM: 24.5, floors: 7 } })).to.equal(true);
    expect(isHighRise({ kind: 'hotel', building: { heightM: 24.5 } })).to.equal(true);
    expect(isHighRise({ kind: 'warehouse', building: { heightM: 30, floors: 1 } })).to.equal(false);
    expect(isHighRise({ kind: 'public-building', building: { heightM: 30, floors: 2 } })).to.equal(true);
    // The 10-storey rule is for residential buildings only.
    expect(isHighRise({ kind: 'school', building: { floors: 12 } })).to.equal(false);
    // A non-residential building between 24 and 27 m is high-rise; a residential one is not.
    expect(isHighRise({ kind: 'commercial-complex', building: { heightM: 26 } })).to.equal(true);
    expect(isHighRise(res({ heightM: 26 }))).to.equal(false);
  });

  it('old residential: residential built before 2000', () => {
    expect(isOldResidential(res({ yearBuilt: 1999 }))).to.equal(true);
    expect(isOldResidential(res({ yearBuilt: 2000 }))).to.equal(false);
    expect(isOldResidential(res({}))).to.equal(false);
    expect(isOldResidential({ kind: 'market', building: { yearBuilt: 1985 } })).to.equal(false);
  });

  it('reads a full place record', () => {
    expect(isHighRise(place)).to.equal(true);
    expect(isOldResidential(place)).to.equal(false);
  });
});

// Compile-time checks: `tsc` fails when inference of the public types drifts.
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

describe('schemas: inferred types', () => {
  it('are what the API promises', () => {
    const w: When = { all: [{ any: [{ not: { place: 'highRise' } }] }, { answer: 'q1', is: 'fail' }] };
    const checks: [
      Equal<RecordOf<'hazards'>, Hazard>,
      Equal<RecordOf<'activities'>, Activity>,
      Equal<Page<Hazard>, { items: Hazard[]; nextCursor: string | null; total?: number | undefined }>,
      Equal<z.infer<ReturnType<typeof Page<typeof Hazard>>>, Page<Hazard>>,
      Equal<Hazard['status'], HazardStatus>,
      Equal<LocalizedText, { 'zh-CN': string; en?: string | undefined }>,
      Equal<RecordInputOf<'places'>['version'], number | undefined>,
      // The recursive When type nests.
      Equal<Extract<When, { not: unknown }>['not'], When>,
      // Activity narrows on `type`.
      Equal<Extract<Activity, { type: 'hazard.assigned' }>['dueAt'], string>,
      Equal<Extract<Activity, { type: 'hazard.closed' }>['onTime'], boolean>,
    ] = [true, true, true, true, true, true, true, true, true, true];
    expect(checks.every(Boolean)).to.equal(true);
    expect(When.safeParse(w).success).to.equal(true);
  });
});
