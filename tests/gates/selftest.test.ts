// The gates' own machinery can fail: axe sees a violation, the inventory names a tag without a
// story or task, a parsed payload sets the sentinel and is reported, a task that clicks is
// caught, the keyboard driver finds controls through shadow roots and inserts hostile text.
import { expect } from '@open-wc/testing';
import { html, LitElement, type TemplateResult } from 'lit';
import { parseCsv } from './csv.js';
import { deepText, injectedMarkup, settle } from './dom.js';
import { SENTINEL } from './hostile-corpus.js';
import { expectInert, resetSentinel, watchErrors } from './inert.js';
import { buildInventory } from './inventory.js';
import { keyboard } from './keyboard.js';
import { keyboardOnly } from './keyboard-only.js';
import { cheatingRun, keyboardRun } from './selftest-task.js';
import { tagsFromManifest } from './manifest.js';
import { storiesOf } from './stories.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

class GateSelftestForm extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  override render(): TemplateResult {
    return html`<label>备注 <input id="note" name="note"></label>
      <label>说明 <textarea id="text" name="text"></textarea></label>
      <button type="button" id="ok">确定</button>`;
  }
}
customElements.define('gate-selftest-form', GateSelftestForm);

let container: HTMLElement;
beforeEach(() => {
  resetSentinel();
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  container.remove();
  resetSentinel();
});

describe('gate machinery: axe and stories', () => {
  it('renders CSF stories with meta args and decorators, and axe reports a violation', async () => {
    const mod = {
      default: { title: 'x', component: 'gate-x', args: { label: '名称' }, decorators: [(s: () => unknown) => html`<section>${s()}</section>`] },
      Unlabelled: { render: () => html`<input id="bad">` },
      Labelled: { render: (args: Record<string, unknown>) => html`<label>${String(args.label)} <input></label>` },
      helper: 42,
    };
    const stories = storiesOf(mod, 'x.stories.ts');
    expect(stories.map((s) => s.exportName)).to.deep.equal(['Unlabelled', 'Labelled']);
    await stories[1]!.renderInto(container);
    expect(container.querySelector('section label')?.textContent).to.contain('名称');
    await expect(container).to.be.accessible();
    await stories[0]!.renderInto(container);
    expect(container.querySelectorAll('section')).to.have.length(1);
    await expect(container).not.to.be.accessible();
  });

  it('the inventory names a tag without a story or task, and a task for the wrong tag', async () => {
    const manifest = { modules: [{ declarations: [
      { customElement: true, tagName: 'fg-alpha' }, { customElement: true, tagName: 'fg-beta' }, { customElement: true, tagName: 'fg-gamma' },
      { customElement: true, tagName: 'fg-alpha-item' }, { name: 'notAnElement' },
    ] }] };
    expect(tagsFromManifest(manifest)).to.deep.equal(['fg-alpha', 'fg-alpha-item', 'fg-beta', 'fg-gamma']);
    const task = (tag: string) => ({ task: { tag, name: 't', mount: () => undefined, run: () => undefined, verify: () => undefined } });
    const files: Record<string, Record<string, unknown>> = {
      'stories/alpha.stories.ts': { default: { component: 'fg-alpha', subcomponents: { Item: 'fg-alpha-item' } }, A: {} },
      'tests/tasks/alpha.ts': task('fg-alpha'),
      'tests/tasks/beta.ts': task('fg-alpha'),
      'stories/gamma.stories.ts': { default: { component: 'fg-gamma' } },
    };
    const inv = await buildInventory(manifest, {
      exists: (f) => Promise.resolve(f in files),
      load: (f) => Promise.resolve(files[f] ?? {}),
    });
    expect(inv.elements.map((e) => e.tag)).to.deep.equal(['fg-alpha']);
    expect(inv.covered.get('fg-alpha-item')).to.equal('fg-alpha');
    const problems = inv.problems.join('\n');
    expect(problems).to.contain('fg-beta: no story');
    expect(problems).to.contain("fg-beta: tests/tasks/beta.ts exports a task for 'fg-alpha'");
    expect(problems).to.contain('fg-gamma: no primary task — add tests/tasks/gamma.ts');
    expect(problems).not.to.contain('fg-alpha:');
    expect(() => tagsFromManifest({})).to.throw(/npm run analyze/);
  });
});

describe('gate machinery: hostile input', () => {
  it('a payload parsed as markup sets the sentinel, and the inert check fails on it', async () => {
    // data: sources fail to decode without a request to the test server.
    const payloads = ['<img src="data:,x" onerror=window.__fgPwned=1>', '<video><source src="data:,x" onerror=window.__fgPwned=1></video>', '<details open ontoggle=window.__fgPwned=1>'];
    for (const p of payloads) {
      resetSentinel();
      const div = document.createElement('div');
      container.replaceChildren(div);
      div.innerHTML = p;
      await sleep(150);
      expect((window as unknown as Record<string, unknown>)[SENTINEL], p).to.equal(1);
      expect(injectedMarkup(container).length, p).to.be.greaterThan(0);
    }
    const watch = watchErrors();
    let failed = false;
    try {
      await expectInert(container, container.firstElementChild as HTMLElement, watch.errors, 'selftest');
    } catch {
      failed = true;
    } finally {
      watch.stop();
    }
    expect(failed, 'expectInert must fail after a payload ran').to.equal(true);
  });

  it('the same strings bound by Lit stay text and pass the inert check', async () => {
    const payload = '<img src=x onerror=window.__fgPwned=1>';
    const { render } = await import('lit');
    render(html`<p>${payload}</p><a href="${'javascript:window.__fgPwned=1'}">x</a>`, container);
    // Lit binds the href as given: the check must flag a javascript: URL even though nothing ran yet.
    expect(injectedMarkup(container)).to.deep.equal(['<a href="javascript:window.__fgPwned=1"> script URL']);
    render(html`<p>${payload}</p>`, container);
    expect(injectedMarkup(container)).to.deep.equal([]);
    expect(deepText(container)).to.contain(payload);
    const watch = watchErrors();
    try {
      await expectInert(container, container.querySelector('p')!, watch.errors, 'selftest');
    } finally {
      watch.stop();
    }
  });

  it('parses CSV cells as written', () => {
    expect(parseCsv('\ufeff序号,内容\r\n1,"\'=1+1 ""x"""\r\n2,"a\nb"')).to.deep.equal([['序号', '内容'], ['1', '\'=1+1 "x"'], ['2', 'a\nb']]);
    expect(() => parseCsv('"open')).to.throw(/quoted/);
  });
});

describe('gate machinery: keyboard', () => {
  it('tabs to controls inside a shadow root, forwards and back, and says what it missed', async () => {
    const form = document.createElement('gate-selftest-form');
    container.append(form);
    await settle(container);
    (document.activeElement as HTMLElement | null)?.blur();
    const ok = await keyboard.tabTo((el) => el.id === 'ok', { what: 'the OK button' });
    expect(ok).to.equal(form.shadowRoot!.getElementById('ok'));
    const note = await keyboard.tabTo((el) => el.id === 'note', { reverse: true, what: 'the note' });
    expect(keyboard.focused()).to.equal(note);
    let message = '';
    try {
      await keyboard.tabTo((el) => el.id === 'missing', { max: 4, what: 'a missing control' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).to.contain('no focused element was a missing control after 4 presses of Tab');
    expect(message).to.contain('input#note');
  });

  it('types short text key by key and inserts hostile text as a paste would', async () => {
    const form = document.createElement('gate-selftest-form');
    container.append(form);
    await settle(container);
    const input = form.shadowRoot!.getElementById('note') as HTMLInputElement;
    const area = form.shadowRoot!.getElementById('text') as HTMLTextAreaElement;
    const inputs: string[] = [];
    input.addEventListener('input', () => inputs.push(input.value));
    (document.activeElement as HTMLElement | null)?.blur();
    await keyboard.tabTo((el) => el === input);
    await keyboard.type('消防 ok 1');
    expect(input.value).to.equal('消防 ok 1');
    expect(inputs.length, 'one input event per key').to.be.greaterThan(3);
    await keyboard.press('Control+a');
    await keyboard.type('第一行\n<b>x</b>\t\ud800');
    expect(input.value, 'an <input> turns the line break into a space, keeps the rest').to.equal('第一行 <b>x</b>\t\ud800');
    await keyboard.tabTo((el) => el === area);
    await keyboard.type(`${'长'.repeat(5_000)}\r\n尾`);
    expect(area.value.length).to.equal(5_002);
    await keyboard.tabTo((el) => el.id === 'ok');
    let message = '';
    try {
      await keyboard.type('a\nb');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).to.contain('nothing editable has focus');
  });

  it('catches a task that clicks or sets values instead of using the keys', async () => {
    const form = document.createElement('gate-selftest-form');
    container.append(form);
    await settle(container);
    const button = form.shadowRoot!.getElementById('ok') as HTMLButtonElement;
    const input = form.shadowRoot!.getElementById('note') as HTMLInputElement;
    const taskFile = 'tests/gates/selftest-task.ts';
    const cheats = await keyboardOnly(taskFile, () => cheatingRun(button, input));
    expect(cheats).to.deep.equal([`click() from ${taskFile}`, `.value = from ${taskFile}`]);
    // The element reacts to the keys with its own events and clicks: those are not the task's.
    let clicks = 0;
    input.addEventListener('input', () => { input.dispatchEvent(new CustomEvent('gate-change', { bubbles: true })); });
    button.addEventListener('click', () => { clicks++; });
    (document.activeElement as HTMLElement | null)?.blur();
    const clean = await keyboardOnly(taskFile, () => keyboardRun(keyboard, input, button));
    expect(clean).to.deep.equal([]);
    expect(input.value).to.equal('第一行 第二行');
    expect(clicks, 'Enter on the button clicks it').to.equal(1);
  });
});
