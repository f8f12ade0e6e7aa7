/**
 * What the gates cover: every custom element tag of `packages/elements/custom-elements.json`
 * (written by `npm run analyze`), with its story module and its primary task found by name.
 * Runs in the browser and in Node (no DOM, no file system here).
 */

/** The manifest file, relative to the repository root. */
export const MANIFEST = 'packages/elements/custom-elements.json';

/** The tags DESIGN §6 says export a file (the two lists; the captain registry's CSV/Excel). */
export const EXPORTING_TAGS: readonly string[] = ['fg-hazard-ledger', 'fg-captain-registry'];

/** The element name of a tag: `fg-hazard-report` → `hazard-report`. */
export const nameOf = (tag: string): string => tag.replace(/^fg-/, '');

/** Where a tag's story module lives, relative to the repository root. */
export const storyFileOf = (tag: string): string => `stories/${nameOf(tag)}.stories.ts`;

/** Where a tag's primary task lives, relative to the repository root. */
export const taskFileOf = (tag: string): string => `tests/tasks/${nameOf(tag)}.ts`;

/**
 * The custom element tags a manifest declares, sorted. Classes marked `@internal` are left out
 * of the manifest by the analyzer, so they are not gated on their own.
 * @throws {Error} when the value is not a custom elements manifest
 */
export function tagsFromManifest(manifest: unknown): string[] {
  const modules = (manifest as { modules?: unknown } | null)?.modules;
  if (!Array.isArray(modules)) throw new Error(`${MANIFEST} has no "modules" list: run \`npm run analyze\``);
  const tags = new Set<string>();
  for (const mod of modules as { declarations?: { customElement?: boolean; tagName?: unknown }[] }[]) {
    for (const d of mod.declarations ?? []) {
      if (d.customElement === true && typeof d.tagName === 'string' && d.tagName.includes('-')) tags.add(d.tagName);
    }
  }
  return [...tags].sort();
}
