/**
 * Template revisions (DESIGN §2, §5): a template's `revision` is its content revision, raised when
 * its content changes; a store keeps every revision it was given and never rewrites one. The rule
 * here is the one every port applies to a save of a template (the reference server,
 * `memoryDataPort`, `localDataPort`), so a save refused by one is refused by every one:
 *
 * - a revision above the stored one is a new revision: stored, the older ones kept;
 * - the stored revision again, with the same content: an ordinary save (nothing to keep anew);
 * - the stored revision with other content: refused (409 `template-revision`), as a changed
 *   template needs a higher revision;
 * - a revision below the stored one: refused (409 `template-revision`): old revisions are read
 *   with `revision` (`GET /v1/templates/{id}?revision=N`), never written.
 * @module
 */
import { canonicalJson } from './json.js';
import type { WriteRefusal } from './writes.js';

type Rec = Readonly<Record<string, unknown>>;

/** Fields of a stored template that are not its content. */
const NOT_CONTENT: ReadonlySet<string> = new Set(['id', 'version', 'createdAt', 'updatedAt', 'tenantId', 'revision']);

/**
 * A template's content — what its `revision` stands for: everything but the stored fields and
 * the revision itself (title, applicability, sections with their items), in canonical JSON.
 * @example templateContent(templates[0]) === templateContent({ ...templates[0], version: 7 }); // true
 */
export function templateContent(template: Rec): string {
  const content: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(template)) if (!NOT_CONTENT.has(k)) content[k] = v;
  return canonicalJson(content);
}

/** The revision a stored template carries (0 when it has none: stored before revisions existed). */
export const revisionOf = (template: Rec | undefined): number =>
  typeof template?.revision === 'number' ? template.revision : 0;

/**
 * Why a save of a template (`next`, parsed input) may not replace the stored one (`previous`), or
 * undefined when it may. See the module for the rule.
 * @example
 * templateRevisionRefusal({ ...stored, title: { 'zh-CN': '改' } }, stored); // 409: raise the revision
 */
export function templateRevisionRefusal(next: Rec, previous: Rec | undefined): WriteRefusal | undefined {
  if (previous === undefined) return undefined;
  const stored = revisionOf(previous);
  const given = revisionOf(next);
  const id = String(next.id);
  if (given > stored) return undefined;
  if (given === stored) {
    if (templateContent(next) === templateContent(previous)) return undefined;
    return {
      status: 409, code: 'template-revision', issues: [{ path: 'revision', message: `revision ${stored} is stored with other content; use ${stored + 1} or higher` }],
      message: {
        'zh-CN': `检查表模板 ${id} 的第 ${stored} 版已按其他内容保存；已保存的版本不会被改写，修改内容须提高 revision（至少 ${stored + 1}）`,
        en: `Revision ${stored} of the template ${id} is stored with other content; a stored revision is never rewritten, so changed content needs a higher revision (${stored + 1} or more)`,
      },
    };
  }
  return {
    status: 409, code: 'template-revision', issues: [{ path: 'revision', message: `the stored revision is ${stored}; older ones are never rewritten` }],
    message: {
      'zh-CN': `检查表模板 ${id} 已有第 ${stored} 版；第 ${given} 版是旧版本，已保存的旧版本不会被改写（用 ?revision=${given} 读取）`,
      en: `The template ${id} is at revision ${stored}; revision ${given} is older, and stored revisions are never rewritten (read it with ?revision=${given})`,
    },
  };
}
