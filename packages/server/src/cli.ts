/**
 * The `firegrid-server` command: start the server, sign a token, load the demo data.
 *
 *     firegrid-server [--port 8787] [--host 127.0.0.1] [--data ./.firegrid] [--dev] [--cors-origin O]…
 *     firegrid-server token --tenant T --user U --roles grid-worker,captain --scope 1401 [--name N] [--ttl 12h]
 *     firegrid-server seed [--data ./.firegrid]
 *     firegrid-server templates sync [--data ./.firegrid] [--tenant T]…
 *     firegrid-server --version | --help
 *
 * Exit codes: 0 done, 1 failed while running, 2 wrong usage or configuration.
 * @module
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES } from '@firegrid/core';
import type { Role } from '@firegrid/core';
import { DEFAULT_TOKEN_TTL_SECONDS, MIN_SECRET_LENGTH, signToken } from './auth.js';
import { DEMO_ORG_UNITS, DEMO_TENANT, DEMO_USERS, seedDemo } from './seed.js';
import { serverVersion, startServer } from './server.js';
import { DB_FILE, openDatabase } from './db.js';
import { syncTemplates, tenantsWithTemplates } from './templates.js';
import type { SyncLine } from './templates.js';

const USAGE = `Usage:
  firegrid-server [--port 8787] [--host 127.0.0.1] [--data ./.firegrid] [--dev] [--cors-origin ORIGIN]...
      Starts the server and prints its URL. Needs FIREGRID_SECRET (at least ${MIN_SECRET_LENGTH} characters)
      unless --dev, which makes a secret for this run and prints it. --dev also opens a DEV-ONLY sign-in
      for the demo users (GET /dev/users, POST /dev/token {"user":"wangwei"}): never use it in production. Allowed browser origins come from
      --cors-origin (repeatable) and FIREGRID_CORS_ORIGINS (comma-separated); "*" allows any.
  firegrid-server token --tenant T --user U --roles ROLE[,ROLE] --scope PREFIX[,PREFIX] [--name NAME] [--ttl 12h]
      Prints a bearer token signed with FIREGRID_SECRET. Roles: ${ROLES.join(', ')}.
      Scope: OrgUnit code prefixes, "*" for the whole tenant. TTL: seconds, or a number with s, m, h or d.
  firegrid-server seed [--data ./.firegrid]
      Loads the demo data set into tenant "${DEMO_TENANT}" (running it twice adds nothing); its templates
      are brought up to the library's revisions as \`templates sync\` does.
  firegrid-server templates sync [--data ./.firegrid] [--tenant T]...
      Brings the database's checklist templates up to the library's revisions: adds a template a tenant
      lacks and a newer revision of one it holds, and never rewrites a stored revision (inspections keep
      pointing at theirs). Prints what it added, updated and left alone; running it again changes nothing.
      Without --tenant: every tenant that holds templates. --database is another name for --data.
  firegrid-server --version | --help`;

/** A usage or configuration error: exit code 2 with the message. */
class UsageError extends Error {}

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const err = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

function list(value: string | undefined, what: string): string[] {
  const items = (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw new UsageError(`${what} is required`);
  return items;
}

function ttlSeconds(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TOKEN_TTL_SECONDS;
  const m = /^(\d+)([smhd]?)$/.exec(value.trim());
  if (m?.[1] === undefined) throw new UsageError(`--ttl must be seconds or a number with s, m, h or d (e.g. 12h); got ${value}`);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 }[m[2] ?? ''] ?? 1;
  const seconds = Number(m[1]) * unit;
  if (seconds <= 0) throw new UsageError('--ttl must be longer than 0');
  return seconds;
}

function secretFromEnv(): string | undefined {
  const secret = process.env.FIREGRID_SECRET;
  return secret === undefined || secret === '' ? undefined : secret;
}

function requireSecret(): string {
  const secret = secretFromEnv();
  if (secret === undefined) {
    throw new UsageError(
      'FIREGRID_SECRET is not set. Set it to a secret of at least '
      + `${MIN_SECRET_LENGTH} characters (e.g. export FIREGRID_SECRET="$(openssl rand -base64 48)"), `
      + 'or start the server with --dev to make a throwaway secret for this run.',
    );
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new UsageError(`FIREGRID_SECRET is ${secret.length} characters long; it must have at least ${MIN_SECRET_LENGTH}.`);
  }
  return secret;
}

async function token(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      tenant: { type: 'string' }, user: { type: 'string' }, roles: { type: 'string' }, scope: { type: 'string' },
      name: { type: 'string' }, ttl: { type: 'string' },
    },
    strict: true,
  });
  const secret = requireSecret();
  const tenant = values.tenant?.trim();
  const user = values.user?.trim();
  if (tenant === undefined || tenant === '') throw new UsageError('--tenant is required');
  if (user === undefined || user === '') throw new UsageError('--user is required');
  const roles = list(values.roles, '--roles');
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) throw new UsageError(`unknown role ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`);
  const scope = list(values.scope, '--scope');
  const bad = scope.filter((s) => !/^(\*|[0-9A-Za-z][0-9A-Za-z_-]*)$/.test(s));
  if (bad.length > 0) throw new UsageError(`--scope takes OrgUnit code prefixes or "*"; not ${bad.join(', ')}`);
  out(await signToken({
    secret, tenant, user, roles: roles as Role[], scope, ttlSeconds: ttlSeconds(values.ttl),
    ...(values.name === undefined ? {} : { name: values.name }),
  }));
}

/** The data folder of `--data` or `--database` (the folder, or its firegrid.db). */
function dataDirOf(values: { data?: string | undefined; database?: string | undefined }): string {
  if (values.data !== undefined && values.database !== undefined && resolve(values.data) !== resolve(values.database)) {
    throw new UsageError('--data and --database are two names for the data folder, and they name different folders here; give one');
  }
  const given = values.data ?? values.database ?? '.firegrid';
  return resolve(basename(given) === DB_FILE ? dirname(given) : given);
}

function seed(args: string[]): void {
  const { values } = parseArgs({ args, options: { data: { type: 'string' }, database: { type: 'string' } }, strict: true });
  const dir = dataDirOf(values);
  const result = seedDemo(dir);
  const made = Object.entries(result.created).map(([k, n]) => `${String(n)} ${k}`).join(', ');
  out(`Seeded tenant "${result.tenant}" in ${dir}: ${made === '' ? 'nothing new' : made}${result.skipped > 0 ? ` (${result.skipped} demo records were there already)` : ''}.`);
  out('Demo users (sign a token with `firegrid-server token`):');
  for (const u of result.users) out(`  ${u.user.padEnd(14)} ${u.name}\t--roles ${u.roles.join(',')} --scope ${u.scope.join(',')}`);
  out(`e.g. npx firegrid-server token --tenant ${result.tenant} --user zhaojianguo --roles grid-supervisor --scope 140105004`);
}

const ACTION_WORDS: Record<SyncLine['action'], string> = {
  added: 'added', updated: 'updated', unchanged: 'unchanged', newer: 'left alone', differs: 'left alone',
};

function templatesCommand(args: string[]): void {
  const [sub, ...rest] = args;
  if (sub !== 'sync') throw new UsageError(`templates takes the subcommand "sync"${sub === undefined ? '' : `, not "${sub}"`}`);
  const { values } = parseArgs({
    args: rest, options: { data: { type: 'string' }, database: { type: 'string' }, tenant: { type: 'string', multiple: true } }, strict: true,
  });
  const dir = dataDirOf(values);
  const db = openDatabase(dir);
  try {
    const given = (values.tenant ?? []).flatMap((t) => t.split(',')).map((t) => t.trim()).filter((t) => t !== '');
    const tenants = given.length > 0 ? given : tenantsWithTemplates(db);
    if (tenants.length === 0) throw new UsageError(`the database in ${dir} holds no templates yet; name the tenant to give them to with --tenant`);
    for (const tenant of tenants) {
      const lines = syncTemplates(db, tenant);
      out(`Templates of tenant "${tenant}" in ${dir} (library revisions):`);
      for (const l of lines) {
        const why = l.action === 'updated' ? `revision ${l.held ?? '(none)'} → ${l.revision}; revision ${l.held ?? '(none)'} kept`
          : l.action === 'newer' ? `the database holds revision ${l.held ?? ''}, newer than the library's ${l.revision} (its own)`
            : l.action === 'differs' ? `the database's revision ${l.revision} has other content than the library's: a local edit that kept its revision number; stored revisions are never rewritten`
              : `revision ${l.revision}`;
        out(`  ${ACTION_WORDS[l.action].padEnd(10)} ${l.key} ${l.title}: ${why}`);
      }
      const n = (a: SyncLine['action']): number => lines.filter((l) => l.action === a).length;
      out(`  ${n('added')} added, ${n('updated')} updated, ${n('unchanged') + n('newer') + n('differs')} left alone.`);
    }
  } finally {
    db.close();
  }
}

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' }, dev: { type: 'boolean' },
      'cors-origin': { type: 'string', multiple: true },
    },
    strict: true,
  });
  const port = values.port === undefined ? 8787 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port must be a port number (0–65535); got ${String(values.port)}`);
  let secret = secretFromEnv();
  if (secret === undefined && values.dev === true) {
    secret = randomBytes(32).toString('base64url');
    out('Dev mode: made a secret for this run only (tokens signed with it die with the server):');
    out(`FIREGRID_SECRET=${secret}`);
  } else {
    secret = requireSecret();
  }
  const corsOrigins = [
    ...(values['cors-origin'] ?? []),
    ...(process.env.FIREGRID_CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''),
  ];
  const dataDir = resolve(values.data ?? '.firegrid');
  const dev = values.dev === true;
  const server = await startServer({
    port, host: values.host ?? '127.0.0.1', dataDir, secret, corsOrigins,
    ...(dev ? { devSignIn: { tenant: DEMO_TENANT, users: DEMO_USERS, orgUnits: DEMO_ORG_UNITS } } : {}),
  });
  // Before the URL line: whoever waits for the URL has read the warning too.
  if (dev) out('Dev mode: anyone who reaches this server may sign in as a demo user without a password (GET /dev/users, POST /dev/token). Never use --dev in production.');
  out(`firegrid-server ${serverVersion()} listening on ${server.url} (data: ${dataDir}${corsOrigins.length > 0 ? `, CORS: ${corsOrigins.join(' ')}` : ''})`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main(argv: string[]): Promise<void> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    out(`firegrid-server ${serverVersion()} (node ${process.version})`);
    return;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    out(USAGE);
    return;
  }
  if (first === 'token') return token(rest);
  if (first === 'seed') {
    seed(rest);
    return;
  }
  if (first === 'templates') {
    templatesCommand(rest);
    return;
  }
  if (first === 'serve') return serve(rest);
  return serve(argv);
}

// `firegrid-server seed | head` closes the pipe early; that is not a failure.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

try {
  await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
    err(`firegrid-server: ${e.message}`);
    err('Run firegrid-server --help for usage.');
    process.exitCode = 2;
  } else if (e instanceof Error && 'code' in e && e.code === 'EADDRINUSE') {
    err(`firegrid-server: the port is in use (${e.message}); pick another with --port.`);
    process.exitCode = 1;
  } else {
    err(`firegrid-server: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
