/**
 * Renders the stories of a CSF 3 module (`stories/<name>.stories.ts`) outside Storybook, the way
 * `@storybook/web-components` does: meta and story args merged, loaders awaited, decorators
 * applied, the result rendered with Lit into a container. Play functions are not run.
 */
import { render } from 'lit';

/** A story module as imported: a default meta and named stories. */
export type StoryModule = Record<string, unknown>;

/** One story ready to render. */
export interface LoadedStory {
  /** The export name, e.g. `MemoryHost`. */
  exportName: string;
  /** The story's display name (its `name`, else the export name). */
  name: string;
  /** Renders the story into `container`, replacing what was there. */
  renderInto(container: HTMLElement): Promise<void>;
}

type Args = Record<string, unknown>;
type StoryFn = (args: Args, context: Record<string, unknown>) => unknown;
type Decorator = (story: () => unknown, context: Record<string, unknown>) => unknown;
type Loader = (context: Record<string, unknown>) => unknown;

interface Annotations {
  name?: string;
  title?: string;
  component?: string;
  subcomponents?: Record<string, string>;
  args?: Args;
  render?: StoryFn;
  decorators?: Decorator[] | Decorator;
  loaders?: Loader[] | Loader;
  parameters?: Record<string, unknown>;
  includeStories?: string[] | RegExp;
  excludeStories?: string[] | RegExp;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const list = <T>(v: T[] | T | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const matches = (name: string, filter: string[] | RegExp): boolean =>
  Array.isArray(filter) ? filter.includes(name) : filter.test(name);

/** The meta (default export) of a story module; throws naming the file when it has none. */
export function metaOf(mod: StoryModule, file: string): Annotations {
  const meta = mod.default;
  if (!isObject(meta)) throw new Error(`${file} has no default export (the Storybook meta with \`component: 'fg-…'\`)`);
  return meta;
}

/** The tags a story module covers: its `component` and the values of `subcomponents`. */
export function tagsOf(mod: StoryModule, file: string): string[] {
  const meta = metaOf(mod, file);
  return [meta.component, ...Object.values(meta.subcomponents ?? {})].filter((t): t is string => typeof t === 'string');
}

/**
 * The stories of a module, in export order, honouring `includeStories`/`excludeStories`.
 * @example
 *   for (const story of storiesOf(await import('../../stories/provider.stories.js'), 'stories/provider.stories.ts')) {
 *     await story.renderInto(container);
 *   }
 */
export function storiesOf(mod: StoryModule, file: string): LoadedStory[] {
  const meta = metaOf(mod, file);
  const out: LoadedStory[] = [];
  for (const [exportName, value] of Object.entries(mod)) {
    if (exportName === 'default' || exportName.startsWith('__')) continue;
    if (meta.includeStories !== undefined && !matches(exportName, meta.includeStories)) continue;
    if (meta.excludeStories !== undefined && matches(exportName, meta.excludeStories)) continue;
    let story: Annotations;
    if (typeof value === 'function') story = { render: value as StoryFn };
    else if (isObject(value)) story = value;
    else continue;
    const name = story.name ?? exportName;
    out.push({
      exportName,
      name,
      async renderInto(container) {
        const args: Args = { ...meta.args, ...story.args };
        const context: Record<string, unknown> = {
          id: exportName, name, title: meta.title ?? file, args, initialArgs: { ...args }, argTypes: {}, globals: {},
          parameters: { ...meta.parameters, ...story.parameters }, viewMode: 'story', loaded: {}, canvasElement: container,
          abortSignal: new AbortController().signal, component: meta.component,
        };
        const loaded: Record<string, unknown> = {};
        for (const loader of [...list(meta.loaders), ...list(story.loaders)]) Object.assign(loaded, await loader(context));
        context.loaded = loaded;
        const renderFn = story.render ?? meta.render ?? defaultRender(meta.component, file);
        let fn = (): unknown => renderFn(args, context);
        // Story decorators wrap first, then the meta's (Storybook's order).
        for (const d of [...list(story.decorators), ...list(meta.decorators)]) {
          const inner = fn;
          fn = () => d(inner, context);
        }
        const result = fn();
        // A fresh root per story: Lit keeps its part on the node it rendered into.
        const root = document.createElement('div');
        root.className = 'story-root';
        container.replaceChildren(root);
        if (result instanceof Node) root.append(result);
        else render(result, root);
      },
    });
  }
  return out;
}

/** Storybook's default for web components: the component with args set as properties. */
function defaultRender(tag: string | undefined, file: string): StoryFn {
  return (args) => {
    if (tag === undefined) throw new Error(`${file}: a story without render needs \`component\` in the meta`);
    const el = document.createElement(tag);
    Object.assign(el, args);
    return el;
  };
}
