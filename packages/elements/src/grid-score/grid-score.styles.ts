import { css } from 'lit';

/**
 * Styles of `<fg-grid-score>` over the shared look (../styles.ts), themable through `--fg-*`
 * properties: the host's. The views' own come with them (./view.styles.ts).
 */
export const gridScoreStyles = css`
  :host {
    --_accent: var(--fg-score-accent, var(--_primary));
    --_me: var(--fg-score-me, #fff3cd);
    background: var(--_surface);
    container-type: inline-size;
  }
`;
