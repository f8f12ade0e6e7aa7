import { css } from 'lit';

/**
 * Styles of `<fg-checklist>` that its first paint needs: the host, the header, the submit bar, the
 * template choice. The items' styles come lazily with the item rendering (./items.styles.ts).
 * Below 600 px of the element's width the submit is one full-width sticky primary; wider, it sits
 * on the right (a local style until the shared button order lands).
 *
 * Styles over the tokens and the shared controls (../styles.ts): mobile first,
 * 44 px targets (56 px in elder mode), no global CSS.
 */
export const styles = css`
  :host {
    background: var(--_surface);
    --_accent: var(--fg-checklist-accent, var(--_primary));
    --_pass: var(--fg-checklist-pass, var(--_ok));
    --_fail: var(--fg-checklist-fail, var(--_error));
    --_gap: var(--fg-checklist-gap, var(--_s3));
  }
  form { display: block; margin: 0; container-type: inline-size; }
  .header { padding: var(--_gap) 0; border-bottom: 2px solid var(--_accent); }
  h2 { margin: 0; }
  .place { margin: var(--_s1) 0 0; color: var(--_muted); }
  .progress { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_s2); margin: var(--_s2) 0; }
  progress { flex: 1 1 8em; height: 12px; accent-color: var(--_accent); }
  form > .msg { margin: var(--_gap) 0; }
  .actions { position: sticky; bottom: 0; margin: 0; background: var(--_surface); padding: var(--_gap) 0; border-top: 1px solid var(--_subtle); }
  .actions .msg { flex: 1 1 100%; }
  .submit { width: 100%; }
  @container (min-width: 600px) { .submit { width: auto; margin-inline-start: auto; } }
  .choose { display: grid; gap: var(--_s2); margin: var(--_gap) 0; }
  .choose button { justify-content: start; }
  .file { display: none; }
  .handoff label { display: block; margin-top: var(--_s2); }
  .handoff .row { margin-top: var(--_s2); }
`;
