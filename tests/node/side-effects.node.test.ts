// Issue 13, item 1: no bundler can drop a registration. A bundler trusts `sideEffects` of
// packages/elements/package.json and drops a module whose exports look unused, top-level calls
// and all (Vite did so with the ledger's lazily imported detail). So every module of the package
// that does something when evaluated (a top-level call: `defineElement(…)`,
// `customElements.define(…)`, any helper) is listed in `sideEffects`, as source and as built file,
// and no module loaded with `import()` is such a module: a lazy chunk registers by a function the
// caller invokes (`(await import('./detail-define.js')).defineDetail()`). The consumer-bundler
// gate (`scripts/consumers.mjs`) proves it in real bundlers; this test names the file at fault.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { repoRoot } from '../../scripts/bytes-lib.mjs';

const pkgDir = join(repoRoot, 'packages', 'elements');
const srcDir = join(pkgDir, 'src');

/** Every .ts file under `dir`, relative to the package, as `./src/…`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [`./${relative(pkgDir, p)}`] : [];
  });
}

/** A `sideEffects` glob as a RegExp (`*` matches within one path segment, `**` across). */
const globRe = (glob: string): RegExp =>
  new RegExp(`^${glob.split('**').map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('.*')}$`);

/** The top-level statements of `code` that run something when the module is evaluated. */
function topLevelEffects(code: string, file = 'x.ts'): string[] {
  const sf = ts.createSourceFile(file, code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const effects: string[] = [];
  for (const st of sf.statements) {
    if (ts.isExpressionStatement(st)) effects.push(st.getText(sf).split('\n')[0] ?? '');
    // A bare `import './x.js'` evaluates that module for its effects: the importer has them too.
    else if (ts.isImportDeclaration(st) && st.importClause === undefined) effects.push(st.getText(sf));
  }
  return effects;
}

/** The relative `import('./…')` targets of `code`, resolved to `./src/…ts` paths of the package. */
function lazyTargets(code: string, from: string): string[] {
  return [...code.matchAll(/\bimport\(\s*'(\.{1,2}\/[^']+)\.js'\s*\)/g)].map((m) =>
    `./${relative(pkgDir, resolve(dirname(join(pkgDir, from)), `${m[1] ?? ''}.ts`))}`);
}

describe('sideEffects of @firegrid/elements (issue 13)', () => {
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { sideEffects: string[] };
  const globs = pkg.sideEffects.map(globRe);
  const listed = (path: string): boolean => globs.some((g) => g.test(path));
  const files = sources(srcDir);
  const code = new Map(files.map((f) => [f, readFileSync(join(pkgDir, f), 'utf8')]));
  const effectful = files.filter((f) => topLevelEffects(code.get(f) ?? '', f).length > 0);

  it('finds top-level calls and bare imports, not declarations', () => {
    assert.deepEqual(topLevelEffects("import './a.js';\nimport { b } from './b.js';\ndefineElement('fg-x', X);\nexport function f(): void { g(); }\nconst c = 1;\n"), [
      "import './a.js';", "defineElement('fg-x', X);",
    ]);
    assert.ok(globRe('./dist/*/define.js').test('./dist/checklist/define.js'));
    assert.ok(!globRe('./dist/*/define.js').test('./dist/chunks/x/define.js'));
  });

  it('lists every module that registers (or does anything) when evaluated, as source and as built file', () => {
    assert.ok(effectful.length > 0, 'the define modules register on evaluation');
    const missing = effectful.flatMap((f) => {
      const dist = f.replace(/^\.\/src\//, './dist/').replace(/\.ts$/, '.js');
      return [f, dist].filter((p) => !listed(p)).map((p) => `${p} (${topLevelEffects(code.get(f) ?? '', f)[0] ?? ''})`);
    });
    assert.deepEqual(missing, [], `add these to "sideEffects" in packages/elements/package.json, or move the call into a function the caller invokes:\n  ${missing.join('\n  ')}`);
  });

  it('loads no module with import() that registers when evaluated (a lazy chunk exports a function to call)', () => {
    const bad = files.flatMap((f) => lazyTargets(code.get(f) ?? '', f)
      .filter((target) => effectful.includes(target))
      .map((target) => `${f} imports ${target} lazily, which runs ${topLevelEffects(code.get(target) ?? '', target)[0] ?? ''} on evaluation`));
    assert.deepEqual(bad, [], `a bundler may drop these registrations:\n  ${bad.join('\n  ')}`);
  });
});
