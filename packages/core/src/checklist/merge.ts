/**
 * Vendors add or override checklist templates without forking the library.
 * @module
 */
import { FiregridError } from '../errors.js';
import type { Locale } from '../names.js';
import type { ChecklistTemplate } from '../schema/template.js';
import { validateTemplate } from './engine.js';

/**
 * Merges a vendor's templates into a base list (the library of `@firegrid/core/templates`), by
 * `id`: a template with a new id is added at the end; one with the id of a base template replaces
 * it when its `revision` (the content revision) is the same or higher, and is ignored when it is
 * lower (the base has moved on since the override was written: raise the override's revision to
 * keep it). Among overrides with the same id, the highest revision wins. `version` (a store's
 * record version) plays no part. Every override is validated first.
 * @throws FiregridError `validation` naming the override and the path (`overrides[1].sections[0].items[2].basis`).
 * @example
 * import { templates } from '@firegrid/core/templates';
 * const mine = mergeTemplates(templates, [{ ...templates[0], revision: templates[0].revision + 1, title: { 'zh-CN': '本市日常巡查' } }]);
 */
export function mergeTemplates(
  base: readonly ChecklistTemplate[],
  overrides: readonly unknown[],
  options: { locale?: Locale } = {},
): ChecklistTemplate[] {
  const checked = overrides.map((o, n) => {
    try {
      return validateTemplate(o, options);
    } catch (error) {
      if (!(error instanceof FiregridError)) throw error;
      const issues = error.issues.map((i) => ({ ...i, path: `overrides[${n}]${i.path === '' ? '' : `.${i.path}`}` }));
      throw new FiregridError('validation', `overrides[${n}]: ${error.message}`, { issues, cause: error });
    }
  });
  const winners = new Map<string, ChecklistTemplate>();
  for (const t of checked) {
    const seen = winners.get(t.id);
    if (seen === undefined || t.revision >= seen.revision) winners.set(t.id, t);
  }
  const out = base.map((b) => {
    const o = winners.get(b.id);
    return o !== undefined && o.revision >= b.revision ? o : b;
  });
  const baseIds = new Set(base.map((b) => b.id));
  for (const t of winners.values()) if (!baseIds.has(t.id)) out.push(t);
  return out;
}
