/**
 * Runs the scores query off the event loop: better-sqlite3 is synchronous, and a query over a
 * county's activities takes longer than any other request may wait (`/v1/health` among them). One
 * worker thread holds its own read-only connection to the database file (WAL: it reads the last
 * committed state while the server goes on writing) and runs the queries one at a time; at most
 * `maxQueued` wait, so a burst of requests cannot pile up work without end. The report is made
 * there too (core's `reportFromRows`, then JSON): for a thousand workers that is tens of
 * milliseconds the event loop would otherwise spend in one piece.
 * @module
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** A query's rows, as better-sqlite3 returns them. */
export type Rows = Record<string, unknown>[];

/** How a report is made from a scores query's rows: core's `reportFromRows` arguments. */
export interface ReportSpec {
  config: unknown;
  /** The instant scored for, epoch ms. */
  now: number;
  rankBy: string;
}

/** Where the scores queries run: the store's own connection, or {@link ScoresRunner}'s thread. */
export interface ScoresBackend {
  /** Runs one read-only statement and resolves to its rows. */
  rows(sql: string, params: unknown): Promise<Rows>;
  /** Runs the scores query and resolves to its report (`reportFromRows`) as JSON bytes. */
  report(sql: string, params: unknown, spec: ReportSpec): Promise<Uint8Array>;
}

/** Thrown by {@link ScoresRunner.run} when `maxQueued` queries are already waiting. */
export class RunnerBusyError extends Error {
  constructor(readonly queued: number) {
    super(`${queued} scores queries are already waiting`);
    this.name = 'RunnerBusyError';
  }
}

// Plain JavaScript, run as the worker's script; it imports core's scoring module by the URL the
// server resolved: the built dist/, or from src/ (under tsx, with the parent's --conditions) the
// TypeScript source through tsx's API.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const statements = new Map();
let scoring;
parentPort.on('message', async (m) => {
  try {
    let st = statements.get(m.sql);
    if (st === undefined) {
      if (statements.size >= 64) statements.clear();
      st = db.prepare(m.sql);
      statements.set(m.sql, st);
    }
    const rows = st.all(m.params);
    if (m.report === undefined) {
      parentPort.postMessage({ id: m.id, rows });
      return;
    }
    if (scoring === undefined) {
      // From src/ (tests, the bench) the module is TypeScript: tsx's loader, registered here.
      if (workerData.tsx !== undefined) (await import(workerData.tsx)).register();
      scoring = await import(workerData.scoring);
    }
    const report = scoring.reportFromRows(rows, m.report.config, { now: new Date(m.report.now), rankBy: m.report.rankBy });
    const bytes = new TextEncoder().encode(JSON.stringify(report));
    parentPort.postMessage({ id: m.id, bytes }, [bytes.buffer]);
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
`;

interface Pending {
  sql: string;
  params: unknown;
  report?: ReportSpec;
  done: (answer: { rows?: Rows; bytes?: Uint8Array }) => void;
  fail: (e: Error) => void;
}

/** Options of {@link ScoresRunner}. */
export interface ScoresRunnerOptions {
  /** The SQLite database file (`<data>/firegrid.db`). */
  file: string;
  /** Queries that may wait behind the one running; 4 by default. */
  maxQueued?: number;
}

/** One worker thread running read-only queries in order (see the module notes). */
export class ScoresRunner implements ScoresBackend {
  readonly #file: string;
  readonly maxQueued: number;
  #worker: Worker | undefined;
  #running: (Pending & { id: number }) | undefined;
  readonly #queue: Pending[] = [];
  #serial = 0;
  #closed = false;

  constructor(options: ScoresRunnerOptions) {
    this.#file = options.file;
    this.maxQueued = options.maxQueued ?? 4;
  }

  /**
   * Runs `sql` with `params` (better-sqlite3's binding: an object for named parameters, an array
   * for positional ones) in the worker.
   * @throws RunnerBusyError when `maxQueued` queries already wait; the statement's error as it comes
   */
  async rows(sql: string, params: unknown): Promise<Rows> {
    return (await this.#enqueue(sql, params)).rows ?? [];
  }

  /**
   * Runs the scores query and makes its report in the worker: the JSON bytes of `reportFromRows`.
   * @throws RunnerBusyError when `maxQueued` queries already wait; the statement's error as it comes
   */
  async report(sql: string, params: unknown, spec: ReportSpec): Promise<Uint8Array> {
    return (await this.#enqueue(sql, params, spec)).bytes ?? new Uint8Array();
  }

  #enqueue(sql: string, params: unknown, report?: ReportSpec): Promise<{ rows?: Rows; bytes?: Uint8Array }> {
    if (this.#closed) return Promise.reject(new Error('the scores runner is closed'));
    if (this.#running !== undefined && this.#queue.length >= this.maxQueued) return Promise.reject(new RunnerBusyError(this.#queue.length));
    return new Promise((done, fail) => {
      this.#queue.push({ sql, params, ...(report === undefined ? {} : { report }), done, fail });
      this.#next();
    });
  }

  #spawn(): Worker {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const scoring = import.meta.resolve('@firegrid/core/scoring');
    const tsx = scoring.endsWith('.ts') ? import.meta.resolve('tsx/esm/api') : undefined;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: this.#file, driver, scoring, tsx } });
    worker.on('message', (m: { id: number; rows?: Rows; bytes?: Uint8Array; error?: string }) => {
      const job = this.#running;
      if (job?.id !== m.id) return;
      this.#running = undefined;
      if (m.error !== undefined) job.fail(new Error(`scores query failed: ${m.error}`));
      else job.done({ ...(m.rows === undefined ? {} : { rows: m.rows }), ...(m.bytes === undefined ? {} : { bytes: m.bytes }) });
      this.#next();
    });
    const lost = (e: Error): void => {
      // The thread is gone (an error, or closed): what it was running fails; the next query starts a new one.
      if (this.#worker === worker) this.#worker = undefined;
      const job = this.#running;
      this.#running = undefined;
      job?.fail(e);
      if (!this.#closed) this.#next();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => {
      lost(new Error(`the scores worker stopped (exit code ${code})`));
    });
    // Idle, the thread keeps no process alive; while a query runs it does (see #next).
    worker.unref();
    return worker;
  }

  #next(): void {
    if (this.#running !== undefined || this.#closed) return;
    const job = this.#queue.shift();
    if (job === undefined) {
      this.#worker?.unref();
      return;
    }
    this.#worker ??= this.#spawn();
    this.#worker.ref();
    const id = ++this.#serial;
    this.#running = { ...job, id };
    this.#worker.postMessage({ id, sql: job.sql, params: job.params, ...(job.report === undefined ? {} : { report: job.report }) });
  }

  /** Stops the worker; queries waiting or running fail. */
  async close(): Promise<void> {
    this.#closed = true;
    const gone = new Error('the server is closing');
    for (const job of this.#queue.splice(0)) job.fail(gone);
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker !== undefined) await worker.terminate();
  }
}
