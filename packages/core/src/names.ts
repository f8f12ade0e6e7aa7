/**
 * The names every part of Firegrid shares (DESIGN §9). Schemas, the server, the elements and the
 * scoring engine all read them from here; nothing else spells them out.
 * @module
 */

/** What a place is used for. */
export const PLACE_KINDS = [
  'residential', 'public-building', 'commercial-complex', 'small-venue', 'three-in-one', 'ebike-shed',
  'school', 'kindergarten', 'elderly-care', 'hospital', 'hotel', 'market', 'entertainment', 'religious',
  'heritage', 'factory', 'warehouse', 'construction-site', 'village', 'metro-station', 'petrochemical',
  'rental-housing', 'family-workshop', 'homestay', 'scenic-area', 'other',
] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** Resource kinds, equal to the URL segments of the REST contract (DESIGN §5). */
export const RESOURCE_KINDS = [
  'places', 'templates', 'inspections', 'hazards', 'captains', 'workers', 'activities', 'score-configs',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/**
 * Roles carried by a session or a token. `government` is the 政府/安委办 that lists and lifts
 * 挂牌督办 at its tier; `admin` is a system role.
 */
export const ROLES = [
  'grid-worker', 'grid-supervisor', 'fire-officer', 'unit-manager', 'captain', 'resident', 'government', 'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Hazard statuses of the closed loop 上报→核实→交办→整改→复查→销号. */
export const HAZARD_STATUSES = [
  'draft', 'reported', 'verified', 'rejected', 'assigned', 'rectifying', 'awaiting-review', 'closed',
] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];

/** Statuses that are not open: a hazard in one of these needs no more work. */
export const CLOSED_STATUSES: readonly HazardStatus[] = ['rejected', 'closed'];

/** Hazard severities; `major` only by a fire officer's confirmation of a collective determination. */
export const SEVERITIES = ['general', 'major-candidate', 'major'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * Actions of the hazard lifecycle (DESIGN §9), in the order a ledger offers them. `fix-on-spot`
 * (当场整改) closes a hazard fixed while the worker stands there; `reopen` (复核不合格) sends such a
 * fix back to rectification. The assignee's `accept` (签收), `return` (退回) and
 * `request-extension` (申请延期), the supervisor's `approve-extension` / `refuse-extension`,
 * `transfer` (转办) and `answer-transfer` (部门反馈), and `escalate` (上报上级) keep the status
 * (`return` sends it back to `verified`, `transfer` to `assigned`).
 * fix back to rectification. `answer-resident` (答复举报人) answers a resident's tip-off;
 * `record-reward` (举报奖励) records its reward, confidential like the reporter.
 */
export const HAZARD_ACTIONS = [
  'submit', 'fix-on-spot', 'verify', 'reject', 'assign', 'start', 'report-rectified', 'review-pass', 'review-fail', 'reopen',
  'extend-deadline', 'flag-major', 'confirm-major', 'dismiss-major', 'supervise', 'lift',
  'accept', 'return', 'request-extension', 'approve-extension', 'refuse-extension', 'transfer', 'answer-transfer', 'escalate',
  'answer-resident', 'record-reward',
] as const;
export type HazardAction = (typeof HAZARD_ACTIONS)[number];

/**
 * The tiers a hazard is escalated through (`escalate`, 上报上级): 网格 → 社区 → 街道/乡镇 → 区县.
 * A hazard without `tier` is at the grid's.
 */
export const TIERS = ['grid', 'community', 'township', 'county'] as const;
export type Tier = (typeof TIERS)[number];

/**
 * What a hazard's history entry records: a lifecycle action ({@link HAZARD_ACTIONS}), or `edit`, a
 * save (`PUT`) that changed the hazard's content. `edit` is no transition: it changes no status and
 * no lifecycle runs it.
 */
export const HISTORY_ACTIONS = [...HAZARD_ACTIONS, 'edit'] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/**
 * The `by` of an `edit` history entry written by a port that has no actor (a `memoryDataPort` or
 * `localDataPort` made without `actor`): the change is recorded, its writer is not known. Shown
 * as 用户 / User, never looked up.
 */
export const UNKNOWN_WRITER = 'unknown-writer';

/** Hazard categories with their zh-CN and English labels. */
export const HAZARD_CATEGORIES = {
  'fire-lane-blocked': { 'zh-CN': '消防车通道堵塞占用', en: 'Fire lane blocked' },
  'exit-blocked': { 'zh-CN': '安全出口、疏散通道堵塞', en: 'Exit or escape route blocked' },
  'ebike-indoor': { 'zh-CN': '电动自行车违规停放充电', en: 'E-bike parked or charged indoors' },
  'facility-broken': { 'zh-CN': '消防设施损坏或无法正常使用', en: 'Fire equipment broken' },
  'hydrant-no-water': { 'zh-CN': '消火栓无水或水压不足', en: 'Hydrant without water or pressure' },
  extinguisher: { 'zh-CN': '灭火器缺失或失效', en: 'Extinguishers missing or expired' },
  'alarm-sprinkler': { 'zh-CN': '火灾报警、自动喷水系统故障', en: 'Alarm or sprinkler fault' },
  'signage-lighting': { 'zh-CN': '疏散指示标志、应急照明缺损', en: 'Exit signs or emergency lighting missing' },
  'fire-door': { 'zh-CN': '防火门损坏或未保持常闭', en: 'Fire door damaged or held open' },
  electrical: { 'zh-CN': '电气线路老化、私拉乱接', en: 'Aged or improvised wiring' },
  'fire-gas-use': { 'zh-CN': '违规用火用气', en: 'Illegal use of fire or gas' },
  flammables: { 'zh-CN': '易燃易爆危险品违规存放', en: 'Flammable goods stored illegally' },
  'sandwich-panel': { 'zh-CN': '违规搭建易燃可燃彩钢板房', en: 'Illegal sandwich-panel structure' },
  'insulation-damage': { 'zh-CN': '外墙保温层破损脱落', en: 'Damaged external insulation' },
  'shaft-sealing': { 'zh-CN': '电缆井、管道井防火封堵不严', en: 'Unsealed cable or pipe shaft' },
  'three-in-one': { 'zh-CN': '"三合一"场所违规住人', en: 'People living in three-in-one premises' },
  'records-missing': { 'zh-CN': '消防安全管理制度、记录缺失', en: 'Fire-safety rules or records missing' },
  'control-room': { 'zh-CN': '消防控制室值班不落实', en: 'Control room not staffed' },
  'hot-work': { 'zh-CN': '违规动火作业', en: 'Illegal hot work' },
  training: { 'zh-CN': '消防培训演练未落实', en: 'Training and drills not done' },
  other: { 'zh-CN': '其他', en: 'Other' },
} as const satisfies Record<string, { 'zh-CN': string; en: string }>;
export type HazardCategory = keyof typeof HAZARD_CATEGORIES;
export const HAZARD_CATEGORY_CODES = Object.keys(HAZARD_CATEGORIES) as [HazardCategory, ...HazardCategory[]];

/** zh-CN and English labels of the hazard statuses. */
export const HAZARD_STATUS_LABELS = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  reported: { 'zh-CN': '已上报', en: 'Reported' },
  verified: { 'zh-CN': '已核实', en: 'Verified' },
  rejected: { 'zh-CN': '已驳回', en: 'Rejected' },
  assigned: { 'zh-CN': '已交办', en: 'Assigned' },
  rectifying: { 'zh-CN': '整改中', en: 'Rectifying' },
  'awaiting-review': { 'zh-CN': '待复查', en: 'Awaiting review' },
  closed: { 'zh-CN': '已销号', en: 'Closed' },
} as const satisfies Record<HazardStatus, { 'zh-CN': string; en: string }>;

/** Where a hazard report came from. */
export const HAZARD_SOURCES = ['inspection', 'worker', 'public', 'iot'] as const;
export type HazardSource = (typeof HAZARD_SOURCES)[number];

/** The facts scoring reads (DESIGN §2, §9). */
export const ACTIVITY_TYPES = [
  'inspection.submitted', 'hazard.reported', 'hazard.verified', 'hazard.rejected', 'hazard.assigned',
  'hazard.closed', 'review.done', 'captain.registered', 'training.held', 'publicity.held',
  // Issue 20: points an assessor enters for a line of a local scheme (grid-supervisor or admin).
  'assessment.entered',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** `DataPort.command` names. */
export const COMMANDS = ['hazards.transition', 'captains.import'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** Score metric keys (DESIGN §7). */
export const METRIC_KEYS = ['coverage', 'discovery', 'closure', 'review', 'overdue', 'captains', 'outreach'] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

/** The locales Firegrid speaks: zh-CN first, English second. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Coordinate reference systems a GeoPoint may carry. */
export const CRS = ['WGS84', 'GCJ02', 'BD09', 'CGCS2000'] as const;
export type Crs = (typeof CRS)[number];
