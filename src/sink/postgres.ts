// PostgreSQL sink (pg): the schema of sql.ts, one transaction per batch, bulk upserts.
//
// - Bulk loading: one statement per table per batch. Child tables (many small rows) load with
//   `INSERT … SELECT * FROM unnest($1::text[], $2::bigint[], …)`, one array parameter per column;
//   documents (a few large values each: text and jsonb) load with a multi-row
//   `VALUES ($1, …), ($21, …)` of up to 65535 parameters, which skips the escaping and parsing of
//   huge array literals (measured 2-4x faster for them; unnest is 3x faster for small rows).
// - Upsert by id: documents `INSERT … ON CONFLICT (id) DO UPDATE`, child rows deleted then
//   inserted again; sources and ledger upserted on their keys.
// - Concurrency: several workers may write the same ids at once. Every row lock a batch can wait
//   for is taken in one global order: documents are upserted sorted by id (which also locks their
//   children, sources and FK checks: only the holder of a document row touches them), and ledger
//   rows, sorted by sha256, come last. Two writers therefore wait for each other and never
//   deadlock; the later one replaces the document whole, never half. No advisory locks: a batch of
//   thousands of records would exhaust the server's lock table (max_locks_per_transaction). A
//   deadlock or serialization failure, should one happen anyway, is retried like a lost connection.
// - Database down: a lost or refused connection is retried with exponential backoff (5 attempts,
//   0.5 s doubling, ≈ 8 s by default), then a SinkError with transient=true names the database
//   (host:port/dbname, never the password). The ledger is written in the batch's transaction, so it
//   only ever holds what was committed; a batch whose COMMIT was cut off is simply written again
//   (upserts are idempotent).
import pg from 'pg';
import type { PressRecord } from '../export/schema.js';
import { serialized, SinkError, type Sink } from './types.js';
import { batchRows, CHILD_TABLES, createTableSql, DOCUMENTS, insertSql, LEDGER, MIGRATIONS, pendingMigrations, RECORD_TABLES, SCHEMA_MIGRATIONS, stepSql, typeName, type Migration, type Row, type Table } from './sql.js';

export interface RetryOptions {
  /** Attempts in all, the first included (default 5). */
  attempts?: number;
  /** Delay before the second attempt, doubled each time (default 500 ms). */
  baseDelayMs?: number;
  /** Longest delay between two attempts (default 4000 ms). */
  maxDelayMs?: number;
}

export interface PostgresSinkOptions {
  retry?: RetryOptions;
  /** Connection timeout of one attempt (default 5000 ms). */
  connectTimeoutMs?: number;
  /** Shown in pg_stat_activity (default "pressx"). */
  applicationName?: string;
  /** The schema migrations (default: MIGRATIONS); for tests and future versions. */
  migrations?: readonly Migration[];
}

export interface PostgresSink extends Sink {
  /** The versions of the migrations this open applied (empty when the database was up to date). */
  readonly migrationsApplied: number[];
}

/** `host:port/dbname` of a postgres:// URL, without user or password. */
export function describeDatabase(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'PostgreSQL (unparsable URL)';
  }
  const host = decodeURIComponent(u.hostname) || u.searchParams.get('host') || 'localhost';
  const port = u.port || u.searchParams.get('port') || '5432';
  const db = decodeURIComponent(u.pathname.replace(/^\//, '')) || decodeURIComponent(u.username) || 'postgres';
  return `${host}:${port}/${db}`;
}

// A host name that does not resolve (ENOTFOUND) is taken as a typo, not an outage: not retried.
const CONNECTION_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EAI_AGAIN', 'ECONNABORTED']);
// 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections;
// class 08: connection exceptions.
const CONNECTION_SQLSTATE = new Set(['57P01', '57P02', '57P03', '53300']);
// 40P01 deadlock_detected, 40001 serialization_failure: the transaction may simply be run again.
const RETRY_SQLSTATE = new Set(['40P01', '40001']);
const CONNECTION_MESSAGE = /Connection terminated|connection error|not queryable|timeout expired|Connection ended|terminating connection/i;

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' ? code : '';
}

/** The connection was refused or lost (or the server is starting or shutting down). */
export function isConnectionError(err: unknown): boolean {
  const errors = (err as { errors?: unknown })?.errors;
  if (Array.isArray(errors) && errors.length) return errors.some(isConnectionError); // AggregateError of a dual-stack connect
  const code = errorCode(err);
  if (CONNECTION_ERRNO.has(code) || CONNECTION_SQLSTATE.has(code) || code.startsWith('08')) return true;
  const message = (err as { message?: unknown })?.message;
  return typeof message === 'string' && CONNECTION_MESSAGE.test(message);
}

/** A retry may succeed: a connection problem, a deadlock or a serialization failure. */
export function isTransient(err: unknown): boolean {
  return isConnectionError(err) || RETRY_SQLSTATE.has(errorCode(err));
}

function reason(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length) return err.errors.map(reason).join('; ');
  const e = err as { message?: string; code?: string };
  const msg = e?.message || String(err);
  return e?.code && !msg.includes(e.code) ? `${msg} (${e.code})` : msg;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The row source of a bulk insert: one array parameter per column, cast to the column's type. */
function unnestSource(table: Table, orderBy?: string): string {
  const args = table.columns.map((c, i) => `$${i + 1}::${typeName(c.type, 'postgres')}[]`);
  const names = table.columns.map((c) => c.name).join(', ');
  return `SELECT * FROM unnest(${args.join(', ')}) AS t(${names})${orderBy ? ` ORDER BY ${orderBy}` : ''}`;
}

function columnArrays(table: Table, rows: readonly Row[]): unknown[][] {
  return table.columns.map((_, i) => rows.map((row) => row[i]));
}

/** The row source of a multi-row insert of `count` rows: `VALUES ($1::text, …), (…)`. */
function valuesSource(table: Table, count: number): string {
  const n = table.columns.length;
  const casts = table.columns.map((c) => `::${typeName(c.type, 'postgres')}`);
  const rows: string[] = [];
  for (let r = 0; r < count; r++) rows.push(`(${casts.map((cast, j) => `$${r * n + j + 1}${cast}`).join(', ')})`);
  return `VALUES ${rows.join(', ')}`;
}

const MAX_PARAMS = 65_535;
const MIGRATION_LOCK = "SELECT pg_advisory_xact_lock(hashtextextended('pressx:schema_migrations', 0))";

export async function openPostgresSink(url: string, options: PostgresSinkOptions = {}): Promise<PostgresSink> {
  const where = describeDatabase(url);
  let password = '';
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    // an unparsable URL: pg reports it
  }
  /** Messages never show the password, whatever a driver error may quote. */
  const scrub = (message: string) => (password ? message.split(password).join('***') : message);
  const name = `postgresql://${where}`;
  const attempts = Math.max(1, options.retry?.attempts ?? 5);
  const baseDelayMs = options.retry?.baseDelayMs ?? 500;
  const maxDelayMs = options.retry?.maxDelayMs ?? 4000;
  const migrations = options.migrations ?? MIGRATIONS;

  let client: pg.Client | null = null;
  let closed = false;

  const drop = (c: pg.Client | null) => {
    if (!c) return;
    if (client === c) client = null;
    c.end().catch(() => undefined);
  };

  async function connection(): Promise<pg.Client> {
    if (client) return client;
    const c = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      application_name: options.applicationName ?? 'pressx',
      keepAlive: true,
    });
    // A connection lost while idle emits 'error': forget the client, the next call reconnects.
    c.on('error', () => {
      if (client === c) client = null;
    });
    try {
      await c.connect();
    } catch (err) {
      c.end().catch(() => undefined);
      throw err;
    }
    // lz4 compresses the large text and jsonb values ~2x faster than the default pglz (PostgreSQL
    // 14+, built with lz4); older servers keep their default. Reading needs no setting.
    await c.query("SET default_toast_compression = 'lz4'").catch(() => undefined);
    client = c;
    return c;
  }

  /** Runs `work` in a transaction; retries the whole transaction on transient failures. */
  async function transaction<T>(what: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      let c: pg.Client | null = null;
      try {
        c = await connection();
        await c.query('BEGIN');
        try {
          const result = await work(c);
          await c.query('COMMIT');
          return result;
        } catch (err) {
          await c.query('ROLLBACK').catch(() => undefined);
          throw err;
        }
      } catch (err) {
        if (err instanceof SinkError) throw err;
        if (!isTransient(err)) {
          throw new SinkError(scrub(`PostgreSQL ${where}: cannot ${what}: ${reason(err)}`), false, { cause: err });
        }
        if (isConnectionError(err)) drop(c ?? client);
        if (attempt >= attempts) {
          const secs = ((Date.now() - started) / 1000).toFixed(1);
          const state = isConnectionError(err) ? 'is unreachable' : 'keeps failing';
          throw new SinkError(scrub(`PostgreSQL ${where} ${state}: cannot ${what} after ${attempts} attempt(s) over ${secs} s: ${reason(err)}`), true, { cause: err });
        }
        const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
        await sleep(delay * (0.8 + 0.4 * Math.random()));
      }
    }
  }

  const migrate = () => transaction('open the database (apply the schema migrations)', async (c) => {
    await c.query(MIGRATION_LOCK);
    await c.query(createTableSql(SCHEMA_MIGRATIONS, 'postgres'));
    const done = (await c.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version));
    const todo = pendingMigrations(migrations, done);
    for (const m of todo) {
      for (const step of m.steps) await c.query(stepSql(step, 'postgres'));
      await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [m.version, m.name]);
    }
    return todo.map((m) => m.version);
  });
  let migrationsApplied: number[];
  try {
    migrationsApplied = await migrate();
  } catch (err) {
    drop(client); // do not leave a connection open behind a failed open
    throw err;
  }

  // Ledger rows are the only ones another writer may hold without holding their document: they
  // go last, sorted by sha256 (see the header).
  const unnestSql = new Map(RECORD_TABLES.map((t) => [t, insertSql(t, unnestSource(t, t === LEDGER ? 'sha256' : undefined))]));
  // Children before their parents: entity_aliases and entity_mentions before entities.
  const deletes = [...CHILD_TABLES].reverse().map((t) => `DELETE FROM ${t.name} WHERE document_id = ANY($1::text[])`);
  const perStatement = Math.floor(MAX_PARAMS / DOCUMENTS.columns.length);

  async function writeRecords(c: pg.Client, records: readonly PressRecord[]): Promise<void> {
    const batch = batchRows(records, new Date().toISOString());
    // Documents sorted by id: row locks in one global order (VALUES keeps the order of its rows).
    const docs = [...batch.rows.get(DOCUMENTS)!].sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
    for (let i = 0; i < docs.length; i += perStatement) {
      const chunk: Row[] = docs.slice(i, i + perStatement);
      await c.query(insertSql(DOCUMENTS, valuesSource(DOCUMENTS, chunk.length)), chunk.flat());
    }
    for (const sql of deletes) await c.query(sql, [batch.ids]);
    for (const [table, rows] of batch.rows) {
      if (table === DOCUMENTS || rows.length === 0) continue;
      await c.query(unnestSql.get(table)!, columnArrays(table, rows));
    }
  }

  // One connection, one transaction at a time: calls that overlap wait for each other.
  return {
    name,
    migrationsApplied,
    writeBatch: serialized(async (records: PressRecord[]) => {
      if (closed) throw new SinkError(`${name}: the sink is closed`);
      if (records.length === 0) return;
      await transaction(`write ${records.length} record(s)`, (c) => writeRecords(c, records));
    }),
    ledger: serialized(async () => {
      if (closed) throw new SinkError(`${name}: the sink is closed`);
      return transaction('read the ledger', async (c) => {
        const { rows } = await c.query<{ sha256: string }>('SELECT sha256 FROM ledger');
        return new Set(rows.map((r) => r.sha256));
      });
    }),
    close: serialized(async () => {
      if (closed) return;
      closed = true;
      const c = client;
      client = null;
      if (c) await c.end().catch(() => undefined);
    }),
  };
}
