/**
 * Finds the elements the gates cover in a web-test-runner page: the tags of the manifest, each
 * with its story module and primary task loaded by name (see `manifest.ts`). A tag without
 * either is a problem the inventory gate fails on, naming it; the other gates skip it.
 */
import type { PrimaryTask } from '../tasks/types.js';
import { MANIFEST, storyFileOf, tagsFromManifest, taskFileOf } from './manifest.js';
import { tagsOf, type StoryModule } from './stories.js';

/** One element to gate. */
export interface GatedElement {
  tag: string;
  storyFile: string;
  stories: StoryModule;
  taskFile: string;
  task: PrimaryTask;
}

/** What the gates cover and what is missing. */
export interface Inventory {
  /** Every tag of the manifest. */
  tags: string[];
  /** Tags with a story module and a task. */
  elements: GatedElement[];
  /** Tags rendered only inside another element's stories (`subcomponents` of its meta), with that tag. */
  covered: Map<string, string>;
  /** Each thing missing or wrong, one line each, naming the tag and the file. */
  problems: string[];
}

const root = new URL('../../', import.meta.url);

async function existsOnServer(file: string): Promise<boolean> {
  const res = await fetch(new URL(file, root), { method: 'HEAD', cache: 'no-store' });
  return res.ok;
}

async function importFromServer(file: string): Promise<Record<string, unknown>> {
  return (await import(/* @vite-ignore */ new URL(file, root).href)) as Record<string, unknown>;
}

const isTask = (v: unknown): v is PrimaryTask =>
  typeof v === 'object' && v !== null &&
  ['mount', 'run', 'verify'].every((k) => typeof (v as Record<string, unknown>)[k] === 'function') &&
  typeof (v as { tag?: unknown }).tag === 'string';

/** How {@link buildInventory} reaches files (relative to the repository root). */
export interface InventoryFiles {
  exists(file: string): Promise<boolean>;
  load(file: string): Promise<Record<string, unknown>>;
}

let cached: Promise<Inventory> | undefined;

/** Loads the inventory of this repository once per page. */
export function loadInventory(): Promise<Inventory> {
  cached ??= (async () => {
    const res = await fetch(new URL(MANIFEST, root), { cache: 'no-store' });
    if (!res.ok) throw new Error(`${MANIFEST} is missing (HTTP ${res.status}): run \`npm run analyze\` first`);
    return buildInventory(await res.json(), { exists: existsOnServer, load: importFromServer });
  })();
  return cached;
}

/** The inventory of a manifest: each tag's story module and task, and what is missing. */
export async function buildInventory(manifest: unknown, files: InventoryFiles): Promise<Inventory> {
  const tags = tagsFromManifest(manifest);
  const problems: string[] = [];
  const found = new Map<string, { storyFile?: string; stories?: StoryModule; taskFile?: string; task?: PrimaryTask }>();
  const covered = new Map<string, string>();

  for (const tag of tags) {
    const entry: { storyFile?: string; stories?: StoryModule; taskFile?: string; task?: PrimaryTask } = {};
    found.set(tag, entry);
    const storyFile = storyFileOf(tag);
    if (await files.exists(storyFile)) {
      try {
        const mod = await files.load(storyFile);
        const covers = tagsOf(mod, storyFile);
        if (!covers.includes(tag)) problems.push(`${tag}: ${storyFile} has meta.component ${JSON.stringify(covers[0])}, expected '${tag}'`);
        for (const sub of covers) if (sub !== tag) covered.set(sub, tag);
        entry.storyFile = storyFile;
        entry.stories = mod;
      } catch (err) {
        problems.push(`${tag}: ${storyFile} does not load: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    const taskFile = taskFileOf(tag);
    if (await files.exists(taskFile)) {
      try {
        const mod = await files.load(taskFile);
        if (!isTask(mod.task)) problems.push(`${tag}: ${taskFile} does not export \`task: PrimaryTask\` (tag, name, mount, run, verify)`);
        else if (mod.task.tag !== tag) problems.push(`${tag}: ${taskFile} exports a task for '${mod.task.tag}'`);
        else {
          entry.taskFile = taskFile;
          entry.task = mod.task;
        }
      } catch (err) {
        problems.push(`${tag}: ${taskFile} does not load: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  const elements: GatedElement[] = [];
  for (const tag of tags) {
    const e = found.get(tag) ?? {};
    if (covered.has(tag) && e.stories === undefined && e.task === undefined) continue;
    if (e.stories === undefined && !problems.some((p) => p.startsWith(`${tag}: ${storyFileOf(tag)}`))) {
      problems.push(`${tag}: no story — add ${storyFileOf(tag)} (meta.component '${tag}'), or list '${tag}' in another story's meta.subcomponents`);
    }
    if (e.task === undefined && !problems.some((p) => p.startsWith(`${tag}: ${taskFileOf(tag)}`))) {
      problems.push(`${tag}: no primary task — add ${taskFileOf(tag)} exporting \`task: PrimaryTask\` (tests/tasks/types.ts)`);
    }
    if (e.stories !== undefined && e.task !== undefined && e.storyFile !== undefined && e.taskFile !== undefined) {
      elements.push({ tag, storyFile: e.storyFile, stories: e.stories, taskFile: e.taskFile, task: e.task });
    }
  }
  return { tags, elements, covered, problems };
}
