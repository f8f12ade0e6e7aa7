import { css, html, nothing } from 'lit';
import type { CSSResult, TemplateResult } from 'lit';

/**
 * The design tokens (DESIGN §6), written once: every element's first sheet. Each public `--fg-*`
 * token is read here, with its default, into a private `--_*` property the element sheets use.
 * Custom properties inherit through shadow roots, so a theme sets tokens on any ancestor (or on
 * the element) and every element follows.
 *
 * | token | default | what |
 * |---|---|---|
 * | `--fg-color-primary` | #c62828 | primary buttons, accents (5.6:1 on white) |
 * | `--fg-color-error` / `-warning` / `-success` / `-info` | #b00020 / #8a4b00 / #1b5e20 / #0b57d0 | the four message tones; info also colours links |
 * | `--fg-color-text` / `-muted` | #1f1f1f / #595959 | text, secondary text (7:1) |
 * | `--fg-color-surface` / `-border` / `-subtle` | #fff / #8a8a8a / #eee | background, control borders (3.4:1), bars and dividers |
 * | `--fg-radius` | 6px | one corner radius |
 * | `--fg-space-1…4` | 0.25em, 0.5em, 0.75em, 1em | spacing (em: grows with elder text) |
 * | `--fg-font-family` | system UI with CJK fallbacks | one font stack |
 * | `--fg-focus-color`, `--fg-focus-width` | #1a73e8, 3px | one focus ring |
 * | `--fg-target-size`, `--fg-font-size` | 44px, 16px | touch targets, base text |
 * | `--fg-target-size-elder`, `--fg-font-size-elder` | 56px, 20px | the same with `elder` (适老化) or `mode="public"`, inherited by nested elements |
 */
export const tokens = css`
  :host([elder]), :host([mode='public']) { --_eT: var(--fg-target-size-elder, 56px); --_eF: var(--fg-font-size-elder, 20px); }
  :host {
    --_primary: var(--fg-color-primary, #c62828);
    --_accent: var(--_primary);
    --_error: var(--fg-color-error, #b00020);
    --_warn: var(--fg-color-warning, #8a4b00);
    --_ok: var(--fg-color-success, #1b5e20);
    --_info: var(--fg-color-info, #0b57d0);
    --_text: var(--fg-color-text, #1f1f1f);
    --_muted: var(--fg-color-muted, #595959);
    --_surface: var(--fg-color-surface, #fff);
    --_border: var(--fg-color-border, #8a8a8a);
    --_subtle: var(--fg-color-subtle, #eee);
    --_radius: var(--fg-radius, 6px);
    --_s1: var(--fg-space-1, 0.25em);
    --_s2: var(--fg-space-2, 0.5em);
    --_s3: var(--fg-space-3, 0.75em);
    --_s4: var(--fg-space-4, 1em);
    --_target: var(--_eT, var(--fg-target-size, 44px));
    --_font: var(--_eF, var(--fg-font-size, 16px));
    --_family: var(--fg-font-family, system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif);
    display: block;
    color: var(--_text);
    font-family: var(--_family);
    font-size: var(--_font);
    line-height: 1.5;
  }
  *, *::before, *::after { box-sizing: border-box; }
  [hidden] { display: none !important; }
  :focus-visible, .file:focus-within { outline: var(--fg-focus-width, 3px) solid var(--fg-focus-color, #1a73e8); outline-offset: 2px; }
  .hint { margin: var(--_s1) 0; color: var(--_muted); font-size: 0.9em; }
  .error { margin: var(--_s1) 0 0; color: var(--_error); font-weight: 600; }
  .msg {
    --_tone: var(--_info);
    margin: 0;
    padding: var(--_s2) var(--_s3);
    border: 1px solid var(--_tone);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_tone);
    font-weight: 600;
  }
  .msg::before {
    content: 'i'; content: var(--_icon, 'i') / '';
    display: inline-block; width: 1.3em; margin-inline-end: var(--_s2); border-radius: 50%;
    background: var(--_tone); color: var(--_surface); text-align: center; font-size: 0.8em; line-height: 1.3em;
  }
  .msg.success { --_tone: var(--_ok); --_icon: '✓'; }
  .msg.warning { --_tone: var(--_warn); --_icon: '!'; }
  .msg.error { --_tone: var(--_error); --_icon: '✕'; }
  .msg:empty, .error:empty { display: none; }
  .msg .next { font-weight: normal; color: var(--_text); }
  .vh, .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
`;

/**
 * Native controls on the tokens: fields and buttons sized for touch (`--_target`), one secondary
 * button (bordered) and one primary (`button.primary`, filled with the element's accent).
 */
export const controls = css`
  h2, h3 { margin: 0 0 0.5em; line-height: 1.3; }
  h2 { font-size: 1.25em; }
  h3 { font-size: 1.1em; }
  label, legend { font-weight: 600; }
  input, select, textarea, button { font: inherit; color: inherit; }
  input:not([type='checkbox']):not([type='radio']), select, textarea {
    display: block;
    width: 100%;
    min-height: var(--_target);
    padding: 0.4em 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  textarea { min-height: calc(var(--_target) * 2.5); resize: vertical; }
  input[type='checkbox'], input[type='radio'] { width: 1.25em; height: 1.25em; margin: 0; flex: none; accent-color: var(--_accent); }
  [aria-invalid='true'] { border-color: var(--_error) !important; border-width: 2px !important; }
  button, .file {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_s1);
    min-height: var(--_target);
    min-width: var(--_target);
    padding: 0.3em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  button.primary { background: var(--_accent); border-color: var(--_accent); color: var(--_surface); font-weight: 600; }
  button[aria-disabled='true'], button:disabled { opacity: 0.6; cursor: progress; }
  .row { display: flex; flex-wrap: wrap; gap: var(--_s2); align-items: center; }
  .actions { display: flex; flex-wrap: wrap; gap: var(--_s4); margin-top: var(--_s4); }
`;

/**
 * The tokens and the controls: the first sheets of every element. Each element adds its own sheet
 * after them, setting `--_accent` from its `--fg-<element>-accent`.
 */
export const baseStyles: CSSResult[] = [tokens, controls];

/** The tone of a message: the colour, the icon and the live region it gets. */
export type MessageTone = 'info' | 'success' | 'warning' | 'error';

/** Where a message is, for tests, styling and focus. */
export interface MessageOptions {
  /** A `::part` name (e.g. `error`, `status`). */
  part?: string;
  /** An id, e.g. to move focus to the message or to refer to it with `aria-describedby`. */
  id?: string;
  /** Focusable by script (`tabindex="-1"`), so focus can move to it after an action. */
  focusable?: boolean;
}

/**
 * The one message component of the elements: a line in one of four tones, with its icon, as a
 * live region — `role="alert"` for errors, `role="status"` for the rest. An empty text keeps the
 * (hidden) region in the DOM, so the text that arrives later is announced.
 */
export const message = (tone: MessageTone, text: unknown, o: MessageOptions = {}): TemplateResult =>
  html`<p class="msg ${tone}" role=${tone === 'error' ? 'alert' : 'status'} part=${o.part ?? nothing} id=${o.id ?? nothing}
    tabindex=${o.focusable === true ? '-1' : nothing}>${text}</p>`;
