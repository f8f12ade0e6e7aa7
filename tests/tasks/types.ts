/**
 * The contract of an element's primary task (issue 9): one reusable script per element that the
 * keyboard, strict-CSP and hostile-input gates all drive. Each element adds
 * `tests/tasks/<element>.ts` (`<element>` = the tag without `fg-`) exporting `task: PrimaryTask`;
 * the gates find them from the tags in `packages/elements/custom-elements.json`.
 *
 * The driver lives in `tests/gates/keyboard.ts` (`keyboard`, for web-test-runner pages); the CSP
 * gate drives the same task through puppeteer with `createKeyboardDriver` of
 * `tests/gates/keyboard-core.ts`.
 */
import type { FiregridHost } from '@firegrid/core';

/** Drives the real keyboard (through the test runner's browser protocol, not synthetic events). */
export interface KeyboardDriver {
  /** Presses one key or chord, e.g. 'Tab', 'Shift+Tab', 'Enter', 'Space', 'ArrowDown', 'Control+a'. */
  press(key: string): Promise<void>;
  /**
   * Types text into whatever has focus. Short printable text goes key by key; text with line
   * breaks, tabs, control or format characters, lone surrogates, or longer than 64 characters is
   * inserted the way a paste or an IME commits it (`beforeinput`/`input` with `insertText`),
   * so a hostile string cannot press Enter or Tab by itself. Throws when nothing editable has
   * focus and the text has to be inserted.
   */
  type(text: string): Promise<void>;
  /** The deepest focused element, through shadow roots (`document.body` when nothing has focus). */
  focused(): Element | null;
  /**
   * Presses Tab (or Shift+Tab with `reverse`) at least once and until `match` holds for the
   * focused element, then returns that element; throws naming `what` and the elements focus went
   * through after `max` presses (default 60). Calling it twice with the same `match` moves to the
   * next matching control. Keyboard tasks find controls this way, never by counting.
   */
  tabTo(match: (el: Element) => boolean, options?: { max?: number; reverse?: boolean; what?: string }): Promise<Element>;
}

/** What the task types into text fields; the hostile-input gate swaps in its corpus. */
export interface TaskInputs {
  /** The text to type into the field named `field` (a stable name the task chooses, e.g. 'note'). */
  text(field: string, fallback: string): string;
}

/** Options of {@link PrimaryTask.mount}. */
export interface MountOptions {
  /**
   * Strings the hostile-input gate wants shown: feed them through the host adapter's responses
   * (titles, names, addresses, the session's user name…) so they reach the rendered output. Use
   * each at the start of a field as well as inside one, and in every field an export writes.
   */
  hostile?: readonly string[];
  /**
   * Wraps the host before the client is made from it:
   * `createFiregridClient({ host: options.wrapHost?.(host) ?? host })`. The hostile-input gate
   * passes a wrapper whose responses are malformed (wrong types, missing ids, a huge page) and
   * checks the element shows the typed error instead of throwing.
   */
  wrapHost?: (host: FiregridHost) => FiregridHost;
}

/** The rows of an exported file, each a list of cells exactly as written to the file. */
export type ExportedCells = readonly (readonly string[])[];

/** An element's primary task, completed with the keyboard alone. */
export interface PrimaryTask {
  /** The tag whose task this is, e.g. 'fg-checklist'. */
  tag: string;
  /** What the task is, for messages ('answer and submit a checklist'). */
  name: string;
  /**
   * Renders the element ready for the task into `container` (over a memory host, no network) and
   * returns it once it has rendered. See {@link MountOptions} for what the gates pass.
   */
  mount(container: HTMLElement, options?: MountOptions): Promise<HTMLElement>;
  /** Completes the task with `keys` only. */
  run(el: HTMLElement, keys: KeyboardDriver, inputs: TaskInputs): Promise<void>;
  /** Asserts the outcome a user would notice (an event with the record, a saved record); throws if not done. */
  verify(el: HTMLElement): Promise<void>;
  /**
   * For elements that export (the two lists, the captain registry): exports what `mount` showed,
   * with the keyboard, and returns the cells of the file (for CSV, parse it with `parseCsv` of
   * `tests/gates/csv.ts`). The hostile-input gate checks formula prefixes are neutralised.
   */
  exportCells?(el: HTMLElement, keys: KeyboardDriver): Promise<ExportedCells>;
}
