// The public entries of each package (DESIGN §1), relative to src/ without extension.
// The build, the byte measurements and the bench all read this list.
export const entries = {
  core: ['index', 'browser'],
  server: ['index', 'cli', 'conformance/index', 'conformance/cli'],
  elements: ['index', 'define', 'provider/index', 'provider/define'],
};

/** Elements that exist, as `<name>` with `@firegrid/elements/<name>/define`. */
export const elements = ['provider'];
