/**
 * The primary task of `fg-provider`: hand the client to an element inside it. The provider
 * renders nothing of its own, so the task is what a keyboard user needs from it: the nested
 * consumer (the example session card, a vendor's own element) shows the session the client
 * loads, and the provider adds no tab stop and traps no focus — Tab goes from the control
 * before it to the control after it.
 */
import { createFiregridClient, defineHost, memoryDataPort, type HostSession } from '@firegrid/core';
import '@firegrid/elements/provider/define';
import '../../examples/session-card.js';
import { demoSeed, demoSession } from '../../examples/demo-data.js';
import type { PrimaryTask } from './types.js';

interface Expected {
  session: HostSession;
  after: HTMLButtonElement;
  reachedAfter: boolean;
}

const expected = new WeakMap<HTMLElement, Expected>();

async function settled(el: Element): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete;
    await new Promise((r) => setTimeout(r, 0));
  }
}

export const task: PrimaryTask = {
  tag: 'fg-provider',
  name: 'provide the client to an element inside it',

  async mount(container, options = {}) {
    const hostile = (options.hostile ?? []).filter((s) => s.length > 0);
    const session: HostSession = hostile.length === 0
      ? demoSession
      : {
          ...demoSession,
          tenantId: hostile[1] ?? hostile[0] ?? demoSession.tenantId,
          user: { ...demoSession.user, name: hostile[0] ?? demoSession.user.name },
          scope: hostile.slice(2),
        };
    const base = defineHost({ session: () => Promise.resolve(session), data: memoryDataPort(demoSeed) });
    const client = createFiregridClient({ host: options.wrapHost?.(base) ?? base });

    const before = document.createElement('button');
    before.type = 'button';
    before.textContent = '之前';
    const after = document.createElement('button');
    after.type = 'button';
    after.textContent = '之后';
    const provider = document.createElement('fg-provider');
    provider.client = client;
    const card = document.createElement('example-session-card');
    provider.append(card);
    container.append(before, provider, after);
    await settled(provider);
    await settled(card);
    // The card shows the session (or why not) once the client has loaded it; a loaded CI box may take a while.
    const deadline = Date.now() + 10_000;
    while (card.shadowRoot?.querySelector('dl, [role=alert]') == null && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      await settled(card);
    }
    expected.set(provider, { session, after, reachedAfter: false });
    return provider;
  },

  async run(el, keys) {
    const e = expected.get(el);
    if (!e) throw new Error('fg-provider task: run() before mount()');
    await keys.tabTo((f) => f === e.after, { what: 'the button after <fg-provider>' });
    e.reachedAfter = true;
  },

  async verify(el) {
    const e = expected.get(el);
    if (!e) throw new Error('fg-provider task: verify() before mount()');
    const card = el.querySelector('example-session-card');
    if (!card?.shadowRoot) throw new Error('fg-provider task: the nested <example-session-card> is missing');
    await settled(card);
    const text = card.shadowRoot.textContent;
    if (!text.includes(e.session.user.name)) {
      throw new Error(`fg-provider task: the nested card does not show the session's user ${JSON.stringify(e.session.user.name.slice(0, 40))}; it shows ${JSON.stringify(text.slice(0, 120))}`);
    }
    if (!e.reachedAfter) throw new Error('fg-provider task: focus never passed the provider');
  },
};
