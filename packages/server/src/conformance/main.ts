/**
 * The command line of `firegrid-conformance` (its entry, `cli.ts`, only calls {@link main}):
 * parses the flags, runs the suite, prints one line per check and a closing `N passed, N failed`.
 * @module
 */
import { parseArgs } from 'node:util';
import { DEFAULT_GRID, defaultGrid, otherGridOf, runConformance, runTag } from './index.js';
import type { CheckResult } from './index.js';

const USAGE = `Usage: firegrid-conformance --base-url URL --token T [options]

Runs the Firegrid REST contract (DESIGN §5) against a server and prints one line per check.

  --base-url URL            the server, without /v1 (e.g. http://127.0.0.1:8787)
  --token T                 a token with scope "*" and the roles grid-supervisor, fire-officer
                            and grid-worker (admin alongside is fine)
  --token-limited T2        a grid worker of one grid (role grid-worker, scope that grid):
                            runs the scope, role, actor and confidential-reporter checks
  --token-other-tenant T3   a token of another tenant: runs the cross-tenant check
  --token-government T4     a token of the listing authority (role government) covering the
                            suite's grid: runs the 挂牌督办 request → list → lift check
  --origin ORIGIN           an origin the server allows: runs the CORS check
  --grid CODE               the grid the suite writes in; the limited token must cover it
                            (default: the first scope entry of the limited token if it is a
                            JWT, else ${DEFAULT_GRID})
  --other-grid CODE         a grid the limited token does not cover (default: --grid with its
                            first character changed); must be a grid the server accepts
  --only TEXT               run only the checks whose name contains TEXT
  --timeout MS              per request (default 30000)
  -h, --help                this text

Tokens may also come from FIREGRID_TOKEN, FIREGRID_TOKEN_LIMITED and FIREGRID_TOKEN_OTHER_TENANT,
which keeps them out of the process list.

The suite writes its own records (fresh ids, the run's tag in their text) and changes nothing
else; the contract has no DELETE, so they stay. Checks that need a token you did not give are
reported as not run, never as passed. Exit status: 0 all run checks passed, 1 a check failed,
2 usage error.`;

/** Output streams, so tests can capture them. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Readonly<Record<string, string | undefined>>;
}

/** One result as the CLI prints it. */
export function formatResult(result: CheckResult): string {
  if (result.status === 'passed') return `✓ ${result.name}${result.detail === undefined ? '' : ` — ${result.detail}`}`;
  if (result.status === 'failed') return `✗ ${result.name}: ${result.detail ?? 'failed'}`;
  return `- not run: ${result.name} (${result.detail ?? 'needs more options'})`;
}

/**
 * Runs the CLI with `argv` (without `node` and the script) and resolves to the exit status.
 * @example
 * process.exitCode = await main(process.argv.slice(2));
 */
export async function main(argv: readonly string[], io: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
}): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        'base-url': { type: 'string' },
        token: { type: 'string' },
        'token-limited': { type: 'string' },
        'token-other-tenant': { type: 'string' },
        'token-government': { type: 'string' },
        origin: { type: 'string' },
        grid: { type: 'string' },
        'other-grid': { type: 'string' },
        only: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    io.err(`firegrid-conformance: ${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help === true) {
    io.out(USAGE);
    return 0;
  }
  const baseUrl = values['base-url'];
  // An empty variable counts as unset: `FIREGRID_TOKEN_LIMITED= npx …` must not send an empty token.
  const fromEnv = (name: string): string | undefined => (io.env[name] === '' ? undefined : io.env[name]);
  const token = values.token ?? fromEnv('FIREGRID_TOKEN');
  const problems: string[] = [];
  if (baseUrl === undefined) problems.push('--base-url is required');
  else if (!/^https?:\/\/[^/]/.test(baseUrl)) problems.push(`--base-url must be an http(s) URL, got ${baseUrl}`);
  if (token === undefined || token === '') problems.push('--token (or FIREGRID_TOKEN) is required');
  const timeout = values.timeout === undefined ? 30_000 : Number(values.timeout);
  if (!Number.isInteger(timeout) || timeout <= 0) problems.push(`--timeout must be a positive number of milliseconds, got ${values.timeout ?? ''}`);
  if (problems.length > 0 || baseUrl === undefined || token === undefined) {
    io.err(`firegrid-conformance: ${problems.join('; ')}\n\n${USAGE}`);
    return 2;
  }
  const tokenLimited = values['token-limited'] ?? fromEnv('FIREGRID_TOKEN_LIMITED');
  const tokenOtherTenant = values['token-other-tenant'] ?? fromEnv('FIREGRID_TOKEN_OTHER_TENANT');
  const tokenGovernment = values['token-government'] ?? fromEnv('FIREGRID_TOKEN_GOVERNMENT');
  const grid = defaultGrid(values.grid, tokenLimited);
  const otherGrid = values['other-grid'] ?? otherGridOf(grid);
  const tag = runTag();
  io.out(`Firegrid conformance: ${baseUrl} (grid ${grid}, other grid ${otherGrid}; records tagged ${tag})`);
  const report = await runConformance({
    baseUrl, token, grid, otherGrid, tag, timeoutMs: timeout,
    ...(tokenLimited === undefined ? {} : { tokenLimited }),
    ...(tokenOtherTenant === undefined ? {} : { tokenOtherTenant }),
    ...(tokenGovernment === undefined ? {} : { tokenGovernment }),
    ...(values.origin === undefined ? {} : { origin: values.origin }),
    ...(values.only === undefined ? {} : { only: values.only }),
    log: (result) => {
      io.out(formatResult(result));
    },
  });
  if (report.results.length === 0) {
    io.err(`firegrid-conformance: no check's name contains "${values.only ?? ''}"`);
    return 2;
  }
  if (report.notRun > 0) {
    const flags = [...new Set(report.results.filter((r) => r.status === 'not-run').map((r) => r.detail?.replace(/^needs /, '') ?? ''))];
    io.out(`${report.notRun} not run (give ${flags.join(', ')} to run them)`);
  }
  io.out(`${report.passed} passed, ${report.failed} failed`);
  return report.failed > 0 ? 1 : 0;
}
