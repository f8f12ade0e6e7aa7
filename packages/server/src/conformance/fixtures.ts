/**
 * The records the conformance suite writes. Every one has a fresh UUIDv7 and carries the run's
 * marker in its text, so the suite never depends on seed data and never touches a record it did
 * not make (the contract has no DELETE: what it makes stays, recognisable by the marker).
 * @module
 */
import { newId } from '@firegrid/core';
import type {
  ActivityInput, ChecklistTemplateInput, FloorCaptainInput, HazardInput, InspectionInput, PlaceInput, ResourceKind,
  ScoreConfigInput, WorkerInput,
} from '@firegrid/core';

/** Input of a hazard builder: everything optional but what makes each test hazard distinct. */
export interface HazardSpec {
  title: string;
  gridId?: string;
  placeId?: string;
  status?: 'draft' | 'reported';
  category?: HazardInput['category'];
  severity?: HazardInput['severity'];
  deadline?: string;
  confidential?: boolean;
}

/** A place in `gridId`. */
export function placeRecord(name: string, gridId: string, kind: PlaceInput['kind'] = 'residential'): PlaceInput {
  return {
    id: newId(),
    kind,
    name,
    address: `${name}（Firegrid 一致性测试）`,
    gridId,
    building: { floors: 18, heightM: 54, households: 144, yearBuilt: 2008 },
  };
}

/** A hazard reported by a grid worker. */
export function hazardRecord(spec: HazardSpec): HazardInput {
  const confidential = spec.confidential ?? false;
  return {
    id: newId(),
    category: spec.category ?? 'exit-blocked',
    title: spec.title,
    description: 'Firegrid conformance suite · 一致性测试',
    photos: [],
    source: 'worker',
    reporter: confidential
      ? { kind: 'resident', personId: 'conformance-reporter', contact: '13800000000', confidential: true }
      : { kind: 'grid-worker', personId: 'conformance', confidential: false },
    severity: spec.severity ?? 'general',
    status: spec.status ?? 'reported',
    ...(spec.gridId === undefined ? {} : { gridId: spec.gridId }),
    ...(spec.placeId === undefined ? {} : { placeId: spec.placeId }),
    ...(spec.deadline === undefined ? {} : { deadline: spec.deadline }),
  };
}

/** A checklist template of two items, the second shown only when the first fails. */
export function templateRecord(title: string): ChecklistTemplateInput {
  return {
    id: newId(),
    revision: 1,
    title: { 'zh-CN': title, en: title },
    appliesTo: { kinds: ['residential'] },
    sections: [{
      id: 's1',
      title: { 'zh-CN': '疏散通道', en: 'Escape routes' },
      items: [
        {
          id: 'q1',
          text: { 'zh-CN': '安全出口、疏散通道是否畅通', en: 'Are exits and escape routes clear?' },
          basis: { doc: '中华人民共和国消防法', clause: '第二十八条', verified: true },
          severity: 'general',
          category: 'exit-blocked',
          evidence: { photoOnFail: true, noteOnFail: true },
        },
        {
          id: 'q2',
          text: { 'zh-CN': '堵塞物是否已当场清除', en: 'Was the obstruction removed on the spot?' },
          basis: { doc: '中华人民共和国消防法', clause: '第二十八条', verified: true },
          severity: 'general',
          evidence: { photoOnFail: false, noteOnFail: true },
          when: { answer: 'q1', is: 'fail' },
        },
      ],
    }],
  };
}

/** A draft inspection of `templateId` at `placeId`. */
export function inspectionRecord(templateId: string, placeId: string, now: Date): InspectionInput {
  return {
    id: newId(),
    templateId,
    templateVersion: 1,
    placeId,
    inspectorId: 'conformance',
    startedAt: now.toISOString(),
    answers: { q1: { result: 'pass' } },
    state: 'draft',
  };
}

/** A captain of `buildingId`, in office from `from` (YYYY-MM-DD). */
export function captainRecord(buildingId: string, name: string, from: string): FloorCaptainInput {
  return {
    id: newId(),
    buildingId,
    person: { id: `conformance-${newId()}`, name, phone: '13812341234' },
    duties: ['每月巡查楼道', '劝阻楼道堆物和电动自行车入户充电'],
    term: { from },
  };
}

/** An active worker of `gridId`. */
export function workerRecord(name: string, gridId: string): WorkerInput {
  return { id: newId(), name, gridIds: [gridId], active: true };
}

/** A training session credited to a worker (one of the activity types people record directly). */
export function activityRecord(workerId: string, gridId: string, now: Date): ActivityInput {
  return { id: newId(), type: 'training.held', at: now.toISOString(), workerId, gridId };
}

/** A score configuration for one quarter in `scope`. */
export function scoreConfigRecord(name: string, scope: string): ScoreConfigInput {
  return {
    id: newId(),
    name,
    period: { from: '2025-01-01', to: '2025-03-31' },
    scope,
    metrics: [{ key: 'coverage', weight: 60, params: {} }, { key: 'closure', weight: 40, params: {} }],
    visitsPerMonth: { residential: 1 },
    deductions: { perOverdue: 2, cap: 20 },
  };
}

/** `YYYY-MM-DD` of `date` in China Standard Time, `days` days later. */
export function cstDate(date: Date, days = 0): string {
  return new Date(date.getTime() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A 4 × 3 px JPEG (what clients upload: JPEG, EXIF dropped), 800 bytes, made by Chromium's
 * canvas encoder. Its SOF0 segment says 4 × 3, so a server that measures images gets those.
 */
export const JPEG_4X3 = {
  width: 4,
  height: 3,
  base64:
    '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAADAAQDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAeEAABBAMAAwAAAAAAAAAAAAABAAIDEwQREjFBUf/EABUBAQEAAAAAAAAAAAAAAAAAAAUH/8QAFhEBAQEAAAAAAAAAAAAAAAAAAQAh/9oADAMBAAIRAxEAPwCPysqTKpsbC2qMRNqhZHsDwXcgdO+uOyfZREQFWgDC/9k=',
} as const;

/** The bytes of {@link JPEG_4X3}. */
export function jpegBytes(note?: string): Uint8Array {
  const bytes = Uint8Array.from(atob(JPEG_4X3.base64), (c) => c.charCodeAt(0));
  if (note === undefined) return bytes;
  // A comment segment (COM) right after SOI: other bytes, the same 4 × 3 picture.
  const text = new TextEncoder().encode(note);
  const segment = [0xff, 0xfe, (text.length + 2) >> 8, (text.length + 2) & 0xff, ...text];
  return Uint8Array.from([...bytes.subarray(0, 2), ...segment, ...bytes.subarray(2)]);
}

/** The kinds in the order their round trips run (a template and a place before an inspection). */
export const ROUND_TRIP_KINDS: readonly ResourceKind[] = [
  'places', 'templates', 'inspections', 'hazards', 'captains', 'workers', 'activities', 'score-configs',
];
