/**
 * The keyboard driver of the primary tasks, independent of the test runner: `send` delivers one
 * key action through the browser's input protocol (web-test-runner's `sendKeys`, or puppeteer in
 * the strict-CSP gate). Everything else (where focus is, when to stop tabbing) runs in the page.
 */
import type { KeyboardDriver } from '../tasks/types.js';

/** One key action, as web-test-runner's `sendKeys` takes it. */
export type KeyAction = { press: string } | { down: string } | { up: string } | { type: string };

/** Delivers one key action natively. */
export type KeySender = (action: KeyAction) => Promise<void>;

/** Short printable text is typed key by key; anything else is inserted like a paste (see `KeyboardDriver.type`). */
const KEY_BY_KEY = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]{0,64}$/u;
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta']);

/** The deepest focused element, through open shadow roots. */
export function deepActiveElement(root: Document = document): Element | null {
  let el = root.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** A short description of an element for failure messages: `input#note[type=text] "备注"`. */
export function describeElement(el: Element | null): string {
  if (el === null) return 'nothing';
  let s = el.localName;
  if (el.id) s += `#${el.id}`;
  for (const attr of ['type', 'name', 'role', 'part', 'aria-label']) {
    const v = el.getAttribute(attr);
    if (v !== null) s += `[${attr}=${v}]`;
  }
  const label = (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) && el.labels?.[0]
    ? el.labels[0].textContent
    : el.textContent;
  const text = label.replace(/\s+/g, ' ').trim().slice(0, 40);
  return text ? `${s} "${text}"` : s;
}

function isEditable(el: Element | null): el is HTMLInputElement | HTMLTextAreaElement | HTMLElement {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (el instanceof HTMLInputElement) {
    return !el.readOnly && !el.disabled && ['text', 'search', 'tel', 'url', 'email', 'password', 'number', ''].includes(el.type);
  }
  return el instanceof HTMLElement && el.isContentEditable;
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Inserts text into the focused field the way a paste or an IME commit does. */
function insertText(text: string): void {
  const target = deepActiveElement();
  if (!isEditable(target)) {
    throw new Error(`keys.type: nothing editable has focus to take ${JSON.stringify(text.slice(0, 40))}… (focus is on ${describeElement(target)})`);
  }
  // execCommand is the one web API that inserts text as the user would: it fires beforeinput and
  // input with inputType insertText, respects maxlength and strips line breaks from <input>.
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- no standard replacement inserts user text
  if (document.execCommand('insertText', false, text)) return;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
    target.setRangeText(text, target.selectionStart ?? target.value.length, target.selectionEnd ?? target.value.length, 'end');
    target.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
    return;
  }
  throw new Error(`keys.type: the browser refused to insert text into ${describeElement(target)}`);
}

/**
 * Makes a {@link KeyboardDriver} over `send`.
 * @example
 *   const keys = createKeyboardDriver((action) => sendKeys(action));
 *   await keys.tabTo((el) => el.matches('button[type=submit]'), { what: 'the submit button' });
 *   await keys.press('Enter');
 */
export function createKeyboardDriver(send: KeySender): KeyboardDriver {
  const press = async (key: string): Promise<void> => {
    // Chords are held down explicitly: puppeteer's press() takes a single key only.
    const parts = key === '+' ? ['+'] : key.split('+');
    const main = parts.pop() ?? key;
    const held = parts.filter((p) => p.length > 0);
    for (const m of held) {
      if (!MODIFIERS.has(m)) throw new Error(`keys.press: "${m}" in "${key}" is not a modifier (Shift, Control, Alt, Meta)`);
      await send({ down: m });
    }
    try {
      await send({ press: main });
    } finally {
      for (const m of held.reverse()) await send({ up: m });
    }
    // Let the element's own update (a microtask or a timer) land before the next key.
    await tick();
  };

  return {
    press,
    async type(text) {
      if (text.length === 0) return;
      if (KEY_BY_KEY.test(text)) await send({ type: text });
      else insertText(text);
      await tick();
    },
    focused: () => deepActiveElement(),
    async tabTo(match, options = {}) {
      const max = options.max ?? 60;
      const key = options.reverse === true ? 'Shift+Tab' : 'Tab';
      const seen: string[] = [];
      for (let i = 0; i < max; i++) {
        await press(key);
        const el = deepActiveElement();
        if (el !== null && match(el)) return el;
        const d = describeElement(el);
        if (seen[seen.length - 1] !== d) seen.push(d);
      }
      throw new Error(
        `keys.tabTo: no focused element was ${options.what ?? 'the one asked for'} after ${max} presses of ${key}; ` +
          `focus went through: ${seen.slice(0, 25).join(' → ') || 'nothing'}`,
      );
    },
  };
}
