/**
 * Hazards and the "two lists" (问题隐患清单 / 整改责任清单) they make (DESIGN §2, §9).
 * @module
 */
import * as z from 'zod/mini';
import {
  HISTORY_ACTIONS, HAZARD_CATEGORY_CODES, HAZARD_SOURCES, HAZARD_STATUSES, ROLES, SEVERITIES, TIERS,
} from '../names.js';
import {
  Deadline, IsoDate, IsoDateTime, NonEmpty, Phone, StoredInputShape, StoredShape, Uuid, strictDeep,
} from './common.js';
import { GeoPoint } from './geo.js';
import { PhotoRef } from './media.js';
import { Basis, RuleRef } from './template.js';

/** Who reported a hazard: a person in one of the roles, or a device (an IoT alarm). */
export const REPORTER_KINDS = [...ROLES, 'device'] as const;
export type ReporterKind = (typeof REPORTER_KINDS)[number];

/** Levels of government supervision (挂牌督办). */
export const SUPERVISION_LEVELS = ['province', 'city', 'county', 'township'] as const;
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number];

/**
 * The reporter. With `confidential: true` the server gives `personId` and `contact` only to
 * grid supervisors, fire officers and admins (DESIGN §5), so both are optional on read.
 */
export const Reporter = z.object({
  kind: z.enum(REPORTER_KINDS),
  personId: z.optional(NonEmpty),
  contact: z.optional(z.string()),
  confidential: z.boolean(),
});
export type Reporter = z.infer<typeof Reporter>;

/**
 * Who must fix it (整改责任单位 / 责任人 / 联系电话). `personId` is the assignee's user id, when he
 * has an account (optional for outside units): he may `accept` (签收), `return` (退回) and
 * `request-extension` (申请延期), and `GET /v1/hazards?assignee=me` lists his tasks.
 */
export const Responsible = z.object({ unit: NonEmpty, person: NonEmpty, phone: z.optional(Phone), personId: z.optional(NonEmpty) });
export type Responsible = z.infer<typeof Responsible>;

/**
 * Government supervision (挂牌督办) of a hazard, from the request to the lift, written only by the
 * lifecycle's `supervise` and `lift`. A fire officer's request (报请) carries `requestedBy` and
 * `requestedAt` and no `listedAt`; the listing authority (政府/安委办, role `government`) lists it
 * (`listedAt`, `listedBy`) and, after a passed review, lifts it (摘牌/销案: `liftedAt`, `liftedBy`).
 * A hazard is *supervised* while `listedAt` is set and `liftedAt` is not.
 */
export const Supervision = z.object({
  level: z.enum(SUPERVISION_LEVELS),
  /** The government that lists it, e.g. 某某县人民政府安委办. */
  authority: z.optional(NonEmpty),
  /** The user id of whoever asked for the listing (报请), and when. */
  requestedBy: z.optional(NonEmpty),
  requestedAt: z.optional(IsoDateTime),
  /** When and by whom it was listed; absent while only requested. */
  listedAt: z.optional(IsoDateTime),
  listedBy: z.optional(NonEmpty),
  /** When and by whom it was lifted (摘牌/销案), which closes the hazard. */
  liftedAt: z.optional(IsoDateTime),
  liftedBy: z.optional(NonEmpty),
  /** 督办期限. */
  deadline: z.optional(Deadline),
});
export type Supervision = z.infer<typeof Supervision>;

/**
 * An extension asked for by the assignee (`request-extension`, 申请延期) and, once decided, the
 * supervisor's decision (`approve-extension` moves the deadline to `deadline`; `refuse-extension`
 * keeps it). Pending while `decision` is absent.
 */
export const ExtensionRequest = z.object({
  /** The deadline asked for. */
  deadline: Deadline,
  reason: z.string(),
  requestedBy: NonEmpty,
  requestedAt: IsoDateTime,
  decision: z.optional(z.enum(['approved', 'refused'])),
  decidedBy: z.optional(NonEmpty),
  decidedAt: z.optional(IsoDateTime),
});
export type ExtensionRequest = z.infer<typeof ExtensionRequest>;

/**
 * A transfer (`transfer`, 转办) to the department that enforces (plan 二（一）5), and the
 * department's answer as the supervisor recorded it (`answer-transfer`, 部门反馈).
 */
export const Transfer = z.object({
  /** The department's id in the lifecycle's `departments`. */
  department: NonEmpty,
  reason: z.string(),
  at: IsoDateTime,
  by: NonEmpty,
  answer: z.optional(z.object({
    note: z.string(),
    /** The department's document number (文号), when it answered in writing. */
    documentNumber: z.optional(NonEmpty),
    at: IsoDateTime,
    by: NonEmpty,
  })),
});
export type Transfer = z.infer<typeof Transfer>;

/**
 * The answer to a resident's tip-off (答复举报人), written only by the lifecycle's
 * `answer-resident`: the reply's text and when it was given. The resident sees it on his own report.
 */
export const PublicReply = z.object({ text: NonEmpty, at: IsoDateTime });
export type PublicReply = z.infer<typeof PublicReply>;

/**
 * The reward of a resident's tip-off (举报奖励), written only by the lifecycle's `record-reward`
 * after verification: whether a reward is due, its amount in yuan and the day it was paid.
 * Confidential like the reporter: shown only to grid supervisors, fire officers, admins and the
 * reporter himself (core's `rules/confidential`).
 */
export const Reward = z.object({
  due: z.boolean(),
  /** In yuan (元). */
  amount: z.optional(z.number().check(z.nonnegative())),
  /** The day it was paid. */
  paidAt: z.optional(IsoDate),
});
export type Reward = z.infer<typeof Reward>;

/**
 * One step of the hazard's history: a transition of the closed loop, appended by the lifecycle
 * (`createLifecycle().apply`), or an `edit`, appended by the write rules when a save (`PUT`)
 * changes the hazard's content (`fields` names the changed top-level fields). `from` equals `to`
 * for actions that change no status (`edit`, `extend-deadline`, the major-hazard ones,
 * `supervise`). `note` holds the why (the note, the reason, or both); `evidence` the ids
 * (`PhotoRef.id`) of the photos shown, e.g. of the rectification; `before`, of a `fix-on-spot`, those
 * of the hazard as found.
 */
export const HazardHistoryEntry = z.object({
  at: IsoDateTime,
  /** The user id of whoever acted. */
  by: NonEmpty,
  /**
   * His name when he acted, as the writer knew it (the reference server: the token's `name`
   * claim). Shown instead of the id; absent on entries written before it was recorded.
   */
  byName: z.optional(NonEmpty),
  action: z.enum(HISTORY_ACTIONS),
  from: z.enum(HAZARD_STATUSES),
  to: z.enum(HAZARD_STATUSES),
  note: z.optional(z.string()),
  evidence: z.optional(z.array(NonEmpty)),
  /** Of a `fix-on-spot`: the ids of the photos taken before the fix (整改前照片); `evidence` holds those after. */
  before: z.optional(z.array(NonEmpty)),
  /** Of an `edit`: the top-level fields the save changed, sorted (e.g. `['description', 'title']`). */
  fields: z.optional(z.array(NonEmpty)),
});
export type HazardHistoryEntry = z.infer<typeof HazardHistoryEntry>;

/** The fields of a hazard besides the stored ones and `history`. */
export const HazardShape = {
  category: z.enum(HAZARD_CATEGORY_CODES),
  title: NonEmpty,
  description: z.string(),
  placeId: z.optional(Uuid),
  /** The grid it belongs to (所属网格), for scope and lists; a public tip-off may not know it. */
  gridId: z.optional(NonEmpty),
  location: z.optional(GeoPoint),
  address: z.optional(z.string()),
  photos: z.array(PhotoRef),
  source: z.enum(HAZARD_SOURCES),
  inspectionId: z.optional(Uuid),
  itemId: z.optional(NonEmpty),
  /** From the checklist item that raised it. */
  basis: z.optional(Basis),
  ruleRefs: z.optional(z.array(RuleRef)),
  reporter: Reporter,
  severity: z.enum(SEVERITIES),
  status: z.enum(HAZARD_STATUSES),
  /** 整改时限: a calendar day (to its end in UTC+8) or an instant. */
  deadline: z.optional(Deadline),
  responsible: z.optional(Responsible),
  /** 整改措施 / 路线图. */
  measures: z.optional(z.string()),
  supervision: z.optional(Supervision),
  /**
   * The GB 35181 edition the major-hazard determination applied (the rule set's `id`, e.g.
   * `'GB35181-2025'`), written by `confirm-major` and `dismiss-major`.
   */
  majorRuleSet: z.optional(NonEmpty),
  /** When the assignee acknowledged the task (`accept`, 签收); cleared by `return` and `transfer`. */
  acceptedAt: z.optional(IsoDateTime),
  /** The last extension asked for (`request-extension`) and its decision. */
  extensionRequest: z.optional(ExtensionRequest),
  /** The last transfer to a department (`transfer`, 转办) and its answer. */
  transfer: z.optional(Transfer),
  /** The tier the hazard has been escalated to (`escalate`, 上报上级); absent = the grid's. */
  tier: z.optional(z.enum(TIERS)),
  /** The answer to a resident's tip-off (答复举报人), set by `answer-resident`. */
  publicReply: z.optional(PublicReply),
  /** 举报奖励, set by `record-reward`; confidential like the reporter. */
  reward: z.optional(Reward),
  /** The host platform's own event code (数字城管 部件/事件), from the vendor's mapping table. */
  externalCode: z.optional(NonEmpty),
};

/**
 * A hazard as stored and read.
 * @example
 * const h: Hazard = { id, version: 2, createdAt, updatedAt, tenantId: 't1', category: 'exit-blocked',
 *   title: '3 幢一楼安全出口堆放杂物', description: '', photos: [], source: 'worker',
 *   reporter: { kind: 'grid-worker', personId: 'u1', confidential: false }, severity: 'general',
 *   status: 'reported', history: [] };
 */
export const Hazard = z.object({ ...StoredShape, ...HazardShape, history: z.array(HazardHistoryEntry) });
export type Hazard = z.infer<typeof Hazard>;

/**
 * A hazard as a `PUT` body: unknown keys refused at every level; server-managed fields and
 * `history` optional (ignored by the server, which changes `status` only through transitions).
 */
export const HazardInput = strictDeep(
  z.object({ ...StoredInputShape, ...HazardShape, history: z.optional(z.array(HazardHistoryEntry)) }),
);
export type HazardInput = z.infer<typeof HazardInput>;
