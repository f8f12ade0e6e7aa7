// Node side of the quality gates' inventory: the manifest's tags, each with its story module and
// primary task found on disk by name (tests/gates/manifest.ts), and the files that name a tag the
// manifest does not have. The browser gates find the same through the test server.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/bytes-lib.mjs';
import { MANIFEST, nameOf, storyFileOf, tagsFromManifest, taskFileOf } from '../gates/manifest.js';

/** One element with its files, relative to the repository root. */
export interface GatedFiles {
  tag: string;
  storyFile: string;
  taskFile: string;
}

/** What the gates cover, from the file system. */
export interface NodeInventory {
  tags: string[];
  /** Tags with both files. */
  elements: GatedFiles[];
  /** Tags rendered inside another element's story (its meta's `subcomponents`), with that tag. */
  covered: Map<string, string>;
  problems: string[];
}

/** The tags of the custom elements manifest; throws naming the command that writes it. */
export function manifestTags(root: string = repoRoot): string[] {
  const file = join(root, MANIFEST);
  if (!existsSync(file)) throw new Error(`${MANIFEST} is missing: run \`npm run analyze\` first`);
  return tagsFromManifest(JSON.parse(readFileSync(file, 'utf8')));
}

/** `component: 'fg-x'` and the tags of `subcomponents: { … }` in a story file's text. */
export function storyTags(text: string): { component: string | undefined; subcomponents: string[] } {
  const component = /\bcomponent:\s*['"]([a-z][\w-]*-[\w-]*)['"]/.exec(text)?.[1];
  const block = /\bsubcomponents:\s*\{([^}]*)\}/.exec(text)?.[1] ?? '';
  const subcomponents = [...block.matchAll(/['"]([a-z][\w]*-[\w-]*)['"]/g)].map((m) => m[1] ?? '');
  return { component, subcomponents };
}

const list = (dir: string, suffix: string): string[] =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(suffix)).sort() : [];

/**
 * Every manifest tag with its story and task; a problem, naming the tag and the file, for each
 * one missing, and for each story or task file whose tag is not in the manifest.
 */
export function nodeInventory(root: string = repoRoot): NodeInventory {
  const tags = manifestTags(root);
  const problems: string[] = [];
  const covered = new Map<string, string>();
  const storyFiles = list(join(root, 'stories'), '.stories.ts');
  for (const f of storyFiles) {
    const { component, subcomponents } = storyTags(readFileSync(join(root, 'stories', f), 'utf8'));
    if (component?.startsWith('fg-') !== true) continue;
    if (!tags.includes(component)) problems.push(`stories/${f}: component '${component}' is not in ${MANIFEST} (is the class documented with @tag, and was \`npm run analyze\` run?)`);
    else if (storyFileOf(component) !== `stories/${f}`) problems.push(`stories/${f}: the story of '${component}' must be ${storyFileOf(component)}`);
    for (const sub of subcomponents) covered.set(sub, component);
  }
  for (const f of list(join(root, 'tests', 'tasks'), '.ts')) {
    if (f === 'types.ts') continue;
    const tag = `fg-${f.replace(/\.ts$/, '')}`;
    if (!tags.includes(tag)) problems.push(`tests/tasks/${f}: there is no '${tag}' in ${MANIFEST}`);
  }
  const elements: GatedFiles[] = [];
  for (const tag of tags) {
    const storyFile = storyFileOf(tag);
    const taskFile = taskFileOf(tag);
    const hasStory = existsSync(join(root, storyFile));
    const hasTask = existsSync(join(root, taskFile));
    if (covered.has(tag) && !hasStory && !hasTask) continue;
    if (!hasStory) problems.push(`${tag}: no story — add ${storyFile} (meta.component '${tag}'), or list '${tag}' in another story's meta.subcomponents`);
    if (!hasTask) problems.push(`${tag}: no primary task — add ${taskFile} exporting \`task: PrimaryTask\` (tests/tasks/types.ts)`);
    if (hasStory && hasTask) elements.push({ tag, storyFile, taskFile });
  }
  return { tags, elements, covered, problems };
}

export { nameOf };
