/**
 * Synthetic scoring data from a seed: workers, places and activities that look like a county's
 * (hazard lifecycles, inspections, captains, training), for tests, benchmarks, demos and a vendor
 * checking `toSql` on his own database against `computeScores`. Same seed, same data.
 * @module
 */
import { PLACE_KINDS } from '../names.js';
import type { PlaceKind } from '../names.js';
import type { Activity } from '../schema/activity.js';
import type { Place } from '../schema/place.js';
import type { Worker } from '../schema/worker.js';
import { periodBounds } from './period.js';
import type { Period } from './period.js';

/** Options of {@link generateScoringData}. */
export interface SyntheticOptions {
  seed: number;
  /** How many workers (one home grid each). */
  workers: number;
  /** How many activities in all (about). */
  activities: number;
  /** The period most activities fall in; some fall in the 30 days before. */
  period: Period;
  /** Places per grid; 8 by default. */
  placesPerGrid?: number;
  /** Grid codes start with this county code; `140105` by default. */
  county?: string;
  /**
   * `mixed` writes times in `Z`, `+08:00` and now and then another offset; `utc` only in `Z` (what
   * a server writes with `toISOString`). `mixed` by default.
   */
  offsets?: 'mixed' | 'utc';
  /** Tenant of the records; `demo` by default. */
  tenantId?: string;
}

/** What {@link generateScoringData} returns. */
export interface SyntheticData {
  workers: Worker[];
  places: Place[];
  activities: Activity[];
}

/** mulberry32: small, fast and good enough for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const HEX = '0123456789abcdef';
const DAY_MS = 86_400_000;

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

/**
 * Generates workers, places and activities from a seed. Grid codes follow GB/T 10114 with a grid
 * suffix (`140105` county, 3-digit street, 3-digit community, 3-digit grid); every 50th worker also
 * works the next grid, as a supervisor might.
 * @example
 * const { workers, places, activities } = generateScoringData({ seed: 7, workers: 100, activities: 10_000, period: parsePeriod('2025-Q1') });
 */
export function generateScoringData(options: SyntheticOptions): SyntheticData {
  const rand = prng(options.seed);
  let serial = 0;
  // UUIDv7-shaped ids: a fixed time part and a counter keep them unique and sortable.
  const uuid = (): string => {
    serial++;
    const counter = serial.toString(16).padStart(12, '0');
    const chars: string[] = ['0', '1', '9', '9'];
    for (let i = 0; i < 12; i++) {
      if (i === 4 || i === 8) chars.push('-');
      if (i === 8) chars.push('7');
      if (i === 11) chars.push('-', '8');
      chars.push(counter.charAt(i));
    }
    for (let i = 0; i < 2; i++) chars.push(HEX.charAt(Math.floor(rand() * 16)));
    chars.push('-');
    for (let i = 0; i < 12; i++) chars.push(HEX.charAt(Math.floor(rand() * 16)));
    // Joined, not concatenated: a flat string, as ids parsed from JSON are (a rope compares slowly).
    return chars.join('');
  };
  const tenantId = options.tenantId ?? 'demo';
  const stamp = '2025-01-01T00:00:00+08:00';
  const stored = { version: 1, createdAt: stamp, updatedAt: stamp, tenantId };
  const county = options.county ?? '140105';
  const { startMs, endMs } = periodBounds(options.period);
  const earliest = startMs - 30 * DAY_MS;
  const mixed = (options.offsets ?? 'mixed') === 'mixed';
  const iso = (ms: number): string => {
    const r = mixed ? rand() : 0;
    if (r < 0.55) return new Date(ms).toISOString();
    const offsetMin = r < 0.95 ? 480 : 330;
    const d = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 19);
    const sign = '+';
    return `${d}${sign}${String(Math.floor(offsetMin / 60)).padStart(2, '0')}:${String(offsetMin % 60).padStart(2, '0')}`;
  };
  const when = (): number => {
    // Most activities fall in the period; a sixth fall in the month before it.
    return rand() < 0.85 ? startMs + rand() * (endMs - startMs) : earliest + rand() * (startMs - earliest);
  };
  const day = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

  const workers: Worker[] = [];
  const places: Place[] = [];
  const placesOf: Place[][] = [];
  const perGrid = options.placesPerGrid ?? 8;
  const kinds: readonly PlaceKind[] = PLACE_KINDS;
  const grids: string[] = [];
  for (let i = 0; i < options.workers; i++) {
    const street = Math.floor(i / 1000) + 1;
    const community = Math.floor((i % 1000) / 50) + 1;
    const grid = (i % 50) + 1;
    grids.push([county, String(street).padStart(3, '0'), String(community).padStart(3, '0'), String(grid).padStart(3, '0')].join(''));
  }
  grids.forEach((home, i) => {
    const next = grids[i + 1];
    const gridIds = i % 50 === 49 && next !== undefined ? [home, next] : [home];
    workers.push({ ...stored, id: uuid(), name: `网格员${i + 1}`, gridIds, active: rand() > 0.01 });
    const own: Place[] = [];
    for (let k = 0; k < perGrid; k++) {
      const kind = rand() < 0.5 ? 'residential' : pick(rand, kinds);
      const tall = rand() < 0.35;
      const floors = tall ? 10 + Math.floor(rand() * 24) : 1 + Math.floor(rand() * 7);
      const building = rand() < 0.8
        ? { floors, ...(rand() < 0.7 ? { heightM: Math.round(floors * 3 * 10) / 10 } : {}), yearBuilt: 1980 + Math.floor(rand() * 45) }
        : undefined;
      const place: Place = {
        ...stored, id: uuid(), kind, name: `场所 ${i + 1}-${k + 1}`, address: `${home} 号网格 ${k + 1} 号`, gridId: home,
        ...(building === undefined ? {} : { building }),
      };
      own.push(place);
      places.push(place);
    }
    placesOf.push(own);
  });

  const gridIndex = new Map(grids.map((g, i) => [g, i]));
  const activities: Activity[] = [];
  const base = (worker: Worker, gridId: string, at: number) => ({
    ...stored, id: uuid(), at: iso(at), workerId: worker.id, gridId,
  });
  while (activities.length < options.activities && workers.length > 0) {
    const worker = pick(rand, workers);
    const gridId = pick(rand, worker.gridIds);
    const own = placesOf[gridIndex.get(gridId) ?? 0] ?? [];
    const place = own.length > 0 ? pick(rand, own) : undefined;
    const r = rand();
    if (r < 0.55 && place !== undefined) {
      activities.push({ ...base(worker, gridId, when()), type: 'inspection.submitted', placeId: place.id, inspectionId: uuid() });
    } else if (r < 0.8) {
      const hazardId = uuid();
      const t0 = when();
      const at = (dt: number): number => Math.min(t0 + dt, endMs + 20 * DAY_MS);
      const withPlace = place === undefined || rand() < 0.2 ? {} : { placeId: place.id };
      const verifier = 'supervisor-1';
      activities.push({ ...base(worker, gridId, t0), type: 'hazard.reported', hazardId, ...withPlace });
      if (rand() < 0.2) {
        activities.push({ ...base(worker, gridId, at(DAY_MS)), type: 'hazard.rejected', hazardId, by: verifier, ...withPlace });
        continue;
      }
      activities.push({ ...base(worker, gridId, at(DAY_MS)), type: 'hazard.verified', hazardId, by: verifier, ...withPlace });
      if (rand() < 0.25) continue;
      const dueMs = t0 + (3 + Math.floor(rand() * 40)) * DAY_MS;
      const dueAt = rand() < 0.7 ? day(dueMs) : iso(dueMs);
      activities.push({ ...base(worker, gridId, at(2 * DAY_MS)), type: 'hazard.assigned', hazardId, dueAt, ...withPlace });
      if (rand() < 0.35) continue;
      const onTime = rand() < 0.7;
      const closedAt = onTime ? at(3 * DAY_MS) : dueMs + DAY_MS * (1 + Math.floor(rand() * 10));
      activities.push({ ...base(worker, gridId, closedAt), type: 'hazard.closed', hazardId, dueAt, onTime, ...withPlace });
      // The review that closed it, by this worker or (now and then) a neighbour in the same grid.
      const reviewer = rand() < 0.8 ? worker : pick(rand, workers);
      activities.push({ ...base(reviewer, gridId, closedAt), type: 'review.done', hazardId, onTime: rand() < 0.8, ...withPlace });
    } else if (r < 0.88 && place !== undefined) {
      activities.push({ ...base(worker, gridId, when()), type: 'captain.registered', placeId: place.id, captainId: uuid() });
    } else if (r < 0.94) {
      activities.push({ ...base(worker, gridId, when()), type: 'training.held' });
    } else {
      activities.push({ ...base(worker, gridId, when()), type: 'publicity.held' });
    }
  }
  return { workers, places, activities };
}
