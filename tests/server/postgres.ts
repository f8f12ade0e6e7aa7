// PostgreSQL for node tests: a schema of its own per suite on the database `.ci/pg-up` starts
// (PGDATABASE, or DATABASE_URL), dropped afterwards. Where PostgreSQL is not running a test skips
// visibly; under CI=true that is a failure, so the gate never passes without it.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import pg from 'pg';

/** What a test needs of its context to skip visibly. */
interface SkippableTest {
  skip(message: string): void;
  diagnostic(message: string): void;
}

/** The suite's connection, once `before` has run. */
export interface PgSchema {
  /** The client (its `search_path` on the suite's schema), or `undefined` after skipping `t` (a failure under CI=true). */
  need(t: SkippableTest): pg.Client | undefined;
}

/**
 * Registers `before` and `after` hooks in the calling `describe`: connect and create a schema
 * named `<prefix>_<pid>`, then drop it and disconnect.
 * @example const pgs = pgSchema('fg_scoring'); it('…', async (t) => { const c = pgs.need(t); if (!c) return; … });
 */
export function pgSchema(prefix: string): PgSchema {
  const schema = `${prefix}_${process.pid}`;
  let client: pg.Client | undefined;
  let unavailable: string | undefined;

  before(async () => {
    if (process.env.PGDATABASE === undefined && process.env.DATABASE_URL === undefined) {
      unavailable = 'no PGDATABASE or DATABASE_URL: run `eval "$(bash .ci/pg-up)"` first';
      return;
    }
    const c = new pg.Client(process.env.DATABASE_URL === undefined ? {} : { connectionString: process.env.DATABASE_URL });
    try {
      await c.connect();
      client = c;
      await c.query(`CREATE SCHEMA ${schema}`);
      await c.query(`SET search_path TO ${schema}`);
    } catch (e) {
      unavailable = `cannot reach PostgreSQL (${(e as Error).message})`;
      await c.end().catch(() => undefined);
      client = undefined;
    }
  });

  after(async () => {
    if (!client) return;
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  return {
    need(t) {
      if (client) return client;
      const why = `PostgreSQL tests NOT RUN: ${unavailable ?? 'not connected'}`;
      if (process.env.CI === 'true') assert.fail(`${why} (CI=true requires PostgreSQL)`);
      console.warn(`\n  ⚠ ${why}\n`);
      t.diagnostic(why);
      t.skip(why);
      return undefined;
    },
  };
}
