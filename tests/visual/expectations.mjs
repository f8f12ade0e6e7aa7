// What the layout check of `npm run screenshots` expects at 390 px (issue 17 items 4 and 8).
// Every story: no sideways scroll, no shadow content outside the viewport. The stories below also
// name fields that must lie inside the viewport (a CSS selector matched in every open shadow
// root; every match must be inside, and at least `minWidth` px wide when given). A field whose
// selector matches nothing fails: the part names here are the contract of the phone layouts.
// Types: expectations.d.mts.

/** @type {import('./expectations.d.mts').FieldExpectation[]} */
export const fields = [
  // The ledger: each hazard's status and title on screen (issue 17 item 4: "what, where, status").
  ...['supervisor', 'responsibility-list', 'overdue', 'supervised-only', 'english'].map((story) => ({
    story: `elements-fg-hazard-ledger--${story}`,
    fields: { status: '[part~="status"]', title: '[part~="title"]' },
  })),
  // The score ranking: each row's rank and total on screen.
  {
    story: 'elements-fg-grid-score--community-ranking',
    fields: { rank: '[part~="rank"]', total: '[part~="total"]' },
  },
  // The registry's import preview: building, captain and result readable, not one character wide.
  {
    story: 'elements-fg-captain-registry--import-with-errors',
    fields: {
      building: { selector: '[part~="preview"] [part~="building"]', minWidth: 48 },
      captain: { selector: '[part~="preview"] [part~="captain"]', minWidth: 48 },
      result: { selector: '[part~="preview"] [part~="result"]', minWidth: 96 },
    },
  },
];

/**
 * Layout checks known to fail today, so that the gate is green while the layouts are rebuilt.
 * `check` is `sideways` or `field:<name>`. When a layout lands, its entries start passing and the
 * gate fails with "passes now: remove it from expectedFailures" — delete the entry then.
 * @type {import('./expectations.d.mts').ExpectedFailure[]}
 */
export const expectedFailures = [
  // Empty: the phone layouts of issue 17 item 4 landed (ledger cards, stacked ranking, import
  // preview cards). A layout known to fail goes here with its issue item until it is fixed.
];
