import { css } from 'lit';

/** Styles of `<fg-checklist>`: mobile first, 44 px targets (56 px in elder mode), no global CSS. */
export const styles = css`
  :host {
    display: block;
    font: var(--fg-font-size, 16px) / 1.5 var(--fg-font-family, system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif);
    color: var(--fg-color-text, #1f1f1f);
    background: var(--fg-color-surface, #fff);
    --_accent: var(--fg-checklist-accent, var(--fg-color-primary, #b71c1c));
    --_pass: var(--fg-checklist-pass, #1b5e20);
    --_fail: var(--fg-checklist-fail, #b71c1c);
    --_muted: var(--fg-color-muted, #595959);
    --_line: var(--fg-color-border, #d0d0d0);
    --_target: var(--fg-target-size, 44px);
    --_gap: var(--fg-checklist-gap, 12px);
  }
  :host([elder]) { font-size: var(--fg-elder-font-size, 20px); --_target: var(--fg-elder-target-size, 56px); }
  *, *::before, *::after { box-sizing: border-box; }
  [hidden] { display: none !important; }
  form { display: block; margin: 0; }
  .header { padding: var(--_gap) 0; border-bottom: 2px solid var(--_accent); }
  h2 { margin: 0; font-size: 1.25em; }
  .place { margin: 4px 0 0; color: var(--_muted); }
  .progress { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-top: 8px; }
  progress { flex: 1 1 8em; height: 12px; accent-color: var(--_accent); }
  .status { margin: 4px 0 0; color: var(--_muted); font-size: 0.9em; }
  .status.offline { color: var(--_fail); font-weight: 600; }
  .error { color: var(--_fail); font-weight: 600; margin: var(--_gap) 0; }
  .error:empty { display: none; }
  .section-title { font-size: 1.1em; margin: calc(var(--_gap) * 1.5) 0 0; }
  .item { border: 0; border-bottom: 1px solid var(--_line); margin: 0; padding: var(--_gap) 0; min-inline-size: 0; }
  .item.missing { border-left: 4px solid var(--_fail); padding-left: 8px; }
  .q { padding: 0; margin: 0 0 4px; font-weight: 600; }
  .n { color: var(--_muted); }
  .choices { display: flex; flex-wrap: wrap; gap: 8px; }
  .choice {
    min-height: var(--_target); min-width: var(--_target); display: inline-flex; align-items: center; gap: 6px;
    padding: 0 14px; border: 1px solid var(--_line); border-radius: var(--fg-radius, 8px); cursor: pointer;
  }
  .choice input { width: 20px; height: 20px; margin: 0; accent-color: var(--_accent); }
  .choice:focus-within { outline: 3px solid var(--_accent); outline-offset: 2px; }
  .pass .choice.pass, .fail .choice.fail, .na .choice.na { border-width: 2px; font-weight: 600; }
  .pass .choice.pass { border-color: var(--_pass); }
  .fail .choice.fail { border-color: var(--_fail); }
  .hint, .basis { margin: 6px 0 0; font-size: 0.875em; color: var(--_muted); }
  .missing-text { margin: 6px 0 0; color: var(--_fail); font-weight: 600; }
  .evidence { margin-top: 8px; display: grid; gap: 6px; }
  .note { width: 100%; min-height: var(--_target); font: inherit; padding: 8px; border: 1px solid var(--_muted); border-radius: var(--fg-radius, 8px); }
  .note[aria-invalid='true'], .add-photo[aria-invalid='true'] { border: 2px solid var(--_fail); }
  .photos { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
  .photo { position: relative; margin: 0; }
  .thumb { display: block; width: 72px; height: 72px; object-fit: cover; border-radius: 4px; background: #eee; }
  .remove-photo {
    position: absolute; top: -6px; right: -6px; min-width: var(--_target); min-height: var(--_target); border-radius: 50%;
    border: 1px solid var(--_line); background: #fff; color: var(--_fail); font: inherit; font-size: 1.2em; cursor: pointer;
  }
  button { font: inherit; }
  .add-photo, .submit, .choose button {
    min-height: var(--_target); padding: 0 16px; border-radius: var(--fg-radius, 8px); cursor: pointer;
    border: 1px solid var(--_accent); background: #fff; color: var(--_accent);
  }
  .actions { position: sticky; bottom: 0; background: var(--fg-color-surface, #fff); padding: var(--_gap) 0; border-top: 1px solid var(--_line); }
  .submit { background: var(--_accent); color: #fff; font-weight: 600; width: 100%; }
  .submit:disabled, .add-photo[aria-disabled='true'] { opacity: 0.7; cursor: progress; }
  .result strong { font-weight: 700; }
  .readonly.fail .result strong { color: var(--_fail); }
  .readonly.pass .result strong { color: var(--_pass); }
  .note-text { margin: 4px 0 0; }
  .choose { display: grid; gap: 8px; margin: var(--_gap) 0; }
  .choose button { text-align: start; }
  button:focus-visible, textarea:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
  .file { display: none; }
  .handoff label { display: block; margin-top: 8px; } .handoff .row { display: flex; gap: 8px; margin-top: 8px; }
`;
