/**
 * One hostile sequence (issue 16, item 5) that every port must refuse the same way: the memory
 * port and the local (IndexedDB) port in Chromium (tests/core/hostile-ports.test.ts), the
 * reference server over HTTP in node (tests/server/hostile-ports.test.ts). Each test supplies a
 * {@link PortDriver}; {@link runSequence} plays the sequence through it and returns what each
 * step gave, to be compared with the step's `expect`. Nothing here asserts, so the module runs
 * in both places.
 */
import { newId } from '../../packages/core/src/ids.js';
import type { Role } from '../../packages/core/src/names.js';

/** Who calls: as a token would say. */
export interface SequenceActor {
  id: string;
  roles: Role[];
  scope: string[];
}

/** One call of the sequence. */
export type SequenceCall =
  | { op: 'save'; kind: 'places' | 'hazards' | 'captains'; record: Record<string, unknown> }
  | { op: 'transition'; hazardId: string; input: Record<string, unknown> }
  | { op: 'get'; kind: 'hazards'; id: string }
  | { op: 'list'; kind: 'hazards' | 'workers' };

/**
 * What a call gave, reduced to what every port can say alike: a refusal's status, problem slug
 * and issue paths (sorted), or — for a read — the reporter shown, or — for a list — the ids
 * listed (sorted). A port's `get` that answers null is the server's 404 `not-found`.
 */
export type Outcome =
  | { refused: true; status: number; slug: string; paths: string[] }
  | { refused: false; reporter?: unknown; ids?: string[] };

/** A port under test: runs a call as an actor and reduces its answer to an {@link Outcome}. */
export interface PortDriver {
  run(actor: SequenceActor, call: SequenceCall): Promise<Outcome>;
}

/** One step: who, what, and what every port must answer. */
export interface SequenceStep {
  name: string;
  actor: SequenceActor;
  call: SequenceCall;
  expect: Outcome;
}

export const GRID_A = '330106001001001';
export const GRID_B = '330108002003001';

/**
 * The people: an admin who sets the scene, a grid worker and a grid supervisor of grid A, the
 * resident who reported the confidential hazard and a resident who did not.
 */
export const ACTORS = {
  admin: { id: 'admin-1', roles: ['admin'], scope: ['*'] },
  worker: { id: 'worker-1', roles: ['grid-worker'], scope: [GRID_A] },
  supervisor: { id: 'super-1', roles: ['grid-supervisor'], scope: [GRID_A] },
  reporter: { id: 'resident-1', roles: ['resident'], scope: [GRID_A] },
  neighbour: { id: 'resident-2', roles: ['resident'], scope: [GRID_A] },
} as const satisfies Record<string, SequenceActor>;

const as = (a: (typeof ACTORS)[keyof typeof ACTORS]): SequenceActor => ({ id: a.id, roles: [...a.roles], scope: [...a.scope] });

/** The scene (all accepted) and the hostile steps, with fresh ids. */
export function hostileSequence(): { setup: SequenceStep[]; steps: SequenceStep[] } {
  const placeA = { id: newId(), kind: 'residential', name: '幸福里 3 号楼', address: '幸福里 3 号', gridId: GRID_A };
  const placeB = { id: newId(), kind: 'residential', name: '和平里 1 号楼', address: '和平里 1 号', gridId: GRID_B };
  const hazard = {
    id: newId(), category: 'exit-blocked', title: '楼道堆放杂物', description: '', photos: [], source: 'public',
    reporter: { kind: 'resident', personId: 'resident-1', contact: '13800000000', confidential: true },
    severity: 'general', status: 'reported', gridId: GRID_A, placeId: placeA.id,
  };
  const byWorker = (grid: string, place: string) => ({
    ...hazard, id: newId(), placeId: place, gridId: grid, source: 'worker', reporter: { kind: 'grid-worker', personId: ACTORS.worker.id, confidential: false },
  });
  const inGridA = byWorker(GRID_A, placeA.id);
  const inGridB = byWorker(GRID_B, placeB.id);
  const captain = (from: string) => ({
    id: newId(), buildingId: placeA.id, person: { id: newId(), name: from === '2025-01-01' ? '李梅' : '赵强', phone: '13812341234' },
    duties: ['每月巡查楼道'], term: { from },
  });
  const accepted: Outcome = { refused: false };
  const setup: SequenceStep[] = [
    { name: 'a place in grid A', actor: as(ACTORS.admin), call: { op: 'save', kind: 'places', record: placeA }, expect: accepted },
    { name: 'a place in grid B', actor: as(ACTORS.admin), call: { op: 'save', kind: 'places', record: placeB }, expect: accepted },
    { name: 'a hazard whose reporter asked for confidentiality', actor: as(ACTORS.admin), call: { op: 'save', kind: 'hazards', record: hazard }, expect: accepted },
    { name: 'a second hazard in grid A', actor: as(ACTORS.admin), call: { op: 'save', kind: 'hazards', record: inGridA }, expect: accepted },
    { name: 'a hazard in grid B', actor: as(ACTORS.admin), call: { op: 'save', kind: 'hazards', record: inGridB }, expect: accepted },
    { name: 'a captain in office at the place', actor: as(ACTORS.admin), call: { op: 'save', kind: 'captains', record: captain('2025-01-01') }, expect: accepted },
  ];
  const steps: SequenceStep[] = [
    {
      name: 'a grid worker verifies a hazard (a role the lifecycle refuses)',
      actor: as(ACTORS.worker), call: { op: 'transition', hazardId: hazard.id, input: { action: 'verify' } },
      expect: { refused: true, status: 403, slug: 'transition-role', paths: [] },
    },
    {
      name: 'a grid worker saves a hazard in a grid outside his scope',
      actor: as(ACTORS.worker),
      call: {
        op: 'save', kind: 'hazards', record: {
          ...hazard, id: newId(), placeId: placeB.id, gridId: GRID_B, source: 'worker',
          reporter: { kind: 'grid-worker', personId: ACTORS.worker.id, confidential: false },
        },
      },
      expect: { refused: true, status: 403, slug: 'forbidden', paths: ['gridId'] },
    },
    {
      name: 'a second captain whose term overlaps the one in office',
      actor: as(ACTORS.worker), call: { op: 'save', kind: 'captains', record: captain('2025-06-01') },
      expect: { refused: true, status: 422, slug: 'captain-overlap', paths: ['term'] },
    },
    {
      name: 'a PUT that changes an action-owned field (severity)',
      actor: as(ACTORS.supervisor), call: { op: 'save', kind: 'hazards', record: { ...hazard, severity: 'major' } },
      expect: { refused: true, status: 422, slug: 'action-owned-field', paths: ['severity'] },
    },
    {
      name: 'a grid worker reads the hazard of a confidential reporter',
      actor: as(ACTORS.worker), call: { op: 'get', kind: 'hazards', id: hazard.id },
      expect: { refused: false, reporter: { kind: 'resident', confidential: true } },
    },
    {
      name: 'the supervisor reads him (the step above is not vacuous)',
      actor: as(ACTORS.supervisor), call: { op: 'get', kind: 'hazards', id: hazard.id },
      expect: { refused: false, reporter: hazard.reporter },
    },
    {
      name: 'a grid worker reads a hazard in a grid outside his scope',
      actor: as(ACTORS.worker), call: { op: 'get', kind: 'hazards', id: inGridB.id },
      expect: { refused: true, status: 403, slug: 'forbidden', paths: [] },
    },
    {
      name: 'a grid worker lists hazards: only those of his grid',
      actor: as(ACTORS.worker), call: { op: 'list', kind: 'hazards' },
      expect: { refused: false, ids: [hazard.id, inGridA.id].sort() },
    },
    {
      name: 'a resident reads a hazard someone else reported (for him it does not exist)',
      actor: as(ACTORS.neighbour), call: { op: 'get', kind: 'hazards', id: hazard.id },
      expect: { refused: true, status: 404, slug: 'not-found', paths: [] },
    },
    {
      name: 'the resident who reported it reads it, himself shown (the step above is not vacuous)',
      actor: as(ACTORS.reporter), call: { op: 'get', kind: 'hazards', id: hazard.id },
      expect: { refused: false, reporter: hazard.reporter },
    },
    {
      name: 'a resident lists hazards: only those he reported',
      actor: as(ACTORS.reporter), call: { op: 'list', kind: 'hazards' },
      expect: { refused: false, ids: [hazard.id] },
    },
    {
      name: 'a resident lists worker records (a kind his role may not read)',
      actor: as(ACTORS.reporter), call: { op: 'list', kind: 'workers' },
      expect: { refused: true, status: 403, slug: 'forbidden', paths: [] },
    },
  ];
  return { setup, steps };
}

/** Plays the scene and the steps through `driver`; returns each step with what it gave. */
export async function runSequence(driver: PortDriver): Promise<{ step: SequenceStep; got: Outcome }[]> {
  const { setup, steps } = hostileSequence();
  const out: { step: SequenceStep; got: Outcome }[] = [];
  for (const step of [...setup, ...steps]) out.push({ step, got: await driver.run(step.actor, step.call) });
  return out;
}
