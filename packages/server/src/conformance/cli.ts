/**
 * `firegrid-conformance`: runs the conformance suite against a server (see `--help`). Exit 0 when
 * every check that ran passed, 1 when one failed, 2 on a usage error.
 * @module
 */
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
