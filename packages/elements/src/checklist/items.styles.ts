import { css } from 'lit';

/**
 * Styles of `<fg-checklist>`'s sections, items, evidence and result, adopted after the element's
 * own (./checklist.styles.ts) when the item rendering (./render.ts) has loaded with the data: the
 * first paint (a loading state) needs none of them. Each item is its own layout and paint island
 * (`contain`, with a clip margin for the focus ring) and a chosen chip changes colours only (an
 * inset ring and a tint in its state's colour, the radio's dot too), so a tap repaints one item
 * (checklist.tap500.ratio).
 */
export const itemStyles = css`
  .item { contain: layout paint; overflow-clip-margin: 8px; }
  .item { border: 0; border-bottom: 1px solid var(--_subtle); margin: 0; padding: var(--_gap) 0; min-inline-size: 0; }
  .item.missing { border-left: 4px solid var(--_fail); padding-left: var(--_s2); }
  .q { padding: 0; margin: 0 0 var(--_s1); }
  .n { color: var(--_muted); }
  .choices { display: flex; flex-wrap: wrap; gap: var(--_s2); }
  .choice {
    min-height: var(--_target); min-width: var(--_target); display: inline-flex; align-items: center; gap: 6px;
    padding: 0 14px; border: 1px solid var(--_border); border-radius: var(--_radius); cursor: pointer; font-weight: 400;
  }
  .choice:focus-within { outline: var(--fg-focus-width, 3px) solid var(--fg-focus-color, #1a73e8); outline-offset: 2px; }
  .choice { --_c: var(--_muted); }
  .choice.pass { --_c: var(--_pass); }
  .choice.fail { --_c: var(--_fail); }
  .choice input { accent-color: var(--_c); }
  .pass .choice.pass, .fail .choice.fail, .na .choice.na {
    border-color: var(--_c); box-shadow: inset 0 0 0 1px var(--_c); background: color-mix(in srgb, var(--_c) 12%, var(--_surface));
  }
  .hint { margin: 6px 0 0; font-size: 0.875em; color: var(--_muted); }
  .section-head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: var(--_s2); margin-top: calc(var(--_gap) * 1.5); }
  .section-head .section-title { margin: 0; }
  .basis { margin: var(--_s1) 0 0; font-size: 0.875em; color: var(--_muted); }
  .basis summary { min-height: var(--_target); display: flex; align-items: center; cursor: pointer; }
  .basis ul { margin: 0; padding-inline-start: 1.2em; }
  .result { margin: var(--_gap) 0; padding: var(--_s3) var(--_s4); border: 2px solid var(--_ok); border-radius: var(--_radius); }
  .result.queued { border-color: var(--_warn); }
  .result.refused { border-color: var(--_error); }
  .result-icon {
    display: inline-grid; place-items: center; width: 2.5em; height: 2.5em; border-radius: 50%;
    background: var(--_ok); color: var(--_surface); font-size: 1.2em; font-weight: 700;
  }
  .result.queued .result-icon { background: var(--_warn); }
  .result.refused .result-icon { background: var(--_error); }
  .result h2 { margin: var(--_s2) 0; }
  .result .next { margin: var(--_s2) 0; }
  .missing-text { margin: 6px 0 0; color: var(--_fail); font-weight: 600; }
  .evidence { margin-top: var(--_s2); display: grid; gap: 6px; }
  textarea.note { min-height: var(--_target); }
  .note[aria-invalid='true'], .add-photo[aria-invalid='true'] { border: 2px solid var(--_fail); }
  .photos { display: flex; flex-wrap: wrap; gap: var(--_s2); align-items: center; }
  .photo { position: relative; margin: 0; }
  .thumb { display: block; width: 72px; height: 72px; object-fit: cover; border-radius: var(--_radius); background: var(--_subtle); }
  .remove-photo { position: absolute; top: -6px; right: -6px; border-radius: 50%; padding: 0; color: var(--_fail); font-size: 1.2em; }
  .result strong { font-weight: 700; }
  .readonly.fail .result strong { color: var(--_fail); }
  .readonly.pass .result strong { color: var(--_pass); }
  .note-text { margin: var(--_s1) 0 0; }
`;
