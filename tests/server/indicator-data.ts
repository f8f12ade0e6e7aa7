// Seeded synthetic hazards and places over one county's hierarchy for the indicator tests: every
// status, deadlines passed and not, supervision deadlines, hazards with their own grid and with
// their place's, drafts and rejections, found times on and around the period's edges.
import type { IndicatorHazard, IndicatorPlace } from '@firegrid/core/scoring';

/** A small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES = ['draft', 'reported', 'verified', 'rejected', 'assigned', 'rectifying', 'awaiting-review', 'closed', 'closed'] as const;
const pad3 = (n: number): string => String(n).padStart(3, '0');
const STORED = { tenantId: 't1', version: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
const hex = (n: number, w: number): string => n.toString(16).padStart(w, '0');

export interface IndicatorData {
  places: (IndicatorPlace & Record<string, unknown>)[];
  hazards: (IndicatorHazard & Record<string, unknown>)[];
}

/**
 * `hazards` hazards over `county` (3 streets × 4 communities × 3 grids, 2 places per grid), found
 * between a month before `from` and a month after it (so some fall outside a one-month period).
 */
export function indicatorData(seed: number, hazards: number, county = '330106', from = '2026-03-01'): IndicatorData {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const grids: string[] = [];
  for (let s = 1; s <= 3; s++) for (let c = 1; c <= 4; c++) for (let g = 1; g <= 3; g++) grids.push(`${county}${pad3(s)}${pad3(c)}${pad3(g)}`);
  const places = grids.flatMap((gridId, i) => [0, 1].map((k) => ({
    ...STORED, id: `00000000-0000-7000-8000-${hex(seed, 4)}${hex(i * 2 + k, 8)}`, kind: 'residential', name: `小区 ${i}-${k}`, address: `地址 ${i}-${k}`, gridId,
  })));
  // One place in a street with no hazard at all: its units are listed with no data.
  places.push({ ...STORED, id: `00000000-0000-7000-8000-${hex(seed, 4)}ffffffff`, kind: 'school', name: '空街道学校', address: '无隐患', gridId: `${county}009001001` });
  const start = Date.parse(`${from}T00:00:00+08:00`);
  const out: IndicatorData['hazards'] = [];
  for (let i = 0; i < hazards; i++) {
    const status = pick(STATUSES);
    // Found times: around the period, some exactly on its first instant and just before it.
    const r = rnd();
    const found = r < 0.03 ? start : r < 0.06 ? start - 1 : start + Math.floor((rnd() * 60 - 30) * 86_400_000);
    const created = new Date(found - (rnd() < 0.5 ? 3_600_000 : 0)).toISOString();
    const submitted = created !== new Date(found).toISOString();
    const place = pick(places.slice(0, -1));
    const own = rnd() < 0.4;
    const deadlineDay = new Date(found + Math.floor(rnd() * 40) * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const supervised = rnd() < 0.15;
    const rec: Record<string, unknown> = {
      id: `00000000-0000-7000-9000-${hex(seed, 4)}${hex(i, 8)}`, tenantId: 't1', version: 1, createdAt: created, updatedAt: created,
      category: 'fire-lane-blocked', title: `隐患 ${i}`, description: '', photos: [], source: 'worker',
      reporter: { kind: 'worker', confidential: false }, severity: supervised ? 'major' : 'general', status,
      ...(own ? { gridId: place.gridId } : { placeId: place.id }),
      ...(status === 'draft' || status === 'reported' || rnd() < 0.2 ? {} : { deadline: deadlineDay }),
      ...(supervised ? { supervision: { level: '县级', ...(rnd() < 0.7 ? { listedAt: created } : {}), deadline: new Date(found + 5 * 86_400_000).toISOString().slice(0, 10) } } : {}),
      history: status === 'draft' || !submitted ? [] : [{ at: new Date(found).toISOString(), by: 'w1', action: 'submit', from: 'draft', to: 'reported' }],
    };
    out.push(rec as unknown as IndicatorHazard & Record<string, unknown>);
  }
  return { places, hazards: out };
}
