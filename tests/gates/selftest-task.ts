/**
 * Two tiny task scripts for the gates' self-test (`selftest.test.ts`): one that takes shortcuts
 * past the keyboard, one that uses only the keys. Kept in their own module so that the
 * keyboard-only guard can tell their lines from the element's.
 */
import type { KeyboardDriver } from '../tasks/types.js';

/** Clicks the button and sets the field's value directly. */
export function cheatingRun(button: HTMLButtonElement, input: HTMLInputElement): Promise<void> {
  button.click();
  input.value = 'x';
  return Promise.resolve();
}

/** Tabs to the field, types (pasting text with a line break) and presses Enter on the button. */
export async function keyboardRun(keys: KeyboardDriver, input: HTMLInputElement, button: HTMLButtonElement): Promise<void> {
  await keys.tabTo((el) => el === input);
  await keys.type('第一行\n第二行');
  await keys.tabTo((el) => el === button);
  await keys.press('Enter');
}
