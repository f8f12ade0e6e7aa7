/**
 * The keyboard driver for web-test-runner pages: real key events through the runner's browser
 * protocol (`sendKeys` of '@web/test-runner-commands'), never synthetic DOM events.
 * @example
 *   import { keyboard } from '../gates/keyboard.js';
 *   await task.run(el, keyboard, { text: (_field, fallback) => fallback });
 */
import { sendKeys } from '@web/test-runner-commands';
import type { KeyboardDriver } from '../tasks/types.js';
import { createKeyboardDriver } from './keyboard-core.js';

export { createKeyboardDriver, deepActiveElement, describeElement } from './keyboard-core.js';
export type { KeyAction, KeySender } from './keyboard-core.js';

/** The shared driver of a web-test-runner page. */
export const keyboard: KeyboardDriver = createKeyboardDriver((action) => sendKeys(action));

/** The task inputs that type each field's fallback: the plain run of a primary task. */
export const plainInputs = { text: (_field: string, fallback: string): string => fallback };
