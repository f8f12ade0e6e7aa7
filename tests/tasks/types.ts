/**
 * The contract of an element's primary task (issue 9): one reusable script per element that the
 * keyboard, strict-CSP and hostile-input gates all drive. Each element adds
 * `tests/tasks/<element>.ts` exporting `task: PrimaryTask`; the gates find them by that name.
 */

/** Drives the real keyboard (through the test runner's browser protocol, not synthetic events). */
export interface KeyboardDriver {
  /** Presses one key or chord, e.g. 'Tab', 'Shift+Tab', 'Enter', 'Space', 'ArrowDown'. */
  press(key: string): Promise<void>;
  /** Types text into whatever has focus. */
  type(text: string): Promise<void>;
  /** The deepest focused element, through shadow roots. */
  focused(): Element | null;
  /**
   * Presses Tab (or Shift+Tab) until `match` holds for the focused element; throws naming what it
   * was looking for after `max` presses. Keyboard tasks find controls this way, never by counting.
   */
  tabTo(match: (el: Element) => boolean, options?: { max?: number; reverse?: boolean; what?: string }): Promise<Element>;
}

/** What the task types into text fields; the hostile-input gate swaps in its corpus. */
export interface TaskInputs {
  /** The text to type into the field named `field` (a stable name the task chooses, e.g. 'note'). */
  text(field: string, fallback: string): string;
}

/** An element's primary task, completed with the keyboard alone. */
export interface PrimaryTask {
  /** The tag whose task this is, e.g. 'fg-checklist'. */
  tag: string;
  /** What the task is, for messages ('answer and submit a checklist'). */
  name: string;
  /**
   * Renders the element ready for the task into `container` (over a memory host, no network) and
   * returns it once it has rendered. `hostile` strings, when given, are also fed through the host
   * adapter's responses (titles, names, addresses) so they reach the rendered output.
   */
  mount(container: HTMLElement, options?: { hostile?: readonly string[] }): Promise<HTMLElement>;
  /** Completes the task with `keys` only. */
  run(el: HTMLElement, keys: KeyboardDriver, inputs: TaskInputs): Promise<void>;
  /** Asserts the outcome a user would notice (an event with the record, a saved record); throws if not done. */
  verify(el: HTMLElement): Promise<void>;
}
