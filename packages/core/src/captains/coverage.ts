/**
 * Coverage of floor captains: which high-rise residential buildings have a captain in office
 * whose notice is up, per grid and per community, and the rows of a registry with the gaps first.
 * The plan asks that every high-rise residential building have a 消防安全楼长 whose name, phone
 * and duties are posted prominently; a building counts as covered only when both hold.
 * @module
 */
import { isHighRise } from '../rules/place.js';
import type { PlaceFacts } from '../rules/place.js';
import type { OrgUnit } from '../schema/org.js';
import { dayOf } from './terms.js';

/**
 * Where a building stands: `vacant` (no captain in office), `unposted` (a captain, but his notice
 * is not up yet), `covered` (a captain and his notice).
 */
export const CAPTAIN_STATUSES = ['vacant', 'unposted', 'covered'] as const;
/** One of {@link CAPTAIN_STATUSES}. */
export type CaptainStatus = (typeof CAPTAIN_STATUSES)[number];

/** What the coverage rules read of a building. */
export type CoveragePlace = PlaceFacts & { id: string; gridId: string };

/** What the coverage rules read of a captain. */
export interface CoverageCaptain {
  id: string;
  buildingId: string;
  term: { from: string; to?: string | undefined };
  publicisedAt?: string | undefined;
}

/** Coverage of one set of buildings. */
export interface CoverageFigure {
  /** High-rise residential buildings. */
  buildings: number;
  /** Of them, with a captain in office whose notice is up. */
  covered: number;
  /** With a captain in office whose notice is not up. */
  unposted: number;
  /** Without a captain in office. */
  vacant: number;
  /** `covered / buildings`, from 0 to 1; `null` when there are no such buildings. */
  rate: number | null;
}

/** Coverage of one grid or community, with its OrgUnit code. */
export type CoverageOf = CoverageFigure & { code: string };

/** Coverage of everything given, per grid and per community. */
export interface CoverageReport {
  total: CoverageFigure;
  /** Per grid (the places' `gridId`), lowest rate first, then by code. */
  grids: CoverageOf[];
  /** Per community, lowest rate first; empty unless `communityOf` was given. */
  communities: CoverageOf[];
}

/** Options of {@link coverage} and {@link registryRows}. */
export interface CoverageOptions {
  /**
   * The community (社区/村 OrgUnit code) of a grid. Grid codes carry their community's code as a
   * prefix of a length that differs between platforms, so it is asked for, not guessed; build it
   * from the host's OrgUnits with {@link communityOfGrid}.
   */
  communityOf?: ((gridId: string) => string | undefined) | undefined;
}

/** A registry row: a building that needs a captain, its captain in office, and its status. */
export interface RegistryRow<P extends CoveragePlace = CoveragePlace, C extends CoverageCaptain = CoverageCaptain> {
  building: P;
  captain: C | undefined;
  status: CaptainStatus;
}

/**
 * True when a place needs a floor captain: a residential building that is high-rise (over 27 m,
 * or 10 storeys and more when its height is unknown).
 */
export function needsCaptain(place: PlaceFacts): boolean {
  return place.kind === 'residential' && isHighRise(place);
}

/** True when the notice went up on or before `day` (an instant's day in Asia/Shanghai). */
function postedBy(publicisedAt: string | undefined, day: string): boolean {
  if (publicisedAt === undefined) return false;
  // The day written in the timestamp is at most one day from the day in Beijing, so one written
  // before `day` is certainly posted by then; only the rest need the exact conversion. Comparing
  // the whole text with the 10-character day orders exactly as its first 10 characters would,
  // without cutting a string per captain.
  return publicisedAt < day || dayOf(publicisedAt) <= day;
}

/**
 * The status of a building given its captain in office (or `undefined`) on `at`.
 * @example
 * captainStatus(activeCaptain(captains, id, now), now); // 'vacant' | 'unposted' | 'covered'
 */
export function captainStatus(captain: Pick<CoverageCaptain, 'publicisedAt'> | undefined, at: Date | string): CaptainStatus {
  if (captain === undefined) return 'vacant';
  return postedBy(captain.publicisedAt, dayOf(at)) ? 'covered' : 'unposted';
}

const emptyFigure = (): CoverageFigure => ({ buildings: 0, covered: 0, unposted: 0, vacant: 0, rate: null });

function count(figure: CoverageFigure, status: CaptainStatus): void {
  figure.buildings++;
  figure[status]++;
}

function finish(figures: Map<string, CoverageFigure>): CoverageOf[] {
  const out: CoverageOf[] = [];
  for (const [code, f] of figures) out.push({ ...f, code, rate: f.buildings === 0 ? null : f.covered / f.buildings });
  return out.sort((a, b) => (a.rate ?? 2) - (b.rate ?? 2) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The captain in office per building on `day` (the latest term when the data holds two). */
function inOffice<C extends CoverageCaptain>(captains: readonly C[], day: string): Map<string, C> {
  const map = new Map<string, C>();
  let twice: Set<string> | undefined;
  // One hash operation per captain (a size check instead of a lookup): at county scale this loop
  // is most of the cost of a first screen.
  for (const c of captains) {
    const term = c.term;
    if (term.from > day || (term.to !== undefined && day >= term.to)) continue;
    const size = map.size;
    map.set(c.buildingId, c);
    if (map.size === size) (twice ??= new Set()).add(c.buildingId);
  }
  if (twice !== undefined) {
    // Rare: a backend that lets two captains overlap. The one whose term began last is in office.
    for (const c of captains) {
      if (!twice.has(c.buildingId)) continue;
      const { from, to } = c.term;
      if (from > day || (to !== undefined && day >= to)) continue;
      const other = map.get(c.buildingId);
      if (other === undefined || from > other.term.from || (from === other.term.from && c.id > other.id)) map.set(c.buildingId, c);
    }
  }
  return map;
}

const VACANT = 1;
const UNPOSTED = 2;
const COVERED = 3;

/** Buildings that need a captain, gaps first, and who is in office: what a registry renders. */
export interface CaptainIndex<P extends CoveragePlace = CoveragePlace, C extends CoverageCaptain = CoverageCaptain> {
  /** Buildings that need a captain: vacant, then unposted, then covered, each group in the order given. */
  order: P[];
  /** The captain in office per building id. */
  captainOf: ReadonlyMap<string, C>;
  /** The day (Asia/Shanghai) the index is for. */
  day: string;
  /** Coverage of all of them. */
  total: CoverageFigure;
}

/**
 * The registry's view of buildings and captains on `at`: the buildings that need a captain with
 * the gaps first (vacant, then unposted, then covered, each group in the order the buildings were
 * given — give them sorted by name) and the captain in office of each. No object per building is
 * made, so a county's 100,000 buildings take a few milliseconds; per-grid figures are left to
 * {@link coverage}. Look a building's status up with {@link statusIn}.
 * @example
 * const index = captainIndex(places, captains, client.now());
 * index.order[0];                        // the first building without a captain
 * statusIn(index, index.order[0]);       // 'vacant'
 */
export function captainIndex<P extends CoveragePlace, C extends CoverageCaptain>(
  buildings: readonly P[],
  captains: readonly C[],
  at: Date | string,
): CaptainIndex<P, C> {
  const day = dayOf(at);
  const captainOf = inOffice(captains, day);
  // Two passes over a byte per building instead of three growing arrays and a concatenation:
  // at county scale the garbage those make costs as much as the join.
  const codes = new Uint8Array(buildings.length);
  let vacant = 0;
  let unposted = 0;
  let covered = 0;
  let i = 0;
  for (const building of buildings) {
    const at = i++;
    if (building.kind !== 'residential' || !isHighRise(building)) continue;
    const captain = captainOf.get(building.id);
    if (captain === undefined) {
      codes[at] = VACANT;
      vacant++;
      continue;
    }
    const posted = captain.publicisedAt;
    if (posted !== undefined && (posted < day || postedBy(posted, day))) {
      codes[at] = COVERED;
      covered++;
    } else {
      codes[at] = UNPOSTED;
      unposted++;
    }
  }
  const total = vacant + unposted + covered;
  const order = new Array<P>(total);
  let v = 0;
  let u = vacant;
  let c = vacant + unposted;
  i = 0;
  for (const building of buildings) {
    const code = codes[i++];
    if (code === VACANT) order[v++] = building;
    else if (code === UNPOSTED) order[u++] = building;
    else if (code === COVERED) order[c++] = building;
  }
  return {
    order,
    captainOf,
    day,
    total: { buildings: total, covered, unposted, vacant, rate: total === 0 ? null : covered / total },
  };
}

/** The status of a building of an index (`vacant` for one it does not know). */
export function statusIn(index: Pick<CaptainIndex, 'captainOf' | 'day'>, building: Pick<CoveragePlace, 'id'>): CaptainStatus {
  const captain = index.captainOf.get(building.id);
  if (captain === undefined) return 'vacant';
  return postedBy(captain.publicisedAt, index.day) ? 'covered' : 'unposted';
}

/**
 * The rows of a captain registry — every building that needs a captain with its captain in
 * office on `at` — gaps first: vacant, then unposted, then covered, each group in the order the
 * buildings were given (give them sorted by name), with the coverage in total, per grid and per
 * community. Places that need no captain are left out.
 * @example
 * const { rows, coverage } = registryRows(places, captains, client.now());
 * rows[0]; // { building, captain: undefined, status: 'vacant' }
 */
export function registryRows<P extends CoveragePlace, C extends CoverageCaptain>(
  buildings: readonly P[],
  captains: readonly C[],
  at: Date | string,
  options: CoverageOptions = {},
): { rows: RegistryRow<P, C>[]; coverage: CoverageReport } {
  const index = captainIndex(buildings, captains, at);
  const rows = index.order.map((building) => ({ building, captain: index.captainOf.get(building.id), status: statusIn(index, building) }));
  return { rows, coverage: indexCoverage(index, options) };
}

/**
 * Coverage per grid and per community of a {@link captainIndex} already made (the registry makes
 * the index for its first screen and asks for this only when the breakdown is opened).
 */
export function indexCoverage<P extends CoveragePlace, C extends CoverageCaptain>(index: CaptainIndex<P, C>, options: CoverageOptions = {}): CoverageReport {
  const grids = new Map<string, CoverageFigure>();
  const communities = new Map<string, CoverageFigure>();
  const communityOf = options.communityOf;
  const communityByGrid = new Map<string, string | undefined>();
  for (const building of index.order) {
    const status = statusIn(index, building);
    let grid = grids.get(building.gridId);
    if (grid === undefined) grids.set(building.gridId, (grid = emptyFigure()));
    count(grid, status);
    if (communityOf === undefined) continue;
    let code = communityByGrid.get(building.gridId);
    if (!communityByGrid.has(building.gridId)) communityByGrid.set(building.gridId, (code = communityOf(building.gridId)));
    if (code === undefined) continue;
    let community = communities.get(code);
    if (community === undefined) communities.set(code, (community = emptyFigure()));
    count(community, status);
  }
  return { total: index.total, grids: finish(grids), communities: finish(communities) };
}

/**
 * Coverage on `at`: high-rise residential buildings with a captain in office whose notice is up
 * ÷ all of them, in total, per grid and per community.
 * @example
 * const { total, grids } = coverage(places, captains, new Date(), { communityOf: communityOfGrid(orgUnits) });
 * total.rate; // 0.82
 */
export function coverage(
  buildings: readonly CoveragePlace[],
  captains: readonly CoverageCaptain[],
  at: Date | string,
  options: CoverageOptions = {},
): CoverageReport {
  return indexCoverage(captainIndex(buildings, captains, at), options);
}

/**
 * A `communityOf` for {@link coverage} from the host's OrgUnits: a grid's community is the unit
 * its `parentCode` names (社区/村, one level up).
 * @example
 * communityOfGrid([{ code: '140106001001001', name: '一网格', level: 'grid', parentCode: '140106001001' }])('140106001001001');
 * // '140106001001'
 */
export function communityOfGrid(units: readonly OrgUnit[]): (gridId: string) => string | undefined {
  const parents = new Map(units.filter((u) => u.level === 'grid').map((u) => [u.code, u.parentCode]));
  return (gridId) => parents.get(gridId);
}
