// SQLite sink (better-sqlite3): one immediate transaction per batch, upsert by record id, the
// ledger in the same transaction.
//
// Durability: WAL journal with synchronous=FULL by default, so a resolved writeBatch survives a
// SIGKILL of the process and a power cut (the WAL is fsynced at every commit; one fsync per batch).
// synchronous=NORMAL (option) is still durable against a crash of the process, since a committed
// transaction is in the WAL file in the OS cache, but the last commits may be lost on power loss.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { PressRecord } from '../export/schema.js';
import { SinkError, type Sink } from './types.js';
import { batchRows, CHILD_TABLES, DOCUMENTS, insertSql, MIGRATIONS, pendingMigrations, RECORD_TABLES, SCHEMA_MIGRATIONS, createTableSql, stepSql, type Migration, type Table } from './sql.js';

export interface SqliteSinkOptions {
  /** FULL (default): durable against power loss. NORMAL: durable against a crash of the process only. */
  synchronous?: 'FULL' | 'NORMAL';
  /** How long to wait for another process holding the write lock (default 10 s). */
  busyTimeoutMs?: number;
  /** The schema migrations (default: MIGRATIONS); for tests and future versions. */
  migrations?: readonly Migration[];
}

export interface SqliteSink extends Sink {
  /** The versions of the migrations this open applied (empty when the database was up to date). */
  readonly migrationsApplied: number[];
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function openError(path: string, err: unknown): SinkError {
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB') return new SinkError(`${path} is not an SQLite database (give a new file name, or the path of a database pressx wrote)`, false, { cause: err });
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM' || code === 'SQLITE_IOERR' || code.startsWith('SQLITE_CANTOPEN')) {
    return new SinkError(`cannot open SQLite database ${path} for writing: ${describe(err)} (check that the location is writable)`, false, { cause: err });
  }
  return new SinkError(`cannot open SQLite database ${path}: ${describe(err)}`, code === 'SQLITE_BUSY', { cause: err });
}

export async function openSqliteSink(path: string, options: SqliteSinkOptions = {}): Promise<SqliteSink> {
  const { synchronous = 'FULL', busyTimeoutMs = 10_000, migrations = MIGRATIONS } = options;
  if (path !== ':memory:') {
    const dir = dirname(resolve(path));
    if (!existsSync(dir)) throw new SinkError(`cannot open SQLite database ${path}: the folder ${dir} does not exist`);
    if (!statSync(dir).isDirectory()) throw new SinkError(`cannot open SQLite database ${path}: ${dir} is not a folder`);
    if (existsSync(path) && statSync(path).isDirectory()) throw new SinkError(`cannot open SQLite database ${path}: it is a folder, not a file`);
  }

  let db: Database.Database;
  let applied: number[];
  try {
    db = new Database(path, { timeout: busyTimeoutMs });
  } catch (err) {
    throw openError(path, err);
  }
  try {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (path !== ':memory:' && String(mode).toLowerCase() !== 'wal') throw new SinkError(`cannot put SQLite database ${path} in WAL mode (journal_mode is ${String(mode)})`);
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma('foreign_keys = ON');
    applied = migrate(db, migrations);
  } catch (err) {
    db.close();
    throw err instanceof SinkError ? err : openError(path, err);
  }

  const insert = new Map<Table, Database.Statement>(
    RECORD_TABLES.map((t) => [t, db.prepare(insertSql(t, `VALUES (${t.columns.map(() => '?').join(', ')})`))]),
  );
  // Children go before their parents: entity_aliases and entity_mentions before entities.
  const deleteChildren = [...CHILD_TABLES].reverse().map((t) => db.prepare(`DELETE FROM ${t.name} WHERE document_id = ?`));
  const ledgerQuery = db.prepare('SELECT sha256 FROM ledger').pluck();
  let closed = false;

  const write = db.transaction((records: readonly PressRecord[]) => {
    const batch = batchRows(records, new Date().toISOString());
    for (const row of batch.rows.get(DOCUMENTS)!) insert.get(DOCUMENTS)!.run(row);
    for (const id of batch.ids) for (const del of deleteChildren) del.run(id);
    for (const [table, rows] of batch.rows) {
      if (table === DOCUMENTS) continue;
      const stmt = insert.get(table)!;
      for (const row of rows) stmt.run(row);
    }
  });

  return {
    name: path,
    migrationsApplied: applied,
    async writeBatch(records) {
      if (closed) throw new SinkError(`SQLite database ${path} is closed`);
      if (records.length === 0) return;
      try {
        write.immediate(records);
      } catch (err) {
        const code = (err as { code?: string }).code ?? '';
        const why = code === 'SQLITE_FULL' ? 'the disk is full' : describe(err);
        throw new SinkError(`cannot write ${records.length} record(s) to SQLite database ${path}: ${why}`, code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED', { cause: err });
      }
    },
    async ledger() {
      return new Set(ledgerQuery.all() as string[]);
    },
    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}

/** Applies the missing migrations in one immediate transaction; returns their versions. */
function migrate(db: Database.Database, migrations: readonly Migration[]): number[] {
  const run = db.transaction(() => {
    db.exec(createTableSql(SCHEMA_MIGRATIONS, 'sqlite'));
    const done = db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[];
    const todo = pendingMigrations(migrations, done);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of todo) {
      for (const step of m.steps) db.exec(stepSql(step, 'sqlite'));
      record.run(m.version, m.name, new Date().toISOString());
    }
    return todo.map((m) => m.version);
  });
  return run.immediate();
}
