/**
 * One button order for every form and dialog of the elements (issue 17, DESIGN §6):
 *
 * - at 600 px of the container's width and more, the buttons sit in one row on the right, the
 *   primary last (rightmost), the others before it at least 16 px away;
 * - below 600 px (phones, vendors' narrow side panels) the primary is one full-width button that
 *   sticks to the bottom of the screen while the form scrolls; the secondary actions (取消) are
 *   full-width above it, at least 16 px away.
 *
 * The width is the container's, not the viewport's: an element in a side panel of a desk screen
 * gets the phone layout. Markup (classes, not elements — inside any shadow root that adopts
 * {@link buttonBarStyles} after `baseStyles`):
 *
 * ```html
 * <form class="stack">                        <!-- the container: a flex column, `container-type: inline-size` -->
 *   …fields…
 *   <div class="button-bar" part="actions">
 *     <button type="button" id="cancel">取消</button>      <!-- secondary actions first -->
 *     <button type="submit" class="primary">上报</button>   <!-- the primary last -->
 *   </div>
 * </form>
 * ```
 *
 * The `.button-bar` must be a child of the `.stack`: below 600 px it takes no box of its own
 * (`display: contents`) so that the primary sticks over the whole form. Sizes come from the
 * tokens, so elder/public mode gets 56 px targets and 20 px text.
 * @module
 */
import { css } from 'lit';

/** The sheet of `.stack` and `.button-bar`. */
export const buttonBarStyles = css`
  .stack { display: flex; flex-direction: column; gap: max(16px, var(--_s4)); container: fg-stack / inline-size; }
  .button-bar { display: contents; }
  .button-bar > button { width: 100%; }
  .button-bar > .primary {
    position: sticky; bottom: var(--_s2); z-index: 1;
    box-shadow: 0 0 0 var(--_s2) var(--_surface);
  }
  @container fg-stack (min-width: 600px) {
    .button-bar { display: flex; flex-wrap: wrap; justify-content: flex-end; align-items: center; gap: max(16px, var(--_s4)); }
    .button-bar > button { width: auto; }
    .button-bar > .primary { position: static; box-shadow: none; }
  }
`;
