/**
 * The "two lists" the plan asks for (DESIGN §9): 问题隐患清单 (the hazards found) and 整改责任清单
 * (who fixes each, how and by when), as tables of plain values ready for a CSV or Excel writer.
 * Pure: the clock, the viewer and the look-ups of places and people are passed in. Text is raw —
 * the writer neutralises formula-like cells with `neutraliseRows`.
 * @module
 */
import { isOverdue, supervisionState } from '../hazard/deadlines.js';
import { HAZARD_CATEGORIES, HAZARD_STATUS_LABELS } from '../names.js';
import type { Locale } from '../names.js';
import type { Hazard, HazardHistoryEntry } from '../schema/hazard.js';
import {
  SEVERITY_LABELS, SUPERVISION_LEVEL_LABELS, SUPERVISION_STATE_LABELS, deadlineText, shanghaiTime,
} from './labels.js';
import type { Labels } from './labels.js';
import { canSeeReporter } from './reporter.js';
import type { Viewer } from './reporter.js';
import { historyActor, reporterName } from './people.js';
import type { PeopleSources } from './people.js';

/** The two lists: `problems` = 问题隐患清单, `responsibility` = 整改责任清单. */
export const TWO_LISTS = ['problems', 'responsibility'] as const;
/** One of {@link TWO_LISTS}. */
export type TwoList = (typeof TWO_LISTS)[number];

/** One column of a list. */
export interface TwoListColumn {
  readonly key: string;
  readonly label: Labels;
}

const col = (key: string, zh: string, en: string): TwoListColumn => ({ key, label: { 'zh-CN': zh, en } });

/** Title and columns of each list, in the order of DESIGN §9. */
export const TWO_LIST_COLUMNS: Readonly<Record<TwoList, { readonly title: Labels; readonly columns: readonly TwoListColumn[] }>> = {
  problems: {
    title: { 'zh-CN': '问题隐患清单', en: 'Hazard list' },
    columns: [
      col('index', '序号', 'No.'), col('place', '单位(场所)', 'Unit (place)'), col('address', '地址', 'Address'),
      col('grid', '所属网格', 'Grid'), col('content', '隐患内容', 'Hazard'), col('basis', '依据', 'Basis'), col('category', '类别', 'Category'),
      col('severity', '等级', 'Severity'), col('foundAt', '发现时间', 'Found at'), col('finder', '发现人', 'Found by'),
      col('status', '状态', 'Status'),
    ],
  },
  responsibility: {
    title: { 'zh-CN': '整改责任清单', en: 'Responsibility list' },
    columns: [
      col('index', '序号', 'No.'), col('place', '单位(场所)', 'Unit (place)'), col('address', '地址', 'Address'), col('grid', '所属网格', 'Grid'),
      col('content', '隐患内容', 'Hazard'), col('measures', '整改措施', 'Measures'),
      col('unit', '责任单位', 'Responsible unit'), col('person', '责任人', 'Responsible person'), col('phone', '联系电话', 'Phone'),
      col('deadline', '整改时限', 'Deadline'), col('overseer', '监管责任人', 'Supervising officer'), col('progress', '完成情况', 'Progress'),
      col('supervision', '挂牌督办级别', 'Supervision level'),
    ],
  },
};

/** What a place contributes to a row. */
export interface TwoListPlace {
  name?: string;
  address?: string;
  gridId?: string;
}

/** What {@link twoListTable} needs besides the hazards. */
export interface TwoListContext {
  /** Language of headers and labels; zh-CN by default. */
  locale?: Locale;
  /** The clock, for 完成情况's "overdue". */
  now: Date;
  /** Who exports: a confidential reporter is shown only to those {@link canSeeReporter} allows. */
  viewer: Viewer;
  /** The place of a hazard's `placeId`, when known. */
  place?: (placeId: string) => TwoListPlace | undefined;
  /**
   * Where people's names come from besides the names stored with the writes: the host's
   * directory, then the worker records (see `personName`). Lists print names, never raw ids.
   */
  people?: PeopleSources;
  /**
   * The grid's worker of record (网格员) by grid code, by name: the 监管责任人 of a hazard in that
   * grid. Without one, the supervisor who ran `assign` is named.
   */
  gridWorker?: (gridId: string) => string | undefined;
}

/** A list as a table: its title, the header row and one row per hazard. */
export interface TwoListTable {
  title: string;
  header: string[];
  rows: (string | number)[][];
}

/** 隐患内容: the description, led by the title when the description does not already start with it. */
export function hazardContent(hazard: Pick<Hazard, 'title' | 'description'>): string {
  const description = hazard.description.trim();
  if (description === '') return hazard.title;
  return description.startsWith(hazard.title) ? description : `${hazard.title}：${description}`;
}

/**
 * 发现人 as `viewer` may see it: the reporter's name (see `reporterName`: the name stored with
 * his write, the directory, the worker records, else his role and the id's last 4 characters)
 * and contact, marked 保密 when confidential. One the viewer may not see is only 群众（保密）.
 */
export function finderText(hazard: Pick<Hazard, 'reporter' | 'history'>, ctx: Pick<TwoListContext, 'viewer' | 'people' | 'locale'>): string {
  const locale = ctx.locale ?? 'zh-CN';
  const r = hazard.reporter;
  const name = reporterName(hazard, { viewer: ctx.viewer, sources: ctx.people, locale });
  if (!canSeeReporter(r, ctx.viewer)) return name;
  const who = [name, r.contact].filter((s): s is string => s !== undefined && s.trim() !== '').join(' ');
  return `${who}${r.confidential ? (locale === 'zh-CN' ? '（保密）' : ' (confidential)') : ''}`;
}

/** 依据: the basis of the checklist item a hazard came from (an inspection), e.g. `GB 50016-2014 5.5.1`; `''` otherwise. */
export function basisText(hazard: Pick<Hazard, 'source' | 'basis'>): string {
  const b = hazard.basis;
  if (hazard.source !== 'inspection' || b === undefined) return '';
  return b.clause === undefined ? b.doc : `${b.doc} ${b.clause}`;
}

/**
 * 监管责任人: the grid's worker of record (`ctx.gridWorker` with the hazard's grid), else whoever
 * ran the latest `assign` (named as the history names him); `''` when neither is known.
 */
export function overseerText(hazard: Pick<Hazard, 'history' | 'reporter'>, grid: string | undefined, ctx: Pick<TwoListContext, 'viewer' | 'people' | 'locale' | 'gridWorker'>): string {
  const worker = grid === undefined || grid === '' ? undefined : ctx.gridWorker?.(grid);
  if (worker !== undefined && worker.trim() !== '') return worker.trim();
  const assigned = [...hazard.history].reverse().find((e) => e.action === 'assign');
  return assigned === undefined ? '' : historyActor(hazard, assigned, { viewer: ctx.viewer, sources: ctx.people, locale: ctx.locale });
}

/** The action of the entry that last closed a hazard. */
function closedBy(history: readonly Pick<HazardHistoryEntry, 'action' | 'from' | 'to'>[]): string | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const e = history[i];
    if (e?.to === 'closed' && e.from !== 'closed') return e.action;
  }
  return undefined;
}

/**
 * 完成情况: the status, with "overdue" while an open hazard is past its deadline, and "fixed on the
 * spot" (当场整改) for a hazard closed by `fix-on-spot`.
 */
export function progressText(
  hazard: Pick<Hazard, 'status' | 'deadline' | 'supervision'> & { readonly history?: readonly Pick<HazardHistoryEntry, 'action' | 'from' | 'to'>[] },
  now: Date, locale: Locale = 'zh-CN',
): string {
  const status = HAZARD_STATUS_LABELS[hazard.status][locale];
  if (hazard.status === 'closed' && closedBy(hazard.history ?? []) === 'fix-on-spot') {
    return locale === 'zh-CN' ? `${status}（当场整改）` : `${status} (fixed on the spot)`;
  }
  if (!isOverdue(hazard, now)) return status;
  return locale === 'zh-CN' ? `${status}（已超期）` : `${status} (overdue)`;
}

/**
 * 挂牌督办级别 with where it stands: `县级挂牌督办（督办中）`, `（报请中）` while only requested,
 * `（已摘牌）` once lifted; `''` without supervision.
 */
export function supervisionText(hazard: Pick<Hazard, 'supervision'>, locale: Locale = 'zh-CN'): string {
  const state = supervisionState(hazard);
  if (state === undefined || hazard.supervision === undefined) return '';
  const level = SUPERVISION_LEVEL_LABELS[hazard.supervision.level][locale];
  const label = SUPERVISION_STATE_LABELS[state][locale];
  return locale === 'zh-CN' ? `${level}（${label}）` : `${level} (${label})`;
}

/**
 * One of the two lists as a table, rows in the order given (sort the hazards first, e.g. by
 * urgency). Values are raw text and numbers; neutralise them before writing a spreadsheet.
 * @example
 * const { header, rows } = twoListTable('responsibility', hazards, { now: new Date(), viewer: { id: user.id, roles: user.roles } });
 * const csv = Papa.unparse([header, ...neutraliseRows(rows)]);
 */
export function twoListTable(list: TwoList, hazards: readonly Hazard[], ctx: TwoListContext): TwoListTable {
  const locale = ctx.locale ?? 'zh-CN';
  const spec = TWO_LIST_COLUMNS[list];
  const rows = hazards.map((h, i): (string | number)[] => {
    const content = hazardContent(h);
    const place = h.placeId === undefined ? undefined : ctx.place?.(h.placeId);
    const grid = h.gridId ?? place?.gridId ?? '';
    if (list === 'responsibility') {
      return [
        i + 1, place?.name ?? '', h.address ?? place?.address ?? '', grid, content, h.measures ?? '',
        h.responsible?.unit ?? '', h.responsible?.person ?? '', h.responsible?.phone ?? '',
        deadlineText(h.deadline), overseerText(h, grid, ctx), progressText(h, ctx.now, locale),
        supervisionText(h, locale),
      ];
    }
    return [
      i + 1, place?.name ?? '', h.address ?? place?.address ?? '', grid, content, basisText(h),
      HAZARD_CATEGORIES[h.category][locale], SEVERITY_LABELS[h.severity][locale], shanghaiTime(h.createdAt),
      finderText(h, ctx), HAZARD_STATUS_LABELS[h.status][locale],
    ];
  });
  return { title: spec.title[locale], header: spec.columns.map((c) => c.label[locale]), rows };
}
