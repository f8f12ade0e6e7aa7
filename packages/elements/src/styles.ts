import { css } from 'lit';

/**
 * The look the elements share: tokens with literal fallbacks (`--fg-*` custom properties), native
 * controls sized for touch (44 px, 56 px in elder mode), focus rings, alerts and status lines.
 * Each element adds its own sheet after it, setting `--_accent` from its `--fg-<element>-accent`.
 */
export const baseStyles = css`
  :host {
    --_accent: var(--fg-color-primary, #c62828);
    --_text: var(--fg-color-text, #1f1f1f);
    --_muted: var(--fg-color-muted, #595959);
    --_border: var(--fg-color-border, #8a8a8a);
    --_surface: var(--fg-color-surface, #ffffff);
    --_subtle: var(--fg-color-subtle, #f4f4f4);
    --_error: var(--fg-color-error, #b00020);
    --_ok: var(--fg-color-success, #1b5e20);
    --_warn: var(--fg-color-warning, #8a4b00);
    --_radius: var(--fg-radius, 6px);
    --_target: var(--fg-target-size, 44px);
    --_font: var(--fg-font-size, 16px);
    display: block;
    color: var(--_text);
    font-family: var(--fg-font-family, system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif);
    font-size: var(--_font);
    line-height: 1.5;
  }
  :host([elder]) { --_target: var(--fg-target-size-elder, 56px); --_font: var(--fg-font-size-elder, 20px); }
  *, *::before, *::after { box-sizing: border-box; }
  [hidden] { display: none !important; }
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
  input[type='checkbox'] { width: 1.4em; height: 1.4em; margin: 0; flex: none; accent-color: var(--_accent); }
  [aria-invalid='true'] { border-color: var(--_error) !important; border-width: 2px !important; }
  button {
    min-height: var(--_target);
    min-width: var(--_target);
    padding: 0.4em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  button.primary { background: var(--_accent); border-color: var(--_accent); color: #fff; font-weight: 600; }
  button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, a:focus-visible, [tabindex]:focus-visible {
    outline: 3px solid var(--fg-focus-color, #1a73e8);
    outline-offset: 2px;
  }
  button[aria-disabled='true'] { opacity: 0.6; cursor: progress; }
  .hint { margin: 0.15em 0 0.35em; color: var(--_muted); font-size: 0.9em; }
  .error { margin: 0.25em 0 0; color: var(--_error); font-weight: 600; }
  .error:empty, .alert:empty, .status:empty { display: none; }
  .alert { padding: 0.6em 0.8em; border: 2px solid var(--_error); border-radius: var(--_radius); color: var(--_error); background: #fdecea; }
  .status { padding: 0.4em 0; color: var(--_ok); font-weight: 600; }
  .row { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: center; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.75em; margin-top: 1em; }
  .visually-hidden, .vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
`;
