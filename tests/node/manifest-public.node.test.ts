// Issue 13, item 7: `custom-elements.json` (and so Storybook's autodocs, which read it) shows the
// public API only. Reads the manifest `npm run analyze` wrote (the gate's first step) and fails
// naming every member, event or class a vendor cannot use: private, protected, `_`/`#`-named,
// Lit's or a controller's own, undocumented, an event named after a variable (`type`), or a helper
// class that neither is an element nor is exported from `@firegrid/elements`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MANIFEST } from '../gates/manifest.js';
import { repoRoot } from '../../scripts/bytes-lib.mjs';

interface Member { name: string; kind?: string; privacy?: string; static?: boolean; description?: string }
interface Attribute { name: string; fieldName?: string; description?: string }
interface Event { name: string; description?: string }
interface Declaration {
  kind: string; name: string; tagName?: string; customElement?: boolean;
  members?: Member[]; attributes?: Attribute[]; events?: Event[];
}
interface Module { path: string; declarations?: Declaration[]; exports?: { kind: string; name: string }[] }

const FRAMEWORK = ['styles', 'shadowRootOptions', 'properties', 'hostConnected', 'hostDisconnected', 'hostUpdate', 'hostUpdated'];

/** What is wrong with one manifest, one line per problem. */
function manifestProblems(manifest: { modules: Module[] }): string[] {
  const index = manifest.modules.find((m) => m.path.endsWith('packages/elements/src/index.ts'));
  const exported = new Set((index?.exports ?? []).map((e) => e.name));
  const problems: string[] = [];
  for (const mod of manifest.modules) {
    for (const d of mod.declarations ?? []) {
      if (d.kind !== 'class') continue;
      const where = `${mod.path} ${d.tagName ? `<${d.tagName}>` : d.name}`;
      if (d.customElement !== true && !exported.has(d.name)) {
        problems.push(`${where}: class ${d.name} is neither an element nor exported from @firegrid/elements`);
        continue;
      }
      for (const m of d.members ?? []) {
        const what = `${where}: member ${m.name}`;
        if (m.privacy === 'private' || m.privacy === 'protected') problems.push(`${what} is ${m.privacy}`);
        else if (/^[_#]/.test(m.name)) problems.push(`${what} is internal by its name`);
        else if (FRAMEWORK.includes(m.name)) problems.push(`${what} is Lit's or a controller's, not Firegrid's API`);
        else if ((m.description ?? '').trim() === '') problems.push(`${what} has no JSDoc: document it, or make it private`);
      }
      for (const a of d.attributes ?? []) {
        if ((a.description ?? '').trim() === '') problems.push(`${where}: attribute ${a.name} has no description`);
        if (a.fieldName !== undefined && !(d.members ?? []).some((m) => m.name === a.fieldName)) {
          problems.push(`${where}: attribute ${a.name} reflects ${a.fieldName}, which is not a public member`);
        }
      }
      for (const e of d.events ?? []) {
        if (!e.name.startsWith('fg-')) problems.push(`${where}: event ${e.name} is not an fg- event (an event named after a variable?)`);
        if ((e.description ?? '').trim() === '') problems.push(`${where}: event ${e.name} has no @fires description`);
      }
    }
  }
  return problems;
}

describe('the custom elements manifest lists the public API only (issue 13)', () => {
  const file = join(repoRoot, MANIFEST);

  it('flags private members, bogus events, framework members and helper classes', () => {
    const bad = {
      modules: [
        { path: 'packages/elements/src/index.ts', exports: [{ kind: 'js', name: 'FgX' }] },
        {
          path: 'packages/elements/src/x.ts',
          declarations: [
            {
              kind: 'class', name: 'FgX', tagName: 'fg-x', customElement: true,
              members: [
                { name: 'client', description: 'The client.' }, { name: 'fg', privacy: 'private' }, { name: '_state', description: 'x' },
                { name: 'shadowRootOptions', static: true }, { name: 'undocumented' },
              ],
              attributes: [{ name: 'grid-id', fieldName: 'gridId', description: 'Grid.' }],
              events: [{ name: 'type' }, { name: 'fg-x-save', description: 'Saved.' }],
            },
            { kind: 'class', name: 'HelperController', members: [{ name: 'hostUpdate' }] },
          ],
        },
      ],
    };
    assert.deepEqual(manifestProblems(bad), [
      'packages/elements/src/x.ts <fg-x>: member fg is private',
      'packages/elements/src/x.ts <fg-x>: member _state is internal by its name',
      "packages/elements/src/x.ts <fg-x>: member shadowRootOptions is Lit's or a controller's, not Firegrid's API",
      'packages/elements/src/x.ts <fg-x>: member undocumented has no JSDoc: document it, or make it private',
      'packages/elements/src/x.ts <fg-x>: attribute grid-id reflects gridId, which is not a public member',
      'packages/elements/src/x.ts <fg-x>: event type is not an fg- event (an event named after a variable?)',
      'packages/elements/src/x.ts <fg-x>: event type has no @fires description',
      'packages/elements/src/x.ts HelperController: class HelperController is neither an element nor exported from @firegrid/elements',
    ]);
  });

  it(`${MANIFEST} has no internal member, event or class`, () => {
    assert.ok(existsSync(file), `${MANIFEST} is missing: run \`npm run analyze\``);
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { modules: Module[] };
    const problems = manifestProblems(manifest);
    assert.deepEqual(problems, [], `the manifest shows more than the public API:\n  ${problems.join('\n  ')}`);
  });

  it('still lists what a vendor uses: the properties, attributes and events of the ledger and the registry', () => {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { modules: Module[] };
    const decl = (tag: string): Declaration | undefined =>
      manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
    const ledger = decl('fg-hazard-ledger');
    assert.ok(ledger, 'fg-hazard-ledger is in the manifest');
    for (const name of ['client', 'list', 'hazardId', 'ruleSets', 'saveFile']) {
      assert.ok(ledger.members?.some((m) => m.name === name), `fg-hazard-ledger lists ${name}`);
    }
    assert.ok(ledger.attributes?.some((a) => a.name === 'hazard-id'));
    assert.deepEqual(ledger.events?.map((e) => e.name), ['fg-error', 'fg-hazard-open', 'fg-hazard-transition', 'fg-hazard-transitioned']);
    const registry = decl('fg-captain-registry');
    assert.deepEqual(registry?.events?.map((e) => e.name), ['fg-error', 'fg-captain-save', 'fg-captain-end', 'fg-captain-import']);
    assert.ok(registry.members?.some((m) => m.name === 'exportFile' && m.kind === 'method'), 'public methods stay');
  });
});
