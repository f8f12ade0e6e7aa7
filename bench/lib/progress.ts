// Progress lines on stderr, so stdout stays the table and a long run shows where it is.

/** Writes one line (without the newline). */
export type LineWriter = (line: string) => void;

/** Writes lines to stderr. */
export const stderrLines: LineWriter = (line) => {
  process.stderr.write(`${line}\n`);
};

/**
 * A progress reporter for `total` figure modules.
 * @returns a function giving the `progress(message)` of the `index`-th (1-based) module
 * @example
 *   const forModule = createProgress(5, stderrLines);
 *   forModule(2, 'bytes')('measuring @firegrid/elements/define …'); // [2/5] bytes: measuring @firegrid/elements/define …
 */
export function createProgress(total: number, write: LineWriter): (index: number, moduleName: string) => (message: string) => void {
  const width = String(total).length;
  return (index, moduleName) => (message) => {
    write(`[${String(index).padStart(width)}/${total}] ${moduleName}: ${message}`);
  };
}
