/**
 * The `captains.import` command for {@link memoryDataPort}, so stories, tests and the demo can
 * import and replace captains over memory the way `POST /v1/captains:import` does on a server:
 * every row checked first, then all rows written or none.
 * @module
 */
import { FiregridError } from '../errors.js';
import type { Issue } from '../errors.js';
import type { Locale } from '../names.js';
import type { FloorCaptainInput } from '../schema/captain.js';
import type { MemoryCommandHandler } from '../host/memory-port.js';
import { checkLimits } from './limits.js';
import type { CaptainLimits } from './limits.js';
import { dayOf } from './terms.js';
import { captainOverlaps } from '../rules/writes.js';

/** Options of {@link captainCommands}. */
export interface CaptainCommandOptions {
  /**
   * Limits per person to enforce on import, counted on the day of the import; none by default
   * (the reference server enforces none: limits are local configuration the client checks).
   */
  limits?: CaptainLimits;
  /** Language of refusal messages; English by default, like the port's. */
  locale?: Locale;
}

/** The result of `captains.import`, as the server answers it (its entry in the command map). */
export type { CaptainImportResult } from '../commands.js';

const TEXT = {
  'zh-CN': {
    invalid: (n: number) => `有 ${n} 行无效，未导入任何一行`,
    sameId: (i: number) => `与 rows[${i}] 的 id 相同`,
    unknown: (id: string) => `没有编号为 ${id} 的楼栋`,
    overlap: (name: string, from: string) => `与${name}自 ${from} 起的任期重叠（一楼一长）`,
    limit: (name: string) => `${name}超出每人可负责的楼栋或户数上限`,
  },
  en: {
    invalid: (n: number) => `${n} ${n === 1 ? 'row is' : 'rows are'} invalid; nothing was imported`,
    sameId: (i: number) => `same id as rows[${i}]`,
    unknown: (id: string) => `there is no building ${id}`,
    overlap: (name: string, from: string) => `overlaps the term of ${name} from ${from} (one captain per building)`,
    limit: (name: string) => `${name} would be over the limit of buildings or households per captain`,
  },
} as const;

/**
 * Command handlers for `memoryDataPort(seed, { commands: captainCommands() })`: `captains.import`
 * takes `{ rows: FloorCaptainInput[] }` (new captains, or changed ones under their id) and
 * answers `{ count, created, updated, items }`. The port has checked every row against the
 * command map's schema; before writing anything this refuses the same id twice, a building that is not a stored place, and
 * terms that would overlap another captain's of the same building once the rows are applied;
 * then it writes every row, or — on any problem — none, throwing FiregridError `rejected` with one
 * issue per problem at `rows[i]…`.
 * @example
 * const data = memoryDataPort(seed, { commands: { ...captainCommands(), ...otherCommands } });
 * await data.command('captains.import', { rows: [ended, started] }, { idempotencyKey: newId() });
 */
export function captainCommands(options: CaptainCommandOptions = {}): { 'captains.import': MemoryCommandHandler<'captains.import'> } {
  const text = TEXT[options.locale ?? 'en'];
  // Each row's shape the port checked against the command map (CaptainImportInput); here the rules across rows and records.
  const handler: MemoryCommandHandler<'captains.import'> = (payload, ctx) => {
    const issues: Issue[] = [];
    const rows: FloorCaptainInput[] = payload.rows;
    const firstOfId = new Map<string, number>();
    rows.forEach((row, i) => {
      const first = firstOfId.get(row.id);
      if (first !== undefined) issues.push({ path: `rows[${i}].id`, message: text.sameId(first) });
      else firstOfId.set(row.id, i);
      if (ctx.get('places', row.buildingId) === null) issues.push({ path: `rows[${i}].buildingId`, message: text.unknown(row.buildingId) });
    });
    if (issues.length === 0) {
      const incoming = new Set(rows.map((r) => r.id));
      const stored = ctx.all('captains');
      // The same rule as a PUT and the server's import (core's rules/writes).
      const clashes = captainOverlaps(rows, (buildingId) => stored.filter((c) => c.buildingId === buildingId));
      for (const clash of clashes) issues.push({ path: `rows[${clash.index}].term`, message: text.overlap(clash.with.person.name, clash.with.term.from) });
      if (options.limits !== undefined && clashes.length === 0) {
        const all = [...ctx.all('captains').filter((c) => !incoming.has(c.id)), ...rows];
        const breaches = checkLimits(all, ctx.all('places'), dayOf(ctx.now), options.limits);
        for (const b of breaches) {
          const hit = rows.findIndex((r) => r.person.id === b.personId);
          if (hit >= 0) issues.push({ path: `rows[${hit}].person`, message: text.limit(b.name) });
        }
      }
    }
    if (issues.length > 0) {
      const bad = new Set(issues.map((x) => /^rows\[(\d+)\]/.exec(x.path)?.[1])).size;
      throw new FiregridError('rejected', `${text.invalid(bad)} (${issues[0]?.path ?? ''}: ${issues[0]?.message ?? ''})`, { issues });
    }
    let created = 0;
    const items = rows.map((row) => {
      if (ctx.get('captains', row.id) === null) created++;
      return ctx.put('captains', row);
    });
    return { count: items.length, created, updated: items.length - created, items };
  };
  return { 'captains.import': handler };
}
