/**
 * `@firegrid/server`: the reference backend of the Firegrid REST contract (DESIGN §5) on Node and
 * SQLite, and the programmatic API behind the `firegrid-server` command.
 * @module
 */
export { startServer, serverVersion } from './server.js';
export type { ServerOptions, RunningServer, DevSignIn } from './server.js';
export {
  signToken, verifyToken, TokenError, TOKEN_ISSUER, DEFAULT_TOKEN_TTL_SECONDS, MIN_SECRET_LENGTH, PERMISSIONS,
  CONFIDENTIAL_READERS, STAFF_ROLES,
} from './auth.js';
export type { TokenOptions, Principal, Permission } from './auth.js';
export { seedDemo, DEMO_TENANT, DEMO_USERS, DEMO_ORG_UNITS } from './seed.js';
export type { SeedOptions, SeedResult, DemoUser } from './seed.js';
export { openDatabase, migrate, MIGRATIONS, DB_FILE } from './db.js';
export { syncTemplates, tenantsWithTemplates, backfillTemplateRevisions } from './templates.js';
export type { SyncLine } from './templates.js';
export type { Db, Migration } from './db.js';
export { Store } from './store.js';
export type { StoredRecord, StoreOptions } from './store.js';
export {
  SCORING_TABLES, SCORED_KINDS, isScoredKind, rowsOf, scoringWrites, scoringTablesDdl, tenantScoresSql, tenantIndicatorsSql, scoredWorkersSql, workerEvidenceSql,
  recordsFromRows,
} from './scoring-tables.js';
export type {
  ScoredKind, ScoringStatement, RecordRows, TenantScoresOptions, TenantScoresQuery, EvidenceStatements,
} from './scoring-tables.js';
export { MAX_SCORE_PERIOD_DAYS, MAX_SCORED_WORKERS } from './service.js';
