// Every library template's content hash is in template-revisions.json under the revision it was
// committed with: content that changes without a raised `revision` fails here, so a server that
// holds the old content always gets the new one as a new revision (`firegrid-server templates sync`).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { templateContent } from '@firegrid/core';
import { TEMPLATE_IDS, templates } from '@firegrid/core/templates';
import type { ChecklistTemplate } from '@firegrid/core';

type Table = Record<string, Record<string, string>>;
const TABLE = JSON.parse(readFileSync(new URL('./template-revisions.json', import.meta.url), 'utf8')) as Table;
const keyOf = new Map<string, string>(Object.entries(TEMPLATE_IDS).map(([k, id]) => [id, k]));
const hashOf = (t: ChecklistTemplate): string => createHash('sha256').update(templateContent(t)).digest('hex');

/** What is wrong with one template against the table, or undefined. */
function problem(table: Table, key: string, t: ChecklistTemplate): string | undefined {
  const seen = table[key] ?? {};
  const hash = hashOf(t);
  const highest = Math.max(0, ...Object.keys(seen).map(Number));
  const recorded = seen[String(t.revision)];
  if (recorded === hash) return undefined;
  if (recorded !== undefined || t.revision < highest) {
    return `${key}: its content changed but its revision is still ${t.revision}; raise it to ${highest + 1} (templates/${key}) `
      + `and add "${highest + 1}": "${hash}" under "${key}" in tests/node/template-revisions.json`;
  }
  return `${key}: revision ${t.revision} is not in tests/node/template-revisions.json; add "${t.revision}": "${hash}" under "${key}"`;
}

describe('library template revisions', () => {
  it('every template\'s content is the one its revision was committed with', () => {
    const problems = templates.map((t) => problem(TABLE, keyOf.get(t.id) ?? t.id, t)).filter((p) => p !== undefined);
    assert.deepEqual(problems, []);
    assert.deepEqual(Object.keys(TABLE).sort(), [...keyOf.values()].sort(), 'the table names every template of the library');
  });

  it('fails for a content change without a raised revision, and names the fix', () => {
    const [first] = templates;
    assert.ok(first !== undefined);
    const key = keyOf.get(first.id) ?? '';
    const changed: ChecklistTemplate = { ...first, title: { ...first.title, 'zh-CN': `${first.title['zh-CN']}（改）` } };
    assert.match(problem(TABLE, key, changed) ?? '', new RegExp(`content changed but its revision is still ${first.revision}; raise it to ${first.revision + 1}`));
    // Raised but not yet recorded: the table needs its line.
    assert.match(problem(TABLE, key, { ...changed, revision: first.revision + 1 }) ?? '', /is not in tests\/node\/template-revisions.json/);
    // The stored fields are not content: a record version or timestamps change no revision.
    assert.equal(problem(TABLE, key, { ...first, version: 9, updatedAt: '2027-01-01T00:00:00+08:00' }), undefined);
  });
});
