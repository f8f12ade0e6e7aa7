/**
 * The page side of the strict-CSP gate (`tests/node/csp.node.test.ts` bundles it with every
 * story module and primary task and serves it under the strict policy): renders every story of
 * every element, then completes each primary task with real keys sent by puppeteer, and reports
 * each step back to Node. Violations are collected by Node, not here.
 */
import type { PrimaryTask } from '../tasks/types.js';
import { deepElements, settle } from './dom.js';
import { createKeyboardDriver, type KeyAction } from './keyboard-core.js';
import { storiesOf, type StoryModule } from './stories.js';

/** One element as the generated entry hands it over. */
export interface CspEntry {
  tag: string;
  storyFile: string;
  stories: StoryModule;
  taskFile: string;
  task: PrimaryTask;
}

/** One step of the run and how it went. */
export interface CspStep {
  tag: string;
  step: string;
  ok: boolean;
  error?: string;
}

/** The functions Node exposes to the page (puppeteer bindings). */
interface Bindings {
  __fgKeys(action: KeyAction): Promise<void>;
  __fgCspStart(tag: string, step: string): Promise<void>;
  __fgCspStep(step: CspStep): Promise<void>;
  __fgCspDone(): Promise<void>;
}

const bindings = window as unknown as Bindings;
const message = (err: unknown): string => (err instanceof Error ? `${err.name}: ${err.message}` : JSON.stringify(err));

async function step(tag: string, name: string, fn: () => Promise<void>): Promise<boolean> {
  await bindings.__fgCspStart(tag, name);
  try {
    await fn();
    await bindings.__fgCspStep({ tag, step: name, ok: true });
    return true;
  } catch (err) {
    await bindings.__fgCspStep({ tag, step: name, ok: false, error: message(err) });
    return false;
  }
}

/** Runs every story and task of `entries`, one after another, and tells Node when done. */
export async function runCspGate(entries: readonly CspEntry[]): Promise<void> {
  const keys = createKeyboardDriver((action) => bindings.__fgKeys(action));
  const root = document.getElementById('root') ?? document.body;
  for (const e of entries) {
    const stories = storiesOf(e.stories, e.storyFile);
    for (const story of stories) {
      await step(e.tag, `story ${story.exportName}`, async () => {
        const container = document.createElement('div');
        root.replaceChildren(container);
        await story.renderInto(container);
        await settle(container);
        if (deepElements(container).length === 0) throw new Error(`${e.storyFile} ${story.exportName} rendered nothing`);
      });
    }
    await step(e.tag, `task: ${e.task.name}`, async () => {
      const container = document.createElement('div');
      root.replaceChildren(container);
      const el = await e.task.mount(container);
      await settle(container);
      (document.activeElement as HTMLElement | null)?.blur();
      await e.task.run(el, keys, { text: (_field, fallback) => fallback });
      await settle(container);
      await e.task.verify(el);
    });
  }
  root.replaceChildren();
  await bindings.__fgCspDone();
}
