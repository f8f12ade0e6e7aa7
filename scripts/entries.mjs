// The public entries of each package (DESIGN §1), relative to src/ without extension.
// The build, the byte measurements and the bench all read this list.
export const entries = {
  core: ['index', 'browser', 'templates', 'offline', 'http', 'base', 'schema', 'hazard', 'export', 'checklist', 'captains', 'scoring'],
  server: ['index', 'cli', 'conformance/index', 'conformance/cli'],
  elements: ['index', 'define', 'provider/index', 'provider/define', 'checklist/index', 'checklist/define', 'hazard-report/index', 'hazard-report/define', 'hazard-ledger/index', 'hazard-ledger/define', 'captain-registry/index', 'captain-registry/define', 'captain-notice/index', 'captain-notice/define', 'grid-score/index', 'grid-score/define'],
};

/** Elements that exist, as `<name>` with `@firegrid/elements/<name>/define`. */
export const elements = ['provider', 'checklist', 'hazard-report', 'hazard-ledger', 'captain-registry', 'captain-notice', 'grid-score'];
