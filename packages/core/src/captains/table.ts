/**
 * The captain registry as a spreadsheet: the columns, the export table, and the import of a
 * table a grid worker filled in — checked row by row before anything is sent, so a preview can
 * show every problem (bad phones, unknown buildings, duplicates, limits exceeded) and the
 * `captains.import` command gets all rows or none.
 *
 * Cells are text both ways: the export neutralises formula-like cells (`neutraliseCell`), and the
 * import reads every cell as text — a cell `'=1+1` written by the export comes back as `=1+1`,
 * and nothing read is ever evaluated.
 * @module
 */
import { isFormulaLike, neutraliseCell } from '../export/cells.js';
import type { Locale } from '../names.js';
import { FloorCaptainInput } from '../schema/captain.js';
import type { CommitmentMethod, FloorCaptain } from '../schema/captain.js';
import type { Place } from '../schema/place.js';
import { newId } from '../ids.js';
import { canonicalJson } from '../rules/json.js';
import { checkWith } from '../validate.js';
import type { RegistryRow } from './coverage.js';
import { DEFAULT_DUTIES, dutyTexts } from './duties.js';
import { CAPTAIN_STATUS_LABELS, COMMITMENT_LABELS } from './labels.js';
import { DEFAULT_LIMITS, checkLimits } from './limits.js';
import type { CaptainLimits } from './limits.js';
import { maskPhone, validatePhone } from './phone.js';
import { activeCaptain, dayOf, termsOverlap } from './terms.js';

type Text = Readonly<Record<Locale, string>>;

/** The columns of the registry's spreadsheet, in export order, with their headers. */
export const CAPTAIN_COLUMNS = {
  seq: { 'zh-CN': '序号', en: 'No.' },
  buildingId: { 'zh-CN': '楼栋编号', en: 'Building ID' },
  building: { 'zh-CN': '楼栋', en: 'Building' },
  address: { 'zh-CN': '地址', en: 'Address' },
  grid: { 'zh-CN': '所属网格', en: 'Grid' },
  households: { 'zh-CN': '户数', en: 'Households' },
  name: { 'zh-CN': '楼长', en: 'Captain' },
  phone: { 'zh-CN': '联系电话', en: 'Phone' },
  personId: { 'zh-CN': '人员编号', en: 'Person ID' },
  duties: { 'zh-CN': '职责', en: 'Duties' },
  from: { 'zh-CN': '任期开始', en: 'Term from' },
  to: { 'zh-CN': '任期结束', en: 'Term to' },
  commitment: { 'zh-CN': '承诺方式', en: 'Commitment' },
  signedAt: { 'zh-CN': '承诺日期', en: 'Commitment signed' },
  publicisedAt: { 'zh-CN': '公示日期', en: 'Notice posted' },
  status: { 'zh-CN': '状态', en: 'Status' },
} as const satisfies Record<string, Text>;
/** A column of {@link CAPTAIN_COLUMNS}. */
export type CaptainColumn = keyof typeof CAPTAIN_COLUMNS;

/** Other headers people write for the same columns (matched after trimming, case-insensitive). */
const ALIASES: Partial<Record<CaptainColumn, readonly string[]>> = {
  buildingId: ['楼栋id', 'buildingid', 'building id', 'placeid'],
  building: ['楼栋名称', '楼号', '楼宇', '楼栋（名称）', 'building name'],
  name: ['楼长姓名', '姓名', 'name', 'captain name'],
  phone: ['电话', '手机', '手机号', '手机号码', '联系方式', 'mobile', 'phone number', 'tel'],
  duties: ['职责内容', 'duty'],
  from: ['任期开始日期', '开始日期', '任职日期', 'from', 'start'],
  to: ['任期结束日期', '结束日期', 'to', 'end'],
  commitment: ['承诺书', '承诺方式（纸质/电子）', 'commitment method'],
  signedAt: ['承诺书签署日期', '签署日期', 'signed', 'signed at'],
  publicisedAt: ['公示时间', '张贴日期', 'posted', 'publicised'],
};

/** Options of {@link captainExportTable}. */
export interface ExportOptions {
  locale?: Locale;
  /** Mask phones (`138****1234`), for a public list. */
  maskPhones?: boolean;
  /** A grid's display name by its code; the code itself when left out. */
  gridName?: (gridId: string) => string | undefined;
}

/**
 * The registry as a table: a header row, then one row per building (a building without a captain
 * has empty captain cells). Every cell is text, neutralised (`'=…` stays text in Excel and WPS).
 * Write it as CSV with a BOM, or as .xlsx string cells.
 * @example
 * const table = captainExportTable(rows, { locale: 'zh-CN' });
 * table[0]; // ['序号', '楼栋编号', '楼栋', '地址', …]
 */
export function captainExportTable(rows: readonly RegistryRow<Place, FloorCaptain>[], options: ExportOptions = {}): string[][] {
  const locale = options.locale ?? 'zh-CN';
  const columns = Object.keys(CAPTAIN_COLUMNS) as CaptainColumn[];
  const out: string[][] = [columns.map((c) => CAPTAIN_COLUMNS[c][locale])];
  rows.forEach((row, i) => {
    const b = row.building;
    const c = row.captain;
    const phone = c === undefined ? '' : options.maskPhones === true ? maskPhone(c.person.phone) : c.person.phone;
    const cells: Record<CaptainColumn, string> = {
      seq: String(i + 1),
      buildingId: b.id,
      building: b.name,
      address: b.address,
      grid: options.gridName?.(b.gridId) ?? b.gridId,
      households: b.building?.households === undefined ? '' : String(b.building.households),
      name: c?.person.name ?? '',
      phone,
      personId: c === undefined || options.maskPhones === true ? '' : c.person.id,
      duties: c?.duties.join('；') ?? '',
      from: c?.term.from ?? '',
      to: c?.term.to ?? '',
      commitment: c?.commitment === undefined ? '' : COMMITMENT_LABELS[c.commitment.method][locale],
      signedAt: c?.commitment === undefined ? '' : dayOf(c.commitment.signedAt),
      publicisedAt: c?.publicisedAt === undefined ? '' : dayOf(c.publicisedAt),
      status: CAPTAIN_STATUS_LABELS[row.status][locale],
    };
    out.push(columns.map((col) => neutraliseCell(cells[col])));
  });
  return out;
}

/**
 * The text of a cell read from a file: `null`/empty → `''`; a date → `YYYY-MM-DD` (its UTC day, as
 * spreadsheet readers give dates at UTC midnight); a number → its digits. A leading apostrophe
 * that the export put before formula-like text is dropped, so an export imports back unchanged;
 * the text is never evaluated. Surrounding white space is trimmed.
 * @example
 * readCell("'=1+1");   // '=1+1'
 * readCell(13812341234); // '13812341234'
 */
export function readCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  let text = typeof value === 'string' ? value
    : typeof value === 'number' ? (Number.isInteger(value) ? value.toFixed(0) : String(value))
      : typeof value === 'boolean' ? String(value) : '';
  if (text.startsWith("'") && isFormulaLike(text.slice(1))) text = text.slice(1);
  return text.trim();
}

/** Reads a day written as `2025-03-01`, `2025/3/1`, `2025.3.1`, `2025年3月1日` or an Excel day number. */
function readDay(text: string): string | undefined {
  if (text === '') return undefined;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$/.exec(text);
  let y: number, mo: number, d: number;
  if (m !== null) {
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
  } else if (/^\d{5}$/.test(text)) {
    // Excel's day numbers count from 1899-12-30 (its 1900 leap-year bug included).
    const date = new Date(Date.UTC(1899, 11, 30) + Number(text) * 86_400_000);
    y = date.getUTCFullYear();
    mo = date.getUTCMonth() + 1;
    d = date.getUTCDate();
  } else {
    return undefined;
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

function readMethod(text: string): CommitmentMethod | undefined {
  const t = text.toLowerCase();
  if (['纸质', '纸质版', '书面', 'paper'].includes(t)) return 'paper';
  if (['电子', '电子版', '线上', 'electronic', 'online'].includes(t)) return 'electronic';
  return undefined;
}

const normalise = (s: string): string => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

/** What {@link parseCaptainTable} checks a file against. */
export interface ImportContext {
  /** The buildings rows may name (by `楼栋编号` or by name). */
  buildings: readonly Place[];
  /** The captains already stored for those buildings (all terms). */
  captains: readonly FloorCaptain[];
  /** Today, for default start days and for who is in office. */
  at: Date | string;
  /** Limits per person; {@link DEFAULT_LIMITS} when left out. */
  limits?: CaptainLimits;
  /** Duties for rows whose duties cell is empty; the default list in `locale` when left out. */
  duties?: readonly string[];
  locale?: Locale;
  /** Makes ids for new captains and people; `newId` by default. */
  makeId?: () => string;
}

/**
 * What a valid row does: `create` a captain for a vacant building, `replace` the one in office
 * (his term ends the day the new one begins), `update` the one in office (same person: duties,
 * commitment, notice, end of term), or nothing (`unchanged`: the row says what is stored).
 */
export type ImportAction = 'create' | 'replace' | 'update' | 'unchanged';

/** A problem of one row, with the column it is in (`''` for the row as a whole). */
export interface ImportIssue {
  column: CaptainColumn | '';
  message: string;
}

/** One data row of the file as the preview shows it. */
export interface ImportRow {
  /** Its row number in the spreadsheet (the header is a row too). */
  line: number;
  /** The building as written in the file. */
  buildingText: string;
  /** The building it was matched to. */
  buildingId?: string;
  name: string;
  /** The phone in its normal form when valid, else as written. */
  phone: string;
  /** Set when the row has no issues. */
  action?: ImportAction;
  /** The name of the captain a `replace` row ends the term of. */
  replaces?: string;
  issues: ImportIssue[];
}

/** The outcome of {@link parseCaptainTable}. */
export interface ImportPreview {
  /** The data rows, in file order (blank rows and rows without a captain are left out). */
  rows: ImportRow[];
  /** Problems of the file itself (no header, a required column missing); localized. */
  fileIssues: string[];
  /** Rows with at least one issue. */
  errorCount: number;
  /** Rows left out because they name no captain (the gap rows of an export). */
  skipped: number;
  /**
   * The `rows` of the `captains.import` payload: new and changed captains and the ended terms of
   * those replaced. Empty unless the whole file is valid — an import is all rows or none.
   */
  records: FloorCaptainInput[];
}

const TEXT = {
  'zh-CN': {
    empty: '文件是空的',
    missing: (cols: string) => `缺少必需的列：${cols}（第一行应为表头）`,
    noBuilding: '请填写楼栋或楼栋编号',
    unknownId: (id: string) => `找不到楼栋编号为 ${id} 的楼栋`,
    unknownName: (name: string) => `找不到名为"${name}"的楼栋`,
    ambiguous: (name: string, n: number) => `有 ${n} 栋楼都叫"${name}"，请填写楼栋编号`,
    noName: '请填写楼长姓名',
    longName: '姓名过长（最多 40 个字）',
    badDay: (text: string) => `"${text}"不是日期（如 2025-03-01）`,
    endBeforeStart: '任期结束日应晚于开始日',
    badMethod: (text: string) => `承诺方式"${text}"应为"纸质"或"电子"`,
    methodWithoutDay: '填写了承诺方式，请同时填写承诺日期',
    dayWithoutMethod: '填写了承诺日期，请同时填写承诺方式（纸质/电子）',
    duplicate: (line: number) => `与第 ${line} 行是同一栋楼（一楼一长）`,
    replaceTooEarly: (from: string, name: string, current: string) => `新任期从 ${from} 开始，但现任楼长${name}的任期从 ${current} 才开始`,
    overlap: (name: string, from: string, to: string) => `与${name}的任期（${from} 至 ${to}）重叠`,
    now: '至今',
    overBuildings: (name: string, n: number, max: number) => `${name}将负责 ${n} 栋楼，超过上限 ${max} 栋`,
    overHouseholds: (name: string, n: number, max: number) => `${name}将负责 ${n} 户，超过上限 ${max} 户`,
  },
  en: {
    empty: 'The file is empty',
    missing: (cols: string) => `Required columns are missing: ${cols} (the first row must be the header)`,
    noBuilding: 'Enter the building or its ID',
    unknownId: (id: string) => `There is no building with the ID ${id}`,
    unknownName: (name: string) => `There is no building called "${name}"`,
    ambiguous: (name: string, n: number) => `${n} buildings are called "${name}"; enter the building ID`,
    noName: "Enter the captain's name",
    longName: 'The name is too long (at most 40 characters)',
    badDay: (text: string) => `"${text}" is not a date (like 2025-03-01)`,
    endBeforeStart: 'The term must end after it begins',
    badMethod: (text: string) => `The commitment "${text}" should be "paper" or "electronic"`,
    methodWithoutDay: 'Enter the day the commitment was signed too',
    dayWithoutMethod: 'Enter how the commitment was signed (paper or electronic) too',
    duplicate: (line: number) => `Same building as row ${line} (one captain per building)`,
    replaceTooEarly: (from: string, name: string, current: string) => `The new term begins on ${from}, but the current captain ${name} only began on ${current}`,
    overlap: (name: string, from: string, to: string) => `Overlaps the term of ${name} (${from} to ${to})`,
    now: 'now',
    overBuildings: (name: string, n: number, max: number) => `${name} would have ${n} buildings, over the limit of ${max}`,
    overHouseholds: (name: string, n: number, max: number) => `${name} would have ${n} households, over the limit of ${max}`,
  },
} as const;

const REQUIRED: readonly CaptainColumn[] = ['name', 'phone'];

/** Maps header cells to columns; unknown headers are ignored. */
function readHeader(cells: readonly string[]): Map<CaptainColumn, number> {
  const byLabel = new Map<string, CaptainColumn>();
  for (const [col, labels] of Object.entries(CAPTAIN_COLUMNS) as [CaptainColumn, Text][]) {
    byLabel.set(normalise(labels['zh-CN']), col);
    byLabel.set(normalise(labels.en), col);
    for (const alias of ALIASES[col] ?? []) byLabel.set(normalise(alias), col);
  }
  const map = new Map<CaptainColumn, number>();
  cells.forEach((cell, i) => {
    const col = byLabel.get(normalise(cell));
    if (col !== undefined && !map.has(col)) map.set(col, i);
  });
  return map;
}

const midnight = (day: string): string => `${day}T00:00:00+08:00`;

/** Keeps an instant unless it falls on another day, so re-importing an export changes nothing. */
const sameDayOr = (stored: string | undefined, day: string): string => (stored !== undefined && dayOf(stored) === day ? stored : midnight(day));

const PATH_COLUMNS: Readonly<Record<string, CaptainColumn>> = {
  'person.name': 'name', 'person.phone': 'phone', 'person.id': 'personId', buildingId: 'building',
  'term.from': 'from', 'term.to': 'to', 'commitment.method': 'commitment', 'commitment.signedAt': 'signedAt', publicisedAt: 'publicisedAt',
};

function columnOfPath(path: string): CaptainColumn | '' {
  for (const [prefix, col] of Object.entries(PATH_COLUMNS)) if (path === prefix || path.startsWith(`${prefix}.`)) return col;
  return path.startsWith('duties') ? 'duties' : '';
}

interface Planned {
  row: ImportRow;
  record?: FloorCaptainInput;
  ended?: FloorCaptain;
}

/**
 * Checks a filled-in table (rows of cells, the header first) against the buildings and captains
 * there are, and returns a preview: per row what it would do or what is wrong with it, and — only
 * when nothing is wrong — the records to send with `captains.import`. Pure apart from the ids it
 * makes (pass `makeId` for fixed ones).
 *
 * Rows are matched to buildings by `楼栋编号` or, without it, by exact name; a person is the same
 * person as a stored captain or an earlier row when the phone is the same. Checked per row: the
 * building is known and unique, the name, the phone (mainland mobile or landline), days, the
 * commitment, one row per building, terms that would overlap another captain's, and the limits
 * per person counted over everything in office or starting after the import.
 * @example
 * const preview = parseCaptainTable(cells, { buildings, captains, at: client.now() });
 * if (preview.errorCount === 0) await client.command('captains.import', { rows: preview.records });
 */
export function parseCaptainTable(table: readonly (readonly unknown[])[], context: ImportContext): ImportPreview {
  const locale = context.locale ?? 'zh-CN';
  const text = TEXT[locale];
  const makeId = context.makeId ?? newId;
  const today = dayOf(context.at);
  const rowsText = table.map((cells) => cells.map(readCell));
  const headerAt = rowsText.findIndex((cells) => cells.some((c) => c !== ''));
  const empty: ImportPreview = { rows: [], fileIssues: [], errorCount: 0, skipped: 0, records: [] };
  if (headerAt < 0) return { ...empty, fileIssues: [text.empty] };
  const header = readHeader(rowsText[headerAt] ?? []);
  const missing = REQUIRED.filter((c) => !header.has(c));
  if (!header.has('building') && !header.has('buildingId')) missing.unshift('building');
  if (missing.length > 0) return { ...empty, fileIssues: [text.missing(missing.map((c) => CAPTAIN_COLUMNS[c][locale]).join(locale === 'en' ? ', ' : '、'))] };

  const byId = new Map(context.buildings.map((b) => [b.id, b]));
  const byName = new Map<string, Place[]>();
  for (const b of context.buildings) {
    const key = normalise(b.name);
    const list = byName.get(key);
    if (list === undefined) byName.set(key, [b]);
    else list.push(b);
  }
  const personByPhone = new Map<string, FloorCaptain['person']>();
  for (const c of context.captains) {
    const p = validatePhone(c.person.phone);
    if (p.ok) personByPhone.set(p.phone, c.person);
  }
  const defaultDuties = context.duties ?? dutyTexts(DEFAULT_DUTIES, locale);
  const firstLineOfBuilding = new Map<string, number>();
  const planned: Planned[] = [];
  let skipped = 0;

  for (let i = headerAt + 1; i < rowsText.length; i++) {
    const cells = rowsText[i] ?? [];
    const cell = (col: CaptainColumn): string => {
      const at = header.get(col);
      return at === undefined ? '' : cells[at] ?? '';
    };
    if (cells.every((c) => c === '')) continue;
    if (cell('name') === '' && cell('phone') === '') {
      skipped++;
      continue;
    }
    const line = i + 1;
    const issues: ImportIssue[] = [];
    const issue = (column: CaptainColumn | '', message: string): void => { issues.push({ column, message }); };
    const buildingText = cell('building') || cell('buildingId');
    const row: ImportRow = { line, buildingText, name: cell('name'), phone: cell('phone'), issues };

    let building: Place | undefined;
    const idText = cell('buildingId');
    const nameText = cell('building');
    if (idText !== '') {
      building = byId.get(idText);
      if (building === undefined) issue('buildingId', text.unknownId(idText));
    } else if (nameText !== '') {
      const found = byName.get(normalise(nameText)) ?? [];
      if (found.length === 1) building = found[0];
      else if (found.length === 0) issue('building', text.unknownName(nameText));
      else issue('building', text.ambiguous(nameText, found.length));
    } else {
      issue('building', text.noBuilding);
    }
    if (building !== undefined) {
      row.buildingId = building.id;
      row.buildingText = building.name;
      const earlier = firstLineOfBuilding.get(building.id);
      if (earlier !== undefined) issue('building', text.duplicate(earlier));
      else firstLineOfBuilding.set(building.id, line);
    }

    const name = cell('name');
    if (name === '') issue('name', text.noName);
    else if (Array.from(name).length > 40) issue('name', text.longName);
    const phone = validatePhone(cell('phone'), locale);
    if (phone.ok) row.phone = phone.phone;
    else issue('phone', phone.message);

    const day = (col: CaptainColumn): string | undefined => {
      const raw = cell(col);
      const value = readDay(raw);
      if (raw !== '' && value === undefined) issue(col, text.badDay(raw));
      return value;
    };
    const from = day('from') ?? today;
    const to = day('to');
    if (to !== undefined && to <= from) issue('to', text.endBeforeStart);
    const methodText = cell('commitment');
    const method = methodText === '' ? undefined : readMethod(methodText);
    if (methodText !== '' && method === undefined) issue('commitment', text.badMethod(methodText));
    const signed = day('signedAt');
    if (method !== undefined && signed === undefined && cell('signedAt') === '') issue('signedAt', text.methodWithoutDay);
    if (signed !== undefined && methodText === '') issue('commitment', text.dayWithoutMethod);
    const posted = day('publicisedAt');
    const dutiesText = cell('duties');
    const duties = dutiesText === '' ? [...defaultDuties] : dutiesText.split(/[；;\n\r]+/).map((d) => d.trim()).filter((d) => d !== '');

    const plan: Planned = { row };
    planned.push(plan);
    if (issues.length > 0 || building === undefined || !phone.ok) continue;

    const known = personByPhone.get(phone.phone);
    const givenId = cell('personId');
    const person = { id: givenId !== '' ? givenId : known?.id ?? makeId(), name, phone: phone.phone };
    if (known === undefined) personByPhone.set(phone.phone, person);
    const current = activeCaptain(context.captains, building.id, today);
    const content = {
      duties,
      ...(method !== undefined && signed !== undefined && { commitment: { signedAt: sameDayOr(current?.commitment?.signedAt, signed), method } }),
      ...(posted !== undefined && { publicisedAt: sameDayOr(current?.publicisedAt, posted) }),
    };
    let record: FloorCaptainInput;
    if (current?.person.id === person.id) {
      record = { ...current, person, ...content, term: to === undefined ? current.term : { from: current.term.from, to } };
      const same = canonicalJson([current.person, current.duties, current.commitment, current.publicisedAt, current.term])
        === canonicalJson([record.person, record.duties, record.commitment, record.publicisedAt, record.term]);
      row.action = same ? 'unchanged' : 'update';
    } else {
      record = { id: makeId(), buildingId: building.id, person, ...content, term: to === undefined ? { from } : { from, to } };
      row.action = current === undefined ? 'create' : 'replace';
      if (current !== undefined) {
        if (from <= current.term.from) {
          issue('from', text.replaceTooEarly(from, current.person.name, current.term.from));
        } else {
          plan.ended = { ...current, term: { ...current.term, to: from } };
          row.replaces = current.person.name;
        }
      }
      for (const other of context.captains) {
        if (other.buildingId !== building.id || other.id === current?.id || !termsOverlap(other, record)) continue;
        issue('from', text.overlap(other.person.name, other.term.from, other.term.to ?? text.now));
      }
    }
    const checked = checkWith(FloorCaptainInput, record, { locale });
    if (!checked.ok) for (const x of checked.issues) issue(columnOfPath(x.path), x.message);
    plan.record = record;
  }

  // Limits count what would be in office once the import is done, future terms included.
  const limits = context.limits ?? DEFAULT_LIMITS;
  const replaced = new Map<string, FloorCaptain | FloorCaptainInput>();
  for (const p of planned) {
    if (p.row.issues.length > 0) continue;
    if (p.ended !== undefined) replaced.set(p.ended.id, p.ended);
    if (p.record !== undefined) replaced.set(p.record.id, p.record);
  }
  const after = [...context.captains.filter((c) => !replaced.has(c.id)), ...replaced.values()]
    .filter((c) => c.term.to === undefined || c.term.to > today)
    .map((c) => ({ ...c, term: { from: c.term.from < today ? c.term.from : today } }));
  for (const breach of checkLimits(after, context.buildings, today, limits)) {
    for (const p of planned) {
      if (p.record === undefined || p.row.issues.length > 0 || p.record.person.id !== breach.personId) continue;
      if (p.row.action !== 'create' && p.row.action !== 'replace') continue;
      if (breach.exceeds.includes('buildings')) p.row.issues.push({ column: 'name', message: text.overBuildings(breach.name, breach.buildingIds.length, limits.maxBuildings ?? 0) });
      if (breach.exceeds.includes('households')) p.row.issues.push({ column: 'name', message: text.overHouseholds(breach.name, breach.households, limits.maxHouseholds ?? 0) });
    }
  }

  const rows = planned.map((p) => p.row);
  for (const r of rows) if (r.issues.length > 0) delete r.action;
  const errorCount = rows.filter((r) => r.issues.length > 0).length;
  const records: FloorCaptainInput[] = [];
  if (errorCount === 0) {
    for (const p of planned) {
      if (p.ended !== undefined) records.push(p.ended);
      if (p.record !== undefined && p.row.action !== 'unchanged') records.push(p.record);
    }
  }
  return { rows, fileIssues: [], errorCount, skipped, records };
}
