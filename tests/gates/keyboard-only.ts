/**
 * Watches a task script while it runs: a call to `click()`, `focus()`, `dispatchEvent()`, or a
 * write to a control's `value`/`checked`, made from the task file itself, is a shortcut past the
 * keyboard. Elements doing the same in reaction to keys are fine (an input handler that
 * dispatches its own event while the driver inserts text): only calls made directly by a line of
 * the task file count.
 */

type Restore = () => void;

function wrapMethod<T extends object>(proto: T, name: keyof T & string, onCall: (what: string) => void): Restore {
  const original = Reflect.get(proto, name) as (...args: unknown[]) => unknown;
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    onCall(`${name}()`);
    return original.apply(this, args);
  };
  Object.defineProperty(proto, name, { value: wrapped, configurable: true, writable: true });
  return () => { Object.defineProperty(proto, name, { value: original, configurable: true, writable: true }); };
}

function wrapSetter(proto: object, name: string, onCall: (what: string) => void): Restore {
  const desc = Object.getOwnPropertyDescriptor(proto, name);
  // A property descriptor's setter is called with an explicit receiver below.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const set = desc?.set;
  if (!desc || !set) return () => undefined;
  Object.defineProperty(proto, name, {
    ...desc,
    set(this: unknown, v: unknown) {
      onCall(`.${name} =`);
      set.call(this, v);
    },
  });
  return () => { Object.defineProperty(proto, name, desc); };
}

/**
 * Runs `fn` and returns each non-keyboard action the task file at `taskFile` took.
 * @example
 *   const cheats = await keyboardOnly('tests/tasks/checklist.ts', () => task.run(el, keyboard, inputs));
 */
export async function keyboardOnly(taskFile: string, fn: () => Promise<void>): Promise<string[]> {
  const cheats: string[] = [];
  const marker = `/${taskFile}`;
  const onCall = (what: string): void => {
    // The first frame outside this module is the direct caller.
    const caller = (new Error().stack ?? '').split('\n').slice(1).find((line) => !line.includes('keyboard-only'));
    if (caller?.includes(marker) === true) cheats.push(`${what} from ${taskFile}`);
  };
  const restore: Restore[] = [
    wrapMethod(HTMLElement.prototype, 'click', onCall),
    wrapMethod(HTMLElement.prototype, 'focus', onCall),
    wrapMethod(EventTarget.prototype, 'dispatchEvent', onCall),
    wrapSetter(HTMLInputElement.prototype, 'value', onCall),
    wrapSetter(HTMLInputElement.prototype, 'checked', onCall),
    wrapSetter(HTMLTextAreaElement.prototype, 'value', onCall),
    wrapSetter(HTMLSelectElement.prototype, 'value', onCall),
    wrapSetter(HTMLSelectElement.prototype, 'selectedIndex', onCall),
  ];
  try {
    await fn();
  } finally {
    for (const r of restore.reverse()) r();
  }
  return [...new Set(cheats)];
}
