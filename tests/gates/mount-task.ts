// Mounts an element's primary task in a fresh container, settled and with nothing focused, so a
// keyboard test starts from the page as a person would find it.
import { settle } from './dom.js';
import type { PrimaryTask } from '../tasks/types.js';

/** Renders `task`'s element into a new container appended to the body; remove `container` after. */
export async function mountTask(task: PrimaryTask, hostile?: readonly string[]): Promise<{ el: HTMLElement; container: HTMLElement }> {
  const container = document.createElement('div');
  container.lang = 'zh-CN';
  document.body.append(container);
  const el = await task.mount(container, hostile === undefined ? {} : { hostile });
  await settle(container);
  (document.activeElement as HTMLElement | null)?.blur();
  return { el, container };
}
